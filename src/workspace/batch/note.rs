//! What a batch run (agreement, export, import) tells the user besides its results: one typed
//! note per thing worth knowing, worded in English by `Display` (the command line) and keyed for
//! the window's message files by [`BatchNote::message`]. Counts are of annotations or files.

use crate::model::annotation::AnnotationId;
use crate::store::formats::staged::Recovery;
use crate::workspace::outcome::{ErrorArg, Message, MessageArg};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// One thing a batch run found or did on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchNote {
    /// An annotator's file was saved against another version of the text; its annotations were
    /// re-anchored on a copy for this run (nothing written).
    Reanchored {
        /// The annotator's file.
        path: PathBuf,
        /// Annotations that stay where they were.
        stayed: usize,
        /// Annotations that moved.
        moved: usize,
        /// Annotations that need review.
        review: usize,
        /// Annotations whose text was not found (left out of the run).
        orphans: usize,
    },
    /// Annotations whose ranges do not fit the text were left out of the run.
    Misfits {
        /// The annotator's file.
        path: PathBuf,
        /// The annotations left out.
        ids: Vec<AnnotationId>,
    },
    /// A file was replaced (`--force`); its previous version was kept.
    Replaced {
        /// The file written.
        path: PathBuf,
        /// Where its previous version is.
        backup: PathBuf,
    },
    /// An imported document was renamed because its name is one Hamish gives its own files.
    Reserved {
        /// Where the document came from (a file, or a document within it).
        origin: String,
        /// The name it was written as.
        written: PathBuf,
        /// The name it had.
        wanted: PathBuf,
    },
    /// An imported document was renamed because an earlier document of the run had its name.
    Renamed {
        /// Where the document came from.
        origin: String,
        /// The name it was written as.
        written: PathBuf,
        /// Where the earlier document with that name came from.
        first: String,
        /// The name both had.
        wanted: PathBuf,
    },
    /// What an earlier export cut short left in the folder, and what was done about it.
    Recovered(Recovery),
}

impl fmt::Display for BatchNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reanchored {
                path,
                stayed,
                moved,
                review,
                orphans,
            } => write!(
                f,
                "{}: the text changed since it was saved; re-anchored for this run: {stayed} stay, {moved} move, {review} need review, {orphans} orphans (left out)",
                path.display()
            ),
            Self::Misfits { path, ids } => write!(
                f,
                "{}: annotation(s) {} have ranges that do not fit the text (reversed, or past its end); left out",
                path.display(),
                id_list(ids)
            ),
            Self::Replaced { path, backup } => write!(
                f,
                "{}: replaced (--force); the previous version is in {}",
                path.display(),
                backup.display()
            ),
            Self::Reserved {
                origin,
                written,
                wanted,
            } => write!(
                f,
                "{origin}: written as {} because {} is a name Hamish gives its own files",
                written.display(),
                wanted.display()
            ),
            Self::Renamed {
                origin,
                written,
                first,
                wanted,
            } => write!(
                f,
                "{origin}: written as {} because {first} is also named {}",
                written.display(),
                wanted.display()
            ),
            Self::Recovered(recovery) => recovery.fmt(f),
        }
    }
}

impl From<Recovery> for BatchNote {
    fn from(recovery: Recovery) -> Self {
        Self::Recovered(recovery)
    }
}

impl BatchNote {
    /// The note as a warning for the window: its English text, and its key and arguments in
    /// the interface's message files.
    pub fn message(&self) -> Message {
        let text = self.to_string();
        match self {
            Self::Reanchored {
                path,
                stayed,
                moved,
                review,
                orphans,
            } => Message::warning(text).keyed(
                "batch-reanchored",
                vec![
                    ("path", shown(path)),
                    ("stayed", (*stayed).into()),
                    ("moved", (*moved).into()),
                    ("review", (*review).into()),
                    ("orphans", (*orphans).into()),
                ],
            ),
            Self::Misfits { path, ids } => Message::warning(text).keyed(
                "batch-misfits",
                vec![("path", shown(path)), ("ids", id_list(ids).into())],
            ),
            Self::Replaced { path, backup } => Message::warning(text).keyed(
                "batch-replaced",
                vec![("path", shown(path)), ("backup", shown(backup))],
            ),
            Self::Reserved {
                origin,
                written,
                wanted,
            } => Message::warning(text).keyed(
                "batch-reserved-name",
                vec![
                    ("origin", origin.as_str().into()),
                    ("written", shown(written)),
                    ("wanted", shown(wanted)),
                ],
            ),
            Self::Renamed {
                origin,
                written,
                first,
                wanted,
            } => Message::warning(text).keyed(
                "batch-same-name",
                vec![
                    ("origin", origin.as_str().into()),
                    ("written", shown(written)),
                    ("first", first.as_str().into()),
                    ("wanted", shown(wanted)),
                ],
            ),
            Self::Recovered(recovery) => recovery_message(text, recovery),
        }
    }
}

