//! `hamish check` and `hamish stats` run as the built binary over a temp folder holding good,
//! broken, changed and invalid sidecars: exit codes and report lines.

use hamish::model::attribute::AttributeValue;
use hamish::model::text_format::TextEncoding;
use hamish::model::{
    Annotation, AnnotationId, AnnotationSet, Document, Relation, RelationId, Schema, Timestamp,
};
use hamish::offset::CharRange;
use hamish::store::sidecar::{sidecar_path, to_ron_string, SchemaSource, SidecarData};
use std::path::Path;
use std::process::Command;

const TEXT: &str = "قالَ الوزيرُ إنّ الخطة نجحت.\r\nوأعلن المتحدث أن الأرقام دقيقة.\r\n";

fn hamish(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hamish"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn ann(id: u64, label: &str, start: usize, end: usize) -> Annotation {
    Annotation::new(
        AnnotationId(id),
        label,
        vec![CharRange::from_indices(start, end)],
        TEXT,
        Timestamp(1),
    )
}

/// Claims T1 (sourced by T2) and T4 (no source), cue T3.
fn good_set() -> AnnotationSet {
    let mut set = AnnotationSet::new();
    set.insert_annotation(ann(1, "claim", 17, 27));
    set.insert_annotation(ann(2, "source", 5, 12));
    set.insert_annotation(ann(3, "cue", 0, 4));
    set.insert_annotation(ann(4, "claim", 44, 59));
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
    set
}

fn write_doc(dir: &Path, name: &str, text: &str, set: AnnotationSet, schema: SchemaSource) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let doc = Document::new(&path, text.to_owned(), TextEncoding::Utf8);
    std::fs::write(
        sidecar_path(&path),
        to_ron_string(&SidecarData::new(&doc, schema, set)),
    )
    .unwrap();
}

fn bundled() -> SchemaSource {
    SchemaSource::Bundled("fact-checking".into())
}

/// good.txt, changed.txt (text edited after saving), invalid.txt (unknown label, bad verdict),
/// broken.txt (sidecar not RON), team/x.txt (folder schema).
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write_doc(root, "good.txt", TEXT, good_set(), bundled());
    write_doc(root, "changed.txt", TEXT, good_set(), bundled());
    std::fs::write(root.join("changed.txt"), TEXT.replace("الوزيرُ", "الرئيس")).unwrap();
    let mut invalid = good_set();
    invalid.insert_annotation(ann(5, "rumour", 30, 35));
    invalid
        .annotation_mut(AnnotationId(4))
        .unwrap()
        .attributes
        .insert("verdict".into(), AttributeValue::Choice("maybe".into()));
    write_doc(root, "invalid.txt", TEXT, invalid, bundled());
    // Text appended far after the last annotation: the fingerprint differs, the anchors hold.
    write_doc(root, "appended.txt", TEXT, good_set(), bundled());
    let appended = format!("{TEXT}{}سطر جديد\r\n", " ".repeat(40));
    std::fs::write(root.join("appended.txt"), appended).unwrap();
    // A UTF-8 BOM is not text: offsets and the fingerprint are of the text after it.
    write_doc(root, "bom.txt", TEXT, good_set(), bundled());
    std::fs::write(root.join("bom.txt"), format!("\u{feff}{TEXT}")).unwrap();
    std::fs::write(root.join("broken.txt"), TEXT).unwrap();
    std::fs::write(
        root.join("broken.txt.ann.ron"),
        "(\n    format: 1,\n    text: oops,\n)\n",
    )
    .unwrap();
    std::fs::create_dir(root.join("team")).unwrap();
    let mut team_schema = Schema::fact_checking();
    team_schema
        .labels
        .retain(|l| l.id == "claim" || l.id == "source");
    team_schema.relations.retain(|r| r.id == "attributed-to");
    std::fs::write(root.join("team/schema.ron"), team_schema.to_ron_string()).unwrap();
    let mut team = AnnotationSet::new();
    team.insert_annotation(ann(1, "claim", 17, 27));
    team.insert_annotation(ann(2, "source", 5, 12));
    write_doc(
        &root.join("team"),
        "x.txt",
        TEXT,
        team,
        SchemaSource::Folder,
    );
    dir
}

