//! The application layer under the window and the command line: what is open (one text with its
//! annotations now; a folder of texts next) and the typed [`Action`]s on it, each returning an
//! [`Outcome`] that says what changed, what to select and what to tell the user. Free of egui,
//! eframe and clap: both faces call it and neither re-does what it does. Offsets are chars into
//! the open text.

pub mod action;
pub mod batch;
pub mod corpus;
mod edits;
pub mod error;
mod exchange;
mod files;
mod label_all;
pub mod linking;
pub mod open;
pub mod outcome;
pub mod page;
pub mod preferences;
pub mod report;
pub mod schema_files;
pub mod terminal;

pub use action::Action;
pub use error::{ActionError, ExchangeError};
pub use linking::LinkChoice;
pub use open::{OpenText, SAMPLE_FILE_NAME, SAMPLE_TEXT};
pub use outcome::{Changes, ErrorArg, Message, MessageArg, MessageKey, Outcome, Report, Severity};

/// What is open, and the one place actions on it are executed.
#[derive(Debug, Default)]
pub struct Workspace {
    /// Written into new annotations.
    author: String,
    /// The open text, if any.
    open: Option<OpenText>,
    /// The folder (or files) open together, if any.
    corpus: Option<corpus::Corpus>,
}

impl Workspace {
    /// An empty workspace whose new annotations are by `author`.
    pub fn new(author: impl Into<String>) -> Self {
        Self {
            author: author.into(),
            open: None,
            corpus: None,
        }
    }

    /// The open text, if any.
    pub fn open_text(&self) -> Option<&OpenText> {
        self.open.as_ref()
    }

    /// The name written into new annotations.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// Writes `author` into annotations made from now on (the annotator name of the preferences).
    pub fn set_author(&mut self, author: impl Into<String>) {
        self.author = author.into();
        if let Some(open) = self.open.as_mut() {
            open.session.set_author(self.author.clone());
        }
    }

    /// True when the open text has annotation changes that are not saved.
    pub fn is_modified(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.session.is_modified())
    }

    /// Executes `action`. On error nothing changed (the message says why and what to do).
    pub fn execute(&mut self, action: Action) -> Result<Outcome, ActionError> {
        let outcome = self.dispatch(action);
        self.sync_corpus();
        outcome
    }

    fn dispatch(&mut self, action: Action) -> Result<Outcome, ActionError> {
        match action {
            Action::OpenFolder { path } => self.open_folder(&path),
            Action::OpenFiles { paths } if paths.is_empty() => Ok(Outcome::default()),
            Action::OpenFiles { paths } => Ok(self.open_files(&paths)),
            Action::GoToDocument { index } => self.go_to_document(index),
            Action::StepDocument { forward, filter } => self.step_document(forward, &filter),
            Action::SetDocumentStatus { status } => self.set_document_status(status),
            Action::CancelScan => Ok(self.cancel_scan()),
            Action::Open { path, encoding } => self.open_file(&path, encoding, false),
            Action::OpenSample => self.open_sample(),
            Action::Reopen { encoding } => self.reopen(encoding),
            Action::KeepUnsavedWork => Ok(self
                .keep_unsaved_work()
                .into_iter()
                .fold(Outcome::default(), Outcome::with_message)),
            Action::Annotate { label, range } => self.editable()?.annotate(&label, range),
            Action::UseSchemaPreset { folder, preset } => self.use_schema_preset(&folder, &preset),
            Action::SaveFolderSchema { folder, schema } => {
                self.save_folder_schema(&folder, *schema)
            }
            Action::LabelAllHits {
                label,
                query,
                options,
            } => self.editable()?.label_all_hits(&label, &query, options),
            Action::Relabel { id, label } => self.editable()?.relabel(id, &label),
            Action::Delete { id } => self.editable()?.delete(id),
            Action::Link { from, to, kind } => self.editable()?.link(from, to, &kind),
            Action::Unlink { id } => self.editable()?.unlink(id),
            Action::AcceptPlacement { id } => self.editable()?.accept_placement(id),
            Action::ExportPage { path } => self.current()?.export_page(&path),
            Action::SetAttribute {
                id,
                attribute,
                value,
            } => self.editable()?.set_attribute(id, attribute, value),
            Action::SetDocumentAttribute { attribute, value } => {
                self.editable()?.set_document_attribute(attribute, value)
            }
            Action::SetNote { id, note } => self.editable()?.set_note(id, note),
            Action::Undo => self.editable()?.undo_redo(false),
            Action::Redo => self.editable()?.undo_redo(true),
            Action::Save => self.editable()?.save(),
            Action::SaveAs { path } => self.editable()?.save_as(&path),
            Action::OverwriteAfterConflict => self.editable()?.overwrite_after_conflict(),
            Action::RestoreRecovery => self.editable()?.restore_recovery(),
            Action::DiscardRecovery => self.current()?.discard_recovery(),
            Action::DiscardUnsavedWork => Ok(self.current()?.discard_unsaved_work()),
            Action::Import { format, file } => self.editable()?.import(format, &file),
            Action::Export { format, folder } => self.current()?.export(format, &folder),
            Action::OpenAnnotatorVersion { annotator } => self.open_annotator_version(&annotator),
            Action::Agreement => self.current()?.agreement(),
            Action::Check => Ok(self.current()?.check()),
            Action::Stats => Ok(self.current()?.stats()),
        }
    }

    /// The open text when it may be changed: not another annotator's version opened to look at.
    fn editable(&mut self) -> Result<&mut OpenText, ActionError> {
        let open = self.current()?;
        match (&open.annotator, open.read_only) {
            (Some(name), true) => Err(ActionError::ReadOnly {
                annotator: name.to_string(),
            }),
            _ => Ok(open),
        }
    }

    /// The open text, or the error saying there is none.
    fn current(&mut self) -> Result<&mut OpenText, ActionError> {
        self.open.as_mut().ok_or(ActionError::NothingOpen)
    }

    /// Writes autosave's recovery file when it is due at `now`. Returns a message when writing
    /// failed. Nothing is written while a recovery file is on offer (it would be replaced).
    pub fn autosave_tick(&mut self, now: std::time::Instant) -> Option<Message> {
        let open = self.open.as_mut()?;
        if open.session.pending_recovery().is_some() {
            return None;
        }
        open.session.autosave_tick(now).err().map(|err| {
            Message::error(format!("Autosave failed: {err}. Save now.")).keyed(
                "autosave-failed",
                vec![("error", ActionError::Session(err).into())],
            )
        })
    }

    /// When the next autosave is due, if there are unwritten changes.
    pub fn next_autosave(&self) -> Option<std::time::Instant> {
        self.open.as_ref()?.session.next_autosave()
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_corpus;
