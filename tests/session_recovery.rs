//! Crash recovery through `store::session`: autosave (time passed in) writes the recovery file,
//! a session dropped without saving leaves it, reopening offers it, restoring gives the edits
//! back, discarding removes it, a corrupt one is refused and left in place.

use hamish::model::{AnnotationId, Edit};
use hamish::offset::CharRange;
use hamish::store::atomic::{RealFs, SaveOutcome};
use hamish::store::recovery::recovery_path;
use hamish::store::session::{AnnotationSession, OpenOptions, SessionError};
use hamish::store::sidecar::sidecar_path;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TEXT: &str = "قالَ الوزيرُ إنّ الخطة نجحت 👍\nوأكد المتحدث \"الرسمي\" ذلك.\n";
const S: Duration = Duration::from_secs(1);

fn open(text: &Path) -> (AnnotationSession, hamish::store::session::OpenReport) {
    AnnotationSession::open(RealFs, text, &OpenOptions::default()).unwrap()
}

/// A text with a saved sidecar holding one claim (T1 over "الخطة").
fn saved(dir: &Path) -> PathBuf {
    let text = dir.join("a.txt");
    std::fs::write(&text, TEXT).unwrap();
    let (mut s, _) = open(&text);
    let a = s.new_annotation("claim", vec![CharRange::from_indices(17, 22)]);
    s.apply(Edit::AddAnnotation(a)).unwrap();
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    text
}

/// Opens `text`, adds a source over "الوزيرُ", lets autosave run, and "crashes" (drops the
/// session unsaved); returns the set the user had.
fn edit_and_crash(text: &Path) -> hamish::model::AnnotationSet {
    let (mut s, _) = open(text);
    let t0 = Instant::now();
    let a = s.new_annotation("source", vec![CharRange::from_indices(5, 12)]);
    s.apply_at(Edit::AddAnnotation(a), t0).unwrap();
    assert!(
        !s.autosave_tick(t0 + S).unwrap(),
        "not idle long enough yet"
    );
    assert_eq!(s.next_autosave(), Some(t0 + 2 * S));
    assert!(s.autosave_tick(t0 + 3 * S).unwrap());
    assert!(
        !s.autosave_tick(t0 + 4 * S).unwrap(),
        "nothing new to write"
    );
    s.set().clone()
}

#[test]
fn crash_then_reopen_offers_recovery_and_restore_gives_the_edits_back() {
    let dir = tempfile::tempdir().unwrap();
    let text = saved(dir.path());
    let saved_sidecar = std::fs::read(sidecar_path(&text)).unwrap();
    let before_crash = edit_and_crash(&text);
    assert_eq!(before_crash.len(), 2);
    assert_eq!(std::fs::read(sidecar_path(&text)).unwrap(), saved_sidecar);

    let (mut s, report) = open(&text);
    let recovery = report.recovery.expect("the recovery file is offered");
    assert_eq!(recovery.path, recovery_path(&sidecar_path(&text)));
    assert_eq!(s.set().len(), 1, "the saved set until the user restores");
    assert!(!s.is_modified());
    assert!(
        s.restore_recovery().unwrap().is_none(),
        "same text: no re-anchoring"
    );
    assert_eq!(s.set(), &before_crash);
    assert!(s.is_modified(), "restored work is not saved yet");
    assert!(recovery.path.exists(), "kept until the next save");
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    assert!(!recovery.path.exists());

    let (s, report) = open(&text);
    assert!(report.recovery.is_none());
    assert_eq!(s.set(), &before_crash);
}

#[test]
fn discard_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = saved(dir.path());
    edit_and_crash(&text);
    let (mut s, report) = open(&text);
    let recovery = report.recovery.unwrap();
    s.discard_recovery().unwrap();
    assert!(!recovery.path.exists());
    assert!(matches!(
        s.restore_recovery(),
        Err(SessionError::NoRecovery)
    ));
    let (s, report) = open(&text);
    assert!(report.recovery.is_none());
    assert_eq!(s.set().len(), 1);
    assert!(s.set().annotation(AnnotationId(2)).is_none());
}

#[test]
fn crash_before_the_first_save_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("new.txt");
    std::fs::write(&text, TEXT).unwrap();
    let before_crash = edit_and_crash(&text);
    assert!(!sidecar_path(&text).exists());
    let (mut s, report) = open(&text);
    assert!(report.recovery.is_some() && !report.sidecar_loaded);
    s.restore_recovery().unwrap();
    assert_eq!(s.set(), &before_crash);
}

#[test]
fn recovery_made_on_an_older_text_is_reanchored() {
    let dir = tempfile::tempdir().unwrap();
    let text = saved(dir.path());
    edit_and_crash(&text);
    // The text gains a heading before the session is reopened.
    std::fs::write(&text, format!("عنوان\n{TEXT}")).unwrap();
    let (mut s, report) = open(&text);
    assert_eq!(report.reanchored.as_ref().map(|r| r.total()), Some(1));
    let summary = s.restore_recovery().unwrap().expect("re-anchored");
    assert_eq!(summary.total(), 2);
    assert!(summary.orphans.is_empty(), "{summary:?}");
    let doc = s.source().text.clone();
    let source = s.set().annotation(AnnotationId(2)).unwrap();
    assert_eq!(source.ranges, vec![CharRange::from_indices(11, 18)]);
    assert_eq!(source.covered_text(&doc), "الوزيرُ");
}

#[test]
fn corrupt_recovery_is_refused_and_left_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = saved(dir.path());
    let path = recovery_path(&sidecar_path(&text));
    std::fs::write(&path, "(format: 1, text: ").unwrap();
    let (mut s, report) = open(&text);
    assert!(report.recovery.is_some());
    let err = s.restore_recovery().unwrap_err();
    assert!(matches!(err, SessionError::BadRecovery(_)), "{err}");
    assert!(err.to_string().contains(".recovery"), "{err}");
    assert!(path.exists());
    assert_eq!(s.set().len(), 1);
}
