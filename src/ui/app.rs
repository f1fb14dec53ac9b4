//! The eframe app: menu bar, status bar, messages, the annotation side panel and the document view.
//! Commands from panels and keys are applied once per frame; everything done to the text and its
//! annotations is an [`Action`] of the application layer ([`Workspace`]), and what the window
//! derives from them (highlights, panel rows, title) is rebuilt from each action's [`Outcome`] in
//! one place ([`HamishApp::absorb`]). Also autosave and asking before closing with unsaved changes.

mod factcheck;
mod probing;

use super::agreement_panel::agreement_window_ui;
use super::annotation_panel::{annotation_panel_ui, annotation_rows, AnnotationRow};
use super::commands::{CloseChoice, Command};
use super::document_view::DocumentView;
use super::highlights::{highlights_for, selection_fill};
use super::menu::menu_bar_ui;
use super::notices::{notices_ui, recovery_offer_ui, Notice, Severity as NoticeSeverity};
use super::shortcut_sheet::{shortcut_sheet_ui, toggle_shortcut_sheet};
use super::shortcuts::shortcuts_ui;
use super::status_bar::{status_bar_ui, StatusLine};
use super::widgets::{text_resources, ArabicLabel};
use crate::agree::AgreementReport;
use crate::model::annotation::AnnotationId;
use crate::store::formats::LossReport;
use crate::text::FontSet;
use crate::workspace::{
    Action, ActionError, Message, OpenText, Outcome, Report, Severity, Workspace,
};
use factcheck::Workbench;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How many lost items an export or import message lists.
const LOSS_LINES: usize = 8;

/// The whole window's state.
pub struct HamishApp {
    workspace: Workspace,
    view: DocumentView,
    /// The annotation chosen in the panel or by clicking in it.
    selected: Option<AnnotationId>,
    /// The side panel rows, rebuilt when annotations change.
    rows: Vec<AnnotationRow>,
    /// True when the recovery offer was put off until the next open.
    recovery_postponed: bool,
    /// Messages shown above the text until dismissed.
    notices: Vec<Notice>,
    /// A short confirmation shown in the status bar (e.g. where the annotations were saved).
    status_message: Option<String>,
    /// The title last sent to the window, to send a new one only on change.
    title: String,
    /// The agreement figures shown in their window, if open.
    agreement: Option<AgreementReport>,
    /// True while "save before closing?" is shown.
    asking_to_close: bool,
    /// Set once the user chose to close, so the next close request is let through.
    close_confirmed: bool,
    /// Linking, inspector drafts, claims table, preferences.
    bench: Workbench,
}

impl HamishApp {
    /// Opens `file`, or a copy of the bundled sample when `None`. A file that cannot be shown
    /// leaves an empty window with a message saying why.
    pub fn new(file: Option<&Path>) -> Self {
        Self::with_preferences(file, Workbench::default_path())
    }

    /// [`Self::new`] with new annotations by `author` whatever the preferences say, which are not
    /// kept (in a folder a team shares, the window works on that annotator's own file).
    pub fn new_as(file: Option<&Path>, author: &str) -> Self {
        Self::open_with(file, None, Some(author))
    }

    /// Like [`Self::new`], with the preferences kept in `preferences` (`None`: not kept).
    pub fn with_preferences(file: Option<&Path>, preferences: Option<PathBuf>) -> Self {
        Self::open_with(file, preferences, None)
    }

    fn open_with(file: Option<&Path>, preferences: Option<PathBuf>, author: Option<&str>) -> Self {
        let (bench, problem) = Workbench::load(preferences);
        let author = match (author, bench.prefs.annotator.as_str()) {
            (Some(author), _) => author.to_owned(),
            (None, "") => author_name(),
            (None, name) => name.to_owned(),
        };
        let mut view = DocumentView::new(String::new());
        view.set_show_arcs(bench.prefs.show_arcs);
        let mut app = Self {
            workspace: Workspace::new(author),
            view,
            selected: None,
            rows: Vec::new(),
            recovery_postponed: false,
            notices: Vec::new(),
            status_message: None,
            title: String::new(),
            agreement: None,
            asking_to_close: false,
            close_confirmed: false,
            bench,
        };
        app.notices.extend(problem);
        app.run(match file {
            Some(path) => Action::Open {
                path: path.to_owned(),
                encoding: None,
            },
            None => Action::OpenSample,
        });
        app
    }

