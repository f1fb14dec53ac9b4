//! The schema legend: which schema is active and where it comes from, then one row per label —
//! colour, hotkey, Arabic and English name — with the label's description in Arabic and English
//! on hover; clicking a row labels the selection (or relabels the selected annotation). Labels used in the text that the schema lacks
//! (a label removed from the schema) are listed too, flagged. Arabic is drawn by the text engine.

use super::commands::Command;
use super::highlights::label_colour;
use super::i18n::{row, tr};
use super::rtl_widgets as rtl;
use super::widgets::ArabicLabel;
use crate::model::schema::{Schema, SpanLabel};
use crate::model::set::AnnotationSet;
use crate::store::sidecar::SchemaSource;
use egui::{Color32, Sense, Vec2};

/// Where the schema comes from, as the legend says it.
pub fn source_text(source: &SchemaSource) -> &'static str {
    match source {
        SchemaSource::Bundled(_) => "bundled with Hamish",
        SchemaSource::Folder => "from the folder's schema.ron",
        SchemaSource::Inline(_) => "written in the annotations file",
    }
}

/// Shows the legend of `schema` (from `source`) for the annotations in `set`; returns the
/// commands chosen (a label to put on the selection).
pub fn schema_legend_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    source: &SchemaSource,
    set: &AnnotationSet,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add(ArabicLabel::new(schema.name_ar.as_str()).strong());
    ui.add(ArabicLabel::interface(tr(source_text(source))).color(ui.visuals().weak_text_color()));
    if rtl::button(ui, &tr("Edit schema…")).clicked() {
        commands.push(Command::OpenSchemaEditor);
    }
    ui.add_space(4.0);
    // A long legend (the rhetoric preset's 20 techniques) scrolls in half the panel, so the
    // annotation list below it keeps its place in a short window.
    egui::ScrollArea::vertical()
        .id_salt("schema-legend")
        .max_height((ui.available_height() * 0.5).max(120.0))
        .show(ui, |ui| {
            ui.with_layout(super::i18n::panel_layout(), |ui| {
                for label in &schema.labels {
                    if label_row_ui(ui, label, label_colour(schema, &label.id)).clicked() {
                        commands.push(Command::ApplyLabel(label.id.clone()));
                    }
                }
            });
        });
    let mut missing: Vec<&str> = set
        .annotations()
        .map(|a| a.label.as_str())
        .filter(|l| schema.label(l).is_none())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if !missing.is_empty() {
        ui.add_space(4.0);
        let warn = ui.visuals().warn_fg_color;
        let note = tr("Used in the text, not in the schema (kept, drawn grey):");
        ui.add(ArabicLabel::interface(note).wrap().color(warn));
        for label in missing {
            ui.add(ArabicLabel::new(label).color(ui.visuals().warn_fg_color));
        }
    }
    commands
}

/// One label: swatch, hotkey, names; the descriptions on hover.
fn label_row_ui(ui: &mut egui::Ui, label: &SpanLabel, colour: Color32) -> egui::Response {
    let row = row(ui, |ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
        ui.painter().rect_filled(rect, 2.0, colour);
        let key = label
            .hotkey
            .map_or_else(|| "  ".to_owned(), |k| k.to_string());
        ui.monospace(key);
        ui.add(ArabicLabel::new(label.name_ar.as_str()));
        ui.label(&label.name_en);
    });
    let response = row.response.interact(Sense::click());
    let name = format!("{} {}", label.name_en, label.name_ar);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if label.description.is_empty() && label.description_ar.is_empty() {
        return response;
    }
    response.on_hover_ui(|ui| {
        ui.set_max_width(320.0);
        if !label.description_ar.is_empty() {
            ui.add(ArabicLabel::new(label.description_ar.as_str()).wrap());
        }
        if !label.description.is_empty() {
            ui.label(&label.description);
        }
    })
}
