//! The annotation model: documents, schemas, annotations, relations, edits with undo. No eframe here.

pub mod quote;
pub mod text_format;
