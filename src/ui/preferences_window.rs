//! The Preferences window (Edit → Preferences…, Ctrl+,): theme, text zoom, font, annotator name,
//! interface language, relation arcs; and File → Open recent, made from the recent lists. The window edits a
//! copy and emits [`Command::SetPreferences`] when something changed; the app applies and saves
//! it. Names and paths are drawn by the text engine.

use super::commands::Command;
use super::widgets::{ArabicLabel, TextField};
use crate::text::BaseDirection;
use crate::workspace::preferences::{Language, Preferences, Theme};
use crate::workspace::Action;

/// Shows the window while `open`; returns the commands (changed preferences, font dialogs).
pub fn preferences_window_ui(
    ctx: &egui::Context,
    open: &mut bool,
    prefs: &Preferences,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut edited = prefs.clone();
    egui::Window::new("Preferences")
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("hamish-preferences")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    ui.label("Theme");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut edited.theme, Theme::Dark, "Dark");
                        ui.radio_value(&mut edited.theme, Theme::Light, "Light");
                    });
                    ui.end_row();
                    ui.label("Text size");
                    let percent = format!("{:.0} %", edited.zoom * 100.0);
                    ui.add(
                        egui::Slider::new(&mut edited.zoom, 0.5..=4.0)
                            .step_by(0.1)
                            .show_value(false)
                            .text(percent),
                    );
                    ui.end_row();
                    ui.label("Font");
                    font_ui(ui, prefs, &mut commands);
                    ui.end_row();
                    ui.label("Annotator");
                    TextField::singleline(&mut edited.annotator)
                        .id_salt("hamish-preferences-annotator")
                        .desired_width(200.0)
                        .hint_text("your name (written into annotations)")
                        .accessible_name("Annotator")
                        .show(ui);
                    ui.end_row();
                    ui.label("Language");
                    language_ui(ui, &mut edited.language);
                    ui.end_row();
                    ui.label("Links");
                    ui.checkbox(&mut edited.show_arcs, "Show relation arcs");
                    ui.end_row();
                });
        });
    if edited != *prefs {
        commands.push(Command::SetPreferences(Box::new(edited)));
    }
    commands
}

fn font_ui(ui: &mut egui::Ui, prefs: &Preferences, commands: &mut Vec<Command>) {
    ui.vertical(|ui| {
        let name = prefs.font_file.as_ref().map_or_else(
            || "Embedded (Noto Naskh Arabic)".to_owned(),
            |p| p.display().to_string(),
        );
        ui.add(ArabicLabel::new(name).direction(BaseDirection::Ltr).elide());
        ui.horizontal(|ui| {
            if ui.button("Choose font file…").clicked() {
                commands.push(Command::ChooseFontDialog);
            }
            if prefs.font_file.is_some() && ui.button("Embedded fonts").clicked() {
                commands.push(Command::UseEmbeddedFonts);
            }
        });
    });
}

fn language_ui(ui: &mut egui::Ui, language: &mut Option<Language>) {
    ui.horizontal(|ui| {
        ui.radio_value(language, None, "System");
        ui.radio_value(language, Some(Language::English), "English");
        // The language's own name, drawn by the text engine.
        let arabic = ui.radio_value(language, Some(Language::Arabic), "");
        let name = ui.add(ArabicLabel::new("العربية").sense(egui::Sense::click()));
        if name.clicked() {
            *language = Some(Language::Arabic);
        }
        let _ = arabic.labelled_by(name.id);
    });
}

/// File → Open recent: the recent files and folders, newest first.
pub fn recent_menu_ui(ui: &mut egui::Ui, prefs: &Preferences, commands: &mut Vec<Command>) {
    ui.menu_button("Open recent", |ui| {
        if prefs.recent_files.is_empty() && prefs.recent_folders.is_empty() {
            ui.weak("Nothing opened yet");
        }
        for path in &prefs.recent_files {
            if recent_item_ui(ui, path, false) {
                commands.push(Command::OpenFile(path.clone()));
            }
        }
        if !prefs.recent_folders.is_empty() {
            ui.separator();
        }
        for path in &prefs.recent_folders {
            if recent_item_ui(ui, path, true) {
                commands.push(Command::Act(Action::OpenFolder { path: path.clone() }));
            }
        }
    });
}

fn recent_item_ui(ui: &mut egui::Ui, path: &std::path::Path, folder: bool) -> bool {
    let mut shown = path.display().to_string();
    if folder {
        shown.push('/');
    }
    let response = ui.add(
        ArabicLabel::new(shown)
            .direction(BaseDirection::Ltr)
            .sense(egui::Sense::click()),
    );
    if response.hovered() {
        ui.painter().rect_stroke(
            response.rect,
            2.0,
            ui.visuals().widgets.hovered.bg_stroke,
            egui::StrokeKind::Outside,
        );
    }
    if response.clicked() {
        ui.close();
        return true;
    }
    false
}
