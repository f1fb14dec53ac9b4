//! The shortcut sheet: a window listing every command of the command table that has keys, with
//! its keys, by group; F1 or ? opens and closes it, Escape closes it. Its open state lives in
//! egui's memory.

use super::command_table::{selecting_twin, specs_in, CommandGroup, CommandSpec};
use super::commands::Command;
use super::i18n::{is_rtl, tr};
use super::rtl_widgets as rtl;
use super::widgets::ArabicLabel;
use crate::model::schema::Schema;

/// The sheet's groups by column: file and edit, the label keys with view and help, the moves
/// (so that the sheet fits a window 820 points high).
const COLUMNS: [&[CommandGroup]; 3] = [
    &[CommandGroup::File, CommandGroup::Edit],
    &[
        CommandGroup::Annotate,
        CommandGroup::View,
        CommandGroup::Help,
    ],
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
    egui::Window::new(rtl::window_title(&tr("Keyboard shortcuts")))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            // Only grids and rows hold the texts: a right-to-left line in a column (or a
            // right-to-left layout) would stretch to the whole screen, and the window with it.
            egui::Grid::new("shortcut-sheet-intro").show(ui, |ui| {
                for line in [
                    tr("Keys are those of an English keyboard: with an Arabic layout, Ctrl+S is the key of س."),
                    tr("Keys without Ctrl do nothing while a text field has the keyboard."),
                ] {
                    ui.add(ArabicLabel::interface(line));
                    ui.end_row();
                }
            });
            ui.add_space(6.0);
            ui.horizontal_top(|ui| {
                // Columns from where lines start: the right in Arabic.
                let mut columns = COLUMNS;
                if is_rtl() {
                    columns.reverse();
                }
                for groups in columns {
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

/// A cell of the sheet's grid.
enum Cell {
    /// A name, drawn by the text engine.
    Name(String),
    /// A heading, drawn by the text engine.
    Strong(String),
    /// A name in the weak colour.
    Weak(String),
    /// Keys (Latin), egui's text.
    Keys(String),
}

/// One group's heading and its commands; the Move group also shows the Shift key that selects.
/// In Arabic the columns run from the right (the name rightmost).
fn group_ui(ui: &mut egui::Ui, group: CommandGroup, schema: Option<&Schema>) {
    let moves = group == CommandGroup::Move;
    let mut rows = vec![vec![Cell::Strong(tr(group.title()))]];
    if moves {
        rows.push(vec![
            Cell::Keys(String::new()),
            Cell::Weak(tr("move")),
            Cell::Weak(tr("select")),
        ]);
    }
    for spec in specs_in(group).filter(|s| !s.triggers.is_empty()) {
        let mut row = vec![
            Cell::Name(tr(spec.name)),
            Cell::Keys(spec.all_shortcut_labels().join("  ")),
        ];
        if group == CommandGroup::Annotate {
            row.push(Cell::Name(label_name(spec, schema)));
        }
        if moves {
            let extend = selecting_twin(spec);
            row.push(Cell::Keys(
                extend.map(|s| s.shortcut_label()).unwrap_or_default(),
            ));
        }
        rows.push(row);
    }
    let columns = rows.iter().map(Vec::len).max().unwrap_or(2);
    egui::Grid::new(("shortcut-sheet", group.title()))
        .num_columns(columns)
        .striped(true)
        .show(ui, |ui| {
            for mut row in rows {
                while row.len() < columns {
                    row.push(Cell::Keys(String::new()));
                }
                if is_rtl() {
                    row.reverse();
                }
                for cell in row {
                    match cell {
                        Cell::Name(text) => ui.add(ArabicLabel::interface(text)),
                        Cell::Strong(text) => ui.add(ArabicLabel::interface(text).strong()),
                        Cell::Weak(text) => rtl::weak(ui, &text),
                        Cell::Keys(text) => ui.label(text),
                    };
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
        Some(label) if is_rtl() => label.name_ar.clone(),
        Some(label) => format!("{}  {}", label.name_en, label.name_ar),
        None => "—".to_owned(),
    }
}
