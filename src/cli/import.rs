//! `hamish import`: import brat, JSONL (Hamish, doccano, Label Studio) or CoNLL annotations into
//! sidecar files, with the text written next to them, through the application layer's import
//! (the same reading File > Import does). Sources are read in parallel; an existing file is never
//! replaced by different content without `--force`.

use super::export::{finish, progress_bar, with_advice, EXIT_CODES};
use super::formats::ImportFormatArg;
use crate::model::annotation::Timestamp;
use crate::store::formats::{FormatError, ImportFormat, LossReport};
use crate::store::sidecar::AnnotatorName;
use crate::store::walk::walk_files;
use crate::workspace::batch::import::{is_source_name, read_source, write_imported, ImportSchema};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish import`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_CODES)]
pub struct ImportArgs {
    /// Source files or folders (brat: `.ann` files; jsonl: `.jsonl`/`.json`; conll: `.conll`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The format to read.
    #[arg(long, value_enum)]
    pub format: ImportFormatArg,
    /// The folder to write texts and sidecars into (created if needed).
    #[arg(long)]
    pub into: PathBuf,
    /// Overwrite texts or sidecars that exist with different content.
    #[arg(long)]
    pub force: bool,
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
    let now = Timestamp::now();
    let bar = progress_bar(found.len());
    let results: Vec<(Result<usize, String>, LossReport)> = found
        .par_iter()
        .map(|f| {
            let mut report = LossReport::new();
            let result = read_source(format, f, &schema, now, &mut report)
                .and_then(|docs| {
                    let n = docs.len();
                    docs.into_iter()
                        .try_for_each(|d| {
                            write_imported(&args.into, d, args.force, args.annotator.as_ref())
                        })
                        .map(|()| n)
                })
                .map_err(|e| format!("{}: {}", f.path.display(), with_advice(&e)));
            bar.inc(1);
            (result, report)
        })
        .collect();
    bar.finish_and_clear();
    let mut report = LossReport::new();
    let mut failed = Vec::new();
    let mut done = 0;
    for (result, r) in results {
        report.extend(r);
        match result {
            Ok(n) => done += n,
            Err(e) => failed.push(e),
        }
    }
    Ok(finish(&failed, &report, done))
}
