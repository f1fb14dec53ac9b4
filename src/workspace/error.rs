//! Why an action was not done. Each message names the file or annotation, what is wrong and what
//! to do, without naming a face's menus or flags (the window and the CLI add their own advice).

use super::outcome::Severity;
use crate::model::annotation::AnnotationId;
use crate::store::formats::FormatError;
use crate::store::session::{OpenError, SessionError};
use crate::workspace::batch::agree::AgreementError;
use crate::workspace::schema_files::SavingProblem;
use std::path::PathBuf;

/// Why an action was not done; nothing changed when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    /// The action needs an open text.
    #[error("no text is open; open a text file first")]
    NothingOpen,
    /// The text could not be opened (the current one stays open).
    #[error("{}", open_message(.path, .source))]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: OpenError,
    },
    /// The bundled sample could not be copied to the temp folder.
    #[error("the bundled sample could not be copied to {} ({source}); open a file of your own", .path.display())]
    Sample {
        /// Where the copy was to go.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Reopening with another encoding could orphan unsaved annotations.
    #[error("save or undo your changes before choosing another encoding")]
    UnsavedChanges,
    /// There is no text to annotate in the range (nothing selected, or only white space).
    #[error("select some text first, then choose a label")]
    EmptyRange,
    /// The schema has no such label.
    #[error("the schema “{schema}” has no label “{label}”")]
    UnknownLabel {
        /// The label asked for.
        label: String,
        /// The schema's name.
        schema: String,
    },
    /// The schema has no relation type of that id.
    #[error("the schema “{schema}” has no relation type “{kind}”")]
    UnknownRelationType {
        /// The type asked for.
        kind: String,
        /// The schema's name.
        schema: String,
    },
    /// The schema does not allow this relation between these labels.
    #[error("a “{kind}” link cannot go from a {from_label} to a {to_label} in this schema")]
    RelationNotAllowed {
        /// The relation type.
        kind: String,
        /// The source end's label.
        from_label: String,
        /// The target end's label.
        to_label: String,
    },
    /// Another annotator's version is open to look at; it cannot be changed or saved.
    #[error("this is {annotator}'s version, open to look at; reopen the text to work on your own annotations")]
    ReadOnly {
        /// Whose version is open.
        annotator: String,
    },
    /// The annotator has no file for the open text.
    #[error("{annotator} has no annotations of this text ({} does not exist)", .sidecar.display())]
    NoSuchVersion {
        /// The annotator asked for.
        annotator: String,
        /// Where the file would be.
        sidecar: PathBuf,
    },
    /// Agreement could not be measured.
    #[error(transparent)]
    Agreement(#[from] AgreementError),
    /// No relation type of the schema fits these two annotations, either way round.
    #[error("the schema “{schema}” has no link between a {first_label} and a {second_label}")]
    NoRelationFits {
        /// The label of the annotation the link starts from.
        first_label: String,
        /// The label of the other annotation.
        second_label: String,
        /// The schema's name.
        schema: String,
    },
    /// An annotation cannot be linked to itself.
    #[error("an annotation cannot be linked to itself; choose another annotation")]
    SelfLink,
    /// The same link exists already.
    #[error("{from} is already linked to {to} by a “{kind}” link")]
    AlreadyLinked {
        /// The source end.
        from: AnnotationId,
        /// The target end.
        to: AnnotationId,
        /// The relation type.
        kind: String,
    },
    /// The annotation does not exist (any more).
    #[error("annotation {0} does not exist (it may have been removed)")]
    NoSuchAnnotation(AnnotationId),
    /// The action needs an open folder (or files opened together).
    #[error("no folder is open; open a folder first")]
    NoCorpus,
    /// The corpus has no text with this index.
    #[error("the folder has no text number {0}")]
    NoSuchText(usize),
    /// A folder could not be read.
    #[error("{} could not be opened as a folder: {source}", .path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: crate::store::walk::WalkError,
    },
    /// A path given to open does not exist.
    #[error("{}: no such file or folder; check the path", .0.display())]
    NoSuchPath(PathBuf),
    /// A folder holds no text file.
    #[error("{} holds no .txt file (texts are found in sub-folders too); choose a folder of texts", .0.display())]
    EmptyFolder(PathBuf),
    /// No bundled schema has this id.
    #[error(
        "there is no bundled schema “{0}”; choose named-entities, news-rhetoric or fact-checking"
    )]
    NoSuchPreset(String),
    /// The edited schema has problems (listed); nothing was written.
    #[error("the schema cannot be saved: {}", joined(.0))]
    InvalidSchema(Vec<SavingProblem>),
    /// A preset would replace a folder's schema file.
    #[error("{} exists already; a preset never replaces it (edit it, or move it away first)", .0.display())]
    SchemaExists(PathBuf),
    /// The folder's schema file could not be written (nothing changed).
    #[error("{} could not be written: {reason}", .path.display())]
    WriteSchema {
        /// The schema file.
        path: PathBuf,
        /// What went wrong.
        reason: SchemaWriteError,
    },
    /// A search query cannot be searched for.
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    /// A page file's name does not say which format to write.
    #[error("{} has no page extension; name it .png, .svg or .pdf", .0.display())]
    PageFormat(PathBuf),
    /// Drawing or writing a page failed.
    #[error(transparent)]
    Page(#[from] crate::render::RenderError),
    /// An edit, save or recovery step failed; the files on disk are unchanged.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// An import or export failed; nothing was written or changed.
    #[error(transparent)]
    Exchange(#[from] ExchangeError),
}

impl ActionError {
    /// How serious it is: hints about what to do first are information, the rest errors.
    pub fn severity(&self) -> Severity {
        match self {
            Self::UnsavedChanges
            | Self::EmptyRange
            | Self::UnknownLabel { .. }
            | Self::Search(_)
            | Self::RelationNotAllowed { .. }
            | Self::NoRelationFits { .. }
            | Self::SelfLink
            | Self::AlreadyLinked { .. } => Severity::Info,
            _ => Severity::Error,
        }
    }
}

/// The problems, `; `-separated.
fn joined(problems: &[SavingProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why a checked schema could not be written as a folder's `schema.ron`.
#[derive(Debug, thiserror::Error)]
pub enum SchemaWriteError {
    /// The atomic save failed (the file on disk is unchanged).
    #[error(transparent)]
    Save(#[from] crate::store::atomic::SaveError),
    /// The text written would not read back as the same schema (a defect; nothing written).
    #[error("it would not read back the same ({0})")]
    NotReadBack(String),
}

fn open_message(path: &std::path::Path, err: &OpenError) -> String {
    match err {
        // Decoding errors name the file and the position already.
        OpenError::Text(_) => err.to_string(),
        _ => format!("{} could not be opened: {err}", path.display()),
    }
}

/// Why an export or import did not happen (nothing was written or changed).
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// Reading or writing a file failed, or a file exists with other content.
    #[error(transparent)]
    Format(#[from] FormatError),
    /// The CSV writer failed.
    #[error("writing the CSV failed: {0}")]
    Csv(#[from] csv::Error),
    /// The imported file holds no document with the open text.
    #[error("{} holds no annotations for this text ({found} document(s) with other text); import the file that was exported from this document", .path.display())]
    OtherText {
        /// The file.
        path: PathBuf,
        /// How many documents it held.
        found: usize,
    },
}
