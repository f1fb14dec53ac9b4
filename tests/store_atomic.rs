//! Atomic saves under injected failures at every step, real folder permissions, and conflict
//! detection (changed on disk, created on disk, unparseable file on disk).

use hamish::store::atomic::{
    backup_path, save_atomic, save_checked, ConflictReason, FaultyFs, FileSystem, FsOp, RealFs,
    SaveOutcome, SaveStep, SidecarGuard,
};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

const OLDER: &[u8] = b"(format: 1, version: \"older\")\n";
const OLD: &[u8] = "(format: 1, note: \"قديم\")\n".as_bytes();
const NEW: &[u8] = "(format: 1, note: \"جديد\", more: [1, 2, 3])\n".as_bytes();

/// A folder with `doc.txt.ann.ron` = OLD and its `.bak` = OLDER.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt.ann.ron");
    std::fs::write(&path, OLD).unwrap();
    std::fs::write(backup_path(&path), OLDER).unwrap();
    (dir, path)
}

/// Names in the folder that are not the file, its backup or a conflict copy: leftovers.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "doc.txt.ann.ron" && n != "doc.txt.ann.ron.bak" && !n.contains("conflict"))
        .collect()
}

#[test]
fn successful_save_replaces_file_and_keeps_previous_as_bak() {
    let (dir, path) = setup();
    save_atomic(&RealFs, &path, NEW).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), NEW);
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), OLD);
    assert!(leftovers(dir.path()).is_empty());
    save_atomic(&RealFs, &path, OLDER).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), OLDER);
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), NEW);
}

#[test]
fn first_save_creates_file_without_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt.ann.ron");
    save_atomic(&RealFs, &path, NEW).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), NEW);
    assert!(!backup_path(&path).exists());
    assert!(leftovers(dir.path()).is_empty());
}

/// Every step in turn fails; each time: error naming the step and the file, old file
/// byte-identical, `.bak` still a valid earlier version, no temp file left.
#[test]
fn failure_at_each_step_leaves_old_file_and_no_temp() {
    let cases: Vec<(FaultyFs, SaveStep)> = vec![
        (
            FaultyFs::new().fail_nth(FsOp::CreateNew, 1, ErrorKind::Other),
            SaveStep::CreateTemp,
        ),
        (
            FaultyFs::new().fail_nth(FsOp::Write, 1, ErrorKind::StorageFull),
            SaveStep::Write,
        ),
        (
            FaultyFs::new().fail_nth(FsOp::SyncFile, 1, ErrorKind::Other),
            SaveStep::SyncFile,
        ),
        (
            FaultyFs::new()
                .fail_nth(FsOp::HardLink, 1, ErrorKind::Unsupported)
                .fail_nth(FsOp::Copy, 1, ErrorKind::StorageFull),
            SaveStep::Backup,
        ),
        // The first rename moves the staged backup to `.bak`, the second the new file in place.
        (
            FaultyFs::new().fail_nth(FsOp::Rename, 1, ErrorKind::Other),
            SaveStep::Backup,
        ),
        (
            FaultyFs::new().fail_nth(FsOp::Rename, 2, ErrorKind::Other),
            SaveStep::Rename,
        ),
        (
            FaultyFs::new().fail_nth(FsOp::SyncDir, 1, ErrorKind::Other),
            SaveStep::SyncFolder,
        ),
    ];
    for (fs, step) in cases {
        let (dir, path) = setup();
        let err = save_atomic(&fs, &path, NEW).unwrap_err();
        assert_eq!(err.step, step, "{err}");
        let msg = err.to_string();
        assert!(msg.contains("doc.txt.ann.ron"), "{msg}");
        assert!(msg.contains("unchanged"), "{msg}");
        assert_eq!(std::fs::read(&path).unwrap(), OLD, "step {step:?}");
        let bak = std::fs::read(backup_path(&path)).unwrap();
        assert!(bak == OLD || bak == OLDER, "step {step:?}: bad .bak");
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "step {step:?}");
    }
}

