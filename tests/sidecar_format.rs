//! The sidecar format: exact layout, stable order, small diffs, versions and migration, schema
//! resolution. Offsets are chars.

use hamish::model::attribute::AttributeValue;
use hamish::model::text_format::TextEncoding;
use hamish::model::{
    Annotation, AnnotationId, AnnotationSet, Relation, RelationId, Schema, SourceText, Timestamp,
};
use hamish::offset::CharRange;
use hamish::store::sidecar::{
    from_ron_str, line_of, load_sidecar, resolve_schema, sidecar_path, to_ron_string, SchemaSource,
    SidecarData, SidecarError,
};
use std::path::Path;

const TEXT: &str = "قالَ الوزيرُ إنّ الخطة نجحت 👍\r\nوأكد المتحدث \"الرسمي\" ذلك.\r\n";

fn sample() -> (SourceText, SidecarData) {
    let doc = SourceText::new("article.txt", TEXT.to_owned(), TextEncoding::Utf8);
    let mut set = AnnotationSet::new();
    let mut claim = Annotation::new(
        AnnotationId(2),
        "claim",
        vec![CharRange::from_indices(17, 27)],
        TEXT,
        Timestamp(1_700_000_000),
    );
    claim.attributes.insert(
        "verdict".into(),
        AttributeValue::Choice("unverified".into()),
    );
    claim
        .attributes
        .insert("check-worthy".into(), AttributeValue::Bool(true));
    claim.note = "سطر أول\nسطر \"ثانٍ\"".into();
    set.insert_annotation(claim);
    set.insert_annotation(Annotation::new(
        AnnotationId(1),
        "cue",
        vec![CharRange::from_indices(0, 4)],
        TEXT,
        Timestamp(1_700_000_000),
    ));
    set.insert_annotation(Annotation::new(
        AnnotationId(3),
        "source",
        vec![CharRange::from_indices(5, 12)],
        TEXT,
        Timestamp(1_700_000_001),
    ));
    set.insert_relation(Relation::new(
        RelationId(1),
        "attributed-to",
        AnnotationId(2),
        AnnotationId(3),
    ));
    set.insert_relation(Relation::new(
        RelationId(2),
        "cue-of",
        AnnotationId(1),
        AnnotationId(2),
    ));
    set.document_attributes
        .insert("topic".into(), AttributeValue::Text("سياسة".into()));
    let data = SidecarData::new(&doc, SchemaSource::Bundled("fact-checking".into()), set);
    (doc, data)
}

