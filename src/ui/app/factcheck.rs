//! The fact-checker's part of the window, kept apart from the rest of the app: linking (L, a
//! click, Alt-drag, a menu when several relation types fit), the label keys and label bar that
//! relabel a selected annotation instead of adding a second one, click cycling over overlapping
//! spans, the inspector's drafts, the claims table, the first-run question for the annotator
//! name and the arcs switch (both kept in the window's one [`Preferences`](crate::workspace::preferences::Preferences)). Everything done to annotations is an [`Action`] run through [`HamishApp::run`].

use super::HamishApp;
use crate::model::annotation::AnnotationId;
use crate::offset::{CharOffset, CharRange};
use crate::store::formats::{csv_claims, AnnotatedText};
use crate::ui::arcs::ArcInput;
use crate::ui::claims_table::{claims_table_ui, ClaimsSort};
use crate::ui::commands::Command;
use crate::ui::i18n::{tr, tr_args, tr_count};
use crate::ui::inspector::{inspector_ui, Drafts, InspectorInput};
use crate::ui::label_bar::label_bar_ui;
use crate::ui::widgets::{ArabicLabel, TextField};
use crate::workspace::{Action, LinkChoice};
use std::path::PathBuf;

/// The fact-checking state of the window.
#[derive(Default)]
pub(super) struct Workbench {
    /// The annotation waiting for the other end of a link.
    pub linking: Option<AnnotationId>,
    /// Relation types to choose from for a pair (several fit), and where the menu shows.
    link_menu: Option<(Vec<LinkChoice>, egui::Pos2)>,
    /// Typed text of the inspector not yet made actions.
    pub drafts: Drafts,
    /// The claims table is shown, and how it is sorted.
    show_claims: bool,
    claims_sort: ClaimsSort,
    /// The name typed in the first-run question.
    name_field: String,
}

impl Workbench {
    /// Starts the first-run question's field with the annotator name kept so far.
    pub fn set_name_field(&mut self, name: &str) {
        self.name_field = name.to_owned();
    }
}

impl HamishApp {
    /// Handles the fact-checker's commands; false for any other command.
    pub(super) fn apply_workbench(&mut self, ctx: &egui::Context, command: &Command) -> bool {
        match command {
            Command::StartLinking => self.start_linking(),
            Command::LinkPair { first, second } => self.link_pair(*first, *second, ctx),
            Command::LinkAtCaret => {
                let target = self.view.caret().and_then(|c| self.smallest_at(c.offset));
                match (self.bench.linking, target) {
                    (Some(first), Some(second)) => self.link_pair(first, second, ctx),
                    (Some(_), None) => {
                        self.status_message = Some(tr(
                            "Move the caret into the annotation to link to, then press Enter.",
                        ))
                    }
                    (None, _) => {}
                }
            }
            Command::LinkDrop { from, to } => {
                match (self.smallest_at(*from), self.smallest_at(*to)) {
                    (Some(first), Some(second)) => {
                        self.selected = Some(first);
                        self.link_pair(first, second, ctx);
                    }
                    _ => {
                        self.status_message = Some(tr(
                            "Alt-drag from one highlighted span to another to link them.",
                        ));
                    }
                }
            }
            Command::ApplyLabel(label) => {
                if let Some(action) = self.label_action(label.clone()) {
                    self.run(action);
                }
            }
            Command::ToggleArcs => {
                self.prefs.show_arcs = !self.prefs.show_arcs;
                self.view.set_show_arcs(self.prefs.show_arcs);
                self.save_preferences();
            }
            Command::ToggleClaimsTable => self.bench.show_claims = !self.bench.show_claims,
            Command::ExportPageDialog => {
                if let Some(path) = self.pick_page_file() {
                    self.run(Action::ExportPage { path });
                }
            }
            Command::ExportPageTo(path) => self.run(Action::ExportPage { path: path.clone() }),
            // The one Preferences window (annotator name, arcs, theme, font, language).
            Command::ShowPreferences => self.prefs_shown = true,
            Command::SetAnnotator(name) => {
                let name = name.trim().to_owned();
                self.prefs.annotator = name.clone();
                self.workspace.set_author(name);
                self.save_preferences();
            }
            _ => return false,
        }
        true
    }

    /// Makes the typed drafts of the inspector real before anything else happens (a save must
    /// hold the note typed a moment ago).
    pub(super) fn flush_drafts(&mut self) {
        if self.bench.drafts.is_empty() {
            return;
        }
        let Some(open) = self.workspace.open_text() else {
            return;
        };
        let actions = self
            .bench
            .drafts
            .take_actions(open.session.set(), open.session.schema());
        for action in actions {
            self.run(action);
        }
    }

