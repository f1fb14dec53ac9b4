//! File > Export and File > Import for the open document, through `store::formats`: export
//! writes the document's files into a chosen folder; import reads another tool's annotations of
//! the same text and adds them to the document as one undo step (ids renumbered, anchors
//! captured from this text). What a format cannot hold comes back as a loss report. Offsets are
//! chars into the document's text.

use crate::model::annotation::{AnnotationId, Timestamp};
use crate::model::edit::Edit;
use crate::model::relation::RelationId;
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::store::formats::files::{read_text, write_file};
use crate::store::formats::jsonl::JsonlFlavor;
use crate::store::formats::{
    brat, conll, csv_claims, jsonl, webanno, AnnotatedText, ExportFormat, FormatError,
    ImportFormat, LossReport,
};
use crate::store::session::AnnotationSession;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Why an export or import did not happen (nothing was written or changed).
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// Reading or writing a file failed, or a file already exists with other content.
    #[error("{0}")]
    Format(#[from] FormatError),
    /// An output file exists already with other content.
    #[error("{} exists already with other content; choose an empty folder or move that file away", .path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The CSV writer failed.
    #[error("writing the CSV failed: {0}")]
    Csv(#[from] csv::Error),
    /// The imported file holds no document with this text.
    #[error("{path} holds no annotations for this text ({found} document(s) with other text); import the file that was exported from this document")]
    OtherText {
        /// The file.
        path: PathBuf,
        /// How many documents it held.
        found: usize,
    },
    /// Applying the imported annotations failed.
    #[error("the imported annotations could not be added: {0}")]
    Apply(String),
}

/// Short names of the export formats, for menus and messages.
pub fn export_format_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Brat => "brat standoff (.txt + .ann)",
        ExportFormat::Jsonl => "JSONL (Hamish)",
        ExportFormat::Conll => "CoNLL IOB2",
        ExportFormat::Csv => "CSV of claims",
        ExportFormat::Webanno => "W3C Web Annotation (.jsonld)",
    }
}

/// Short names of the import formats, for menus and messages.
pub fn import_format_name(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::Brat => "brat standoff (.ann)",
        ImportFormat::Jsonl => "JSONL (Hamish, doccano, Label Studio)",
        ImportFormat::Conll => "CoNLL IOB2",
    }
}

/// The open document as the exporters take it.
pub fn annotated_doc(session: &AnnotationSession) -> AnnotatedText {
    let path = &session.source().path;
    AnnotatedText {
        name: path.file_name().map_or_else(
            || "document.txt".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        ),
        text: session.source().text.clone(),
        set: session.set().clone(),
    }
}

