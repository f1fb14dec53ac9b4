//! Loading an annotated document for export: its sidecar, its text (decoded with the encoding the
//! sidecar recorded, and which must be the text the annotations were saved against) and its
//! schema. Offsets are chars of the decoded text.

use super::error::FormatError;
use super::AnnotatedText;
use crate::model::schema::Schema;
use crate::store::session::decode_for_sidecar;
use crate::store::sidecar::{load_sidecar, resolve_schema, sidecar_path, SidecarData};
use std::path::Path;

/// Loads the text at `text_path` and its sidecar; `name` is the document's name in exports.
pub fn load_annotated(
    text_path: &Path,
    name: &str,
) -> Result<(AnnotatedText, Schema), FormatError> {
    let (doc, schema, _) = load_annotated_with_sidecar(text_path, name)?;
    Ok((doc, schema))
}

/// [`load_annotated`] with the annotations in `sidecar` (an annotator's file) instead of the
/// text's gold sidecar.
pub fn load_annotated_from(
    text_path: &Path,
    sidecar: &Path,
    name: &str,
) -> Result<(AnnotatedText, Schema), FormatError> {
    let (doc, schema, _) = load_with(text_path, sidecar, name)?;
    Ok((doc, schema))
}

/// [`load_annotated`], also returning the sidecar as read (for what an export cannot carry, such
/// as the encoding the text was decoded from).
pub fn load_annotated_with_sidecar(
    text_path: &Path,
    name: &str,
) -> Result<(AnnotatedText, Schema, SidecarData), FormatError> {
    load_with(text_path, &sidecar_path(text_path), name)
}

fn load_with(
    text_path: &Path,
    sidecar: &Path,
    name: &str,
) -> Result<(AnnotatedText, Schema, SidecarData), FormatError> {
    let sidecar = load_sidecar(sidecar)?;
    let text = decode_for_sidecar(text_path, None, Some(&sidecar))?.text;
    if !sidecar.matches_text(&text) {
        return Err(FormatError::TextChanged {
            path: text_path.to_owned(),
        });
    }
    let folder = text_path.parent().unwrap_or(Path::new("."));
    let schema = resolve_schema(folder, &sidecar)?;
    let doc = AnnotatedText {
        name: name.to_owned(),
        text,
        set: sidecar.set.clone(),
    };
    Ok((doc, schema, sidecar))
}
