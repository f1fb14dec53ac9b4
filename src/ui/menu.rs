//! The menu bar: File (open, open folder, next/previous text, open recent, save, save as, export,
//! import, preferences, quit), Edit (undo, redo, delete annotation,
//! select, copy), View (zoom, encoding), Font (choose a font file, back to embedded fonts) and Help
//! (the shortcut sheet). Item names and their shortcuts come from the command table.

use super::command_table::spec_for;
use super::commands::{Command, ZoomStep};
use super::i18n::tr;
use super::preferences_window::recent_menu_ui;
use super::rtl_widgets as rtl;
use super::widgets::ArabicLabel;
use crate::model::text_format::TextEncoding;
use crate::store::formats::{ExportFormat, ImportFormat};
use crate::store::sidecar::AnnotatorName;
use crate::workspace::preferences::Preferences;
use crate::workspace::Action;

/// The table commands of each menu, in order; `None` is a separator.
const FILE_TOP: [Command; 6] = [
    Command::OpenFileDialog,
    Command::OpenFolderDialog,
    Command::StepDocument(true),
    Command::StepDocument(false),
    Command::Save,
    Command::SaveAsDialog,
];
const EDIT: [Option<Command>; 10] = [
    Some(Command::Undo),
    Some(Command::Redo),
    Some(Command::DeleteSelectedAnnotation),
    Some(Command::StartLinking),
    Some(Command::ShowPreferences),
    None,
    Some(Command::SelectAll),
    Some(Command::CopySelection),
    None,
    Some(Command::OpenSearch),
];
const VIEW_ZOOM: [Command; 5] = [
    Command::Zoom(ZoomStep::In),
    Command::Zoom(ZoomStep::Out),
    Command::Zoom(ZoomStep::Reset),
    Command::ToggleArcs,
    Command::ToggleClaimsTable,
];
const FONT: [Command; 2] = [Command::ChooseFontDialog, Command::UseEmbeddedFonts];

/// Every table command a menu shows (for the test that each has a row).
pub fn menu_commands() -> Vec<Command> {
    let mut all: Vec<Command> = FILE_TOP.to_vec();
    all.push(Command::Quit);
    all.push(Command::ExportPageDialog);
    all.extend(EDIT.iter().flatten().cloned());
    all.extend(VIEW_ZOOM);
    all.push(Command::ToggleWorkbench);
    all.push(Command::ToggleCharts);
    all.extend(FONT);
    all.push(Command::ToggleShortcutSheet);
    all
}

/// Shows the menu bar (`encoding`: the open text's, ticked in View > Encoding); returns the
/// commands chosen.
/// `versions` lists the annotators with a file for the open text; it is called only while the
/// File menu is open (it looks at the folder). `prefs` gives File > Open recent.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    encoding: Option<TextEncoding>,
    versions: &dyn Fn() -> Vec<AnnotatorName>,
    prefs: &Preferences,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        // Menus start where lines start: on the right in Arabic.
        ui.with_layout(super::i18n::row_layout(), |ui| {
            rtl::menu_button(ui, &tr("File"), |ui| {
                for command in FILE_TOP {
                    command_button_ui(ui, command, &mut commands);
                }
                recent_menu_ui(ui, prefs, &mut commands);
                ui.separator();
                exchange_menus_ui(ui, &mut commands);
                command_button_ui(ui, Command::ExportPageDialog, &mut commands);
                ui.separator();
                team_menu_ui(ui, versions, &mut commands);
                ui.separator();
                command_button_ui(ui, Command::Quit, &mut commands);
            });
            rtl::menu_button(ui, &tr("Edit"), |ui| {
                for item in EDIT {
                    match item {
                        Some(command) => command_button_ui(ui, command, &mut commands),
                        None => {
                            ui.separator();
                        }
                    }
                }
            });
            rtl::menu_button(ui, &tr("View"), |ui| {
                for command in VIEW_ZOOM {
                    command_button_ui(ui, command, &mut commands);
                }
                command_button_ui(ui, Command::ToggleWorkbench, &mut commands);
                command_button_ui(ui, Command::ToggleCharts, &mut commands);
                ui.separator();
                encoding_menu_ui(ui, encoding, &mut commands);
            });
            rtl::menu_button(ui, &tr("Font"), |ui| {
                for command in FONT {
                    command_button_ui(ui, command, &mut commands);
                }
            });
            rtl::menu_button(ui, &tr("Help"), |ui| {
                command_button_ui(ui, Command::ToggleShortcutSheet, &mut commands);
            });
        });
    });
    commands
}

/// A menu item for a table command: its name, with its first shortcut on the right.
fn command_button_ui(ui: &mut egui::Ui, command: Command, commands: &mut Vec<Command>) {
    let Some(spec) = spec_for(&command) else {
        return;
    };
    if rtl::menu_item(ui, &tr(spec.name), spec.shortcut_label()).clicked() {
        commands.push(command);
    }
}

/// File > Export… and File > Import annotations…, one item per format.
fn exchange_menus_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    rtl::menu_button(ui, &tr("Export…"), |ui| {
        for format in ExportFormat::ALL {
            if ui.button(format.display_name()).clicked() {
                commands.push(Command::ExportDialog(format));
            }
        }
    });
    rtl::menu_button(ui, &tr("Import annotations…"), |ui| {
        for format in ImportFormat::ALL {
            if ui.button(format.display_name()).clicked() {
                commands.push(Command::ImportDialog(format));
            }
        }
    });
}

/// File > Open Annotator's Version (one item per annotator with a file for this text) and
/// File > Agreement of This Text.
fn team_menu_ui(
    ui: &mut egui::Ui,
    versions: &dyn Fn() -> Vec<AnnotatorName>,
    commands: &mut Vec<Command>,
) {
    rtl::menu_button(ui, &tr("Open annotator's version"), |ui| {
        let names = versions();
        if names.is_empty() {
            ui.add(ArabicLabel::interface(tr(
                "No annotator has a file for this text (<text>.<name>.ann.ron).",
            )));
        }
        for annotator in names {
            if ui.button(annotator.as_str()).clicked() {
                commands.push(Command::Act(Action::OpenAnnotatorVersion { annotator }));
            }
        }
    });
    if rtl::button(ui, &tr("Agreement of this text…")).clicked() {
        commands.push(Command::Act(Action::Agreement));
    }
}

/// View > Encoding: reopen the text decoded another way.
fn encoding_menu_ui(
    ui: &mut egui::Ui,
    encoding: Option<TextEncoding>,
    commands: &mut Vec<Command>,
) {
    rtl::menu_button(ui, &tr("Encoding"), |ui| {
        ui.add(ArabicLabel::interface(tr("Reopen the text decoded as:")));
        for candidate in TextEncoding::ALL {
            let current = encoding == Some(candidate);
            if ui.radio(current, candidate.display_name()).clicked() && !current {
                commands.push(Command::ReopenWithEncoding(candidate));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_menu_item_has_a_row_in_the_command_table() {
        for command in menu_commands() {
            assert!(spec_for(&command).is_some(), "{command:?}");
        }
    }
}
