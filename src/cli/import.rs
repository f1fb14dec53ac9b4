//! `hamish import`: import brat, JSONL (Hamish, doccano, Label Studio), CoNLL or W3C Web
//! Annotation annotations into
//! sidecar files, with the text written next to them, through the application layer's import
//! (`workspace::batch::import`, the same reading File > Import does). An existing file is never
//! replaced by different content without `--force`, which keeps its `.bak`.

use super::export::{finish, loss_kind, progress_bar, with_advice, EXIT_CODES};
use super::formats::ImportFormatArg;
use crate::model::annotation::Timestamp;
use crate::store::formats::{FormatError, ImportFormat, LossKind};
use crate::store::sidecar::AnnotatorName;
use crate::store::walk::walk_files;
use crate::workspace::batch::import::{
    import_sources, is_source_name, ImportOptions, ImportSchema,
};
use crate::workspace::terminal::escape_line;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish import`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_CODES)]
pub struct ImportArgs {
    /// Source files or folders (brat: `.ann` files; jsonl: `.jsonl`/`.json`; conll: `.conll`;
    /// webanno: `.jsonld`, each next to the text it annotates).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The format to read.
    #[arg(long, value_enum)]
    pub format: ImportFormatArg,
    /// The folder to write texts and sidecars into (created if needed).
    #[arg(long)]
    pub into: PathBuf,
    /// Overwrite texts or sidecars that exist with different content (the previous version is
    /// kept as `<file>.bak`).
    #[arg(long)]
    pub force: bool,
    /// Kinds of loss that are expected and exit 0 (comma-separated); any other loss exits 1.
    #[arg(long, value_delimiter = ',', value_parser = loss_kind, value_name = "KIND")]
    pub allow_loss: Vec<LossKind>,
    /// Write this annotator's files (`<text>.<NAME>.ann.ron`) instead of the gold
    /// `<text>.ann.ron`.
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<AnnotatorName>,
}

/// Runs `hamish import`.
pub fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let format: ImportFormat = args.format.into();
    let found = walk_files(&args.paths, &|n| is_source_name(format, n))?;
    std::fs::create_dir_all(&args.into).map_err(|source| FormatError::Io {
        path: args.into.clone(),
        source,
    })?;
    // Attribute values are typed by the schema new sidecars get: the target folder's, or the bundled one.
    let schema = ImportSchema::for_folder(&args.into)?;
    let options = ImportOptions {
        format,
        into: args.into,
        force: args.force,
        annotator: args.annotator,
        schema,
        now: Timestamp::now(),
    };
    let bar = progress_bar(found.len());
    let outcome = import_sources(&found, &options, &|| bar.inc(1));
    bar.finish_and_clear();
    for note in &outcome.notes {
        eprintln!("hamish: note: {}", escape_line(&note.to_string()));
    }
    let failed: Vec<String> = outcome
        .failed
        .iter()
        .map(|f| format!("{}: {}", f.origin, with_advice(&f.error)))
        .collect();
    Ok(finish(
        &failed,
        &outcome.report,
        &args.allow_loss,
        outcome.done,
    ))
}