#[test]
fn check_good_file_exits_zero() {
    let dir = corpus();
    let (code, out, _) = hamish(&["check", "good.txt", "team"], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("OK      good.txt (4 annotations, 2 relations)"),
        "{out}"
    );
    assert!(out.contains("x.txt (2 annotations, 0 relations)"), "{out}");
    assert!(
        out.contains("checked 2 file(s): 2 OK, 0 with problems, 0 unreadable"),
        "{out}"
    );
}

#[test]
fn check_folder_reports_each_problem_and_exits_one() {
    let dir = corpus();
    let (code, out, _) = hamish(&["check", "."], dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("text changed since the annotations were saved: 4 annotations to re-anchor"),
        "{out}"
    );
    // broken: the parse error names the file, line 3 and column.
    assert!(
        out.lines()
            .any(|l| l.starts_with("PROBLEM ./broken.txt.ann.ron:3:")),
        "{out}"
    );
    // invalid: problems point at the annotation's line in the sidecar.
    let sidecar = std::fs::read_to_string(dir.path().join("invalid.txt.ann.ron")).unwrap();
    let rumour_line = sidecar
        .lines()
        .position(|l| l.contains("\"rumour\""))
        .unwrap()
        + 1;
    assert!(
        out.contains(&format!(
            "PROBLEM ./invalid.txt.ann.ron:{rumour_line}: annotation T5: label \"rumour\" is not in the schema"
        )),
        "{out}"
    );
    assert!(out.contains("annotation T4: attribute \"verdict\" expects one of true, false, misleading, unverified"), "{out}");
    assert!(out.contains("OK      ./good.txt"), "{out}");
    assert!(
        out.contains("OK      ./bom.txt (4 annotations, 2 relations)"),
        "{out}"
    );
    // Only T4 ends within 32 chars of the old end, so only its suffix changed.
    assert!(
        out.contains("PROBLEM ./appended.txt.ann.ron: text changed since the annotations were saved: 1 annotations to re-anchor"),
        "{out}"
    );
    assert!(
        out.contains("checked 7 file(s): 3 OK, 4 with problems, 0 unreadable"),
        "{out}"
    );
}

#[test]
fn check_usage_and_io_errors_exit_two() {
    let dir = corpus();
    let (code, _, err) = hamish(&["check", "nowhere"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("nowhere"), "{err}");
    let (code, _, _) = hamish(&["check"], dir.path());
    assert_eq!(code, 2);
    std::fs::remove_file(dir.path().join("good.txt")).unwrap();
    let (code, out, _) = hamish(&["check", "good.txt.ann.ron"], dir.path());
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("ERROR   good.txt.ann.ron: cannot read the text file good.txt"),
        "{out}"
    );
}

#[test]
fn check_folder_schema_catches_labels_it_lacks() {
    let dir = corpus();
    let team = dir.path().join("team");
    let mut set = AnnotationSet::new();
    set.insert_annotation(ann(1, "cue", 0, 4));
    write_doc(&team, "y.txt", TEXT, set, SchemaSource::Folder);
    let (code, out, _) = hamish(&["check", "team"], dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("annotation T1: label \"cue\" is not in the schema"),
        "{out}"
    );
}

#[test]
fn stats_table_and_json() {
    let dir = corpus();
    let (code, out, _) = hamish(&["stats", "good.txt", "invalid.txt"], dir.path());
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        [
            "document",
            "annotations",
            "claim",
            "source",
            "cue",
            "rumour",
            "relations",
            "claims+source",
            "claims-source"
        ]
    );
    let good: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(good, ["good.txt", "4", "2", "1", "1", "0", "2", "1", "1"]);
    let total: Vec<&str> = lines[3].split_whitespace().collect();
    assert_eq!(total, ["TOTAL", "9", "4", "2", "2", "1", "4", "2", "2"]);

    let (code, out, _) = hamish(&["stats", "--json", "."], dir.path());
    assert_eq!(code, 1, "broken.txt.ann.ron cannot be read");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 6);
    assert_eq!(json["total"]["per_label"]["claim"], 11);
    // One unsourced claim in each of the five fact-checking files, and the team file's claim.
    assert_eq!(json["total"]["claims_without_source"], 6);
    assert_eq!(json["total"]["claims_with_source"], 5);
    assert_eq!(json["unreadable"][0]["path"], "./broken.txt.ann.ron");
}
