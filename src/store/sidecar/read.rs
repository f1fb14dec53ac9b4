//! Parses sidecar text: reads the format version first, migrates older versions, refuses newer
//! ones, and builds the annotation set (refusing duplicate ids).

use super::error::SidecarError;
use super::fast;
use super::locate::item_line;
use super::migrate::FileV0;
use super::{SchemaSource, SidecarData, TextRecord, FORMAT_VERSION};
use crate::model::annotation::Annotation;
use crate::model::attribute::AttributeMap;
use crate::model::relation::Relation;
use crate::model::schema::load::{ron_error_parts, ron_options};
use crate::model::set::{AnnotationSet, RepeatedId};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::path::Path;

/// Only the version field (read with implicit `Some`, so `format: 1` is `Some(1)`); every other
/// field is skipped.
#[derive(Deserialize)]
struct VersionProbe {
    format: Option<u32>,
}

/// The layout of format 1, as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileV1 {
    #[allow(dead_code)] // checked by the probe
    pub format: u32,
    pub text: TextRecord,
    pub schema: SchemaSource,
    #[serde(default)]
    pub document_attributes: AttributeMap,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    #[serde(default)]
    pub relations: Vec<Relation>,
}

/// Parses sidecar text; `path` names the file in errors.
pub fn from_ron_str(text: &str, path: impl AsRef<Path>) -> Result<SidecarData, SidecarError> {
    let path = path.as_ref();
    // Editors on Windows may add a byte-order mark; it is not part of the RON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(file) = parse_canonical(text) {
        return build(file, text, path);
    }
    let probe: VersionProbe = parse_with(
        ron_options().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME),
        text,
        path,
    )?;
    let file = match probe.format {
        None => {
            return Err(SidecarError::NoFormat {
                path: path.to_owned(),
            })
        }
        Some(0) => parse::<FileV0>(text, path)?.migrate(),
        Some(FORMAT_VERSION) => parse::<FileV1>(text, path)?,
        Some(found) => {
            return Err(SidecarError::NewerFormat {
                path: path.to_owned(),
                found,
                supported: FORMAT_VERSION,
            })
        }
    };
    build(file, text, path)
}

/// A file in the layout the writer makes, read with the fast line reader (`ron` only for the
/// header); `None` for anything else, which `ron` then reads whole.
pub(super) fn parse_canonical(text: &str) -> Option<FileV1> {
    if text.contains('\r') {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    if lines.get(1) != Some(&"    format: 1,") {
        return None;
    }
    let start = lines.iter().position(|l| *l == "    annotations: [")?;
    let end = start + 1 + lines[start + 1..].iter().position(|l| *l == "    ],")?;
    let rel_start = end + 1;
    if lines.get(rel_start) != Some(&"    relations: [") {
        return None;
    }
    let rel_end = rel_start + 1 + lines[rel_start + 1..].iter().position(|l| *l == "    ],")?;
    if lines[rel_end + 1..] != [")"] {
        return None;
    }
    let annotations = fast::parse_items(&lines[start + 1..end], fast::annotation)?;
    let relations = fast::parse_items(&lines[rel_start + 1..rel_end], fast::relation)?;
    let mut header = lines[..start].join("\n");
    header.push_str("\n    annotations: [],\n    relations: [],\n)\n");
    let mut file: FileV1 = ron_options().from_str(&header).ok()?;
    file.annotations = annotations;
    file.relations = relations;
    Some(file)
}

fn parse<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T, SidecarError> {
    parse_with(ron_options(), text, path)
}

fn parse_with<T: DeserializeOwned>(
    options: ron::Options,
    text: &str,
    path: &Path,
) -> Result<T, SidecarError> {
    options.from_str(text).map_err(|e| {
        let (line, column, message) = ron_error_parts(&e);
        SidecarError::Parse {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    })
}

fn build(file: FileV1, text: &str, path: &Path) -> Result<SidecarData, SidecarError> {
    let mut set = match AnnotationSet::from_items(file.annotations, file.relations) {
        Ok(set) => set,
        // The second item with the id is the one to point at.
        Err(RepeatedId::Annotation(id)) => {
            return Err(SidecarError::DuplicateAnnotationId {
                path: path.to_owned(),
                id,
                line: item_line(text, "annotations:", id.0, 1),
            })
        }
        Err(RepeatedId::Relation(id)) => {
            return Err(SidecarError::DuplicateRelationId {
                path: path.to_owned(),
                id,
                line: item_line(text, "relations:", id.0, 1),
            })
        }
    };
    set.document_attributes = file.document_attributes;
    Ok(SidecarData {
        text: file.text,
        schema: file.schema,
        set,
    })
}
