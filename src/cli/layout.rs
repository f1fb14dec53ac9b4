//! `hamish layout`: print the layout of a text file (lines, runs, glyphs) as text or JSON.

use super::DirectionArg;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish layout`.
#[derive(Debug, clap::Args)]
pub struct LayoutArgs {
    /// The text file.
    pub file: PathBuf,
    /// Available line width in pixels.
    #[arg(long, default_value_t = 800.0)]
    pub width: f32,
    /// Font size in pixels.
    #[arg(long, default_value_t = 24.0)]
    pub font_size: f32,
    /// Base direction of the paragraphs.
    #[arg(long, value_enum, default_value_t = DirectionArg::Auto)]
    pub direction: DirectionArg,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `hamish layout`.
pub fn run(_args: LayoutArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hamish layout` is not built yet")
}
