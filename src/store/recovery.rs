//! Autosave to a recovery file and recovery after a crash. Works on bytes (the serialized
//! sidecar); times are passed in, so the policy is testable without sleeping.
//!
//! Where: next to the sidecar, `article.txt.ann.ron.recovery`. Next to the file rather than in a
//! per-user folder because it then travels with the corpus (USB stick, network share), is found
//! by whoever opens the text next, and needs no mapping from paths to a cache. A read-only folder
//! makes autosave fail with a [`SaveError`] the window shows; the real save fails there too.
//!
//! Life cycle: [`Autosaver::note_change`] on every edit; when [`Autosaver::due`], serialize and
//! [`write_recovery`], then [`Autosaver::mark_written`]; after a successful real save,
//! [`remove_recovery`] and [`Autosaver::mark_saved`]. On open, [`find_recovery`] offers what a
//! crash left behind.

use crate::store::atomic::{save_atomic_with, Backup, FileSystem, SaveError, SaveStep};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// Idle time after the last change before autosaving.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(2);
/// Longest time changes stay unsaved while the user keeps editing without a pause.
pub const DEFAULT_MAX_DELAY: Duration = Duration::from_secs(30);

/// Decides when to write the recovery file: after a short idle time, or at the latest after a
/// maximum delay during continuous editing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autosaver {
    idle: Duration,
    max_delay: Duration,
    /// First change not yet in a recovery file, and the latest change.
    pending: Option<(Instant, Instant)>,
}

impl Default for Autosaver {
    fn default() -> Self {
        Self::new(DEFAULT_IDLE, DEFAULT_MAX_DELAY)
    }
}

impl Autosaver {
    /// An autosaver with the given idle time and maximum delay.
    pub fn new(idle: Duration, max_delay: Duration) -> Self {
        Self {
            idle,
            max_delay,
            pending: None,
        }
    }

    /// Records an edit made at `now`.
    pub fn note_change(&mut self, now: Instant) {
        self.pending = Some(match self.pending {
            Some((first, _)) => (first, now),
            None => (now, now),
        });
    }

    /// True when there are unwritten changes and either the user paused for the idle time or
    /// the oldest unwritten change is older than the maximum delay.
    pub fn due(&self, now: Instant) -> bool {
        self.pending.is_some_and(|(first, last)| {
            now.saturating_duration_since(last) >= self.idle
                || now.saturating_duration_since(first) >= self.max_delay
        })
    }

    /// When [`Self::due`] will next become true (for scheduling a repaint), if there are changes.
    pub fn next_due(&self) -> Option<Instant> {
        self.pending
            .map(|(first, last)| (last + self.idle).min(first + self.max_delay))
    }

    /// True when there are changes not yet written anywhere.
    pub fn has_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// The recovery file now holds every change noted up to `written_at` (the moment the
    /// snapshot was taken); later changes stay pending.
    pub fn mark_written(&mut self, written_at: Instant) {
        if let Some((_, last)) = self.pending {
            self.pending = if last <= written_at {
                None
            } else {
                // The first unwritten change came after the snapshot; counting from the snapshot
                // errs towards autosaving early.
                Some((written_at, last))
            };
        }
    }

    /// The real file was saved: nothing is pending.
    pub fn mark_saved(&mut self) {
        self.pending = None;
    }
}

/// `<sidecar>.recovery`.
pub fn recovery_path(sidecar: &Path) -> PathBuf {
    let mut s = sidecar.as_os_str().to_owned();
    s.push(".recovery");
    PathBuf::from(s)
}

/// The sidecar of a text file, `article.txt` → `article.txt.ann.ron` (the naming of
/// `store::sidecar`; repeated here so recovery works on paths alone).
fn sidecar_of(text_path: &Path) -> PathBuf {
    let mut s = text_path.as_os_str().to_owned();
    s.push(".ann.ron");
    PathBuf::from(s)
}

/// Writes the recovery file for `sidecar` atomically (no `.bak`).
pub fn write_recovery(fs: &dyn FileSystem, sidecar: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    save_atomic_with(fs, &recovery_path(sidecar), bytes, Backup::Skip)
}

/// Removes the recovery file after a successful save; a missing one is fine.
pub fn remove_recovery(fs: &dyn FileSystem, sidecar: &Path) -> Result<(), SaveError> {
    let path = recovery_path(sidecar);
    match fs.remove_file(&path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(SaveError {
            path,
            step: SaveStep::RemoveRecovery,
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Unsaved work found on open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file.
    pub path: PathBuf,
    /// The sidecar it belongs to.
    pub sidecar: PathBuf,
    /// Its bytes (a serialized sidecar, to be parsed by the caller).
    pub bytes: Vec<u8>,
    /// When it was written.
    pub modified: Option<SystemTime>,
}

impl Recovery {
    /// Deletes the recovery file (the user declined it, or it has been saved).
    pub fn discard(&self, fs: &dyn FileSystem) -> Result<(), SaveError> {
        remove_recovery(fs, &self.sidecar)
    }
}

/// The recovery file left for the text at `text_path`, if one exists that holds something the
/// sidecar does not: its bytes differ from the sidecar's and it is not older than the sidecar
/// (or there is no sidecar). Unreadable recovery files are reported as absent; the file stays.
pub fn find_recovery(fs: &dyn FileSystem, text_path: &Path) -> Option<Recovery> {
    find_recovery_for_sidecar(fs, &sidecar_of(text_path))
}

/// [`find_recovery`] for a sidecar path.
pub fn find_recovery_for_sidecar(fs: &dyn FileSystem, sidecar: &Path) -> Option<Recovery> {
    let path = recovery_path(sidecar);
    let bytes = fs.read(&path).ok()?;
    let modified = fs.modified(&path).ok();
    if let Ok(saved) = fs.read(sidecar) {
        if saved == bytes {
            return None;
        }
        // Equal times (coarse clocks) count as newer: offering is harmless, losing work is not.
        if let (Some(rec), Ok(side)) = (modified, fs.modified(sidecar)) {
            if rec < side {
                return None;
            }
        }
    }
    Some(Recovery {
        path,
        sidecar: sidecar.to_path_buf(),
        bytes,
        modified,
    })
}
