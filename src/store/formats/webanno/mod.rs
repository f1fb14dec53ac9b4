//! W3C Web Annotation (JSON-LD, `http://www.w3.org/ns/anno.jsonld`): one `AnnotationCollection`
//! per document. Each span is an `Annotation` whose body tags it with its label (`purpose:
//! tagging`), its note (`commenting`), its attributes (`classifying`, `id=value`) and review
//! status (`assessing`); each range is a target with a `TextQuoteSelector` (exact/prefix/suffix)
//! and a `TextPositionSelector` (start/end in chars, i.e. code points). Relations are `linking`
//! annotations; document attributes a `classifying` annotation of the whole source. Every id is
//! an absolute IRI: the document's name resolved against a base IRI ([`DEFAULT_BASE`] unless
//! given), with `#T3`, `#R1`, `#annotations` (the collection) and `#page-1` (its one page).
//!
//! `export` writes the collection, `import` reads it back through `lenient` (borrowed structs,
//! no `serde_json::Value` tree); this file holds the IRIs and dates both use.

mod export;
mod import;
mod lenient;

pub use export::{export, export_with_base};
pub use import::import;

use crate::model::annotation::Timestamp;

/// The JSON-LD context of the W3C Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The base IRI documents are named under when none is given: `.invalid` is reserved (RFC 6761)
/// and never resolves, so ids are absolute and stable without pointing anywhere.
pub const DEFAULT_BASE: &str = "https://hamish.invalid/";

/// The IRI of a document: `base` followed by its name, with the chars an IRI cannot hold (space,
/// `%`, `#`, `?`, quotes, brackets…) percent-encoded and `\` turned into `/`. Arabic letters stay
/// as they are (IRIs allow them).
pub fn document_iri(base: &str, name: &str) -> String {
    let mut out = base.to_owned();
    for c in name.chars() {
        match c {
            '\\' => out.push('/'),
            ' ' | '%' | '#' | '?' | '"' | '<' | '>' | '^' | '`' | '{' | '|' | '}' => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `YYYY-MM-DDTHH:MM:SSZ` for a Unix time (proleptic Gregorian calendar, UTC).
pub fn iso8601(t: Timestamp) -> String {
    let u = t.utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        u.year, u.month, u.day, u.hour, u.minute, u.second
    )
}

/// The Unix time of a `YYYY-MM-DDTHH:MM:SSZ` string, or `None` if it has another form.
pub fn parse_iso8601(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let num = |a: usize, z: usize| s.get(a..z)?.parse::<i64>().ok();
    let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hh, mm, ss) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days * 86_400 + hh * 3600 + mm * 60 + ss)
        .ok()
        .map(Timestamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_iris_are_absolute_and_keep_arabic() {
        assert_eq!(
            document_iri(DEFAULT_BASE, "قال عليّ.txt"),
            "https://hamish.invalid/قال%20عليّ.txt"
        );
        assert_eq!(
            document_iri("urn:x:", "a#b?c%d\\e.txt"),
            "urn:x:a%23b%3Fc%25d/e.txt"
        );
    }

    #[test]
    fn dates_convert_both_ways() {
        assert_eq!(iso8601(Timestamp(0)), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(Timestamp(1_795_566_903)), "2026-11-25T00:35:03Z");
        for t in [0, 951_782_400, 1_795_566_903, 4_102_444_799] {
            assert_eq!(parse_iso8601(&iso8601(Timestamp(t))), Some(Timestamp(t)));
        }
        assert_eq!(parse_iso8601("2026-11-25"), None);
    }
}
