//! The eframe app: menu bar, status bar, messages, the annotation side panel, the document view,
//! and applying commands once per frame. Also autosave, the window title and asking before
//! closing with unsaved changes.

use super::annotation_panel::annotation_panel_ui;
use super::commands::{CloseChoice, Command};
use super::document_state::DocumentState;
use super::document_view::DocumentView;
use super::exchange::{
    annotated_doc, export_document, export_format_name, import_format_name, import_into,
    loss_summary,
};
use super::file_load::{ensure_sample_copy, open_document};
use super::menu::menu_bar_ui;
use super::notices::{notices_ui, recovery_offer_ui, Notice, Severity};
use super::shortcut_sheet::{shortcut_sheet_ui, toggle_shortcut_sheet};
use super::shortcuts::shortcuts_ui;
use super::status_bar::{status_bar_ui, StatusLine};
use crate::model::text_format::TextEncoding;
use crate::store::atomic::RealFs;
use crate::store::formats::{ExportFormat, ImportFormat};
use crate::store::recovery::remove_recovery;
use crate::text::FontSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How many lost items an export or import message lists.
const LOSS_LINES: usize = 8;

/// The whole window's state.
pub struct HamishApp {
    view: DocumentView,
    document: Option<DocumentState>,
    /// Messages shown above the text until dismissed.
    notices: Vec<Notice>,
    /// A short confirmation shown in the status bar (e.g. where the annotations were saved).
    status_message: Option<String>,
    /// The title last sent to the window, to send a new one only on change.
    title: String,
    /// True while "save before closing?" is shown.
    asking_to_close: bool,
    /// Set once the user chose to close, so the next close request is let through.
    close_confirmed: bool,
}

impl HamishApp {
    /// Opens `file`, or a copy of the bundled sample when `None`. A file that cannot be shown
    /// leaves an empty window with a message saying why.
    pub fn new(file: Option<&Path>) -> Self {
        let mut app = Self {
            view: DocumentView::new(String::new()),
            document: None,
            notices: Vec::new(),
            status_message: None,
            title: String::new(),
            asking_to_close: false,
            close_confirmed: false,
        };
        match file {
            Some(path) => app.open(path, None, false),
            None => match ensure_sample_copy() {
                Ok(path) => app.open(&path, None, true),
                Err(err) => app.notices.push(Notice::error(format!(
                    "The bundled sample could not be copied to the temp folder ({err}); open a \
                     file with File > Open…"
                ))),
            },
        }
        app
    }

    /// The document view (for tests).
    pub fn view(&self) -> &DocumentView {
        &self.view
    }

    /// The open document, if any (for tests and scripting).
    pub fn document(&self) -> Option<&DocumentState> {
        self.document.as_ref()
    }

    /// The name shown in the status bar.
    pub fn file_name(&self) -> &str {
        self.document.as_ref().map_or("", |d| d.name.as_str())
    }

