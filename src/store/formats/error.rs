//! Errors of the format readers and writers: each names the file, the line when there is one, what
//! is wrong and what to do.

use std::path::PathBuf;

impl From<crate::store::input::InputError> for FormatError {
    fn from(err: crate::store::input::InputError) -> Self {
        match err {
            crate::store::input::InputError::Io { path, source } => Self::Io { path, source },
            other => Self::Input(other),
        }
    }
}

/// Why a file could not be imported or exported at all (smaller problems go to the loss report).
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// Reading or writing a file failed.
    #[error("{path}: {source} (check that the path exists and is readable/writable)")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// An input is not a regular file, or is too large (the error names the file).
    #[error(transparent)]
    Input(crate::store::input::InputError),
    /// A text could not be decoded (the error names the file, the position and what to do).
    #[error(transparent)]
    Decode(#[from] crate::store::decode::DecodeError),
    /// An output could not be saved atomically (the file on disk is unchanged).
    #[error(transparent)]
    Save(#[from] crate::store::atomic::SaveError),
    /// A line could not be parsed.
    #[error("{path}:{line}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// A file that would be written exists already.
    #[error("{path}: exists already with other content")]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// An output would land outside the chosen folder, or on something that is not a file.
    #[error("{path}: {why}; nothing was written there")]
    OutsideFolder {
        /// The path inside the output folder.
        path: PathBuf,
        /// What is in the way.
        why: String,
    },
    /// Two inputs of one run would write the same output file.
    #[error("{path}: {first} and {second} would both be written here; rename one of them, or export/import them separately")]
    Collision {
        /// The output file.
        path: PathBuf,
        /// The first input.
        first: String,
        /// The second input.
        second: String,
    },
    /// The sidecar was saved against another version of the text.
    #[error("{path}: the text changed since its annotations were saved; open it in Hamish to re-anchor them, then export")]
    TextChanged {
        /// The text file.
        path: PathBuf,
    },
    /// Annotations in the sidecar have ranges that do not fit the text (reversed, or past its
    /// end); exporting them would put them on the wrong chars.
    #[error(
        "{path}: {problems}; fix the ranges (`hamish check` shows the lines), then export again"
    )]
    BadRanges {
        /// The sidecar.
        path: PathBuf,
        /// The problems, `; `-separated.
        problems: String,
    },
    /// The sidecar could not be read.
    #[error(transparent)]
    Sidecar(#[from] crate::store::sidecar::SidecarError),
}
