//! Importing another tool's annotations, for `hamish import` and File > Import alike: reading a
//! source file into texts with annotation sets (brat `.txt` BOMs corrected, names made safe),
//! and writing each as a text with its sidecar. Offsets are chars of the texts as read.

use super::note::BatchNote;
use crate::model::annotation::Timestamp;
use crate::model::schema::{Schema, SchemaError};
use crate::model::set::AnnotationSet;
use crate::model::source_text::SourceText;
use crate::model::text_format::TextEncoding;
use crate::store::atomic::{folder_of, FolderLock};
use crate::store::formats::files::{confined, read_text, write_file, Written};
use crate::store::formats::names::{numbered, safe_relative, unreserved};
use crate::store::formats::{brat, conll, jsonl, webanno, FormatError, ImportFormat, LossReport};
use crate::store::sidecar::{
    load_schema_file, sidecar_path_for, to_ron_string, AnnotatorName, SchemaSource, SidecarData,
    FOLDER_SCHEMA_FILE,
};
use crate::store::walk::FoundFile;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// True for the file names a folder walk picks up as sources of `format`.
pub fn is_source_name(format: ImportFormat, name: &str) -> bool {
    match format {
        ImportFormat::Brat => name.ends_with(".ann") && !name.ends_with(".ann.ron"),
        ImportFormat::Jsonl => name.ends_with(".jsonl") || name.ends_with(".json"),
        ImportFormat::Conll => {
            name.ends_with(".conll") || name.ends_with(".iob") || name.ends_with(".bio")
        }
        ImportFormat::Webanno => name.ends_with(".jsonld"),
    }
}

/// The schema imported annotations are typed by, where the source does not bring its own.
#[derive(Debug, Clone)]
pub struct ImportSchema {
    /// What the new sidecars record.
    pub source: SchemaSource,
    /// The schema itself.
    pub schema: Schema,
    /// True when a brat `annotation.conf` beside the source replaces it (a new corpus); false when
    /// the annotations go into a text that has its schema already.
    pub use_brat_conf: bool,
}

impl ImportSchema {
    /// The schema new sidecars get in `folder`: its `schema.ron`, or the bundled one.
    pub fn for_folder(folder: &Path) -> Result<Self, SchemaError> {
        let source = SchemaSource::default_for(folder);
        let schema = match &source {
            SchemaSource::Folder => load_schema_file(&folder.join(FOLDER_SCHEMA_FILE))?,
            _ => Schema::fact_checking(),
        };
        Ok(Self {
            source,
            schema,
            use_brat_conf: true,
        })
    }
}

/// One document read from a source, ready to be written or merged.
#[derive(Debug, Clone)]
pub struct ImportedText {
    /// Relative path of the text to write (made safe: never outside the target folder).
    pub rel: PathBuf,
    /// The text.
    pub text: String,
    /// Where its schema comes from.
    pub schema: SchemaSource,
    /// Its annotations.
    pub set: AnnotationSet,
}

/// Reads the source `found` in `format`; what cannot be read goes to `report`.
pub fn read_source(
    format: ImportFormat,
    found: &FoundFile,
    schema: &ImportSchema,
    now: Timestamp,
    report: &mut LossReport,
) -> Result<Vec<ImportedText>, FormatError> {
    let stem = found
        .name
        .rsplit_once('.')
        .map_or(found.name.as_str(), |(s, _)| s);
    let path = &found.path;
    let named = |name: String, text: String, set: AnnotationSet| ImportedText {
        rel: safe_relative(&name),
        text,
        schema: schema.source.clone(),
        set,
    };
    match format {
        ImportFormat::Brat => read_brat(path, stem, schema, now, report).map(|d| vec![d]),
        ImportFormat::Jsonl => {
            let input = read_text(path)?;
            let docs = jsonl::import(&input, &schema.schema, path, now, report);
            Ok(docs
                .into_iter()
                .enumerate()
                .map(|(k, d)| {
                    let name = d.name.unwrap_or_else(|| format!("{stem}-{}", k + 1));
                    let name = if Path::new(&name).extension().is_some() {
                        name
                    } else {
                        format!("{name}.txt")
                    };
                    named(name, d.text, d.set)
                })
                .collect())
        }
        ImportFormat::Conll => {
            let input = read_text(path)?;
            let docs = conll::import(&input, path, now, report);
            let single = docs.len() == 1;
            Ok(docs
                .into_iter()
                .enumerate()
                .map(|(k, d)| {
                    let name = if single {
                        format!("{stem}.txt")
                    } else {
                        format!("{stem}-{}.txt", k + 1)
                    };
                    named(name, d.text, d.set)
                })
                .collect())
        }
        ImportFormat::Webanno => {
            read_webanno(path, &found.name, schema, now, report).map(|d| vec![d])
        }
    }
}

