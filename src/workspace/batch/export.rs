//! Exporting annotated texts, for `hamish export` and File > Export alike: which files a format
//! writes and under which names (the same for one document as for a folder), and writing them so
//! that a refusal leaves nothing half-written. Offsets are converted by each format module.

use super::note::BatchNote;
use crate::model::schema::Schema;
use crate::store::formats::files::Written;
use crate::store::formats::jsonl::{DoccanoShape, JsonlFlavor};
use crate::store::formats::load::load_annotated_from;
use crate::store::formats::names::safe_relative;
use crate::store::formats::staged::{recover_batches, write_batch, Output};
use crate::store::formats::{
    brat, conll, csv_claims, webanno, AnnotatedText, ExportFormat, FormatError, LossReport,
};
use crate::store::sidecar::{resolve_for, AnnotatorName, SidecarPair, SIDECAR_SUFFIX};
use crate::store::walk::{walk_files, WalkError};
use crate::workspace::error::ExchangeError;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The name of the file all documents go to, for formats that write one file for a run.
pub fn single_file_name(format: ExportFormat, flavor: JsonlFlavor) -> Option<&'static str> {
    match (format, flavor) {
        (ExportFormat::Jsonl, JsonlFlavor::Hamish) => Some("hamish.jsonl"),
        (ExportFormat::Jsonl, JsonlFlavor::Doccano) => Some("doccano.jsonl"),
        (ExportFormat::Jsonl, JsonlFlavor::LabelStudio) => Some("label-studio.json"),
        (ExportFormat::Conll, _) => Some("export.conll"),
        (ExportFormat::Csv, _) => Some("claims.csv"),
        (ExportFormat::Brat | ExportFormat::Webanno, _) => None,
    }
}

/// One file an export writes: its path relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative path inside the output folder.
    pub rel: PathBuf,
    /// What it holds.
    pub bytes: Vec<u8>,
}

/// The choices an export takes besides its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The shape of JSONL output.
    pub flavor: JsonlFlavor,
    /// The base IRI of W3C Web Annotation ids (see [`webanno::DEFAULT_BASE`]).
    pub base: String,
    /// How CoNLL tokenizes (proclitics split everywhere, or only where a span begins).
    pub conll: conll::ConllOptions,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            flavor: JsonlFlavor::default(),
            base: webanno::DEFAULT_BASE.to_owned(),
            conll: conll::ConllOptions::default(),
        }
    }
}

/// The files `docs` make in `format` (JSONL in `flavor`), other options at their defaults; what
/// a format cannot hold goes to `report`.
pub fn export_files(
    docs: &[(AnnotatedText, Schema)],
    format: ExportFormat,
    flavor: JsonlFlavor,
    report: &mut LossReport,
) -> Result<Vec<OutputFile>, ExchangeError> {
    let options = ExportOptions {
        flavor,
        ..ExportOptions::default()
    };
    export_files_with(docs, format, &options, report)
}

/// The files `docs` make in `format` with `options`; what a format cannot hold goes to `report`.
pub fn export_files_with(
    docs: &[(AnnotatedText, Schema)],
    format: ExportFormat,
    options: &ExportOptions,
    report: &mut LossReport,
) -> Result<Vec<OutputFile>, ExchangeError> {
    let flavor = options.flavor;
    let file = |rel: PathBuf, bytes: Vec<u8>| OutputFile { rel, bytes };
    let single = |bytes: Vec<u8>| {
        let name = single_file_name(format, flavor).unwrap_or("export");
        vec![file(PathBuf::from(name), bytes)]
    };
    let files = match format {
        ExportFormat::Brat => brat_files(docs, report),
        ExportFormat::Jsonl => single(jsonl_bytes(docs, flavor, report)),
        ExportFormat::Conll => {
            let text: String = docs
                .iter()
                .map(|(d, _)| conll::export_with(d, options.conll, report))
                .collect();
            single(text.into_bytes())
        }
        ExportFormat::Csv => single(csv_claims::export(docs, report)?),
        ExportFormat::Webanno => docs
            .iter()
            .map(|(d, _)| {
                let rel = with_suffix(&safe_relative(&d.name), ".jsonld");
                let json = webanno::export_with_base(d, &options.base, report);
                file(rel, json.into_bytes())
            })
            .collect(),
    };
    check_collisions(docs, &files)?;
    Ok(files)
}

/// Refuses a run where two documents would write the same file (`x` and `x.txt` both make
/// brat's `x.txt`): one would replace the other.
fn check_collisions(
    docs: &[(AnnotatedText, Schema)],
    files: &[OutputFile],
) -> Result<(), FormatError> {
    // Formats that write one file per document (and brat's two) keep documents in order.
    let per_doc = if docs.is_empty() {
        0
    } else {
        files.len() / docs.len()
    };
    let mut seen: std::collections::HashMap<&Path, usize> = std::collections::HashMap::new();
    for (i, f) in files.iter().enumerate() {
        if let Some(first) = seen.insert(&f.rel, i) {
            let name = |k: usize| {
                docs.get(k / per_doc.max(1))
                    .map_or_else(|| "another output".to_owned(), |(d, _)| d.name.clone())
            };
            return Err(FormatError::Collision {
                path: f.rel.clone(),
                first: name(first),
                second: name(i),
            });
        }
    }
    Ok(())
}

