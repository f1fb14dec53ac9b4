//! Errors of opening and saving a document session; each names the file, the position where
//! known, and what to do.

use crate::model::edit::EditError;
use crate::store::atomic::SaveError;
use crate::store::decode::DecodeError;
use crate::store::sidecar::SidecarError;
use std::path::PathBuf;

/// Why a document could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The text file could not be read or decoded.
    #[error(transparent)]
    Text(#[from] DecodeError),
    /// The sidecar exists but could not be read from disk.
    #[error("{}: cannot read the annotations ({}); check that you may read it", .0.path.display(), .0.source)]
    ReadSidecar(SaveError),
    /// The sidecar exists but does not parse. It is left untouched; open the text alone with
    /// `AnnotationSession::open_text_only` to read it without annotations (saving stays refused).
    #[error("{0} — Hamish will not write over this file until it reads")]
    Sidecar(SidecarError),
    /// The schema the sidecar names could not be loaded.
    #[error("{0}")]
    Schema(SidecarError),
}

impl OpenError {
    /// The sidecar's parse position (1-based line and column), when this is a parse error.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Sidecar(SidecarError::Parse { line, column, .. }) => Some((*line, *column)),
            Self::Sidecar(SidecarError::NotUtf8 { line, .. }) => Some((*line, 1)),
            _ => None,
        }
    }
}

/// Why an operation on an open session failed. The session and the files on disk are unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The edit does not apply to the set (stale id, taken id, ...).
    #[error(transparent)]
    Edit(#[from] EditError),
    /// Writing the sidecar or the recovery file failed; the file on disk is unchanged.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// The sidecar on disk does not parse, so saving over it would destroy what is in it.
    #[error("{}: not saved, because the annotation file on disk cannot be read ({reason}); fix or move that file, then save again (your changes are kept in the recovery file)", .path.display())]
    SidecarUnreadable {
        /// The sidecar.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// There is no recovery file to restore.
    #[error("there is no recovery file to restore")]
    NoRecovery,
    /// Save As would replace a file that exists already.
    #[error("{}: exists already; choose another name or folder (nothing was written)", .path.display())]
    SaveAsTaken {
        /// The file that exists.
        path: PathBuf,
    },
    /// The text file changed on disk since it was opened, so a copy would not be the text the
    /// annotations point into.
    #[error("{}: the text file changed on disk since it was opened; reopen it, then save again (nothing was written)", .path.display())]
    TextChangedOnDisk {
        /// The text file.
        path: PathBuf,
    },
    /// The recovery file does not parse; it is left in place.
    #[error("{0}; the recovery file is left in place")]
    BadRecovery(SidecarError),
}
