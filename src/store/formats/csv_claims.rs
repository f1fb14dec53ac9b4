//! The CSV of claims for fact-checkers: one row per `claim` span with its text, the sources linked
//! by `attributed-to`, the cues linked by `cue-of`, verdict, check-worthiness, note and its char
//! offsets. Written as UTF-8 with a byte-order mark, which Excel needs to read Arabic correctly.

use super::AnnotatedText;
use crate::model::attribute::AttributeValue;
use crate::model::quote::TextIndex;

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

/// The CSV of every claim in `docs`, BOM first, rows in document then text order.
pub fn export(docs: &[AnnotatedText]) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(HEADER)?;
        for doc in docs {
            let index = TextIndex::new(&doc.text);
            for claim in doc
                .set
                .annotations_in_text_order()
                .into_iter()
                .filter(|a| a.label == "claim")
            {
                let linked = |kind: &str, outgoing: bool| -> String {
                    doc.set
                        .relations_of(claim.id)
                        .filter(|r| {
                            r.kind == kind
                                && if outgoing {
                                    r.from == claim.id
                                } else {
                                    r.to == claim.id
                                }
                        })
                        .filter_map(|r| doc.set.annotation(if outgoing { r.to } else { r.from }))
                        .map(|a| a.covered_text_in(&index))
                        .collect::<Vec<_>>()
                        .join(JOIN)
                };
                let attr = |id: &str| {
                    claim
                        .attributes
                        .get(id)
                        .map(AttributeValue::to_string)
                        .unwrap_or_default()
                };
                let start = claim.ranges.iter().map(|r| r.start.0).min().unwrap_or(0);
                let end = claim.ranges.iter().map(|r| r.end.0).max().unwrap_or(0);
                w.write_record([
                    doc.name.clone(),
                    claim.id.to_string(),
                    claim.covered_text_in(&index),
                    linked("attributed-to", true),
                    linked("cue-of", false),
                    attr("verdict"),
                    attr("check-worthy"),
                    claim.note.clone(),
                    start.to_string(),
                    end.to_string(),
                ])?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}
