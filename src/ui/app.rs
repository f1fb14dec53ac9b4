//! The eframe app: menu bar, status bar, messages, the annotation side panel and the document view.
//! Commands from panels and keys are applied once per frame; everything done to the text and its
//! annotations is an [`Action`] of the application layer ([`Workspace`]), and what the window
//! derives from them (highlights, panel rows, title) is rebuilt from each action's [`Outcome`] in
//! one place ([`HamishApp::absorb`]). Also autosave and asking before closing with unsaved changes.

mod factcheck;
mod probing;

use super::agreement_panel::agreement_window_ui;
use super::annotation_panel::{annotation_panel_ui, annotation_rows, AnnotationRow};
use super::charts::{charts_window_ui, ChartScope};
use super::commands::{CloseChoice, Command};
use super::corpus_browser::CorpusBrowser;
use super::document_view::DocumentView;
use super::file_picker::{FilePicker, PickerOutcome, PickerPurpose, NO_DIALOG_WITHIN};
use super::highlights::{highlights_for, selection_fill};
use super::i18n::{arg, panel_layout, start_panel, tr, tr_args, tr_count};
use super::menu::menu_bar_ui;
use super::notices::{notices_ui, recovery_offer_ui, Notice, Severity as NoticeSeverity};
use super::preferences_window::preferences_window_ui;
use super::rtl_widgets as rtl;
use super::schema_editor::{EditorOutcome, SchemaEditor};
use super::schema_legend::schema_legend_ui;
use super::search_bar::{HitStep, SearchBar};
use super::shortcut_sheet::{shortcut_sheet_ui, toggle_shortcut_sheet};
use super::shortcuts::shortcuts_ui;
use super::status_bar::{status_bar_ui, StatusLine};
use super::widgets::{text_resources, ArabicLabel};
use crate::agree::AgreementReport;
use crate::model::annotation::AnnotationId;
use crate::store::formats::LossReport;
use crate::text::FontSet;
use crate::workspace::corpus::DocumentSummary;
use crate::workspace::preferences::{Language, Preferences, Theme};
use crate::workspace::{
    Action, ActionError, ErrorArg, Message, MessageArg, OpenText, Outcome, Report, Severity,
    Workspace,
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
    /// Linking, inspector drafts, claims table.
    bench: Workbench,
    /// The search bar (Ctrl+F) and its hits in the open text.
    search: SearchBar,
    /// The folder browser's filter.
    browser: CorpusBrowser,
    /// The in-window file picker, while shown.
    picker: Option<FilePicker>,
    /// The preferences in use (one struct for the whole window).
    prefs: Preferences,
    /// Where they are kept (`None`: not kept, or the file did not read).
    prefs_path: Option<PathBuf>,
    /// True while the Preferences window is shown.
    prefs_shown: bool,
    /// The theme last given to egui.
    theme_applied: Option<Theme>,
    /// The widgets' fonts must follow the view's (a font came from the preferences).
    widget_fonts_stale: bool,
    /// The schema editor, while shown.
    schema_editor: Option<SchemaEditor>,
    /// True while the label charts are shown, and which counts they show.
    charts: (bool, ChartScope),
    /// Whether the folder panel (folder browser, schema legend) is shown; `None`: shown when a
    /// folder is open, hidden for a single text.
    workbench_shown: Option<bool>,
    /// The interface language (from the preferences, else the system's; English in tests).
    language: Language,
    /// Whether the schema legend is unfolded; `None`: unfolded for a single text, folded while
    /// a folder's browser shares the panel.
    legend_open: Option<bool>,
}

impl HamishApp {
    /// Opens `file`, or a copy of the bundled sample when `None`. A file that cannot be shown
    /// leaves an empty window with a message saying why. The preferences are the defaults and
    /// are not kept (tests never touch the user's file; the window `hamish` opens keeps them,
    /// see [`Self::for_window`]).
    pub fn new(file: Option<&Path>) -> Self {
        Self::with_preferences(file, None)
    }

    /// [`Self::new`] with new annotations by `author` whatever the preferences say, which are not
    /// kept (in a folder a team shares, the window works on that annotator's own file).
    pub fn new_as(file: Option<&Path>, author: &str) -> Self {
        let mut app = Self::blank();
        app.workspace.set_author(author);
        app.run(open_file_action(file));
        app
    }

