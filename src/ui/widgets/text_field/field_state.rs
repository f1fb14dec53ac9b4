//! The text field's state between frames (selection, undo history, IME composition, the column
//! kept by Up/Down, horizontal scroll) and how each [`FieldAction`] changes it and the caller's
//! text. No egui: the clipboard and "submitted" come back as an [`Effect`]. Offsets are chars.

use super::caret::moved;
use super::edit::{byte_of, char_len, single_line, EditState, FieldSelection};
use super::input::FieldAction;
use super::undo::EditKind;
use crate::offset::{CharOffset, CharRange};
use crate::text::Cursor;
use crate::ui::widgets::placed_text::PlacedText;
use std::hash::{DefaultHasher, Hash, Hasher};

/// What an action did beyond changing the state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effect {
    /// The text changed.
    pub changed: bool,
    /// Text to put on the clipboard (copy, cut).
    pub copied: Option<String>,
    /// Enter in a single-line field: editing is done.
    pub submitted: bool,
}

/// Everything a field keeps between frames.
#[derive(Debug, Clone, Default)]
pub struct FieldState {
    /// Selection and undo history.
    pub edit: EditState,
    /// The IME's composition in progress, shown at the caret but not yet in the text.
    pub preedit: Option<String>,
    /// The column kept across Up/Down, px in the field's box.
    pub preferred_x: Option<f32>,
    /// How far a single-line field is scrolled to the right, px.
    pub scroll_x: f32,
    /// Hash of the text as the field left it, to notice when the caller replaced it.
    seen: Option<u64>,
}

