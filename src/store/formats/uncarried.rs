//! What an export format cannot hold beyond labels and char ranges (author, times, review status,
//! notes, attributes, relations, document attributes), reported as ONE loss entry per document
//! and kind, naming the annotations concerned, never one entry per annotation.

use super::{AnnotatedText, LossKind, LossReport};
use crate::model::annotation::{Annotation, AnnotationStatus};

/// How many ids a loss entry names before it says "and N more".
const MAX_NAMED: usize = 8;

/// What a format holds besides each span's label and ranges.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Carries {
    /// Free-text notes on spans.
    pub notes: bool,
    /// Span attributes (verdict, kind…).
    pub attributes: bool,
    /// Who made a span, and when it was created and last modified.
    pub provenance: bool,
    /// Review status (needs review, orphan).
    pub status: bool,
    /// Relations between spans (their type and ends).
    pub relations: bool,
    /// Attributes of relations.
    pub relation_attributes: bool,
    /// Attributes of the whole document.
    pub document_attributes: bool,
    /// Events, typed comments, normalizations and equivalences (`model::standoff`).
    pub standoff: bool,
}

impl Carries {
    /// brat standoff: notes (`AnnotatorNotes`), attributes, relations and their attributes.
    pub const BRAT: Self = Self {
        notes: true,
        attributes: true,
        provenance: false,
        status: false,
        relations: true,
        relation_attributes: true,
        document_attributes: false,
        standoff: true,
    };
    /// doccano and Label Studio imports: labels and typed relations only.
    pub const LABELS_AND_RELATIONS: Self = Self {
        relations: true,
        ..Self::NOTHING
    };
    /// CoNLL IOB2: span labels only.
    pub const NOTHING: Self = Self {
        notes: false,
        attributes: false,
        provenance: false,
        status: false,
        relations: false,
        relation_attributes: false,
        document_attributes: false,
        standoff: false,
    };
}

/// True when an annotation's author or times say something: it has an author or a last editor,
/// or it was edited after it was made. (The creation time of an anonymous, unedited span is bookkeeping every span
/// has; reporting it would make every label-only export "lossy".)
fn has_provenance(a: &Annotation) -> bool {
    !a.author.is_empty() || !a.modified_by.is_empty() || a.modified != a.created
}

/// `T1, T3 and 2 more` for the first ids of `items`.
fn named(items: &[String]) -> String {
    let shown = items[..items.len().min(MAX_NAMED)].join(", ");
    match items.len().saturating_sub(MAX_NAMED) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// Adds one entry for `kind` naming `items`, when there are any.
pub fn report_group(
    doc: &AnnotatedText,
    kind: LossKind,
    items: &[String],
    why: &str,
    report: &mut LossReport,
) {
    if !items.is_empty() {
        report.add_kind(
            kind,
            &doc.name,
            None,
            format!("{}: {} ({})", kind.label(), items.len(), named(items)),
            why,
        );
    }
}

/// Reports, one entry per kind, what `doc` has that a format `carries` nothing of; `format` names
/// the format in the reasons. Only `spans` (the annotations the format writes) are looked at.
pub fn report_uncarried(
    doc: &AnnotatedText,
    spans: &[&Annotation],
    format: &str,
    carries: Carries,
    report: &mut LossReport,
) {
    let ids = |keep: &dyn Fn(&Annotation) -> bool| -> Vec<String> {
        spans
            .iter()
            .filter(|a| keep(a))
            .map(|a| a.id.to_string())
            .collect()
    };
    if !carries.provenance {
        let why = format!("{format} has no place for who made a span or when");
        report_group(
            doc,
            LossKind::AuthorAndTimes,
            &ids(&has_provenance),
            &why,
            report,
        );
    }
    if !carries.status {
        let why = format!("{format} has no review status");
        let flagged = ids(&|a| a.status != AnnotationStatus::Ok);
        report_group(doc, LossKind::ReviewStatus, &flagged, &why, report);
    }
    if !carries.notes {
        let why = format!("{format} spans carry no notes");
        report_group(
            doc,
            LossKind::Notes,
            &ids(&|a| !a.note.is_empty()),
            &why,
            report,
        );
    }
    if !carries.attributes {
        let why = format!("{format} spans carry only a label");
        let with = ids(&|a| !a.attributes.is_empty());
        report_group(doc, LossKind::Attributes, &with, &why, report);
    }
    let relations: Vec<String> = doc.set.relations().map(|r| r.id.to_string()).collect();
    if !carries.relations {
        let why = format!("{format} has no relations");
        report_group(doc, LossKind::Relations, &relations, &why, report);
    } else if !carries.relation_attributes {
        let with: Vec<String> = doc
            .set
            .relations()
            .filter(|r| !r.attributes.is_empty())
            .map(|r| r.id.to_string())
            .collect();
        let why = format!("{format} relations carry only a type");
        report_group(doc, LossKind::RelationAttributes, &with, &why, report);
    }
    if !carries.document_attributes {
        let keys: Vec<String> = doc.set.document_attributes.keys().cloned().collect();
        let why = format!("{format} has no document attributes");
        report_group(doc, LossKind::DocumentAttributes, &keys, &why, report);
    }
    if !carries.standoff {
        report_standoff(doc, format, report);
    }
}

/// Reports, in one entry, the events, typed comments, normalizations and equivalences of `doc`
/// (which only brat and the Hamish JSONL hold).
pub fn report_standoff(doc: &AnnotatedText, format: &str, report: &mut LossReport) {
    let x = &doc.set.standoff;
    let mut items: Vec<String> = x.events.iter().map(|e| e.id.to_string()).collect();
    items.extend(
        x.comments
            .iter()
            .map(|c| format!("#{} on {}", c.kind, c.target)),
    );
    items.extend(x.normalizations.iter().map(|n| format!("N{}", n.id)));
    items.extend(x.equivalences.iter().map(|e| format!("*{}", e.kind)));
    let why =
        format!("{format} has no events, comments of other types, normalizations or equivalences");
    report_group(doc, LossKind::Standoff, &items, &why, report);
}
