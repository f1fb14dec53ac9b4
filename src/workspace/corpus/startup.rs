//! What the paths on the command line open: nothing → the bundled sample; one file → that
//! file; one folder → the folder as a corpus; several files and folders → all their texts
//! together (folders contribute their `.txt` files). Checked before the window opens, so a
//! missing path or a folder without texts is an error message and exit code, not an empty window.

use super::super::action::Action;
use super::super::error::ActionError;
use crate::store::walk::{is_text_file_name, walk_files};
use std::path::PathBuf;

/// The action that opens `paths` (see the module docs).
pub fn action_for_paths(paths: &[PathBuf]) -> Result<Action, ActionError> {
    let folder_error = |path: &PathBuf, source| ActionError::Folder {
        path: path.clone(),
        source,
    };
    match paths {
        [] => return Ok(Action::OpenSample),
        [one] if !one.is_dir() => {
            return Ok(Action::Open {
                path: one.clone(),
                encoding: None,
            })
        }
        _ => {}
    }
    let mut texts = Vec::new();
    for path in paths {
        if !path.is_dir() {
            if !path.exists() {
                return Err(ActionError::NoSuchPath(path.clone()));
            }
            texts.push(path.clone());
            continue;
        }
        let found = walk_files(std::slice::from_ref(path), &is_text_file_name)
            .map_err(|e| folder_error(path, e))?;
        if found.is_empty() {
            return Err(ActionError::EmptyFolder(path.clone()));
        }
        texts.extend(found.into_iter().map(|f| f.path));
    }
    Ok(match paths {
        [folder] => Action::OpenFolder {
            path: folder.clone(),
        },
        _ => Action::OpenFiles { paths: texts },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_open_the_sample_a_file_a_folder_or_texts_together() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "أ").unwrap();
        std::fs::write(sub.join("b.txt"), "ب").unwrap();
        assert_eq!(action_for_paths(&[]).unwrap(), Action::OpenSample);
        assert!(matches!(
            action_for_paths(std::slice::from_ref(&a)).unwrap(),
            Action::Open { .. }
        ));
        assert_eq!(
            action_for_paths(&[dir.path().to_owned()]).unwrap(),
            Action::OpenFolder {
                path: dir.path().to_owned()
            }
        );
        assert_eq!(
            action_for_paths(&[sub.clone(), a.clone()]).unwrap(),
            Action::OpenFiles {
                paths: vec![sub.join("b.txt"), a.clone()]
            }
        );
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            action_for_paths(&[empty.path().to_owned()]),
            Err(ActionError::EmptyFolder(_))
        ));
        let gone = dir.path().join("gone.txt");
        let err = action_for_paths(&[a, gone]).unwrap_err();
        assert!(err.to_string().contains("gone.txt"), "{err}");
    }
}
