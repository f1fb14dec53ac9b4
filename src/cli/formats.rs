//! The format choices as the command line spells them (`--format brat`, `--flavor label-studio`),
//! mapped onto the core's format enums, which know nothing of clap.

use crate::store::formats::jsonl::JsonlFlavor;
use crate::store::formats::{ExportFormat, ImportFormat};

/// `--format` of `hamish export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormatArg {
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

impl From<ExportFormatArg> for ExportFormat {
    fn from(arg: ExportFormatArg) -> Self {
        match arg {
            ExportFormatArg::Brat => Self::Brat,
            ExportFormatArg::Jsonl => Self::Jsonl,
            ExportFormatArg::Conll => Self::Conll,
            ExportFormatArg::Csv => Self::Csv,
            ExportFormatArg::Webanno => Self::Webanno,
        }
    }
}

/// `--format` of `hamish import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormatArg {
    /// brat standoff (`.ann` next to `.txt`; `annotation.conf` becomes the schema when present).
    Brat,
    /// JSONL in the Hamish, doccano or Label Studio shape (detected per line).
    Jsonl,
    /// CoNLL IOB2 (the text is rebuilt from the tokens).
    Conll,
    /// W3C Web Annotation JSON-LD (`<text>.jsonld` next to the text it annotates).
    Webanno,
}

impl From<ImportFormatArg> for ImportFormat {
    fn from(arg: ImportFormatArg) -> Self {
        match arg {
            ImportFormatArg::Brat => Self::Brat,
            ImportFormatArg::Jsonl => Self::Jsonl,
            ImportFormatArg::Conll => Self::Conll,
            ImportFormatArg::Webanno => Self::Webanno,
        }
    }
}

/// `--flavor` of `hamish export --format jsonl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FlavorArg {
    /// Hamish's own lossless shape.
    #[default]
    Hamish,
    /// doccano (sequence labelling, or relation extraction when relations exist).
    Doccano,
    /// Label Studio tasks (one JSON array).
    LabelStudio,
}

impl From<FlavorArg> for JsonlFlavor {
    fn from(arg: FlavorArg) -> Self {
        match arg {
            FlavorArg::Hamish => Self::Hamish,
            FlavorArg::Doccano => Self::Doccano,
            FlavorArg::LabelStudio => Self::LabelStudio,
        }
    }
}
