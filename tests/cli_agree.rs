//! Teams: annotators' own files (`<text>.<annotator>.ann.ron`), git branches that merge cleanly,
//! conflict markers reported and never parsed, and `hamish agree` run as the built binary —
//! including bratiaa's `agree-2` example, whose published span F1 is 0.787878.

use hamish::model::text_format::TextEncoding;
use hamish::model::{Annotation, AnnotationId, AnnotationSet, Edit, SourceText, Timestamp};
use hamish::offset::CharRange;
use hamish::store::atomic::{ConflictReason, RealFs, SaveOutcome};
use hamish::store::session::{AnnotationSession, OpenError, OpenOptions};
use hamish::store::sidecar::{
    annotator_sidecar_path, load_sidecar, sidecar_for_session, to_ron_string, AnnotatorName,
    SchemaSource, SidecarData, SidecarError, PROJECT_FILE,
};
use std::path::{Path, PathBuf};
use std::process::Command;

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

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn bratiaa_folder(into: &Path) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/agree/bratiaa-agree-2");
    for ann in ["ann1", "ann2"] {
        let src = data.join(ann);
        let (code, _, err) = hamish(
            &[
                "import",
                "--format",
                "brat",
                src.to_str().unwrap(),
                "--into",
                into.to_str().unwrap(),
                "--annotator",
                ann,
            ],
            into,
        );
        assert_eq!(code, 0, "{err}");
    }
}

