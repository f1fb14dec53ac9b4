//! The shortcut sheet: a window listing every command of the command table that has keys, with
//! its keys, by group; F1 or ? opens and closes it, Escape closes it. Its open state lives in
//! egui's memory.

use super::command_table::{selecting_twin, specs_in, CommandGroup, CommandSpec};
use super::commands::Command;
use super::widgets::ArabicLabel;
use crate::model::schema::Schema;

/// The sheet's groups by column: the short groups, the label keys, the moves.
const COLUMNS: [&[CommandGroup]; 3] = [
    &[
        CommandGroup::File,
        CommandGroup::Edit,
        CommandGroup::View,
        CommandGroup::Help,
    ],
    &[CommandGroup::Annotate],
    &[CommandGroup::Move],
];

fn sheet_id() -> egui::Id {
    egui::Id::unique("hamish-shortcut-sheet")
}

/// True while the sheet is shown.
pub fn is_shortcut_sheet_open(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp(sheet_id()).unwrap_or(false))
}

/// Opens the sheet, or closes it when open.
pub fn toggle_shortcut_sheet(ctx: &egui::Context) {
    let open = is_shortcut_sheet_open(ctx);
    ctx.data_mut(|d| d.insert_temp(sheet_id(), !open));
}

/// Shows the sheet when it is open; `schema` (the open document's) names the label keys.
pub fn shortcut_sheet_ui(ctx: &egui::Context, schema: Option<&Schema>) {
    let mut open = is_shortcut_sheet_open(ctx);
    if !open {
        return;
    }
    // Escape closes it too (and still clears the selection, as everywhere).
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        ctx.data_mut(|d| d.insert_temp(sheet_id(), false));
        return;
    }
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label("Keys are those of an English keyboard: with an Arabic layout, Ctrl+S is the key of س.");
            ui.label("Keys without Ctrl do nothing while a text field has the keyboard.");
            ui.add_space(6.0);
            ui.horizontal_top(|ui| {
                for groups in COLUMNS {
                    ui.vertical(|ui| {
                        for group in groups {
                            group_ui(ui, *group, schema);
                        }
                    });
                    ui.add_space(12.0);
                }
            });
        });
    ctx.data_mut(|d| d.insert_temp(sheet_id(), open));
}

/// One group's heading and its commands; the Move group also shows the Shift key that selects.
fn group_ui(ui: &mut egui::Ui, group: CommandGroup, schema: Option<&Schema>) {
    ui.strong(group.title());
    let moves = group == CommandGroup::Move;
    egui::Grid::new(("shortcut-sheet", group.title()))
        .num_columns(if moves || group == CommandGroup::Annotate {
            3
        } else {
            2
        })
        .striped(true)
        .show(ui, |ui| {
            if moves {
                ui.label("");
                ui.weak("move");
                ui.weak("select");
                ui.end_row();
            }
            for spec in specs_in(group).filter(|s| !s.triggers.is_empty()) {
                ui.label(spec.name);
                ui.label(spec.all_shortcut_labels().join("  "));
                if group == CommandGroup::Annotate {
                    // Through the text engine: the Arabic name needs bidi and shaping.
                    ui.add(ArabicLabel::new(label_name(spec, schema)));
                }
                if moves {
                    let extend = selecting_twin(spec);
                    ui.label(extend.map(|s| s.shortcut_label()).unwrap_or_default());
                }
                ui.end_row();
            }
        });
    ui.add_space(8.0);
}

/// The name of the schema label a label key applies: "Claim  ادعاء", or "—" when none.
fn label_name(spec: &CommandSpec, schema: Option<&Schema>) -> String {
    let Command::AnnotateWithHotkey(key) = spec.command else {
        return String::new();
    };
    match schema.and_then(|s| s.label_for_hotkey(key)) {
        Some(label) => format!("{}  {}", label.name_en, label.name_ar),
        None => "—".to_owned(),
    }
}
