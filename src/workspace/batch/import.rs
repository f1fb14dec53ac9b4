//! Importing another tool's annotations, for `hamish import` and File > Import alike: reading a
//! source file into texts with annotation sets (brat `.txt` BOMs corrected, names made safe),
//! and writing each as a text with its sidecar. Offsets are chars of the texts as read.

use crate::model::annotation::Timestamp;
use crate::model::schema::{Schema, SchemaError};
use crate::model::set::AnnotationSet;
use crate::model::source_text::SourceText;
use crate::model::text_format::TextEncoding;
use crate::store::formats::files::{read_text, write_file};
use crate::store::formats::names::safe_relative;
use crate::store::formats::{brat, conll, jsonl, FormatError, ImportFormat, LossReport};
use crate::store::sidecar::{
    load_schema_file, sidecar_path_for, to_ron_string, AnnotatorName, SchemaSource, SidecarData, FOLDER_SCHEMA_FILE,
};
use crate::store::walk::FoundFile;
use std::path::{Path, PathBuf};

/// True for the file names a folder walk picks up as sources of `format`.
pub fn is_source_name(format: ImportFormat, name: &str) -> bool {
    match format {
        ImportFormat::Brat => name.ends_with(".ann") && !name.ends_with(".ann.ron"),
        ImportFormat::Jsonl => name.ends_with(".jsonl") || name.ends_with(".json"),
        ImportFormat::Conll => {
            name.ends_with(".conll") || name.ends_with(".iob") || name.ends_with(".bio")
        }
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
    }
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

/// Writes an imported document into `into`: the text (UTF-8) and its sidecar (`annotator`'s own
/// file, or the gold one with `None`), each refused when a different file is there, unless `force`.
pub fn write_imported(
    into: &Path,
    d: ImportedText,
    force: bool,
    annotator: Option<&AnnotatorName>,
) -> Result<(), FormatError> {
    let text_path = into.join(&d.rel);
    let doc = SourceText::new(&text_path, d.text, TextEncoding::Utf8);
    write_file(&text_path, doc.text.as_bytes(), force)?;
    let data = SidecarData::new(&doc, d.schema, d.set);
    write_file(
        &sidecar_path_for(&text_path, annotator),
        to_ron_string(&data).as_bytes(),
        force,
    )
}
