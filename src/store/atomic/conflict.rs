//! Conflict detection for sidecar saves: remember what was on disk when the file was loaded
//! (length, SHA-256, modification time) and never overwrite a file that changed since, or one that
//! does not parse; write a conflict copy next to it instead. Works on bytes.

use super::{folder_of, replace_file, Backup, FileSystem, FolderLock, SaveError, SaveStep};
use sha2::{Digest, Sha256};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// What a file on disk held at some moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFileState {
    /// Length in bytes.
    pub len: u64,
    /// SHA-256 of the bytes.
    pub sha256: [u8; 32],
    /// Modification time, when the file system reports one (informative: a `touch` without
    /// a content change is not a conflict).
    pub modified: Option<SystemTime>,
}

impl LoadedFileState {
    /// The state of a file holding `bytes`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            len: bytes.len() as u64,
            sha256: Sha256::digest(bytes).into(),
            modified,
        }
    }

    /// True when both states describe the same bytes.
    pub fn same_content(&self, other: &Self) -> bool {
        self.len == other.len && self.sha256 == other.sha256
    }
}

/// Why a save went to a conflict copy instead of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictReason {
    /// The file changed on disk since it was loaded (another program, another annotator, git).
    ChangedOnDisk,
    /// There was no file when loading, and now there is one.
    CreatedOnDisk,
    /// The file on disk does not parse; it is kept untouched so nothing in it is lost.
    UnparseableOnDisk,
}

/// The result of [`save_checked`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The file now holds the new bytes.
    Saved,
    /// The file was left as it is; the new bytes are in `copy`, next to it.
    ConflictCopy {
        /// Where the new bytes went.
        copy: PathBuf,
        /// Why.
        reason: ConflictReason,
    },
}

/// Remembers what a sidecar file held when it was loaded, to detect changes made by others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidecarGuard {
    path: PathBuf,
    /// `None`: there was no file.
    loaded: Option<LoadedFileState>,
}

impl SidecarGuard {
    /// Reads `path` (a missing file is fine) and remembers its state; returns the bytes read.
    pub fn open(fs: &dyn FileSystem, path: &Path) -> Result<(Self, Option<Vec<u8>>), SaveError> {
        let bytes = read_optional(fs, path)?;
        let guard = Self::from_loaded(fs, path, bytes.as_deref());
        Ok((guard, bytes))
    }

    /// Remembers that `path` held `bytes` (or nothing) when loaded.
    pub fn from_loaded(fs: &dyn FileSystem, path: &Path, bytes: Option<&[u8]>) -> Self {
        Self {
            path: path.to_path_buf(),
            loaded: bytes.map(|b| LoadedFileState::of_bytes(b, fs.modified(path).ok())),
        }
    }

    /// The guarded file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the file held when loaded or last saved (`None`: no file).
    pub fn loaded_state(&self) -> Option<&LoadedFileState> {
        self.loaded.as_ref()
    }

    /// Accepts the file as it is on disk now (after the user resolved a conflict); returns it.
    pub fn refresh(&mut self, fs: &dyn FileSystem) -> Result<Option<Vec<u8>>, SaveError> {
        let bytes = read_optional(fs, &self.path)?;
        *self = Self::from_loaded(fs, &self.path, bytes.as_deref());
        Ok(bytes)
    }
}

/// Saves `bytes` to the guarded file unless that would overwrite someone else's work.
///
/// The file is overwritten (atomically, see [`super::save_atomic`]) only when it still holds what was
/// loaded (or was deleted meanwhile) and `on_disk_parses` accepts its current bytes. Otherwise the
/// new bytes go to a conflict copy `<name>.conflict-<UTC time>.ron` next to it, the file is left
/// byte-identical, and the outcome says so. On `Saved` the guard remembers the new bytes.
pub fn save_checked(
    fs: &dyn FileSystem,
    guard: &mut SidecarGuard,
    bytes: &[u8],
    on_disk_parses: &dyn Fn(&[u8]) -> bool,
) -> Result<SaveOutcome, SaveError> {
    // Held from the check to the rename: another Hamish process saving this file waits, then
    // sees the change and writes a conflict copy.
    let _lock = FolderLock::acquire(&folder_of(&guard.path));
    let current = read_optional(fs, &guard.path)?;
    if current.as_deref() == Some(bytes) {
        // Someone saved exactly this already: nothing to write, and nobody's work to lose.
        *guard = SidecarGuard::from_loaded(fs, &guard.path, Some(bytes));
        return Ok(SaveOutcome::Saved);
    }
    let reason = match (&guard.loaded, &current) {
        // First: a file that does not parse can never be overwritten, whoever wrote it.
        (_, Some(now)) if !on_disk_parses(now) => Some(ConflictReason::UnparseableOnDisk),
        (None, Some(_)) => Some(ConflictReason::CreatedOnDisk),
        (Some(old), Some(now)) if !old.same_content(&LoadedFileState::of_bytes(now, None)) => {
            Some(ConflictReason::ChangedOnDisk)
        }
        // Unchanged, or deleted since loading: writing loses nobody's work.
        _ => None,
    };
    if let Some(reason) = reason {
        let copy = write_conflict_copy(fs, &guard.path, bytes, SystemTime::now())?;
        return Ok(SaveOutcome::ConflictCopy { copy, reason });
    }
    replace_file(fs, &guard.path, bytes, Backup::Keep)?;
    *guard = SidecarGuard::from_loaded(fs, &guard.path, Some(bytes));
    Ok(SaveOutcome::Saved)
}

/// Reads a file, mapping "not found" to `None`.
fn read_optional(fs: &dyn FileSystem, path: &Path) -> Result<Option<Vec<u8>>, SaveError> {
    match fs.read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SaveError {
            path: path.to_path_buf(),
            step: SaveStep::CheckOnDisk,
            source,
        }),
    }
}

/// Writes `bytes` to a fresh `<name minus .ron>.conflict-<time>[-n].ron` next to `path`.
fn write_conflict_copy(
    fs: &dyn FileSystem,
    path: &Path,
    bytes: &[u8],
    now: SystemTime,
) -> Result<PathBuf, SaveError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".ron").unwrap_or(&name);
    let stamp = utc_stamp(now);
    let folder = folder_of(path);
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let copy = folder.join(format!("{stem}.conflict-{stamp}{suffix}.ron"));
        // Taken names are skipped; any other answer (usually "not found") means try this one.
        if fs.modified(&copy).is_ok() {
            continue;
        }
        return replace_file(fs, &copy, bytes, Backup::Skip)
            .map(|()| copy)
            .map_err(|e| SaveError {
                step: SaveStep::WriteConflictCopy,
                ..e
            });
    }
    unreachable!("the loop above only ends by returning")
}

/// `YYYYMMDDTHHMMSSZ` for a time (UTC; times before 1970 print as 1970).
pub(crate) fn utc_stamp(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Gregorian date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn stamps_known_dates() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
        // 2000-02-29 12:34:56 UTC = 951827696.
        let t = UNIX_EPOCH + Duration::from_secs(951_827_696);
        assert_eq!(utc_stamp(t), "20000229T123456Z");
        // 2026-11-25 00:00:00 UTC = 1795564800.
        let t = UNIX_EPOCH + Duration::from_secs(1_795_564_800);
        assert_eq!(utc_stamp(t), "20261125T000000Z");
    }
}
