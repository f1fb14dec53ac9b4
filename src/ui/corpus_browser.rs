//! The folder browser: the texts of the open folder (or files opened together) with their
//! annotation count, counts per label and status, filtered by name (Arabic-aware) or status; the
//! background scan's progress with a button to stop it; the open text's status (new, in
//! progress, done); and, for a folder without `schema.ron`, the bundled presets to choose from.
//! Names are drawn by the text engine (they are often Arabic). Only visible rows are laid out.

use super::commands::Command;
use super::i18n::{is_rtl, row};
use super::i18n::{tr, tr_count};
use super::rtl_widgets as rtl;
use super::widgets::{ArabicLabel, TextField};
use crate::model::schema::{Schema, PRESETS};
use crate::model::set::DocumentStatus;
use crate::text::BaseDirection;
use crate::workspace::corpus::{Corpus, CorpusEntry, CorpusFilter};
use crate::workspace::Action;
use egui::{Color32, Sense};

/// Height of one row of the list, points.
const ROW_HEIGHT: f32 = 46.0;
/// Height of the list, points.
const LIST_HEIGHT: f32 = 300.0;

/// What the browser keeps between frames.
#[derive(Debug, Default)]
pub struct CorpusBrowser {
    filter: CorpusFilter,
}

impl CorpusBrowser {
    /// The filter the list shows (next/previous follow it).
    pub fn filter(&self) -> &CorpusFilter {
        &self.filter
    }

    /// Shows the browser of `corpus`; returns the commands chosen.
    /// Shows the browser of `corpus`; `schema` (the open text's) names the labels of each row.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        corpus: &Corpus,
        schema: Option<&Schema>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        header_ui(ui, corpus, &mut commands);
        if corpus.has_folder_schema() == Some(false) {
            presets_ui(ui, corpus, &mut commands);
        }
        self.filter_ui(ui);
        let listed: Vec<usize> = (0..corpus.entries().len())
            .filter(|&i| self.filter.accepts(&corpus.entries()[i]))
            .collect();
        let listed_text = tr_count(
            "texts-listed",
            &[
                ("shown", listed.len() as i64),
                ("total", corpus.entries().len() as i64),
            ],
        );
        ui.add(ArabicLabel::interface(listed_text).color(ui.visuals().weak_text_color()));
        egui::ScrollArea::vertical()
            .id_salt("hamish-corpus-list")
            .max_height(LIST_HEIGHT)
            .auto_shrink([false, true])
            .show_rows(ui, ROW_HEIGHT, listed.len(), |ui, rows| {
                for &index in &listed[rows] {
                    let entry = &corpus.entries()[index];
                    let current = corpus.current() == Some(index);
                    if entry_row_ui(ui, entry, current, schema).clicked() && !current {
                        commands.push(Command::Act(Action::GoToDocument { index }));
                    }
                }
            });
        if let Some(entry) = corpus.current().and_then(|i| corpus.entries().get(i)) {
            status_ui(ui, entry, &mut commands);
        }
        commands
    }

    fn filter_ui(&mut self, ui: &mut egui::Ui) {
        row(ui, |ui| {
            TextField::singleline(&mut self.filter.name)
                .id_salt("hamish-corpus-filter")
                .desired_width(120.0)
                .hint_text(tr("Filter by name"))
                .show(ui);
            let shown = tr(self.filter.status.map_or("any status", |s| s.name()));
            let caption = ui.add(ArabicLabel::interface(tr("Show:")));
            egui::ComboBox::from_id_salt("hamish-corpus-status")
                .selected_text(rtl::text_atom(ui, &shown))
                .show_ui(ui, |ui| {
                    rtl::selectable_value(ui, &mut self.filter.status, None, &tr("any status"));
                    for status in DocumentStatus::ALL {
                        rtl::selectable_value(
                            ui,
                            &mut self.filter.status,
                            Some(status),
                            &tr(status.name()),
                        );
                    }
                })
                .response
                .labelled_by(caption.id);
        });
    }
}

