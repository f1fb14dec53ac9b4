//! brat standoff: a `.ann` file per text and an `annotation.conf` for the collection. brat offsets
//! are chars (code points) of the `.txt`, which is written byte-identical to the decoded text, so
//! CR LF files keep their offsets (brat counts CR as a char too). Ranges are half-open;
//! discontinuous spans are written `S E;S E`. Reading and writing `.ann` lines are in `read` and
//! `write`, the conf in `conf`.

mod conf;
mod read;
mod write;

pub use conf::{collection_conf, export_conf, has_overlap, import_conf, OVERLAP_LINE};
pub use read::import_ann;
pub use write::{export_ann, export_ann_styled, target_type, FlagStyle};

use super::error::FormatError;
use crate::model::annotation::AnnotationId;
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;
use std::path::Path;

/// The name of brat's schema file in a collection folder.
pub const CONF_FILE: &str = "annotation.conf";

/// Reverses [`write::escape_note`]: `\\ \n \r \t` become backslash, newline, CR and tab; any
/// other backslash stays as written.
pub(crate) fn unescape_note(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    let mut chars = note.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Reads a brat `.ann` file and the `.txt` next to it (same stem), returning the `.txt` exactly as
/// brat counts it: a UTF-8 byte-order mark is kept (brat reads it as char 0); pass the result
/// through [`drop_bom`] after [`import_ann`].
pub fn read_pair(ann_path: &Path) -> Result<(String, String), FormatError> {
    let txt = ann_path.with_extension("txt");
    // Read once, through the one guarded reader, then decoded like any text.
    let bytes = crate::store::input::read_input_file(&txt)?;
    let had_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let text = crate::store::decode::decode_file_bytes(&txt, &bytes, None)?.text;
    let text = if had_bom {
        format!("\u{feff}{text}")
    } else {
        text
    };
    Ok((text, super::files::read_text(ann_path)?))
}

/// Removes a leading byte-order mark from a text read by [`read_pair`] and moves the annotations
/// one char back to match (a range that began on the mark begins at 0); anchors are captured
/// again from the text without the mark.
pub fn drop_bom(text: String, mut set: AnnotationSet) -> (String, AnnotationSet) {
    let Some(rest) = text.strip_prefix('\u{feff}') else {
        return (text, set);
    };
    let index = crate::model::quote::TextIndex::new(rest);
    let ids: Vec<AnnotationId> = set.annotations().map(|a| a.id).collect();
    for id in ids {
        if let Some(a) = set.annotation_mut(id) {
            for r in &mut a.ranges {
                *r =
                    CharRange::from_indices(r.start.0.saturating_sub(1), r.end.0.saturating_sub(1));
            }
            a.anchors = crate::model::annotation::capture_anchors_in(&index, &a.ranges);
        }
    }
    (rest.to_owned(), set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::Timestamp;
    use crate::model::attribute::AttributeKind;
    use crate::model::schema::Schema;
    use crate::store::formats::loss::LossReport;
    use crate::store::formats::value::attribute_kind;
    use write::escape_note;

    #[test]
    fn notes_escape_and_unescape_back() {
        let note = "سطر\nثانٍ\t\\n حرفيًا";
        assert_eq!(unescape_note(&escape_note(note)), note);
        assert!(!escape_note(note).contains('\n'));
    }

    #[test]
    fn conf_round_trips_labels_relations_and_attributes() {
        let s = Schema::fact_checking();
        let mut report = LossReport::new();
        let back = import_conf(
            &export_conf(&s),
            "x",
            Path::new("annotation.conf"),
            &mut report,
        );
        assert!(report.is_empty(), "{report}");
        let ids: Vec<&str> = back.labels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["claim", "source", "cue", "quote", "evidence"]);
        assert_eq!(back.relation_type("attributed-to").unwrap().to, ["source"]);
        let claim = back.label("claim").unwrap();
        assert_eq!(claim.attributes.len(), 2);
        assert_eq!(
            attribute_kind(&back, Some("claim"), "check-worthy"),
            Some(&AttributeKind::Bool)
        );
    }

    #[test]
    fn a_bom_counted_by_brat_is_dropped_and_offsets_follow() {
        let text = "\u{feff}قال علي";
        let mut report = LossReport::new();
        let set = import_ann(
            text,
            "T1\tsource 5 8\tعلي\n",
            &Schema::fact_checking(),
            Path::new("a.ann"),
            Timestamp(0),
            &mut report,
        );
        assert!(report.is_empty(), "{report}");
        let (text, set) = drop_bom(text.to_owned(), set);
        assert_eq!(text, "قال علي");
        let a = set.annotation(AnnotationId(1)).unwrap();
        assert_eq!(a.ranges, [CharRange::from_indices(4, 7)]);
        assert_eq!(a.anchors[0].exact, "علي");
    }
}
