//! Atomic file replacement (temp file, fsync, keep `.bak`, rename, fsync folder) behind a
//! [`FileSystem`] trait that tests can make fail. Works on bytes; knows nothing of the RON format.
//!
//! Guarantee: when [`save_atomic`] returns an error, the file at `path` is byte-identical to what it
//! was before the call and no temp file is left (for a failed folder sync, the last step, this
//! relies on putting `.bak` back, which could itself fail only on a failing disk); when it returns
//! `Ok`, the new bytes are on disk, flushed, and `<path>.bak` holds the previous version (if there
//! was one). A crash at any moment leaves `path` either fully old or fully new (rename is atomic on
//! POSIX file systems); it may leave a stale `.<name>.<save|bak|restore>.<pid>-<n>.tmp` file, never
//! a half-written `path`; [`remove_stale_temps`] clears those.
//!
//! A save keeps the permissions of the file it replaces (a `0600` sidecar stays `0600`) and
//! refuses to replace a read-only one. Every save holds the folder lock ([`FolderLock`]) from its
//! check to its rename, so two Hamish processes saving the same file see each other (the second
//! one's [`save_checked`] writes a conflict copy); a program that takes no lock can still race
//! with the last rename, within milliseconds. [`save_new`] creates a file that must not exist,
//! exclusively: whoever comes second is told, never silently replaced.

mod conflict;
mod faulty;
mod fs;
mod lock;

pub use conflict::{save_checked, ConflictReason, LoadedFileState, SaveOutcome, SidecarGuard};
pub use faulty::{FaultyFs, FsOp};
pub use fs::{FileSystem, RealFs, WriteFile};
pub use lock::FolderLock;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The step of an atomic save that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    /// Creating the temp file in the target's folder.
    CreateTemp,
    /// Writing the bytes to the temp file.
    Write,
    /// Flushing the temp file to disk (fsync).
    SyncFile,
    /// Keeping the previous version as `<path>.bak`.
    Backup,
    /// Renaming the temp file over the target.
    Rename,
    /// Flushing the folder so the rename survives a power loss.
    SyncFolder,
    /// Reading the file on disk to check for changes since it was loaded.
    CheckOnDisk,
    /// Writing a conflict copy next to the file.
    WriteConflictCopy,
    /// Removing the recovery file after a successful save.
    RemoveRecovery,
    /// Looking at the permissions of the file to replace (a read-only file is never replaced).
    CheckPermissions,
    /// Creating a file that must not exist yet.
    CreateNew,
}

impl fmt::Display for SaveStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::CreateTemp => "creating a temporary file",
            Self::Write => "writing",
            Self::SyncFile => "flushing to disk",
            Self::Backup => "keeping the previous version as .bak",
            Self::Rename => "replacing the file",
            Self::SyncFolder => "flushing the folder",
            Self::CheckOnDisk => "checking the file on disk",
            Self::WriteConflictCopy => "writing a conflict copy",
            Self::RemoveRecovery => "removing the recovery file",
            Self::CheckPermissions => "checking the file's permissions",
            Self::CreateNew => "creating the file",
        })
    }
}

/// A save that did not happen. The file on disk is unchanged; the message says what to do.
#[derive(Debug, thiserror::Error)]
#[error("{}: could not save while {step} ({source}); {}", .path.display(), advice(*.step, .source.kind(), .path))]
pub struct SaveError {
    /// The file that was being saved.
    pub path: PathBuf,
    /// The step that failed.
    pub step: SaveStep,
    /// The underlying error.
    #[source]
    pub source: io::Error,
}

impl SaveError {
    /// True when the disk (or quota) is full.
    pub fn is_disk_full(&self) -> bool {
        matches!(
            self.source.kind(),
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
        )
    }
}

/// What the user should do about an error of this kind.
fn advice(step: SaveStep, kind: io::ErrorKind, path: &Path) -> String {
    let folder = folder_of(path);
    match kind {
        io::ErrorKind::PermissionDenied if step == SaveStep::CheckPermissions => {
            "it is read-only, so Hamish leaves it as it is: make it writable (e.g. `chmod u+w`) if it should change, or save elsewhere".into()
        }
        io::ErrorKind::AlreadyExists => {
            "another file took the name first and is left as it is; nothing was written".into()
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full: free some space, then save again (nothing was lost; the file on disk is unchanged)".into()
        }
        io::ErrorKind::PermissionDenied => format!(
            "you may not write in {}: fix its permissions or save elsewhere (the file on disk is unchanged)",
            folder.display()
        ),
        io::ErrorKind::ReadOnlyFilesystem => format!(
            "{} is on a read-only disk: save elsewhere (the file on disk is unchanged)",
            folder.display()
        ),
        _ => "the file on disk is unchanged; save again, or save elsewhere".into(),
    }
}

