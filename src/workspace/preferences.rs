//! The user's preferences kept between runs: theme, font file and zoom, annotator name, recent
//! files and folders, interface language, relation arcs shown. One struct in one RON file in the platform's config
//! folder (`directories`: `~/.config/hamish/preferences.ron` on Linux). Every field has a serde
//! default, so a file written by an older or newer build reads (fields it does not know are
//! ignored, missing ones take their defaults); a file that does not parse is never written over.
//! No egui: the window applies them.

use crate::store::atomic::{save_atomic_with, Backup, RealFs};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file name in the config folder.
pub const PREFERENCES_FILE: &str = "preferences.ron";

/// How many recent files (and folders) are kept.
pub const MAX_RECENT: usize = 10;

/// The window's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Light text on dark.
    #[default]
    Dark,
    /// Dark text on light.
    Light,
}

/// The language of menus, panels and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    /// English, laid out left to right.
    #[default]
    English,
    /// Arabic, laid out right to left (panels and menus from the right).
    Arabic,
}

impl Language {
    /// The language a system locale (`ar-EG`, `ar_SA.UTF-8`, `en-US`) asks for: Arabic for
    /// Arabic locales, English for the rest.
    pub fn from_locale(locale: &str) -> Self {
        let lower = locale.to_ascii_lowercase();
        if lower == "ar" || lower.starts_with("ar-") || lower.starts_with("ar_") {
            Self::Arabic
        } else {
            Self::English
        }
    }

    /// The language of the system's locale (English when it cannot be told).
    pub fn of_system() -> Self {
        sys_locale::get_locale().map_or(Self::English, |l| Self::from_locale(&l))
    }
}

/// Everything kept between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Colours.
    pub theme: Theme,
    /// A font file for the text (`None`: the embedded Noto fonts).
    pub font_file: Option<PathBuf>,
    /// Text zoom, 1.0 = 100 %.
    pub zoom: f32,
    /// The name written into new annotations (empty: the login name).
    pub annotator: String,
    /// Recently opened text files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// Recently opened folders, newest first.
    pub recent_folders: Vec<PathBuf>,
    /// The interface language (`None`: the system locale's).
    pub language: Option<Language>,
    /// Relation arcs drawn over the text.
    pub show_arcs: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            theme: Theme::default(),
            font_file: None,
            zoom: 1.0,
            annotator: String::new(),
            recent_files: Vec::new(),
            recent_folders: Vec::new(),
            language: None,
            show_arcs: true,
        }
    }
}