#[test]
fn bratiaa_agree_2_gives_the_published_f1() {
    let dir = tempfile::tempdir().unwrap();
    bratiaa_folder(dir.path());
    assert!(dir
        .path()
        .join("esp.train-doc-29.txt.ann1.ann.ron")
        .is_file());
    let (code, out, err) = hamish(&["agree", ".", "--json"], dir.path());
    assert_eq!(code, 0, "{err}");
    let report = json(&out);
    let pair = &report["pairs"][0];
    assert_eq!(
        (pair["a"].as_str(), pair["b"].as_str()),
        (Some("ann1"), Some("ann2"))
    );
    // bratiaa's test: F1 0.787878 (13 spans in both, 4 only in ann2, 3 only in ann1: 26/33).
    let f1 = pair["overall"]["f1_exact"].as_f64().unwrap();
    assert!((f1 - 0.787878).abs() < 1e-4, "{f1}");
    assert!((f1 - 26.0 / 33.0).abs() < 1e-12, "{f1}");
    assert_eq!(pair["documents"], 2);
    // Per label: PER has 7 in both and 1 only in ann1 → 14/15; MISC agrees fully.
    let per = pair["labels"]["PER"]["f1_exact"].as_f64().unwrap();
    assert!((per - 14.0 / 15.0).abs() < 1e-12, "{per}");
    assert_eq!(pair["labels"]["MISC"]["kappa"], 1.0);
    for key in ["f1_overlap", "kappa", "alpha", "alpha_u"] {
        assert!(pair["overall"][key].is_f64(), "{key}: {pair}");
    }
    assert_eq!(report["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn check_stats_and_export_take_an_annotator() {
    let dir = tempfile::tempdir().unwrap();
    bratiaa_folder(dir.path());
    // No gold files: the default still looks only at `<text>.ann.ron`.
    let (code, _, err) = hamish(&["check", "."], dir.path());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no annotation files"), "{err}");
    let (code, out, _) = hamish(&["check", ".", "--annotator", "ann1"], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("OK      ./esp.train-doc-29.txt (10 annotations"),
        "{out}"
    );
    let (code, out, _) = hamish(&["stats", ".", "--json", "--annotator", "ann2"], dir.path());
    assert_eq!(code, 0);
    assert_eq!(json(&out)["total"]["annotations"], 8 + 9);
    let (code, _, err) = hamish(
        &[
            "export",
            "--format",
            "jsonl",
            ".",
            "--out",
            "out",
            "--annotator",
            "ann1",
        ],
        dir.path(),
    );
    assert_eq!(code, 0, "{err}");
    let exported: String = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(exported.contains("esp.train-doc-29.txt"), "{exported}");
    assert!(exported.contains("Caius Apicius"), "{exported}");
    let (code, _, err) = hamish(&["stats", ".", "--annotator", "ann.1"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("not a valid annotator name"), "{err}");
}

const SAMPLE: &str = include_str!("../assets/samples/news-ar-001.txt");

/// The char range of the `nth` occurrence of `phrase` in the sample article.
fn find(phrase: &str, nth: usize) -> CharRange {
    let (byte, _) = SAMPLE.match_indices(phrase).nth(nth).expect(phrase);
    let start = SAMPLE[..byte].chars().count();
    CharRange::from_indices(start, start + phrase.chars().count())
}

fn git(repo: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// A repository holding the sample article in a shared folder, on branch `main`.
fn shared_repo(root: &Path) -> PathBuf {
    git(root, &["init", "-q", "-b", "main"]);
    let text = root.join("news.txt");
    std::fs::write(&text, SAMPLE).unwrap();
    std::fs::write(root.join(PROJECT_FILE), "(shared: true)\n").unwrap();
    std::fs::write(root.join(".gitignore"), "*.bak\n*.recovery\n").unwrap();
    commit_all(root, "article");
    text
}

fn commit_all(repo: &Path, message: &str) {
    assert!(git(repo, &["add", "-A"]).0);
    let (ok, out) = git(repo, &["commit", "-q", "-m", message]);
    assert!(ok, "{out}");
}

/// Adds annotations through the library's save path, as the window does, in `name`'s file.
fn annotate(text: &Path, name: &str, spans: &[(&str, &str, usize)]) -> PathBuf {
    let annotator = AnnotatorName::new(name).unwrap();
    let sidecar = sidecar_for_session(text, Some(&annotator)).unwrap();
    assert_eq!(sidecar, annotator_sidecar_path(text, &annotator));
    let (mut s, _) =
        AnnotationSession::open_at(RealFs, text, &sidecar, &OpenOptions::default()).unwrap();
    for (label, phrase, nth) in spans {
        let a = s.new_annotation(*label, vec![find(phrase, *nth)]);
        s.apply(Edit::AddAnnotation(a)).unwrap();
    }
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    sidecar
}

fn labels_in(sidecar: &Path) -> Vec<(String, usize)> {
    let data = load_sidecar(sidecar).unwrap();
    data.set
        .annotations_in_text_order()
        .iter()
        .map(|a| (a.label.clone(), a.ranges[0].start.0))
        .collect()
}

#[test]
fn disjoint_annotations_on_two_branches_merge_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let text = shared_repo(repo);
    // Alice's first pass on main: three annotations spread over the article.
    annotate(
        &text,
        "alice",
        &[
            ("source", "محللوا الاستخبارات الأمريكية", 0),
            ("claim", "بدأ بالانحياز إلى تنظين داعش", 0),
            ("source", "توم جوسلين", 0),
        ],
    );
    commit_all(repo, "alice: first pass");
    // Branch one: alice adds a claim early in the text; bob annotates in his own file.
    git(repo, &["checkout", "-q", "-b", "one"]);
    annotate(&text, "alice", &[("claim", "فهناك أدلة", 0)]);
    annotate(
        &text,
        "bob",
        &[
            ("source", "محللوا الاستخبارات", 0),
            ("claim", "بدأ بالانحياز إلى تنظين داعش", 0),
        ],
    );
    commit_all(repo, "one");
    // Branch two, from main: alice adds a cue late in the text.
    git(repo, &["checkout", "-q", "main"]);
    git(repo, &["checkout", "-q", "-b", "two"]);
    annotate(&text, "alice", &[("cue", "وقال", 0)]);
    commit_all(repo, "two");
    let (ok, out) = git(repo, &["merge", "-q", "--no-edit", "one"]);
    assert!(ok, "merge failed: {out}");
    let alice = repo.join("news.txt.alice.ann.ron");
    let merged = std::fs::read_to_string(&alice).unwrap();
    assert!(!merged.contains("<<<<<<<"), "{merged}");
    let labels: Vec<String> = labels_in(&alice).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["source", "claim", "claim", "cue", "source"]);
    // The merged work reads as a whole: check passes and agree compares alice with bob.
    let (code, out, _) = hamish(&["check", ".", "--annotator", "alice"], repo);
    assert_eq!(code, 0, "{out}");
    let (code, out, err) = hamish(&["agree", ".", "--json"], repo);
    assert_eq!(code, 0, "{err}");
    let report = json(&out);
    assert_eq!(report["pairs"][0]["a"], "alice");
    assert_eq!(report["pairs"][0]["b"], "bob");
    // alice 5 spans, bob 2, one identical claim: exact F1 = 2/(2 + 1 + 4).
    let f1 = report["pairs"][0]["overall"]["f1_exact"].as_f64().unwrap();
    assert!((f1 - 2.0 / 7.0).abs() < 1e-12, "{f1}");
    // Overlap also pairs bob's shorter source with alice's.
    let f1 = report["pairs"][0]["overall"]["f1_overlap"]
        .as_f64()
        .unwrap();
    assert!((f1 - 4.0 / 7.0).abs() < 1e-12, "{f1}");
}

#[test]
fn conflict_markers_are_reported_and_the_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let text = shared_repo(repo);
    annotate(&text, "alice", &[("source", "توم جوسلين", 0)]);
    commit_all(repo, "base");
    git(repo, &["checkout", "-q", "-b", "one"]);
    annotate(&text, "alice", &[("claim", "فهناك أدلة", 0)]);
    commit_all(repo, "one");
    git(repo, &["checkout", "-q", "main"]);
    // The same place on the other branch: both insert after the same line.
    annotate(&text, "alice", &[("claim", "أدلة على أن", 0)]);
    commit_all(repo, "main");
    // A window left open on alice's file while the merge happens.
    let alice = AnnotatorName::new("alice").unwrap();
    let path = annotator_sidecar_path(&text, &alice);
    let (mut open_window, _) =
        AnnotationSession::open_at(RealFs, &text, &path, &OpenOptions::default()).unwrap();
    let (ok, _) = git(repo, &["merge", "-q", "--no-edit", "one"]);
    assert!(!ok, "expected a conflict");
    let sidecar = repo.join("news.txt.alice.ann.ron");
    let before = std::fs::read(&sidecar).unwrap();
    let marker = String::from_utf8_lossy(&before)
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .unwrap()
        + 1;
    match load_sidecar(&sidecar) {
        Err(SidecarError::MergeConflict { line, .. }) => assert_eq!(line, marker),
        other => panic!("expected a merge conflict, got {other:?}"),
    }
    let (code, out, _) = hamish(&["check", ".", "--annotator", "alice"], repo);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("news.txt.alice.ann.ron:{marker}:")),
        "{out}"
    );
    assert!(
        out.contains("both sides kept; resolve the conflict"),
        "{out}"
    );
    let opened = AnnotationSession::open_at(RealFs, &text, &sidecar, &OpenOptions::default());
    assert!(matches!(
        opened,
        Err(OpenError::Sidecar(SidecarError::MergeConflict { .. }))
    ));
    // Opened text-only (as the window does after that error), saving is refused, even after
    // "save anyway".
    let (mut s, report) =
        AnnotationSession::open_text_only_at(RealFs, &text, &sidecar, &OpenOptions::default())
            .unwrap();
    assert!(report.unreadable_sidecar.is_some());
    let a = s.new_annotation("cue", vec![find("وقال", 0)]);
    s.apply(Edit::AddAnnotation(a)).unwrap();
    let err = s.save().unwrap_err().to_string();
    assert!(err.contains("both sides kept"), "{err}");
    s.take_over_sidecar().unwrap();
    assert!(s.save().is_err());
    // The window that was open during the merge saves to a conflict copy beside the file.
    let a = open_window.new_annotation("cue", vec![find("وقال", 0)]);
    open_window.apply(Edit::AddAnnotation(a)).unwrap();
    match open_window.save().unwrap() {
        SaveOutcome::ConflictCopy { copy, reason } => {
            assert!(copy.is_file());
            assert!(matches!(
                reason,
                ConflictReason::UnparseableOnDisk | ConflictReason::ChangedOnDisk
            ));
        }
        other => panic!("expected a conflict copy, got {other:?}"),
    }
    open_window.take_over_sidecar().unwrap();
    assert!(matches!(
        open_window.save(),
        Ok(SaveOutcome::ConflictCopy {
            reason: ConflictReason::UnparseableOnDisk,
            ..
        })
    ));
    assert_eq!(std::fs::read(&sidecar).unwrap(), before);
}

