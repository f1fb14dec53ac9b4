//! The user's preferences, kept between runs in a small RON file in the user's config folder
//! (`~/.config/hamish/preferences.ron` on Linux; `HAMISH_CONFIG_DIR` overrides the folder): the
//! annotator name written on new annotations, and whether relation arcs are shown. Every field has
//! a serde default, so a file written by an older or newer Hamish still loads and new preferences
//! can be added without breaking old files. A preferences file that cannot be read never stops
//! the window: the defaults are used and the message says which file and why.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file name inside the config folder.
const FILE_NAME: &str = "preferences.ron";

/// What the user chose once and keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The annotator's name, written as the author of new annotations ("" until asked).
    pub annotator: String,
    /// Relation arcs drawn over the text.
    pub show_arcs: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            annotator: String::new(),
            show_arcs: true,
        }
    }
}

/// Why preferences could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PreferencesError {
    /// Reading or writing the file failed.
    #[error("{}: {source}; check that the folder exists and can be written", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid RON for preferences.
    #[error("{} could not be read ({source}); fix or delete it, the defaults are used meanwhile", .path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Where and what.
        source: Box<ron::error::SpannedError>,
    },
}

/// The preferences file of this user: in `HAMISH_CONFIG_DIR` when set, else the platform's
/// config folder for Hamish; `None` when the platform has none (no home folder).
pub fn preferences_path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("HAMISH_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join(FILE_NAME));
    }
    directories::ProjectDirs::from("", "", "hamish").map(|d| d.config_dir().join(FILE_NAME))
}

impl Preferences {
    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, PreferencesError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(PreferencesError::Io {
                    path: path.to_owned(),
                    source,
                })
            }
        };
        ron::from_str(&text).map_err(|source| PreferencesError::Parse {
            path: path.to_owned(),
            source: Box::new(source),
        })
    }

    /// Writes to `path` (creating its folder), replacing the file only once the new one is whole.
    pub fn save(&self, path: &Path) -> Result<(), PreferencesError> {
        let io = |source| PreferencesError::Io {
            path: path.to_owned(),
            source,
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(io)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .expect("preferences always serialize");
        let temp = path.with_extension("ron.tmp");
        std::fs::write(&temp, format!("{text}\n")).map_err(io)?;
        std::fs::rename(&temp, path).map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_preferences_load_back_and_a_missing_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/preferences.ron");
        assert_eq!(Preferences::load(&path).unwrap(), Preferences::default());
        let prefs = Preferences {
            annotator: "ليلى".into(),
            show_arcs: false,
        };
        prefs.save(&path).unwrap();
        assert_eq!(Preferences::load(&path).unwrap(), prefs);
    }

    #[test]
    fn unknown_and_missing_fields_keep_the_file_readable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.ron");
        std::fs::write(&path, "(annotator: \"Omar\", theme: \"dark\")").unwrap();
        let prefs = Preferences::load(&path).unwrap();
        assert_eq!(prefs.annotator, "Omar");
        assert!(prefs.show_arcs, "missing fields take their defaults");
        std::fs::write(&path, "(annotator: 3").unwrap();
        let err = Preferences::load(&path).unwrap_err().to_string();
        assert!(err.contains("preferences.ron"), "{err}");
    }
}
