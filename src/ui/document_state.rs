//! The open document as the window holds it: the session, what the status bar says about it, the
//! selected annotation, and the side panel rows rebuilt after each change. Applies the
//! annotation commands (add, delete, undo, redo, save, recovery) to the session and returns the
//! messages they produce. Offsets are chars into the decoded text.

use super::annotation_panel::{annotation_rows, AnnotationRow};
use super::file_load::{reanchor_message, OpenedDocument};
use super::highlights::{highlights_for, Highlight};
use super::notices::Notice;
use crate::model::annotation::AnnotationId;
use crate::model::edit::Edit;
use crate::model::text_format::TextEncoding;
use crate::offset::{CharOffset, CharRange};
use crate::store::atomic::{ConflictReason, SaveOutcome};
use crate::store::session::AnnotationSession;

/// An open document and the window's view of it.
#[derive(Debug)]
pub struct DocumentState {
    /// The session (text, annotations, history, files).
    pub session: AnnotationSession,
    /// The name shown in the title and the status bar.
    pub name: String,
    /// The encoding the text was decoded from.
    pub encoding: TextEncoding,
    /// True when the encoding was guessed.
    pub encoding_guessed: bool,
    /// True for the copy of the bundled sample.
    pub is_sample: bool,
    /// The annotation chosen in the panel or by clicking in it.
    pub selected: Option<AnnotationId>,
    /// True when the recovery offer was put off until the next open.
    pub recovery_postponed: bool,
    rows: Vec<AnnotationRow>,
}

impl DocumentState {
    /// The window's state for a just-opened document.
    pub fn new(opened: OpenedDocument, is_sample: bool) -> Self {
        let path = &opened.session.source().path;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut state = Self {
            name,
            encoding: opened.encoding,
            encoding_guessed: opened.encoding_guessed,
            is_sample,
            selected: None,
            recovery_postponed: false,
            rows: Vec::new(),
            session: opened.session,
        };
        state.refresh();
        state
    }

    /// The side panel rows, in text order.
    pub fn rows(&self) -> &[AnnotationRow] {
        &self.rows
    }

    /// The highlights to paint for the current set.
    pub fn highlights(&self) -> Vec<Highlight> {
        highlights_for(self.session.set(), self.session.schema(), self.selected)
    }

    /// The encoding as the status bar shows it: "Windows-1256 (guessed)".
    pub fn encoding_label(&self) -> String {
        let name = self.encoding.display_name();
        if self.encoding_guessed {
            format!("{name} (guessed)")
        } else {
            name.to_owned()
        }
    }

    /// Rebuilds what depends on the set (after any change to it).
    pub fn refresh(&mut self) {
        if self
            .selected
            .is_some_and(|id| self.session.set().annotation(id).is_none())
        {
            self.selected = None;
        }
        self.rows = annotation_rows(
            self.session.set(),
            self.session.schema(),
            &self.session.source().text,
        );
    }

    /// Annotates `range` (trimmed of surrounding white space) with the label bound to `hotkey`.
    /// Returns a message when nothing was added and why.
    pub fn annotate(&mut self, hotkey: char, range: CharRange) -> Result<AnnotationId, Notice> {
        let schema = self.session.schema();
        let Some(label) = schema.label_for_hotkey(hotkey) else {
            return Err(Notice::info(format!(
                "No label has the key {hotkey} in the schema “{}”.",
                schema.name_en
            )));
        };
        let range = trim_white_space(&self.session.source().text, range);
        if range.is_empty() {
            return Err(Notice::info(
                "Select some text first (drag over it), then press a label key.",
            ));
        }
        let annotation = self.session.new_annotation(label.id.clone(), vec![range]);
        let id = annotation.id;
        self.session
            .apply(Edit::AddAnnotation(annotation))
            .map_err(|e| Notice::error(e.to_string()))?;
        self.selected = Some(id);
        self.refresh();
        Ok(id)
    }

    /// Removes the selected annotation (and its relations), as one undo step.
    pub fn delete_selected(&mut self) -> Result<(), Notice> {
        let Some(id) = self.selected else {
            return Ok(());
        };
        self.session
            .apply(Edit::RemoveAnnotation(id))
            .map_err(|e| Notice::error(e.to_string()))?;
        self.selected = None;
        self.refresh();
        Ok(())
    }