    /// The window title: the file name, with `•` in front when there are unsaved changes.
    pub fn title(&self) -> String {
        match &self.document {
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
            .find(|n| n.severity != Severity::Info)
            .map(|n| n.text.as_str())
    }

    /// True while the "save before closing?" question is shown.
    pub fn is_asking_to_close(&self) -> bool {
        self.asking_to_close
    }

    /// Opens `path` (decoded with `encoding` when given); on failure the current document stays.
    fn open(&mut self, path: &Path, encoding: Option<TextEncoding>, is_sample: bool) {
        match open_document(path, encoding) {
            Ok(opened) => {
                let kept = self.keep_unsaved_work();
                self.notices = opened.notices.clone();
                self.notices.extend(kept);
                if is_sample {
                    self.notices.push(Notice::info(format!(
                        "This is the bundled sample, opened from a copy at {}; annotations \
                         are saved next to that copy. Open your own file to keep your work.",
                        path.display()
                    )));
                }
                let state = DocumentState::new(opened, is_sample);
                self.view.set_text(state.session.source().text.clone());
                self.view.set_highlights(state.highlights());
                self.document = Some(state);
            }
            Err(message) => self.notices.push(Notice::error(message)),
        }
    }

    /// Before another document replaces this one: writes unsaved changes to the recovery file
    /// now (not waiting for the autosave delay), so the next open of this file offers them.
    fn keep_unsaved_work(&mut self) -> Option<Notice> {
        let doc = self.document.as_mut().filter(|d| d.session.is_modified())?;
        // A time past any autosave delay makes the write due now.
        let due = Instant::now() + Duration::from_secs(24 * 3600);
        Some(match doc.session.autosave_tick(due) {
            Ok(_) => Notice::warning(format!(
                "{} had unsaved annotations; they are kept in its recovery file and offered when \
                 you open it again.",
                doc.name
            )),
            Err(err) => Notice::error(format!(
                "{} had unsaved annotations that could not be kept: {err}",
                doc.name
            )),
        })
    }

    /// Reopens the current text with another encoding (refused while there are unsaved changes,
    /// which the new decoding could orphan).
    fn reopen_with(&mut self, encoding: TextEncoding) {
        let Some(doc) = &self.document else {
            return;
        };
        if doc.session.is_modified() {
            self.notices.push(Notice::info(
                "Save (Ctrl+S) or undo your changes before choosing another encoding.",
            ));
            return;
        }
        let path = doc.session.source().path.clone();
        let is_sample = doc.is_sample;
        self.open(&path, Some(encoding), is_sample);
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

    /// Context settings the window needs: Ctrl+plus/minus zoom the text, not the whole interface;
    /// the repo's Arabic and Latin fonts as fallbacks so label names, quotes and symbols in panels show.
    pub fn configure(ctx: &egui::Context) {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
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
        if let Command::Select { .. } = &command {
            self.view.apply(ctx, &command);
            self.select_annotation_under_caret();
            return;
        }
        if self.view.apply(ctx, &command) {
            return;
        }
        match command {
            Command::OpenFileDialog => {
                if let Some(path) = pick_file("Open a text file", &[("Text", &["txt"])]) {
                    self.open(&path, None, false);
                }
            }
            Command::OpenFile(path) => self.open(&path, None, false),
            Command::ChooseFontDialog => {
                if let Some(path) = pick_file("Choose a font", &[("Fonts", &["ttf", "otf"])]) {
                    self.use_font_file(&path);
                }
            }
            Command::UseFontFile(path) => self.use_font_file(&path),
            Command::UseEmbeddedFonts => self.view.set_fonts(FontSet::embedded()),
            Command::ReopenWithEncoding(encoding) => self.reopen_with(encoding),
            Command::ExportDialog(format) => {
                let dialog = rfd::FileDialog::new().set_title(format!(
                    "Export as {}: choose a folder",
                    export_format_name(format)
                ));
                if let Some(folder) = dialog.pick_folder() {
                    self.export(format, &folder);
                }
            }
            Command::ExportTo { format, folder } => self.export(format, &folder),
            Command::ImportDialog(format) => {
                let title = format!("Import {}", import_format_name(format));
                if let Some(file) = pick_file(&title, &[]) {
                    self.import(format, &file);
                }
            }
            Command::ImportFrom { format, file } => self.import(format, &file),
            Command::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Command::CloseAnswer(choice) => self.answer_close(ctx, choice),
            Command::ToggleShortcutSheet => toggle_shortcut_sheet(ctx),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            other => self.apply_to_document(other),
        }
    }

    /// Exports the open document; the message lists the files and what was lost.
    fn export(&mut self, format: ExportFormat, folder: &Path) {
        let Some(doc) = &self.document else {
            return;
        };
        let name = export_format_name(format);
        let exported = export_document(
            &annotated_doc(&doc.session),
            doc.session.schema(),
            format,
            folder,
        );
        self.notices.push(match exported {
            Ok((files, report)) => {
                let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                let done = format!("Exported as {name}: {}.", files.join(", "));
                if report.is_empty() {
                    Notice::info(format!("{done} Nothing was lost."))
                } else {
                    Notice::warning(format!(
                        "{done} {} thing(s) could not be represented:\n{}",
                        report.len(),
                        loss_summary(&report, LOSS_LINES)
                    ))
                }
            }
            Err(err) => Notice::error(format!("Not exported: {err}")),
        });
    }

    /// Imports annotations of this text; the message says how many and what was lost.
    fn import(&mut self, format: ImportFormat, file: &Path) {
        let Some(doc) = &mut self.document else {
            return;
        };
        let notice = match import_into(&mut doc.session, format, file) {
            Ok((count, report)) if report.is_empty() => Notice::info(format!(
                "Imported {count} annotation(s) from {} (Ctrl+Z undoes it).",
                file.display()
            )),
            Ok((count, report)) => Notice::warning(format!(
                "Imported {count} annotation(s) from {} (Ctrl+Z undoes it); {} thing(s) could \
                 not be read:\n{}",
                file.display(),
                report.len(),
                loss_summary(&report, LOSS_LINES)
            )),
            Err(err) => Notice::error(format!("Not imported: {err}")),
        };
        doc.refresh();
        self.view.set_highlights(doc.highlights());
        self.notices.push(notice);
    }

    /// Applies a command that works on the open document's annotations.
    fn apply_to_document(&mut self, command: Command) {
        let selection = self
            .view
            .selection_range()
            .map(|r| self.view.snapped_to_words(r));
        let Some(doc) = &mut self.document else {
            return;
        };
        let result = match command {
            Command::AnnotateWithHotkey(key) => match selection {
                // The new annotation is shown selected (outlined) instead of the text selection.
                Some(range) => doc
                    .annotate(key, range)
                    .map(|_| self.view.clear_selection()),
                None => Ok(()),
            },
            Command::SelectAnnotation(id) => {
                doc.selected = Some(id);
                if let Some(range) = doc
                    .session
                    .set()
                    .annotation(id)
                    .and_then(|a| a.ranges.first().copied())
                    .filter(|r| r.end.0 <= doc.session.source().char_len)
                {
                    self.view.select_range(range);
                }
                Ok(())
            }
            Command::ClearSelection => {
                doc.selected = None;
                self.view.clear_selection();
                Ok(())
            }
            Command::DeleteSelectedAnnotation => doc.delete_selected(),
            Command::Undo => doc.undo_redo(false),
            Command::Redo => doc.undo_redo(true),
            Command::Save => Err(doc.save()),
            Command::OverwriteAfterConflict => Err(doc.overwrite_after_conflict()),
            Command::RestoreRecovery => Err(doc.restore_recovery()),
            Command::DiscardRecovery => doc.discard_recovery().map_or(Ok(()), Err),
            Command::PostponeRecovery => {
                doc.recovery_postponed = true;
                Ok(())
            }
            _ => Ok(()),
        };
        self.view.set_highlights(doc.highlights());
        match result {
            // Confirmations go to the status bar, so the text does not jump down.
            Err(notice) if notice.severity == Severity::Info => {
                self.status_message = Some(notice.text);
            }
            Err(notice) => self.notices.push(notice),
            Ok(()) => {}
        }
    }

    /// After a click in the text, the annotation under the caret becomes the selected one.
    fn select_annotation_under_caret(&mut self) {
        let Some(doc) = &mut self.document else {
            return;
        };
        let Some(range) = self.view.selection_range() else {
            return;
        };
        if !range.is_empty() {
            return;
        }
        let under = doc.annotation_at(range.start);
        if under != doc.selected {
            doc.selected = under;
            self.view.set_highlights(doc.highlights());
        }
    }

    fn answer_close(&mut self, ctx: &egui::Context, choice: CloseChoice) {
        self.asking_to_close = false;
        let close = match (choice, &mut self.document) {
            (CloseChoice::Cancel, _) => false,
            (CloseChoice::Save, Some(doc)) => {
                let notice = doc.save();
                let saved = !doc.session.is_modified();
                self.notices.push(notice);
                saved
            }
            (CloseChoice::Discard, Some(doc)) => {
                // The user chose to lose these changes: do not offer them again next time.
                let _ = remove_recovery(&RealFs, doc.session.sidecar_path());
                true
            }
            (_, None) => true,
        };
        if close {
            self.close_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Writes the recovery file when due, and asks for a repaint when the next one is due, so
    /// autosave happens while the window is idle.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(doc) = &mut self.document else {
            return;
        };
        // Autosave writes the recovery file, which would replace the one still on offer.
        if doc.session.pending_recovery().is_some() {
            return;
        }
        let now = Instant::now();
        if let Err(err) = doc.session.autosave_tick(now) {
            self.notices.push(Notice::error(format!(
                "Autosave failed: {err}. Save with Ctrl+S."
            )));
        }
        if let Some(due) = doc.session.next_autosave() {
            ctx.request_repaint_after(due.saturating_duration_since(now));
        }
    }

    /// Intercepts the window's close button while there are unsaved changes.
    fn check_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        let modified = self
            .document
            .as_ref()
            .is_some_and(|d| d.session.is_modified());
        if requested && modified && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.asking_to_close = true;
        }
    }