#[test]
fn folder_sync_failure_on_first_save_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt.ann.ron");
    let fs = FaultyFs::new().fail_nth(FsOp::SyncDir, 1, ErrorKind::Other);
    assert!(save_atomic(&fs, &path, NEW).is_err());
    assert!(!path.exists());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn hard_link_unsupported_falls_back_to_copy() {
    let (dir, path) = setup();
    let fs = FaultyFs::new().fail_always(FsOp::HardLink, ErrorKind::Unsupported);
    save_atomic(&fs, &path, NEW).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), NEW);
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), OLD);
    assert!(fs.calls().contains(&FsOp::Copy));
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn disk_full_is_reported_as_such() {
    let (_dir, path) = setup();
    let fs = FaultyFs::new().fail_always(FsOp::Write, ErrorKind::StorageFull);
    let err = save_atomic(&fs, &path, NEW).unwrap_err();
    assert!(err.is_disk_full());
    assert!(err.to_string().contains("disk is full"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), OLD);
}

#[test]
fn unwritable_folder_permission_and_read_only() {
    for (kind, words) in [
        (ErrorKind::PermissionDenied, "you may not write in"),
        (ErrorKind::ReadOnlyFilesystem, "read-only disk"),
    ] {
        let (dir, path) = setup();
        let err = save_atomic(&FaultyFs::unwritable_folder(kind), &path, NEW).unwrap_err();
        assert_eq!(err.step, SaveStep::CreateTemp);
        assert!(err.to_string().contains(words), "{err}");
        assert!(err.to_string().contains("save elsewhere"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), OLD);
        assert!(leftovers(dir.path()).is_empty());
    }
}

/// A real folder without write permission. Root ignores folder permissions: the test detects that
/// with a probe file and then only checks that the save works (the `FaultyFs` test above covers
/// the refusal).
#[cfg(unix)]
#[test]
fn real_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = setup();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.path().join("probe");
    let permissions_enforced = std::fs::write(&probe, b"x").is_err();
    let _ = std::fs::remove_file(&probe);
    let result = save_atomic(&RealFs, &path, NEW);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    if permissions_enforced {
        let err = result.unwrap_err();
        assert_eq!(err.source.kind(), ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read(&path).unwrap(), OLD);
        assert!(leftovers(dir.path()).is_empty());
    } else {
        // Running as root: the write is allowed, and must then be complete.
        result.unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), NEW);
    }
}

fn parses(_: &[u8]) -> bool {
    true
}

#[test]
fn change_on_disk_goes_to_conflict_copy() {
    let (dir, path) = setup();
    let (mut guard, loaded) = SidecarGuard::open(&RealFs, &path).unwrap();
    assert_eq!(loaded.as_deref(), Some(OLD));
    let theirs = b"(format: 1, by: \"someone else\")\n";
    std::fs::write(&path, theirs).unwrap();
    let outcome = save_checked(&RealFs, &mut guard, NEW, &parses).unwrap();
    let SaveOutcome::ConflictCopy { copy, reason } = outcome else {
        panic!("expected a conflict, got {outcome:?}");
    };
    assert_eq!(reason, ConflictReason::ChangedOnDisk);
    assert_eq!(std::fs::read(&path).unwrap(), theirs);
    assert_eq!(std::fs::read(&copy).unwrap(), NEW);
    assert_eq!(copy.parent().unwrap(), dir.path());
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("doc.txt.ann.conflict-") && name.ends_with("Z.ron"),
        "{name}"
    );
    // Still in conflict until the user accepts the disk state; a second copy gets its own name.
    let SaveOutcome::ConflictCopy { copy: copy2, .. } =
        save_checked(&RealFs, &mut guard, NEW, &parses).unwrap()
    else {
        panic!("second save must still be a conflict");
    };
    assert_ne!(copy, copy2);
    assert_eq!(
        guard.refresh(&RealFs).unwrap().as_deref(),
        Some(&theirs[..])
    );
    assert_eq!(
        save_checked(&RealFs, &mut guard, NEW, &parses).unwrap(),
        SaveOutcome::Saved
    );
    assert_eq!(std::fs::read(&path).unwrap(), NEW);
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn file_created_on_disk_after_loading_nothing_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt.ann.ron");
    let (mut guard, loaded) = SidecarGuard::open(&RealFs, &path).unwrap();
    assert!(loaded.is_none());
    std::fs::write(&path, OLDER).unwrap();
    let outcome = save_checked(&RealFs, &mut guard, NEW, &parses).unwrap();
    assert!(matches!(
        outcome,
        SaveOutcome::ConflictCopy {
            reason: ConflictReason::CreatedOnDisk,
            ..
        }
    ));
    assert_eq!(std::fs::read(&path).unwrap(), OLDER);
}

