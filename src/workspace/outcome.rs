//! What an executed action did: which kinds of state changed (so a face refreshes what depends on
//! them, in one place), what to select afterwards, what to tell the user, and any report the
//! action produced. No egui here: the window turns messages into its notices.

use super::action::Action;
use super::batch::stats::DocumentStats;
use super::error::ActionError;
use crate::agree::AgreementReport;
use crate::model::annotation::AnnotationId;
use crate::model::validate::Problem;
use crate::store::formats::LossReport;
use crate::store::sidecar::SidecarError;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// Which kinds of state an action changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Another text is open (everything shown must be rebuilt).
    pub opened: bool,
    /// Annotations were added, removed or changed (labels, attributes, notes, status).
    pub annotations: bool,
    /// Relations were added or removed.
    pub relations: bool,
    /// Some annotation covers other chars than before.
    pub ranges: bool,
    /// Whether the annotations are saved changed (saved, or newly modified).
    pub saved_state: bool,
}

impl Changes {
    /// True when anything shown about annotations (highlights, lists) must be rebuilt.
    pub fn annotations_shown(&self) -> bool {
        self.opened || self.annotations || self.relations || self.ranges
    }

    /// Everything changed (after open, undo, redo, restore, import).
    pub fn everything() -> Self {
        Self {
            opened: false,
            annotations: true,
            relations: true,
            ranges: true,
            saved_state: true,
        }
    }
}

/// How serious a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something was not done.
    Error,
    /// Done, but the user should look.
    Warning,
    /// Done as asked (a confirmation).
    Info,
}

/// One thing to tell the user: what happened and what to do, with an optional follow-up action.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// How serious it is.
    pub severity: Severity,
    /// The text, naming the file and what to do.
    pub text: String,
    /// A follow-up the user may choose (button label, action), e.g. "Overwrite anyway".
    pub offer: Option<(String, Action)>,
    /// The message's id and arguments, for a window that shows it in another language
    /// (`assets/i18n/*.ftl`); `text` is the English, which everything else shows.
    pub key: Option<MessageKey>,
}

/// A message's id in the interface's message files and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageKey {
    /// The id, e.g. `saved-annotations`.
    pub id: &'static str,
    /// The arguments by name.
    pub args: Vec<(&'static str, MessageArg)>,
}

/// An argument of a [`MessageKey`].
#[derive(Debug, Clone, PartialEq)]
pub enum MessageArg {
    /// A count (chooses the plural form).
    Number(i64),
    /// A name, a path or a label.
    Text(String),
    /// An error the message reports, for the face to word in its language.
    Error(ErrorArg),
}

/// An error named inside a message (shared, since errors are not `Clone`).
#[derive(Debug, Clone)]
pub enum ErrorArg {
    /// An action's error.
    Action(Arc<ActionError>),
    /// An annotations or project file that could not be read.
    Sidecar(Arc<SidecarError>),
    /// A text file that could not be read or decoded.
    Decode(Arc<crate::store::decode::DecodeError>),
    /// Files of an import or export that could not be read or written, each with its reason.
    Formats(Vec<Arc<crate::store::formats::FormatError>>),
}

impl fmt::Display for ErrorArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Action(err) => err.fmt(f),
            Self::Sidecar(err) => err.fmt(f),
            Self::Decode(err) => err.fmt(f),
            Self::Formats(errs) => {
                let said: Vec<String> = errs.iter().map(ToString::to_string).collect();
                f.write_str(&said.join("; "))
            }
        }
    }
}

impl PartialEq for ErrorArg {
    /// Errors are equal when they say the same.
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}

impl From<ActionError> for MessageArg {
    fn from(err: ActionError) -> Self {
        Self::Error(ErrorArg::Action(Arc::new(err)))
    }
}

impl From<SidecarError> for MessageArg {
    fn from(err: SidecarError) -> Self {
        Self::Error(ErrorArg::Sidecar(Arc::new(err)))
    }
}

impl From<usize> for MessageArg {
    fn from(n: usize) -> Self {
        Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<String> for MessageArg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for MessageArg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl Message {
    /// An error.
    pub fn error(text: impl Into<String>) -> Self {
        Self::new(Severity::Error, text)
    }

    /// A warning.
    pub fn warning(text: impl Into<String>) -> Self {
        Self::new(Severity::Warning, text)
    }

    /// A confirmation.
    pub fn info(text: impl Into<String>) -> Self {
        Self::new(Severity::Info, text)
    }

    fn new(severity: Severity, text: impl Into<String>) -> Self {
        Self {
            severity,
            text: text.into(),
            offer: None,
            key: None,
        }
    }

    /// The same message with its id `id` and arguments in the interface's message files.
    pub fn keyed(mut self, id: &'static str, args: Vec<(&'static str, MessageArg)>) -> Self {
        self.key = Some(MessageKey { id, args });
        self
    }

    /// The same message with a follow-up action.
    pub fn with_offer(mut self, label: impl Into<String>, action: Action) -> Self {
        self.offer = Some((label.into(), action));
        self
    }
}

/// A result an action produced besides its changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Report {
    /// Files written by an export, and what the format could not hold.
    Exported {
        /// The files, in the order written.
        files: Vec<PathBuf>,
        /// What was lost.
        losses: LossReport,
    },
    /// Annotations added by an import, and what could not be read.
    Imported {
        /// How many annotations were added.
        annotations: usize,
        /// What was lost.
        losses: LossReport,
    },
    /// Problems found by a check (empty: all fine).
    Checked(Vec<Problem>),
    /// Counts of the open annotations.
    Stats(DocumentStats),
    /// Agreement between the annotators' files of the open text.
    Agreement(AgreementReport),
}

/// What an action did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Which kinds of state changed.
    pub changes: Changes,
    /// The annotation to show as selected afterwards (a new or relabelled one).
    pub select: Option<AnnotationId>,
    /// What to tell the user.
    pub messages: Vec<Message>,
    /// A result to show, if the action produced one.
    pub report: Option<Report>,
}

impl Outcome {
    /// An outcome with these changes and nothing else.
    pub fn changed(changes: Changes) -> Self {
        Self {
            changes,
            ..Self::default()
        }
    }

    /// The same outcome with one more message.
    pub fn with_message(mut self, message: Message) -> Self {
        self.messages.push(message);
        self
    }
}
