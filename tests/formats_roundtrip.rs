//! Round trips and golden files for the export formats: import(export(x)) == x for brat, JSONL
//! (Hamish flavour) and W3C Web Annotation; CoNLL for token-aligned spans; exported bytes compared
//! with `tests/data/formats/golden/` (regenerate with `HAMISH_UPDATE_GOLDEN=1`).

use hamish::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use hamish::model::attribute::AttributeValue;
use hamish::model::relation::{Relation, RelationId};
use hamish::model::schema::Schema;
use hamish::model::set::AnnotationSet;
use hamish::offset::CharRange;
use hamish::store::formats::jsonl::JsonlFlavor;
use hamish::store::formats::{brat, conll, csv_claims, jsonl, webanno, AnnotatedText, LossReport};
use std::path::Path;

const NOW: Timestamp = Timestamp(1_800_000_000);

/// The char range of the `nth` occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, nth: usize) -> CharRange {
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .expect("needle in text")
        .0;
    let start = text[..byte].chars().count();
    CharRange::from_indices(start, start + needle.chars().count())
}

fn span(id: u64, label: &str, ranges: Vec<CharRange>, text: &str) -> Annotation {
    Annotation::new(AnnotationId(id), label, ranges, text, NOW)
}

/// Arabic with harakat, CRLF line ends, an emoji, nested, overlapping, discontinuous and
/// off-token spans, attributes, notes, author, times, status, relations, a document attribute.
fn news() -> AnnotatedText {
    let text = "قالَ وزيرُ الصحةِ 🙂 إنّ الخطةَ نجحت.\r\nوأكّد المتحدث، أنّ 17 مستشفى افتتحت؟\r\n";
    let mut set = AnnotationSet::new();
    let mut add = |a: Annotation| {
        set.insert_annotation(a);
    };
    add(span(1, "cue", vec![find(text, "قالَ", 0)], text));
    let mut source = span(2, "source", vec![find(text, "وزيرُ الصحةِ", 0)], text);
    source
        .attributes
        .insert("kind".into(), AttributeValue::Choice("person".into()));
    add(source);
    let mut claim = span(3, "claim", vec![find(text, "إنّ الخطةَ نجحت", 0)], text);
    claim.attributes.insert(
        "verdict".into(),
        AttributeValue::Choice("misleading".into()),
    );
    claim
        .attributes
        .insert("check-worthy".into(), AttributeValue::Bool(true));
    claim.note = "رقم غير دقيق\nيُراجع \\ لاحقًا".into();
    claim.author = "ليلى".into();
    claim.created = Timestamp(1_700_000_000);
    claim.modified = Timestamp(1_700_000_100);
    add(claim);
    add(span(4, "evidence", vec![find(text, "الخطةَ", 0)], text));
    let mut claim2 = span(5, "claim", vec![find(text, "أنّ 17 مستشفى افتتحت", 0)], text);
    claim2
        .attributes
        .insert("check-worthy".into(), AttributeValue::Bool(false));
    claim2.status = AnnotationStatus::NeedsReview;
    add(claim2);
    add(span(6, "cue", vec![find(text, "وأكّد", 0)], text));
    add(span(7, "source", vec![find(text, "المتحدث", 0)], text));
    add(span(
        8,
        "quote",
        vec![find(text, "الصحةِ", 0), find(text, "مستشفى", 0)],
        text,
    ));
    add(span(9, "quote", vec![find(text, "🙂", 0)], text));
    add(span(10, "evidence", vec![find(text, "7 مس", 0)], text));
    for (id, kind, from, to) in [
        (1, "attributed-to", 3, 2),
        (2, "cue-of", 1, 3),
        (3, "attributed-to", 5, 7),
        (4, "cue-of", 6, 5),
    ] {
        set.insert_relation(Relation::new(
            RelationId(id),
            kind,
            AnnotationId(from),
            AnnotationId(to),
        ));
    }
    set.set_document_attribute("topic", Some(AttributeValue::Text("الصحة العامة".into())));
    AnnotatedText {
        name: "news-crlf.txt".into(),
        text: text.into(),
        set,
    }
}

/// LF text with a family emoji (a ZWJ sequence of surrogate pairs) before a claim.
fn family() -> AnnotatedText {
    let text = "رأى علي 👨‍👩‍👧 أن السعر 5 دنانير.\nانتهى\n";
    let mut set = AnnotationSet::new();
    set.insert_annotation(span(1, "source", vec![find(text, "علي", 0)], text));
    set.insert_annotation(span(
        2,
        "claim",
        vec![find(text, "أن السعر 5 دنانير", 0)],
        text,
    ));
    set.insert_relation(Relation::new(
        RelationId(1),
        "attributed-to",
        AnnotationId(2),
        AnnotationId(1),
    ));
    AnnotatedText {
        name: "family.txt".into(),
        text: text.into(),
        set,
    }
}

