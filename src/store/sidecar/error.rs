//! Errors of reading sidecar files; each names the file, the line where known, and what to do.

use crate::model::annotation::AnnotationId;
use crate::model::relation::RelationId;
use crate::model::schema::SchemaError;
use std::path::PathBuf;

impl SidecarError {
    /// The error of the guarded reader as a sidecar error (`Io` for plain I/O errors).
    pub fn from_input(err: crate::store::input::InputError) -> Self {
        match err {
            crate::store::input::InputError::Io { path, source } => Self::Io { path, source },
            other => Self::Input(other),
        }
    }
}

/// Why a sidecar could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// The file could not be read.
    #[error(
        "{path}: cannot read the annotations: {source}; check that the file exists and is readable"
    )]
    Io {
        /// The sidecar file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The path is not a regular file, or the file is too large to be annotations.
    #[error(transparent)]
    Input(crate::store::input::InputError),
    /// The file is not UTF-8.
    #[error("{path}:{line}: the annotation file is not UTF-8 text; restore it from a backup or version control")]
    NotUtf8 {
        /// The sidecar file.
        path: PathBuf,
        /// Line of the first bad byte.
        line: usize,
    },
    /// The text is not valid RON or does not have the sidecar's shape.
    #[error("{path}:{line}:{column}: the annotation file cannot be read: {message}; fix the text there (or restore it from version control)")]
    Parse {
        /// The sidecar file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The file holds git's conflict markers from a merge that was not finished.
    #[error("{path}:{line}: the annotation file has git merge conflict markers (<<<<<<<, =======, >>>>>>>): both sides kept; resolve the conflict (keep the lines you want, delete the marker lines, then `git add` the file) and open it again; nothing was read from it and it will not be overwritten")]
    MergeConflict {
        /// The sidecar file.
        path: PathBuf,
        /// 1-based line of the first marker.
        line: usize,
    },
    /// The project file `hamish-project.ron` does not read.
    #[error("{path}:{line}:{column}: the project file cannot be read: {message}; it should read `(shared: true)` or `(shared: false)`")]
    Project {
        /// The project file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The file has no `format:` field, so its layout is unknown.
    #[error("{path}: the annotation file has no `format:` field; add `format: 1,` after the opening parenthesis if it was written by hand")]
    NoFormat {
        /// The sidecar file.
        path: PathBuf,
    },
    /// The file was written by a newer Hamish.
    #[error("{path}: the annotation file has format {found}, but this Hamish reads up to format {supported}; update Hamish to open it (the file is left untouched)")]
    NewerFormat {
        /// The sidecar file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// Two annotations share an id.
    #[error("{path}:{}: two annotations have id {id}; give one of them an unused id", line.map_or("?".into(), |l| l.to_string()))]
    DuplicateAnnotationId {
        /// The sidecar file.
        path: PathBuf,
        /// The repeated id.
        id: AnnotationId,
        /// Line of the second one, when it can be found.
        line: Option<usize>,
    },
    /// Two relations share an id.
    #[error("{path}:{}: two relations have id {id}; give one of them an unused id", line.map_or("?".into(), |l| l.to_string()))]
    DuplicateRelationId {
        /// The sidecar file.
        path: PathBuf,
        /// The repeated id.
        id: RelationId,
        /// Line of the second one, when it can be found.
        line: Option<usize>,
    },
    /// The sidecar names a bundled schema this build does not have.
    #[error("the annotations use the bundled schema {id:?}, which this Hamish does not know; use \"fact-checking\" or a schema.ron in the folder")]
    UnknownBundledSchema {
        /// The schema id.
        id: String,
    },
    /// The folder schema could not be loaded.
    #[error(transparent)]
    Schema(#[from] SchemaError),
}
