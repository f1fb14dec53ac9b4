//! Autosave timing (times passed in, no sleeping) and recovery files found after a crash.

use hamish::store::atomic::{save_atomic, RealFs};
use hamish::store::recovery::{
    find_recovery, recovery_path, remove_recovery, write_recovery, Autosaver,
};
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

const S: Duration = Duration::from_secs(1);

#[test]
fn due_after_idle_time_only_when_changed() {
    let t0 = Instant::now();
    let mut a = Autosaver::new(2 * S, 30 * S);
    assert!(!a.due(t0 + 100 * S), "nothing changed, nothing due");
    a.note_change(t0);
    assert!(!a.due(t0 + S));
    assert!(a.due(t0 + 2 * S));
    assert_eq!(a.next_due(), Some(t0 + 2 * S));
    // Another edit restarts the idle wait.
    a.note_change(t0 + S);
    assert!(!a.due(t0 + 2 * S));
    assert!(a.due(t0 + 3 * S));
}

#[test]
fn continuous_editing_is_saved_after_max_delay() {
    let t0 = Instant::now();
    let mut a = Autosaver::new(2 * S, 30 * S);
    let mut due_at = None;
    for i in 0..60u32 {
        let now = t0 + i * S;
        a.note_change(now);
        if due_at.is_none() && a.due(now) {
            due_at = Some(i);
        }
    }
    assert_eq!(due_at, Some(30));
}

#[test]
fn marking_written_keeps_later_changes_pending() {
    let t0 = Instant::now();
    let mut a = Autosaver::new(2 * S, 30 * S);
    a.note_change(t0);
    // Snapshot taken at t0+2s, but an edit arrives at t0+3s before the write finished.
    a.note_change(t0 + 3 * S);
    a.mark_written(t0 + 2 * S);
    assert!(a.has_pending());
    assert!(a.due(t0 + 5 * S));
    // Editing on without a pause after that snapshot: due 30 s after the snapshot at the latest.
    let mut b = a.clone();
    let due_at = (3..60u32).find(|&i| {
        b.note_change(t0 + i * S);
        b.due(t0 + i * S)
    });
    assert_eq!(due_at, Some(32));
    a.mark_written(t0 + 5 * S);
    assert!(!a.has_pending());
    assert!(!a.due(t0 + 100 * S));
    a.note_change(t0 + 6 * S);
    a.mark_saved();
    assert!(!a.due(t0 + 100 * S));
}

fn paths() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("article.txt");
    std::fs::write(&text, "نص").unwrap();
    let sidecar = dir.path().join("article.txt.ann.ron");
    (dir, text, sidecar)
}

#[test]
fn crash_after_autosave_offers_the_recovery_on_open() {
    let (_dir, text, sidecar) = paths();
    save_atomic(&RealFs, &sidecar, b"(v: 1)").unwrap();
    write_recovery(&RealFs, &sidecar, b"(v: 2)").unwrap();
    assert_eq!(
        recovery_path(&sidecar).file_name().unwrap(),
        "article.txt.ann.ron.recovery"
    );
    // ... the process dies here; on the next open:
    let found = find_recovery(&RealFs, &text).expect("recovery offered");
    assert_eq!(found.bytes, b"(v: 2)");
    assert_eq!(found.sidecar, sidecar);
    assert!(!recovery_path(&sidecar)
        .with_extension("recovery.bak")
        .exists());
    found.discard(&RealFs).unwrap();
    assert!(find_recovery(&RealFs, &text).is_none());
}

#[test]
fn recovery_without_any_sidecar_is_offered() {
    let (_dir, text, sidecar) = paths();
    write_recovery(&RealFs, &sidecar, b"(v: 1)").unwrap();
    assert_eq!(find_recovery(&RealFs, &text).unwrap().bytes, b"(v: 1)");
}

#[test]
fn successful_save_removes_the_recovery() {
    let (_dir, text, sidecar) = paths();
    write_recovery(&RealFs, &sidecar, b"(v: 2)").unwrap();
    save_atomic(&RealFs, &sidecar, b"(v: 2)").unwrap();
    remove_recovery(&RealFs, &sidecar).unwrap();
    assert!(!recovery_path(&sidecar).exists());
    assert!(find_recovery(&RealFs, &text).is_none());
    // Removing again is fine.
    remove_recovery(&RealFs, &sidecar).unwrap();
}

#[test]
fn recovery_equal_to_sidecar_is_not_offered() {
    let (_dir, text, sidecar) = paths();
    save_atomic(&RealFs, &sidecar, b"(v: 3)").unwrap();
    write_recovery(&RealFs, &sidecar, b"(v: 3)").unwrap();
    assert!(find_recovery(&RealFs, &text).is_none());
}

#[test]
fn recovery_older_than_sidecar_is_not_offered() {
    let (_dir, text, sidecar) = paths();
    write_recovery(&RealFs, &sidecar, b"(v: 1)").unwrap();
    save_atomic(&RealFs, &sidecar, b"(v: 2)").unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(recovery_path(&sidecar))
        .unwrap()
        .set_modified(old)
        .unwrap();
    assert!(find_recovery(&RealFs, &text).is_none());
}
