//! The label bar, always shown above the text: the schema's name, then each label with its colour,
//! key and names — clicking one applies it to the selection (or relabels the selected annotation)
//! — and the switch that shows or hides relation arcs. While a link waits for its other end, it
//! says so. Names go through the text engine ([`ArabicLabel`]).

use super::commands::Command;
use super::highlights::label_colour;
use super::i18n::{arg, tr, tr_args};
use super::rtl_widgets as rtl;
use super::widgets::ArabicLabel;
use crate::model::annotation::AnnotationId;
use crate::model::schema::Schema;

/// Shows the bar; returns the commands clicked.
pub fn label_bar_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    show_arcs: bool,
    linking: Option<AnnotationId>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    // One row (clipped when narrow), so the text below always starts at the same height.
    super::i18n::row(ui, |ui| {
        ui.add(ArabicLabel::new(&schema.name_ar).strong())
            .on_hover_text(&schema.name_en);
        if !super::i18n::is_rtl() {
            ui.label(egui::RichText::new(&schema.name_en).weak());
        }
        ui.separator();
        for label in &schema.labels {
            let colour = label_colour(schema, &label.id);
            let response = egui::Frame::new()
                .inner_margin(egui::Margin::symmetric(5, 1))
                .corner_radius(3.0)
                .fill(colour.gamma_multiply(0.25))
                .stroke(egui::Stroke::new(1.0, colour))
                .show(ui, |ui| {
                    super::i18n::row(ui, |ui| {
                        if let Some(key) = label.hotkey {
                            ui.label(egui::RichText::new(key.to_string()).strong().monospace());
                        }
                        ui.add(ArabicLabel::new(&label.name_ar));
                        if !super::i18n::is_rtl() {
                            ui.label(egui::RichText::new(&label.name_en).small());
                        }
                    });
                })
                .response
                .interact(egui::Sense::click());
            let response = rtl::hover_text(response, &label_hint(label));
            if response.clicked() {
                commands.push(Command::ApplyLabel(label.id.clone()));
            }
        }
        ui.separator();
        let mut arcs = show_arcs;
        if rtl::checkbox(ui, &mut arcs, &tr("Arcs")).changed() {
            commands.push(Command::ToggleArcs);
        }
        if let Some(from) = linking {
            ui.separator();
            let linking = tr_args("linking-bar", &[("id", arg(from))]);
            ui.add(ArabicLabel::interface(linking).color(ui.visuals().warn_fg_color));
        }
    });
    commands
}
/// A label's description in the interface language, and what a click does.
fn label_hint(label: &crate::model::schema::SpanLabel) -> String {
    let arabic = super::i18n::is_rtl() && !label.description_ar.is_empty();
    let description = if arabic {
        &label.description_ar
    } else {
        &label.description
    };
    format!(
        "{description} — {}",
        tr("click (or press its key) to apply it to the selection")
    )
}