    /// The document view (for tests).
    pub fn view(&self) -> &DocumentView {
        &self.view
    }

    /// The application layer (for tests and scripting).
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The open text, if any (for tests and scripting).
    pub fn document(&self) -> Option<&OpenText> {
        self.workspace.open_text()
    }

    /// The annotation selected in the panel or the text, if any.
    pub fn selected_annotation(&self) -> Option<AnnotationId> {
        self.selected
    }

    /// The side panel rows, in text order.
    pub fn rows(&self) -> &[AnnotationRow] {
        &self.rows
    }

    /// The name shown in the status bar.
    pub fn file_name(&self) -> &str {
        self.document().map_or("", |d| d.name.as_str())
    }

    /// The window title: the file name, with `•` in front when there are unsaved changes.
    pub fn title(&self) -> String {
        match self.document() {
            Some(d) if d.session.is_modified() => format!("• {} — Hamish", d.name),
            Some(d) => format!("{} — Hamish", d.name),
            None => "Hamish".to_owned(),
        }
    }

    /// Applies a command as if a panel had emitted it (for tests and scripting).
    pub fn apply_command(&mut self, ctx: &egui::Context, command: Command) {
        self.apply(ctx, command);
    }

    /// The messages shown.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The confirmation shown in the status bar, if any.
    pub fn status_message(&self) -> Option<&str> {
        self.status_message.as_deref()
    }

    /// The newest error or warning shown, if any.
    pub fn error(&self) -> Option<&str> {
        self.notices
            .iter()
            .rev()
            .find(|n| n.severity != NoticeSeverity::Info)
            .map(|n| n.text.as_str())
    }

    /// Who annotates, as the status bar says it: "alice", or "reading bob's version" when another
    /// annotator's file is open to look at.
    pub fn annotator_label(&self) -> String {
        let me = self.workspace.author();
        match self.document() {
            Some(d) if d.read_only => format!(
                "reading {}'s version",
                d.annotator
                    .as_ref()
                    .map_or("another annotator", |a| a.as_str())
            ),
            Some(d) => match &d.annotator {
                Some(name) => format!("{name}'s file"),
                None if me.is_empty() => String::new(),
                None => format!("annotator: {me}"),
            },
            None => String::new(),
        }
    }

    /// The agreement figures shown, if their window is open.
    pub fn agreement(&self) -> Option<&AgreementReport> {
        self.agreement.as_ref()
    }

    /// True while the "save before closing?" question is shown.
    pub fn is_asking_to_close(&self) -> bool {
        self.asking_to_close
    }

    /// Executes `action` in the application layer and shows what it did.
    fn run(&mut self, action: Action) {
        let in_status_bar = confirms_in_status_bar(&action);
        let context = action_context(&action);
        match self.workspace.execute(action) {
            Ok(outcome) => self.absorb(outcome, in_status_bar),
            Err(err) => self.show_error(&err, context),
        }
    }

    /// The one place the window follows what an action changed: the text shown, the highlights
    /// and panel rows, the selection, and the messages.
    fn absorb(&mut self, outcome: Outcome, in_status_bar: bool) {
        let changes = outcome.changes;
        if changes.opened {
            self.bench.linking = None;
            self.recovery_postponed = false;
            self.selected = None;
            self.status_message = None;
            if let Some(open) = self.workspace.open_text() {
                if open.session.source().text != self.view.text() {
                    self.view.set_text(open.session.source().text.clone());
                }
            }
        }
        if let Some(id) = outcome.select {
            self.selected = Some(id);
            // The chosen annotation is shown outlined instead of the text selection.
            self.view.clear_selection();
        }
        if changes.annotations_shown() || outcome.select.is_some() {
            self.refresh_annotations();
        }
        for message in outcome.messages {
            if in_status_bar && message.severity == Severity::Info {
                self.status_message = Some(message.text);
            } else {
                self.notices.push(notice_of(message));
            }
        }
        match outcome.report {
            Some(Report::Agreement(report)) => self.agreement = Some(report),
            Some(report) => self.notices.push(report_notice(report)),
            None => {}
        }
    }

