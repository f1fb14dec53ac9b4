//! The menu bar: File (open, save, export, import, quit), Edit (undo, redo, select, copy, delete annotation),
//! View (zoom, encoding) and Font (choose a font file, back to embedded fonts).

use super::commands::{Command, ZoomStep};
use crate::model::text_format::TextEncoding;
use crate::store::formats::{ExportFormat, ImportFormat};

/// Shows the menu bar (`encoding`: the open text's, ticked in View > Encoding); returns the
/// commands chosen.
pub fn menu_bar_ui(ui: &mut egui::Ui, encoding: Option<TextEncoding>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open…  (Ctrl+O)").clicked() {
                commands.push(Command::OpenFileDialog);
            }
            if ui.button("Save annotations  (Ctrl+S)").clicked() {
                commands.push(Command::Save);
            }
            if ui.button("Save As…  (Ctrl+Shift+S)").clicked() {
                commands.push(Command::SaveAsDialog);
            }
            ui.separator();
            ui.menu_button("Export…", |ui| {
                for format in ExportFormat::ALL {
                    if ui.button(format.display_name()).clicked() {
                        commands.push(Command::ExportDialog(format));
                    }
                }
            });
            ui.menu_button("Import annotations…", |ui| {
                for format in ImportFormat::ALL {
                    if ui.button(format.display_name()).clicked() {
                        commands.push(Command::ImportDialog(format));
                    }
                }
            });
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| {
            if ui.button("Undo  (Ctrl+Z)").clicked() {
                commands.push(Command::Undo);
            }
            if ui.button("Redo  (Ctrl+Y)").clicked() {
                commands.push(Command::Redo);
            }
            if ui.button("Delete annotation  (Delete)").clicked() {
                commands.push(Command::DeleteSelectedAnnotation);
            }
            ui.separator();
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
            ui.separator();
            ui.menu_button("Encoding", |ui| {
                ui.label("Reopen the text decoded as:");
                for candidate in TextEncoding::ALL {
                    let current = encoding == Some(candidate);
                    if ui.radio(current, candidate.display_name()).clicked() && !current {
                        commands.push(Command::ReopenWithEncoding(candidate));
                    }
                }
            });
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
