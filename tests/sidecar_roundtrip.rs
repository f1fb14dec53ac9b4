//! Save → load gives back an equal sidecar, for random annotation sets over Arabic with harakat,
//! emoji, CRLF and BOM-stripped texts, with notes and attributes full of quotes, backslashes,
//! newlines and bidi marks.

use hamish::model::attribute::AttributeValue;
use hamish::model::text_format::TextEncoding;
use hamish::model::{
    Annotation, AnnotationId, AnnotationSet, AnnotationStatus, Relation, RelationId, Schema,
    SourceText, Timestamp,
};
use hamish::offset::CharRange;
use hamish::store::sidecar::{from_ron_str, to_ron_string, SchemaSource, SidecarData};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "ق",
    "ا",
    "ل",
    "َ",
    "ُ",
    "ّ",
    "ْ",
    "ـ",
    "١٧",
    " ",
    "،",
    "\r\n",
    "\n",
    "\r",
    "👍🏽",
    "👨‍👩‍👧",
    "\u{200f}",
    "\u{202b}",
    "a",
    "\"",
    "\\",
    "#",
    "r#\"",
    "\t",
    "\u{0}",
    "}",
    ")",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..50).prop_map(|v| v.concat())
}

fn value() -> impl Strategy<Value = AttributeValue> {
    prop_oneof![
        any::<bool>().prop_map(AttributeValue::Bool),
        text().prop_map(AttributeValue::Choice),
        text().prop_map(AttributeValue::Text),
        // Finite numbers: NaN is never equal to itself, so it cannot round-trip by `==`.
        (-1.0e12f64..1.0e12).prop_map(AttributeValue::Number),
    ]
}

#[derive(Debug, Clone)]
struct AnnSeed {
    label: usize,
    ranges: Vec<(usize, usize)>,
    attrs: Vec<(String, AttributeValue)>,
    note: String,
    author: String,
    times: (u64, u64),
    status: usize,
}

fn ann_seed() -> impl Strategy<Value = AnnSeed> {
    (
        0usize..6,
        prop::collection::vec((0usize..200, 0usize..200), 1..4),
        prop::collection::vec(("[a-z-]{1,8}", value()), 0..3),
        text(),
        text(),
        (any::<u64>(), any::<u64>()),
        0usize..3,
    )
        .prop_map(
            |(label, ranges, attrs, note, author, times, status)| AnnSeed {
                label,
                ranges,
                attrs,
                note,
                author,
                times,
                status,
            },
        )
}

const LABELS: [&str; 6] = ["claim", "source", "cue", "quote", "evidence", "مصدر \"x\""];

fn build(
    doc_text: &str,
    seeds: &[AnnSeed],
    rels: &[(usize, usize)],
    doc_attrs: &[(String, AttributeValue)],
) -> AnnotationSet {
    let len = doc_text.chars().count();
    let mut set = AnnotationSet::new();
    for (i, s) in seeds.iter().enumerate() {
        let ranges = s
            .ranges
            .iter()
            .map(|&(a, b)| CharRange::from_indices(a % (len + 1), b % (len + 1)))
            .collect();
        let mut a = Annotation::new(
            // Sparse, unordered ids, as after deletions.
            AnnotationId((i as u64 * 7919) % 1009),
            LABELS[s.label],
            ranges,
            doc_text,
            Timestamp(s.times.0),
        );
        a.modified = Timestamp(s.times.1);
        a.note = s.note.clone();
        a.author = s.author.clone();
        a.attributes = s.attrs.iter().cloned().collect();
        a.status = [
            AnnotationStatus::Ok,
            AnnotationStatus::NeedsReview,
            AnnotationStatus::Orphan,
        ][s.status];
        set.insert_annotation(a);
    }
    let ids: Vec<AnnotationId> = set.annotations().map(|a| a.id).collect();
    if !ids.is_empty() {
        for (i, &(f, t)) in rels.iter().enumerate() {
            set.insert_relation(Relation::new(
                RelationId(i as u64 + 1),
                "attributed-to",
                ids[f % ids.len()],
                ids[t % ids.len()],
            ));
        }
    }
    set.document_attributes = doc_attrs.iter().cloned().collect();
    set
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn save_then_load_gives_an_equal_sidecar(
        raw_text in text(),
        seeds in prop::collection::vec(ann_seed(), 0..8),
        rels in prop::collection::vec((0usize..8, 0usize..8), 0..4),
        doc_attrs in prop::collection::vec(("[a-z]{1,6}", value()), 0..3),
        inline in any::<bool>(),
    ) {
        // The decoder strips a BOM before anything is counted; do the same.
        let doc_text = raw_text.strip_prefix('\u{feff}').unwrap_or(&raw_text).to_owned();
        let doc = SourceText::new("a.txt", doc_text.clone(), TextEncoding::Utf8Bom);
        let schema = if inline {
            SchemaSource::Inline(Schema::fact_checking())
        } else {
            SchemaSource::Bundled("fact-checking".into())
        };
        let data = SidecarData::new(&doc, schema, build(&doc_text, &seeds, &rels, &doc_attrs));
        let saved = to_ron_string(&data);
        let loaded = from_ron_str(&saved, "a.txt.ann.ron");
        prop_assert!(loaded.is_ok(), "{:?}\n{}", loaded.err(), saved);
        prop_assert_eq!(loaded.unwrap(), data.clone());
        // Every annotation and relation is on a line of its own.
        let item_lines = saved.lines().filter(|l| l.starts_with("        (id: ")).count();
        prop_assert_eq!(item_lines, data.set.len() + data.set.relations().count());
        // Saving is deterministic: the same data gives the same bytes.
        prop_assert_eq!(to_ron_string(&data), saved);
    }
}
