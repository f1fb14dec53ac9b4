//! Importing what other tools write: a hand-written brat corpus (imported then exported again
//! byte-identical), doccano JSONL (sequence labelling and relations), Label Studio tasks (code
//! points, and UTF-16 units from older versions), CoNLL with broken tags, W3C Web Annotation in
//! the shapes other tools write; everything unreadable shows up in the loss report.

use hamish::model::annotation::{AnnotationId, Timestamp};
use hamish::model::attribute::AttributeValue;
use hamish::model::schema::Schema;
use hamish::store::formats::{brat, conll, jsonl, webanno, AnnotatedText, LossReport};
use std::path::{Path, PathBuf};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(data(rel)).unwrap()
}

#[test]
fn brat_corpus_imports_and_exports_byte_identical() {
    let text = read("brat-sample/prices.txt");
    let ann = read("brat-sample/prices.ann");
    let mut report = LossReport::new();
    let schema = brat::import_conf(
        &read("brat-sample/annotation.conf"),
        "brat-sample",
        &data("brat-sample/annotation.conf"),
        &mut report,
    );
    assert!(report.is_empty(), "{report}");
    let set = brat::import_ann(
        &text,
        &ann,
        &schema,
        &data("brat-sample/prices.ann"),
        Timestamp(0),
        &mut report,
    );
    assert!(report.is_empty(), "{report}");
    let claim = set.annotation(AnnotationId(3)).unwrap();
    // Declared `Value:yes|no`, so a one-of attribute in brat's sense (a flag is declared bare).
    assert_eq!(
        claim.attributes["check-worthy"],
        AttributeValue::Choice("yes".into())
    );
    assert_eq!(
        claim.attributes["verdict"],
        AttributeValue::Choice("false".into())
    );
    assert_eq!(claim.note, "يحتاج مصدرًا\nرسميًا");
    assert_eq!(set.annotation(AnnotationId(4)).unwrap().ranges.len(), 2);
    assert_eq!(set.relations().count(), 2);
    let doc = AnnotatedText {
        name: "prices.txt".into(),
        text,
        set,
    };
    let again = brat::export_ann(&doc, &mut report);
    assert!(report.is_empty(), "{report}");
    assert_eq!(again, ann);
}

#[test]
fn brat_lines_that_do_not_fit_are_reported_with_line_numbers() {
    let text = "قال علي إن السعر ارتفع";
    let ann = "T1\tsource 4 7\tعلي\nE1\tevent:T1\nT2\tclaim 8 99\tإن\nR1\tattributed-to Arg1:T9 Arg2:T1\nA1\tNegated T1\n";
    let mut report = LossReport::new();
    let set = brat::import_ann(
        text,
        ann,
        &Schema::fact_checking(),
        Path::new("d.ann"),
        Timestamp(0),
        &mut report,
    );
    let lines: Vec<Option<usize>> = report.losses.iter().map(|l| l.line).collect();
    assert_eq!(lines, [Some(3), Some(4)], "{report}");
    assert_eq!(set.len(), 1);
    // The event with its trigger is kept.
    assert_eq!(set.standoff.events.len(), 1);
    assert_eq!(set.standoff.events[0].trigger, AnnotationId(1));
    // A brat binary attribute (no value) is a flag set to true.
    assert_eq!(
        set.annotation(AnnotationId(1)).unwrap().attributes["Negated"],
        AttributeValue::Bool(true)
    );
}

#[test]
fn doccano_lines_import_with_code_point_offsets_and_relations() {
    let mut report = LossReport::new();
    let docs = jsonl::import(
        &read("samples/doccano.jsonl"),
        &Schema::fact_checking(),
        Path::new("doccano.jsonl"),
        Timestamp(0),
        &mut report,
    );
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].name.as_deref(), Some("7"));
    let covered = |i: usize| -> Vec<(String, String)> {
        docs[i]
            .set
            .annotations_in_text_order()
            .iter()
            .map(|a| (a.label.clone(), a.covered_text(&docs[i].text)))
            .collect()
    };
    let expected = vec![
        ("source".to_owned(), "علي".to_owned()),
        ("claim".to_owned(), "إن السعر ارتفع".to_owned()),
    ];
    assert_eq!(covered(0), expected);
    assert_eq!(covered(1), expected);
    let r = docs[1].set.relations().next().unwrap();
    assert_eq!(
        (r.kind.as_str(), r.from, r.to),
        ("attributed-to", AnnotationId(2), AnnotationId(1))
    );
    // Line 3 has a span past its text, line 4 is not JSON.
    let lines: Vec<Option<usize>> = report.losses.iter().map(|l| l.line).collect();
    assert_eq!(lines, [Some(3), Some(4)], "{report}");
}

