//! The search bar (Ctrl+F): a query field drawn by the text engine, the matching options, the
//! hit count, previous/next, and "label all hits" with a label of the open schema. Hits are found
//! by `crate::search` on the open text and painted by the document view; the current hit is the
//! view's selection, so a label key labels it. Enter in the field (or in the text while the bar is
//! open) goes to the next hit, Shift+Enter to the previous one. Offsets are chars into the text.

use super::commands::Command;
use super::i18n::{row, tr, tr_count, wrapped_row};
use super::rtl_widgets as rtl;
use super::widgets::{ArabicLabel, TextField};
use crate::model::schema::Schema;
use crate::offset::CharRange;
use crate::search::{Query, SearchOptions};
use crate::workspace::batch::search::{search_paths, FileHit};
use crate::workspace::corpus::Corpus;
use crate::workspace::Action;
use std::path::PathBuf;

/// The id salt of the query field (tests find the field by its accessible name).
const FIELD_SALT: &str = "hamish-search-query";

/// What the search bar holds between frames.
#[derive(Debug, Default)]
pub struct SearchBar {
    open: bool,
    query: String,
    options: SearchOptions,
    hits: Vec<CharRange>,
    /// Why the query finds nothing (a bad pattern), shown instead of the count.
    problem: Option<String>,
    /// The label "label all" applies.
    label: Option<String>,
    /// Give the field keyboard focus in the next frame.
    focus_field: bool,
    /// The hits changed since the view last took them.
    hits_changed: bool,
    /// The hits in every text of the open folder, after "In all texts".
    folder_hits: Option<Vec<FileHit>>,
}

/// Which way to move through the hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitStep {
    /// To the first hit after the selection.
    Next,
    /// To the last hit before it.
    Previous,
}

