//! The one guarded way Hamish reads an input file — a text, a sidecar, a recovery file, a
//! schema or project file, a brat/JSONL/CoNLL source — for every command and the window: regular
//! files only (a FIFO, device, socket or folder is refused with a message naming the file, and
//! never blocks: the file is opened with `O_NONBLOCK` and its type checked on the open handle),
//! and at most [`MAX_INPUT_BYTES`], checked before reading and again while reading (a file that
//! grows, or lies about its size, stops one byte past the limit). Units: bytes.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest input Hamish reads: 64 MiB, far above any article, sidecar or corpus file people
/// annotate; a larger JSONL or CoNLL corpus is split into several files.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Why an input file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{}: cannot read the file ({source}); check that it exists and that you may read it", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The path is not a regular file (a FIFO, a device, a socket, a folder).
    #[error("{}: is {kind}, not a regular file; Hamish reads only regular files, so give the file itself", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead, e.g. "a named pipe (FIFO)".
        kind: &'static str,
    },
    /// The file is larger than the limit.
    #[error("{}: the file is {size} bytes, more than the limit of {limit} bytes; split it into smaller files", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least `limit + 1` when found while reading).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

impl InputError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. } | Self::NotAFile { path, .. } | Self::TooLarge { path, .. } => {
                path
            }
        }
    }

    /// True when the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }
}

impl From<InputError> for std::io::Error {
    /// For callers that speak `io::Error` (the atomic-save file system): the kind says what
    /// happened (`NotFound` stays `NotFound`), the message is the whole [`InputError`].
    fn from(err: InputError) -> Self {
        let kind = match &err {
            InputError::Io { source, .. } => source.kind(),
            InputError::NotAFile { .. } => std::io::ErrorKind::InvalidInput,
            InputError::TooLarge { .. } => std::io::ErrorKind::FileTooLarge,
        };
        std::io::Error::new(kind, err)
    }
}

/// Reads the whole regular file at `path`, refusing special files and files over `limit` bytes.
pub fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: path.to_owned(),
        source,
    };
    let file = open_nonblocking(path).map_err(|source| match special_kind(path) {
        Some(kind) => InputError::NotAFile {
            path: path.to_owned(),
            kind,
        },
        None => io(source),
    })?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(InputError::NotAFile {
            path: path.to_owned(),
            kind: kind_of(&meta.file_type()),
        });
    }
    let too_large = |size| InputError::TooLarge {
        path: path.to_owned(),
        size,
        limit,
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_input`] with the standard limit, [`MAX_INPUT_BYTES`].
pub fn read_input_file(path: &Path) -> Result<Vec<u8>, InputError> {
    read_input(path, MAX_INPUT_BYTES)
}

/// Opens for reading without blocking: opening a FIFO for reading would otherwise wait for a
/// writer forever. For regular files the flag changes nothing.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a path that could not be opened is, when it is a special file (a socket cannot be
/// opened at all, so its type is only seen from its metadata).
fn special_kind(path: &Path) -> Option<&'static str> {
    let meta = std::fs::metadata(path).ok()?;
    (!meta.is_file()).then(|| kind_of(&meta.file_type()))
}

/// Words for a file type that is not a regular file.
fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_and_refuses_one_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "12345").unwrap();
        assert_eq!(read_input(&path, 5).unwrap(), b"12345");
        let err = read_input(&path, 4).unwrap_err();
        assert!(
            matches!(
                err,
                InputError::TooLarge {
                    size: 5,
                    limit: 4,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("a.txt"), "{err}");
        let missing = read_input(&dir.path().join("gone"), 5).unwrap_err();
        assert!(missing.is_not_found(), "{missing}");
        let as_io: std::io::Error = missing.into();
        assert_eq!(as_io.kind(), std::io::ErrorKind::NotFound);
    }

    #[test]
    fn a_folder_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_input(dir.path(), 5).unwrap_err();
        assert!(
            matches!(
                err,
                InputError::NotAFile {
                    kind: "a folder",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.unwrap().success(), "mkfifo failed");
        // No writer ever opens the pipe: a blocking open would hang this test.
        let err = read_input_file(&path).unwrap_err();
        assert!(
            matches!(
                err,
                InputError::NotAFile {
                    kind: "a named pipe (FIFO)",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_before_reading() {
        let err = read_input_file(Path::new("/dev/zero")).unwrap_err();
        assert!(
            matches!(
                err,
                InputError::NotAFile {
                    kind: "a device",
                    ..
                }
            ),
            "{err}"
        );
        let as_io: std::io::Error = err.into();
        assert_eq!(as_io.kind(), std::io::ErrorKind::InvalidInput);
        assert!(as_io.to_string().contains("/dev/zero"), "{as_io}");
    }
}
