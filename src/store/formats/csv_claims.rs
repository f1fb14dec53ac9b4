//! The CSV of claims for fact-checkers: one row per claim span with its text, the sources linked
//! by `attributed-to`, the cues linked by `cue-of`, verdict, check-worthiness, note and its char
//! offsets. Claims, relation types and attributes are found by name up to case, `-` and `_` (a brat
//! corpus says `Claim`, `Attributed-to`, `CheckWorthy`). Written as UTF-8 with a byte-order mark,
//! which Excel needs to read Arabic correctly.
//!
//! Every text cell is neutralised for spreadsheets (OWASP's rule against CSV/formula injection):
//! a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front, so
//! Excel, LibreOffice and Google Sheets show it as text instead of evaluating it.

use super::loss::{LossKind, LossReport};
use super::AnnotatedText;
use crate::model::annotation::Annotation;
use crate::model::attribute::AttributeValue;
use crate::model::quote::TextIndex;
use crate::model::schema::Schema;

/// The header row.
pub const HEADER: [&str; 10] = [
    "document",
    "claim_id",
    "claim",
    "sources",
    "cues",
    "verdict",
    "check_worthy",
    "note",
    "start",
    "end",
];

/// Between several sources or cues in one cell.
const JOIN: &str = " | ";

/// `cell` as a spreadsheet shows it without evaluating it: a `'` in front when it starts with a
/// character that makes Excel, LibreOffice or Google Sheets read a formula (`=`, `+`, `-`, `@`,
/// tab, carriage return — OWASP's list); unchanged otherwise.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// True when `name` is `wanted` up to case, `-`, `_` and spaces (`CheckWorthy`, `check-worthy`).
fn same_name(name: &str, wanted: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    squash(name) == squash(wanted)
}

/// The claim label of a document: the schema's label whose id or English name is `claim` up to
/// case, else a label used in the document spelt so.
pub fn claim_label<'a>(doc: &'a AnnotatedText, schema: &'a Schema) -> Option<&'a str> {
    let is_claim = |s: &str| same_name(s, "claim");
    schema
        .labels
        .iter()
        .find(|l| is_claim(&l.id) || is_claim(&l.name_en))
        .map(|l| l.id.as_str())
        .or_else(|| {
            doc.set
                .annotations()
                .map(|a| a.label.as_str())
                .find(|l| is_claim(l))
        })
}

/// The CSV of every claim in `docs`, BOM first, rows in document then text order. A document
/// without a claim label (see [`claim_label`]) has no row and is reported.
pub fn export(
    docs: &[(AnnotatedText, Schema)],
    report: &mut LossReport,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(HEADER)?;
        for (doc, schema) in docs {
            let Some(label) = claim_label(doc, schema) else {
                report.add_kind(
                    LossKind::NoClaims,
                    &doc.name,
                    None,
                    format!("claims: no label of schema `{}` is called claim", schema.id),
                    "the CSV of claims has no row for this document",
                );
                continue;
            };
            let index = TextIndex::new(&doc.text);
            for claim in doc
                .set
                .annotations_in_text_order()
                .into_iter()
                .filter(|a| a.label == label)
            {
                let cells = row(doc, &index, claim);
                w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// Every claim of `doc` with its row (as [`HEADER`] names the cells), in text order; empty when
/// the schema has no claim label.
pub fn claim_rows(
    doc: &AnnotatedText,
    schema: &Schema,
) -> Vec<(crate::model::annotation::AnnotationId, [String; 10])> {
    let Some(label) = claim_label(doc, schema) else {
        return Vec::new();
    };
    let index = TextIndex::new(&doc.text);
    doc.set
        .annotations_in_text_order()
        .into_iter()
        .filter(|a| a.label == label)
        .map(|a| (a.id, row(doc, &index, a)))
        .collect()
}

/// One claim's row; covered texts are cut from `index`, the char index of `doc`'s text (a walk
/// over the text per cell was quadratic).
fn row(doc: &AnnotatedText, index: &TextIndex<'_>, claim: &Annotation) -> [String; 10] {
    let linked = |kind: &str, outgoing: bool| -> String {
        doc.set
            .relations_of(claim.id)
            .filter(|r| {
                same_name(&r.kind, kind)
                    && if outgoing {
                        r.from == claim.id
                    } else {
                        r.to == claim.id
                    }
            })
            .filter_map(|r| doc.set.annotation(if outgoing { r.to } else { r.from }))
            .map(|a| a.covered_text_in(index))
            .collect::<Vec<_>>()
            .join(JOIN)
    };
    let attr = |id: &str| {
        claim
            .attributes
            .iter()
            .find(|(k, _)| same_name(k, id))
            .map(|(_, v)| AttributeValue::to_string(v))
            .unwrap_or_default()
    };
    let start = claim.ranges.iter().map(|r| r.start.0).min().unwrap_or(0);
    let end = claim.ranges.iter().map(|r| r.end.0).max().unwrap_or(0);
    [
        doc.name.clone(),
        claim.id.to_string(),
        claim.covered_text_in(index),
        linked("attributed-to", true),
        linked("cue-of", false),
        attr("verdict"),
        attr("check-worthy"),
        claim.note.clone(),
        start.to_string(),
        end.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_not() {
        for bad in [
            "=1+1",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(spreadsheet_safe(bad), format!("'{bad}"), "{bad:?}");
        }
        for good in ["قال علي", "1-2", "a=b", "", " =1", "'quoted"] {
            assert_eq!(spreadsheet_safe(good), good, "{good:?}");
        }
    }
}
