//! `hamish import`: import brat, JSONL or CoNLL annotations into sidecar files.

use std::process::ExitCode;

/// Arguments of `hamish import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Files or folders.
    pub paths: Vec<std::path::PathBuf>,
}

/// Runs `hamish import`.
pub fn run(_args: ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`hamish import` is not built yet")
}