/// A W3C Web Annotation file `<text>.jsonld` with the text it annotates beside it (`a.txt` for
/// `a.txt.jsonld`; `a.txt` for `a.jsonld` too, a name without an extension being no text).
fn read_webanno(
    path: &Path,
    name: &str,
    schema: &ImportSchema,
    now: Timestamp,
    report: &mut LossReport,
) -> Result<ImportedText, FormatError> {
    let text_name = name.strip_suffix(".jsonld").unwrap_or(name);
    let text_name = if Path::new(text_name).extension().is_some() {
        text_name.to_owned()
    } else {
        format!("{text_name}.txt")
    };
    let file_name = Path::new(&text_name)
        .file_name()
        .map_or_else(|| text_name.clone().into(), |n| n.to_owned());
    let text_path = path.with_file_name(file_name);
    // Read and decoded like any text: a missing text is an error naming where it was looked for.
    let text = read_text(&text_path)?;
    let mut imported = read_webanno_onto(path, text, schema, now, report)?;
    imported.rel = safe_relative(&text_name);
    Ok(imported)
}

/// The W3C Web Annotation file at `path` read as annotations of `text` (the window imports
/// one onto the open text, wherever the file is).
pub fn read_webanno_onto(
    path: &Path,
    text: String,
    schema: &ImportSchema,
    now: Timestamp,
    report: &mut LossReport,
) -> Result<ImportedText, FormatError> {
    let json = read_text(path)?;
    let set = webanno::import(&json, &text, &schema.schema, path, now, report);
    Ok(ImportedText {
        rel: PathBuf::new(),
        text,
        schema: schema.source.clone(),
        set,
    })
}

/// A brat `.ann` with the `.txt` beside it (a BOM in the `.txt` is not text: offsets move back).
fn read_brat(
    ann_path: &Path,
    stem: &str,
    schema: &ImportSchema,
    now: Timestamp,
    report: &mut LossReport,
) -> Result<ImportedText, FormatError> {
    let (text, ann) = brat::read_pair(ann_path)?;
    let conf = find_conf(ann_path).filter(|_| schema.use_brat_conf);
    let (source, schema) = match conf {
        Some(conf_path) => {
            let conf = read_text(&conf_path)?;
            let id = conf_path
                .parent()
                .and_then(|p| p.file_name())
                .map_or("brat".into(), |n| n.to_string_lossy().into_owned());
            let imported = brat::import_conf(&conf, &id, &conf_path, report);
            (SchemaSource::Inline(imported.clone()), imported)
        }
        None => (schema.source.clone(), schema.schema.clone()),
    };
    let set = brat::import_ann(&text, &ann, &schema, ann_path, now, report);
    let (text, set) = brat::drop_bom(text, set);
    Ok(ImportedText {
        rel: safe_relative(&format!("{stem}.txt")),
        text,
        schema: source,
        set,
    })
}

/// The `annotation.conf` brat would use for `ann`: in its folder or the nearest parent.
fn find_conf(ann: &Path) -> Option<PathBuf> {
    ann.ancestors()
        .skip(1)
        .map(|d| d.join(brat::CONF_FILE))
        .find(|p| p.is_file())
}

/// What writing one imported document did to its text and its sidecar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenDocument {
    /// The text file.
    pub text_path: PathBuf,
    /// What happened to it.
    pub text: Written,
    /// The sidecar file.
    pub sidecar_path: PathBuf,
    /// What happened to it.
    pub sidecar: Written,
}

/// Writes an imported document into `into`: the text (UTF-8) and its sidecar (`annotator`'s own
/// file, or the gold one with `None`), each created exclusively, left alone when identical, and
/// refused when a different file is there unless `force` (which keeps `.bak`). Both stay inside
/// `into` (links inside it are not followed); with `force` the folder lock is held over the
/// pair, so two processes never leave a text of one with the sidecar of the other.
pub fn write_imported(
    into: &Path,
    d: ImportedText,
    force: bool,
    annotator: Option<&AnnotatorName>,
) -> Result<WrittenDocument, FormatError> {
    let text_path = confined(into, &d.rel)?;
    let sidecar_path = sidecar_path_for(&text_path, annotator);
    let sidecar_rel = sidecar_path.strip_prefix(into).unwrap_or(&sidecar_path);
    confined(into, sidecar_rel)?;
    // Exclusive creates cannot pair a text with another run's sidecar (each file is created or
    // found identical, in order); replacements can, so `force` holds the folder lock over both.
    let _lock = force.then(|| FolderLock::acquire(&folder_of(&text_path)));
    let doc = SourceText::new(&text_path, d.text, TextEncoding::Utf8);
    let text = write_file(&text_path, doc.text.as_bytes(), force)?;
    let data = SidecarData::new(&doc, d.schema, d.set);
    // Not made on another thread while the text is written: the folder lock is held per thread,
    // and a thread waiting inside the pool may take up another document's write meanwhile.
    let sidecar_text = to_ron_string(&data);
    let sidecar = write_file(&sidecar_path, sidecar_text.as_bytes(), force)?;
    // Freeing a large set takes a while (a quarter of a second for 100,000 annotations): it is
    // done on the pool, where nobody waits for it (a command that ends does not free it at all).
    rayon::spawn(move || drop((data, doc, sidecar_text)));
    Ok(WrittenDocument {
        text_path,
        text,
        sidecar_path,
        sidecar,
    })
}

