//! Numbers a student can look at (View → Label charts): for the open text and for the whole
//! folder, one bar per label of the schema (zero ones too, so a technique's absence shows) with
//! its count and share, and for the folder one stacked bar per text, coloured by label, to
//! compare articles. Bars are painted directly and every name is drawn by the text engine:
//! egui_plot (which supports egui 0.37) draws its labels with egui's text, which has no bidi, so
//! Arabic technique names would come out reversed; a count needs no axes.

use super::highlights::label_colour;
use super::i18n::{is_rtl, row, tr, tr_count};
use super::rtl_widgets as rtl;
use super::widgets::ArabicLabel;
use crate::model::schema::Schema;
use crate::text::BaseDirection;
use crate::workspace::corpus::{Corpus, DocumentSummary};
use egui::{Color32, Sense, Vec2};
use std::collections::BTreeMap;

/// Width of a bar standing for the largest count, points.
const BAR_WIDTH: f32 = 220.0;
/// Height of one bar, points.
const BAR_HEIGHT: f32 = 16.0;

/// Which counts the window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartScope {
    /// The open text.
    #[default]
    Text,
    /// Every text of the folder (those read so far).
    Folder,
}

/// One bar: a label, its names and colour, and its count.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Label id.
    pub id: String,
    /// Arabic name.
    pub name_ar: String,
    /// English name.
    pub name_en: String,
    /// Colour.
    pub colour: Color32,
    /// Annotations with the label.
    pub count: usize,
}

/// The bars for `per_label` counts under `schema`: every schema label in order, then labels the
/// schema lacks (grey, by id).
pub fn bars(schema: &Schema, per_label: &BTreeMap<String, usize>) -> Vec<Bar> {
    let mut out: Vec<Bar> = schema
        .labels
        .iter()
        .map(|l| Bar {
            id: l.id.clone(),
            name_ar: l.name_ar.clone(),
            name_en: l.name_en.clone(),
            colour: label_colour(schema, &l.id),
            count: per_label.get(&l.id).copied().unwrap_or(0),
        })
        .collect();
    for (id, count) in per_label {
        if schema.label(id).is_none() {
            out.push(Bar {
                id: id.clone(),
                name_ar: id.clone(),
                name_en: tr("(not in the schema)"),
                colour: label_colour(schema, id),
                count: *count,
            });
        }
    }
    out
}

/// The counts per label over every text of `corpus` read so far.
pub fn folder_counts(corpus: &Corpus) -> BTreeMap<String, usize> {
    let mut total = BTreeMap::new();
    for summary in corpus.entries().iter().filter_map(|e| e.summary.as_ref()) {
        for (label, n) in &summary.per_label {
            *total.entry(label.clone()).or_default() += n;
        }
    }
    total
}

/// Shows the charts window while `open`.
pub fn charts_window_ui(
    ctx: &egui::Context,
    open: &mut bool,
    scope: &mut ChartScope,
    schema: &Schema,
    text: Option<&DocumentSummary>,
    corpus: Option<&Corpus>,
) {
    egui::Window::new(rtl::window_title(&tr("Label charts")))
        .open(open)
        .default_size([640.0, 600.0])
        .show(ctx, |ui| {
            row(ui, |ui| {
                rtl::selectable_value(ui, scope, ChartScope::Text, &tr("This text"));
                if corpus.is_some() {
                    rtl::selectable_value(ui, scope, ChartScope::Folder, &tr("Folder"));
                }
            });
            let title = if is_rtl() {
                schema.name_ar.clone()
            } else {
                format!("{} — {}", schema.name_en, schema.name_ar)
            };
            ui.add(ArabicLabel::new(title));
            egui::ScrollArea::vertical().show(ui, |ui| match (*scope, corpus) {
                (ChartScope::Folder, Some(corpus)) => folder_ui(ui, schema, corpus),
                _ => {
                    let counts = text.map(|s| s.per_label.clone()).unwrap_or_default();
                    bars_ui(ui, &bars(schema, &counts));
                }
            });
        });
}

