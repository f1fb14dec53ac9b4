//! Finds the annotated text files under the paths given on a command line or opened as a folder:
//! each `<file>.ann.ron` paired with its `<file>`, and in folders a team shares, each annotator's
//! `<file>.<annotator>.ann.ron`. Folders are walked by `store::walk` (the same rules as every
//! other command).

use super::annotator::{sidecar_path_for, split_annotator_sidecar, AnnotatorName};
use super::{sidecar_path, text_path_of, SIDECAR_SUFFIX};
use crate::store::walk::{walk_files, WalkError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

/// A text file with every sidecar found for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextVersions {
    /// The text file.
    pub text: PathBuf,
    /// The gold sidecar, if there is one.
    pub gold: Option<PathBuf>,
    /// Each annotator's sidecar.
    pub annotators: BTreeMap<AnnotatorName, PathBuf>,
}

/// What a `*.ann.ron` file is the sidecar of.
#[derive(Debug, Clone, PartialEq, Eq)]
enum SidecarKind {
    Gold(PathBuf),
    Annotator(PathBuf, AnnotatorName),
}

/// Reads a sidecar's name: `a.txt.alice.ann.ron` is alice's sidecar of `a.txt` when `a.txt` is
/// a file and `a.txt.alice` is not (then it would be the gold sidecar of `a.txt.alice`).
fn classify(sidecar: &Path) -> Option<SidecarKind> {
    let inner = text_path_of(sidecar)?;
    match split_annotator_sidecar(sidecar) {
        Some((text, name)) if text.is_file() && !inner.is_file() => {
            Some(SidecarKind::Annotator(text, name))
        }
        _ => Some(SidecarKind::Gold(inner)),
    }
}

/// What a path given to a batch stands for when working on `annotator`'s files (the gold ones
/// with `None`): a sidecar of that kind with its text, a text file with that sidecar (which may
/// not exist), or `None` for a sidecar of another kind.
pub fn resolve_for(path: &Path, annotator: Option<&AnnotatorName>) -> Option<SidecarPair> {
    if text_path_of(path).is_none() {
        return Some(SidecarPair {
            text: path.to_owned(),
            sidecar: sidecar_path_for(path, annotator),
        });
    }
    let text = match (classify(path)?, annotator) {
        (SidecarKind::Gold(text), None) => text,
        (SidecarKind::Annotator(text, name), Some(wanted)) if name == *wanted => text,
        _ => return None,
    };
    Some(SidecarPair {
        text,
        sidecar: path.to_owned(),
    })
}

/// Every gold sidecar under `paths` with its text file, sorted and without repeats; annotators'
/// sidecars are left out.
pub fn find_sidecars(paths: &[PathBuf]) -> Result<Vec<SidecarPair>, DiscoverError> {
    find_sidecars_for(paths, None)
}

/// Every sidecar of `annotator` (the gold ones with `None`) under `paths`, with its text file,
/// sorted and without repeats. A text file given by name must have that sidecar.
pub fn find_sidecars_for(
    paths: &[PathBuf],
    annotator: Option<&AnnotatorName>,
) -> Result<Vec<SidecarPair>, DiscoverError> {
    let mut found = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| DiscoverError::Io {
            path: path.clone(),
            source,
        })?;
        let mut candidates = Vec::new();
        if meta.is_dir() {
            walk(path, &mut candidates)?;
        } else if text_path_of(path).is_some() {
            candidates.push(path.clone());
        } else {
            let sidecar = sidecar_path_for(path, annotator);
            if !sidecar.is_file() {
                return Err(DiscoverError::NoSidecar {
                    path: path.clone(),
                    sidecar,
                });
            }
            candidates.push(sidecar);
        }
        for sidecar in candidates {
            let text = match (classify(&sidecar), annotator) {
                (Some(SidecarKind::Gold(text)), None) => text,
                (Some(SidecarKind::Annotator(text, name)), Some(wanted)) if name == *wanted => text,
                _ => continue,
            };
            found.push(SidecarPair { text, sidecar });
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

/// Every text under `paths` that has a sidecar, with all its sidecars (gold and annotators'),
/// sorted by text. A text file given by name is looked up in its folder.
pub fn find_annotated_texts(paths: &[PathBuf]) -> Result<Vec<TextVersions>, DiscoverError> {
    let mut sidecars = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| DiscoverError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(path, &mut sidecars)?;
        } else if text_path_of(path).is_some() {
            sidecars.push(path.clone());
        } else {
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let mut here = Vec::new();
            walk_one(&folder, &mut here)?;
            // Named like the given path, so that reports show the text as it was given.
            let file = path.file_name().map(Path::new).unwrap_or(path);
            for found in here {
                let Some(name) = found.file_name() else {
                    continue;
                };
                let name = Path::new(name);
                let ours = name == sidecar_path(file)
                    || split_annotator_sidecar(name).is_some_and(|(t, _)| t == file);
                if ours {
                    sidecars.push(path.with_file_name(name));
                }
            }
        }
    }
    let mut texts: BTreeMap<PathBuf, TextVersions> = BTreeMap::new();
    for sidecar in sidecars {
        let (text, name) = match classify(&sidecar) {
            Some(SidecarKind::Gold(text)) => (text, None),
            Some(SidecarKind::Annotator(text, name)) => (text, Some(name)),
            None => continue,
        };
        let entry = texts.entry(text.clone()).or_insert_with(|| TextVersions {
            text,
            ..TextVersions::default()
        });
        match name {
            Some(name) => {
                entry.annotators.insert(name, sidecar);
            }
            None => entry.gold = Some(sidecar),
        }
    }
    Ok(texts.into_values().collect())
}