/// The folder's name, how many texts, and the scan's progress with its Stop button.
fn header_ui(ui: &mut egui::Ui, corpus: &Corpus, commands: &mut Vec<Command>) {
    let title = corpus.folder().map_or_else(
        || tr("Texts opened together"),
        crate::workspace::open::display_name,
    );
    ui.add(ArabicLabel::new(title).strong().elide());
    let progress = corpus.progress();
    if progress.running {
        row(ui, |ui| {
            let done = progress.read as f32 / progress.total.max(1) as f32;
            ui.add(
                egui::ProgressBar::new(done)
                    .desired_width(140.0)
                    .text(format!("{} / {}", progress.read, progress.total)),
            );
            if rtl::button(ui, &tr("Stop")).clicked() {
                commands.push(Command::Act(Action::CancelScan));
            }
        });
    } else if progress.cancelled && progress.read < progress.total {
        let stopped = tr_count(
            "scan-stopped",
            &[
                ("read", progress.read as i64),
                ("total", progress.total as i64),
            ],
        );
        ui.add(ArabicLabel::interface(stopped).color(ui.visuals().weak_text_color()));
    }
}

/// The presets offered to a folder without `schema.ron`.
fn presets_ui(ui: &mut egui::Ui, corpus: &Corpus, commands: &mut Vec<Command>) {
    let Some(folder) = corpus.folder() else {
        return;
    };
    ui.group(|ui| {
        ui.add(
            ArabicLabel::interface(tr("This folder has no schema.ron. Use a bundled schema:"))
                .wrap(),
        );
        for preset in PRESETS {
            let schema = preset.schema();
            let name = if is_rtl() {
                &schema.name_ar
            } else {
                &schema.name_en
            };
            let response = rtl::button(ui, name);
            if response.clicked() {
                commands.push(Command::Act(Action::UseSchemaPreset {
                    folder: folder.to_owned(),
                    preset: preset.id.to_owned(),
                }));
            }
        }
    });
}

/// One text: its name, annotation count and status, and its counts per label.
fn entry_row_ui(
    ui: &mut egui::Ui,
    entry: &CorpusEntry,
    current: bool,
    schema: Option<&Schema>,
) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
    if current {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().selection.bg_fill);
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(4.0, 1.0)))
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    row(&mut child, |ui| {
        let (count, status) = match &entry.summary {
            Some(s) if s.problem.is_some() => ("!".to_owned(), tr("unreadable")),
            Some(s) => (s.annotations.to_string(), tr(s.status.name())),
            None => ("…".to_owned(), String::new()),
        };
        ui.label(egui::RichText::new(count).strong());
        ui.label(egui::RichText::new(status).color(status_colour(entry)));
        // A file name reads left to right, as in the status bar ("01-حلب.txt").
        ui.add(
            ArabicLabel::new(entry.name.as_str())
                .direction(BaseDirection::Ltr)
                .elide(),
        );
    });
    let labels = entry.summary.as_ref().map_or_else(String::new, |s| {
        s.per_label
            .iter()
            .map(|(label, n)| format!("{} {n}", label_name(schema, label)))
            .collect::<Vec<_>>()
            .join(" · ")
    });
    child.add(
        ArabicLabel::new(labels)
            .size(11.0)
            .elide()
            .color(Color32::GRAY),
    );
    let name = entry.name.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    match entry.summary.as_ref().and_then(|s| s.problem.as_deref()) {
        Some(problem) => response.on_hover_text(problem),
        None => response,
    }
}

/// The name of label `id` in the interface language, or the id when the schema lacks it.
fn label_name<'s>(schema: Option<&'s Schema>, id: &'s str) -> &'s str {
    match schema.and_then(|s| s.label(id)) {
        Some(label) if is_rtl() => &label.name_ar,
        Some(label) => &label.name_en,
        None => id,
    }
}

fn status_colour(entry: &CorpusEntry) -> Color32 {
    match entry.summary.as_ref().map(|s| s.status) {
        Some(DocumentStatus::Done) => Color32::from_rgb(40, 150, 60),
        Some(DocumentStatus::InProgress) => Color32::from_rgb(200, 130, 0),
        _ => Color32::GRAY,
    }
}

/// The open text's status, as three buttons.
fn status_ui(ui: &mut egui::Ui, entry: &CorpusEntry, commands: &mut Vec<Command>) {
    let now = entry
        .summary
        .as_ref()
        .map_or(DocumentStatus::New, |s| s.status);
    row(ui, |ui| {
        ui.add(ArabicLabel::interface(tr("This text:")));
        for status in DocumentStatus::ALL {
            if rtl::selectable_label(ui, now == status, &tr(status.name())).clicked()
                && now != status
            {
                commands.push(Command::Act(Action::SetDocumentStatus { status }));
            }
        }
    });
}
