//! Hostile sidecars: deep nesting, huge numbers, wrong types, ranges past the end, duplicate ids,
//! unknown labels, 10 MB strings, random bytes and random mutations. Each gives an error or
//! validation problems, never a panic.

use hamish::model::text_format::TextEncoding;
use hamish::model::{
    validate, Annotation, AnnotationId, AnnotationSet, Problem, Relation, RelationId, Schema,
    SourceText, Timestamp,
};
use hamish::offset::CharRange;
use hamish::store::sidecar::{
    from_ron_str, to_ron_string, SchemaSource, SidecarData, SidecarError,
};
use proptest::prelude::*;

const TEXT: &str = "قالَ الوزيرُ إنّ الخطة نجحت 👍\r\n";

fn good_sidecar() -> String {
    let doc = SourceText::new("a.txt", TEXT.to_owned(), TextEncoding::Utf8);
    let mut set = AnnotationSet::new();
    for (id, label, s, e) in [(1, "claim", 17, 27), (2, "source", 5, 12), (3, "cue", 0, 4)] {
        set.insert_annotation(Annotation::new(
            AnnotationId(id),
            label,
            vec![CharRange::from_indices(s, e)],
            TEXT,
            Timestamp(9),
        ));
    }
    set.insert_relation(Relation::new(
        RelationId(1),
        "attributed-to",
        AnnotationId(1),
        AnnotationId(2),
    ));
    to_ron_string(&SidecarData::new(
        &doc,
        SchemaSource::Bundled("fact-checking".into()),
        set,
    ))
}

/// Loads, and when that works, validates and saves again: none of it may panic.
fn exercise(text: &str) -> Result<Vec<Problem>, SidecarError> {
    let data = from_ron_str(text, "hostile.ann.ron")?;
    let problems = validate(&data.set, &Schema::fact_checking(), TEXT.chars().count());
    let again = to_ron_string(&data);
    // What we write we can read back, whatever we were given.
    assert!(from_ron_str(&again, "again.ann.ron").is_ok(), "{again}");
    Ok(problems)
}

fn replace_first_annotation(field: &str, with: &str) -> String {
    let good = good_sidecar();
    assert!(good.contains(field), "{field} not in {good}");
    good.replacen(field, with, 1)
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200usize, 100_000] {
        let open = "[".repeat(depth);
        let close = "]".repeat(depth);
        // In a known field, in an ignored field (read by the version probe), and as an attribute.
        let cases = [
            format!("(format: 1, text: {open}{close})"),
            format!("(format: 1, junk: {open}{close})"),
            replace_first_annotation(
                "label: \"cue\"",
                &format!("label: \"cue\", attributes: {{\"a\": Text({open}{close})}}"),
            ),
            format!("(format: 1, text: {})", "(".repeat(depth)),
        ];
        for case in &cases {
            let err = exercise(case).unwrap_err();
            assert!(matches!(err, SidecarError::Parse { .. }), "{err:?}");
        }
    }
}

#[test]
fn huge_numbers_are_errors_or_problems() {
    let overflow = replace_first_annotation(
        "ranges: [(0, 4)]",
        "ranges: [(0, 99999999999999999999999999)]",
    );
    assert!(matches!(
        exercise(&overflow),
        Err(SidecarError::Parse { .. })
    ));
    let max = replace_first_annotation(
        "ranges: [(0, 4)]",
        &format!("ranges: [({}, {})]", usize::MAX, usize::MAX - 1),
    );
    let problems = exercise(&max).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::ReversedRange { .. })),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::RangePastEnd { .. })),
        "{problems:?}"
    );
    let version = good_sidecar().replacen("format: 1", "format: 99999999999", 1);
    assert!(matches!(
        exercise(&version),
        Err(SidecarError::Parse { .. })
    ));
    let negative = good_sidecar().replacen("format: 1", "format: -1", 1);
    assert!(matches!(
        exercise(&negative),
        Err(SidecarError::Parse { .. })
    ));
    let time = replace_first_annotation("created: 9", "created: 1e400");
    assert!(matches!(exercise(&time), Err(SidecarError::Parse { .. })));
    let nan = replace_first_annotation(
        "label: \"cue\"",
        "label: \"claim\", attributes: {\"verdict\": Number(NaN)}",
    );
    let problems = exercise(&nan).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::BadAttributeValue { .. })),
        "{problems:?}"
    );
}

