//! The actions the application layer executes for the window and the command line: typed values,
//! so a menu, a key, a panel button, a script and a test all ask for the same thing the same way.
//! Offsets are chars into the open text.

use crate::model::annotation::AnnotationId;
use crate::model::attribute::AttributeValue;
use crate::model::relation::RelationId;
use crate::model::text_format::TextEncoding;
use crate::offset::CharRange;
use crate::store::formats::{ExportFormat, ImportFormat};
use crate::store::sidecar::AnnotatorName;
use std::path::PathBuf;

/// Something to do to what is open.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open a text file with its annotations (decoded with `encoding` when given).
    Open {
        /// The text file.
        path: PathBuf,
        /// The user's choice of encoding; `None` detects it.
        encoding: Option<TextEncoding>,
    },
    /// Open a copy of the bundled sample article (annotations are saved next to the copy).
    OpenSample,
    /// Reopen the open text decoded with another encoding (refused while there are unsaved
    /// changes, which the new decoding could orphan).
    Reopen {
        /// The encoding to decode with.
        encoding: TextEncoding,
    },
    /// Annotate `range` (trimmed of white space at both ends) with the label `label`.
    Annotate {
        /// A label id of the schema.
        label: String,
        /// The chars to cover.
        range: CharRange,
    },
    /// Give annotation `id` another label (the same annotation: id, ranges and links kept).
    Relabel {
        /// The annotation.
        id: AnnotationId,
        /// A label id of the schema.
        label: String,
    },
    /// Remove annotation `id` and the relations touching it, as one undo step.
    Delete {
        /// The annotation.
        id: AnnotationId,
    },
    /// Link two annotations with a relation of type `kind` (which the schema must allow).
    Link {
        /// The source end.
        from: AnnotationId,
        /// The target end.
        to: AnnotationId,
        /// A relation type id of the schema.
        kind: String,
    },
    /// Accept where annotation `id` now sits after re-anchoring (its status becomes OK).
    AcceptPlacement {
        /// The annotation flagged for review.
        id: AnnotationId,
    },
    /// Remove relation `id`.
    Unlink {
        /// The relation.
        id: RelationId,
    },
    /// Set (`Some`) or clear (`None`) an attribute of annotation `id`.
    SetAttribute {
        /// The annotation.
        id: AnnotationId,
        /// An attribute id of the annotation's label in the schema.
        attribute: String,
        /// The new value.
        value: Option<AttributeValue>,
    },
    /// Set (`Some`) or clear (`None`) a document attribute.
    SetDocumentAttribute {
        /// An attribute id.
        attribute: String,
        /// The new value.
        value: Option<AttributeValue>,
    },
    /// Replace the note of annotation `id`.
    SetNote {
        /// The annotation.
        id: AnnotationId,
        /// The new note (may be empty).
        note: String,
    },
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Save the annotations next to the text.
    Save,
    /// Save a copy of the text and its annotations as `path`, and go on working there.
    SaveAs {
        /// The new text file (its sidecar goes next to it).
        path: PathBuf,
    },
    /// After a save conflict: overwrite the annotations file on disk anyway (it goes to `.bak`).
    OverwriteAfterConflict,
    /// Bring back the unsaved annotations found in the recovery file.
    RestoreRecovery,
    /// Delete the recovery file offered at open.
    DiscardRecovery,
    /// Write unsaved changes to the recovery file now (before another file replaces this one).
    KeepUnsavedWork,
    /// Forget unsaved changes for good (closing without saving): the recovery file is removed.
    DiscardUnsavedWork,
    /// Import another tool's annotations of the open text from `file`, as one undo step.
    Import {
        /// The format of `file`.
        format: ImportFormat,
        /// The file to read.
        file: PathBuf,
    },
    /// Export the open text and its annotations in `format` into `folder`.
    Export {
        /// The format to write.
        format: ExportFormat,
        /// The folder the files go to.
        folder: PathBuf,
    },
    /// Open another annotator's version of the open text to look at (read-only).
    OpenAnnotatorVersion {
        /// Whose file (`<text>.<annotator>.ann.ron`).
        annotator: AnnotatorName,
    },
    /// Measure the agreement between the annotators' files of the open text.
    Agreement,
    /// Draw the open text with its annotations as a page (highlights, arcs, legend) into `path`;
    /// its extension (png, svg, pdf) gives the format.
    ExportPage {
        /// The file to write.
        path: PathBuf,
    },
    /// Validate the open annotations against the schema and the text.
    Check,
    /// Count the open annotations per label.
    Stats,
}