/// A merger event as brat's tutorial annotates it, in Arabic with harakat, an emoji and CRLF: a
/// trigger, two organisations (one nested in a longer name), a binary attribute and a note on the
/// event, a note on a relation, a `Lemma` comment, a normalization and an equivalence group.
fn merger() -> AnnotatedText {
    use hamish::model::standoff::{
        Comment, Equivalence, Event, EventArgument, EventId, Normalization, Target,
    };
    let text = "اندمجَت شركةُ النورِ 🏭 مع شركةِ الفجرِ.\r\nوالنورُ هي الشركةُ نفسُها.\r\n";
    let mut set = AnnotationSet::new();
    set.insert_annotation(span(
        1,
        "Organization",
        vec![find(text, "شركةُ النورِ", 0)],
        text,
    ));
    set.insert_annotation(span(
        2,
        "Organization",
        vec![find(text, "شركةِ الفجرِ", 0)],
        text,
    ));
    set.insert_annotation(span(3, "Merge-org", vec![find(text, "اندمجَت", 0)], text));
    set.insert_annotation(span(4, "Organization", vec![find(text, "والنورُ", 0)], text));
    set.insert_annotation(span(5, "Organization", vec![find(text, "النورِ", 0)], text));
    set.insert_relation(Relation::new(
        RelationId(1),
        "Alias",
        AnnotationId(4),
        AnnotationId(1),
    ));
    let mut event = Event {
        id: EventId(1),
        kind: "Merge-org".into(),
        trigger: AnnotationId(3),
        arguments: vec![
            EventArgument {
                role: "Org-Arg".into(),
                target: Target::Span(AnnotationId(1)),
            },
            EventArgument {
                role: "Org-Arg2".into(),
                target: Target::Span(AnnotationId(2)),
            },
        ],
        attributes: Default::default(),
    };
    event
        .attributes
        .insert("Confirmed".into(), AttributeValue::Bool(true));
    set.standoff.insert_event(event);
    let comment = |target, kind: &str, text: &str| Comment {
        target,
        kind: kind.into(),
        text: text.into(),
    };
    set.standoff.comments = vec![
        comment(
            Target::Event(EventId(1)),
            "AnnotatorNotes",
            "اندماج أم استحواذ؟",
        ),
        comment(
            Target::Relation(RelationId(1)),
            "AnnotatorNotes",
            "الاسم المختصر",
        ),
        comment(Target::Span(AnnotationId(1)), "Lemma", " شركة"),
    ];
    set.standoff.normalizations.push(Normalization {
        id: 1,
        kind: "Reference".into(),
        target: Target::Span(AnnotationId(2)),
        resource: "Wikidata".into(),
        entry: "Q42".into(),
        text: "الفجر".into(),
    });
    set.standoff.equivalences.push(Equivalence {
        kind: "Equiv".into(),
        members: vec![Target::Span(AnnotationId(1)), Target::Span(AnnotationId(4))],
    });
    AnnotatedText {
        name: "merger.txt".into(),
        text: text.into(),
        set,
    }
}

/// What brat can hold: no author, times as on import, no status, no document attributes.
fn brat_view(doc: &AnnotatedText) -> AnnotatedText {
    let mut d = doc.clone();
    let ids: Vec<AnnotationId> = d.set.annotations().map(|a| a.id).collect();
    for id in ids {
        let a = d.set.annotation_mut(id).unwrap();
        a.author.clear();
        a.created = NOW;
        a.modified = NOW;
        a.status = AnnotationStatus::Ok;
    }
    d.set.document_attributes.clear();
    d
}

fn golden(name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats/golden")
        .join(name);
    if std::env::var_os("HAMISH_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with HAMISH_UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{} differs from the export:\n{}",
        name,
        String::from_utf8_lossy(actual)
    );
}

