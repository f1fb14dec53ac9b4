//! `hamish export`: export annotated documents to brat, JSONL, CoNLL, CSV or W3C Web Annotation.

use std::process::ExitCode;

/// Arguments of `hamish export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Files or folders.
    pub paths: Vec<std::path::PathBuf>,
}

/// Runs `hamish export`.
pub fn run(_args: ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hamish export` is not built yet")
}