fn brat_files(docs: &[(AnnotatedText, Schema)], report: &mut LossReport) -> Vec<OutputFile> {
    let style = brat::FlagStyle::for_docs(docs.iter().map(|(d, _)| d));
    let mut files = Vec::new();
    for (doc, _) in docs {
        let rel = safe_relative(&doc.name);
        let txt = if rel.extension().is_some_and(|e| e == "txt") {
            rel
        } else {
            with_suffix(&rel, ".txt")
        };
        let ann = brat::export_ann_styled(doc, &style, report);
        files.push(OutputFile {
            rel: txt.with_extension("ann"),
            bytes: ann.into_bytes(),
        });
        files.push(OutputFile {
            rel: txt,
            bytes: doc.text.clone().into_bytes(),
        });
    }
    if !docs.is_empty() {
        files.push(OutputFile {
            rel: PathBuf::from(brat::CONF_FILE),
            bytes: brat::collection_conf(docs, &style).into_bytes(),
        });
    }
    files
}

fn jsonl_bytes(
    docs: &[(AnnotatedText, Schema)],
    flavor: JsonlFlavor,
    report: &mut LossReport,
) -> Vec<u8> {
    let shape = DoccanoShape::for_docs(docs.iter().map(|(d, _)| d));
    let lines: Vec<String> = docs
        .iter()
        .map(|(d, _)| crate::store::formats::jsonl::export_line_shaped(d, flavor, shape, report))
        .collect();
    if flavor == JsonlFlavor::LabelStudio {
        format!("[\n{}\n]\n", lines.join(",\n")).into_bytes()
    } else if flavor == JsonlFlavor::Doccano {
        // doccano's default "Encoding: Auto" guesses with chardet, which takes BOM-less Arabic
        // UTF-8 for TIS-620 or Windows-1254; a BOM makes it say UTF-8-SIG (docs/formats.md).
        format!("\u{feff}{}\n", lines.join("\n")).into_bytes()
    } else {
        let mut text = lines.join("\n");
        text.push('\n');
        text.into_bytes()
    }
}

/// What [`write_outputs`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WrittenOutputs {
    /// The files, in order.
    pub paths: Vec<PathBuf>,
    /// What was found and done on the way: an earlier export cut short (completed or cleared),
    /// files replaced with `force` and where their previous version is.
    pub notes: Vec<BatchNote>,
}

/// Writes `files` into `folder` (created if needed) as one batch (`store::formats::staged`):
/// every file is checked first, so a refusal (a file there with other content, unless `force`;
/// a link inside the folder) writes nothing; a killed run leaves whole documents, and the next
/// run into the folder finishes or clears what it left, saying so in the notes.
pub fn write_outputs(
    folder: &Path,
    files: &[OutputFile],
    force: bool,
) -> Result<WrittenOutputs, FormatError> {
    std::fs::create_dir_all(folder).map_err(|source| FormatError::Io {
        path: folder.to_owned(),
        source,
    })?;
    let mut notes: Vec<BatchNote> = recover_batches(folder)
        .into_iter()
        .map(BatchNote::from)
        .collect();
    let outputs: Vec<Output> = files
        .iter()
        .map(|f| Output {
            rel: &f.rel,
            bytes: &f.bytes,
        })
        .collect();
    let placed = write_batch(folder, &outputs, force)?;
    for p in &placed {
        if let Written::Replaced { backup } = &p.written {
            notes.push(BatchNote::Replaced {
                path: p.path.clone(),
                backup: backup.clone(),
            });
        }
    }
    Ok(WrittenOutputs {
        paths: placed.into_iter().map(|p| p.path).collect(),
        notes,
    })
}

/// An annotated text found for an export: its text and sidecar, and its name in the export
/// (relative to the folder it was found under).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDocument {
    /// The text and the sidecar to export.
    pub pair: SidecarPair,
    /// The document's name in the export, e.g. `sub/a.txt`.
    pub name: String,
}

/// The annotated texts under `paths` (text files, sidecars or folders) whose sidecar is
/// `annotator`'s (the gold one with `None`), each named as its text relative to the folder it
/// was found under (`sub/a.txt.alice.ann.ron` → `sub/a.txt`).
pub fn find_documents(
    paths: &[PathBuf],
    annotator: Option<&AnnotatorName>,
) -> Result<Vec<FoundDocument>, WalkError> {
    let found = walk_files(paths, &|n: &str| n.ends_with(SIDECAR_SUFFIX))?;
    Ok(found
        .into_iter()
        .filter_map(|f| {
            let pair = resolve_for(&f.path, annotator)?;
            let extra = f.path.as_os_str().len() - pair.text.as_os_str().len();
            let name = f.name.get(..f.name.len().checked_sub(extra)?)?.to_owned();
            Some(FoundDocument { pair, name })
        })
        .collect())
}

/// Loads the documents `found` in parallel; `progress` is called once per file. Returns the
/// documents and, for each one that could not be loaded, a line saying why; two documents with
/// the same name are refused (they would write the same files).
pub fn load_documents(
    found: &[FoundDocument],
    progress: &(dyn Fn() + Sync),
) -> (Vec<(AnnotatedText, Schema)>, Vec<String>) {
    let loaded: Vec<Result<(AnnotatedText, Schema), String>> = found
        .par_iter()
        .map(|f| {
            let result = load_annotated_from(&f.pair.text, &f.pair.sidecar, &f.name)
                .map_err(|e| e.to_string());
            progress();
            result
        })
        .collect();
    let mut failed = Vec::new();
    let mut docs = Vec::new();
    let mut names = std::collections::HashSet::new();
    for r in loaded {
        match r {
            Ok((d, _)) if !names.insert(d.name.clone()) => failed.push(format!(
                "{}: another input has the same name; export the folders separately",
                d.name
            )),
            Ok(d) => docs.push(d),
            Err(e) => failed.push(e),
        }
    }
    (docs, failed)
}

/// `path` with `suffix` appended to its last part.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}