    /// Asks where to write the page, next to the open text, PDF first.
    fn pick_page_file(&self) -> Option<PathBuf> {
        let open = self.document()?;
        let path = &open.session.source().path;
        let stem = path
            .file_stem()
            .map_or("page".into(), |s| s.to_string_lossy());
        let mut dialog = rfd::FileDialog::new()
            .set_title(tr("Export the annotated page (PDF, PNG or SVG)"))
            .set_file_name(format!("{stem}.pdf"))
            .add_filter("PDF", &["pdf"])
            .add_filter(tr("PNG image"), &["png"])
            .add_filter("SVG", &["svg"]);
        if let Some(folder) = path.parent() {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file()
    }

    fn start_linking(&mut self) {
        match self.selected {
            Some(id) => {
                self.bench.linking = Some(id);
                self.status_message =
                    Some(tr_args("linking-started", &[("id", id.to_string().into())]));
            }
            None => {
                self.status_message =
                    Some(tr("Click an annotation first, then press L to link it."));
            }
        }
    }

    /// Cancels a link waiting for its other end (Escape).
    pub(super) fn cancel_linking(&mut self) {
        self.bench.link_menu = None;
        if self.bench.linking.take().is_some() {
            self.status_message = Some(tr("Linking cancelled."));
        }
    }

    /// Links `first` and `second` with the one relation type that fits, or offers a menu.
    fn link_pair(&mut self, first: AnnotationId, second: AnnotationId, ctx: &egui::Context) {
        self.bench.linking = None;
        match self.workspace.link_choices(first, second) {
            Ok(mut choices) if choices.len() == 1 => {
                let c = choices.remove(0);
                self.run(Action::Link {
                    from: c.from,
                    to: c.to,
                    kind: c.kind,
                });
                self.select_annotation(first);
            }
            Ok(choices) => {
                let at = ctx.pointer_latest_pos().unwrap_or(egui::pos2(200.0, 200.0));
                self.bench.link_menu = Some((choices, at));
            }
            Err(err) => self.show_error(&err, "Not linked: "),
        }
    }

    /// The shortest annotation covering `offset`.
    fn smallest_at(&self, offset: CharOffset) -> Option<AnnotationId> {
        let open = self.document()?;
        open.session
            .set()
            .at(offset)
            .into_iter()
            .min_by_key(|a| (a.ranges.iter().map(|r| r.len()).sum::<usize>(), a.id))
            .map(|a| a.id)
    }

    /// After a click in the text: the other end of a waiting link, or the annotation under the
    /// caret — the next one of those covering that place when the selected one is among them, so
    /// clicking again cycles through overlapping spans.
    pub(super) fn clicked_in_text(&mut self, ctx: &egui::Context) {
        let Some(range) = self.view.selection_range().filter(|r| r.is_empty()) else {
            return;
        };
        if let Some(first) = self.bench.linking {
            match self.smallest_at(range.start) {
                Some(second) => self.link_pair(first, second, ctx),
                None => {
                    self.status_message = Some(tr(
                        "No annotation there: click a highlighted span (Esc cancels).",
                    ))
                }
            }
            return;
        }
        let under: Vec<AnnotationId> = self.document().map_or_else(Vec::new, |open| {
            let mut here = open.session.set().at(range.start);
            here.sort_by_key(|a| (a.ranges.iter().map(|r| r.len()).sum::<usize>(), a.id));
            here.into_iter().map(|a| a.id).collect()
        });
        let next = match self
            .selected
            .and_then(|s| under.iter().position(|&id| id == s))
        {
            Some(k) => under.get((k + 1) % under.len()).copied(),
            None => under.first().copied(),
        };
        if next != self.selected {
            self.selected = next;
            self.refresh_annotations();
            if under.len() > 1 {
                self.status_message =
                    Some(tr_count("annotations-here", &[("n", under.len() as i64)]));
            }
        }
    }

    /// What a label key or a label-bar click means: relabel the selected annotation when no other
    /// text is selected (its own range selected counts as none), else annotate the selection.
    pub(super) fn label_action(&mut self, label: String) -> Option<Action> {
        let selection = self
            .view
            .selection_range()
            .filter(|r| !r.is_empty())
            .map(|r| self.view.snapped_to_words(r));
        let own = |id: AnnotationId, r: CharRange| {
            self.document()
                .and_then(|o| o.session.set().annotation(id))
                .is_some_and(|a| a.ranges.contains(&r))
        };
        match (self.selected, selection) {
            (Some(id), None) => Some(Action::Relabel { id, label }),
            (Some(id), Some(r)) if own(id, r) => Some(Action::Relabel { id, label }),
            (_, Some(range)) => Some(Action::Annotate { label, range }),
            (None, None) => {
                self.status_message = Some(tr(
                    "Select some text first (or click an annotation to relabel it).",
                ));
                None
            }
        }
    }

    /// The label bar, at the top under the menu.
    pub(super) fn label_bar_panel(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(open) = self.workspace.open_text() else {
            return;
        };
        let schema = open.session.schema();
        let (arcs, linking) = (self.prefs.show_arcs, self.bench.linking);
        egui::Panel::top("label-bar").show(ui, |ui| {
            commands.extend(label_bar_ui(ui, schema, arcs, linking));
        });
    }

    /// The inspector, on the right: in an Arabic text every line starts at the right edge, so the
    /// reader's eye comes back to that side at each line; the details of the span being read are
    /// one glance away there, while the ragged line ends on the left stay clear.
    pub(super) fn inspector_panel(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(open) = self.workspace.open_text() else {
            return;
        };
        let input = InspectorInput {
            set: open.session.set(),
            schema: open.session.schema(),
            text: &open.session.source().text,
            selected: self.selected,
            linking: self.bench.linking,
        };
        let drafts = &mut self.bench.drafts;
        let name = &mut self.bench.name_field;
        let asking = self.prefs.annotator.is_empty();
        crate::ui::i18n::end_panel("inspector")
            .resizable(true)
            .default_size(300.0)
            // A schema of twenty labels must not push the text off the window.
            .max_size(380.0)
            .show(ui, |ui| {
                // Aligned where lines start (the right in Arabic).
                ui.with_layout(crate::ui::i18n::panel_layout(), |ui| {
                    if asking {
                        commands.extend(annotator_question_ui(ui, name));
                        ui.separator();
                    }
                    commands.extend(inspector_ui(ui, &input, drafts));
                });
            });
    }

    /// Windows: the claims table, the preferences, the menu of relation types.
    pub(super) fn workbench_windows(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.bench.show_claims {
            let rows = self.document().map_or_else(Vec::new, |open| {
                let doc = AnnotatedText {
                    name: open.name.clone(),
                    text: open.session.source().text.clone(),
                    set: open.session.set().clone(),
                };
                csv_claims::claim_rows(&doc, open.session.schema())
            });
            let mut shown = true;
            commands.extend(claims_table_ui(
                ctx,
                &mut shown,
                rows,
                &mut self.bench.claims_sort,
            ));
            self.bench.show_claims = shown;
        }
        if let Some((choices, at)) = &self.bench.link_menu {
            let mut chosen = None;
            let mut close = false;
            egui::Area::new(egui::Id::unique("hamish-link-menu"))
                .fixed_pos(*at)
                .order(egui::Order::Foreground)
                .show(ctx, |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.add(ArabicLabel::interface(tr("Link as:")));
                        for c in choices {
                            let text =
                                format!("{} · {} ({} to {})", c.name_ar, c.name_en, c.from, c.to);
                            if ui
                                .add(ArabicLabel::new(text).sense(egui::Sense::click()))
                                .clicked()
                            {
                                chosen = Some(c.clone());
                            }
                        }
                        close = crate::ui::rtl_widgets::button(ui, &tr("Cancel")).clicked();
                    });
                });
            if let Some(c) = chosen {
                commands.push(Command::Act(Action::Link {
                    from: c.from,
                    to: c.to,
                    kind: c.kind,
                }));
                close = true;
            }
            if close {
                self.bench.link_menu = None;
            }
        }
    }

    /// Gives the view what its arcs are drawn from (after annotations or relations changed).
    pub(super) fn refresh_arcs(&mut self) {
        let input = self.workspace.open_text().map(|open| {
            let schema = open.session.schema();
            ArcInput {
                set: open.session.set().clone(),
                captions: schema
                    .relations
                    .iter()
                    .map(|r| (r.id.clone(), r.name_ar.clone()))
                    .collect(),
            }
        });
        self.view.set_arc_input(input.unwrap_or_default());
    }
}

/// "Your name as annotator": a field and OK; emits [`Command::SetAnnotator`].
fn annotator_question_ui(ui: &mut egui::Ui, name: &mut String) -> Vec<Command> {
    let mut commands = Vec::new();
    let question = tr("Your name as annotator (written on each annotation you make):");
    ui.add(ArabicLabel::new(question).wrap());
    crate::ui::i18n::row(ui, |ui| {
        let output = TextField::singleline(name)
            .id_salt("annotator-name")
            .desired_width(180.0)
            .hint_text(tr("Name"))
            .accessible_name("Annotator name")
            .show(ui);
        if (crate::ui::rtl_widgets::button(ui, &tr("OK")).clicked() || output.submitted)
            && !name.trim().is_empty()
        {
            commands.push(Command::SetAnnotator(name.clone()));
        }
    });
    commands
}