/// `samples/label-studio.json` counts UTF-16 units (as versions before code points did): its
/// regions' `text` matches only that reading, so it is the one taken.
#[test]
fn label_studio_tasks_in_utf16_units_from_older_versions_still_import() {
    let mut report = LossReport::new();
    let docs = jsonl::import(
        &read("samples/label-studio.json"),
        &Schema::fact_checking(),
        Path::new("ls.json"),
        Timestamp(0),
        &mut report,
    );
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    let spans: Vec<String> = d
        .set
        .annotations_in_text_order()
        .iter()
        .map(|a| a.covered_text(&d.text))
        .collect();
    assert_eq!(spans, ["علي", "إن السعر ارتفع"]);
    let r = d.set.relations().next().unwrap();
    assert_eq!(d.set.annotation(r.from).unwrap().label, "claim");
    // The sentiment choice is not a span: reported.
    assert_eq!(report.len(), 1, "{report}");
    assert!(report.losses[0].why.contains("choices"));
}

#[test]
fn label_studio_export_loads_back_through_its_own_reader() {
    let text = "رأى علي 👨‍👩‍👧 أن السعر 5 دنانير";
    let mut report = LossReport::new();
    let line =
        format!("{{\"text\": \"{text}\", \"label\": [[4, 7, \"source\"], [14, 31, \"claim\"]]}}\n");
    let docs = jsonl::import(
        &line,
        &Schema::fact_checking(),
        Path::new("d.jsonl"),
        Timestamp(0),
        &mut report,
    );
    let doc = AnnotatedText {
        name: "d.txt".into(),
        text: text.into(),
        set: docs[0].set.clone(),
    };
    let task = jsonl::export_line(&doc, jsonl::JsonlFlavor::LabelStudio, &mut report);
    assert!(report.is_empty(), "{report}");
    let mut report = LossReport::new();
    let back = jsonl::import(
        &task,
        &Schema::fact_checking(),
        Path::new("t.json"),
        Timestamp(0),
        &mut report,
    );
    assert!(report.is_empty(), "{report}");
    assert_eq!(back[0].set, doc.set);
    let v: serde_json::Value = serde_json::from_str(&task).unwrap();
    // Label Studio stores code points: 14 before the claim (17 UTF-16 units, which is what
    // earlier Hamish wrote and Label Studio then highlighted 3 chars too far on).
    let region = &v["annotations"][0]["result"][1]["value"];
    assert_eq!(region["start"], 14);
    assert_eq!(region["end"], 31);
    let covered: String = text.chars().skip(14).take(17).collect();
    assert_eq!(region["text"], covered.as_str());
    assert_eq!(covered, "أن السعر 5 دنانير");
}

#[test]
fn conll_import_reports_bad_tags_and_splits_documents() {
    let input = "-DOCSTART- O\n\nقال O\nعلي B-source\n\nإن I-claim\nالسعر I-claim\nارتفع X-claim\n-DOCSTART- O\n\nنعم B-cue\n";
    let mut report = LossReport::new();
    let docs = conll::import(input, Path::new("a.conll"), Timestamp(0), &mut report);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].text, "قال علي\nإن السعر ارتفع");
    let spans: Vec<(String, String)> = docs[0]
        .set
        .annotations_in_text_order()
        .iter()
        .map(|a| (a.label.clone(), a.covered_text(&docs[0].text)))
        .collect();
    assert_eq!(
        spans,
        [
            ("source".to_owned(), "علي".to_owned()),
            ("claim".to_owned(), "إن السعر".to_owned())
        ]
    );
    let lines: Vec<Option<usize>> = report.losses.iter().map(|l| l.line).collect();
    assert_eq!(lines, [Some(6), Some(8)], "{report}");
    assert_eq!(docs[1].text, "نعم");
}