/// The folder holding `path` (`.` for a bare file name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A fresh hidden sibling name: `.<name>.<tag>.<pid>-<n>.tmp`, unique within and across processes.
fn sibling_temp(path: &Path, tag: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    folder_of(path).join(format!(".{name}.{tag}.{}-{n}.tmp", std::process::id()))
}

/// `<path>.bak`: the version before the last save.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Replaces `path` with `bytes` atomically; see the module docs for the guarantee.
///
/// Steps, holding the folder lock: refuse a read-only file, create a temp file in the same
/// folder with the old file's permissions, write, fsync, hard-link (or copy) the old file to
/// `<path>.bak`, rename the temp over `path`, fsync the folder. If the last step fails the rename
/// is undone, so that an error always means "nothing changed".
pub fn save_atomic(fs: &dyn FileSystem, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    save_atomic_with(fs, path, bytes, Backup::Keep)
}

/// Whether [`save_atomic_with`] keeps the previous version as `<path>.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    /// Keep it (sidecars: one undo step on disk).
    Keep,
    /// Do not (recovery files and conflict copies, which are themselves spare copies).
    Skip,
}

/// [`save_atomic`] with a choice about `.bak`. Same guarantee, except that with [`Backup::Skip`]
/// a failed folder sync cannot bring an old file back: the new bytes stay in place and the error
/// is still returned (the rename may not survive a power loss).
pub fn save_atomic_with(
    fs: &dyn FileSystem,
    path: &Path,
    bytes: &[u8],
    backup: Backup,
) -> Result<(), SaveError> {
    let _lock = FolderLock::acquire(&folder_of(path));
    replace_file(fs, path, bytes, backup)
}

/// [`save_atomic_with`] for a caller that holds the folder lock (or needs none).
pub(crate) fn replace_file(
    fs: &dyn FileSystem,
    path: &Path,
    bytes: &[u8],
    backup: Backup,
) -> Result<(), SaveError> {
    let fail = |step, source| SaveError {
        path: path.to_path_buf(),
        step,
        source,
    };
    let permissions =
        existing_permissions(fs, path).map_err(|e| fail(SaveStep::CheckPermissions, e))?;
    let temp = sibling_temp(path, "save");
    let mut file = fs
        .create_new(&temp)
        .map_err(|e| fail(SaveStep::CreateTemp, e))?;
    // From here on every failure removes the temp file; removal errors are secondary.
    let written = permissions
        .map_or(Ok(()), |p| file.set_permissions(p))
        .map_err(|e| fail(SaveStep::CreateTemp, e))
        .and_then(|()| file.write_all(bytes).map_err(|e| fail(SaveStep::Write, e)))
        .and_then(|()| file.sync_all().map_err(|e| fail(SaveStep::SyncFile, e)));
    drop(file);
    if let Err(e) = written {
        let _ = fs.remove_file(&temp);
        return Err(e);
    }
    let kept = match backup {
        Backup::Keep => keep_backup(fs, path),
        Backup::Skip => Ok(match fs.modified(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Undo::RemoveNew,
            _ => Undo::Impossible,
        }),
    };
    let undo = match kept {
        Ok(undo) => undo,
        Err(e) => {
            let _ = fs.remove_file(&temp);
            return Err(fail(SaveStep::Backup, e));
        }
    };
    if let Err(e) = fs.rename(&temp, path) {
        let _ = fs.remove_file(&temp);
        return Err(fail(SaveStep::Rename, e));
    }
    if let Err(e) = fs.sync_dir(&folder_of(path)) {
        undo_rename(fs, path, undo);
        return Err(fail(SaveStep::SyncFolder, e));
    }
    Ok(())
}

