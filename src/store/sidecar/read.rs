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
use crate::model::set::{AnnotationSet, DocumentStatus, RepeatedId};
use crate::model::standoff::{Comment, Equivalence, Event, Normalization, StandoffExtras};
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
    pub status: DocumentStatus,
    #[serde(default)]
    pub document_attributes: AttributeMap,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(default)]
    pub normalizations: Vec<Normalization>,
    #[serde(default)]
    pub equivalences: Vec<Equivalence>,
}

/// Parses sidecar text; `path` names the file in errors.
pub fn from_ron_str(text: &str, path: impl AsRef<Path>) -> Result<SidecarData, SidecarError> {
    let path = path.as_ref();
    // Editors on Windows may add a byte-order mark; it is not part of the RON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = conflict_marker_line(text) {
        return Err(SidecarError::MergeConflict {
            path: path.to_owned(),
            line,
        });
    }
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
    let mut sections = Sections {
        lines: &lines,
        next: start,
    };
    let annotations = sections.list("annotations", fast::annotation)?;
    let relations = sections.list("relations", fast::relation)?;
    // The standoff lists are written only when they have items, always in this order.
    let events = sections.optional("events", fast::event)?;
    let comments = sections.optional("comments", fast::comment)?;
    let normalizations = sections.optional("normalizations", fast::normalization)?;
    let equivalences = sections.optional("equivalences", fast::equivalence)?;
    if lines[sections.next..] != [")"] {
        return None;
    }
    let mut header = lines[..start].join("\n");
    header.push_str("\n    annotations: [],\n    relations: [],\n)\n");
    let file: FileV1 = ron_options().from_str(&header).ok()?;
    Some(FileV1 {
        annotations,
        relations,
        events,
        comments,
        normalizations,
        equivalences,
        ..file
    })
}

/// The lists of a canonical file, taken in order.
struct Sections<'a> {
    lines: &'a [&'a str],
    /// The line where the next list may start.
    next: usize,
}

impl Sections<'_> {
    /// The list `name` (`    name: [`, one item per line, `    ],`) starting at the next line.
    fn list<T>(
        &mut self,
        name: &str,
        item: fn(&mut fast::Cursor<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let open = self.lines.get(self.next)?;
        if open.strip_prefix("    ")?.strip_suffix(": [")? != name {
            return None;
        }
        let first = self.next + 1;
        let end = first + self.lines[first..].iter().position(|l| *l == "    ],")?;
        self.next = end + 1;
        fast::parse_items(&self.lines[first..end], item)
    }

    /// [`Self::list`] when the next line opens `name`, else an empty list.
    fn optional<T>(
        &mut self,
        name: &str,
        item: fn(&mut fast::Cursor<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let opens = self
            .lines
            .get(self.next)
            .and_then(|l| l.strip_prefix("    ")?.strip_suffix(": ["))
            == Some(name);
        if opens {
            self.list(name, item)
        } else {
            Some(Vec::new())
        }
    }
}

/// The 1-based line of the first git conflict marker (`<<<<<<< `, `|||||||`, `=======`,
/// `>>>>>>> ` at the start of a line), if any. Files Hamish writes never start a line with these:
/// every line is indented or a bracket.
pub fn conflict_marker_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.starts_with("<<<<<<<")
                || l.starts_with("|||||||")
                || l.starts_with(">>>>>>>")
                || l.trim_end() == "======="
        })
        .map(|i| i + 1)
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
    set.document_status = file.status;
    let mut standoff = StandoffExtras {
        comments: file.comments,
        normalizations: file.normalizations,
        equivalences: file.equivalences,
        ..StandoffExtras::default()
    };
    for e in file.events {
        standoff.insert_event(e);
    }
    set.standoff = standoff;
    Ok(SidecarData {
        text: file.text,
        schema: file.schema,
        set,
    })
}