/// The choices of an import run besides its sources.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The format of the sources.
    pub format: ImportFormat,
    /// The folder the texts and sidecars go to.
    pub into: PathBuf,
    /// Replace files with other content (keeping `.bak`).
    pub force: bool,
    /// Write this annotator's sidecars instead of the gold ones.
    pub annotator: Option<AnnotatorName>,
    /// The schema new sidecars get.
    pub schema: ImportSchema,
    /// The time given to annotations without one.
    pub now: Timestamp,
}

/// A source or document that could not be imported.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {error}")]
pub struct ImportFailure {
    /// The source (and the document in it, when it holds several).
    pub origin: String,
    /// Why.
    pub error: FormatError,
}

/// What an import run did.
#[derive(Debug, Default)]
pub struct ImportOutcome {
    /// Documents whose text and sidecar are in place.
    pub done: usize,
    /// Each source or document that could not be imported, and why.
    pub failed: Vec<ImportFailure>,
    /// Things worth knowing: renamed documents, replaced files and their `.bak`.
    pub notes: Vec<BatchNote>,
    /// What the sources held that could not be carried over.
    pub report: LossReport,
}

/// Imports every source in `found`: read in parallel (`progress` is called once per source),
/// named so that no two documents of the run share a file (a later one gets `-2`, `-3`… and a
/// note), then written document by document — one that cannot be written is a failure of its
/// own and the others go on.
pub fn import_sources(
    found: &[FoundFile],
    options: &ImportOptions,
    progress: &(dyn Fn() + Sync),
) -> ImportOutcome {
    let read: Vec<(Result<Vec<ImportedText>, FormatError>, LossReport)> = found
        .par_iter()
        .map(|f| {
            let mut report = LossReport::new();
            let docs = read_source(options.format, f, &options.schema, options.now, &mut report);
            progress();
            (docs, report)
        })
        .collect();
    let mut outcome = ImportOutcome::default();
    let planned = name_documents(found, read, &mut outcome);
    let written: Vec<(String, Result<WrittenDocument, FormatError>)> = planned
        .into_par_iter()
        .map(|(origin, d)| {
            let result =
                write_imported(&options.into, d, options.force, options.annotator.as_ref());
            (origin, result)
        })
        .collect();
    for (origin, result) in written {
        match result {
            Ok(w) => {
                outcome.done += 1;
                for (path, what) in [(&w.text_path, &w.text), (&w.sidecar_path, &w.sidecar)] {
                    if let Written::Replaced { backup } = what {
                        outcome.notes.push(BatchNote::Replaced {
                            path: path.clone(),
                            backup: backup.clone(),
                        });
                    }
                }
            }
            Err(error) => outcome.failed.push(ImportFailure { origin, error }),
        }
    }
    outcome
}

/// The documents read from `found`, each with where it came from and a name no other document of
/// the run has and Hamish does not reserve (renamings go to `outcome.notes`, unreadable sources
/// to `outcome.failed`, losses to `outcome.report`).
fn name_documents(
    found: &[FoundFile],
    read: Vec<(Result<Vec<ImportedText>, FormatError>, LossReport)>,
    outcome: &mut ImportOutcome,
) -> Vec<(String, ImportedText)> {
    let mut planned = Vec::new();
    let mut taken: HashMap<PathBuf, String> = HashMap::new();
    for (f, (docs, report)) in found.iter().zip(read) {
        outcome.report.extend(report);
        let docs = match docs {
            Ok(docs) => docs,
            Err(error) => {
                outcome.failed.push(ImportFailure {
                    origin: f.path.display().to_string(),
                    error,
                });
                continue;
            }
        };
        let several = docs.len() > 1;
        for (k, mut d) in docs.into_iter().enumerate() {
            let origin = if several {
                format!("{} (document {})", f.path.display(), k + 1)
            } else {
                f.path.display().to_string()
            };
            let wanted = unreserved(d.rel.clone());
            if wanted != d.rel {
                outcome.notes.push(BatchNote::Reserved {
                    origin: origin.clone(),
                    written: wanted.clone(),
                    wanted: d.rel.clone(),
                });
            }
            d.rel = unique_name(&wanted, &origin, &mut taken, &mut outcome.notes);
            planned.push((origin, d));
        }
    }
    planned
}

/// `wanted`, or the first `wanted-n` no earlier document of the run took (saying so in `notes`).
fn unique_name(
    wanted: &Path,
    origin: &str,
    taken: &mut HashMap<PathBuf, String>,
    notes: &mut Vec<BatchNote>,
) -> PathBuf {
    let first = taken.get(wanted).cloned();
    let mut rel = wanted.to_path_buf();
    let mut n = 1;
    while taken.contains_key(&rel) {
        n += 1;
        rel = numbered(wanted, n);
    }
    if let Some(first) = first {
        notes.push(BatchNote::Renamed {
            origin: origin.to_owned(),
            written: rel.clone(),
            first,
            wanted: wanted.to_path_buf(),
        });
    }
    taken.insert(rel.clone(), origin.to_owned());
    rel
}
