//! Property tests: for any text of Arabic letters, harakat, emoji, spaces, CR and LF, and any
//! spans (nested, overlapping, discontinuous; never empty, which importers refuse) with notes, import(export(x)) == x for brat,
//! JSONL (Hamish flavour) and W3C Web Annotation.

use hamish::model::annotation::{Annotation, AnnotationId, Timestamp};
use hamish::model::relation::{Relation, RelationId};
use hamish::model::schema::Schema;
use hamish::model::set::AnnotationSet;
use hamish::offset::CharRange;
use hamish::store::formats::jsonl::JsonlFlavor;
use hamish::store::formats::{brat, jsonl, webanno, AnnotatedText, LossReport};
use proptest::prelude::*;
use std::path::Path;

const NOW: Timestamp = Timestamp(1_800_000_000);
const ALPHABET: &[char] = &[
    'ق', 'ا', 'ل', 'َ', 'ّ', ' ', '\r', '\n', '🙂', '\u{200d}', '1', '،', '\\', 'e',
];

fn doc_strategy() -> impl Strategy<Value = AnnotatedText> {
    prop::collection::vec(0..ALPHABET.len(), 1..40)
        .prop_flat_map(|idx| {
            let text: String = idx.iter().map(|&i| ALPHABET[i]).collect();
            let len = idx.len();
            // Empty ranges are refused (and reported) by every importer, so none is generated.
            let range =
                (0..len, 0..len).prop_map(|(a, b)| CharRange::from_indices(a.min(b), a.max(b) + 1));
            let span = (
                prop::collection::vec(range, 1..3),
                prop::bool::ANY,
                "[a-z\\\\\n ]{0,6}",
            );
            (
                Just(text),
                prop::collection::vec(span, 0..6),
                prop::collection::vec((0..6u64, 0..6u64), 0..3),
            )
        })
        .prop_map(|(text, spans, links)| {
            let mut set = AnnotationSet::new();
            for (k, (ranges, is_claim, note)) in spans.into_iter().enumerate() {
                let label = if is_claim { "claim" } else { "source" };
                let mut a = Annotation::new(AnnotationId(k as u64 + 1), label, ranges, &text, NOW);
                a.note = note;
                set.insert_annotation(a);
            }
            for (k, (from, to)) in links.into_iter().enumerate() {
                let (from, to) = (AnnotationId(from + 1), AnnotationId(to + 1));
                if set.annotation(from).is_some() && set.annotation(to).is_some() {
                    set.insert_relation(Relation::new(
                        RelationId(k as u64 + 1),
                        "attributed-to",
                        from,
                        to,
                    ));
                }
            }
            AnnotatedText {
                name: "p.txt".into(),
                text,
                set,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn round_trips_hold_for_any_spans(doc in doc_strategy()) {
        let schema = Schema::fact_checking();
        let path = Path::new("p");
        let mut report = LossReport::new();
        let ann = brat::export_ann(&doc, &mut report);
        let back = brat::import_ann(&doc.text, &ann, &schema, path, NOW, &mut report);
        prop_assert!(report.is_empty(), "{}", report);
        prop_assert_eq!(&back, &doc.set);

        let line = jsonl::export_line(&doc, JsonlFlavor::Hamish, &mut report);
        let back = jsonl::import(&line, &schema, path, Timestamp(0), &mut report);
        prop_assert!(report.is_empty(), "{}", report);
        prop_assert_eq!(&back[0].set, &doc.set);

        let json = webanno::export(&doc, &mut report);
        let back = webanno::import(&json, &doc.text, &schema, path, Timestamp(0), &mut report);
        prop_assert!(report.is_empty(), "{}", report);
        prop_assert_eq!(&back, &doc.set);
    }
}
