//! egui input events of one frame turned into the text field's actions: typing, movement keys,
//! deletion, clipboard, undo/redo, Enter and IME composition. Letter shortcuts match the logical
//! key or the physical one, so Ctrl+Z works with an Arabic layout active (Ctrl+ئ).

use super::caret::Motion;
use crate::text::VisualDirection;
use egui::{Event, ImeEvent, Key, Modifiers};

/// What the user asked the field to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldAction {
    /// Move the caret; `extend` (Shift) moves only the selection's moving end.
    Move {
        /// Where to.
        motion: Motion,
        /// Shift is held.
        extend: bool,
    },
    /// Ctrl+A.
    SelectAll,
    /// Typed text.
    Type(String),
    /// Pasted text.
    Paste(String),
    /// Copy the selection to the clipboard.
    Copy,
    /// Cut the selection to the clipboard.
    Cut,
    /// Backspace: the selection or one code point before the caret.
    Backspace,
    /// Delete: the selection or one grapheme after the caret.
    Delete,
    /// Ctrl+Backspace (`forward` false) or Ctrl+Delete: to the word edge.
    DeleteWord {
        /// Towards the end of the text.
        forward: bool,
    },
    /// Ctrl+Z.
    Undo,
    /// Ctrl+Y or Ctrl+Shift+Z.
    Redo,
    /// Enter: a line break in a multi-line field, "submitted" in a single-line one.
    Enter,
    /// The IME's composition in progress (empty: composition ended without text).
    Preedit(String),
    /// The IME's final text.
    Commit(String),
    /// The IME asks to delete chars around the caret.
    DeleteSurrounding {
        /// Chars before the caret.
        before: usize,
        /// Chars after the caret.
        after: usize,
    },
}

/// True when `key` (logical) or `physical` is `wanted`.
fn is_key(key: Key, physical: Option<Key>, wanted: Key) -> bool {
    key == wanted || physical == Some(wanted)
}

/// The action for one key press, if the field handles that key.
fn key_action(key: Key, physical: Option<Key>, m: Modifiers) -> Option<FieldAction> {
    let extend = m.shift;
    let word = m.ctrl || m.alt;
    let motion = |motion| Some(FieldAction::Move { motion, extend });
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let dir = if key == Key::ArrowLeft {
                VisualDirection::Left
            } else {
                VisualDirection::Right
            };
            if word {
                motion(Motion::Word(dir))
            } else {
                motion(Motion::Visual(dir))
            }
        }
        Key::ArrowUp => motion(Motion::Up),
        Key::ArrowDown => motion(Motion::Down),
        Key::Home if m.command => motion(Motion::TextStart),
        Key::End if m.command => motion(Motion::TextEnd),
        Key::Home => motion(Motion::LineStart),
        Key::End => motion(Motion::LineEnd),
        Key::Backspace if word => Some(FieldAction::DeleteWord { forward: false }),
        Key::Backspace => Some(FieldAction::Backspace),
        Key::Delete if word => Some(FieldAction::DeleteWord { forward: true }),
        Key::Delete => Some(FieldAction::Delete),
        Key::Enter => Some(FieldAction::Enter),
        _ if !m.command => None,
        _ if is_key(key, physical, Key::A) => Some(FieldAction::SelectAll),
        _ if is_key(key, physical, Key::Z) && m.shift => Some(FieldAction::Redo),
        _ if is_key(key, physical, Key::Z) => Some(FieldAction::Undo),
        _ if is_key(key, physical, Key::Y) => Some(FieldAction::Redo),
        _ => None,
    }
}

/// The IME event as an action.
fn ime_action(event: &ImeEvent) -> Option<FieldAction> {
    match event {
        ImeEvent::Preedit { text, .. } => Some(FieldAction::Preedit(text.clone())),
        ImeEvent::Commit(text) => Some(FieldAction::Commit(text.clone())),
        ImeEvent::DeleteSurrounding {
            before_chars,
            after_chars,
        } => Some(FieldAction::DeleteSurrounding {
            before: *before_chars,
            after: *after_chars,
        }),
        #[allow(deprecated)]
        ImeEvent::Enabled | ImeEvent::Disabled => None,
    }
}

/// The field's actions for this frame's `events`, in order.
pub fn field_actions(events: &[Event]) -> Vec<FieldAction> {
    events
        .iter()
        .filter_map(|event| match event {
            Event::Text(text) if !text.is_empty() && text != "\n" && text != "\r" => {
                Some(FieldAction::Type(text.clone()))
            }
            Event::Paste(text) if !text.is_empty() => Some(FieldAction::Paste(text.clone())),
            Event::Copy => Some(FieldAction::Copy),
            Event::Cut => Some(FieldAction::Cut),
            Event::Key {
                key,
                physical_key,
                pressed: true,
                modifiers,
                ..
            } => key_action(*key, *physical_key, *modifiers),
            Event::Ime(ime) => ime_action(ime),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: Key, physical: Option<Key>, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: physical,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    #[test]
    fn arrows_with_ctrl_and_shift_become_word_moves_that_extend() {
        let actions = field_actions(&[press(
            Key::ArrowLeft,
            None,
            Modifiers::CTRL | Modifiers::SHIFT,
        )]);
        assert_eq!(
            actions,
            [FieldAction::Move {
                motion: Motion::Word(VisualDirection::Left),
                extend: true
            }]
        );
    }

    #[test]
    fn undo_redo_work_by_physical_key_on_an_arabic_layout() {
        // On an Arabic layout egui reports no logical Z; the physical key is still Z.
        let actions = field_actions(&[
            press(Key::Quote, Some(Key::Z), Modifiers::COMMAND),
            press(Key::Z, None, Modifiers::COMMAND | Modifiers::SHIFT),
            press(Key::Y, None, Modifiers::COMMAND),
            press(Key::Z, None, Modifiers::NONE),
        ]);
        assert_eq!(
            actions,
            [FieldAction::Undo, FieldAction::Redo, FieldAction::Redo]
        );
    }

    #[test]
    fn text_clipboard_and_ime_events_map_to_actions() {
        let actions = field_actions(&[
            Event::Text("بَ".to_owned()),
            Event::Text("\n".to_owned()),
            Event::Copy,
            Event::Paste("x".to_owned()),
            Event::Ime(ImeEvent::Preedit {
                text: "ع".to_owned(),
                active_range_chars: None,
            }),
            Event::Ime(ImeEvent::Commit("عربي".to_owned())),
        ]);
        assert_eq!(
            actions,
            [
                FieldAction::Type("بَ".to_owned()),
                FieldAction::Copy,
                FieldAction::Paste("x".to_owned()),
                FieldAction::Preedit("ع".to_owned()),
                FieldAction::Commit("عربي".to_owned()),
            ]
        );
    }
}