    /// Rebuilds the panel rows and highlights from the open annotations (dropping a selection
    /// whose annotation is gone).
    fn refresh_annotations(&mut self) {
        let Some(open) = self.workspace.open_text() else {
            self.rows.clear();
            self.view.set_highlights(Vec::new());
            return;
        };
        let set = open.session.set();
        if self.selected.is_some_and(|id| set.annotation(id).is_none()) {
            self.selected = None;
        }
        let schema = open.session.schema();
        self.rows = annotation_rows(set, schema, &open.session.source().text);
        self.view
            .set_highlights(highlights_for(set, schema, self.selected));
        self.refresh_arcs();
    }

    fn show_error(&mut self, err: &ActionError, context: &str) {
        let mut text = format!("{context}{err}");
        if matches!(err, ActionError::Session(_)) && context.starts_with("Not saved") {
            text.push_str(". File > Save As… (Ctrl+Shift+S) saves a copy elsewhere.");
        }
        match err.severity() {
            Severity::Info => self.status_message = Some(capitalised(&text)),
            _ => self.notices.push(Notice::error(text)),
        }
    }

    fn use_font_file(&mut self, path: &Path) {
        // A font with Arabic letters becomes the primary font; any other only fills gaps.
        match self.view.fonts_mut().add_font_file(path) {
            Ok(id) if self.view.fonts().primary() != id => {
                self.notices.push(Notice::warning(format!(
                    "{} has no Arabic letters, so it is only used for characters the other fonts \
                     lack. Choose an Arabic font (e.g. Amiri) to change how the text looks.",
                    path.display()
                )));
            }
            Ok(_) => {}
            Err(err) => self.notices.push(Notice::error(format!(
                "{err}. Choose a TrueType or OpenType font file (.ttf, .otf)."
            ))),
        }
    }

    /// Panels, messages and fields draw with the fonts the text is read in.
    fn sync_widget_fonts(&self, ctx: &egui::Context) {
        let resources = text_resources(ctx);
        // A poisoned lock only means a panic elsewhere mid-frame; the fonts are still usable.
        let mut resources = resources.lock().unwrap_or_else(|e| e.into_inner());
        resources.set_fonts(self.view.fonts().clone());
    }

    /// Context settings the window needs: Ctrl+plus/minus zoom the text, not the whole interface;
    /// the repo's Arabic and Latin fonts as fallbacks so label names, quotes and symbols in panels show;
    /// the probe file for scripts when `HAMISH_PROBE_FILE` asks for one.
    pub fn configure(ctx: &egui::Context) {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        super::probe::install_from_env(ctx);
        // The text selection must not look like a label's highlight (egui's blue was Source's).
        for theme in [egui::Theme::Dark, egui::Theme::Light] {
            ctx.style_mut_of(theme, |style| {
                style.visuals.selection.bg_fill = selection_fill(theme == egui::Theme::Dark);
            });
        }
        let mut fonts = egui::FontDefinitions::default();
        // Fallbacks after egui's own fonts: Arabic, then Noto Sans for arrows, bullets and
        // other symbols in messages.
        let fallbacks: [(&str, &'static [u8]); 2] = [
            (
                "noto-naskh-arabic",
                include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
            ),
            (
                "noto-sans",
                include_bytes!("../../fonts/NotoSans-Regular.ttf"),
            ),
        ];
        for (name, data) in fallbacks {
            fonts.font_data.insert(
                name.to_owned(),
                std::sync::Arc::new(egui::FontData::from_static(data)),
            );
            for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
                fonts
                    .families
                    .entry(family)
                    .or_default()
                    .push(name.to_owned());
            }
        }
        ctx.set_fonts(fonts);
    }

