//! `hamish check` and `hamish stats` run as the built binary over a temp folder holding good,
//! broken, changed and invalid sidecars: exit codes and report lines.

use hamish::model::attribute::AttributeValue;
use hamish::model::text_format::TextEncoding;
use hamish::model::{
    Annotation, AnnotationId, AnnotationSet, Relation, RelationId, Schema, SourceText, Timestamp,
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
    let doc = SourceText::new(&path, text.to_owned(), TextEncoding::Utf8);
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
    // changed: "الوزيرُ" was replaced, so the source T2 is an orphan (listed at its line); T3's
    // context changed (flagged); T1 and T4 moved by one char.
    let changed = std::fs::read_to_string(dir.path().join("changed.txt.ann.ron")).unwrap();
    let t2_line = changed.lines().position(|l| l.contains("(id: 2,")).unwrap() + 1;
    assert!(
        out.contains("PROBLEM ./changed.txt.ann.ron: text changed since the annotations were saved: 0 stay, 2 move, 1 move and need review, 1 orphans"),
        "{out}"
    );
    assert!(
        out.contains(&format!("PROBLEM ./changed.txt.ann.ron:{t2_line}: annotation T2 (source \"الوزيرُ\") is an orphan: its text is no longer in the file")),
        "{out}"
    );
    assert!(
        out.contains("annotation T3 (cue \"قالَ\") found again with doubt"),
        "{out}"
    );
    // The check is a dry run: nothing was written.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("changed.txt.ann.ron")).unwrap(),
        changed
    );
    assert!(!dir.path().join("changed.txt.ann.ron.bak").exists());
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
    // Text appended after every annotation: they all stay, which is a note, not a problem.
    assert!(
        out.contains("NOTE    ./appended.txt.ann.ron: text changed since the annotations were saved: 4 stay, 0 move, 0 move and need review, 0 orphans"),
        "{out}"
    );
    assert!(
        out.contains("OK      ./appended.txt (4 annotations"),
        "{out}"
    );
    assert!(
        out.contains("checked 7 file(s): 4 OK, 3 with problems, 0 unreadable"),
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
        out.contains("ERROR   good.txt.ann.ron: good.txt: cannot read the file"),
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
            "claims-source",
            "review",
            "orphans"
        ]
    );
    let good: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(
        good,
        ["good.txt", "4", "2", "1", "1", "0", "2", "1", "1", "0", "0"]
    );
    let total: Vec<&str> = lines[3].split_whitespace().collect();
    assert_eq!(
        total,
        ["TOTAL", "9", "4", "2", "2", "1", "4", "2", "2", "0", "0"]
    );

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

/// A Windows-1256 CRLF text in a sub-folder, annotated through the session and saved.
fn legacy_folder(root: &Path) -> std::path::PathBuf {
    use hamish::model::Edit;
    use hamish::store::atomic::RealFs;
    use hamish::store::session::{AnnotationSession, OpenOptions};
    let folder = root.join("legacy");
    std::fs::create_dir(&folder).unwrap();
    let text = folder.join("خبر.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/encodings/sentence.windows-1256.crlf.txt"),
        &text,
    )
    .unwrap();
    let (mut s, _) = AnnotationSession::open(RealFs, &text, &OpenOptions::default()).unwrap();
    for (label, start, end) in [("source", 4, 10), ("claim", 12, 44), ("cue", 47, 49)] {
        let a = s.new_annotation(label, vec![CharRange::from_indices(start, end)]);
        s.apply(Edit::AddAnnotation(a)).unwrap();
    }
    s.save().unwrap();
    text
}

#[test]
fn check_reads_windows_1256_texts_and_reanchors_after_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let text = legacy_folder(dir.path());
    let (code, out, _) = hamish(&["check", "legacy"], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("OK      legacy/خبر.txt (3 annotations, 0 relations)"),
        "{out}"
    );

    // The text gains a heading line, still in Windows-1256 with CRLF: everything moves by 6.
    let decoded = encoding_rs::WINDOWS_1256
        .decode_without_bom_handling(&std::fs::read(&text).unwrap())
        .0
        .into_owned();
    let edited = format!("عاجل\r\n{decoded}");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&edited);
    assert!(!unmappable);
    std::fs::write(&text, &bytes).unwrap();
    let (code, out, _) = hamish(&["check", "legacy"], dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("PROBLEM legacy/خبر.txt.ann.ron: text changed since the annotations were saved: 0 stay, 3 move, 0 move and need review, 0 orphans"),
        "{out}"
    );
}

