//! Import and export of annotations in other tools' formats: brat standoff, JSONL (Hamish, doccano,
//! Label Studio), CoNLL IOB2, a CSV of claims, W3C Web Annotation. Offsets in the model are chars of
//! the decoded text; brat, doccano, Label Studio, CoNLL, the CSV and W3C count the same unit, and
//! only the Hamish JSONL adds UTF-16 code units. Whatever a format cannot hold goes to a
//! [`LossReport`].

pub mod brat;
pub mod checks;
pub mod conll;
pub mod csv_claims;
pub mod error;
pub mod files;
pub mod jsonl;
pub mod load;
pub mod loss;
pub mod names;
pub mod staged;
pub mod tokenize;
pub mod uncarried;
pub mod value;
pub mod webanno;

pub use error::FormatError;
pub use loss::{Loss, LossKind, LossReport};

use crate::model::set::AnnotationSet;

/// One annotated document as the exporters read it and the importers build it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedText {
    /// The document's name in exports: its file name (e.g. `article.txt`), unique within a run.
    pub name: String,
    /// The decoded text, line endings as in the file.
    pub text: String,
    /// Its annotations, relations and document attributes.
    pub set: AnnotationSet,
}

/// The formats Hamish writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// brat standoff: `.txt` + `.ann` per document, and `annotation.conf`.
    Brat,
    /// One JSON object per document per line (see `--flavor`).
    Jsonl,
    /// CoNLL IOB2: one token and its tag per line.
    Conll,
    /// One row per claim with its sources, cues, verdict and note (UTF-8 with BOM).
    Csv,
    /// W3C Web Annotation JSON-LD, one file per document.
    Webanno,
}

/// The formats Hamish reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// brat standoff (`.ann` next to `.txt`; `annotation.conf` becomes the schema when present).
    Brat,
    /// JSONL in the Hamish, doccano or Label Studio shape (detected per line).
    Jsonl,
    /// CoNLL IOB2 (the text is rebuilt from the tokens).
    Conll,
    /// W3C Web Annotation JSON-LD: `<text>.jsonld` next to the text it annotates (what the W3C
    /// export writes; Recogito and other annotation servers write the same shape).
    Webanno,
}

impl ExportFormat {
    /// Every export format, in menu order.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Brat,
        ExportFormat::Jsonl,
        ExportFormat::Conll,
        ExportFormat::Csv,
        ExportFormat::Webanno,
    ];

    /// The name shown in menus and messages.
    pub fn display_name(self) -> &'static str {
        match self {
            Self::Brat => "brat standoff (.txt + .ann)",
            Self::Jsonl => "JSONL (Hamish)",
            Self::Conll => "CoNLL IOB2",
            Self::Csv => "CSV of claims",
            Self::Webanno => "W3C Web Annotation (.jsonld)",
        }
    }
}

impl ImportFormat {
    /// Every import format, in menu order.
    pub const ALL: [ImportFormat; 4] = [
        ImportFormat::Brat,
        ImportFormat::Jsonl,
        ImportFormat::Conll,
        ImportFormat::Webanno,
    ];

    /// The name shown in menus and messages.
    pub fn display_name(self) -> &'static str {
        match self {
            Self::Brat => "brat standoff (.ann)",
            Self::Jsonl => "JSONL (Hamish, doccano, Label Studio)",
            Self::Conll => "CoNLL IOB2",
            Self::Webanno => "W3C Web Annotation (.jsonld)",
        }
    }
}
