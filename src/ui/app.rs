//! The eframe app: menu bar, status bar, the document view, and applying commands once per frame.

use super::commands::Command;
use super::document_view::DocumentView;
use super::file_load::{load_text_file, LoadedText};
use super::menu::menu_bar_ui;
use super::shortcuts::shortcuts_ui;
use super::status_bar::status_bar_ui;
use crate::text::FontSet;
use std::path::{Path, PathBuf};

/// The whole window's state.
pub struct HamishApp {
    view: DocumentView,
    file_name: String,
    /// A message shown above the text (a file or font that could not be used), until dismissed.
    error: Option<String>,
    /// When the first file could not be opened, no text is shown, only the message.
    has_document: bool,
    /// Set when the document changed, so the next frame updates the window title.
    title_stale: bool,
}

impl HamishApp {
    /// Opens `file`, or the bundled sample when `None`. A file that cannot be shown leaves an empty
    /// window with a message saying why.
    pub fn new(file: Option<&Path>) -> Self {
        let mut app = Self {
            view: DocumentView::new(String::new()),
            file_name: String::new(),
            error: None,
            has_document: false,
            title_stale: true,
        };
        match file {
            Some(path) => app.open(path),
            None => app.show(LoadedText::sample()),
        }
        app
    }

    /// The document view (for tests).
    pub fn view(&self) -> &DocumentView {
        &self.view
    }

    /// The name shown in the status bar.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// Applies a command as if a panel had emitted it (for tests and scripting).
    pub fn apply_command(&mut self, ctx: &egui::Context, command: Command) {
        self.apply(ctx, command);
    }

    /// The message shown to the user, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    fn show(&mut self, loaded: LoadedText) {
        self.view.set_text(loaded.text);
        self.file_name = loaded.name;
        self.has_document = true;
        self.error = None;
        self.title_stale = true;
    }

    fn open(&mut self, path: &Path) {
        match load_text_file(path) {
            Ok(loaded) => self.show(loaded),
            Err(err) => self.error = Some(err.to_string()),
        }
    }

    fn use_font_file(&mut self, path: &Path) {
        // A font with Arabic letters becomes the primary font; any other only fills gaps.
        match self.view.fonts_mut().add_font_file(path) {
            Ok(id) if self.view.fonts().primary() != id => {
                self.error = Some(format!(
                    "{} has no Arabic letters, so it is only used for characters the other fonts \
                     lack. Choose an Arabic font (e.g. Amiri) to change how the text looks.",
                    path.display()
                ));
            }
            Ok(_) => {}
            Err(err) => {
                self.error = Some(format!(
                    "{err}. Choose a TrueType or OpenType font file (.ttf, .otf)."
                ))
            }
        }
    }

    /// Context settings the window needs: Ctrl+plus/minus zoom the text, not the whole interface.
    pub fn configure(ctx: &egui::Context) {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
    }

    /// Applies one command.
    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        if self.view.apply(ctx, &command) {
            return;
        }
        match command {
            Command::OpenFileDialog => {
                if let Some(path) = pick_file("Open a text file", &[("Text", &["txt"])]) {
                    self.open(&path);
                }
            }
            Command::OpenFile(path) => self.open(&path),
            Command::ChooseFontDialog => {
                if let Some(path) = pick_file("Choose a font", &[("Fonts", &["ttf", "otf"])]) {
                    self.use_font_file(&path);
                }
            }
            Command::UseFontFile(path) => self.use_font_file(&path),
            Command::UseEmbeddedFonts => self.view.set_fonts(FontSet::embedded()),
            // The view handled the rest above.
            _ => {}
        }
    }

    /// One frame of the window (also usable inside a test harness).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| commands.extend(menu_bar_ui(ui)));
        egui::Panel::bottom("status").show(ui, |ui| {
            status_bar_ui(
                ui,
                &self.file_name,
                self.view.selection_range(),
                self.view.zoom(),
            )
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if let Some(error) = self.error.clone() {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                    if self.has_document && ui.button("Dismiss").clicked() {
                        self.error = None;
                    }
                });
                ui.separator();
            }
            if self.has_document {
                commands.extend(self.view.ui(ui));
            } else {
                ui.label("Use File > Open… (Ctrl+O) to open a UTF-8 text file.");
            }
        });
        commands.extend(shortcuts_ui(ui.ctx()));
        commands.extend(dropped_files(ui.ctx()));
        let ctx = ui.ctx().clone();
        if self.title_stale {
            let title = format!("Hamish — {}", self.file_name);
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
            self.title_stale = false;
        }
        for command in commands {
            self.apply(&ctx, command);
        }
    }
}

impl eframe::App for HamishApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
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
