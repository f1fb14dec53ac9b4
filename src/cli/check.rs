//! `hamish check`: parse, anchor and schema-validate sidecars; one report per file.

use std::process::ExitCode;

/// Arguments of `hamish check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders.
    pub paths: Vec<std::path::PathBuf>,
}

/// Runs `hamish check`.
pub fn run(_args: CheckArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hamish check` is not built yet")
}
