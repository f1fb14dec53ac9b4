//! The loss report: everything an import or export could not carry over, with where and why, and
//! of which kind. Nothing is dropped silently; the command line prints the report and exits with 1
//! when it holds a loss of a kind the user did not allow (`--allow-loss`).

use std::fmt;
use std::path::PathBuf;

/// What kind of thing was lost: the kinds a format can lose by design (which a script may expect
/// and allow), and `Other` for everything else (bad input, a span off the text…), never expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LossKind {
    /// Who made a span and when.
    AuthorAndTimes,
    /// Review status (needs review, orphan).
    ReviewStatus,
    /// Notes on spans.
    Notes,
    /// Span attributes.
    Attributes,
    /// Relations between spans.
    Relations,
    /// Attributes of relations.
    RelationAttributes,
    /// Attributes of the whole document.
    DocumentAttributes,
    /// Discontinuous spans (written as separate spans, or left out).
    DiscontinuousSpans,
    /// Spans that overlap another one where the format (or the tool's default) cannot hold both.
    OverlappingSpans,
    /// Spans that do not start and end on token boundaries or cross a sentence (CoNLL).
    UnalignedSpans,
    /// Events, comments of other types, normalizations and equivalences (brat structures).
    Standoff,
    /// A document with no claim label, which the CSV of claims has no row for.
    NoClaims,
    /// Anything else: unreadable lines, offsets outside the text, dangling references…
    Other,
}

impl LossKind {
    /// Every kind, in the order of the documentation.
    pub const ALL: [LossKind; 13] = [
        Self::AuthorAndTimes,
        Self::ReviewStatus,
        Self::Notes,
        Self::Attributes,
        Self::Relations,
        Self::RelationAttributes,
        Self::DocumentAttributes,
        Self::DiscontinuousSpans,
        Self::OverlappingSpans,
        Self::UnalignedSpans,
        Self::Standoff,
        Self::NoClaims,
        Self::Other,
    ];

    /// The name on the command line (`--allow-loss relations,attributes`).
    pub fn name(self) -> &'static str {
        match self {
            Self::AuthorAndTimes => "author-and-times",
            Self::ReviewStatus => "review-status",
            Self::Notes => "notes",
            Self::Attributes => "attributes",
            Self::Relations => "relations",
            Self::RelationAttributes => "relation-attributes",
            Self::DocumentAttributes => "document-attributes",
            Self::DiscontinuousSpans => "discontinuous-spans",
            Self::OverlappingSpans => "overlapping-spans",
            Self::UnalignedSpans => "unaligned-spans",
            Self::Standoff => "standoff",
            Self::NoClaims => "no-claims",
            Self::Other => "other",
        }
    }

    /// The words a grouped loss entry starts with (`relations: 4 (R1, …)`).
    pub fn label(self) -> String {
        self.name().replace('-', " ")
    }

    /// The kind named `name` (see [`Self::name`]); `other` cannot be named, since an unexpected
    /// loss must never be allowed wholesale.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| *k != Self::Other && k.name() == name.trim())
    }
}

/// One thing that was not carried over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// What kind of thing it is.
    pub kind: LossKind,
    /// The file it is in (the source for imports, the document for exports).
    pub file: PathBuf,
    /// 1-based line in that file, when known.
    pub line: Option<usize>,
    /// What was lost (e.g. "T3 (claim, 4..9)").
    pub what: String,
    /// Why it could not be represented.
    pub why: String,
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: ", self.file.display())?,
            None => write!(f, "{}: ", self.file.display())?,
        }
        write!(f, "{}: {}", self.what, self.why)
    }
}

/// The losses of one run, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LossReport {
    /// The losses.
    pub losses: Vec<Loss>,
}

impl LossReport {
    /// An empty report.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a loss of kind [`LossKind::Other`].
    pub fn add(
        &mut self,
        file: impl Into<PathBuf>,
        line: Option<usize>,
        what: impl Into<String>,
        why: impl Into<String>,
    ) {
        self.add_kind(LossKind::Other, file, line, what, why);
    }

    /// Records a loss of `kind`.
    pub fn add_kind(
        &mut self,
        kind: LossKind,
        file: impl Into<PathBuf>,
        line: Option<usize>,
        what: impl Into<String>,
        why: impl Into<String>,
    ) {
        self.losses.push(Loss {
            kind,
            file: file.into(),
            line,
            what: what.into(),
            why: why.into(),
        });
    }

    /// Appends every loss of `other`.
    pub fn extend(&mut self, other: LossReport) {
        self.losses.extend(other.losses);
    }

    /// True when nothing was lost.
    pub fn is_empty(&self) -> bool {
        self.losses.is_empty()
    }

    /// Number of losses.
    pub fn len(&self) -> usize {
        self.losses.len()
    }

    /// Number of losses whose kind is not in `allowed` (what makes the command line exit 1).
    pub fn unexpected(&self, allowed: &[LossKind]) -> usize {
        self.losses
            .iter()
            .filter(|l| !allowed.contains(&l.kind))
            .count()
    }
}

impl fmt::Display for LossReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for loss in &self.losses {
            writeln!(f, "lost: {loss}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_named_and_other_cannot_be_allowed() {
        for k in LossKind::ALL.into_iter().filter(|k| *k != LossKind::Other) {
            assert_eq!(LossKind::from_name(k.name()), Some(k));
        }
        assert_eq!(LossKind::from_name("other"), None);
        assert_eq!(LossKind::RelationAttributes.label(), "relation attributes");
        let mut r = LossReport::new();
        r.add_kind(LossKind::Relations, "a.txt", None, "relations: 1 (R1)", "-");
        r.add("a.txt", Some(3), "line", "not JSON");
        assert_eq!(r.unexpected(&[LossKind::Relations]), 1);
        assert_eq!(r.unexpected(&[]), 2);
    }
}
