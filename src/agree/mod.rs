//! Inter-annotator agreement: how far several annotators' versions of the same texts agree.
//! Span F1 (exact and overlapping, as bratiaa), Cohen's and Fleiss' κ and Krippendorff's nominal
//! α over the non-space chars of the text, Krippendorff's unitizing αU over char offsets, and
//! agreement on relations and attribute values; per label and overall, per document and over a
//! whole study. Offsets are chars into the decoded text; ranges are half-open. No window, no
//! files: callers hand in annotation sets and get typed, serializable figures back.

#![warn(missing_docs)]

pub mod alpha;
pub mod attributes;
pub mod cohen;
pub mod f1;
pub mod fleiss;
pub mod relations;
pub mod report;
pub mod spans;
pub mod study;
mod tally;
pub mod unitizing;

pub use report::{AgreementReport, AllReport, DocumentReport, PairReport, RelationScores, Scores};
pub use study::{measure, AgreeError, DocumentVersions};
