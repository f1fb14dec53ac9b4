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
    // Rows from where lines start, wrapped: a schema with many labels (the rhetoric preset's 20)
    // takes more rows rather than hiding labels past the window's edge.
    super::i18n::wrapped_row(ui, |ui| {
        ui.add(ArabicLabel::new(&schema.name_ar).strong())
            .on_hover_text(&schema.name_en);
        if !super::i18n::is_rtl() {
            ui.label(egui::RichText::new(&schema.name_en).weak());
        }
        ui.separator();
        for label in &schema.labels {
            let response = label_button(ui, schema, label);
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
/// One label as a button in its colour: its key, its Arabic name and (in English) its English
/// name, from where lines start. One widget of known size, so the row wraps before it, not
/// through it. Named for screen readers (and tests) by its name in the interface language.
fn label_button(
    ui: &mut egui::Ui,
    schema: &Schema,
    label: &crate::model::schema::SpanLabel,
) -> egui::Response {
    let colour = label_colour(schema, &label.id);
    let rtl = super::i18n::is_rtl();
    let mut parts: Vec<egui::Atom<'static>> = Vec::new();
    if let Some(key) = label.hotkey {
        parts.push(
            egui::RichText::new(key.to_string())
                .strong()
                .monospace()
                .into(),
        );
    }
    let size = super::widgets::arabic_label::default_text_size(ui);
    parts.push(rtl::text_atom_sized(ui, &label.name_ar, size));
    if !rtl {
        parts.push(egui::RichText::new(&label.name_en).small().into());
    }
    if rtl {
        // Atoms run left to right: the key goes to the right end, where an Arabic row starts.
        parts.reverse();
    }
    let mut atoms = egui::Atoms::default();
    for part in parts {
        atoms.push_right(part);
    }
    let button = egui::Button::new(atoms)
        .fill(colour.gamma_multiply(0.25))
        .stroke(egui::Stroke::new(1.0, colour))
        .corner_radius(3.0);
    let response = ui.add(button);
    let name = if rtl { &label.name_ar } else { &label.name_en };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response
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
