//! The text field's own undo history: changes are values (`removed` at a char offset replaced by
//! `inserted`) with apply and invert; typed runs, Backspace runs and Delete runs are grouped so
//! one undo takes back a word, not a letter. Offsets are chars into the field's text. No egui.

use super::edit::{byte_of, FieldSelection};
use crate::offset::CharOffset;

/// Most undo steps kept; the oldest go first.
const MAX_STEPS: usize = 500;

/// One replacement in the field's text: the chars `removed` starting at `at` became `inserted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    /// Where the change starts (chars).
    pub at: CharOffset,
    /// The text that was there.
    pub removed: String,
    /// The text that is there now.
    pub inserted: String,
}

impl TextChange {
    /// Applies the change to `text` (which must hold `removed` at `at`).
    pub fn apply(&self, text: &mut String) {
        let start = byte_of(text, self.at);
        let end = start + self.removed.len();
        debug_assert_eq!(text.get(start..end), Some(self.removed.as_str()));
        text.replace_range(start..end.min(text.len()), &self.inserted);
    }

    /// The change that undoes this one.
    pub fn inverted(&self) -> TextChange {
        TextChange {
            at: self.at,
            removed: self.inserted.clone(),
            inserted: self.removed.clone(),
        }
    }

    /// Where the inserted text ends (chars).
    fn inserted_end(&self) -> CharOffset {
        CharOffset(self.at.0 + self.inserted.chars().count())
    }
}

/// What kind of edit made a change; consecutive edits of a groupable kind become one undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// Typed text (a word at a time: a group ends after white space).
    Typing,
    /// Backspace, char by char towards the start.
    DeleteBackward,
    /// Delete, towards the end.
    DeleteForward,
    /// Anything else (paste, cut, a line break, IME commit of a whole word): a step of its own.
    Other,
}

/// One undo step: changes applied in order, and the selections before and after.
#[derive(Debug, Clone, PartialEq)]
struct UndoStep {
    changes: Vec<TextChange>,
    kind: EditKind,
    before: FieldSelection,
    after: FieldSelection,
    /// Later edits of the same kind may still join this step.
    open: bool,
}

impl UndoStep {
    /// True when `change` of `kind` continues this step.
    fn continues_with(&self, change: &TextChange, kind: EditKind) -> bool {
        let Some(last) = self.changes.last() else {
            return false;
        };
        if !self.open || kind != self.kind {
            return false;
        }
        match kind {
            EditKind::Typing => {
                let word_ended = last.inserted.ends_with(char::is_whitespace)
                    && !change.inserted.starts_with(char::is_whitespace);
                change.removed.is_empty() && change.at == last.inserted_end() && !word_ended
            }
            EditKind::DeleteBackward => {
                change.inserted.is_empty()
                    && change.at.0 + change.removed.chars().count() == last.at.0
            }
            EditKind::DeleteForward => change.inserted.is_empty() && change.at == last.at,
            EditKind::Other => false,
        }
    }
}

/// Undo and redo stacks of one field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UndoHistory {
    undo: Vec<UndoStep>,
    redo: Vec<UndoStep>,
}

