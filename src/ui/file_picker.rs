//! The in-window file picker, used where the system's file dialog does not answer: rfd asks the
//! desktop portal (xdg-desktop-portal) on Linux, and where none runs (a bare X server, Xvfb, some
//! window managers) its dialog returns at once with nothing, so Ctrl+O did nothing without a word.
//! egui-file-dialog, the crate made for this, needs egui 0.36 (not 0.37) at the time of writing, so
//! this is a small picker of Hamish's own: a folder's sub-folders and files (hidden ones left
//! out) with names drawn by the text engine, Up, a path field, and Open / Cancel.

use super::i18n::{row, tr};
use super::rtl_widgets as rtl;
use super::widgets::{ArabicLabel, TextField};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A file dialog that returns sooner than this without a choice never showed: nobody can cancel
/// a dialog that fast, so the in-window picker is shown instead.
pub const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// What the picker is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerPurpose {
    /// A text file to open.
    OpenText,
    /// A folder to open as a corpus.
    OpenFolder,
}

/// What happened in the picker this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerOutcome {
    /// Still choosing.
    Open,
    /// Closed without a choice.
    Cancelled,
    /// This path was chosen.
    Chosen(PathBuf),
}

/// One line of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    is_folder: bool,
}

/// The picker's state.
#[derive(Debug)]
pub struct FilePicker {
    purpose: PickerPurpose,
    folder: PathBuf,
    entries: Vec<Entry>,
    problem: Option<String>,
    typed: String,
}

impl FilePicker {
    /// A picker for `purpose` showing `folder`.
    pub fn new(purpose: PickerPurpose, folder: &Path) -> Self {
        let mut picker = Self {
            purpose,
            folder: PathBuf::new(),
            entries: Vec::new(),
            problem: None,
            typed: String::new(),
        };
        picker.show_folder(folder.to_owned());
        picker
    }

    /// What it is choosing.
    pub fn purpose(&self) -> PickerPurpose {
        self.purpose
    }

    /// The folder shown.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Lists `folder` (folders first, then files, each by name; hidden entries left out).
    fn show_folder(&mut self, folder: PathBuf) {
        self.typed = folder.display().to_string();
        self.entries.clear();
        self.problem = None;
        match std::fs::read_dir(&folder) {
            Ok(listing) => {
                for item in listing.flatten() {
                    let name = item.file_name().to_string_lossy().into_owned();
                    let is_folder = item.path().is_dir();
                    let wanted = is_folder || self.purpose == PickerPurpose::OpenText;
                    if !name.starts_with('.') && wanted {
                        self.entries.push(Entry { name, is_folder });
                    }
                }
                self.entries
                    .sort_by(|a, b| (!a.is_folder, &a.name).cmp(&(!b.is_folder, &b.name)));
            }
            Err(err) => {
                let detail = super::error_detail::worded(super::error_detail::io_key(&err));
                let detail = if super::i18n::is_rtl() {
                    detail
                } else {
                    err.to_string()
                };
                let path = folder.display();
                self.problem = Some(format!("\u{2068}{path}\u{2069}: {detail}"));
            }
        }
        self.folder = folder;
    }

    /// Shows the picker as a modal window.
    pub fn ui(&mut self, ctx: &egui::Context) -> PickerOutcome {
        let mut outcome = PickerOutcome::Open;
        let title = match self.purpose {
            PickerPurpose::OpenText => tr("Open a text file"),
            PickerPurpose::OpenFolder => tr("Open a folder of texts"),
        };
        let modal = egui::Modal::new(egui::Id::unique("hamish-file-picker")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(title);
            self.path_row_ui(ui);
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            if let Some(chosen) = self.listing_ui(ui) {
                outcome = chosen;
            }
            row(ui, |ui| {
                if self.purpose == PickerPurpose::OpenFolder
                    && rtl::button(ui, &tr("Open this folder")).clicked()
                {
                    outcome = PickerOutcome::Chosen(self.folder.clone());
                }
                if rtl::button(ui, &tr("Cancel")).clicked() {
                    outcome = PickerOutcome::Cancelled;
                }
            });
        });
        if modal.should_close() && outcome == PickerOutcome::Open {
            outcome = PickerOutcome::Cancelled;
        }
        outcome
    }

    /// Up, and the path field (Enter goes there, or opens a file typed in it).
    fn path_row_ui(&mut self, ui: &mut egui::Ui) {
        row(ui, |ui| {
            if rtl::button(ui, &tr("Up")).clicked() {
                if let Some(parent) = self.folder.parent().map(Path::to_owned) {
                    self.show_folder(parent);
                }
            }
            let field = TextField::singleline(&mut self.typed)
                .id_salt("hamish-picker-path")
                .accessible_name(tr("Path"))
                .show(ui);
            if field.submitted {
                let typed = PathBuf::from(self.typed.trim());
                if typed.is_dir() {
                    self.show_folder(typed);
                } else {
                    self.problem = Some(format!("{}: {}", typed.display(), tr("not a folder")));
                }
            }
        });
    }

    /// The folder's entries; a click enters a folder or chooses a file.
    fn listing_ui(&mut self, ui: &mut egui::Ui) -> Option<PickerOutcome> {
        let mut chosen = None;
        let mut enter = None;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for entry in &self.entries {
                    let shown = if entry.is_folder {
                        format!("{}/", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    let row = ui.add(
                        ArabicLabel::new(shown)
                            .direction(crate::text::BaseDirection::Ltr)
                            .sense(egui::Sense::click()),
                    );
                    if row.hovered() {
                        ui.painter().rect_stroke(
                            row.rect,
                            2.0,
                            ui.visuals().widgets.hovered.bg_stroke,
                            egui::StrokeKind::Outside,
                        );
                    }
                    if row.clicked() {
                        let path = self.folder.join(&entry.name);
                        if entry.is_folder {
                            enter = Some(path);
                        } else {
                            chosen = Some(PickerOutcome::Chosen(path));
                        }
                    }
                }
            });
        if let Some(folder) = enter {
            self.show_folder(folder);
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_first_hidden_entries_are_left_out_and_folders_only_for_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("ملفات")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "x").unwrap();
        std::fs::write(dir.path().join("أ.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        let picker = FilePicker::new(PickerPurpose::OpenText, dir.path());
        let names: Vec<&str> = picker.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["ملفات", "b.txt", "أ.txt"]);
        let folders = FilePicker::new(PickerPurpose::OpenFolder, dir.path());
        assert_eq!(folders.entries.len(), 1);
        let gone = FilePicker::new(PickerPurpose::OpenText, &dir.path().join("gone"));
        assert!(gone.problem.as_deref().unwrap().contains("gone"));
    }
}