#[test]
fn doccano_export_takes_one_documented_shape_per_run_and_reads_back() {
    use hamish::model::annotation::Annotation;
    use hamish::model::relation::{Relation, RelationId};
    use hamish::model::set::AnnotationSet;
    use hamish::offset::CharRange;
    use jsonl::{DoccanoShape, JsonlFlavor};
    let text = "قال علي إن السعر ارتفع.";
    let mut set = AnnotationSet::new();
    for (id, label, a, b) in [(1, "source", 4, 7), (2, "claim", 8, 22)] {
        let r = vec![CharRange::from_indices(a, b)];
        set.insert_annotation(Annotation::new(
            AnnotationId(id),
            label,
            r,
            text,
            Timestamp(0),
        ));
    }
    let plain = AnnotatedText {
        name: "p.txt".into(),
        text: text.into(),
        set: set.clone(),
    };
    set.insert_relation(Relation::new(
        RelationId(1),
        "attributed-to",
        AnnotationId(2),
        AnnotationId(1),
    ));
    let linked = AnnotatedText {
        name: "l.txt".into(),
        text: text.into(),
        set,
    };
    assert_eq!(
        DoccanoShape::for_docs([&plain]),
        DoccanoShape::SequenceLabeling
    );
    assert_eq!(
        DoccanoShape::for_docs([&plain, &linked]),
        DoccanoShape::RelationExtraction
    );
    let mut report = LossReport::new();
    let seq = jsonl::export_line(&plain, JsonlFlavor::Doccano, &mut report);
    let v: serde_json::Value = serde_json::from_str(&seq).unwrap();
    assert_eq!(
        v["label"],
        serde_json::json!([[4, 7, "source"], [8, 22, "claim"]])
    );
    assert!(v.get("entities").is_none() && v.get("relations").is_none());
    let shape = DoccanoShape::RelationExtraction;
    let rel = jsonl::export_line_shaped(&linked, JsonlFlavor::Doccano, shape, &mut report);
    let v: serde_json::Value = serde_json::from_str(&rel).unwrap();
    assert!(v.get("label").is_none());
    assert_eq!(
        v["entities"][1],
        serde_json::json!({"id": 2, "label": "claim", "start_offset": 8, "end_offset": 22})
    );
    assert_eq!(
        v["relations"][0],
        serde_json::json!({"id": 1, "from_id": 2, "to_id": 1, "type": "attributed-to"})
    );
    assert!(report.is_empty(), "{report}");
    let back = jsonl::import(
        &format!("{seq}\n{rel}\n"),
        &Schema::fact_checking(),
        Path::new("d.jsonl"),
        Timestamp(0),
        &mut report,
    );
    assert!(report.is_empty(), "{report}");
    assert_eq!(back[0].set, plain.set);
    assert_eq!(back[1].set, linked.set);
}

/// A `.ann` line in a form that ignores what brat itself does not give meaning to: trailing
/// whitespace, the number of A and `#` lines (they are renumbered), and the old `M` spelling of
/// an attribute.
fn canonical_line(line: &str) -> String {
    let line = line.trim_end_matches([' ', '\t', '\r']);
    let (id, rest) = line.split_once('\t').unwrap_or((line, ""));
    match id.chars().next() {
        Some('A' | 'M') => format!("A\t{rest}"),
        Some('#') => format!("#\t{rest}"),
        _ => line.to_owned(),
    }
}

fn canonical_ann(ann: &str) -> Vec<String> {
    let mut lines: Vec<String> = ann
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(canonical_line)
        .collect();
    lines.sort();
    lines
}

/// Every `.ann` under `dir`, recursively, sorted.
fn ann_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(ann_files(&path));
        } else if path.extension().is_some_and(|e| e == "ann") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// brat's own example corpora (a subset vendored by `scripts/vendor-brat-examples.sh`): every T,
/// R, E, A/M, N, `*` and `#` line comes back through import and export, up to the renumbering
/// of A and `#` lines, with nothing reported lost.
#[test]
fn brat_example_corpora_come_back_whole() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/brat-examples");
    let files = ann_files(&root);
    assert!(files.len() >= 20, "{} files", files.len());
    let mut kinds = std::collections::BTreeSet::new();
    for ann_path in files {
        let (text, ann) = brat::read_pair(&ann_path).unwrap();
        let conf = ann_path
            .ancestors()
            .map(|d| d.join(brat::CONF_FILE))
            .find(|p| p.is_file())
            .unwrap();
        let mut report = LossReport::new();
        let schema = brat::import_conf(
            &std::fs::read_to_string(&conf).unwrap(),
            "x",
            &conf,
            &mut report,
        );
        let set = brat::import_ann(&text, &ann, &schema, &ann_path, Timestamp(0), &mut report);
        let doc = AnnotatedText {
            name: ann_path.display().to_string(),
            text,
            set,
        };
        let again = brat::export_ann(&doc, &mut report);
        assert!(report.is_empty(), "{}:\n{report}", ann_path.display());
        assert_eq!(
            canonical_ann(&again),
            canonical_ann(&ann),
            "{}",
            ann_path.display()
        );
        kinds.extend(ann.lines().filter_map(|l| l.chars().next()));
    }
    // The subset has every kind of line brat writes.
    let kinds: String = kinds.into_iter().collect();
    assert_eq!(kinds, "#*AEMNRT");
}