impl SearchBar {
    /// True while the bar is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows the bar with the keyboard in its field.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_field = true;
    }

    /// Hides the bar; its hits are no longer painted.
    pub fn close(&mut self) {
        self.open = false;
        self.hits.clear();
        self.hits_changed = true;
    }

    /// The query typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Sets the query and options (for tests and scripting) and searches `text`.
    pub fn set_query(&mut self, query: &str, options: SearchOptions, text: &str) {
        self.query = query.to_owned();
        self.options = options;
        self.search(text);
    }

    /// The hits in the open text, in text order.
    pub fn hits(&self) -> &[CharRange] {
        &self.hits
    }

    /// The hits, once after each change (for the view to paint).
    pub fn take_changed_hits(&mut self) -> Option<&[CharRange]> {
        std::mem::take(&mut self.hits_changed).then_some(&self.hits[..])
    }

    /// Searches `text` again (another text was opened).
    pub fn search(&mut self, text: &str) {
        self.hits_changed = true;
        self.hits.clear();
        self.problem = None;
        if !self.open || self.query.trim().is_empty() {
            return;
        }
        match Query::new(&self.query, self.options) {
            Ok(query) => self.hits = query.find_in(text),
            Err(err) => self.problem = Some(err.to_string()),
        }
    }

    /// The hit to select when stepping from `selection` (or the caret, as an empty range),
    /// wrapping around at either end.
    pub fn step(&self, step: HitStep, selection: Option<CharRange>) -> Option<CharRange> {
        let (first, last) = (self.hits.first()?, self.hits.last()?);
        let Some(selection) = selection else {
            return Some(*first);
        };
        let found = match step {
            HitStep::Next => self.hits.iter().find(|h| h.start >= selection.end),
            HitStep::Previous => self.hits.iter().rev().find(|h| h.end <= selection.start),
        };
        Some(*found.unwrap_or(match step {
            HitStep::Next => first,
            HitStep::Previous => last,
        }))
    }

    /// "3 of 11" when `selection` is a hit, "11 hits" otherwise.
    pub fn count_text(&self, selection: Option<CharRange>) -> String {
        let at = selection.and_then(|s| self.hits.iter().position(|h| *h == s));
        match (at, self.hits.len()) {
            (Some(k), n) if n > 0 => {
                tr_count("search-hit-of", &[("k", k as i64 + 1), ("n", n as i64)])
            }
            (_, n) => tr_count("search-hits", &[("n", n as i64)]),
        }
    }

    /// Searches every text of `corpus` (the results list under the bar); a text that cannot be
    /// read is left out.
    pub fn search_corpus(&mut self, corpus: &Corpus) {
        let Ok(query) = Query::new(&self.query, self.options) else {
            self.folder_hits = Some(Vec::new());
            return;
        };
        let paths: Vec<PathBuf> = corpus.entries().iter().map(|e| e.path.clone()).collect();
        self.folder_hits =
            Some(search_paths(&paths, &query).map_or_else(|_| Vec::new(), |r| r.hits));
    }

    /// The hits in all texts of the folder, once searched.
    pub fn folder_hits(&self) -> Option<&[FileHit]> {
        self.folder_hits.as_deref()
    }

    /// The results list of the search across the folder: one row per hit (text name, the hit);
    /// a click opens that text with the hit selected.
    pub fn folder_results_ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(hits) = &self.folder_hits else {
            return commands;
        };
        row(ui, |ui| {
            ui.add(ArabicLabel::interface(tr_count(
                "folder-hits",
                &[("n", hits.len() as i64)],
            )));
            if rtl::button(ui, &tr("Hide")).clicked() {
                commands.push(Command::HideFolderHits);
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("hamish-folder-hits")
            .max_height(160.0)
            .show_rows(ui, 24.0, hits.len(), |ui, rows| {
                for hit in &hits[rows] {
                    let index = corpus
                        .entries()
                        .iter()
                        .position(|e| e.path.display().to_string() == hit.file);
                    let name = index.map_or(hit.file.as_str(), |i| &corpus.entries()[i].name);
                    let row = format!("{name}: {} ({}–{})", hit.text, hit.start, hit.end);
                    let response =
                        ui.add(ArabicLabel::new(row).elide().sense(egui::Sense::click()));
                    if let (true, Some(index)) = (response.clicked(), index) {
                        let range = CharRange::from_indices(hit.start, hit.end);
                        commands.push(Command::OpenHit { index, range });
                    }
                }
            });
        commands
    }

    /// Forgets the folder's results.
    pub fn hide_folder_hits(&mut self) {
        self.folder_hits = None;
    }

    /// Shows the bar; `text` is searched again when the query or an option changes; "In all
    /// texts" is offered when a folder is open.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        text: &str,
        schema: Option<&Schema>,
        selection: Option<CharRange>,
        in_folder: bool,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let before = (self.query.clone(), self.options);
        wrapped_row(ui, |ui| {
            self.field_ui(ui);
            options_ui(ui, &mut self.options);
            match &self.problem {
                Some(problem) => {
                    ui.add(
                        ArabicLabel::interface(problem.as_str()).color(ui.visuals().warn_fg_color),
                    );
                }
                None => {
                    ui.add(ArabicLabel::interface(self.count_text(selection)));
                }
            }
            let any = !self.hits.is_empty();
            if rtl::button_enabled(ui, any, &tr("Previous")).clicked() {
                commands.push(Command::SearchStep(HitStep::Previous));
            }
            if rtl::button_enabled(ui, any, &tr("Next")).clicked() {
                commands.push(Command::SearchStep(HitStep::Next));
            }
            let searchable = self.problem.is_none() && !self.query.trim().is_empty();
            if in_folder && rtl::button_enabled(ui, searchable, &tr("In all texts")).clicked() {
                commands.push(Command::SearchFolder);
            }
            ui.separator();
            if let Some(schema) = schema {
                self.label_all_ui(ui, schema, &mut commands);
            }
            if rtl::button(ui, &tr("Close")).clicked() {
                commands.push(Command::CloseSearch);
            }
        });
        if (self.query.clone(), self.options) != before {
            self.search(text);
            self.folder_hits = None;
        }
        commands
    }

    fn field_ui(&mut self, ui: &mut egui::Ui) {
        let output = TextField::singleline(&mut self.query)
            .id_salt(FIELD_SALT)
            .desired_width(220.0)
            .hint_text(tr("Search (harakat ignored)"))
            .accessible_name("Search")
            .show(ui);
        if std::mem::take(&mut self.focus_field) {
            output.response.request_focus();
        }
        // Enter gives up the field's focus, so the same press reaches the command table's
        // Enter / Shift+Enter (next / previous hit) in this frame: no step is emitted here.
    }

    /// The label chooser and the "Label all" button.
    fn label_all_ui(&mut self, ui: &mut egui::Ui, schema: &Schema, commands: &mut Vec<Command>) {
        if self
            .label
            .as_ref()
            .is_none_or(|id| schema.label(id).is_none())
        {
            self.label = schema.labels.first().map(|l| l.id.clone());
        }
        let Some(current) = self.label.clone() else {
            return;
        };
        let arabic = super::i18n::is_rtl();
        let name = schema.label(&current).map_or("", |l| {
            if arabic {
                l.name_ar.as_str()
            } else {
                l.name_en.as_str()
            }
        });
        let caption = ui.add(ArabicLabel::interface(tr("Label:")));
        egui::ComboBox::from_id_salt("hamish-label-all")
            .selected_text(rtl::text_atom(ui, name))
            .show_ui(ui, |ui| {
                for label in &schema.labels {
                    let chosen = self.label.as_deref() == Some(label.id.as_str());
                    // In Arabic the Arabic name alone; in English both.
                    let clicked = if arabic {
                        rtl::selectable_label(ui, chosen, &label.name_ar).clicked()
                    } else {
                        row(ui, |ui| {
                            let clicked = ui.selectable_label(chosen, &label.name_en).clicked();
                            ui.add(ArabicLabel::new(label.name_ar.as_str()));
                            clicked
                        })
                        .inner
                    };
                    if clicked {
                        self.label = Some(label.id.clone());
                    }
                }
            })
            .response
            .labelled_by(caption.id);
        if rtl::button_enabled(ui, !self.hits.is_empty(), &tr("Label all hits")).clicked() {
            commands.push(Command::Act(Action::LabelAllHits {
                label: current,
                query: self.query.clone(),
                options: self.options,
            }));
        }
    }
}

