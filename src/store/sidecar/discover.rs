//! Finds the annotated text files under the paths given on a command line or opened as a folder:
//! each `<file>.ann.ron` paired with its `<file>`. Folders are walked by `store::walk`.

use super::{sidecar_path, text_path_of, SIDECAR_SUFFIX};
use crate::store::walk::{walk_files, WalkError};
use std::path::PathBuf;

/// A text file and its sidecar.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SidecarPair {
    /// The text file (it may be missing; the caller reports that).
    pub text: PathBuf,
    /// The sidecar file.
    pub sidecar: PathBuf,
}

/// Why the paths could not be searched.
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    /// A given path does not exist or cannot be read.
    #[error("{path}: {source}; check the path")]
    Io {
        /// The path.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A given text file has no sidecar next to it.
    #[error(
        "{path}: has no annotations ({sidecar} does not exist); annotate it first or give a folder"
    )]
    NoSidecar {
        /// The text file.
        path: PathBuf,
        /// Where its sidecar would be.
        sidecar: PathBuf,
    },
}

/// Every sidecar under `paths` with its text file, sorted and without repeats. Folders are walked
/// by [`crate::store::walk`] (the same rules as every other command).
pub fn find_sidecars(paths: &[PathBuf]) -> Result<Vec<SidecarPair>, DiscoverError> {
    let mut found = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| DiscoverError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let files = walk_files(std::slice::from_ref(path), &|n| n.ends_with(SIDECAR_SUFFIX))
                .map_err(|WalkError::Io { path, source }| DiscoverError::Io { path, source })?;
            found.extend(files.into_iter().filter_map(|f| {
                text_path_of(&f.path).map(|text| SidecarPair {
                    text,
                    sidecar: f.path,
                })
            }));
        } else if let Some(text) = text_path_of(path) {
            found.push(SidecarPair {
                text,
                sidecar: path.clone(),
            });
        } else {
            let sidecar = sidecar_path(path);
            if !sidecar.is_file() {
                return Err(DiscoverError::NoSidecar {
                    path: path.clone(),
                    sidecar,
                });
            }
            found.push(SidecarPair {
                text: path.clone(),
                sidecar,
            });
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pairs_recursively_and_refuses_bare_text() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub/.git")).unwrap();
        for f in [
            "a.txt",
            "a.txt.ann.ron",
            "sub/b.txt.ann.ron",
            "sub/.git/c.txt.ann.ron",
            "d.txt",
        ] {
            std::fs::write(root.join(f), "").unwrap();
        }
        let pairs = find_sidecars(&[root.to_owned(), root.join("a.txt")]).unwrap();
        let texts: Vec<PathBuf> = pairs.iter().map(|p| p.text.clone()).collect();
        assert_eq!(texts, vec![root.join("a.txt"), root.join("sub/b.txt")]);
        assert!(matches!(
            find_sidecars(&[root.join("d.txt")]),
            Err(DiscoverError::NoSidecar { .. })
        ));
        assert!(matches!(
            find_sidecars(&[root.join("missing")]),
            Err(DiscoverError::Io { .. })
        ));
    }
}