#[test]
fn layout_is_one_item_per_line_in_text_order_and_readable() {
    let (_, data) = sample();
    let text = to_ron_string(&data);
    println!("{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "(");
    assert_eq!(lines[1], "    format: 1,");
    // Annotations sorted by first range start: the cue (0), the source (5), the claim (17).
    let ann_start = lines
        .iter()
        .position(|l| *l == "    annotations: [")
        .unwrap();
    assert!(lines[ann_start + 1].starts_with("        (id: 1, label: \"cue\""));
    assert!(lines[ann_start + 2].starts_with("        (id: 3, label: \"source\""));
    assert!(lines[ann_start + 3].starts_with("        (id: 2, label: \"claim\""));
    assert_eq!(lines[ann_start + 4], "    ],");
    // Harakat and Arabic stay literal; the newline in the note stays escaped on one line.
    assert!(text.contains("قالَ"), "{text}");
    assert!(lines[ann_start + 3].contains(r#"سطر أول\nسطر \"ثانٍ\""#));
    assert!(text.contains("👍"));
    assert_eq!(
        line_of(&text, hamish::model::Owner::Annotation(AnnotationId(2))),
        Some(ann_start as usize + 4)
    );
    assert_eq!(from_ron_str(&text, "article.txt.ann.ron").unwrap(), data);
}

#[test]
fn one_annotation_change_is_a_one_line_diff() {
    let (_, mut data) = sample();
    let before = to_ron_string(&data);
    data.set
        .annotation_mut(AnnotationId(3))
        .unwrap()
        .attributes
        .insert("kind".into(), AttributeValue::Choice("person".into()));
    let after = to_ron_string(&data);
    let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(a.len(), b.len());
    let changed: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    assert_eq!(changed.len(), 1, "changed lines: {changed:?}");
    assert!(b[changed[0]].contains("(id: 3,"));
    // Adding one annotation adds exactly one line.
    data.set.insert_annotation(Annotation::new(
        AnnotationId(9),
        "quote",
        vec![CharRange::from_indices(44, 53)],
        TEXT,
        Timestamp(5),
    ));
    let added = to_ron_string(&data);
    assert_eq!(added.lines().count(), after.lines().count() + 1);
    let extra: Vec<&str> = added
        .lines()
        .filter(|l| !after.lines().any(|m| m == *l))
        .collect();
    assert_eq!(extra.len(), 1);
    assert!(extra[0].contains("(id: 9,"));
}

#[test]
fn inline_schema_round_trips_and_resolves() {
    let (_, mut data) = sample();
    data.schema = SchemaSource::Inline(Schema::fact_checking());
    let text = to_ron_string(&data);
    let back = from_ron_str(&text, "x.ann.ron").unwrap();
    assert_eq!(back, data);
    assert_eq!(
        resolve_schema(Path::new("."), &back).unwrap(),
        Schema::fact_checking()
    );
    // The relations section is found after the inline schema's own `relations:` field.
    let line = line_of(&text, hamish::model::Owner::Relation(RelationId(2))).unwrap();
    assert!(text.lines().nth(line - 1).unwrap().contains("cue-of"));
}

#[test]
fn folder_schema_applies_and_missing_one_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut data) = sample();
    data.schema = SchemaSource::Folder;
    let err = resolve_schema(dir.path(), &data).unwrap_err();
    assert!(err.to_string().contains("schema.ron"), "{err}");
    let mut custom = Schema::fact_checking();
    custom.id = "my-project".into();
    custom.labels.truncate(2);
    custom.relations.truncate(1);
    std::fs::write(dir.path().join("schema.ron"), custom.to_ron_string()).unwrap();
    assert_eq!(resolve_schema(dir.path(), &data).unwrap(), custom);
    assert_eq!(SchemaSource::default_for(dir.path()), SchemaSource::Folder);
    data.schema = SchemaSource::Bundled("rhetoric-v9".into());
    assert!(matches!(
        resolve_schema(dir.path(), &data),
        Err(SidecarError::UnknownBundledSchema { .. })
    ));
}

#[test]
fn format_zero_is_migrated() {
    let v0 = std::fs::read_to_string("tests/data/sidecar/format0.ann.ron").unwrap();
    let data = from_ron_str(&v0, "format0.ann.ron").unwrap();
    assert_eq!(data.set.len(), 2);
    let claim = data.set.annotation(AnnotationId(1)).unwrap();
    assert_eq!(claim.label, "claim");
    assert_eq!(claim.ranges, vec![CharRange::from_indices(4, 10)]);
    assert!(claim.anchors.is_empty());
    assert_eq!(
        data.set.relation(RelationId(1)).unwrap().kind,
        "attributed-to"
    );
    assert_eq!(data.schema, SchemaSource::Bundled("fact-checking".into()));
    // Written again, it is format 1.
    assert!(to_ron_string(&data).contains("format: 1,"));
}

#[test]
fn newer_format_is_refused_with_advice() {
    let future = std::fs::read_to_string("tests/data/sidecar/format2.ann.ron").unwrap();
    let err = from_ron_str(&future, "future.ann.ron").unwrap_err();
    assert!(
        matches!(
            err,
            SidecarError::NewerFormat {
                found: 2,
                supported: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("update Hamish"));
    let none = from_ron_str("(text: ())", "nofmt.ann.ron").unwrap_err();
    assert!(matches!(none, SidecarError::NoFormat { .. }), "{none:?}");
}

#[test]
fn parse_error_gives_path_line_column() {
    let (_, data) = sample();
    let text = to_ron_string(&data).replace("label: \"source\"", "label: source");
    let err = from_ron_str(&text, "corpus/a.txt.ann.ron").unwrap_err();
    let SidecarError::Parse { line, column, .. } = &err else {
        panic!("expected a parse error, got {err:?}");
    };
    let bad_line = text
        .lines()
        .position(|l| l.contains("label: source"))
        .unwrap()
        + 1;
    assert_eq!(*line, bad_line);
    assert!(*column > 9);
    assert!(err
        .to_string()
        .starts_with(&format!("corpus/a.txt.ann.ron:{bad_line}:")));
}

#[test]
fn load_sidecar_reads_files_and_rejects_non_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let (_, data) = sample();
    let text_path = dir.path().join("article.txt");
    let path = sidecar_path(&text_path);
    std::fs::write(&path, format!("\u{feff}{}", to_ron_string(&data))).unwrap();
    assert_eq!(load_sidecar(&path).unwrap(), data);
    std::fs::write(&path, b"(\n format: 1,\n \xff\xfe)").unwrap();
    let err = load_sidecar(&path).unwrap_err();
    assert!(
        matches!(err, SidecarError::NotUtf8 { line: 3, .. }),
        "{err:?}"
    );
    let missing = load_sidecar(&dir.path().join("nope.ann.ron")).unwrap_err();
    assert!(matches!(missing, SidecarError::Io { .. }));
}

/// The committed example sidecar is exactly what the writer makes today; a change to the format
/// shows up as a diff of this file. Regenerate with `HAMISH_BLESS=1 cargo test --test sidecar_format`.
#[test]
fn golden_example_matches_the_writer() {
    let dir = Path::new("tests/data/sidecar");
    let (doc, data) = sample();
    let text_path = dir.join("article.txt");
    let golden_path = sidecar_path(&text_path);
    let written = to_ron_string(&data);
    if std::env::var_os("HAMISH_BLESS").is_some() {
        std::fs::write(&text_path, &doc.text).unwrap();
        std::fs::write(&golden_path, &written).unwrap();
    }
    let text = std::fs::read_to_string(&text_path).unwrap();
    assert_eq!(
        text, TEXT,
        "tests/data/sidecar/article.txt must keep its CRLF endings"
    );
    let golden = std::fs::read_to_string(&golden_path).unwrap();
    assert_eq!(
        written, golden,
        "sidecar format changed; see the doc comment to regenerate"
    );
    assert_eq!(load_sidecar(&golden_path).unwrap(), data);
}