    /// Applies one command.
    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        if !matches!(command, Command::Act(_)) {
            self.flush_drafts();
        }
        if let Command::Select { .. } = &command {
            self.view.apply(ctx, &command);
            self.clicked_in_text(ctx);
            return;
        }
        if self.view.apply(ctx, &command) {
            return;
        }
        match command {
            Command::Act(action) => self.run(action),
            Command::OpenFileDialog => {
                if let Some(path) = pick_file("Open a text file", &[("Text", &["txt"])]) {
                    self.run(open_action(path));
                }
            }
            Command::OpenFile(path) => self.run(open_action(path)),
            Command::ChooseFontDialog => {
                if let Some(path) = pick_file("Choose a font", &[("Fonts", &["ttf", "otf"])]) {
                    self.use_font_file(&path);
                    self.sync_widget_fonts(ctx);
                }
            }
            Command::UseFontFile(path) => {
                self.use_font_file(&path);
                self.sync_widget_fonts(ctx);
            }
            Command::UseEmbeddedFonts => {
                self.view.set_fonts(FontSet::embedded());
                self.sync_widget_fonts(ctx);
            }
            Command::ReopenWithEncoding(encoding) => self.run(Action::Reopen { encoding }),
            Command::ExportDialog(format) => {
                let title = format!("Export as {}: choose a folder", format.display_name());
                if let Some(folder) = rfd::FileDialog::new().set_title(title).pick_folder() {
                    self.run(Action::Export { format, folder });
                }
            }
            Command::ExportTo { format, folder } => self.run(Action::Export { format, folder }),
            Command::ImportDialog(format) => {
                let title = format!("Import {}", format.display_name());
                if let Some(file) = pick_file(&title, &[]) {
                    self.run(Action::Import { format, file });
                }
            }
            Command::ImportFrom { format, file } => self.run(Action::Import { format, file }),
            Command::SaveAsDialog => {
                if let Some(path) = self.pick_save_as() {
                    self.run(Action::SaveAs { path });
                }
            }
            Command::SaveAs(path) => self.run(Action::SaveAs { path }),
            Command::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Command::CloseAnswer(choice) => self.answer_close(ctx, choice),
            Command::PostponeRecovery => self.recovery_postponed = true,
            Command::ToggleShortcutSheet => toggle_shortcut_sheet(ctx),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            other if self.apply_workbench(ctx, &other) => {}
            other => self.apply_to_annotations(other),
        }
    }

    /// Commands that act on the open annotations in the context of the view's selection.
    fn apply_to_annotations(&mut self, command: Command) {
        let action = match command {
            Command::AnnotateWithHotkey(key) => {
                let label = match self.label_for_key(key) {
                    Ok(label) => label,
                    Err(hint) => {
                        self.status_message = Some(hint);
                        return;
                    }
                };
                match self.label_action(label) {
                    Some(action) => action,
                    None => return,
                }
            }
            Command::SelectAnnotation(id) => {
                self.select_annotation(id);
                return;
            }
            Command::ClearSelection => {
                self.cancel_linking();
                self.selected = None;
                self.view.clear_selection();
                self.refresh_annotations();
                return;
            }
            Command::DeleteSelectedAnnotation => match self.selected {
                Some(id) => Action::Delete { id },
                None => return,
            },
            Command::Undo => Action::Undo,
            Command::Redo => Action::Redo,
            Command::Save => Action::Save,
            Command::OverwriteAfterConflict => Action::OverwriteAfterConflict,
            Command::RestoreRecovery => Action::RestoreRecovery,
            Command::DiscardRecovery => Action::DiscardRecovery,
            _ => return,
        };
        self.run(action);
    }

    /// The label bound to `key` in the open schema, or a hint saying there is none.
    fn label_for_key(&self, key: char) -> Result<String, String> {
        let Some(open) = self.document() else {
            return Err("Open a text first.".into());
        };
        let schema = open.session.schema();
        schema
            .label_for_hotkey(key)
            .map(|l| l.id.clone())
            .ok_or_else(|| {
                format!(
                    "No label has the key {key} in the schema “{}”.",
                    schema.name_en
                )
            })
    }

    /// Selects annotation `id` and shows its first range.
    fn select_annotation(&mut self, id: AnnotationId) {
        self.selected = Some(id);
        let range = self.document().and_then(|open| {
            open.session
                .set()
                .annotation(id)
                .and_then(|a| a.ranges.first().copied())
                .filter(|r| r.end.0 <= open.session.source().char_len)
        });
        if let Some(range) = range {
            self.view.select_range(range);
        }
        self.refresh_annotations();
    }

    /// Asks where to save a copy (Save As), starting next to the open text.
    fn pick_save_as(&self) -> Option<PathBuf> {
        let open = self.document()?;
        let path = &open.session.source().path;
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save a copy of the text with its annotations as")
            .set_file_name(&open.name);
        if let Some(folder) = path.parent() {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file()
    }

    fn answer_close(&mut self, ctx: &egui::Context, choice: CloseChoice) {
        self.asking_to_close = false;
        let close = match choice {
            CloseChoice::Cancel => false,
            CloseChoice::Save => {
                self.run(Action::Save);
                !self.workspace.is_modified()
            }
            CloseChoice::Discard => {
                // The user chose to lose these changes: do not offer them again next time.
                if self.document().is_some() {
                    self.run(Action::DiscardUnsavedWork);
                }
                true
            }
        };
        if close {
            self.close_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Writes the recovery file when due, and asks for a repaint when the next one is due, so
    /// autosave happens while the window is idle.
    fn autosave(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        if let Some(message) = self.workspace.autosave_tick(now) {
            self.notices.push(notice_of(message));
        }
        if let Some(due) = self.workspace.next_autosave() {
            ctx.request_repaint_after(due.saturating_duration_since(now));
        }
    }

    /// Intercepts the window's close button while there are unsaved changes.
    fn check_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && self.workspace.is_modified() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.asking_to_close = true;
        }
    }

    /// One frame of the window (also usable inside a test harness).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.check_close_request(&ctx);
        let mut commands = Vec::new();
        let current_encoding = self.document().map(|d| d.session.source().encoding);
        let versions = || {
            self.document()
                .map(|d| d.annotator_versions())
                .unwrap_or_default()
        };
        egui::Panel::top("menu").show(ui, |ui| {
            commands.extend(menu_bar_ui(ui, current_encoding, &versions));
        });
        self.label_bar_panel(ui, &mut commands);
        let status = StatusLine {
            file_name: self.file_name(),
            encoding: self
                .document()
                .map(|d| d.encoding_label())
                .unwrap_or_default(),
            annotations: self.document().map(|d| d.session.set().len()),
            modified: self.workspace.is_modified(),
            selection: self.view.selection_range(),
            caret: self.view.caret().map(|c| c.offset),
            annotator: self.annotator_label(),
            zoom: self.view.zoom(),
            message: self.status_message.as_deref(),
        };
        egui::Panel::bottom("status").show(ui, |ui| status_bar_ui(ui, &status));
        if self.document().is_some() {
            egui::Panel::left("annotations")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    commands.extend(annotation_panel_ui(ui, &self.rows, self.selected));
                });
            self.inspector_panel(ui, &mut commands);
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let offer = self
                .document()
                .filter(|_| !self.recovery_postponed)
                .and_then(|d| d.session.pending_recovery());
            if let Some(recovery) = offer {
                commands.extend(recovery_offer_ui(ui, &recovery.path, recovery.modified));
            }
            commands.extend(notices_ui(ui, &self.notices));
            if self.document().is_some() {
                commands.extend(self.view.ui(ui));
            } else {
                ui.label("Use File > Open… (Ctrl+O) to open a text file.");
            }
        });
        self.workbench_windows(&ctx, &mut commands);
        shortcut_sheet_ui(&ctx, self.document().map(|d| d.session.schema()));
        agreement_window_ui(&ctx, &mut self.agreement);
        if self.asking_to_close {
            commands.extend(close_dialog_ui(&ctx, self.file_name()));
        } else {
            commands.extend(shortcuts_ui(&ctx));
        }
        commands.extend(dropped_files(&ctx));
        for command in commands {
            self.apply(&ctx, command);
        }
        self.autosave(&ctx);
        self.publish_probe(&ctx);
        let title = self.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for HamishApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