/// The sidecars directly in `dir` (not in its subfolders).
fn walk_one(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), DiscoverError> {
    let entries = std::fs::read_dir(dir).map_err(|source| DiscoverError::Io {
        path: dir.to_owned(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() && text_path_of(&path).is_some() {
            found.push(path);
        }
    }
    found.sort();
    Ok(())
}

/// Every sidecar under `dir`, by the one folder walk (`store::walk`).
fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), DiscoverError> {
    let files = walk_files(&[dir.to_owned()], &|n| n.ends_with(SIDECAR_SUFFIX))
        .map_err(|WalkError::Io { path, source }| DiscoverError::Io { path, source })?;
    found.extend(files.into_iter().map(|f| f.path));
    Ok(())
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

    #[test]
    fn annotator_sidecars_are_told_apart_from_gold_ones() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a.txt",
            "a.txt.ann.ron",
            "a.txt.alice.ann.ron",
            "a.txt.bob.ann.ron",
            "b.txt",
            "b.txt.bob.ann.ron",
            // A text whose own name has a dot part: its sidecar is gold, not "draft"'s.
            "notes.draft",
            "notes.draft.ann.ron",
        ] {
            std::fs::write(root.join(f), "").unwrap();
        }
        let texts = |pairs: Vec<SidecarPair>| -> Vec<PathBuf> {
            pairs.into_iter().map(|p| p.sidecar).collect()
        };
        let all = [root.to_owned()];
        assert_eq!(
            texts(find_sidecars(&all).unwrap()),
            vec![root.join("a.txt.ann.ron"), root.join("notes.draft.ann.ron")]
        );
        let bob = AnnotatorName::new("bob").unwrap();
        assert_eq!(
            texts(find_sidecars_for(&all, Some(&bob)).unwrap()),
            vec![
                root.join("a.txt.bob.ann.ron"),
                root.join("b.txt.bob.ann.ron")
            ]
        );
        assert_eq!(
            texts(find_sidecars_for(&[root.join("b.txt")], Some(&bob)).unwrap()),
            vec![root.join("b.txt.bob.ann.ron")]
        );
        assert!(matches!(
            find_sidecars(&[root.join("b.txt")]),
            Err(DiscoverError::NoSidecar { .. })
        ));
        let versions = find_annotated_texts(&all).unwrap();
        assert_eq!(versions.len(), 3);
        assert_eq!(versions[0].text, root.join("a.txt"));
        assert_eq!(versions[0].gold, Some(root.join("a.txt.ann.ron")));
        let names: Vec<&str> = versions[0].annotators.keys().map(|n| n.as_str()).collect();
        assert_eq!(names, vec!["alice", "bob"]);
        assert_eq!(versions[1].gold, None);
        let one = find_annotated_texts(&[root.join("a.txt")]).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].annotators.len(), 2);
    }
}
