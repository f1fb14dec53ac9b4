//! `hamish stats`: annotation counts per label and per document.

use std::process::ExitCode;

/// Arguments of `hamish stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Files or folders.
    pub paths: Vec<std::path::PathBuf>,
}

/// Runs `hamish stats`.
pub fn run(_args: StatsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hamish stats` is not built yet")
}