#[test]
fn brat_round_trip_keeps_spans_fragments_attributes_notes_and_relations() {
    let schema = Schema::fact_checking();
    for doc in [news(), family(), merger()] {
        let x = brat_view(&doc);
        let mut report = LossReport::new();
        let ann = brat::export_ann(&x, &mut report);
        assert!(report.is_empty(), "{report}");
        let mut back_report = LossReport::new();
        let back = brat::import_ann(
            &x.text,
            &ann,
            &schema,
            Path::new("x.ann"),
            NOW,
            &mut back_report,
        );
        assert!(back_report.is_empty(), "{back_report}");
        assert_eq!(back, x.set);
    }
    // The full document loses its author and times, review status and document attribute in
    // brat, and says so once per kind.
    let mut report = LossReport::new();
    brat::export_ann(&news(), &mut report);
    let what: Vec<&str> = report.losses.iter().map(|l| l.what.as_str()).collect();
    assert_eq!(
        what,
        [
            "author and times: 1 (T3)",
            "review status: 1 (T5)",
            "document attributes: 1 (topic)"
        ]
    );
}

#[test]
fn jsonl_hamish_round_trip_is_lossless() {
    let schema = Schema::fact_checking();
    let docs = [news(), family(), merger()];
    let mut report = LossReport::new();
    let text: String = docs
        .iter()
        .map(|d| jsonl::export_line(d, JsonlFlavor::Hamish, &mut report) + "\n")
        .collect();
    assert!(report.is_empty(), "{report}");
    let back = jsonl::import(
        &text,
        &schema,
        Path::new("x.jsonl"),
        Timestamp(0),
        &mut report,
    );
    assert!(report.is_empty(), "{report}");
    assert_eq!(back.len(), 3);
    for (b, d) in back.iter().zip(&docs) {
        assert_eq!(b.name.as_deref(), Some(d.name.as_str()));
        assert_eq!(b.text, d.text);
        assert_eq!(b.set, d.set);
    }
}

#[test]
fn jsonl_offsets_are_code_points_and_utf16_units() {
    let doc = family();
    let line = jsonl::export_line(&doc, JsonlFlavor::Hamish, &mut LossReport::new());
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    let claim = &v["spans"][1];
    let start = claim["start"].as_u64().unwrap() as usize;
    let start16 = claim["start_utf16"].as_u64().unwrap() as usize;
    let prefix: String = doc.text.chars().take(start).collect();
    assert_eq!(prefix.encode_utf16().count(), start16);
    // The family emoji is 5 code points but 8 UTF-16 units.
    assert_eq!(start16 - start, 3);
    assert_eq!(claim["text"], "أن السعر 5 دنانير");
}

#[test]
fn webanno_round_trip_is_lossless() {
    let schema = Schema::fact_checking();
    for doc in [news(), family()] {
        let mut report = LossReport::new();
        let json = webanno::export(&doc, &mut report);
        assert!(report.is_empty(), "{report}");
        let back = webanno::import(
            &json,
            &doc.text,
            &schema,
            Path::new("x.jsonld"),
            Timestamp(0),
            &mut report,
        );
        assert!(report.is_empty(), "{report}");
        assert_eq!(back, doc.set);
    }
}

#[test]
fn conll_round_trip_for_token_aligned_spans_and_reports_the_rest() {
    // Text already in CoNLL's own layout (tokens split by one space, sentences by a line break).
    let text = "قالَ وزيرُ الصحةِ إنّ الخطةَ نجحت .\nوأكّد المتحدث ، أنّ 17 مستشفى افتتحت ؟";
    let mut set = AnnotationSet::new();
    set.insert_annotation(span(1, "cue", vec![find(text, "قالَ", 0)], text));
    set.insert_annotation(span(2, "source", vec![find(text, "وزيرُ الصحةِ", 0)], text));
    set.insert_annotation(span(3, "claim", vec![find(text, "إنّ الخطةَ نجحت", 0)], text));
    set.insert_annotation(span(4, "source", vec![find(text, "المتحدث", 0)], text));
    set.insert_annotation(span(5, "claim", vec![find(text, "17 مستشفى", 0)], text));
    let doc = AnnotatedText {
        name: "a.txt".into(),
        text: text.into(),
        set,
    };
    let mut report = LossReport::new();
    let out = conll::export(&doc, &mut report);
    assert!(report.is_empty(), "{report}");
    let back = conll::import(&out, Path::new("a.conll"), NOW, &mut report);
    assert!(report.is_empty(), "{report}");
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].text, doc.text);
    assert_eq!(back[0].set, doc.set);

    // The rich document: discontinuous (T8), overlapping (T4 inside T3) and off-token (T10)
    // spans are reported, not moved; so are relations, attributes and notes.
    let mut report = LossReport::new();
    let out = conll::export(&news(), &mut report);
    let what: Vec<&str> = report.losses.iter().map(|l| l.what.as_str()).collect();
    assert_eq!(
        what,
        [
            "T8 (quote)",
            "T4 (evidence)",
            "T10 (evidence)",
            "author and times: 1 (T3)",
            "review status: 1 (T5)",
            "notes: 1 (T3)",
            "attributes: 3 (T2, T3, T5)",
            "relations: 4 (R1, R2, R3, R4)",
            "document attributes: 1 (topic)",
        ]
    );
    assert!(out.contains("الخطةَ I-claim\n"));
    assert!(out.contains("🙂 B-quote\n"));
}