    /// Undoes (`redo == false`) or redoes one step.
    pub fn undo_redo(&mut self, redo: bool) -> Result<(), Notice> {
        let done = if redo {
            self.session.redo()
        } else {
            self.session.undo()
        };
        done.map_err(|e| Notice::error(e.to_string()))?;
        self.refresh();
        Ok(())
    }

    /// The innermost annotation at `offset` (the shortest one covering it).
    pub fn annotation_at(&self, offset: CharOffset) -> Option<AnnotationId> {
        self.session
            .set()
            .at(offset)
            .into_iter()
            .min_by_key(|a| a.ranges.iter().map(|r| r.len()).sum::<usize>())
            .map(|a| a.id)
    }

    /// Saves the annotations next to the text; the message says where they went.
    pub fn save(&mut self) -> Notice {
        match self.session.save() {
            Ok(SaveOutcome::Saved) => Notice::info(format!(
                "Saved {} annotation(s) to {}.",
                self.session.set().len(),
                self.session.sidecar_path().display()
            )),
            Ok(SaveOutcome::ConflictCopy { copy, reason }) => {
                let why = match reason {
                    ConflictReason::ChangedOnDisk => "the annotations file changed on disk",
                    ConflictReason::CreatedOnDisk => {
                        "an annotations file appeared on disk after this one was opened"
                    }
                    ConflictReason::UnparseableOnDisk => {
                        "the annotations file on disk cannot be read"
                    }
                };
                let notice = Notice::warning(format!(
                    "Not saved over {}: {why}; your version was saved as {}. Compare the two, \
                     or overwrite the file on disk (it is kept as .bak).",
                    self.session.sidecar_path().display(),
                    copy.display()
                ));
                if reason == ConflictReason::UnparseableOnDisk {
                    notice
                } else {
                    notice.with_action(
                        "Overwrite anyway",
                        super::commands::Command::OverwriteAfterConflict,
                    )
                }
            }
            Err(err) => Notice::error(format!("Not saved: {err}")),
        }
    }

    /// After a conflict: accepts the file on disk as replaced and saves over it.
    pub fn overwrite_after_conflict(&mut self) -> Notice {
        match self.session.take_over_sidecar() {
            Ok(()) => self.save(),
            Err(err) => Notice::error(format!("Not saved: {err}")),
        }
    }

    /// Restores the recovery file; the message says whether it had to be re-anchored.
    pub fn restore_recovery(&mut self) -> Notice {
        let notice = match self.session.restore_recovery() {
            Ok(None) => Notice::info(format!(
                "Restored {} annotation(s) from the recovery file; save (Ctrl+S) to keep them.",
                self.session.set().len()
            )),
            Ok(Some(summary)) => {
                Notice::warning(reanchor_message(&summary, self.session.sidecar_path()))
            }
            Err(err) => Notice::error(format!("Could not restore: {err}")),
        };
        self.refresh();
        notice
    }

    /// Deletes the recovery file.
    pub fn discard_recovery(&mut self) -> Option<Notice> {
        self.session
            .discard_recovery()
            .err()
            .map(|e| Notice::error(format!("Could not delete the recovery file: {e}")))
    }
}

/// `range` without white space at either end (an empty range when it holds only white space).
pub fn trim_white_space(text: &str, range: CharRange) -> CharRange {
    let chars: Vec<char> = text.chars().skip(range.start.0).take(range.len()).collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    if lead == chars.len() {
        return CharRange::from_indices(range.start.0, range.start.0);
    }
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    CharRange::from_indices(range.start.0 + lead, range.start.0 + chars.len() - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_drops_spaces_and_line_breaks_at_the_ends_only() {
        let text = "قال \r\nالوزير إن ";
        assert_eq!(
            trim_white_space(text, CharRange::from_indices(3, 16)),
            CharRange::from_indices(6, 15)
        );
        assert!(trim_white_space(text, CharRange::from_indices(3, 6)).is_empty());
    }
}
