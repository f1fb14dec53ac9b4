//! The folder lock every Hamish writer holds while it checks and replaces files in a folder, so
//! that two processes (two `check --fix`, two imports, a window and a script) writing the same
//! sidecar see each other: the second one finds the file changed and writes a conflict copy,
//! instead of both believing they replaced the version they loaded.
//!
//! The lock is an advisory `flock` on the folder itself (std's `File::lock`), so it leaves no
//! file behind and is released by the kernel when a process dies. It is re-entrant within a
//! thread: a writer that holds it may call others that take it again. Where a folder cannot be
//! opened or locked (some network shares, other systems), writing goes on without it, as before.

use std::cell::RefCell;
use std::fs::File;
use std::path::Path;

/// Identity of a folder: device and inode on Unix, the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FolderId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(std::path::PathBuf),
}

thread_local! {
    /// The folders this thread holds locked (a second `flock` on another handle of the same
    /// folder would wait for the first one forever).
    static HELD: RefCell<Vec<FolderId>> = const { RefCell::new(Vec::new()) };
}

/// A held folder lock; dropping it releases the lock (when this guard took it).
#[derive(Debug)]
pub struct FolderLock {
    /// The open folder and its identity, when this guard took the lock.
    held: Option<(File, FolderId)>,
}

impl FolderLock {
    /// Waits for the lock of `folder` and takes it; a guard that holds nothing when this thread
    /// holds it already, or when the folder cannot be locked.
    pub fn acquire(folder: &Path) -> Self {
        let Some((file, id)) = open_folder(folder) else {
            return Self { held: None };
        };
        if HELD.with(|h| h.borrow().contains(&id)) {
            return Self { held: None };
        }
        if file.lock().is_err() {
            return Self { held: None };
        }
        HELD.with(|h| h.borrow_mut().push(id.clone()));
        Self {
            held: Some((file, id)),
        }
    }

    /// Takes the lock of `folder` only if no other handle holds it: `Some(guard)` when taken,
    /// `None` when someone holds it (or it cannot be locked at all).
    pub fn try_acquire(folder: &Path) -> Option<Self> {
        let (file, id) = open_folder(folder)?;
        if HELD.with(|h| h.borrow().contains(&id)) {
            return None;
        }
        file.try_lock().ok()?;
        HELD.with(|h| h.borrow_mut().push(id.clone()));
        Some(Self {
            held: Some((file, id)),
        })
    }

    /// True when this guard took the lock (false for a re-entry or an unlockable folder).
    pub fn is_held(&self) -> bool {
        self.held.is_some()
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        if let Some((file, id)) = self.held.take() {
            HELD.with(|h| h.borrow_mut().retain(|held| *held != id));
            let _ = file.unlock();
        }
    }
}

fn open_folder(folder: &Path) -> Option<(File, FolderId)> {
    let file = File::open(folder).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_dir() {
        return None;
    }
    #[cfg(unix)]
    let id = {
        use std::os::unix::fs::MetadataExt;
        FolderId::Inode(meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let id = FolderId::Path(std::fs::canonicalize(folder).ok()?);
    Some((file, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn re_entrant_in_a_thread_exclusive_across_threads() {
        let dir = tempfile::tempdir().unwrap();
        let outer = FolderLock::acquire(dir.path());
        assert!(outer.is_held());
        // The same folder by another spelling, in the same thread: no deadlock.
        let inner = FolderLock::acquire(&dir.path().join("."));
        assert!(!inner.is_held());
        drop(inner);
        let path = dir.path().to_owned();
        let other = std::thread::spawn(move || FolderLock::try_acquire(&path).is_some());
        assert!(!other.join().unwrap(), "another thread took a held lock");
        drop(outer);
        let path = dir.path().to_owned();
        let other = std::thread::spawn(move || FolderLock::try_acquire(&path).is_some());
        assert!(other.join().unwrap(), "the lock was not released");
    }
}
