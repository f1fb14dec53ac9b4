//! Loading an annotated document for export through `store::annotated` (the one way every face
//! reads an annotated text), refusing one whose text changed since its annotations were saved.
//! Offsets are chars of the decoded text.

use super::error::FormatError;
use super::AnnotatedText;
use crate::model::annotation::AnnotationStatus;
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::model::validate::{range_problems, Problem};
use crate::store::annotated::{read_annotated, ReadAnnotatedError};
use crate::store::sidecar::{load_sidecar, sidecar_path, SidecarData};
use std::path::Path;

/// Loads the text at `text_path` and its sidecar; `name` is the document's name in exports.
pub fn load_annotated(
    text_path: &Path,
    name: &str,
) -> Result<(AnnotatedText, Schema), FormatError> {
    load_annotated_from(text_path, &sidecar_path(text_path), name)
}

/// [`load_annotated`] with the annotations in `sidecar` (an annotator's file) instead of the
/// text's gold sidecar.
pub fn load_annotated_from(
    text_path: &Path,
    sidecar: &Path,
    name: &str,
) -> Result<(AnnotatedText, Schema), FormatError> {
    // The sidecar is read once and its annotations moved, not copied (a deep copy of a large set
    // took longer than reading it).
    load_with(text_path, load_sidecar(sidecar)?, sidecar, name)
}

/// [`load_annotated`], also returning the sidecar as read (for what an export cannot carry, such
/// as the encoding the text was decoded from).
pub fn load_annotated_with_sidecar(
    text_path: &Path,
    name: &str,
) -> Result<(AnnotatedText, Schema, SidecarData), FormatError> {
    let path = sidecar_path(text_path);
    let sidecar = load_sidecar(&path)?;
    let (doc, schema) = load_with(text_path, sidecar.clone(), &path, name)?;
    Ok((doc, schema, sidecar))
}

fn load_with(
    text_path: &Path,
    sidecar: SidecarData,
    sidecar_path: &Path,
    name: &str,
) -> Result<(AnnotatedText, Schema), FormatError> {
    let file = read_annotated(text_path, Some(sidecar), None).map_err(|e| match e {
        ReadAnnotatedError::Text(e) => FormatError::Decode(e),
        ReadAnnotatedError::Schema(e) => FormatError::Sidecar(e),
    })?;
    if file.text_changed() {
        return Err(FormatError::TextChanged {
            path: text_path.to_owned(),
        });
    }
    check_ranges(&file.set, file.source.char_len, sidecar_path)?;
    let doc = AnnotatedText {
        name: name.to_owned(),
        text: file.source.text,
        set: file.set,
    };
    Ok((doc, file.schema))
}

/// Refuses a set with a reversed range, or a range past the end of the text (an orphan's ranges
/// are the last known ones in an older text: they are left to each format's report).
fn check_ranges(set: &AnnotationSet, text_len: usize, sidecar: &Path) -> Result<(), FormatError> {
    let problems: Vec<String> = set
        .annotations()
        .flat_map(|a| {
            range_problems(a, text_len)
                .into_iter()
                .filter(move |p| match p {
                    Problem::ReversedRange { .. } => true,
                    Problem::RangePastEnd { .. } => a.status != AnnotationStatus::Orphan,
                    _ => false,
                })
        })
        .map(|p| p.to_string())
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(FormatError::BadRanges {
            path: sidecar.to_owned(),
            problems: problems.join("; "),
        })
    }
}