#[test]
fn brat_binary_attribute_is_written_back_without_a_value() {
    let mut report = LossReport::new();
    let conf = "[entities]\nClaim\n[attributes]\nCheckWorthy\tArg:Claim\n";
    let schema = brat::import_conf(conf, "fc", Path::new("annotation.conf"), &mut report);
    let text = "قال علي إن السعر ارتفع";
    let ann = "T5\tClaim 8 22\tإن السعر ارتفع\nA2\tCheckWorthy T5\n";
    let set = brat::import_ann(
        text,
        ann,
        &schema,
        Path::new("a.ann"),
        Timestamp(0),
        &mut report,
    );
    assert_eq!(
        set.annotation(AnnotationId(5)).unwrap().attributes["CheckWorthy"],
        AttributeValue::Bool(true)
    );
    let doc = AnnotatedText {
        name: "a.txt".into(),
        text: text.into(),
        set,
    };
    let again = brat::export_ann(&doc, &mut report);
    assert!(report.is_empty(), "{report}");
    assert_eq!(
        again,
        "T5\tClaim 8 22\tإن السعر ارتفع\nA1\tCheckWorthy T5\n"
    );
    let style = brat::FlagStyle::for_docs([&doc]);
    let conf = brat::collection_conf(&[(doc, schema)], &style);
    assert!(conf.contains("\nCheckWorthy\tArg:Claim\n"), "{conf}");
}

#[test]
fn collection_conf_is_the_union_of_schemas_and_declares_overlap_only_when_needed() {
    use hamish::model::annotation::Annotation;
    use hamish::model::set::AnnotationSet;
    use hamish::offset::CharRange;
    let text = "قال علي إن السعر ارتفع";
    let doc = |name: &str, spans: &[(u64, &str, usize, usize)]| {
        let mut set = AnnotationSet::new();
        for &(id, label, s, e) in spans {
            let r = vec![CharRange::from_indices(s, e)];
            set.insert_annotation(Annotation::new(
                AnnotationId(id),
                label,
                r,
                text,
                Timestamp(0),
            ));
        }
        AnnotatedText {
            name: name.into(),
            text: text.into(),
            set,
        }
    };
    let mut report = LossReport::new();
    let other = brat::import_conf(
        "[entities]\nPerson\n",
        "people",
        Path::new("c"),
        &mut report,
    );
    let docs = vec![
        (
            doc("a.txt", &[(1, "source", 4, 7)]),
            Schema::fact_checking(),
        ),
        (doc("b.txt", &[(1, "Person", 4, 7)]), other.clone()),
    ];
    let style = brat::FlagStyle::for_docs(docs.iter().map(|(d, _)| d));
    let conf = brat::collection_conf(&docs, &style);
    let entities: Vec<&str> = conf
        .split("[entities]\n")
        .nth(1)
        .unwrap()
        .split("[relations]")
        .next()
        .unwrap()
        .lines()
        .collect();
    assert_eq!(
        entities,
        ["claim", "source", "cue", "quote", "evidence", "Person"]
    );
    assert!(!conf.contains(brat::OVERLAP_LINE));
    // A span inside another (a claim and the evidence in it) needs <OVERLAP> for brat.
    let nested = doc("c.txt", &[(1, "claim", 8, 22), (2, "evidence", 11, 16)]);
    assert!(brat::has_overlap(&nested));
    let docs = vec![
        (nested, Schema::fact_checking()),
        (doc("b.txt", &[]), other),
    ];
    let conf = brat::collection_conf(&docs, &style);
    assert!(conf.contains(brat::OVERLAP_LINE), "{conf}");
    // Spans that only touch do not overlap.
    assert!(!brat::has_overlap(&doc(
        "d.txt",
        &[(1, "claim", 0, 3), (2, "source", 3, 7)]
    )));
}

