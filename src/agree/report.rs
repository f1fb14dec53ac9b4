//! The results of an agreement study, typed and serializable in the shape `hamish agree --json`
//! prints: `{"pairs": [{"a", "b", "overall": {...}, "labels": {...}}], "all": {...}}`, plus the
//! same per document. A figure that is undefined for the data (no span at all, a single value
//! everywhere) is `None` (JSON `null`).

use super::attributes::AttributeScores;
use serde::Serialize;
use std::collections::BTreeMap;

/// The figures of one comparison, for one label or overall.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Span F1, same label and same ranges.
    pub f1_exact: Option<f64>,
    /// Span F1, same label and ranges sharing a char (one-to-one).
    pub f1_overlap: Option<f64>,
    /// Cohen's κ over non-space chars for a pair; Fleiss' κ for all annotators together.
    pub kappa: Option<f64>,
    /// Krippendorff's nominal α over non-space chars.
    pub alpha: Option<f64>,
    /// Krippendorff's unitizing αU over char offsets.
    pub alpha_u: Option<f64>,
}

/// Relation agreement of a pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RelationScores {
    /// F1 over all relations.
    pub f1: Option<f64>,
    /// F1 per relation type.
    pub types: BTreeMap<String, Option<f64>>,
}

/// Two annotators compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairReport {
    /// The first annotator (the reference of F1; the figures do not depend on the order).
    pub a: String,
    /// The second annotator.
    pub b: String,
    /// How many documents both annotated.
    pub documents: usize,
    /// All labels together: F1 pools every label's spans; κ and α take each char's set of
    /// covering labels as its value; αU averages the disagreements of the labels.
    pub overall: Scores,
    /// Per label, for the labels either annotator used.
    pub labels: BTreeMap<String, Scores>,
    /// Relations between aligned spans.
    pub relations: RelationScores,
    /// Attribute values on aligned spans, per `label.attribute`.
    pub attributes: BTreeMap<String, AttributeScores>,
}

/// All annotators together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllReport {
    /// The annotators compared.
    pub annotators: Vec<String>,
    /// How many documents all of them annotated.
    pub documents: usize,
    /// As [`PairReport::overall`], with κ being Fleiss' κ and F1 the mean over the pairs
    /// (as bratiaa reports it).
    pub overall: Scores,
    /// Per label, for the labels any of them used.
    pub labels: BTreeMap<String, Scores>,
}

/// The figures of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentReport {
    /// The document's name (its path as given).
    pub path: String,
    /// The annotators who have a file for it.
    pub annotators: Vec<String>,
    /// Every pair of them.
    pub pairs: Vec<PairReport>,
    /// All of them together.
    pub all: Option<AllReport>,
}

/// The figures of a whole study: pairs and all annotators over every document, then per document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementReport {
    /// The annotators compared, in the order pairs are formed.
    pub annotators: Vec<String>,
    /// Every pair, over the documents both annotated.
    pub pairs: Vec<PairReport>,
    /// All annotators together, over the documents every one of them annotated.
    pub all: Option<AllReport>,
    /// Per document with two or more annotators.
    pub documents: Vec<DocumentReport>,
}
