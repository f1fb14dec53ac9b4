//! Keyboard shortcuts of the window, read once per frame and turned into commands.

use super::commands::{Command, ZoomStep};
use crate::text::VisualDirection;
use egui::{Event, Key, Modifiers};

/// The keys that can be label hotkeys in a schema, with the character the schema names them by.
const LABEL_KEYS: [(Key, char); 9] = [
    (Key::Num1, '1'),
    (Key::Num2, '2'),
    (Key::Num3, '3'),
    (Key::Num4, '4'),
    (Key::Num5, '5'),
    (Key::Num6, '6'),
    (Key::Num7, '7'),
    (Key::Num8, '8'),
    (Key::Num9, '9'),
];

/// Reads this frame's shortcuts: Ctrl+A, Ctrl+C (the platform's copy event), Shift+Left/Right,
/// Ctrl+plus/minus/0, Ctrl+O, Ctrl+S, Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z, Escape, Delete, and the label keys
/// 1–9 (without modifiers).
pub fn shortcuts_ui(ctx: &egui::Context) -> Vec<Command> {
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        // The platform layer turns Ctrl+C into `Event::Copy` rather than a key press.
        if input.events.iter().any(|e| matches!(e, Event::Copy)) {
            commands.push(Command::CopySelection);
        }
        if input.consume_key(Modifiers::COMMAND, Key::A) {
            commands.push(Command::SelectAll);
        }
        if input.consume_key(Modifiers::COMMAND, Key::O) {
            commands.push(Command::OpenFileDialog);
        }
        if input.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::S) {
            commands.push(Command::SaveAsDialog);
        }
        if input.consume_key(Modifiers::COMMAND, Key::S) {
            commands.push(Command::Save);
        }
        // Ctrl+Shift+Z first: consume_key ignores extra Shift only when asked for it exactly.
        if input.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
            || input.consume_key(Modifiers::COMMAND, Key::Y)
        {
            commands.push(Command::Redo);
        }
        if input.consume_key(Modifiers::COMMAND, Key::Z) {
            commands.push(Command::Undo);
        }
        if input.consume_key(Modifiers::NONE, Key::Escape) {
            commands.push(Command::ClearSelection);
        }
        if input.consume_key(Modifiers::NONE, Key::Delete) {
            commands.push(Command::DeleteSelectedAnnotation);
        }
        for (key, hotkey) in LABEL_KEYS {
            if input.consume_key(Modifiers::NONE, key) {
                commands.push(Command::AnnotateWithHotkey(hotkey));
            }
        }
        // Key repeat can deliver several presses in one frame; each one moves one step.
        for (key, direction) in [
            (Key::ArrowLeft, VisualDirection::Left),
            (Key::ArrowRight, VisualDirection::Right),
        ] {
            let presses = input.count_and_consume_key(Modifiers::SHIFT, key);
            commands.extend((0..presses).map(|_| Command::ExtendSelection(direction)));
        }
        // Keyboards differ on where "+" is; accept Ctrl+= and Ctrl+Shift+= too.
        if input.consume_key(Modifiers::COMMAND, Key::Plus)
            || input.consume_key(Modifiers::COMMAND, Key::Equals)
            || input.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Equals)
        {
            commands.push(Command::Zoom(ZoomStep::In));
        }
        if input.consume_key(Modifiers::COMMAND, Key::Minus) {
            commands.push(Command::Zoom(ZoomStep::Out));
        }
        if input.consume_key(Modifiers::COMMAND, Key::Num0) {
            commands.push(Command::Zoom(ZoomStep::Reset));
        }
    });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs one frame whose input holds `events` and returns the commands read from it.
    fn commands_for(events: Vec<Event>) -> Vec<Command> {
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

    fn shift_press(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::SHIFT,
        }
    }

    #[test]
    fn every_shift_arrow_press_in_a_frame_is_one_step() {
        let commands = commands_for(vec![
            shift_press(Key::ArrowLeft),
            shift_press(Key::ArrowLeft),
            shift_press(Key::ArrowLeft),
            shift_press(Key::ArrowRight),
        ]);
        let lefts = commands
            .iter()
            .filter(|c| matches!(c, Command::ExtendSelection(VisualDirection::Left)))
            .count();
        let rights = commands
            .iter()
            .filter(|c| matches!(c, Command::ExtendSelection(VisualDirection::Right)))
            .count();
        assert_eq!((lefts, rights), (3, 1));
    }

    #[test]
    fn ctrl_shift_s_is_save_as_and_ctrl_s_is_save() {
        let press = |modifiers| Event::Key {
            key: Key::S,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        };
        let save_as = commands_for(vec![press(Modifiers::COMMAND | Modifiers::SHIFT)]);
        assert_eq!(save_as, vec![Command::SaveAsDialog]);
        assert_eq!(
            commands_for(vec![press(Modifiers::COMMAND)]),
            vec![Command::Save]
        );
    }
}
