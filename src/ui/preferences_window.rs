//! The Preferences window (Edit → Preferences…, Ctrl+,; Escape closes it): theme, text zoom, font, annotator name,
//! interface language, relation arcs; and File → Open recent, made from the recent lists. The window edits a
//! copy and emits [`Command::SetPreferences`] when something changed; the app applies and saves
//! it. Names and paths are drawn by the text engine.

use super::commands::Command;
use super::i18n::tr;
use super::rtl_widgets as rtl;
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
    // Escape closes it, as it closes the shortcut sheet; every change is applied as it is made.
    if *open && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        *open = false;
    }
    let mut edited = prefs.clone();
    egui::Window::new(rtl::window_title(&tr("Preferences")))
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("hamish-preferences")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    ui.add(ArabicLabel::interface(tr("Theme")));
                    ui.horizontal(|ui| {
                        rtl::radio_value(ui, &mut edited.theme, Theme::Dark, &tr("Dark"));
                        rtl::radio_value(ui, &mut edited.theme, Theme::Light, &tr("Light"));
                    });
                    ui.end_row();
                    ui.add(ArabicLabel::interface(tr("Text size")));
                    let percent = format!("{:.0} %", edited.zoom * 100.0);
                    ui.add(
                        egui::Slider::new(&mut edited.zoom, 0.5..=4.0)
                            .step_by(0.1)
                            .show_value(false)
                            .text(percent),
                    );
                    ui.end_row();
                    ui.add(ArabicLabel::interface(tr("Font")));
                    font_ui(ui, prefs, &mut commands);
                    ui.end_row();
                    ui.add(ArabicLabel::interface(tr("Annotator")));
                    TextField::singleline(&mut edited.annotator)
                        .id_salt("hamish-preferences-annotator")
                        .desired_width(200.0)
                        .hint_text(tr("your name (written into annotations)"))
                        .accessible_name(tr("Annotator"))
                        .show(ui);
                    ui.end_row();
                    ui.add(ArabicLabel::interface(tr("Language")));
                    language_ui(ui, &mut edited.language);
                    ui.end_row();
                    ui.add(ArabicLabel::interface(tr("Links")));
                    rtl::checkbox(ui, &mut edited.show_arcs, &tr("Show relation arcs"));
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
            || tr("Embedded (Noto Naskh Arabic)"),
            |p| p.display().to_string(),
        );
        ui.add(ArabicLabel::new(name).direction(BaseDirection::Ltr).elide());
        ui.horizontal(|ui| {
            if rtl::button(ui, &tr("Choose font file…")).clicked() {
                commands.push(Command::ChooseFontDialog);
            }
            if prefs.font_file.is_some() && rtl::button(ui, &tr("Embedded fonts")).clicked() {
                commands.push(Command::UseEmbeddedFonts);
            }
        });
    });
}

fn language_ui(ui: &mut egui::Ui, language: &mut Option<Language>) {
    ui.horizontal(|ui| {
        rtl::radio_value(ui, language, None, &tr("System"));
        // Each language by its own name (Arabic drawn by the text engine).
        rtl::radio_value(ui, language, Some(Language::English), "English");
        rtl::radio_value(ui, language, Some(Language::Arabic), "العربية");
    });
}

/// File → Open recent: the recent files and folders, newest first.
pub fn recent_menu_ui(ui: &mut egui::Ui, prefs: &Preferences, commands: &mut Vec<Command>) {
    rtl::menu_button(ui, &tr("Open recent"), |ui| {
        if prefs.recent_files.is_empty() && prefs.recent_folders.is_empty() {
            ui.add(
                ArabicLabel::interface(tr("Nothing opened yet"))
                    .color(ui.visuals().weak_text_color()),
            );
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