fn hash_of(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl FieldState {
    /// Called before handling a frame: when the caller changed the text since the last frame, the
    /// undo history (which no longer matches it) and the composition are dropped and the
    /// selection is kept inside the text.
    pub fn sync(&mut self, text: &str) {
        let hash = hash_of(text);
        if self.seen.is_some_and(|seen| seen != hash) {
            self.edit.history.clear();
            self.preedit = None;
        }
        self.seen = Some(hash);
        self.edit.clamp(text);
    }

    /// Called after handling a frame, with the text as the field leaves it.
    pub fn remember(&mut self, text: &str) {
        self.seen = Some(hash_of(text));
    }

    /// The field lost focus: the composition is dropped and the undo group ends.
    pub fn lose_focus(&mut self) {
        self.preedit = None;
        self.edit.history.close_group();
    }

    /// The text as shown: with the composition inserted at the caret, and the composition's range.
    pub fn display_text(&self, text: &str) -> (String, Option<CharRange>) {
        match self.preedit.as_deref().filter(|p| !p.is_empty()) {
            Some(preedit) => {
                let at = self.edit.selection.focus.offset;
                let mut shown = text.to_owned();
                shown.insert_str(byte_of(text, at), preedit);
                let range = CharRange::from_indices(at.0, at.0 + char_len(preedit));
                (shown, Some(range))
            }
            None => (text.to_owned(), None),
        }
    }

    /// The caret as shown in [`Self::display_text`] (after the composition, if any).
    pub fn display_caret(&self) -> Cursor {
        let focus = self.edit.selection.focus;
        match self.preedit.as_deref() {
            Some(p) if !p.is_empty() => Cursor::before(CharOffset(focus.offset.0 + char_len(p))),
            _ => focus,
        }
    }

    /// Applies `action` to `text`. `placed` lays out a text as the field shows it (for caret
    /// movement); `multiline` allows line breaks.
    pub fn apply(
        &mut self,
        action: &FieldAction,
        text: &mut String,
        multiline: bool,
        placed: impl Fn(&str) -> PlacedText,
    ) -> Effect {
        let composing = self.preedit.as_deref().is_some_and(|p| !p.is_empty());
        let mut effect = Effect::default();
        let edit = &mut self.edit;
        let clean = |s: &str| -> String {
            if multiline {
                s.to_owned()
            } else {
                single_line(s).into_owned()
            }
        };
        match action {
            // While the IME composes, keys belong to it; it sends the result as a commit.
            FieldAction::Move { .. }
            | FieldAction::Backspace
            | FieldAction::Delete
            | FieldAction::DeleteWord { .. }
            | FieldAction::Enter
                if composing => {}
            FieldAction::Move { motion, extend } => {
                let layout = placed(text);
                let to = moved(
                    &layout,
                    edit.selection,
                    *motion,
                    *extend,
                    &mut self.preferred_x,
                );
                edit.move_to(to, *extend);
            }
            FieldAction::SelectAll => edit.select_all(text),
            FieldAction::Type(s) => effect.changed = edit.insert(text, &clean(s), EditKind::Typing),
            FieldAction::Paste(s) => effect.changed = edit.insert(text, &clean(s), EditKind::Other),
            FieldAction::Copy => {
                effect.copied = Some(edit.selected_text(text).to_owned()).filter(|s| !s.is_empty())
            }
            FieldAction::Cut => {
                effect.copied = edit.cut(text);
                effect.changed = effect.copied.is_some();
            }
            FieldAction::Backspace => effect.changed = edit.backspace(text),
            FieldAction::Delete => effect.changed = edit.delete_forward(text),
            FieldAction::DeleteWord { forward } => {
                effect.changed = edit.delete_word(text, *forward)
            }
            FieldAction::Undo => effect.changed = edit.undo(text),
            FieldAction::Redo => effect.changed = edit.redo(text),
            FieldAction::Enter if multiline => {
                effect.changed = edit.insert(text, "\n", EditKind::Other);
            }
            FieldAction::Enter => effect.submitted = true,
            FieldAction::Preedit(_)
            | FieldAction::Commit(_)
            | FieldAction::DeleteSurrounding { .. } => {
                effect.changed = self.apply_ime(action, text, &clean);
            }
        }
        effect
    }

    /// Applies an IME action; returns true when the text changed.
    fn apply_ime(
        &mut self,
        action: &FieldAction,
        text: &mut String,
        clean: &dyn Fn(&str) -> String,
    ) -> bool {
        let composing = self.preedit.as_deref().is_some_and(|p| !p.is_empty());
        let mut changed = false;
        match action {
            FieldAction::Preedit(p) => {
                if !composing && !p.is_empty() && !self.edit.selection.is_caret() {
                    // The composition replaces the selection, as typing would.
                    changed = self.edit.insert(text, "", EditKind::Other);
                }
                self.preedit = Some(p.clone()).filter(|p| !p.is_empty());
            }
            FieldAction::Commit(s) => {
                self.preedit = None;
                changed = self.edit.insert(text, &clean(s), EditKind::Typing);
            }
            FieldAction::DeleteSurrounding { before, after } => {
                let at = self.edit.selection.focus.offset.0;
                let range = CharRange::from_indices(
                    at.saturating_sub(*before),
                    (at + after).min(char_len(text)),
                );
                self.edit.selection = FieldSelection {
                    anchor: Cursor::after(range.start),
                    focus: Cursor::before(range.end),
                };
                changed = self.edit.insert(text, "", EditKind::Other);
            }
            _ => {}
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{
        BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout, VisualDirection,
    };
    use crate::ui::widgets::placed_text::TextAlign;
    use crate::ui::widgets::text_field::caret::Motion;
    use std::sync::Arc;

    fn placed(text: &str) -> PlacedText {
        let params = LayoutParams {
            width: 100_000.0,
            font_size: 16.0,
            direction: BaseDirection::Auto,
            line_height: 1.6,
        };
        let layout = TextLayout::new(
            text,
            &FontSet::embedded(),
            &params,
            &mut LayoutCache::default(),
        );
        PlacedText::new(Arc::new(layout), Some(300.0), TextAlign::Auto)
    }

    fn run(state: &mut FieldState, text: &mut String, actions: &[FieldAction]) -> Vec<Effect> {
        actions
            .iter()
            .map(|a| state.apply(a, text, false, placed))
            .collect()
    }

    #[test]
    fn ime_composition_is_shown_at_the_caret_and_committed_once() {
        let mut text = "قال ".to_owned();
        let mut state = FieldState::default();
        state.edit.selection = FieldSelection::caret(CharOffset(4));
        run(
            &mut state,
            &mut text,
            &[
                FieldAction::Preedit("عر".to_owned()),
                FieldAction::Backspace,
            ],
        );
        assert_eq!(text, "قال ", "keys go to the IME while it composes");
        let (shown, range) = state.display_text(&text);
        assert_eq!(shown, "قال عر");
        assert_eq!(range, Some(CharRange::from_indices(4, 6)));
        assert_eq!(state.display_caret().offset, CharOffset(6));
        let effects = run(
            &mut state,
            &mut text,
            &[FieldAction::Commit("عربي".to_owned())],
        );
        assert!(effects[0].changed);
        assert_eq!(text, "قال عربي");
        assert_eq!(state.preedit, None);
        assert_eq!(state.edit.selection, FieldSelection::caret(CharOffset(8)));
    }

    #[test]
    fn enter_submits_a_single_line_field_and_paste_loses_line_breaks() {
        let mut text = String::new();
        let mut state = FieldState::default();
        let effects = run(
            &mut state,
            &mut text,
            &[
                FieldAction::Paste("سطر\nآخر".to_owned()),
                FieldAction::Enter,
            ],
        );
        assert_eq!(text, "سطر آخر");
        assert!(effects[1].submitted);
        assert!(
            state
                .apply(&FieldAction::Enter, &mut text, true, placed)
                .changed
        );
        assert_eq!(text, "سطر آخر\n");
    }

    #[test]
    fn shift_arrows_select_and_copy_gives_logical_order() {
        let mut text = "قال Obama".to_owned();
        let mut state = FieldState::default();
        let left = FieldAction::Move {
            motion: Motion::Visual(VisualDirection::Left),
            extend: true,
        };
        let effects = run(
            &mut state,
            &mut text,
            &[left.clone(), left.clone(), left, FieldAction::Copy],
        );
        assert_eq!(effects[3].copied.as_deref(), Some("قال"));
    }

    #[test]
    fn a_text_replaced_by_the_caller_forgets_the_undo_history() {
        let mut text = String::new();
        let mut state = FieldState::default();
        state.sync(&text);
        run(&mut state, &mut text, &[FieldAction::Type("a".to_owned())]);
        state.remember(&text);
        state.sync(&text);
        assert!(state.edit.history.can_undo());
        text = "something else".to_owned();
        state.sync(&text);
        assert!(!state.edit.history.can_undo());
    }
}