    /// One frame of the window (also usable inside a test harness).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.check_close_request(&ctx);
        let mut commands = Vec::new();
        let current_encoding = self.document.as_ref().map(|d| d.encoding);
        egui::Panel::top("menu").show(ui, |ui| {
            commands.extend(menu_bar_ui(ui, current_encoding));
        });
        let status = StatusLine {
            file_name: self.file_name(),
            encoding: self
                .document
                .as_ref()
                .map(|d| d.encoding_label())
                .unwrap_or_default(),
            annotations: self.document.as_ref().map(|d| d.session.set().len()),
            modified: self
                .document
                .as_ref()
                .is_some_and(|d| d.session.is_modified()),
            selection: self.view.selection_range(),
            zoom: self.view.zoom(),
            message: self.status_message.as_deref(),
        };
        egui::Panel::bottom("status").show(ui, |ui| status_bar_ui(ui, &status));
        if let Some(doc) = &self.document {
            egui::Panel::left("annotations")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    commands.extend(annotation_panel_ui(ui, doc.rows(), doc.selected));
                });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if let Some(doc) = self.document.as_ref().filter(|d| !d.recovery_postponed) {
                if let Some(recovery) = doc.session.pending_recovery() {
                    commands.extend(recovery_offer_ui(ui, &recovery.path, recovery.modified));
                }
            }
            commands.extend(notices_ui(ui, &self.notices));
            if self.document.is_some() {
                commands.extend(self.view.ui(ui));
            } else {
                ui.label("Use File > Open… (Ctrl+O) to open a text file.");
            }
        });
        shortcut_sheet_ui(&ctx, self.document.as_ref().map(|d| d.session.schema()));
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

/// "Save changes before closing?" with Save / Discard / Cancel.
fn close_dialog_ui(ctx: &egui::Context, file_name: &str) -> Vec<Command> {
    let mut commands = Vec::new();
    let modal = egui::Modal::new(egui::Id::unique("hamish-close-unsaved")).show(ctx, |ui| {
        ui.heading("Save changes before closing?");
        ui.label(format!(
            "The annotations of {file_name} have changes that are not saved."
        ));
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