fn open_action(path: PathBuf) -> Action {
    Action::Open {
        path,
        encoding: None,
    }
}

/// True for actions whose confirmations go to the status bar (so the text does not jump down);
/// what opening, importing and exporting say stays above the text until dismissed.
fn confirms_in_status_bar(action: &Action) -> bool {
    !matches!(
        action,
        Action::Open { .. }
            | Action::OpenSample
            | Action::Reopen { .. }
            | Action::Import { .. }
            | Action::Export { .. }
            | Action::RestoreRecovery
    )
}

/// What an error message starts with for an action ("Not saved: …").
fn action_context(action: &Action) -> &'static str {
    match action {
        Action::Save | Action::SaveAs { .. } | Action::OverwriteAfterConflict => "Not saved: ",
        Action::Import { .. } => "Not imported: ",
        Action::Export { .. } => "Not exported: ",
        Action::RestoreRecovery => "Could not restore: ",
        Action::DiscardRecovery => "Could not delete the recovery file: ",
        _ => "",
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The window's notice for a message of the application layer.
fn notice_of(message: Message) -> Notice {
    let notice = match message.severity {
        Severity::Error => Notice::error(message.text),
        Severity::Warning => Notice::warning(message.text),
        Severity::Info => Notice::info(message.text),
    };
    match message.offer {
        Some((label, action)) => notice.with_action(label, Command::Act(action)),
        None => notice,
    }
}

/// The notice for an export's or import's report.
fn report_notice(report: Report) -> Notice {
    match report {
        Report::Exported { files, losses } => {
            let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let done = format!("Exported: {}.", files.join(", "));
            if losses.is_empty() {
                Notice::info(format!("{done} Nothing was lost."))
            } else {
                Notice::warning(format!(
                    "{done} {} thing(s) could not be represented:\n{}",
                    losses.len(),
                    loss_summary(&losses, LOSS_LINES)
                ))
            }
        }
        Report::Imported {
            annotations,
            losses,
        } if losses.is_empty() => Notice::info(format!(
            "Imported {annotations} annotation(s) (Ctrl+Z undoes it)."
        )),
        Report::Imported {
            annotations,
            losses,
        } => Notice::warning(format!(
            "Imported {annotations} annotation(s) (Ctrl+Z undoes it); {} thing(s) could not be \
             read:\n{}",
            losses.len(),
            loss_summary(&losses, LOSS_LINES)
        )),
        Report::Checked(problems) if problems.is_empty() => {
            Notice::info("The annotations are consistent with the schema and the text.")
        }
        Report::Checked(problems) => Notice::warning(
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Report::Stats(stats) => Notice::info(format!(
            "{} annotation(s), {} relation(s).",
            stats.annotations, stats.relations
        )),
        Report::Agreement(report) => Notice::info(format!(
            "Agreement measured between {}.",
            report.annotators.join(", ")
        )),
    }
}

/// The loss report as a few lines for a message (the first `max` losses, then a count).
fn loss_summary(report: &LossReport, max: usize) -> String {
    let mut lines: Vec<String> = report
        .losses
        .iter()
        .take(max)
        .map(|l| format!("lost: {l}"))
        .collect();
    if report.len() > max {
        lines.push(format!("… and {} more", report.len() - max));
    }
    lines.join("\n")
}

/// The name written into new annotations: the login name, if the environment has one.
fn author_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default()
}

/// "Save changes before closing?" with Save / Discard / Cancel.
fn close_dialog_ui(ctx: &egui::Context, file_name: &str) -> Vec<Command> {
    let mut commands = Vec::new();
    let modal = egui::Modal::new(egui::Id::unique("hamish-close-unsaved")).show(ctx, |ui| {
        ui.heading("Save changes before closing?");
        // The file name may be Arabic: drawn through the text engine.
        ui.add(
            ArabicLabel::new(format!(
                "The annotations of {file_name} have changes that are not saved."
            ))
            .wrap(),
        );
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                commands.push(Command::CloseAnswer(CloseChoice::Save));
            }
            if ui.button("Discard").clicked() {
                commands.push(Command::CloseAnswer(CloseChoice::Discard));
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::CloseAnswer(CloseChoice::Cancel));
            }
        });
    });
    if modal.should_close() && commands.is_empty() {
        commands.push(Command::CloseAnswer(CloseChoice::Cancel));
    }
    commands
}

/// Files dropped on the window this frame: each is opened (the last one stays shown).
fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .map(Command::OpenFile)
            .collect()
    })
}

fn pick_file(title: &str, filters: &[(&str, &[&str])]) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title(title);
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    dialog.add_filter("All files", &["*"]).pick_file()
}
