//! `hamish render`: draw the laid-out text to a PNG on the CPU, with no window and no GPU.

use super::DirectionArg;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The text file.
    pub file: PathBuf,
    /// Page width in pixels.
    #[arg(long, default_value_t = 800.0)]
    pub width: f32,
    /// Font size in pixels.
    #[arg(long, default_value_t = 24.0)]
    pub font_size: f32,
    /// Base direction of the paragraphs.
    #[arg(long, value_enum, default_value_t = DirectionArg::Auto)]
    pub direction: DirectionArg,
    /// Output PNG path.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `hamish render`.
pub fn run(_args: RenderArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hamish render` is not built yet")
}