#[test]
fn check_fix_saves_reanchored_annotations_and_keeps_orphans() {
    let dir = corpus();
    let sidecar = dir.path().join("changed.txt.ann.ron");
    let before = std::fs::read(&sidecar).unwrap();
    let (code, out, _) = hamish(&["check", "--fix", "changed.txt"], dir.path());
    // The orphan T2 is still a problem; the text change itself is fixed.
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FIXED   changed.txt.ann.ron: re-anchored to the changed text and saved (0 stay, 2 move, 1 move and need review, 1 orphans"), "{out}");
    assert!(
        !out.contains("PROBLEM changed.txt.ann.ron: text changed"),
        "{out}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("changed.txt.ann.ron.bak")).unwrap(),
        before
    );
    let fixed = hamish::store::sidecar::load_sidecar(&sidecar).unwrap();
    let new_text = std::fs::read_to_string(dir.path().join("changed.txt")).unwrap();
    assert!(fixed.matches_text(&new_text));
    assert_eq!(fixed.set.len(), 4, "the orphan is kept");
    let t2 = fixed.set.annotation(AnnotationId(2)).unwrap();
    assert_eq!(t2.status, hamish::model::AnnotationStatus::Orphan);
    assert_eq!(t2.ranges, vec![CharRange::from_indices(5, 12)]);
    let t1 = fixed.set.annotation(AnnotationId(1)).unwrap();
    assert_eq!(t1.covered_text(&new_text), "الخطة نجحت");

    // A second check sees the recorded statuses: the orphan at its new line, T3 to review.
    let (code, out, _) = hamish(&["check", "changed.txt"], dir.path());
    assert_eq!(code, 1, "{out}");
    let saved = std::fs::read_to_string(&sidecar).unwrap();
    let t2_line = saved.lines().position(|l| l.contains("(id: 2,")).unwrap() + 1;
    assert!(
        out.contains(&format!(
            "PROBLEM changed.txt.ann.ron:{t2_line}: annotation T2 (source \"الوزيرُ\") is an orphan"
        )),
        "{out}"
    );
    assert!(
        out.contains("annotation T3 (cue \"قالَ\") is marked for review"),
        "{out}"
    );
    assert!(!out.contains("text changed since"), "{out}");
    let (_, out, _) = hamish(&["stats", "--json", "changed.txt"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["total"]["orphans"], 1);
    assert_eq!(json["total"]["needs_review"], 1);
}

#[test]
fn check_fix_leaves_files_with_pending_recovery_alone() {
    let dir = corpus();
    let sidecar = dir.path().join("changed.txt.ann.ron");
    let before = std::fs::read(&sidecar).unwrap();
    std::fs::write(dir.path().join("changed.txt.ann.ron.recovery"), "unsaved").unwrap();
    let (code, out, _) = hamish(&["check", "--fix", "changed.txt"], dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("not fixed: unsaved work is waiting in"),
        "{out}"
    );
    assert_eq!(std::fs::read(&sidecar).unwrap(), before);
}

/// The corpus above copied into `copies` numbered folders (with their oddities: changed,
/// invalid, broken and folder-schema files), so a batch has many files of each kind.
fn big_corpus(copies: usize) -> tempfile::TempDir {
    let one = corpus();
    let dir = tempfile::tempdir().unwrap();
    for n in 0..copies {
        let to = dir.path().join(format!("{n:03}"));
        copy_dir(one.path(), &to);
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn check_and_stats_on_two_threads_equal_a_sequential_run_in_the_same_order() {
    use hamish::store::sidecar::find_sidecars_for;
    use hamish::workspace::batch::check::check_pair;
    use hamish::workspace::batch::check_pairs;
    use hamish::workspace::batch::stats::{stats_of_pairs, DocumentStats};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = big_corpus(40);
    let pairs = find_sidecars_for(&[dir.path().to_path_buf()], None).unwrap();
    assert_eq!(pairs.len(), 40 * 7);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    // check: the same reports, pair by pair, as checking one file after the other.
    let sequential: Vec<_> = pairs.iter().map(|p| check_pair(p, false)).collect();
    let done = AtomicUsize::new(0);
    let parallel = pool.install(|| {
        check_pairs(pairs.clone(), false, &|| {
            done.fetch_add(1, Ordering::Relaxed);
        })
    });
    assert_eq!(
        done.load(Ordering::Relaxed),
        pairs.len(),
        "progress once per file"
    );
    let order: Vec<_> = parallel.iter().map(|(p, _)| p.clone()).collect();
    assert_eq!(order, pairs);
    let reports: Vec<_> = parallel.into_iter().map(|(_, r)| r).collect();
    assert_eq!(reports, sequential);
    assert!(
        reports.iter().any(|r| !r.findings.is_empty()),
        "problems were found"
    );
    // stats: the same documents, unreadable files and total.
    let report = pool.install(|| stats_of_pairs(&pairs, &|| {}));
    let mut documents = Vec::new();
    let mut unreadable = 0;
    for pair in &pairs {
        match hamish::store::sidecar::load_sidecar(&pair.sidecar) {
            Ok(data) => documents.push(DocumentStats::of(
                pair.text.display().to_string(),
                &data.set,
            )),
            Err(_) => unreadable += 1,
        }
    }
    assert_eq!(report.documents, documents);
    assert_eq!(report.unreadable.len(), unreadable);
    assert!(unreadable >= 40, "the broken sidecars are reported");
    let mut total = DocumentStats {
        path: "TOTAL".into(),
        ..DocumentStats::default()
    };
    documents.iter().for_each(|d| total.add(d));
    assert_eq!(report.total, total);
}
