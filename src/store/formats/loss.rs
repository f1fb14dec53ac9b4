//! The loss report: everything an import or export could not carry over, with where and why.
//! Nothing is dropped silently; the command line prints the report and exits with 1 when it is
//! not empty.

use std::fmt;
use std::path::PathBuf;

/// One thing that was not carried over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
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

    /// Records a loss.
    pub fn add(
        &mut self,
        file: impl Into<PathBuf>,
        line: Option<usize>,
        what: impl Into<String>,
        why: impl Into<String>,
    ) {
        self.losses.push(Loss {
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
}

impl fmt::Display for LossReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for loss in &self.losses {
            writeln!(f, "lost: {loss}")?;
        }
        Ok(())
    }
}
