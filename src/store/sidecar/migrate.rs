//! Migration of older sidecar layouts to the current one. Format 0 was the pre-release layout:
//! one range per annotation as `start`/`end`, links under `links` with a `kind`, the schema as a
//! bundled id, and no anchor quotes (they are captured again when the text still matches).

use super::read::FileV1;
use super::{SchemaSource, TextRecord};
use crate::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use crate::model::attribute::AttributeMap;
use crate::model::relation::{Relation, RelationId};
use crate::model::source_text::Fingerprint;
use crate::model::text_format::{LineEnding, TextEncoding};
use crate::offset::{CharOffset, CharRange};
use serde::Deserialize;

/// The layout of format 0.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileV0 {
    #[allow(dead_code)] // checked by the version probe
    format: u32,
    fingerprint: Fingerprint,
    encoding: TextEncoding,
    line_ending: LineEnding,
    chars: usize,
    schema: String,
    #[serde(default)]
    spans: Vec<SpanV0>,
    #[serde(default)]
    links: Vec<LinkV0>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpanV0 {
    id: u64,
    label: String,
    start: usize,
    end: usize,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkV0 {
    id: u64,
    kind: String,
    from: u64,
    to: u64,
}

impl FileV0 {
    /// The same content in the format-1 layout.
    pub(super) fn migrate(self) -> FileV1 {
        FileV1 {
            format: super::FORMAT_VERSION,
            text: TextRecord {
                fingerprint: self.fingerprint,
                encoding: self.encoding,
                line_ending: self.line_ending,
                chars: self.chars,
            },
            schema: SchemaSource::Bundled(self.schema),
            status: Default::default(),
            document_attributes: AttributeMap::new(),
            annotations: self
                .spans
                .into_iter()
                .map(|s| Annotation {
                    id: AnnotationId(s.id),
                    label: s.label,
                    ranges: vec![CharRange {
                        start: CharOffset(s.start),
                        end: CharOffset(s.end),
                    }],
                    attributes: AttributeMap::new(),
                    note: s.note,
                    author: String::new(),
                    created: Timestamp(0),
                    modified: Timestamp(0),
                    modified_by: String::new(),
                    anchors: Vec::new(),
                    status: AnnotationStatus::Ok,
                })
                .collect(),
            relations: self
                .links
                .into_iter()
                .map(|l| {
                    Relation::new(
                        RelationId(l.id),
                        l.kind,
                        AnnotationId(l.from),
                        AnnotationId(l.to),
                    )
                })
                .collect(),
            events: Vec::new(),
            comments: Vec::new(),
            normalizations: Vec::new(),
            equivalences: Vec::new(),
        }
    }
}
