//! `hamish export`: export annotated documents (text files with their `.ann.ron` sidecars) to
//! brat, JSONL, CoNLL, CSV or W3C Web Annotation, through the application layer's export (the
//! same files File > Export writes). One bad file is reported with its path and reason without
//! stopping the batch.

use super::formats::{ExportFormatArg, FlavorArg};
use crate::store::formats::{FormatError, LossKind, LossReport};
use crate::store::sidecar::AnnotatorName;
use crate::workspace::batch::export::{
    export_files_with, find_documents, load_documents, write_outputs, ExportOptions,
};
use crate::workspace::terminal::escape_line;
use crate::workspace::ExchangeError;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Text explaining the exit codes, shared by `export` and `import`.
pub(crate) const EXIT_CODES: &str = "Exit codes: 0 all files done with nothing lost (or only losses of the kinds given to --allow-loss); 1 some files failed or something could not be represented (see the `lost:` lines); 2 usage error, a missing input path, or (export) an output file that cannot be written.";

/// Parses one `--allow-loss` kind.
pub(crate) fn loss_kind(name: &str) -> Result<LossKind, String> {
    LossKind::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = LossKind::ALL
            .iter()
            .filter(|k| **k != LossKind::Other)
            .map(|k| k.name())
            .collect();
        format!("expected one of: {}", names.join(", "))
    })
}

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
    /// Kinds of loss that are expected and exit 0 (comma-separated, e.g. `relations,attributes`);
    /// any other loss still exits 1.
    #[arg(long, value_delimiter = ',', value_parser = loss_kind, value_name = "KIND")]
    pub allow_loss: Vec<LossKind>,
    /// The base IRI of W3C Web Annotation ids (default `https://hamish.invalid/`).
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// CoNLL: also split the proclitics و ف ب ك ل off every word with the article after them
    /// (والقاعدة → و + القاعدة); without it they are split only where a span begins.
    #[arg(long)]
    pub split_clitics: bool,
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

/// Prints failures and losses; returns the exit code they call for (losses of an `allowed` kind
/// are printed but do not make it 1).
pub(crate) fn finish(
    failed: &[String],
    report: &LossReport,
    allowed: &[LossKind],
    done: usize,
) -> ExitCode {
    for f in failed {
        eprintln!("hamish: failed: {}", escape_line(f));
    }
    for loss in &report.losses {
        eprintln!("lost: {}", escape_line(&loss.to_string()));
    }
    let unexpected = report.unexpected(allowed);
    eprintln!(
        "hamish: {done} done, {} failed, {} lost ({} of allowed kinds)",
        failed.len(),
        report.len(),
        report.len() - unexpected
    );
    if failed.is_empty() && unexpected == 0 {
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
    let mut options = ExportOptions {
        flavor: args.flavor.into(),
        ..ExportOptions::default()
    };
    options.conll.split_clitics = args.split_clitics;
    if let Some(base) = args.base {
        options.base = base;
    }
    let files = export_files_with(&docs, args.format.into(), &options, &mut report).map_err(
        |e| match e {
            ExchangeError::Format(e) => anyhow::anyhow!(with_advice(&e)),
            other => anyhow::anyhow!(other),
        },
    )?;
    let written = write_outputs(&args.out, &files, args.force)
        .map_err(|e| anyhow::anyhow!(with_advice(&e)))?;
    for note in &written.notes {
        eprintln!("hamish: note: {}", escape_line(&note.to_string()));
    }
    Ok(finish(&failed, &report, &args.allow_loss, docs.len()))
}
