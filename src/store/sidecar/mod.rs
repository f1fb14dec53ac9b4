//! The sidecar file `<file>.ann.ron` next to each text file: format version 1, one annotation per
//! line in a stable order (clean `git diff`/`git merge`), parsing with clear errors, migration from
//! older versions. Offsets in it are chars into the decoded text; ranges are half-open.
//!
//! This module makes and reads strings; writing them to disk atomically is `store::atomic`'s job.

#![warn(missing_docs)]

mod annotator;
mod discover;
mod error;
mod escape;
mod fast;
mod locate;
mod migrate;
mod project;
mod read;
mod write;

pub use annotator::{
    annotator_sidecar_path, sidecar_path_for, split_annotator_sidecar, AnnotatorName,
    AnnotatorNameError, MAX_ANNOTATOR_NAME,
};
pub use discover::{
    find_annotated_texts, find_sidecars, find_sidecars_for, resolve_for, DiscoverError,
    SidecarPair, TextVersions,
};
pub use error::SidecarError;
pub use locate::{line_of, SidecarLines};
pub use project::{sidecar_for_session, ProjectSettings, PROJECT_FILE};
pub use read::{conflict_marker_line, from_ron_str};
pub use write::to_ron_string;

use crate::model::schema::{Schema, SchemaError};
use crate::model::set::AnnotationSet;
use crate::model::source_text::{Fingerprint, SourceText};
use crate::model::text_format::{LineEnding, TextEncoding};
use crate::store::input::read_input_file;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The sidecar format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// What is appended to a text file's name to name its sidecar.
pub const SIDECAR_SUFFIX: &str = ".ann.ron";

/// The name of a folder-level schema file, which applies to every document in the folder.
pub const FOLDER_SCHEMA_FILE: &str = "schema.ron";

/// What the sidecar records about the text it annotates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextRecord {
    /// SHA-256 of the decoded text when the annotations were saved.
    pub fingerprint: Fingerprint,
    /// The encoding the text was decoded from.
    pub encoding: TextEncoding,
    /// The line endings of the text.
    pub line_ending: LineEnding,
    /// Length of the text in chars.
    pub chars: usize,
}

impl TextRecord {
    /// The record of `document` as it is now.
    pub fn of(document: &SourceText) -> Self {
        Self {
            fingerprint: document.fingerprint.clone(),
            encoding: document.encoding,
            line_ending: document.line_ending,
            chars: document.char_len,
        }
    }
}

/// Where the schema of a document comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SchemaSource {
    /// A schema bundled with Hamish, by id (e.g. `Bundled("fact-checking")`).
    Bundled(String),
    /// The `schema.ron` in the same folder as the text.
    Folder,
    /// The schema written out in the sidecar itself.
    Inline(Schema),
}

impl SchemaSource {
    /// The source for a new sidecar in `folder`: the folder's `schema.ron` if there is one,
    /// otherwise the bundled fact-checking schema.
    pub fn default_for(folder: &Path) -> Self {
        if folder.join(FOLDER_SCHEMA_FILE).is_file() {
            Self::Folder
        } else {
            Self::Bundled(crate::model::schema::FACT_CHECKING.to_owned())
        }
    }
}

/// Everything a sidecar file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SidecarData {
    /// The text the annotations were made on.
    pub text: TextRecord,
    /// The schema they follow.
    pub schema: SchemaSource,
    /// The annotations, relations and document attributes.
    pub set: AnnotationSet,
}

impl SidecarData {
    /// A sidecar for `document` holding `set`.
    pub fn new(document: &SourceText, schema: SchemaSource, set: AnnotationSet) -> Self {
        Self {
            text: TextRecord::of(document),
            schema,
            set,
        }
    }

    /// True when `text` is the text the annotations were saved against.
    pub fn matches_text(&self, text: &str) -> bool {
        self.text.fingerprint == Fingerprint::of(text)
    }

    /// Captures anchor quotes from `text` for annotations that have none (files migrated from
    /// format 0, or written by other tools). Call only when [`Self::matches_text`] holds.
    pub fn fill_missing_anchors(&mut self, text: &str) {
        let ids: Vec<_> = self
            .set
            .annotations()
            .filter(|a| a.anchors.is_empty() && !a.ranges.is_empty())
            .map(|a| a.id)
            .collect();
        if ids.is_empty() {
            return;
        }
        // One index of the text for every quote (a walk over the text per annotation was quadratic).
        let index = crate::model::quote::TextIndex::new(text);
        for id in ids {
            if let Some(a) = self.set.annotation_mut(id) {
                a.anchors = crate::model::annotation::capture_anchors_in(&index, &a.ranges);
            }
        }
    }
}

/// The sidecar path of a text file: `article.txt` → `article.txt.ann.ron`.
pub fn sidecar_path(text_path: &Path) -> PathBuf {
    let mut name = text_path.as_os_str().to_owned();
    name.push(SIDECAR_SUFFIX);
    PathBuf::from(name)
}

/// The text file a sidecar belongs to, or `None` if `path` does not end in `.ann.ron`.
pub fn text_path_of(sidecar: &Path) -> Option<PathBuf> {
    let s = sidecar.to_str()?;
    let text = s.strip_suffix(SIDECAR_SUFFIX)?;
    (!text.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR)).then(|| PathBuf::from(text))
}

/// Reads and parses the sidecar file at `path`.
pub fn load_sidecar(path: &Path) -> Result<SidecarData, SidecarError> {
    let text = read_sidecar_text(path)?;
    from_ron_str(&text, path)
}

/// Reads the text of the sidecar file at `path` (for callers that also want to point at lines).
pub fn read_sidecar_text(path: &Path) -> Result<String, SidecarError> {
    let bytes = read_input_file(path).map_err(SidecarError::from_input)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        SidecarError::NotUtf8 {
            path: path.to_owned(),
            line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
        }
    })
}

/// The schema that applies to a sidecar whose text is in `folder`.
pub fn resolve_schema(folder: &Path, sidecar: &SidecarData) -> Result<Schema, SidecarError> {
    match &sidecar.schema {
        SchemaSource::Inline(schema) => Ok(schema.clone()),
        SchemaSource::Bundled(id) => {
            Schema::bundled(id).ok_or_else(|| SidecarError::UnknownBundledSchema { id: id.clone() })
        }
        SchemaSource::Folder => Ok(load_schema_file(&folder.join(FOLDER_SCHEMA_FILE))?),
    }
}

/// Reads, parses and checks the schema file at `path` (a folder's `schema.ron`) through the one
/// guarded reader.
pub fn load_schema_file(path: &Path) -> Result<Schema, SchemaError> {
    let io = |source| SchemaError::Io {
        path: path.to_owned(),
        source,
    };
    let bytes = read_input_file(path).map_err(|err| io(err.into()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    Schema::from_ron_str(&text, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_path_appends_suffix_and_back() {
        let p = sidecar_path(Path::new("corpus/مقال.txt"));
        assert_eq!(p, PathBuf::from("corpus/مقال.txt.ann.ron"));
        assert_eq!(text_path_of(&p), Some(PathBuf::from("corpus/مقال.txt")));
        assert_eq!(text_path_of(Path::new("corpus/a.txt")), None);
        assert_eq!(text_path_of(Path::new(".ann.ron")), None);
    }
}