/// The folder: totals per label, then a stacked bar per text.
fn folder_ui(ui: &mut egui::Ui, schema: &Schema, corpus: &Corpus) {
    let progress = corpus.progress();
    if progress.read < progress.total {
        let read = tr_count(
            "texts-read",
            &[
                ("read", progress.read as i64),
                ("total", progress.total as i64),
            ],
        );
        ui.add(ArabicLabel::interface(read).color(ui.visuals().weak_text_color()));
    }
    bars_ui(ui, &bars(schema, &folder_counts(corpus)));
    ui.separator();
    ui.add(ArabicLabel::interface(tr("Per text")).strong());
    let most = corpus
        .entries()
        .iter()
        .filter_map(|e| e.summary.as_ref().map(|s| s.annotations))
        .max()
        .unwrap_or(0)
        .max(1);
    egui::Grid::new("hamish-chart-texts")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for entry in corpus.entries() {
                let Some(summary) = &entry.summary else {
                    continue;
                };
                let name = ArabicLabel::new(entry.name.as_str())
                    .direction(BaseDirection::Ltr)
                    .elide();
                let segments: Vec<(Color32, usize)> = bars(schema, &summary.per_label)
                    .into_iter()
                    .filter(|b| b.count > 0)
                    .map(|b| (b.colour, b.count))
                    .collect();
                // Mirrored in Arabic: the count, the bar growing from the right, the name.
                if is_rtl() {
                    ui.label(summary.annotations.to_string());
                    stacked_bar_ui(ui, &segments, most);
                    ui.add(name);
                } else {
                    ui.add(name);
                    stacked_bar_ui(ui, &segments, most);
                    ui.label(summary.annotations.to_string());
                }
                ui.end_row();
            }
        });
}

/// One row per bar: names, the bar, "count (share %)", in a grid so the bars line up.
fn bars_ui(ui: &mut egui::Ui, bars: &[Bar]) {
    let total: usize = bars.iter().map(|b| b.count).sum();
    let most = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    if total == 0 {
        ui.add(
            ArabicLabel::interface(tr("No annotations yet.")).color(ui.visuals().weak_text_color()),
        );
    }
    egui::Grid::new(("hamish-chart-bars", bars.len()))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for bar in bars {
                let share = if total == 0 {
                    0.0
                } else {
                    100.0 * bar.count as f32 / total as f32
                };
                let count = ArabicLabel::new(format!("{} ({share:.0} %)", bar.count));
                // Mirrored in Arabic: the count, the bar growing from the right, the name.
                if is_rtl() {
                    ui.add(count);
                    stacked_bar_ui(ui, &[(bar.colour, bar.count)], most);
                    ui.add(ArabicLabel::new(bar.name_ar.as_str()));
                } else {
                    ui.horizontal(|ui| {
                        ui.add(ArabicLabel::new(bar.name_ar.as_str()));
                        ui.label(&bar.name_en);
                    });
                    stacked_bar_ui(ui, &[(bar.colour, bar.count)], most);
                    ui.add(count);
                }
                ui.end_row();
            }
        });
}

/// Segments side by side, the whole width standing for `most`; from the right in Arabic.
fn stacked_bar_ui(ui: &mut egui::Ui, segments: &[(Color32, usize)], most: usize) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(BAR_WIDTH, BAR_HEIGHT), Sense::hover());
    ui.painter()
        .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let rtl = is_rtl();
    let mut x = if rtl { rect.max.x } else { rect.min.x };
    for &(colour, count) in segments {
        let w = BAR_WIDTH * count as f32 / most as f32;
        let left = if rtl { x - w } else { x };
        let segment =
            egui::Rect::from_min_size(egui::pos2(left, rect.min.y), Vec2::new(w, rect.height()));
        ui.painter().rect_filled(segment, 0.0, colour);
        x = if rtl { x - w } else { x + w };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{Preset, NEWS_RHETORIC};

    #[test]
    fn every_technique_has_a_bar_even_at_zero_and_unknown_labels_come_last() {
        let schema = Preset::by_id(NEWS_RHETORIC).unwrap().schema();
        let counts = BTreeMap::from([
            ("loaded-language".to_owned(), 3),
            ("doubt".to_owned(), 1),
            ("propaganda".to_owned(), 2),
        ]);
        let bars = bars(&schema, &counts);
        assert_eq!(bars.len(), 21);
        assert_eq!(bars[0].id, "appeal-to-authority");
        assert_eq!(bars[0].count, 0);
        let loaded = bars.iter().find(|b| b.id == "loaded-language").unwrap();
        assert_eq!(
            (loaded.count, loaded.name_ar.as_str()),
            (3, "اللغة المشحونة")
        );
        assert_eq!(bars[20].id, "propaganda");
        assert_eq!(bars[20].name_en, "(not in the schema)");
    }
}
