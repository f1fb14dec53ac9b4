//! What the export formats cannot carry is reported once per document and kind, naming the
//! annotations concerned: never one entry per annotation, and never silently dropped.

use hamish::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use hamish::model::attribute::AttributeValue;
use hamish::model::relation::{Relation, RelationId};
use hamish::model::set::AnnotationSet;
use hamish::offset::CharRange;
use hamish::store::formats::jsonl::{self, JsonlFlavor};
use hamish::store::formats::{brat, conll, webanno, AnnotatedText, LossKind, LossReport};

/// `n` one-word spans ("كلمة" repeated), each with author, edit time, status, note and
/// attributes; relations with attributes between neighbours; one document attribute.
fn rich(n: usize) -> AnnotatedText {
    let text = "كلمة ".repeat(n);
    let mut set = AnnotationSet::new();
    for k in 0..n {
        let mut a = Annotation::new(
            AnnotationId(k as u64 + 1),
            "claim",
            vec![CharRange::from_indices(5 * k, 5 * k + 4)],
            &text,
            Timestamp(100),
        );
        a.author = "سارة".into();
        a.modified = Timestamp(200);
        a.status = AnnotationStatus::NeedsReview;
        a.note = "ملاحظة".into();
        a.attributes
            .insert("check-worthy".into(), AttributeValue::Bool(true));
        set.insert_annotation(a);
    }
    for k in 1..n {
        let mut r = Relation::new(
            RelationId(k as u64),
            "supports",
            AnnotationId(k as u64),
            AnnotationId(k as u64 + 1),
        );
        r.attributes
            .insert("strength".into(), AttributeValue::Text("high".into()));
        set.insert_relation(r);
    }
    set.document_attributes
        .insert("topic".into(), AttributeValue::Text("health".into()));
    AnnotatedText {
        name: "many.txt".into(),
        text,
        set,
    }
}

/// The `what` of each loss, with the count and the first names.
fn whats(report: &LossReport) -> Vec<String> {
    report.losses.iter().map(|l| l.what.clone()).collect()
}

#[test]
fn brat_reports_each_uncarried_kind_once_for_many_annotations() {
    let mut report = LossReport::new();
    brat::export_ann(&rich(20), &mut report);
    assert_eq!(
        whats(&report),
        [
            "author and times: 20 (T1, T2, T3, T4, T5, T6, T7, T8 and 12 more)",
            "review status: 20 (T1, T2, T3, T4, T5, T6, T7, T8 and 12 more)",
            "document attributes: 1 (topic)",
        ]
    );
    assert!(report.losses.iter().all(|l| l.file.ends_with("many.txt")));
    assert!(report.losses[1].why.contains("brat"));
}

#[test]
fn doccano_and_label_studio_report_attributes_notes_and_relation_attributes_once() {
    for (flavor, tool) in [
        (JsonlFlavor::Doccano, "doccano"),
        (JsonlFlavor::LabelStudio, "Label Studio"),
    ] {
        let mut report = LossReport::new();
        jsonl::export_line(&rich(3), flavor, &mut report);
        assert_eq!(
            whats(&report),
            [
                "author and times: 3 (T1, T2, T3)",
                "review status: 3 (T1, T2, T3)",
                "notes: 3 (T1, T2, T3)",
                "attributes: 3 (T1, T2, T3)",
                "relation attributes: 2 (R1, R2)",
                "document attributes: 1 (topic)",
            ],
            "{tool}"
        );
        assert!(
            report.losses.iter().all(|l| l.why.contains(tool)),
            "{report}"
        );
    }
}

#[test]
fn conll_reports_relations_once_and_hamish_jsonl_and_webanno_lose_nothing() {
    let mut report = LossReport::new();
    conll::export(&rich(4), &mut report);
    assert_eq!(report.len(), 6, "{report}");
    assert!(whats(&report).contains(&"relations: 3 (R1, R2, R3)".to_owned()));

    let mut report = LossReport::new();
    jsonl::export_line(&rich(4), JsonlFlavor::Hamish, &mut report);
    webanno::export(&rich(4), &mut report);
    assert!(report.is_empty(), "{report}");
}

#[test]
fn anonymous_unedited_spans_have_no_provenance_to_lose() {
    let mut doc = rich(2);
    for id in [AnnotationId(1), AnnotationId(2)] {
        let a = doc.set.annotation_mut(id).unwrap();
        a.author.clear();
        a.modified = a.created;
        a.status = AnnotationStatus::Ok;
    }
    doc.set.document_attributes.clear();
    let mut report = LossReport::new();
    brat::export_ann(&doc, &mut report);
    assert!(report.is_empty(), "{report}");
    // One edited span brings the kind back, naming only that span.
    doc.set.annotation_mut(AnnotationId(2)).unwrap().modified = Timestamp(300);
    brat::export_ann(&doc, &mut report);
    assert_eq!(whats(&report), ["author and times: 1 (T2)"]);
}

#[test]
fn doccano_warns_per_document_about_the_overlapping_spans_it_would_drop() {
    let text = "قال علي إن السعر ارتفع";
    let mut set = AnnotationSet::new();
    for (id, label, s, e) in [
        (1, "claim", 8, 22),
        (2, "evidence", 11, 16),
        (3, "source", 4, 7),
    ] {
        let r = vec![CharRange::from_indices(s, e)];
        set.insert_annotation(Annotation::new(
            AnnotationId(id),
            label,
            r,
            text,
            Timestamp(0),
        ));
    }
    let doc = AnnotatedText {
        name: "o.txt".into(),
        text: text.into(),
        set,
    };
    let mut report = LossReport::new();
    jsonl::export_line(&doc, JsonlFlavor::Doccano, &mut report);
    assert_eq!(whats(&report), ["overlapping spans: 1 (T2)"]);
    assert_eq!(report.losses[0].kind, LossKind::OverlappingSpans);
    assert!(report.losses[0].why.contains("allows overlapping spans"));
    // Each fragment of a discontinuous span is an entity of its own for doccano.
    let mut doc = doc;
    let frags = vec![
        CharRange::from_indices(0, 3),
        CharRange::from_indices(12, 14),
    ];
    let quote = Annotation::new(AnnotationId(4), "quote", frags, text, Timestamp(0));
    doc.set.insert_annotation(quote);
    let mut report = LossReport::new();
    jsonl::export_line(&doc, JsonlFlavor::Doccano, &mut report);
    let overlaps: Vec<String> = report
        .losses
        .iter()
        .filter(|l| l.kind == LossKind::OverlappingSpans)
        .map(|l| l.what.clone())
        .collect();
    assert_eq!(overlaps, ["overlapping spans: 2 (T2, T4 fragment 2)"]);
    // Label Studio holds overlapping regions: nothing to say.
    let mut report = LossReport::new();
    jsonl::export_line(&doc, JsonlFlavor::LabelStudio, &mut report);
    let kinds: Vec<LossKind> = report.losses.iter().map(|l| l.kind).collect();
    assert_eq!(kinds, [LossKind::DiscontinuousSpans], "{report}");
}