/// Writes `name`'s sidecar of `text` holding `spans` (label, start, end).
fn write_version(text_path: &Path, text: &str, name: &str, spans: &[(&str, usize, usize)]) {
    let mut set = AnnotationSet::new();
    for (k, &(label, start, end)) in spans.iter().enumerate() {
        set.insert_annotation(Annotation::new(
            AnnotationId(k as u64 + 1),
            label,
            vec![CharRange::from_indices(start, end)],
            text,
            Timestamp(1),
        ));
    }
    let doc = SourceText::new(text_path, text.to_owned(), TextEncoding::Utf8);
    let data = SidecarData::new(&doc, SchemaSource::Bundled("fact-checking".into()), set);
    let path = annotator_sidecar_path(text_path, &AnnotatorName::new(name).unwrap());
    std::fs::write(path, to_ron_string(&data)).unwrap();
}

#[test]
fn agree_prints_a_table_csv_and_json_and_filters_annotators() {
    let dir = tempfile::tempdir().unwrap();
    let text = "قال الوزير إن الخطة نجحت وأكد المتحدث ذلك";
    let path = dir.path().join("a.txt");
    std::fs::write(&path, text).unwrap();
    write_version(
        &path,
        text,
        "alice",
        &[("claim", 14, 24), ("source", 4, 10)],
    );
    write_version(&path, text, "bob", &[("claim", 14, 24), ("source", 4, 8)]);
    write_version(&path, text, "carol", &[("claim", 11, 24)]);
    let (code, out, err) = hamish(&["agree", "a.txt"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("alice – bob"), "{out}");
    assert!(out.contains("all 3 (F1 mean)"), "{out}");
    // alice–bob: claim identical, source differs: exact F1 0.5, overlap 1.
    let line = out.lines().find(|l| l.starts_with("alice – bob")).unwrap();
    assert!(line.contains("0.500      1.000"), "{line}");
    let (code, out, _) = hamish(&["agree", ".", "--csv"], dir.path());
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("document,a,b,label,f1_exact,f1_overlap,kappa,alpha,alpha_u")
    );
    assert!(out.contains("ALL,alice,bob,*,0.5,1,"), "{out}");
    assert!(out.contains("ALL,alice+bob+carol,*,*,"), "{out}");
    let (code, out, _) = hamish(
        &["agree", ".", "--json", "--annotators", "bob,carol"],
        dir.path(),
    );
    assert_eq!(code, 0);
    let report = json(&out);
    assert_eq!(report["pairs"].as_array().unwrap().len(), 1);
    assert_eq!(report["pairs"][0]["a"], "bob");
    assert!(report["all"]["overall"]["kappa"].is_f64());
    let (code, _, err) = hamish(&["agree", ".", "--annotators", "alice,zed"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("two or more annotators"), "{err}");
}
