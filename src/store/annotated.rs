//! Reading one annotated text, the one way the window, `check`, `export` and the session all do it:
//! decode the text (with the encoding the sidecar recorded when that reproduces its fingerprint),
//! compare fingerprints, resolve the schema, and fill missing anchors when the text is unchanged.
//! Re-anchoring a changed text is the caller's choice (the session does it; `check` dry-runs it).
//! Offsets are chars of the decoded text.

use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::model::source_text::SourceText;
use crate::model::text_format::TextEncoding;
use crate::store::atomic::folder_of;
use crate::store::decode::{load_text_file_with, DecodeError, DecodedText, LoadOptions};
use crate::store::sidecar::{resolve_schema, SchemaSource, SidecarData, SidecarError, TextRecord};
use std::path::Path;

/// A text file with the annotations its sidecar holds (none when it has no sidecar).
#[derive(Debug, Clone)]
pub struct AnnotatedFile {
    /// The decoded text.
    pub source: SourceText,
    /// True when the encoding was detected rather than chosen or recorded.
    pub encoding_guessed: bool,
    /// Bytes the code page could not map, shown as U+FFFD.
    pub replaced_bytes: usize,
    /// Where the schema comes from (the sidecar's choice, or the folder's default).
    pub schema_source: SchemaSource,
    /// The schema itself.
    pub schema: Schema,
    /// The annotations as saved; when the text is unchanged, anchors missing from old files are
    /// filled in. When the text changed, ranges still point into the old text.
    pub set: AnnotationSet,
    /// What the sidecar recorded about the text, when a sidecar was read.
    pub saved_text: Option<TextRecord>,
}

impl AnnotatedFile {
    /// True when a sidecar was read and the text no longer has the fingerprint it was saved with.
    pub fn text_changed(&self) -> bool {
        self.saved_text
            .as_ref()
            .is_some_and(|r| r.fingerprint != self.source.fingerprint)
    }
}

/// Why an annotated text could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadAnnotatedError {
    /// The text file could not be read or decoded.
    #[error(transparent)]
    Text(#[from] DecodeError),
    /// The schema the sidecar names could not be loaded.
    #[error("{0}")]
    Schema(SidecarError),
}

/// Reads the text at `text_path` for the already parsed `sidecar` (if it has one). `encoding`
/// forces a decoding (the user's choice); otherwise the detected one is used, unless the sidecar
/// records another encoding under which the text has the sidecar's fingerprint.
pub fn read_annotated(
    text_path: &Path,
    sidecar: Option<SidecarData>,
    encoding: Option<TextEncoding>,
) -> Result<AnnotatedFile, ReadAnnotatedError> {
    let decoded = decode_for_sidecar(text_path, encoding, sidecar.as_ref())?;
    let source = SourceText::new(text_path, decoded.text, decoded.encoding);
    let folder = folder_of(text_path);
    let (schema_source, saved_text, mut set) = match sidecar {
        Some(data) => (data.schema, Some(data.text), data.set),
        None => (
            SchemaSource::default_for(&folder),
            None,
            AnnotationSet::new(),
        ),
    };
    let lookup = SidecarData::new(&source, schema_source.clone(), AnnotationSet::new());
    let schema = resolve_schema(&folder, &lookup).map_err(ReadAnnotatedError::Schema)?;
    if saved_text
        .as_ref()
        .is_some_and(|r| r.fingerprint == source.fingerprint)
    {
        let mut data = SidecarData::new(&source, schema_source.clone(), set);
        data.fill_missing_anchors(&source.text);
        set = data.set;
    }
    Ok(AnnotatedFile {
        source,
        encoding_guessed: decoded.guessed,
        replaced_bytes: decoded.replaced,
        schema_source,
        schema,
        set,
        saved_text,
    })
}

/// Decodes the text at `text_path` for the annotations in `sidecar`. With `encoding` that
/// encoding is used; otherwise the detected one, unless the sidecar records another encoding under
/// which the text has the sidecar's fingerprint (a wrong guess must not orphan every annotation).
pub fn decode_for_sidecar(
    text_path: &Path,
    encoding: Option<TextEncoding>,
    sidecar: Option<&SidecarData>,
) -> Result<DecodedText, DecodeError> {
    let options = LoadOptions {
        encoding,
        ..LoadOptions::default()
    };
    let detected = load_text_file_with(text_path, &options)?;
    let Some(data) = sidecar.filter(|_| encoding.is_none()) else {
        return Ok(detected);
    };
    if data.text.encoding == detected.encoding || data.matches_text(&detected.text) {
        return Ok(detected);
    }
    let recorded = LoadOptions {
        encoding: Some(data.text.encoding),
        ..LoadOptions::default()
    };
    match load_text_file_with(text_path, &recorded) {
        Ok(d) if data.matches_text(&d.text) => Ok(d),
        _ => Ok(detected),
    }
}
