//! A [`FileSystem`] for tests that fails on chosen operations (the n-th create, write, fsync,
//! link, copy, rename or folder fsync) with a chosen error: disk full, permission denied, a
//! read-only folder. Everything else goes to the real file system.

use super::fs::{FileSystem, RealFs, WriteFile};
use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// An operation of [`FileSystem`], for choosing where [`FaultyFs`] fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FsOp {
    /// [`FileSystem::create_new`].
    CreateNew,
    /// [`WriteFile::write_all`]; a failing write first writes half of its bytes, like a full disk.
    Write,
    /// [`WriteFile::sync_all`].
    SyncFile,
    /// [`FileSystem::hard_link`].
    HardLink,
    /// [`FileSystem::copy`].
    Copy,
    /// [`FileSystem::rename`].
    Rename,
    /// [`FileSystem::sync_dir`].
    SyncDir,
    /// [`FileSystem::read`].
    Read,
}

/// One planned failure: the `nth` call (1-based) of `op` fails with `error`; `nth == 0` fails all.
#[derive(Debug, Clone, Copy)]
struct Fault {
    op: FsOp,
    nth: usize,
    error: io::ErrorKind,
}

#[derive(Debug, Default)]
struct State {
    faults: Vec<Fault>,
    calls: Vec<FsOp>,
}

/// A file system that fails where told; otherwise it is the real one. Cheap to clone (shared state).
#[derive(Debug, Clone, Default)]
pub struct FaultyFs {
    state: Arc<Mutex<State>>,
}

impl FaultyFs {
    /// A file system with no failures planned yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes the `nth` call (1-based) of `op` fail with `error`.
    pub fn fail_nth(self, op: FsOp, nth: usize, error: io::ErrorKind) -> Self {
        self.lock().faults.push(Fault { op, nth, error });
        self
    }

    /// Makes every call of `op` fail with `error`.
    pub fn fail_always(self, op: FsOp, error: io::ErrorKind) -> Self {
        self.fail_nth(op, 0, error)
    }

    /// A folder where nothing can be created or replaced, failing with `error`
    /// (`PermissionDenied` for a folder without write permission, `ReadOnlyFilesystem` for a
    /// read-only mount). Tests need this because root ignores folder permissions.
    pub fn unwritable_folder(error: io::ErrorKind) -> Self {
        [FsOp::CreateNew, FsOp::HardLink, FsOp::Copy, FsOp::Rename]
            .into_iter()
            .fold(Self::new(), |fs, op| fs.fail_always(op, error))
    }

    /// The operations called so far, in order.
    pub fn calls(&self) -> Vec<FsOp> {
        self.lock().calls.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding this lock can only come from a failing test; keep going.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a call of `op` and returns the planned error, if any.
    fn check(&self, op: FsOp) -> io::Result<()> {
        let mut state = self.lock();
        state.calls.push(op);
        let count = state.calls.iter().filter(|&&c| c == op).count();
        match state
            .faults
            .iter()
            .find(|f| f.op == op && (f.nth == 0 || f.nth == count))
        {
            Some(f) => Err(io::Error::new(
                f.error,
                format!("injected failure of {op:?}"),
            )),
            None => Ok(()),
        }
    }
}

struct FaultyFile {
    fs: FaultyFs,
    inner: Box<dyn WriteFile>,
}

impl WriteFile for FaultyFile {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Err(e) = self.fs.check(FsOp::Write) {
            // A full disk usually accepts part of the data first.
            self.inner.write_all(&bytes[..bytes.len() / 2])?;
            return Err(e);
        }
        self.inner.write_all(bytes)
    }
    fn sync_all(&mut self) -> io::Result<()> {
        self.fs.check(FsOp::SyncFile)?;
        self.inner.sync_all()
    }
    fn set_permissions(&mut self, permissions: std::fs::Permissions) -> io::Result<()> {
        self.inner.set_permissions(permissions)
    }
}

impl FileSystem for FaultyFs {
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn WriteFile>> {
        self.check(FsOp::CreateNew)?;
        Ok(Box::new(FaultyFile {
            fs: self.clone(),
            inner: RealFs.create_new(path)?,
        }))
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.check(FsOp::Read)?;
        RealFs.read(path)
    }
    fn modified(&self, path: &Path) -> io::Result<SystemTime> {
        RealFs.modified(path)
    }
    fn permissions(&self, path: &Path) -> io::Result<std::fs::Permissions> {
        RealFs.permissions(path)
    }
    fn hard_link(&self, original: &Path, link: &Path) -> io::Result<()> {
        self.check(FsOp::HardLink)?;
        RealFs.hard_link(original, link)
    }
    fn copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(FsOp::Copy)?;
        RealFs.copy(from, to)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(FsOp::Rename)?;
        RealFs.rename(from, to)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        // Never fails: cleanup after an injected failure must be observable as real cleanup.
        RealFs.remove_file(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check(FsOp::SyncDir)?;
        RealFs.sync_dir(dir)
    }
}