/// Writes `doc` in `format` into `folder` (never replacing a different existing file); returns
/// the files written and what the format could not hold.
pub fn export_document(
    doc: &AnnotatedText,
    schema: &Schema,
    format: ExportFormat,
    folder: &Path,
) -> Result<(Vec<PathBuf>, LossReport), ExchangeError> {
    let mut report = LossReport::new();
    let stem = Path::new(&doc.name).file_stem().map_or_else(
        || "document".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let files: Vec<(PathBuf, Vec<u8>)> = match format {
        ExportFormat::Brat => vec![
            (
                folder.join(format!("{stem}.txt")),
                doc.text.clone().into_bytes(),
            ),
            (
                folder.join(format!("{stem}.ann")),
                brat::export_ann(doc, &mut report).into_bytes(),
            ),
            (
                folder.join(brat::CONF_FILE),
                brat::export_conf(schema).into_bytes(),
            ),
        ],
        ExportFormat::Jsonl => {
            let mut line = jsonl::export_line(doc, JsonlFlavor::Hamish, &mut report);
            line.push('\n');
            vec![(folder.join(format!("{stem}.jsonl")), line.into_bytes())]
        }
        ExportFormat::Conll => vec![(
            folder.join(format!("{stem}.conll")),
            conll::export(doc, &mut report).into_bytes(),
        )],
        ExportFormat::Csv => vec![(
            folder.join(format!("{stem}-claims.csv")),
            csv_claims::export(std::slice::from_ref(doc))?,
        )],
        ExportFormat::Webanno => vec![(
            folder.join(format!("{stem}.jsonld")),
            webanno::export(doc, &mut report).into_bytes(),
        )],
    };
    // Check every file first, so a refusal leaves nothing half-written.
    for (path, bytes) in &files {
        if path.exists() && std::fs::read(path).ok().as_deref() != Some(bytes.as_slice()) {
            return Err(ExchangeError::Exists { path: path.clone() });
        }
    }
    for (path, bytes) in &files {
        write_file(path, bytes, false)?;
    }
    Ok((files.into_iter().map(|(p, _)| p).collect(), report))
}

/// Reads annotations of `session`'s text from `file` in `format` and adds them to the session as
/// one undo step. Returns how many annotations were added and the loss report.
pub fn import_into(
    session: &mut AnnotationSession,
    format: ImportFormat,
    file: &Path,
) -> Result<(usize, LossReport), ExchangeError> {
    let mut report = LossReport::new();
    let now = Timestamp::now();
    let text = session.source().text.clone();
    let input = read_text(file)?;
    let candidates: Vec<(String, AnnotationSet)> = match format {
        ImportFormat::Brat => {
            let set = brat::import_ann(&text, &input, session.schema(), file, now, &mut report);
            vec![(text.clone(), set)]
        }
        ImportFormat::Jsonl => jsonl::import(&input, session.schema(), file, now, &mut report)
            .into_iter()
            .map(|d| (d.text, d.set))
            .collect(),
        ImportFormat::Conll => conll::import(&input, file, now, &mut report)
            .into_iter()
            .map(|d| (d.text, d.set))
            .collect(),
    };
    let found = candidates.len();
    let Some((_, imported)) = candidates.into_iter().find(|(t, _)| *t == text) else {
        return Err(ExchangeError::OtherText {
            path: file.to_owned(),
            found,
        });
    };
    let edit = renumbered_additions(session, &imported);
    let count = imported.len();
    if count > 0 || imported.relations().next().is_some() {
        session
            .apply(edit)
            .map_err(|e| ExchangeError::Apply(e.to_string()))?;
    }
    Ok((count, report))
}

/// One group edit adding `imported`'s annotations and relations under fresh ids of `session`.
fn renumbered_additions(session: &AnnotationSession, imported: &AnnotationSet) -> Edit {
    let first = session.set().next_annotation_id().0;
    let mut ids: HashMap<AnnotationId, AnnotationId> = HashMap::new();
    let mut edits = Vec::new();
    for (next, a) in (first..).zip(imported.annotations()) {
        let mut a = a.clone();
        let id = AnnotationId(next);
        ids.insert(a.id, id);
        a.id = id;
        a.anchors = session.capture_anchors(&a.ranges);
        edits.push(Edit::AddAnnotation(a));
    }
    let mut next_relation = session.set().next_relation_id().0;
    for r in imported.relations() {
        let (Some(from), Some(to)) = (ids.get(&r.from), ids.get(&r.to)) else {
            continue;
        };
        let mut r = r.clone();
        r.id = RelationId(next_relation);
        next_relation += 1;
        r.from = *from;
        r.to = *to;
        edits.push(Edit::AddRelation(r));
    }
    Edit::Group(edits)
}

/// The loss report as a few lines for a message (the first `max` losses, then a count).
pub fn loss_summary(report: &LossReport, max: usize) -> String {
    let mut lines: Vec<String> = report
        .losses
        .iter()
        .take(max)
        .map(|l| format!("lost: {l}"))
        .collect();
    if report.len() > max {
        lines.push(format!("… and {} more", report.len() - max));
    }
    lines.join("\n")
}