#[test]
fn unparseable_file_on_disk_is_never_overwritten() {
    let (_dir, path) = setup();
    let garbage = b"(format: 1, annotations: [ <<< broken by a bad merge";
    std::fs::write(&path, garbage).unwrap();
    let (mut guard, _) = SidecarGuard::open(&RealFs, &path).unwrap();
    let rejects = |b: &[u8]| !b.contains(&b'<');
    let outcome = save_checked(&RealFs, &mut guard, NEW, &rejects).unwrap();
    let SaveOutcome::ConflictCopy { copy, reason } = outcome else {
        panic!("expected a side copy, got {outcome:?}");
    };
    assert_eq!(reason, ConflictReason::UnparseableOnDisk);
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
    assert_eq!(std::fs::read(copy).unwrap(), NEW);
}

#[test]
fn unchanged_touched_or_deleted_file_saves_normally() {
    let (_dir, path) = setup();
    let (mut guard, _) = SidecarGuard::open(&RealFs, &path).unwrap();
    // Same bytes rewritten (new mtime): not a conflict.
    std::fs::write(&path, OLD).unwrap();
    assert_eq!(
        save_checked(&RealFs, &mut guard, NEW, &parses).unwrap(),
        SaveOutcome::Saved
    );
    assert_eq!(std::fs::read(&path).unwrap(), NEW);
    // The guard now remembers NEW; saving again is fine.
    assert_eq!(
        save_checked(&RealFs, &mut guard, OLDER, &parses).unwrap(),
        SaveOutcome::Saved
    );
    // Deleted by someone: recreating it loses nobody's work.
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        save_checked(&RealFs, &mut guard, NEW, &parses).unwrap(),
        SaveOutcome::Saved
    );
    assert_eq!(std::fs::read(&path).unwrap(), NEW);
}

#[test]
fn unreadable_file_on_disk_is_an_error_not_an_overwrite() {
    let (_dir, path) = setup();
    let (mut guard, _) = SidecarGuard::open(&RealFs, &path).unwrap();
    let fs = FaultyFs::new().fail_always(FsOp::Read, ErrorKind::PermissionDenied);
    let err = save_checked(&fs, &mut guard, NEW, &parses).unwrap_err();
    assert_eq!(err.step, SaveStep::CheckOnDisk);
    assert_eq!(std::fs::read(&path).unwrap(), OLD);
    let _: &dyn FileSystem = &fs;
}

#[test]
fn skip_backup_never_removes_an_existing_file_on_folder_sync_failure() {
    use hamish::store::atomic::{save_atomic_with, Backup};
    let (_dir, path) = setup();
    let fs = FaultyFs::new().fail_nth(FsOp::SyncDir, 1, ErrorKind::Other);
    assert!(save_atomic_with(&fs, &path, NEW, Backup::Skip).is_err());
    // No copy of the old bytes exists to restore, so the new ones stay rather than nothing.
    assert_eq!(std::fs::read(&path).unwrap(), NEW);
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), OLDER);
}

#[test]
fn stale_temps_are_removed_only_when_old_and_ours() {
    use hamish::store::atomic::{remove_stale_temps, STALE_TEMP_AGE};
    let (dir, path) = setup();
    let fresh = dir.path().join(".doc.txt.ann.ron.save.123-0.tmp");
    let old_bak = dir.path().join(".doc.txt.ann.ron.bak.456-7.tmp");
    let foreign = dir.path().join(".doc.txt.ann.ron.notes.tmp");
    for p in [&fresh, &old_bak, &foreign] {
        std::fs::write(p, b"x").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for p in [&old_bak, &foreign] {
        let f = std::fs::File::options().write(true).open(p).unwrap();
        f.set_modified(two_hours_ago).unwrap();
    }
    assert_eq!(remove_stale_temps(&path, STALE_TEMP_AGE).unwrap(), 1);
    assert!(fresh.exists() && foreign.exists() && !old_bak.exists());
    assert_eq!(std::fs::read(&path).unwrap(), OLD);
}
