//! Per-annotator sidecars for texts a team annotates: `article.txt.<annotator>.ann.ron` beside the
//! text, next to the gold `article.txt.ann.ron`. Annotator names are restricted to characters
//! that are safe in file names on every system and cannot be confused with the rest of the name.

use super::{sidecar_path, text_path_of, SIDECAR_SUFFIX};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The longest annotator name, in chars.
pub const MAX_ANNOTATOR_NAME: usize = 64;

/// A valid annotator name: 1 to 64 ASCII letters, digits, `-` and `_`, starting with a letter
/// or a digit (so no dot, slash, space or hidden-file name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnnotatorName(String);

/// Why a string is not a valid annotator name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name:?} is not a valid annotator name: {reason}; use 1 to {MAX_ANNOTATOR_NAME} ASCII letters, digits, '-' or '_', starting with a letter or digit (e.g. \"maryam\" or \"ann-2\")")]
pub struct AnnotatorNameError {
    /// The name given.
    pub name: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl AnnotatorName {
    /// Checks `name`.
    pub fn new(name: &str) -> Result<Self, AnnotatorNameError> {
        let fail = |reason| {
            Err(AnnotatorNameError {
                name: name.to_owned(),
                reason,
            })
        };
        if name.is_empty() {
            return fail("it is empty");
        }
        if name.chars().count() > MAX_ANNOTATOR_NAME {
            return fail("it is too long");
        }
        if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return fail("it must start with a letter or digit");
        }
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return fail("it has a character other than ASCII letters, digits, '-' and '_'");
        }
        Ok(Self(name.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AnnotatorName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for AnnotatorName {
    type Err = AnnotatorNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

/// The sidecar of `annotator` for a text file: `article.txt` → `article.txt.<annotator>.ann.ron`.
pub fn annotator_sidecar_path(text_path: &Path, annotator: &AnnotatorName) -> PathBuf {
    let mut name = text_path.as_os_str().to_owned();
    name.push(format!(".{annotator}{SIDECAR_SUFFIX}"));
    PathBuf::from(name)
}

/// The sidecar of a text for `annotator`, or the gold sidecar with `None`.
pub fn sidecar_path_for(text_path: &Path, annotator: Option<&AnnotatorName>) -> PathBuf {
    match annotator {
        Some(a) => annotator_sidecar_path(text_path, a),
        None => sidecar_path(text_path),
    }
}

/// Reads a sidecar path as an annotator's: `article.txt.<name>.ann.ron` → (`article.txt`,
/// name). Only the name is looked at; whether `article.txt` exists is the caller's question
/// (a text file may itself be called `notes.draft`, whose gold sidecar is `notes.draft.ann.ron`).
pub fn split_annotator_sidecar(sidecar: &Path) -> Option<(PathBuf, AnnotatorName)> {
    let inner = text_path_of(sidecar)?;
    let s = inner.to_str()?;
    let (text, name) = s.rsplit_once('.')?;
    let text = Path::new(text);
    // The text part must still name a file (`.alice.ann.ron` has none).
    text.file_name()?;
    let name = AnnotatorName::new(name).ok()?;
    Some((text.to_owned(), name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        for good in ["maryam", "ann-2", "A_1", "7"] {
            assert_eq!(AnnotatorName::new(good).unwrap().as_str(), good);
        }
        for bad in ["", "-x", "a.b", "a/b", "مريم", "a b", "..", &"x".repeat(65)] {
            let err = AnnotatorName::new(bad).unwrap_err();
            assert!(
                err.to_string().contains("not a valid annotator name"),
                "{bad}"
            );
        }
    }

    #[test]
    fn paths_round_trip() {
        let alice = AnnotatorName::new("alice").unwrap();
        let p = annotator_sidecar_path(Path::new("corpus/مقال.txt"), &alice);
        assert_eq!(p, PathBuf::from("corpus/مقال.txt.alice.ann.ron"));
        assert_eq!(
            split_annotator_sidecar(&p),
            Some((PathBuf::from("corpus/مقال.txt"), alice.clone()))
        );
        assert_eq!(
            sidecar_path_for(Path::new("a.txt"), None),
            PathBuf::from("a.txt.ann.ron")
        );
        assert_eq!(
            sidecar_path_for(Path::new("a.txt"), Some(&alice)),
            PathBuf::from("a.txt.alice.ann.ron")
        );
        // The gold sidecar of a text without an extension has no annotator part.
        assert_eq!(
            split_annotator_sidecar(Path::new("dir/article.ann.ron")),
            None
        );
        assert_eq!(
            split_annotator_sidecar(Path::new("a.txt.b c.ann.ron")),
            None
        );
    }
}
