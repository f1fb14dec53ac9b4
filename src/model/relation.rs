//! A typed link between two annotations (e.g. a claim `attributed-to` its source).

use crate::model::annotation::AnnotationId;
use crate::model::attribute::AttributeMap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable id of a relation within its document.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct RelationId(pub u64);

impl fmt::Display for RelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // brat-style name ("R4").
        write!(f, "R{}", self.0)
    }
}

/// A link `from` → `to` of a relation type defined in the schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Stable id.
    pub id: RelationId,
    /// Id of a relation type in the schema.
    #[serde(rename = "type")]
    pub kind: String,
    /// Source annotation.
    pub from: AnnotationId,
    /// Target annotation.
    pub to: AnnotationId,
    /// Attribute values by attribute id.
    #[serde(default, skip_serializing_if = "AttributeMap::is_empty")]
    pub attributes: AttributeMap,
}

impl Relation {
    /// A relation without attributes.
    pub fn new(
        id: RelationId,
        kind: impl Into<String>,
        from: AnnotationId,
        to: AnnotationId,
    ) -> Self {
        Self {
            id,
            kind: kind.into(),
            from,
            to,
            attributes: AttributeMap::new(),
        }
    }

    /// True when the relation starts or ends at `id`.
    pub fn touches(&self, id: AnnotationId) -> bool {
        self.from == id || self.to == id
    }
}