    /// Like [`Self::new`], with the preferences kept in `preferences` (`None`: not kept).
    pub fn with_preferences(file: Option<&Path>, preferences: Option<PathBuf>) -> Self {
        Self::for_window(open_file_action(file), preferences)
    }

    /// The window as `hamish` runs it: the preferences read from `prefs_path` (kept there as
    /// they change; a file that does not read is reported and left alone), then `open` run.
    pub fn for_window(open: Action, prefs_path: Option<PathBuf>) -> Self {
        let mut app = Self::blank();
        if let Some(path) = prefs_path {
            match Preferences::load(&path) {
                Ok(prefs) => {
                    app.prefs_path = Some(path);
                    app.use_preferences(prefs);
                }
                Err(err) => app.notices.push(Notice::warning(err.to_string())),
            }
        }
        app.run(open);
        app
    }

    /// Opens what `open` opens (a file, a folder, several files, the sample); what cannot be
    /// shown leaves a message saying why. Preferences are the defaults and are not kept.
    pub fn with_action(open: Action) -> Self {
        let mut app = Self::blank();
        app.run(open);
        app
    }

    /// The window with nothing open.
    fn blank() -> Self {
        Self {
            workspace: Workspace::new(author_name()),
            view: DocumentView::new(String::new()),
            selected: None,
            rows: Vec::new(),
            recovery_postponed: false,
            notices: Vec::new(),
            status_message: None,
            title: String::new(),
            agreement: None,
            asking_to_close: false,
            close_confirmed: false,
            bench: Workbench::default(),
            search: SearchBar::default(),
            browser: CorpusBrowser::default(),
            picker: None,
            prefs: Preferences::default(),
            prefs_path: None,
            prefs_shown: false,
            theme_applied: None,
            widget_fonts_stale: false,
            schema_editor: None,
            charts: (false, ChartScope::Text),
            workbench_shown: None,
            language: Language::English,
            legend_open: None,
        }
    }

    /// The schema editor, while shown (for tests).
    pub fn schema_editor(&self) -> Option<&SchemaEditor> {
        self.schema_editor.as_ref()
    }

    /// The preferences in use.
    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    /// Uses `prefs` (annotator, zoom, font; the theme and language at the next frame) and keeps
    /// them.
    fn use_preferences(&mut self, prefs: Preferences) {
        let name = if prefs.annotator.trim().is_empty() {
            author_name()
        } else {
            prefs.annotator.trim().to_owned()
        };
        self.workspace.set_author(name);
        self.bench.set_name_field(&prefs.annotator);
        self.language = prefs.language();
        self.view.set_zoom(prefs.zoom);
        self.view.set_show_arcs(prefs.show_arcs);
        if prefs.font_file != self.prefs.font_file {
            self.widget_fonts_stale = true;
            match &prefs.font_file {
                Some(path) => {
                    self.use_font_file(path);
                }
                None => self.view.set_fonts(FontSet::embedded()),
            }
        }
        self.prefs = prefs;
        self.save_preferences();
    }

    /// Writes the preferences to their file, when they have one.
    fn save_preferences(&mut self) {
        let Some(path) = &self.prefs_path else {
            return;
        };
        if let Err(err) = self.prefs.save(path) {
            self.notices.push(Notice::warning(tr_args(
                "preferences-not-saved",
                &[("error", arg(err))],
            )));
            // Said once; the window goes on with them in memory.
            self.prefs_path = None;
        }
    }

    /// Notes the open text (and folder) among the recent ones.
    fn note_recent(&mut self) {
        let text = self
            .document()
            .filter(|d| !d.is_sample)
            .map(|d| d.session.source().path.clone());
        let folder = self
            .workspace
            .corpus()
            .and_then(|c| c.folder())
            .map(Path::to_owned);
        let before = self.prefs.clone();
        if let Some(text) = text {
            self.prefs.note_opened(&text, false);
        }
        if let Some(folder) = folder {
            self.prefs.note_opened(&folder, true);
        }
        if self.prefs != before {
            self.save_preferences();
        }
    }

