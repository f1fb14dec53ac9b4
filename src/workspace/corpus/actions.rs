//! The workspace's actions on a corpus: open a folder or several files together, move to another
//! text (the open one is saved first; if it cannot be saved, the move does not happen), set a
//! text's status, stop the background scan; and keeping the open text's summary current.

use super::scan::Scan;
use super::{Corpus, CorpusEntry, CorpusFilter, DocumentSummary};
use crate::model::edit::Edit;
use crate::model::set::DocumentStatus;
use crate::store::walk::{is_text_file_name, walk_files};
use crate::workspace::error::ActionError;
use crate::workspace::open::display_name;
use crate::workspace::outcome::{Changes, Message, Outcome};
use crate::workspace::Workspace;
use std::path::{Path, PathBuf};

impl Workspace {
    /// The corpus open, if any.
    pub fn corpus(&self) -> Option<&Corpus> {
        self.corpus.as_ref()
    }

    /// Takes what the background scan read since the last call; true when the corpus changed.
    pub fn poll_scan(&mut self) -> bool {
        self.corpus.as_mut().is_some_and(Corpus::poll_scan)
    }

    /// Opens the `.txt` files under `folder` as a corpus and its first text.
    pub(in crate::workspace) fn open_folder(
        &mut self,
        folder: &Path,
    ) -> Result<Outcome, ActionError> {
        let found = walk_files(&[folder.to_owned()], &is_text_file_name).map_err(|e| {
            ActionError::Folder {
                path: folder.to_owned(),
                source: e,
            }
        })?;
        let entries: Vec<CorpusEntry> = found
            .into_iter()
            .map(|f| CorpusEntry {
                path: f.path,
                name: f.name,
                summary: None,
            })
            .collect();
        if entries.is_empty() {
            return Err(ActionError::EmptyFolder(folder.to_owned()));
        }
        Ok(self.open_corpus(Corpus::new(Some(folder.to_owned()), entries)))
    }

    /// Opens `paths` (text files) together as a corpus and the first one.
    pub(in crate::workspace) fn open_files(&mut self, paths: &[PathBuf]) -> Outcome {
        let entries = paths
            .iter()
            .map(|p| CorpusEntry {
                path: p.clone(),
                name: display_name(p),
                summary: None,
            })
            .collect();
        self.open_corpus(Corpus::new(None, entries))
    }

    /// Makes `corpus` the open one, starts reading its summaries and opens its first text
    /// (whose failure to open is a message: the browser still lists the others).
    fn open_corpus(&mut self, corpus: Corpus) -> Outcome {
        let first = corpus.entries[0].path.clone();
        let texts = corpus
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i, e.path.clone()))
            .collect();
        let mut corpus = corpus;
        corpus.scan = Some(Scan::start(texts));
        self.corpus = Some(corpus);
        let mut outcome = match self.open_file(&first, None, false) {
            Ok(outcome) => outcome,
            Err(err) => Outcome::default().with_message(
                Message::error(err.to_string())
                    .keyed("first-text-not-opened", vec![("error", err.into())]),
            ),
        };
        outcome.changes.opened = true;
        self.sync_corpus();
        outcome
    }

    /// Saves the open text (if changed) and opens text `index` of the corpus.
    pub(in crate::workspace) fn go_to_document(
        &mut self,
        index: usize,
    ) -> Result<Outcome, ActionError> {
        let corpus = self.corpus.as_ref().ok_or(ActionError::NoCorpus)?;
        let entry = corpus
            .entries
            .get(index)
            .ok_or(ActionError::NoSuchText(index))?;
        if corpus.current == Some(index) {
            return Ok(Outcome::default());
        }
        let path = entry.path.clone();
        let mut messages = Vec::new();
        if self.is_modified() {
            let saved = self.execute(crate::workspace::Action::Save)?;
            if self.is_modified() {
                // A conflict copy: the work is safe on disk, but the user must look first.
                return Ok(saved);
            }
            messages.extend(saved.messages);
        }
        let mut outcome = self.open_file(&path, None, false)?;
        messages.append(&mut outcome.messages);
        outcome.messages = messages;
        Ok(outcome)
    }

    /// Moves to the next (`forward`) or previous text `filter` lists.
    pub(in crate::workspace) fn step_document(
        &mut self,
        forward: bool,
        filter: &CorpusFilter,
    ) -> Result<Outcome, ActionError> {
        let corpus = self.corpus.as_ref().ok_or(ActionError::NoCorpus)?;
        match corpus.step(forward, filter) {
            Some(index) => self.go_to_document(index),
            None => Ok(Outcome::default().with_message(if forward {
                Message::info("This is the last text in the list.").keyed("last-text", vec![])
            } else {
                Message::info("This is the first text in the list.").keyed("first-text", vec![])
            })),
        }
    }

    /// Sets the open text's status (one undo step; saved with its annotations).
    pub(in crate::workspace) fn set_document_status(
        &mut self,
        status: DocumentStatus,
    ) -> Result<Outcome, ActionError> {
        let open = self.editable()?;
        if open.session.set().document_status == status {
            return Ok(Outcome::default());
        }
        open.session.apply(Edit::SetDocumentStatus(status))?;
        Ok(Outcome::changed(Changes {
            annotations: true,
            saved_state: true,
            ..Changes::default()
        }))
    }

    /// Stops the background scan.
    pub(in crate::workspace) fn cancel_scan(&mut self) -> Outcome {
        if let Some(corpus) = &mut self.corpus {
            corpus.cancel_scan();
        }
        Outcome::default()
    }

    /// Points the corpus at the open text (if it is one of its texts) and takes that text's
    /// summary from its session, which may hold unsaved work.
    pub(in crate::workspace) fn sync_corpus(&mut self) {
        let Some(corpus) = self.corpus.as_mut() else {
            return;
        };
        let Some(open) = self.open.as_ref() else {
            corpus.current = None;
            return;
        };
        corpus.current = corpus.index_of(&open.session.source().path);
        if let Some(index) = corpus.current {
            let summary = DocumentSummary::of(open.session.set());
            corpus.set_summary(index, summary);
        }
    }
}
