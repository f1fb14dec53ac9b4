//! The annotation model: documents, schemas, annotations, relations, edits with undo, validation.
//! No eframe here. Offsets are chars into the decoded text; ranges are half-open.

#![warn(missing_docs)]

pub mod annotation;
pub mod attribute;
pub mod edit;
pub mod history;
mod positions;
pub mod quote;
pub mod relation;
pub mod schema;
pub mod set;
pub mod source_text;
pub mod standoff;
pub mod text_format;
pub mod validate;

pub use annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp, UtcTime};
pub use attribute::{AttributeDef, AttributeKind, AttributeMap, AttributeValue};
pub use edit::{Edit, EditError};
pub use history::History;
pub use relation::{Relation, RelationId};
pub use schema::{Colour, EventRole, EventType, RelationType, Schema, SchemaError, SpanLabel};
pub use set::AnnotationSet;
pub use source_text::{Fingerprint, SourceText};
pub use validate::{validate, Owner, Problem};