    /// Applies the theme when it changed, and keeps a zoom changed with the keys.
    fn follow_preferences(&mut self, ctx: &egui::Context) {
        if std::mem::take(&mut self.widget_fonts_stale) {
            self.sync_widget_fonts(ctx);
        }
        if self.theme_applied != Some(self.prefs.theme) {
            ctx.set_theme(match self.prefs.theme {
                Theme::Dark => egui::Theme::Dark,
                Theme::Light => egui::Theme::Light,
            });
            self.theme_applied = Some(self.prefs.theme);
        }
        if self.view.zoom() != self.prefs.zoom {
            self.prefs.zoom = self.view.zoom();
            self.save_preferences();
        }
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
            Some(d) if d.read_only => {
                let name = d
                    .annotator
                    .as_ref()
                    .map_or_else(|| tr("another annotator"), |a| a.as_str().to_owned());
                tr_args("reading-version", &[("name", arg(name))])
            }
            Some(d) => match &d.annotator {
                Some(name) => tr_args("annotator-file", &[("name", arg(name.as_str()))]),
                None if me.is_empty() => String::new(),
                None => tr_args("annotator-is", &[("name", arg(me))]),
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
        // Its messages are worded now: in the chosen language even before the first frame (the
        // file given on the command line opens before it).
        super::i18n::set_language(self.language);
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
            self.note_recent();
            self.bench.linking = None;
            self.recovery_postponed = false;
            self.selected = None;
            self.status_message = None;
            if let Some(open) = self.workspace.open_text() {
                if open.session.source().text != self.view.text() {
                    self.view.set_text(open.session.source().text.clone());
                    self.search.search(self.view.text());
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
                self.status_message = Some(message_text(&message));
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
        let mut text = format!("{}{}", tr(context), super::error_text::error_text(err));
        if matches!(err, ActionError::Session(_)) && context.starts_with("Not saved") {
            text.push_str(". ");
            text.push_str(&tr(
                "File > Save As… (Ctrl+Shift+S) saves a copy elsewhere.",
            ));
        }
        match err.severity() {
            Severity::Info => self.status_message = Some(capitalised(&text)),
            _ => self.notices.push(Notice::error(text)),
        }
    }

    /// Adds font file `path`; false when it could not be read (the message says why).
    fn use_font_file(&mut self, path: &Path) -> bool {
        // A font with Arabic letters becomes the primary font; any other only fills gaps.
        let result = self.view.fonts_mut().add_font_file(path);
        let loaded = result.is_ok();
        match result {
            Ok(id) if self.view.fonts().primary() != id => {
                let path = if super::i18n::is_rtl() {
                    super::error_text::isolated(path.display())
                } else {
                    arg(path.display())
                };
                let text = tr_args("font-without-arabic", &[("path", path)]);
                self.notices.push(Notice::warning(text));
            }
            Ok(_) => {}
            Err(err) => {
                let detail = super::error_detail::font_text(&err);
                let text = tr_args("font-refused", &[("detail", arg(detail))]);
                self.notices.push(Notice::error(text));
            }
        }
        loaded
    }

    /// Uses font file `path` (`None`: the embedded fonts) and keeps the choice when it worked.
    fn choose_font(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let worked = match &path {
            Some(path) => self.use_font_file(path),
            None => {
                self.view.set_fonts(FontSet::embedded());
                true
            }
        };
        self.sync_widget_fonts(ctx);
        if worked && self.prefs.font_file != path {
            self.prefs.font_file = path;
            self.save_preferences();
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
            // Enter ends a link when one waits; otherwise, with the search bar open, it goes to
            // the next hit.
            Command::LinkAtCaret if self.bench.linking.is_none() && self.search.is_open() => {
                self.step_search(ctx, HitStep::Next)
            }
            Command::OpenFileDialog => self.pick_with_fallback(PickerPurpose::OpenText),
            Command::OpenFolderDialog => self.pick_with_fallback(PickerPurpose::OpenFolder),
            Command::ShowFilePicker(purpose) => {
                self.picker = Some(FilePicker::new(purpose, &self.start_folder()));
            }
            Command::StepDocument(forward) => {
                if self.workspace.corpus().is_some() {
                    let filter = self.browser.filter().clone();
                    self.run(Action::StepDocument { forward, filter });
                }
            }
            Command::OpenFile(path) => self.run(open_action(path)),
            Command::ChooseFontDialog => {
                let fonts = tr("Fonts");
                if let Some(path) = pick_file(&tr("Choose a font"), &[(&fonts, &["ttf", "otf"])]) {
                    self.choose_font(ctx, Some(path));
                }
            }
            Command::UseFontFile(path) => self.choose_font(ctx, Some(path)),
            Command::UseEmbeddedFonts => self.choose_font(ctx, None),
            Command::ToggleCharts => self.charts.0 = !self.charts.0,
            Command::ToggleWorkbench => self.workbench_shown = Some(!self.workbench_is_shown()),
            Command::OpenSchemaEditor => {
                self.schema_editor = self.document().and_then(|open| {
                    let folder = open.session.source().path.parent()?.to_path_buf();
                    Some(SchemaEditor::new(open.session.schema(), folder))
                });
            }
            Command::SetPreferences(prefs) => self.use_preferences(*prefs),
            Command::ReopenWithEncoding(encoding) => self.run(Action::Reopen { encoding }),
            Command::ExportDialog(format) => {
                let title = tr_args(
                    "export-dialog-title",
                    &[("format", arg(format.display_name()))],
                );
                if let Some(folder) = rfd::FileDialog::new().set_title(title).pick_folder() {
                    self.run(Action::Export { format, folder });
                }
            }
            Command::ExportTo { format, folder } => self.run(Action::Export { format, folder }),
            Command::ImportDialog(format) => {
                let title = tr_args(
                    "import-dialog-title",
                    &[("format", arg(format.display_name()))],
                );
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
            Command::OpenSearch => self.search.open(),
            Command::CloseSearch => self.search.close(),
            Command::SearchFolder => {
                if let Some(corpus) = self.workspace.corpus() {
                    self.search.search_corpus(corpus);
                }
            }
            Command::HideFolderHits => self.search.hide_folder_hits(),
            Command::OpenHit { index, range } => {
                self.run(Action::GoToDocument { index });
                let shown = self.workspace.corpus().and_then(|c| c.current()) == Some(index);
                if shown && range.end.0 <= self.view.text().chars().count() {
                    self.selected = None;
                    self.view.select_range(range);
                    self.refresh_annotations();
                }
            }
            Command::SearchStep(step) => self.step_search(ctx, step),
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

    /// Asks the system's dialog for a file or folder; when it returns at once without one (no
    /// desktop portal answered), shows the in-window picker instead and says why.
    fn pick_with_fallback(&mut self, purpose: PickerPurpose) {
        let asked = Instant::now();
        let forced = std::env::var_os("HAMISH_FILE_PICKER").is_some_and(|v| v == "builtin");
        let picked = if forced {
            None
        } else {
            match purpose {
                PickerPurpose::OpenText => {
                    pick_file(&tr("Open a text file"), &[(&tr("Text"), &["txt"])])
                }
                PickerPurpose::OpenFolder => rfd::FileDialog::new()
                    .set_title(tr("Open a folder of texts"))
                    .pick_folder(),
            }
        };
        match picked {
            Some(path) => self.run(open_path_action(purpose, path)),
            None if forced || asked.elapsed() < NO_DIALOG_WITHIN => {
                if !forced {
                    self.status_message = Some(tr(
                        "The system's file dialog did not open (no desktop portal answered); choose here instead.",
                    ));
                }
                self.picker = Some(FilePicker::new(purpose, &self.start_folder()));
            }
            None => {}
        }
    }

    /// Where a file dialog starts: the open folder, the open text's folder, or the current one.
    fn start_folder(&self) -> PathBuf {
        let corpus = self.workspace.corpus().and_then(|c| c.folder());
        let text = self
            .document()
            .and_then(|d| d.session.source().path.parent());
        corpus
            .or(text)
            .map(Path::to_owned)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// The in-window picker, while shown.
    fn picker_ui(&mut self, ctx: &egui::Context) {
        let Some(picker) = &mut self.picker else {
            return;
        };
        match picker.ui(ctx) {
            PickerOutcome::Open => {}
            PickerOutcome::Cancelled => self.picker = None,
            PickerOutcome::Chosen(path) => {
                let purpose = picker.purpose();
                self.picker = None;
                self.run(open_path_action(purpose, path));
            }
        }
    }

    /// The file picker, when shown (for tests).
    pub fn file_picker(&self) -> Option<&FilePicker> {
        self.picker.as_ref()
    }

    /// Selects the next or previous search hit, and gives the keyboard to the text so that a
    /// label key labels it.
    fn step_search(&mut self, ctx: &egui::Context, step: HitStep) {
        if !self.search.is_open() {
            return;
        }
        // From the selection, or from the caret (after a label key, the selection is gone).
        let from = self.view.selection_range().or_else(|| {
            let caret = self.view.caret()?.offset;
            Some(crate::offset::CharRange::new(caret, caret))
        });
        if let Some(hit) = self.search.step(step, from) {
            self.selected = None;
            self.view.select_range(hit);
            self.refresh_annotations();
            ctx.memory_mut(|m| m.request_focus(super::document_view::document_view_id()));
        }
    }

    /// The search bar (for tests and scripting).
    pub fn search_bar(&mut self) -> &mut SearchBar {
        &mut self.search
    }

    /// The label bound to `key` in the open schema, or a hint saying there is none.
    fn label_for_key(&self, key: char) -> Result<String, String> {
        let Some(open) = self.document() else {
            return Err(tr("Open a text first."));
        };
        let schema = open.session.schema();
        schema
            .label_for_hotkey(key)
            .map(|l| l.id.clone())
            .ok_or_else(|| {
                tr_args(
                    "no-label-for-key",
                    &[("key", arg(key)), ("schema", arg(&schema.name_en))],
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
            .set_title(tr("Save a copy of the text with its annotations as"))
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
        super::i18n::set_language(self.language);
        self.check_close_request(&ctx);
        let mut commands = Vec::new();
        let current_encoding = self.document().map(|d| d.session.source().encoding);
        let versions = || {
            self.document()
                .map(|d| d.annotator_versions())
                .unwrap_or_default()
        };
        egui::Panel::top("menu").show(ui, |ui| {
            commands.extend(menu_bar_ui(ui, current_encoding, &versions, &self.prefs));
        });
        self.label_bar_panel(ui, &mut commands);
        let status = StatusLine {
            file_name: self.file_name(),
            encoding: self
                .document()
                .map(|d| {
                    let name = d.session.source().encoding.display_name();
                    if d.encoding_guessed {
                        tr_args("encoding-guessed", &[("name", arg(name))])
                    } else {
                        name.to_owned()
                    }
                })
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
        if self.search.is_open() {
            let schema = self.workspace.open_text().map(|o| o.session.schema());
            let selection = self.view.selection_range();
            let corpus = self.workspace.corpus();
            egui::Panel::top("search").show(ui, |ui| {
                let text = self.view.text();
                commands.extend(
                    self.search
                        .ui(ui, text, schema, selection, corpus.is_some()),
                );
                if let Some(corpus) = corpus {
                    commands.extend(self.search.folder_results_ui(ui, corpus));
                }
            });
        }
        if let Some(hits) = self.search.take_changed_hits() {
            self.view.set_search_hits(hits.to_vec());
        }
        if self.document().is_some() || self.workspace.corpus().is_some() {
            // One panel where lines start: the folder panel (when shown) above the annotations,
            // so the text keeps its width beside the inspector.
            let folder_panel = self.workbench_is_shown();
            start_panel("annotations")
                .resizable(true)
                .default_size(300.0)
                .max_size(400.0)
                .show(ui, |ui| {
                    ui.with_layout(panel_layout(), |ui| {
                        if folder_panel {
                            commands.extend(self.workbench_panel_ui(ui));
                            ui.separator();
                        }
                        commands.extend(annotation_panel_ui(ui, &self.rows, self.selected));
                    });
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
                ui.add(ArabicLabel::interface(tr(
                    "Use File > Open… (Ctrl+O) to open a text file.",
                )));
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
        self.picker_ui(&ctx);
        if let (true, Some(open)) = (self.charts.0, self.workspace.open_text()) {
            let summary = DocumentSummary::of(open.session.set());
            let (shown, scope) = &mut self.charts;
            let corpus = self.workspace.corpus();
            let schema = open.session.schema();
            charts_window_ui(&ctx, shown, scope, schema, Some(&summary), corpus);
        }
        if let Some(editor) = &mut self.schema_editor {
            match editor.ui(&ctx) {
                EditorOutcome::Open => {}
                EditorOutcome::Closed => self.schema_editor = None,
                EditorOutcome::Save(command) => commands.push(command),
            }
        }
        if self.prefs_shown {
            let mut shown = true;
            commands.extend(preferences_window_ui(&ctx, &mut shown, &self.prefs));
            self.prefs_shown = shown;
        }
        for command in commands {
            self.apply(&ctx, command);
        }
        self.follow_scan(&ctx);
        self.follow_preferences(&ctx);
        self.autosave(&ctx);
        self.publish_probe(&ctx);
        let title = self.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl HamishApp {
    /// True when the folder panel is shown: as toggled, else when a folder is open.
    pub fn workbench_is_shown(&self) -> bool {
        self.workbench_shown
            .unwrap_or_else(|| self.workspace.corpus().is_some())
    }

    /// The folder panel, at the top of the annotations panel: the folder browser (when a
    /// folder is open) and the schema legend of the open text, folded while a folder is open.
    fn workbench_panel_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let corpus = self.workspace.corpus();
        if let Some(corpus) = corpus {
            let schema = self.workspace.open_text().map(|open| open.session.schema());
            commands.extend(self.browser.ui(ui, corpus, schema));
        }
        let Some(open) = self.workspace.open_text() else {
            return commands;
        };
        let session = &open.session;
        let shown = self.legend_open.unwrap_or(corpus.is_none());
        let schema = session.schema();
        let name = if super::i18n::is_rtl() {
            &schema.name_ar
        } else {
            &schema.name_en
        };
        let title = format!("{} {name}", tr("Schema:"));
        if rtl::selectable_label(ui, shown, &title).clicked() {
            self.legend_open = Some(!shown);
        }
        if shown {
            commands.extend(schema_legend_ui(
                ui,
                session.schema(),
                session.schema_source(),
                session.set(),
            ));
        }
        commands
    }

    /// Takes in what the folder scan read, and keeps frames coming while it runs.
    fn follow_scan(&mut self, ctx: &egui::Context) {
        self.workspace.poll_scan();
        if self
            .workspace
            .corpus()
            .is_some_and(|c| c.progress().running)
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

impl eframe::App for HamishApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

/// Opening `file`, or the bundled sample without one.
fn open_file_action(file: Option<&Path>) -> Action {
    match file {
        Some(path) => open_action(path.to_owned()),
        None => Action::OpenSample,
    }
}

fn open_action(path: PathBuf) -> Action {
    Action::Open {
        path,
        encoding: None,
    }
}

/// Opening what a picker for `purpose` chose.
fn open_path_action(purpose: PickerPurpose, path: PathBuf) -> Action {
    match purpose {
        PickerPurpose::OpenText => open_action(path),
        PickerPurpose::OpenFolder => Action::OpenFolder { path },
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

/// What an error message starts with for an action ("Not saved: …"), in English (shown
/// through `tr`).
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
    let text = message_text(&message);
    let notice = match message.severity {
        Severity::Error => Notice::error(text),
        Severity::Warning => Notice::warning(text),
        Severity::Info => Notice::info(text),
    };
    match message.offer {
        Some((label, action)) => notice.with_action(label, Command::Act(action)),
        None => notice,
    }
}

/// A message of the application layer in the interface language: through its key when it has
/// one and the interface is not English, else its English text.
pub(crate) fn message_text(message: &Message) -> String {
    match &message.key {
        Some(key) if super::i18n::language() != Language::English => {
            let args: Vec<_> = key
                .args
                .iter()
                .map(|(name, value)| {
                    let value = match value {
                        MessageArg::Number(n) => (*n).into(),
                        MessageArg::Text(text) => arg(text),
                        MessageArg::Error(err) => arg(error_arg_text(err)),
                    };
                    (*name, value)
                })
                .collect();
            tr_args(key.id, &args)
        }
        _ => message.text.clone(),
    }
}

/// An error named in a message, in the interface language.
fn error_arg_text(err: &ErrorArg) -> String {
    match err {
        ErrorArg::Action(err) => super::error_text::error_text(err),
        ErrorArg::Sidecar(err) => {
            use super::error_detail::{sidecar_detail_key, worded};
            worded(sidecar_detail_key(err))
        }
        ErrorArg::Decode(err) => {
            use super::error_detail::{decode_own_key, worded};
            worded(decode_own_key(err))
        }
        ErrorArg::Formats(errs) => {
            use super::error_detail::{format_key, worded};
            let said: Vec<String> = errs.iter().map(|e| worded(format_key(e))).collect();
            said.join(&tr_args("list-separator", &[]))
        }
    }
}

/// The notice for an export's or import's report.
fn report_notice(report: Report) -> Notice {
    match report {
        Report::Exported { files, losses } => {
            let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let files = arg(files.join(", "));
            if losses.is_empty() {
                Notice::info(tr_args("exported-nothing-lost", &[("files", files)]))
            } else {
                let lost = tr_args(
                    "exported-with-losses",
                    &[("files", files), ("n", (losses.len() as i64).into())],
                );
                Notice::warning(format!("{lost}\n{}", loss_summary(&losses, LOSS_LINES)))
            }
        }
        Report::Imported {
            annotations,
            losses,
        } if losses.is_empty() => Notice::info(tr_count("imported", &[("n", annotations as i64)])),
        Report::Imported {
            annotations,
            losses,
        } => {
            let done = tr_count(
                "imported-with-losses",
                &[("n", annotations as i64), ("lost", losses.len() as i64)],
            );
            Notice::warning(format!("{done}\n{}", loss_summary(&losses, LOSS_LINES)))
        }
        Report::Checked(problems) if problems.is_empty() => Notice::info(tr(
            "The annotations are consistent with the schema and the text.",
        )),
        Report::Checked(problems) => Notice::warning(
            problems
                .iter()
                .map(|p| match super::i18n::language() {
                    Language::English => p.to_string(),
                    _ => super::error_detail::worded(super::error_detail::problem_key(p)),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Report::Stats(stats) => Notice::info(tr_count(
            "document-counts",
            &[
                ("annotations", stats.annotations as i64),
                ("relations", stats.relations as i64),
            ],
        )),
        Report::Agreement(report) => Notice::info(tr_args(
            "agreement-measured",
            &[("names", arg(report.annotators.join(", ")))],
        )),
    }
}

/// The loss report as a few lines for a message (the first `max` losses, then a count).
fn loss_summary(report: &LossReport, max: usize) -> String {
    let mut lines: Vec<String> = report
        .losses
        .iter()
        .take(max)
        .map(|l| format!("{} {l}", tr("lost:")))
        .collect();
    if report.len() > max {
        let more = (report.len() - max) as i64;
        lines.push(tr_count("losses-more", &[("n", more)]));
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
        ui.add(
            ArabicLabel::interface(tr("Save changes before closing?"))
                .size(18.0)
                .strong(),
        );
        // The file name may be Arabic: drawn through the text engine.
        ui.add(
            ArabicLabel::new(format!(
                "{} {file_name}",
                tr("These annotations have changes that are not saved:")
            ))
            .wrap(),
        );
        ui.horizontal(|ui| {
            if rtl::button(ui, &tr("Save")).clicked() {
                commands.push(Command::CloseAnswer(CloseChoice::Save));
            }
            if rtl::button(ui, &tr("Discard")).clicked() {
                commands.push(Command::CloseAnswer(CloseChoice::Discard));
            }
            if rtl::button(ui, &tr("Cancel")).clicked() {
                commands.push(Command::CloseAnswer(CloseChoice::Cancel));
            }
        });
    });
    if modal.should_close() && commands.is_empty() {
        commands.push(Command::CloseAnswer(CloseChoice::Cancel));
    }
    commands
}

/// What was dropped on the window this frame: one file opens, one folder opens as a corpus,
/// several files and folders open together.
fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
    let paths: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    if paths.is_empty() {
        return Vec::new();
    }
    match crate::workspace::corpus::startup::action_for_paths(&paths) {
        Ok(action) => vec![Command::Act(action)],
        // The layer says what is wrong with the paths when it runs the action.
        Err(_) if paths.len() == 1 => vec![Command::Act(Action::OpenFolder {
            path: paths[0].clone(),
        })],
        Err(_) => vec![Command::Act(Action::OpenFiles { paths })],
    }
}

fn pick_file(title: &str, filters: &[(&str, &[&str])]) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title(title);
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    dialog.add_filter(tr("All files"), &["*"]).pick_file()
}