/// Why preferences could not be read or written (the window says so once and goes on).
#[derive(Debug, thiserror::Error)]
pub enum PreferencesError {
    /// The file does not parse; it is left as it is and not written over.
    #[error("{}:{line}:{column}: the preferences do not read ({message}); they are not saved until the file is fixed or removed", .path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// Reading or writing failed.
    #[error("{}: {reason}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

impl Preferences {
    /// Where the preferences live: `$HAMISH_CONFIG_DIR/preferences.ron` when that is set, else
    /// the platform's config folder for Hamish; `None` when there is no home folder.
    pub fn default_path() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("HAMISH_CONFIG_DIR") {
            return Some(PathBuf::from(dir).join(PREFERENCES_FILE));
        }
        let dirs = directories::ProjectDirs::from("", "", "hamish")?;
        Some(dirs.config_dir().join(PREFERENCES_FILE))
    }

    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, PreferencesError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(err) => {
                return Err(PreferencesError::Io {
                    path: path.to_owned(),
                    reason: err.to_string(),
                })
            }
        };
        Self::from_ron(&text, path)
    }

    /// Parses preferences; `path` names the file in errors.
    pub fn from_ron(text: &str, path: &Path) -> Result<Self, PreferencesError> {
        let mut prefs: Self = ron::Options::default()
            .with_recursion_limit(16)
            .from_str(text)
            .map_err(|e| PreferencesError::Parse {
                path: path.to_owned(),
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string(),
            })?;
        if !prefs.zoom.is_finite() || prefs.zoom <= 0.0 {
            prefs.zoom = 1.0;
        }
        prefs.recent_files.truncate(MAX_RECENT);
        prefs.recent_folders.truncate(MAX_RECENT);
        Ok(prefs)
    }

    /// The preferences as RON text.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().indentor("    ".to_owned());
        // Plain fields, strings and paths: serialising cannot fail.
        ron::ser::to_string_pretty(self, config).expect("preferences serialize to RON") + "\n"
    }

    /// Writes them to `path` atomically (the folder is created when missing).
    pub fn save(&self, path: &Path) -> Result<(), PreferencesError> {
        let io = |reason: String| PreferencesError::Io {
            path: path.to_owned(),
            reason,
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| io(e.to_string()))?;
        }
        save_atomic_with(&RealFs, path, self.to_ron().as_bytes(), Backup::Skip)
            .map_err(|e| io(e.to_string()))
    }

    /// Puts `path` first among the recent files (or folders), without repeats, keeping
    /// [`MAX_RECENT`].
    pub fn note_opened(&mut self, path: &Path, folder: bool) {
        let list = if folder {
            &mut self.recent_folders
        } else {
            &mut self.recent_files
        };
        list.retain(|p| p != path);
        list.insert(0, path.to_owned());
        list.truncate(MAX_RECENT);
    }

    /// The interface language: the one chosen, else the system's.
    pub fn language(&self) -> Language {
        self.language.unwrap_or_else(Language::of_system)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_round_trip_and_missing_or_unknown_fields_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/preferences.ron");
        assert_eq!(Preferences::load(&path).unwrap(), Preferences::default());
        let mut prefs = Preferences {
            theme: Theme::Light,
            zoom: 1.3,
            annotator: "ليلى".into(),
            language: Some(Language::Arabic),
            ..Preferences::default()
        };
        prefs.note_opened(Path::new("/texts/خبر.txt"), false);
        prefs.save(&path).unwrap();
        assert_eq!(Preferences::load(&path).unwrap(), prefs);
        // An older file without most fields, and a newer one with a field this build lacks.
        let old = Preferences::from_ron("(theme: Light)", &path).unwrap();
        assert_eq!(old.theme, Theme::Light);
        assert_eq!(old.zoom, 1.0);
        let newer = Preferences::from_ron("(annotator: \"x\", label_bar: true)", &path).unwrap();
        assert_eq!(newer.annotator, "x");
        let bad = Preferences::from_ron("(zoom: ", &path).unwrap_err();
        assert!(bad.to_string().contains("preferences.ron:1:"), "{bad}");
        assert_eq!(
            Preferences::from_ron("(zoom: -2.0)", &path).unwrap().zoom,
            1.0
        );
    }

    #[test]
    fn recent_files_are_newest_first_without_repeats_and_capped() {
        let mut prefs = Preferences::default();
        for k in 0..15 {
            prefs.note_opened(Path::new(&format!("/t/{k}.txt")), false);
        }
        prefs.note_opened(Path::new("/t/12.txt"), false);
        prefs.note_opened(Path::new("/corpus"), true);
        assert_eq!(prefs.recent_files.len(), MAX_RECENT);
        assert_eq!(prefs.recent_files[0], Path::new("/t/12.txt"));
        assert_eq!(prefs.recent_files[1], Path::new("/t/14.txt"));
        assert_eq!(prefs.recent_folders, [PathBuf::from("/corpus")]);
    }

    #[test]
    fn arabic_locales_choose_the_arabic_interface() {
        for locale in ["ar", "ar-EG", "ar_SA.UTF-8", "AR-ma"] {
            assert_eq!(Language::from_locale(locale), Language::Arabic, "{locale}");
        }
        for locale in ["en-US", "fr_FR", "arn-CL", "C", ""] {
            assert_eq!(Language::from_locale(locale), Language::English, "{locale}");
        }
    }
}
