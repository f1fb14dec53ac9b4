//! `hamish export`: export annotated documents (text files with their `.ann.ron` sidecars) to
//! brat, JSONL, CoNLL, CSV or W3C Web Annotation. Documents are read in parallel; one bad file is
//! reported with its path and reason without stopping the batch.

use crate::model::schema::Schema;
use crate::store::formats::jsonl::JsonlFlavor;
use crate::store::formats::load::load_annotated_from;
use crate::store::formats::walk::{collect, safe_relative};
use crate::store::formats::{
    brat, conll, csv_claims, files::write_file, jsonl, webanno, AnnotatedText, ExportFormat,
    LossReport,
};
use crate::store::sidecar::{resolve_for, AnnotatorName, SIDECAR_SUFFIX};
use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
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
    pub format: ExportFormat,
    /// The shape of JSONL output: Hamish's own (lossless), doccano, or Label Studio.
    #[arg(long, value_enum, default_value = "hamish")]
    pub flavor: JsonlFlavor,
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

/// Runs `hamish export`.
pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let found = collect(&args.paths, &|n: &str| n.ends_with(SIDECAR_SUFFIX))?;
    // Each found sidecar of the wanted kind, named as its text: "a.txt.alice.ann.ron" → "a.txt".
    let found: Vec<_> = found
        .iter()
        .filter_map(|f| {
            let pair = resolve_for(&f.path, args.annotator.as_ref())?;
            let extra = f.path.as_os_str().len() - pair.text.as_os_str().len();
            let name = f.name.get(..f.name.len().checked_sub(extra)?)?.to_owned();
            Some((pair, name))
        })
        .collect();
    let bar = progress_bar(found.len());
    let loaded: Vec<Result<(AnnotatedText, Schema), String>> = found
        .par_iter()
        .map(|(pair, name)| {
            let result =
                load_annotated_from(&pair.text, &pair.sidecar, name).map_err(|e| e.to_string());
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    let mut failed = Vec::new();
    let mut docs = Vec::new();
    let mut names = std::collections::HashSet::new();
    for r in loaded {
        match r {
            // Two inputs with the same relative name would write the same output files.
            Ok((d, _)) if !names.insert(d.name.clone()) => failed.push(format!(
                "{}: another input has the same name; export the folders separately",
                d.name
            )),
            Ok(d) => docs.push(d),
            Err(e) => failed.push(e),
        }
    }
    let mut report = LossReport::new();
    write_outputs(&args, &docs, &mut report)?;
    Ok(finish(&failed, &report, docs.len()))
}

fn write_outputs(
    args: &ExportArgs,
    docs: &[(AnnotatedText, Schema)],
    report: &mut LossReport,
) -> anyhow::Result<()> {
    let out = &args.out;
    let write = |rel: &Path, bytes: &[u8]| -> anyhow::Result<()> {
        let path = out.join(rel);
        write_file(&path, bytes, args.force).with_context(|| format!("writing {}", path.display()))
    };
    match args.format {
        ExportFormat::Brat => {
            for (doc, schema) in docs {
                let rel = safe_relative(&doc.name);
                let txt = if rel.extension().is_some_and(|e| e == "txt") {
                    rel.clone()
                } else {
                    append(&rel, ".txt")
                };
                write(&txt, doc.text.as_bytes())?;
                write(
                    &txt.with_extension("ann"),
                    brat::export_ann(doc, report).as_bytes(),
                )?;
                if let Some((_, first)) = docs.first().filter(|(_, first)| first != schema) {
                    report.add(
                        &doc.name,
                        None,
                        format!("schema {}", schema.id),
                        format!(
                            "annotation.conf is written from the first document's schema ({})",
                            first.id
                        ),
                    );
                }
            }
            if let Some((_, schema)) = docs.first() {
                write(
                    Path::new(brat::CONF_FILE),
                    brat::export_conf(schema).as_bytes(),
                )?;
            }
        }
        ExportFormat::Jsonl => {
            let shape = jsonl::DoccanoShape::for_docs(docs.iter().map(|(d, _)| d));
            let lines: Vec<String> = docs
                .iter()
                .map(|(d, _)| jsonl::export_line_shaped(d, args.flavor, shape, report))
                .collect();
            if args.flavor == JsonlFlavor::LabelStudio {
                write(
                    Path::new("label-studio.json"),
                    format!("[\n{}\n]\n", lines.join(",\n")).as_bytes(),
                )?;
            } else {
                let name = if args.flavor == JsonlFlavor::Doccano {
                    "doccano.jsonl"
                } else {
                    "hamish.jsonl"
                };
                let mut text = lines.join("\n");
                text.push('\n');
                write(Path::new(name), text.as_bytes())?;
            }
        }
        ExportFormat::Conll => {
            let text: String = docs.iter().map(|(d, _)| conll::export(d, report)).collect();
            write(Path::new("export.conll"), text.as_bytes())?;
        }
        ExportFormat::Csv => {
            let list: Vec<AnnotatedText> = docs.iter().map(|(d, _)| d.clone()).collect();
            write(Path::new("claims.csv"), &csv_claims::export(&list)?)?;
        }
        ExportFormat::Webanno => {
            for (doc, _) in docs {
                write(
                    &append(&safe_relative(&doc.name), ".jsonld"),
                    webanno::export(doc, report).as_bytes(),
                )?;
            }
        }
    }
    Ok(())
}

fn append(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}