#[test]
fn exports_match_golden_files() {
    let docs = [news(), family(), merger()];
    let schema = Schema::fact_checking();
    let mut report = LossReport::new();
    let style = brat::FlagStyle::for_docs(&docs);
    for d in &docs {
        let stem = d.name.trim_end_matches(".txt");
        golden(
            &format!("{stem}.ann"),
            brat::export_ann_styled(d, &style, &mut report).as_bytes(),
        );
        golden(
            &format!("{stem}.jsonld"),
            webanno::export(d, &mut report).as_bytes(),
        );
    }
    let with_schema: Vec<(AnnotatedText, Schema)> =
        docs.iter().map(|d| (d.clone(), schema.clone())).collect();
    golden(
        "annotation.conf",
        brat::collection_conf(&with_schema, &style).as_bytes(),
    );
    for (flavor, name) in [
        (JsonlFlavor::Hamish, "export.jsonl"),
        (JsonlFlavor::Doccano, "doccano.jsonl"),
        (JsonlFlavor::LabelStudio, "label-studio.jsonl"),
    ] {
        let text: String = docs
            .iter()
            .map(|d| jsonl::export_line(d, flavor, &mut report) + "\n")
            .collect();
        golden(name, text.as_bytes());
    }
    let conll_text: String = docs.iter().map(|d| conll::export(d, &mut report)).collect();
    golden("export.conll", conll_text.as_bytes());
    golden(
        "claims.csv",
        &csv_claims::export(&with_schema, &mut report).unwrap(),
    );
}

#[test]
fn csv_has_bom_one_row_per_claim_with_sources_and_cues() {
    let docs = [news(), family()].map(|d| (d, Schema::fact_checking()));
    let mut report = LossReport::new();
    let bytes = csv_claims::export(&docs, &mut report).unwrap();
    assert!(report.is_empty(), "{report}");
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][2], "إنّ الخطةَ نجحت");
    assert_eq!(&rows[0][3], "وزيرُ الصحةِ");
    assert_eq!(&rows[0][4], "قالَ");
    assert_eq!(&rows[0][5], "misleading");
    assert_eq!(&rows[0][6], "yes");
    assert_eq!(&rows[0][7], "رقم غير دقيق\nيُراجع \\ لاحقًا");
    assert_eq!(&rows[1][3], "المتحدث");
    assert_eq!(&rows[1][6], "no");
    assert_eq!(&rows[2][0], "family.txt");
    assert_eq!(&rows[2][3], "علي");
}

/// Label Studio reads `value.start`/`value.end` as code points: every region of the emoji-bearing
/// documents (🙂, 🏭, 👨‍👩‍👧 before most regions) covers its own text when counted so.
#[test]
fn label_studio_regions_are_code_points_on_their_text() {
    let mut after_emoji = 0;
    for doc in [news(), family(), merger()] {
        let line = jsonl::export_line(&doc, JsonlFlavor::LabelStudio, &mut LossReport::new());
        let task: serde_json::Value = serde_json::from_str(&line).unwrap();
        let first_astral = doc.text.chars().position(|c| c.len_utf16() == 2).unwrap();
        for r in task["annotations"][0]["result"].as_array().unwrap() {
            let Some(v) = r.get("value") else { continue };
            let (s, e) = (
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
            );
            let covered: String = doc.text.chars().skip(s).take(e - s).collect();
            // The region's span and fragment, from its id (`T8` or `T8-2`), and the text the
            // model says that fragment covers.
            let id = r["id"].as_str().unwrap();
            let (number, k) = id[1..]
                .split_once('-')
                .map_or((&id[1..], 1), |(n, k)| (n, k.parse().unwrap()));
            let a = doc
                .set
                .annotation(AnnotationId(number.parse().unwrap()))
                .unwrap();
            assert_eq!(covered, a.anchors[k - 1].exact, "{}: {r}", doc.name);
            after_emoji += usize::from(s > first_astral);
        }
    }
    assert!(after_emoji >= 8, "{after_emoji}");
}
