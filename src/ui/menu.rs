//! The menu bar: File (open, quit) and Font (choose a font file, back to embedded fonts).

use super::commands::{Command, ZoomStep};

/// Shows the menu bar; returns the commands chosen.
pub fn menu_bar_ui(ui: &mut egui::Ui) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open…  (Ctrl+O)").clicked() {
                commands.push(Command::OpenFileDialog);
            }
            if ui.button("Quit").clicked() {
                ui.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| {
            if ui.button("Select all  (Ctrl+A)").clicked() {
                commands.push(Command::SelectAll);
            }
            if ui.button("Copy  (Ctrl+C)").clicked() {
                commands.push(Command::CopySelection);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Zoom in  (Ctrl++)").clicked() {
                commands.push(Command::Zoom(ZoomStep::In));
            }
            if ui.button("Zoom out  (Ctrl+-)").clicked() {
                commands.push(Command::Zoom(ZoomStep::Out));
            }
            if ui.button("Actual size  (Ctrl+0)").clicked() {
                commands.push(Command::Zoom(ZoomStep::Reset));
            }
        });
        ui.menu_button("Font", |ui| {
            if ui.button("Choose font file…").clicked() {
                commands.push(Command::ChooseFontDialog);
            }
            if ui.button("Embedded fonts (Noto Naskh Arabic)").clicked() {
                commands.push(Command::UseEmbeddedFonts);
            }
        });
    });
    commands
}