impl UndoHistory {
    /// Records `change` (already applied) made by an edit of `kind`, moving the selection from
    /// `before` to `after`. Clears the redo stack.
    pub fn record(
        &mut self,
        change: TextChange,
        kind: EditKind,
        before: FieldSelection,
        after: FieldSelection,
    ) {
        self.redo.clear();
        if let Some(step) = self
            .undo
            .last_mut()
            .filter(|s| s.continues_with(&change, kind))
        {
            step.changes.push(change);
            step.after = after;
            return;
        }
        if let Some(step) = self.undo.last_mut() {
            step.open = false;
        }
        self.undo.push(UndoStep {
            changes: vec![change],
            kind,
            before,
            after,
            open: kind != EditKind::Other,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Ends the current group (the caret moved, or the field lost focus): the next edit starts a
    /// new undo step.
    pub fn close_group(&mut self) {
        if let Some(step) = self.undo.last_mut() {
            step.open = false;
        }
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Takes back the last step on `text`; returns the selection to restore.
    pub fn undo(&mut self, text: &mut String) -> Option<FieldSelection> {
        let mut step = self.undo.pop()?;
        for change in step.changes.iter().rev() {
            change.inverted().apply(text);
        }
        step.open = false;
        let selection = step.before;
        self.redo.push(step);
        Some(selection)
    }

    /// Does again the last undone step on `text`; returns the selection to restore.
    pub fn redo(&mut self, text: &mut String) -> Option<FieldSelection> {
        let step = self.redo.pop()?;
        for change in &step.changes {
            change.apply(text);
        }
        let selection = step.after;
        self.undo.push(step);
        Some(selection)
    }

    /// Forgets everything (the caller replaced the text).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(at: usize, removed: &str, inserted: &str) -> TextChange {
        TextChange {
            at: CharOffset(at),
            removed: removed.to_owned(),
            inserted: inserted.to_owned(),
        }
    }

    fn caret(at: usize) -> FieldSelection {
        FieldSelection::caret(CharOffset(at))
    }

    #[test]
    fn a_change_applied_then_inverted_gives_the_text_back() {
        let mut text = "قال الوزير".to_owned();
        let c = change(4, "الوزير", "المصدر");
        c.apply(&mut text);
        assert_eq!(text, "قال المصدر");
        c.inverted().apply(&mut text);
        assert_eq!(text, "قال الوزير");
    }

    #[test]
    fn typing_groups_by_word_and_undo_takes_back_one_word() {
        let mut text = String::new();
        let mut history = UndoHistory::default();
        for (i, ch) in "قال نعم".chars().enumerate() {
            let c = change(i, "", &ch.to_string());
            c.apply(&mut text);
            history.record(c, EditKind::Typing, caret(i), caret(i + 1));
        }
        assert_eq!(text, "قال نعم");
        assert_eq!(history.undo(&mut text), Some(caret(4)));
        assert_eq!(text, "قال ");
        assert_eq!(history.undo(&mut text), Some(caret(0)));
        assert_eq!(text, "");
        assert!(!history.can_undo());
        assert_eq!(history.redo(&mut text), Some(caret(4)));
        assert_eq!(history.redo(&mut text), Some(caret(7)));
        assert_eq!(text, "قال نعم");
    }

    #[test]
    fn a_caret_move_or_another_kind_starts_a_new_step() {
        let mut text = "ab".to_owned();
        let mut history = UndoHistory::default();
        let typed = change(2, "", "c");
        typed.apply(&mut text);
        history.record(typed, EditKind::Typing, caret(2), caret(3));
        history.close_group();
        let typed = change(3, "", "d");
        typed.apply(&mut text);
        history.record(typed, EditKind::Typing, caret(3), caret(4));
        let erased = change(3, "d", "");
        erased.apply(&mut text);
        history.record(erased, EditKind::DeleteBackward, caret(4), caret(3));
        assert_eq!(text, "abc");
        history.undo(&mut text);
        assert_eq!(text, "abcd");
        history.undo(&mut text);
        assert_eq!(text, "abc");
        history.undo(&mut text);
        assert_eq!(text, "ab");
    }

    #[test]
    fn backspace_runs_group_only_when_contiguous() {
        let mut text = "abcd".to_owned();
        let mut history = UndoHistory::default();
        for at in [3, 2] {
            let removed = text.chars().nth(at).unwrap().to_string();
            let c = change(at, &removed, "");
            c.apply(&mut text);
            history.record(c, EditKind::DeleteBackward, caret(at + 1), caret(at));
        }
        assert_eq!(text, "ab");
        assert_eq!(history.undo(&mut text), Some(caret(4)));
        assert_eq!(text, "abcd");
        assert!(!history.can_undo());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut text = String::new();
        let mut history = UndoHistory::default();
        let c = change(0, "", "x");
        c.apply(&mut text);
        history.record(c, EditKind::Other, caret(0), caret(1));
        history.undo(&mut text);
        assert!(history.can_redo());
        let c = change(0, "", "y");
        c.apply(&mut text);
        history.record(c, EditKind::Other, caret(0), caret(1));
        assert!(!history.can_redo());
    }
}
