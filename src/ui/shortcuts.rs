//! The key handler: this frame's key presses, typed characters and copy events, matched against
//! the command table (`command_table.rs`) and turned into commands, once per frame.
//!
//! While a text field (any focused widget other than the document view) has keyboard focus, only
//! the commands marked for it fire (Ctrl shortcuts like Ctrl+S); a field's own keys, Ctrl+Z and
//! Ctrl+C included, stay the field's.

use super::command_table::{Chord, CommandSpec, Mods, Trigger, COMMANDS};
use super::commands::Command;
use super::document_view::document_view_id;
use egui::{Event, Key};

/// Reads this frame's input and returns the commands of the table it triggers, in input order.
pub fn shortcuts_ui(ctx: &egui::Context) -> Vec<Command> {
    let field_focused = text_field_has_focus(ctx);
    ctx.input(|input| commands_for_events(&input.events, field_focused))
}

/// True when a widget other than the document view has keyboard focus (a text field, or a
/// button reached with Tab).
pub fn text_field_has_focus(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused())
        .is_some_and(|id| id != document_view_id())
}

/// The commands `events` trigger (`field_focused`: a text field has keyboard focus).
///
/// A key press usually comes with the character it types (`Key(Num1)` then `Text("1")`, or
/// `Text("١")` on an Arabic layout): that character is part of the same press, not a second one.
/// A character that arrives alone (from an input method) triggers its command by itself.
pub fn commands_for_events(events: &[Event], field_focused: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    // The last key press (its row, if any, and modifiers): the text right after it is its own.
    let mut last_press: Option<(Option<&CommandSpec>, Mods)> = None;
    for event in events {
        let spec = match event {
            Event::Key {
                key,
                physical_key,
                pressed: true,
                modifiers,
                ..
            } => {
                let mods = Mods::from_egui(*modifiers);
                let spec = spec_for_key(mods, *key, *physical_key);
                last_press = Some((spec, mods));
                spec
            }
            Event::Text(text) => match (single_char(text), last_press.take()) {
                (None, _) => None,
                // Text typed with Ctrl or Alt held is a side effect of a shortcut.
                (Some(_), Some((_, mods))) if mods.ctrl || mods.alt => None,
                (Some(c), Some((Some(pressed), _)))
                    if pressed.triggers.contains(&Trigger::Char(c)) =>
                {
                    None
                }
                (Some(c), _) => spec_for_trigger(Trigger::Char(c)),
            },
            Event::Copy => spec_for_trigger(Trigger::CopyEvent),
            _ => None,
        };
        if let Some(spec) = spec.filter(|s| s.in_text_field || !field_focused) {
            commands.push(spec.command.clone());
        }
    }
    commands
}

/// The row of a key press: by the key egui reports, else by the physical key (so that shortcuts
/// work on layouts whose letters are not Latin).
fn spec_for_key(mods: Mods, key: Key, physical: Option<Key>) -> Option<&'static CommandSpec> {
    spec_for_trigger(Trigger::Key(Chord { mods, key })).or_else(|| {
        physical
            .filter(|p| *p != key)
            .and_then(|p| spec_for_trigger(Trigger::Key(Chord { mods, key: p })))
    })
}

/// The row that has `trigger` (chords compared as matched, see [`Chord::normalized`]).
fn spec_for_trigger(trigger: Trigger) -> Option<&'static CommandSpec> {
    let wanted = normalized(trigger);
    COMMANDS
        .iter()
        .find(|spec| spec.triggers.iter().any(|t| normalized(*t) == wanted))
}

fn normalized(trigger: Trigger) -> Trigger {
    match trigger {
        Trigger::Key(chord) => Trigger::Key(chord.normalized()),
        other => other,
    }
}

fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Motion, VisualDirection};
    use egui::Modifiers;

    fn press(modifiers: Modifiers, key: Key, physical_key: Option<Key>) -> Event {
        Event::Key {
            key,
            physical_key,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    fn text(s: &str) -> Event {
        Event::Text(s.to_owned())
    }

    /// Runs one frame whose input holds `events` and returns the commands read from it.
    fn commands_in_a_frame(events: Vec<Event>) -> Vec<Command> {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            events,
            ..Default::default()
        };
        let mut commands = Vec::new();
        let mut output = ctx.run_ui(input, |ui| commands = shortcuts_ui(ui.ctx()));
        // No painter here: drop the font texture upload deliberately.
        output.textures_delta.clear();
        commands
    }

    #[test]
    fn every_shift_arrow_press_in_a_frame_is_one_step() {
        let shift_press = |key| press(Modifiers::SHIFT, key, None);
        let commands = commands_in_a_frame(vec![
            shift_press(Key::ArrowLeft),
            shift_press(Key::ArrowLeft),
            shift_press(Key::ArrowLeft),
            shift_press(Key::ArrowRight),
        ]);
        let step = |dir| Command::MoveCaret {
            motion: Motion::Grapheme(dir),
            extend: true,
        };
        assert_eq!(
            commands,
            vec![
                step(VisualDirection::Left),
                step(VisualDirection::Left),
                step(VisualDirection::Left),
                step(VisualDirection::Right)
            ]
        );
    }

    #[test]
    fn ctrl_shift_s_is_save_as_and_ctrl_s_is_save() {
        let save_as = [press(Modifiers::COMMAND | Modifiers::SHIFT, Key::S, None)];
        assert_eq!(
            commands_for_events(&save_as, false),
            vec![Command::SaveAsDialog]
        );
        let save = [press(Modifiers::COMMAND, Key::S, None)];
        assert_eq!(commands_for_events(&save, false), vec![Command::Save]);
    }

    #[test]
    fn ctrl_s_on_an_arabic_layout_saves_by_the_physical_key() {
        // Ctrl+س: the layout's letter is no Latin key; the platform may report another key.
        for logical in [Key::S, Key::Backtick] {
            let events = [press(Modifiers::COMMAND, logical, Some(Key::S))];
            assert_eq!(commands_for_events(&events, false), vec![Command::Save]);
        }
        // A logical key with a command of its own wins over the physical key (AZERTY Ctrl+A is
        // the key where QWERTY has Q).
        let azerty = [press(Modifiers::COMMAND, Key::A, Some(Key::Q))];
        assert_eq!(
            commands_for_events(&azerty, false),
            vec![Command::SelectAll]
        );
    }

    #[test]
    fn label_keys_accept_latin_arabic_indic_and_eastern_digits_once_per_press() {
        let one = Command::AnnotateWithHotkey('1');
        let cases: [(Vec<Event>, Command); 5] = [
            (vec![press(Modifiers::NONE, Key::Num1, None)], one.clone()),
            // The key and the character it types are one press.
            (
                vec![
                    press(Modifiers::NONE, Key::Num1, Some(Key::Num1)),
                    text("1"),
                ],
                one.clone(),
            ),
            (vec![text("١")], one.clone()),
            // An Arabic layout: the key is reported by its place, the text is Arabic-Indic.
            (
                vec![
                    press(Modifiers::NONE, Key::Num1, Some(Key::Num1)),
                    text("١"),
                ],
                one.clone(),
            ),
            (vec![text("۳")], Command::AnnotateWithHotkey('3')),
        ];
        for (events, expected) in cases {
            assert_eq!(
                commands_for_events(&events, false),
                vec![expected],
                "{events:?}"
            );
        }
        // Two presses in one frame are two commands.
        let twice = [text("٢"), text("٢")];
        assert_eq!(commands_for_events(&twice, false).len(), 2);
        // Alt+1 types "1" on some systems: not a label key.
        let alt = [press(Modifiers::ALT, Key::Num1, None), text("1")];
        assert_eq!(commands_for_events(&alt, false), vec![]);
    }

    #[test]
    fn a_focused_text_field_keeps_its_keys_but_ctrl_s_still_saves() {
        let events = [
            press(Modifiers::NONE, Key::Num1, None),
            text("1"),
            text("١"),
            press(Modifiers::NONE, Key::Delete, None),
            press(Modifiers::NONE, Key::ArrowLeft, None),
            press(Modifiers::COMMAND, Key::Z, None),
            Event::Copy,
            press(Modifiers::NONE, Key::F1, None),
            press(Modifiers::COMMAND, Key::S, None),
        ];
        assert_eq!(commands_for_events(&events, true), vec![Command::Save]);
        assert_eq!(commands_for_events(&events, false).len(), 8);
    }

    #[test]
    fn the_sheet_opens_with_f1_and_with_a_typed_question_mark() {
        let us = [press(Modifiers::SHIFT, Key::Questionmark, None), text("?")];
        let arabic = [
            press(Modifiers::SHIFT, Key::Slash, Some(Key::Slash)),
            text("؟"),
        ];
        let f1 = [press(Modifiers::NONE, Key::F1, None)];
        for events in [&us[..], &arabic[..], &f1[..]] {
            assert_eq!(
                commands_for_events(events, false),
                vec![Command::ToggleShortcutSheet]
            );
        }
    }

    #[test]
    fn zoom_in_takes_plus_or_equals_with_or_without_shift() {
        for (mods, key) in [
            (Modifiers::COMMAND, Key::Plus),
            (Modifiers::COMMAND | Modifiers::SHIFT, Key::Plus),
            (Modifiers::COMMAND, Key::Equals),
            (Modifiers::COMMAND | Modifiers::SHIFT, Key::Equals),
        ] {
            assert_eq!(
                commands_for_events(&[press(mods, key, None)], false),
                vec![Command::Zoom(super::super::commands::ZoomStep::In)]
            );
        }
        // Shift does matter on letters: Ctrl+Shift+Z is redo, Ctrl+Z undo.
        let redo = [press(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z, None)];
        assert_eq!(commands_for_events(&redo, false), vec![Command::Redo]);
    }
}
