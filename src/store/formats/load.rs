//! Loading an annotated document for export: its sidecar, its text (which must be the text the
//! annotations were saved against) and its schema. Offsets are chars of the decoded text.

use super::error::FormatError;
use super::files::read_text;
use super::AnnotatedDoc;
use crate::model::schema::Schema;
use crate::store::sidecar::{load_sidecar, resolve_schema, sidecar_path};
use std::path::Path;

/// Loads the text at `text_path` and its sidecar; `name` is the document's name in exports.
pub fn load_annotated(text_path: &Path, name: &str) -> Result<(AnnotatedDoc, Schema), FormatError> {
    let sidecar = load_sidecar(&sidecar_path(text_path))?;
    let text = read_text(text_path)?;
    if !sidecar.matches_text(&text) {
        return Err(FormatError::TextChanged {
            path: text_path.to_owned(),
        });
    }
    let folder = text_path.parent().unwrap_or(Path::new("."));
    let schema = resolve_schema(folder, &sidecar)?;
    Ok((
        AnnotatedDoc {
            name: name.to_owned(),
            text,
            set: sidecar.set,
        },
        schema,
    ))
}