/// The matching options as check boxes.
fn options_ui(ui: &mut egui::Ui, options: &mut SearchOptions) {
    let whole = rtl::checkbox(ui, &mut options.whole_word, &tr("Whole word"));
    rtl::hover_text(whole, &tr("Only whole words"));
    ui.add_enabled_ui(options.whole_word, |ui| {
        rtl::checkbox(ui, &mut options.clitics, &tr("+ clitics")).on_hover_ui(|ui| {
            ui.add(ArabicLabel::interface(tr(
                "Also after و ف ب ل ك and ال in the same word",
            )));
        });
    });
    // The letters are drawn by the text engine; egui's own text would not join or order them.
    let letters = ui.add(ArabicLabel::new("ة = ه"));
    let ta = ui
        .checkbox(&mut options.ta_marbuta, "")
        .labelled_by(letters.id);
    rtl::hover_text(ta, &tr("Treat ta marbuta and ha as one letter"));
    let regex = rtl::checkbox(ui, &mut options.regex, &tr("Regex"));
    rtl::hover_text(regex, &tr("The query is a regular expression"));
    let case = ui.checkbox(&mut options.match_case, "Aa");
    rtl::hover_text(case, &tr("Latin upper and lower case differ"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar_with_hits(hits: &[(usize, usize)]) -> SearchBar {
        SearchBar {
            hits: hits
                .iter()
                .map(|&(s, e)| CharRange::from_indices(s, e))
                .collect(),
            ..SearchBar::default()
        }
    }

    #[test]
    fn stepping_goes_past_the_selection_and_wraps() {
        let bar = bar_with_hits(&[(2, 4), (10, 12), (20, 22)]);
        let r = |s, e| Some(CharRange::from_indices(s, e));
        assert_eq!(bar.step(HitStep::Next, None), r(2, 4));
        assert_eq!(bar.step(HitStep::Next, r(2, 4)), r(10, 12));
        assert_eq!(bar.step(HitStep::Next, r(20, 22)), r(2, 4));
        assert_eq!(bar.step(HitStep::Previous, r(10, 12)), r(2, 4));
        assert_eq!(bar.step(HitStep::Previous, r(2, 4)), r(20, 22));
        assert_eq!(bar.step(HitStep::Next, r(5, 5)), r(10, 12));
        assert_eq!(bar.count_text(r(10, 12)), "2 of 3");
        assert_eq!(bar.count_text(r(5, 5)), "3 hits");
        assert_eq!(bar_with_hits(&[]).step(HitStep::Next, None), None);
    }
}
