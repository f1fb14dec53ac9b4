//! The file-system operations an atomic save needs, as a trait, and the real implementation.
//! Paths are as given by the caller; nothing here interprets file contents.

use std::fs::{File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::path::Path;
use std::time::SystemTime;

/// A file opened for writing by [`FileSystem::create_new`].
pub trait WriteFile {
    /// Writes all of `bytes`.
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Flushes data and metadata to the disk (fsync).
    fn sync_all(&mut self) -> io::Result<()>;
    /// Gives the file these permissions (those of the file it is about to replace).
    fn set_permissions(&mut self, permissions: Permissions) -> io::Result<()>;
}

/// The file-system operations used by saves, so tests can inject failures at any step.
pub trait FileSystem: Send + Sync {
    /// Creates a new file for writing; fails if it exists.
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn WriteFile>>;
    /// Reads a whole regular file (special files and files over the input limit are errors).
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// The modification time of a file.
    fn modified(&self, path: &Path) -> io::Result<SystemTime>;
    /// The permissions of a file.
    fn permissions(&self, path: &Path) -> io::Result<Permissions>;
    /// Makes `link` another name of `original`.
    fn hard_link(&self, original: &Path, link: &Path) -> io::Result<()>;
    /// Copies `from` to `to`, replacing `to`.
    fn copy(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Renames `from` to `to`, atomically replacing `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    /// Flushes a folder's entries to disk (so a rename survives a power loss).
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
}

/// The real file system (`std::fs`).
#[derive(Debug, Clone, Copy, Default)]
pub struct RealFs;

struct RealFile(File);

impl WriteFile for RealFile {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)
    }
    fn sync_all(&mut self) -> io::Result<()> {
        self.0.sync_all()
    }
    fn set_permissions(&mut self, permissions: Permissions) -> io::Result<()> {
        self.0.set_permissions(permissions)
    }
}

impl FileSystem for RealFs {
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn WriteFile>> {
        let file = OpenOptions::new().write(true).create_new(true).open(path)?;
        Ok(Box::new(RealFile(file)))
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        // The one guarded reader: a FIFO or device never blocks, and the size is limited.
        Ok(crate::store::input::read_input_file(path)?)
    }
    fn modified(&self, path: &Path) -> io::Result<SystemTime> {
        std::fs::metadata(path)?.modified()
    }
    fn permissions(&self, path: &Path) -> io::Result<Permissions> {
        Ok(std::fs::metadata(path)?.permissions())
    }
    fn hard_link(&self, original: &Path, link: &Path) -> io::Result<()> {
        std::fs::hard_link(original, link)
    }
    fn copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::copy(from, to).map(|_| ())
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        // On Unix a folder opened read-only can be fsynced; elsewhere this is a no-op.
        #[cfg(unix)]
        {
            File::open(dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(())
        }
    }
}
