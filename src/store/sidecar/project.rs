//! The project file `hamish-project.ron` in a folder of texts: whether a team shares the folder.
//! In a shared folder, a session opened with an annotator name reads and writes that annotator's
//! own sidecar (`article.txt.<annotator>.ann.ron`) and gives new annotations ids that do not
//! collide with those made on another git branch; without the file, or with `shared: false`,
//! everything works on the gold `article.txt.ann.ron` as for one person.

use super::annotator::{sidecar_path_for, AnnotatorName};
use super::error::SidecarError;
use crate::model::schema::load::{ron_error_parts, ron_options};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The name of the project file in a folder.
pub const PROJECT_FILE: &str = "hamish-project.ron";

/// What the project file says, e.g. `(shared: true)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectSettings {
    /// A team shares the folder: every annotator has their own sidecar per text.
    #[serde(default)]
    pub shared: bool,
}

impl ProjectSettings {
    /// The settings of `folder`: its project file, or the defaults when there is none.
    pub fn of_folder(folder: &Path) -> Result<Self, SidecarError> {
        let path = folder.join(PROJECT_FILE);
        let bytes = match crate::store::input::read_input_file(&path) {
            Ok(b) => b,
            Err(e) if e.is_not_found() => return Ok(Self::default()),
            Err(e) => return Err(SidecarError::from_input(e)),
        };
        let text = String::from_utf8_lossy(&bytes);
        ron_options().from_str(&text).map_err(|e| {
            let (line, column, message) = ron_error_parts(&e);
            SidecarError::Project {
                path,
                line,
                column,
                message,
            }
        })
    }
}

/// The sidecar a session for `text_path` works on: `annotator`'s own when the text's folder is
/// shared, otherwise the gold sidecar.
pub fn sidecar_for_session(
    text_path: &Path,
    annotator: Option<&AnnotatorName>,
) -> Result<PathBuf, SidecarError> {
    let folder = match text_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let shared = annotator.is_some() && ProjectSettings::of_folder(folder)?.shared;
    Ok(sidecar_path_for(text_path, annotator.filter(|_| shared)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_annotator_file_is_used_only_in_a_shared_folder() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("a.txt");
        let alice = AnnotatorName::new("alice").unwrap();
        let gold = dir.path().join("a.txt.ann.ron");
        assert_eq!(sidecar_for_session(&text, Some(&alice)).unwrap(), gold);
        std::fs::write(dir.path().join(PROJECT_FILE), "(shared: false)").unwrap();
        assert_eq!(sidecar_for_session(&text, Some(&alice)).unwrap(), gold);
        std::fs::write(dir.path().join(PROJECT_FILE), "(shared: true)\n").unwrap();
        assert_eq!(
            sidecar_for_session(&text, Some(&alice)).unwrap(),
            dir.path().join("a.txt.alice.ann.ron")
        );
        assert_eq!(sidecar_for_session(&text, None).unwrap(), gold);
        std::fs::write(dir.path().join(PROJECT_FILE), "(shared: yes)").unwrap();
        let err = sidecar_for_session(&text, Some(&alice)).unwrap_err();
        assert!(
            matches!(err, SidecarError::Project { line: 1, .. }),
            "{err}"
        );
    }
}