/// W3C annotations as other tools write them: a plain list, not Hamish's collection; a body or
/// target given alone or as a list; a selector list where only the `TextPositionSelector` is
/// read; fields Hamish has no use for. Items of the wrong shape are reported by their id.
#[test]
fn w3c_annotations_from_other_tools_read_one_or_many_bodies_targets_and_selectors() {
    let text = "قال الوزير إن الخطة نجحت";
    let json = r#"[
      {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:a#T1", "type": "Annotation",
       "generator": {"id": "https://example.org/tool", "name": "Other"}, "rights": null,
       "body": {"type": "TextualBody", "purpose": "tagging", "value": "source", "language": "ar"},
       "target": {"source": "urn:x:a", "selector": [
         {"type": "TextQuoteSelector", "exact": "الوزير"},
         {"type": "TextPositionSelector", "start": 4, "end": 10}]}},
      {"id": "urn:x:a#T2", "motivation": "tagging",
       "body": [{"purpose": "tagging", "value": "claim"},
                {"purpose": "commenting", "value": "أولى"},
                {"purpose": "commenting", "value": "ثانية"},
                {"purpose": "classifying", "value": "check-worthy=yes"}],
       "target": [{"selector": {"type": "TextPositionSelector", "start": 11, "end": 13}},
                  {"selector": {"type": "TextPositionSelector", "start": 14, "end": 24}}],
       "creator": {"type": "Person", "name": "ليلى"}, "created": "2024-01-01T00:00:00Z"},
      {"id": "urn:x:a#R1", "motivation": "linking",
       "body": [{"purpose": "tagging", "value": "attributed-to"}, {"id": "urn:x:a#T1"}],
       "target": "urn:x:a#T2"},
      {"id": "urn:x:a#T3", "body": 5,
       "target": {"selector": {"type": "TextPositionSelector", "start": 0, "end": 3}}},
      {"id": "urn:x:a#T4", "body": {"purpose": "tagging", "value": "cue"},
       "target": {"selector": {"type": "TextPositionSelector", "start": "0", "end": 3}}}
    ]"#;
    let now = Timestamp(0);
    let schema = Schema::fact_checking();
    let path = Path::new("other.jsonld");
    let mut report = LossReport::new();
    let set = webanno::import(json, text, &schema, path, now, &mut report);
    let source = set.annotation(AnnotationId(1)).expect("T1");
    assert_eq!(
        (source.label.as_str(), source.covered_text(text)),
        ("source", "الوزير".to_owned())
    );
    let claim = set.annotation(AnnotationId(2)).expect("T2");
    assert_eq!(claim.label, "claim");
    assert_eq!(claim.covered_text(text), "إن … الخطة نجحت");
    assert_eq!(claim.note, "أولى\nثانية");
    assert_eq!(
        claim.attributes.get("check-worthy"),
        Some(&AttributeValue::Bool(true))
    );
    assert_eq!(claim.author, "ليلى");
    assert_eq!(
        (claim.created, claim.modified),
        (Timestamp(1_704_067_200), now)
    );
    let r = set.relations().next().expect("R1");
    assert_eq!(
        (r.kind.as_str(), r.from, r.to),
        ("attributed-to", AnnotationId(2), AnnotationId(1))
    );
    let losses: Vec<(&str, Option<usize>, &str)> = report
        .losses
        .iter()
        .map(|l| (l.what.as_str(), l.line, l.why.as_str()))
        .collect();
    assert_eq!(
        losses,
        [
            ("annotation `urn:x:a#T3`", None, "the label is empty"),
            (
                "annotation `urn:x:a#T4`",
                None,
                "no TextPositionSelector inside the text"
            ),
        ]
    );
    assert!(report.losses.iter().all(|l| l.file == path));
    assert_eq!(set.len(), 2);

    // A file that is not JSON is one loss with its line, and nothing is imported.
    let mut report = LossReport::new();
    let bad = "[\n  {\"id\": \"urn:x:a#T1\",\n  }\n]";
    let set = webanno::import(bad, text, &schema, path, now, &mut report);
    assert!(set.is_empty());
    let loss = &report.losses[..];
    assert_eq!(loss.len(), 1, "{report}");
    assert_eq!((loss[0].what.as_str(), loss[0].line), ("file", Some(3)));
    assert!(
        loss[0].why.starts_with("not JSON: trailing comma"),
        "{report}"
    );
}
