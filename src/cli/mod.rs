//! Command-line parsing (clap) and dispatch of the headless subcommands; the only place besides
//! `main.rs` that turns errors into exit codes.

pub mod agree;
pub mod check;
pub mod export;
pub mod formats;
pub mod import;
pub mod layout;
pub mod render;
pub mod stats;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Hamish (هامش): annotate Arabic text.
#[derive(Debug, Parser)]
#[command(
    name = "hamish",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A UTF-8 (or other supported encoding) text file to open in the window; without it the
    /// bundled sample article opens.
    pub file: Option<PathBuf>,
    /// A headless command instead of the window.
    #[command(subcommand)]
    pub command: Option<HeadlessCommand>,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum HeadlessCommand {
    /// Print the layout of a text file (lines, runs, glyphs).
    Layout(layout::LayoutArgs),
    /// Draw the laid-out text to a PNG on the CPU, with no window and no GPU.
    Render(render::RenderArgs),
    /// Parse, anchor and schema-validate every sidecar under the given paths.
    Check(check::CheckArgs),
    /// Count annotations per label and per document under the given paths.
    Stats(stats::StatsArgs),
    /// Export annotated documents to another tool's format.
    Export(export::ExportArgs),
    /// Import annotations from another tool's format into sidecar files.
    Import(import::ImportArgs),
    /// Inter-annotator agreement (F1, κ, α, αU) between annotators' files of the same texts.
    Agree(agree::AgreeArgs),
}

/// Runs a headless command; the returned code is the process exit code.
pub fn run_command(command: HeadlessCommand) -> anyhow::Result<std::process::ExitCode> {
    match command {
        HeadlessCommand::Layout(args) => layout::run(args),
        HeadlessCommand::Render(args) => render::run(args),
        HeadlessCommand::Check(args) => check::run(args),
        HeadlessCommand::Stats(args) => stats::run(args),
        HeadlessCommand::Export(args) => export::run(args),
        HeadlessCommand::Import(args) => import::run(args),
        HeadlessCommand::Agree(args) => agree::run(args),
    }
}

/// Paragraph base direction as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DirectionArg {
    /// From the first strong character; RTL when there is none.
    Auto,
    /// Right to left.
    Rtl,
    /// Left to right.
    Ltr,
}

impl From<DirectionArg> for crate::text::BaseDirection {
    fn from(arg: DirectionArg) -> Self {
        match arg {
            DirectionArg::Auto => Self::Auto,
            DirectionArg::Rtl => Self::Rtl,
            DirectionArg::Ltr => Self::Ltr,
        }
    }
}