#[test]
fn wrong_types_are_parse_errors_at_the_right_line() {
    let cases = [
        ("label: \"cue\"", "label: 5"),
        ("ranges: [(0, 4)]", "ranges: \"0-4\""),
        ("ranges: [(0, 4)]", "ranges: [(0, 4, 5)]"),
        ("anchors: [(", "anchors: [[("),
        ("(id: 3,", "(id: \"T3\","),
        // A misspelt field is refused, not silently dropped on the next save.
        ("label: \"cue\"", "label: \"cue\", notes: \"x\""),
    ];
    for (from, to) in cases {
        let text = replace_first_annotation(from, to);
        let err = exercise(&text).unwrap_err();
        let SidecarError::Parse { line, .. } = err else {
            panic!("{from} → {to}: expected a parse error, got {err:?}");
        };
        let expected = text.lines().position(|l| l.contains(to)).unwrap() + 1;
        assert_eq!(line, expected, "{from} → {to}");
    }
    let format_text = good_sidecar().replacen("format: 1", "format: \"1\"", 1);
    assert!(matches!(
        exercise(&format_text),
        Err(SidecarError::Parse { line: 2, .. })
    ));
    assert!(matches!(exercise(""), Err(SidecarError::Parse { .. })));
    assert!(matches!(exercise("[]"), Err(SidecarError::Parse { .. })));
}

#[test]
fn duplicate_ids_are_refused_with_the_line() {
    let good = good_sidecar();
    let text = good.replacen("(id: 3, label: \"cue\"", "(id: 2, label: \"cue\"", 1);
    let err = exercise(&text).unwrap_err();
    let SidecarError::DuplicateAnnotationId { id, line, .. } = &err else {
        panic!("expected duplicate id, got {err:?}");
    };
    assert_eq!(*id, AnnotationId(2));
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("(id: 2,"))
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert_eq!(*line, Some(second));
    assert!(err.to_string().contains("two annotations have id T2"));
    let rel = good.replacen(
        "    relations: [\n",
        "    relations: [\n        (id: 1, type: \"cue-of\", from: 3, to: 1),\n",
        1,
    );
    assert!(matches!(
        exercise(&rel),
        Err(SidecarError::DuplicateRelationId {
            id: RelationId(1),
            ..
        })
    ));
}

#[test]
fn unknown_labels_and_ranges_past_the_end_are_problems() {
    let text = replace_first_annotation(
        "label: \"cue\", ranges: [(0, 4)]",
        "label: \"rumour\", ranges: [(0, 4), (30, 900)]",
    );
    let problems = exercise(&text).unwrap();
    assert!(problems
        .iter()
        .any(|p| matches!(p, Problem::UnknownLabel { label, .. } if label == "rumour")));
    assert!(problems
        .iter()
        .any(|p| matches!(p, Problem::RangePastEnd { .. })));
    assert!(problems.iter().any(|p| matches!(
        p,
        Problem::AnchorCount {
            ranges: 2,
            anchors: 1,
            ..
        }
    )));
    let dangling = good_sidecar().replacen("from: 1, to: 2", "from: 1, to: 42", 1);
    let problems = exercise(&dangling).unwrap();
    assert!(problems
        .iter()
        .any(|p| matches!(p, Problem::DanglingRelation { .. })));
}

#[test]
fn ten_megabyte_strings_load() {
    let big = "ب".repeat(5 * 1024 * 1024); // 10 MB of UTF-8
    let text = replace_first_annotation(
        "label: \"cue\"",
        &format!("label: \"cue\", note: \"{big}\""),
    );
    let data = from_ron_str(&text, "big.ann.ron").unwrap();
    assert_eq!(
        data.set.annotation(AnnotationId(3)).unwrap().note.len(),
        big.len()
    );
    let unterminated = format!("(format: 1, text: \"{big}");
    assert!(matches!(
        exercise(&unterminated),
        Err(SidecarError::Parse { .. })
    ));
}

/// One change to sidecar text: a char inserted, removed or replaced somewhere.
fn mutate(text: &str, edits: &[(usize, u8, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(pos, kind, c) in edits {
        if chars.is_empty() {
            chars.push(c);
            continue;
        }
        let at = pos % chars.len();
        match kind % 3 {
            0 => chars.insert(at, c),
            1 => {
                chars.remove(at);
            }
            _ => chars[at] = c,
        }
    }
    chars.into_iter().collect()
}

fn ron_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '(', ')', '[', ']', '{', '}', ',', ':', '"', '\\', '0', '9', '-', 'e', 'r', '#', ' ', '\n',
        'ق', 'َ', '👍', 'S', 'N', 'u',
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = exercise(&text);
        let _ = exercise(&format!("(format: 1, {text})"));
    }

    #[test]
    fn mutated_sidecars_never_panic(
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), ron_char()), 1..6)
    ) {
        let text = mutate(&good_sidecar(), &edits);
        let _ = exercise(&text);
    }
}
