//! Validation of an annotation set against the bundled fact-checking schema and the text length:
//! each kind of problem is found and named; a clean set has none.

use hamish::model::attribute::AttributeValue;
use hamish::model::{
    validate, Annotation, AnnotationId, AnnotationSet, Owner, Problem, Relation, RelationId,
    Schema, Timestamp,
};
use hamish::offset::{CharOffset, CharRange};

const TEXT: &str = "قالَ الوزيرُ إنّ الخطة نجحت";

fn ann(id: u64, label: &str, start: usize, end: usize) -> Annotation {
    Annotation::new(
        AnnotationId(id),
        label,
        vec![CharRange::from_indices(start, end)],
        TEXT,
        Timestamp(0),
    )
}

fn clean_set() -> AnnotationSet {
    let mut set = AnnotationSet::new();
    let mut claim = ann(1, "claim", 17, 27);
    claim.attributes.insert(
        "verdict".into(),
        AttributeValue::Choice("misleading".into()),
    );
    claim
        .attributes
        .insert("check-worthy".into(), AttributeValue::Bool(false));
    set.insert_annotation(claim);
    set.insert_annotation(ann(2, "source", 5, 12));
    set.insert_annotation(ann(3, "cue", 0, 4));
    // Nested and overlapping spans are allowed.
    set.insert_annotation(ann(4, "quote", 13, 27));
    set.insert_relation(Relation::new(
        RelationId(1),
        "attributed-to",
        AnnotationId(1),
        AnnotationId(2),
    ));
    set.insert_relation(Relation::new(
        RelationId(2),
        "cue-of",
        AnnotationId(3),
        AnnotationId(1),
    ));
    set.document_attributes
        .insert("topic".into(), AttributeValue::Text("سياسة".into()));
    set
}

#[test]
fn clean_set_has_no_problem() {
    let len = TEXT.chars().count();
    assert_eq!(
        validate(&clean_set(), &Schema::fact_checking(), len),
        vec![]
    );
}

#[test]
fn every_kind_of_problem_is_reported() {
    let schema = Schema::fact_checking();
    let len = TEXT.chars().count();
    let mut set = clean_set();
    set.insert_annotation(ann(5, "rumour", 0, 2));
    set.insert_annotation(ann(6, "claim", 3, 3));
    let mut reversed = ann(7, "claim", 0, 1);
    reversed.ranges[0] = CharRange {
        start: CharOffset(9),
        end: CharOffset(4),
    };
    set.insert_annotation(reversed);
    set.insert_annotation(ann(8, "source", 20, 40));
    let mut no_ranges = ann(9, "cue", 0, 1);
    no_ranges.ranges.clear();
    set.insert_annotation(no_ranges);
    let mut bad_attrs = ann(10, "claim", 0, 4);
    bad_attrs
        .attributes
        .insert("verdict".into(), AttributeValue::Choice("maybe".into()));
    bad_attrs
        .attributes
        .insert("check-worthy".into(), AttributeValue::Text("yes".into()));
    bad_attrs
        .attributes
        .insert("colour".into(), AttributeValue::Bool(true));
    set.insert_annotation(bad_attrs);
    set.insert_relation(Relation::new(
        RelationId(3),
        "attributed-to",
        AnnotationId(2),
        AnnotationId(1),
    ));
    set.insert_relation(Relation::new(
        RelationId(4),
        "supports",
        AnnotationId(1),
        AnnotationId(2),
    ));
    set.insert_relation(Relation::new(
        RelationId(5),
        "cue-of",
        AnnotationId(3),
        AnnotationId(77),
    ));
    set.document_attributes
        .insert("pages".into(), AttributeValue::Number(3.0));

    let problems = validate(&set, &schema, len);
    let expect = [
        Problem::UnknownLabel {
            id: AnnotationId(5),
            label: "rumour".into(),
        },
        Problem::EmptyRange {
            id: AnnotationId(6),
            range: CharRange::from_indices(3, 3),
        },
        Problem::ReversedRange {
            id: AnnotationId(7),
            range: CharRange {
                start: CharOffset(9),
                end: CharOffset(4),
            },
        },
        Problem::RangePastEnd {
            id: AnnotationId(8),
            range: CharRange::from_indices(20, 40),
            text_len: len,
        },
        Problem::NoRanges(AnnotationId(9)),
        Problem::AnchorCount {
            id: AnnotationId(9),
            ranges: 0,
            anchors: 1,
        },
        Problem::RelationNotAllowed {
            id: RelationId(3),
            kind: "attributed-to".into(),
            from_label: "source".into(),
            to_label: "claim".into(),
        },
        Problem::UnknownRelationType {
            id: RelationId(4),
            kind: "supports".into(),
        },
        Problem::DanglingRelation {
            id: RelationId(5),
            missing: AnnotationId(77),
        },
        Problem::UnknownAttribute {
            owner: Owner::Document,
            attribute: "pages".into(),
        },
        Problem::UnknownAttribute {
            owner: Owner::Annotation(AnnotationId(10)),
            attribute: "colour".into(),
        },
    ];
    for p in &expect {
        assert!(problems.contains(p), "missing {p:?} in {problems:#?}");
    }
    let bad_values: Vec<&Problem> = problems
        .iter()
        .filter(|p| matches!(p, Problem::BadAttributeValue { .. }))
        .collect();
    assert_eq!(bad_values.len(), 2, "{bad_values:#?}");
    assert!(bad_values[1]
        .to_string()
        .contains("expects one of true, false, misleading, unverified"));
    assert_eq!(problems.len(), expect.len() + 2, "{problems:#?}");
    assert_eq!(problems[0].owner(), Owner::Annotation(AnnotationId(5)));
    assert_eq!(
        problems[0].to_string(),
        "annotation T5: label \"rumour\" is not in the schema"
    );
}

#[test]
fn anchors_must_match_ranges_in_number() {
    let mut set = clean_set();
    set.annotation_mut(AnnotationId(2)).unwrap().anchors.clear();
    let problems = validate(&set, &Schema::fact_checking(), TEXT.chars().count());
    assert_eq!(
        problems,
        vec![Problem::AnchorCount {
            id: AnnotationId(2),
            ranges: 1,
            anchors: 0
        }]
    );
}