/// The permissions the new version of `path` gets: those of the file there (`None` when there
/// is none). A read-only file is refused: whoever made it so did not want it replaced.
fn existing_permissions(
    fs: &dyn FileSystem,
    path: &Path,
) -> io::Result<Option<std::fs::Permissions>> {
    match fs.permissions(path) {
        Ok(p) if p.readonly() => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        )),
        Ok(p) => Ok(Some(p)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Creates `path` holding `bytes`, only if no file has that name: the bytes go to a temp file
/// (written and flushed), which is then hard-linked to `path` — an exclusive create with the
/// whole content at once, so that two writers racing for one name never replace each other and a
/// crash never leaves half a file. Where hard links are not supported the file is created
/// exclusively and written in place. A taken name is an error of kind `AlreadyExists` at step
/// [`SaveStep::CreateNew`], and nothing is written.
pub fn save_new(fs: &dyn FileSystem, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |step, source| SaveError {
        path: path.to_path_buf(),
        step,
        source,
    };
    let temp = sibling_temp(path, "save");
    let mut file = fs
        .create_new(&temp)
        .map_err(|e| fail(SaveStep::CreateTemp, e))?;
    let written = file
        .write_all(bytes)
        .map_err(|e| fail(SaveStep::Write, e))
        .and_then(|()| file.sync_all().map_err(|e| fail(SaveStep::SyncFile, e)));
    drop(file);
    let linked = written.and_then(|()| match fs.hard_link(&temp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(fail(SaveStep::CreateNew, e)),
        // No hard links here (FAT, some shares): fall back to an exclusive create below.
        Err(_) => Ok(false),
    });
    let _ = fs.remove_file(&temp);
    if !linked? {
        let mut file = fs
            .create_new(path)
            .map_err(|e| fail(SaveStep::CreateNew, e))?;
        let written = file
            .write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| fail(SaveStep::Write, e));
        drop(file);
        if let Err(e) = written {
            let _ = fs.remove_file(path);
            return Err(e);
        }
    }
    fs.sync_dir(&folder_of(path)).map_err(|e| {
        // An error means nothing was written: the new file is this call's own.
        let _ = fs.remove_file(path);
        fail(SaveStep::SyncFolder, e)
    })
}

/// How to undo the final rename if the folder sync fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Undo {
    /// There was no file before: remove the new one.
    RemoveNew,
    /// `.bak` holds the previous version: put it back.
    RestoreBak,
    /// There was a file but no copy of it: leave the new one.
    Impossible,
}

/// Puts the previous state back after a failed folder sync.
fn undo_rename(fs: &dyn FileSystem, path: &Path, undo: Undo) {
    if undo == Undo::RestoreBak {
        let restore = sibling_temp(path, "restore");
        // Link (or copy) the backup, then rename it over the new file: `path` is never missing.
        let staged = fs
            .hard_link(&backup_path(path), &restore)
            .or_else(|_| fs.copy(&backup_path(path), &restore));
        if staged.is_ok() && fs.rename(&restore, path).is_err() {
            let _ = fs.remove_file(&restore);
        }
    } else if undo == Undo::RemoveNew {
        let _ = fs.remove_file(path);
    }
}

/// Makes `<path>.bak` a copy of the current `path`, and says how a later rename can be undone.
fn keep_backup(fs: &dyn FileSystem, path: &Path) -> io::Result<Undo> {
    let staged = sibling_temp(path, "bak");
    match fs.hard_link(path, &staged) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Undo::RemoveNew),
        // File systems without hard links (FAT, some network shares): copy instead.
        Err(_) => {
            if let Err(e) = fs.copy(path, &staged) {
                let _ = fs.remove_file(&staged);
                return Err(e);
            }
        }
    }
    // Renaming over the old `.bak` keeps a valid `.bak` at every moment.
    if let Err(e) = fs.rename(&staged, &backup_path(path)) {
        let _ = fs.remove_file(&staged);
        return Err(e);
    }
    Ok(Undo::RestoreBak)
}

/// Age after which a leftover temp file of a save is surely stale (a save takes milliseconds).
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes temp files that killed saves left next to `path` (`.<name>.<save|bak|restore>.<pid>-<n>.tmp`)
/// and that are older than `older_than`; returns how many were removed. Younger ones may belong to
/// a save in progress in another process, so they stay. Call on open; errors are not fatal.
pub fn remove_stale_temps(path: &Path, older_than: std::time::Duration) -> io::Result<usize> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut removed = 0;
    for entry in std::fs::read_dir(folder_of(path))? {
        let entry = entry?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let ours = rest.split_once('.').is_some_and(|(tag, id)| {
            matches!(tag, "save" | "bak" | "restore")
                && id.split_once('-').is_some_and(|(pid, n)| {
                    pid.bytes().all(|b| b.is_ascii_digit()) && n.bytes().all(|b| b.is_ascii_digit())
                })
        });
        let age = entry.metadata()?.modified()?.elapsed().unwrap_or_default();
        if ours && age >= older_than {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}