/// The keyed warning for what an earlier export left.
fn recovery_message(text: String, recovery: &Recovery) -> Message {
    match recovery {
        Recovery::Busy { folder, stage } => Message::warning(text).keyed(
            "batch-recovery-busy",
            vec![("folder", shown(folder)), ("stage", shown(stage))],
        ),
        Recovery::Completed {
            folder,
            done,
            refused,
        } if refused.is_empty() => Message::warning(text).keyed(
            "batch-recovery-completed",
            vec![("folder", shown(folder)), ("done", (*done).into())],
        ),
        Recovery::Completed {
            folder,
            done,
            refused,
        } => Message::warning(text).keyed(
            "batch-recovery-completed-refused",
            vec![
                ("folder", shown(folder)),
                ("done", (*done).into()),
                (
                    "errors",
                    MessageArg::Error(ErrorArg::Formats(
                        refused.iter().map(|r| Arc::clone(&r.0)).collect(),
                    )),
                ),
            ],
        ),
        Recovery::Cleared { folder, staged } => Message::warning(text).keyed(
            "batch-recovery-cleared",
            vec![("folder", shown(folder)), ("staged", (*staged).into())],
        ),
    }
}

/// A path as a message argument.
fn shown(path: &std::path::Path) -> MessageArg {
    path.display().to_string().into()
}

/// Annotation ids as the notes list them: `3, 7`.
fn id_list(ids: &[AnnotationId]) -> String {
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    ids.join(", ")
}

/// One note of each kind (and each kind of recovery), for the tests here and the window's.
#[cfg(test)]
pub(crate) fn samples() -> Vec<BatchNote> {
    let folder = PathBuf::from("out");
    vec![
        BatchNote::Reanchored {
            path: "a.txt.sara.ann.ron".into(),
            stayed: 4,
            moved: 2,
            review: 1,
            orphans: 3,
        },
        BatchNote::Misfits {
            path: "a.txt.sara.ann.ron".into(),
            ids: vec![AnnotationId(3), AnnotationId(7)],
        },
        BatchNote::Replaced {
            path: "out/a.json".into(),
            backup: "out/a.json.bak".into(),
        },
        BatchNote::Reserved {
            origin: "in/a.ann.ron.json".into(),
            written: "a.ann.ron-file".into(),
            wanted: "a.ann.ron".into(),
        },
        BatchNote::Renamed {
            origin: "in/b.json".into(),
            written: "a-2".into(),
            first: "in/a.json".into(),
            wanted: "a".into(),
        },
        Recovery::Busy {
            folder: folder.clone(),
            stage: "out/.hamish-staging-1-0.ready".into(),
        }
        .into(),
        Recovery::Completed {
            folder: folder.clone(),
            done: 2,
            refused: Vec::new(),
        }
        .into(),
        Recovery::Completed {
            folder: folder.clone(),
            done: 1,
            refused: vec![crate::store::formats::staged::Refusal(Arc::new(
                crate::store::formats::FormatError::Io {
                    path: "out/b.json".into(),
                    source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
                },
            ))],
        }
        .into(),
        Recovery::Cleared { folder, staged: 5 }.into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command line's English is what it was before notes were typed.
    #[test]
    fn every_note_reads_as_the_english_it_always_did() {
        let expected = [
            "a.txt.sara.ann.ron: the text changed since it was saved; re-anchored for this run: 4 stay, 2 move, 1 need review, 3 orphans (left out)",
            "a.txt.sara.ann.ron: annotation(s) T3, T7 have ranges that do not fit the text (reversed, or past its end); left out",
            "out/a.json: replaced (--force); the previous version is in out/a.json.bak",
            "in/a.ann.ron.json: written as a.ann.ron-file because a.ann.ron is a name Hamish gives its own files",
            "in/b.json: written as a-2 because in/a.json is also named a",
            "out: another export into this folder is running (out/.hamish-staging-1-0.ready); left alone",
            "out: an earlier export was cut short while putting its files in place; 2 remaining file(s) were put in place now",
            "out: an earlier export was cut short while putting its files in place; 1 remaining file(s) were put in place now; not put in place: out/b.json: permission denied (check that the path exists and is readable/writable)",
            "out: an earlier export was cut short while writing; none of its files had been put in place, and its 5 staged file(s) were removed",
        ];
        let notes = samples();
        assert_eq!(notes.len(), expected.len());
        for (note, english) in notes.iter().zip(expected) {
            assert_eq!(note.to_string(), english);
            assert_eq!(note.message().text, english);
            assert!(note.message().key.is_some(), "{note}");
        }
    }
}
