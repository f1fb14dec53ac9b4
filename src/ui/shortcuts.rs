//! Keyboard shortcuts of the window, read once per frame and turned into commands.

use super::commands::{Command, ZoomStep};
use crate::text::VisualDirection;
use egui::{Event, Key, Modifiers};

/// Reads this frame's shortcuts: Ctrl+A, Ctrl+C (the platform's copy event), Shift+Left/Right,
/// Ctrl+plus/minus/0 and Ctrl+O.
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
        if input.consume_key(Modifiers::SHIFT, Key::ArrowLeft) {
            commands.push(Command::ExtendSelection(VisualDirection::Left));
        }
        if input.consume_key(Modifiers::SHIFT, Key::ArrowRight) {
            commands.push(Command::ExtendSelection(VisualDirection::Right));
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
