//! The side panel listing annotations in text order: label colour, label name in Arabic and
//! English, the covered text, and the status when it is not OK. Clicking a row emits
//! [`Command::SelectAnnotation`]. Every string is drawn by the text engine ([`ArabicLabel`]), so
//! mixed Arabic, Latin and digits read as in the document view. Offsets are chars into the
//! document's text.

use super::commands::Command;
use super::highlights::label_colour;
use super::i18n::{tr, tr_count};
use super::widgets::ArabicLabel;
use crate::model::annotation::{AnnotationId, AnnotationStatus};
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use egui::Color32;

/// Longest covered text shown in a row, in chars; longer text ends with "…".
const MAX_COVERED_CHARS: usize = 45;

/// One row of the panel, computed when the set changes (not every frame).
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationRow {
    /// The annotation.
    pub id: AnnotationId,
    /// Its label's colour.
    pub colour: Color32,
    /// Label name in Arabic.
    pub name_ar: String,
    /// Label name in English.
    pub name_en: String,
    /// The text it covers (ranges joined with " … "), shortened; logical order.
    pub covered: String,
    /// Its status.
    pub status: AnnotationStatus,
}

/// The rows for `set`, in text order.
pub fn annotation_rows(set: &AnnotationSet, schema: &Schema, text: &str) -> Vec<AnnotationRow> {
    let chars: Vec<char> = text.chars().collect();
    set.annotations_in_text_order()
        .into_iter()
        .map(|a| {
            let label = schema.label(&a.label);
            let covered = a
                .ranges
                .iter()
                .map(|r| {
                    // Orphans may hold ranges of an older, longer text.
                    let end = r.end.0.min(chars.len());
                    let start = r.start.0.min(end);
                    chars[start..end].iter().collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(" … ");
            let name_ar = label.map_or_else(|| a.label.clone(), |l| l.name_ar.clone());
            let covered = shorten(&covered, MAX_COVERED_CHARS);
            AnnotationRow {
                id: a.id,
                colour: label_colour(schema, &a.label),
                name_ar,
                name_en: label.map_or_else(|| a.label.clone(), |l| l.name_en.clone()),
                covered,
                status: a.status,
            }
        })
        .collect()
}

/// The first `max` chars of `s` with "…" when cut; line breaks become spaces.
fn shorten(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        return flat;
    }
    let mut out: String = flat.chars().take(max).collect();
    out.push('…');
    out
}

/// Shows the list; returns the row clicked, as a command.
pub fn annotation_panel_ui(
    ui: &mut egui::Ui,
    rows: &[AnnotationRow],
    selected: Option<AnnotationId>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let heading = tr_count("annotations-heading", &[("n", rows.len() as i64)]);
    super::rtl_widgets::heading(ui, &heading);
    if rows.is_empty() {
        ui.add(
            ArabicLabel::interface(tr(
                "Select text and press a label's key (1–9) to annotate it.",
            ))
            .wrap(),
        );
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for row in rows {
                let is_selected = selected == Some(row.id);
                let frame = egui::Frame::group(ui.style()).fill(if is_selected {
                    ui.visuals().selection.bg_fill.gamma_multiply(0.5)
                } else {
                    Color32::TRANSPARENT
                });
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        super::i18n::row(ui, |ui| {
                            let (swatch, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter().rect_filled(swatch, 2.0, row.colour);
                            ui.add(ArabicLabel::new(&row.name_ar).strong());
                            if !super::i18n::is_rtl() {
                                ui.add(ArabicLabel::new(format!("· {}", row.name_en)));
                            }
                            if let Some(status) = status_label(row.status) {
                                let warn = ui.visuals().warn_fg_color;
                                ui.add(ArabicLabel::interface(tr(status)).color(warn));
                            }
                        });
                        ui.add(ArabicLabel::new(&row.covered).elide());
                    })
                    .response
                    .interact(egui::Sense::click());
                if response.clicked() {
                    commands.push(Command::SelectAnnotation(row.id));
                }
            }
        });
    commands
}

/// What to show for a status, in English (shown through `tr`); nothing for OK.
pub fn status_label(status: AnnotationStatus) -> Option<&'static str> {
    match status {
        AnnotationStatus::Ok => None,
        AnnotationStatus::NeedsReview => Some("needs review"),
        AnnotationStatus::Orphan => Some("orphan: text not found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Timestamp};
    use crate::offset::CharRange;

    #[test]
    fn rows_are_in_text_order_with_both_names_and_the_covered_text() {
        let text = "قال الوزير إن الهدنة قريبة";
        let mut set = AnnotationSet::new();
        for (id, label, start, end) in [(1, "claim", 14, 26), (2, "source", 4, 10)] {
            set.insert_annotation(Annotation::new(
                AnnotationId(id),
                label,
                vec![CharRange::from_indices(start, end)],
                text,
                Timestamp(0),
            ));
        }
        let schema = Schema::fact_checking();
        let rows = annotation_rows(&set, &schema, text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, AnnotationId(2));
        assert_eq!(rows[0].covered, "الوزير");
        assert_eq!(rows[0].name_en, schema.label("source").unwrap().name_en);
        assert_eq!(rows[1].covered, "الهدنة قريبة");
    }

    #[test]
    fn long_text_is_shortened_and_flattened() {
        assert_eq!(shorten("ab\ncd", 10), "ab cd");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }
}
