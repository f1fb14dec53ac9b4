//! `hamish export`: export annotated documents (text files with their `.ann.ron` sidecars) to
//! brat, JSONL, CoNLL, CSV or W3C Web Annotation, through the application layer's export (the
//! same files File > Export writes). One bad file is reported with its path and reason without
//! stopping the batch.

use super::formats::{ExportFormatArg, FlavorArg};
use crate::store::formats::{FormatError, LossReport};
use crate::store::sidecar::AnnotatorName;
use crate::workspace::batch::export::{
    export_files, find_documents, load_documents, write_outputs,
};
use crate::workspace::ExchangeError;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Text explaining the exit codes, shared by `export` and `import`.
pub(crate) const EXIT_CODES: &str = "Exit codes: 0 all files done with nothing lost; 1 some files failed or something could not be represented (see the `lost:` lines); 2 usage error, a missing input path, or (export) an output file that cannot be written.";

/// Arguments of `hamish export`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_CODES)]
pub struct ExportArgs {
    /// Text files, their `.ann.ron` sidecars, or folders (searched for sidecars recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The format to write.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// The shape of JSONL output: Hamish's own (lossless), doccano, or Label Studio.
    #[arg(long, value_enum, default_value = "hamish")]
    pub flavor: FlavorArg,
    /// The folder to write into (created if needed).
    #[arg(long)]
    pub out: PathBuf,
    /// Overwrite files in the output folder that differ from what would be written.
    #[arg(long)]
    pub force: bool,
    /// Export this annotator's files (`<text>.<NAME>.ann.ron`) instead of the gold
    /// `<text>.ann.ron`.
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<AnnotatorName>,
}

/// A progress bar on stderr for runs of many files, hidden when stderr is not a terminal.
pub(crate) fn progress_bar(len: usize) -> ProgressBar {
    if len < 20 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    bar
}

/// Prints failures and losses; returns the exit code they call for.
pub(crate) fn finish(failed: &[String], report: &LossReport, done: usize) -> ExitCode {
    for f in failed {
        eprintln!("hamish: failed: {f}");
    }
    eprint!("{report}");
    eprintln!(
        "hamish: {done} done, {} failed, {} lost",
        failed.len(),
        report.len()
    );
    if failed.is_empty() && report.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The command line's advice for an error of the layer: an output in the way can be forced.
pub(crate) fn with_advice(err: &FormatError) -> String {
    match err {
        FormatError::Exists { .. } => format!("{err}; pass --force to overwrite it"),
        _ => err.to_string(),
    }
}

/// Runs `hamish export`.
pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let found = find_documents(&args.paths, args.annotator.as_ref())?;
    let bar = progress_bar(found.len());
    let (docs, failed) = load_documents(&found, &|| bar.inc(1));
    bar.finish_and_clear();
    let mut report = LossReport::new();
    let files =
        export_files(&docs, args.format.into(), args.flavor.into(), &mut report).map_err(|e| {
            match e {
                ExchangeError::Format(e) => anyhow::anyhow!(with_advice(&e)),
                other => anyhow::anyhow!(other),
            }
        })?;
    write_outputs(&args.out, &files, args.force).map_err(|e| anyhow::anyhow!(with_advice(&e)))?;
    Ok(finish(&failed, &report, docs.len()))
}
