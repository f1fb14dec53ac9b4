//! A corpus: the texts of an opened folder (its `.txt` files, found by the one walker) or the
//! files given together, with the current one, a summary of each (annotation count, counts per
//! label, the status the annotator set) read in the background ([`scan`]), and the filter the
//! browser shows them by. Moving to another text goes through the workspace ([`actions`]), which
//! saves the open one first.

pub mod actions;
pub mod scan;
pub mod startup;

use crate::model::set::{AnnotationSet, DocumentStatus};
use scan::{Scan, ScanProgress};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a text's annotations file says, in short.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentSummary {
    /// Number of annotations.
    pub annotations: usize,
    /// Annotations per label id.
    pub per_label: BTreeMap<String, usize>,
    /// The status the annotator set.
    pub status: DocumentStatus,
    /// Why the annotations file could not be read, if it could not.
    pub problem: Option<String>,
}

impl DocumentSummary {
    /// The summary of `set`.
    pub fn of(set: &AnnotationSet) -> Self {
        let mut per_label = BTreeMap::new();
        for a in set.annotations() {
            *per_label.entry(a.label.clone()).or_default() += 1;
        }
        Self {
            annotations: set.len(),
            per_label,
            status: set.document_status,
            problem: None,
        }
    }
}

/// One text of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusEntry {
    /// The text file.
    pub path: PathBuf,
    /// Its name relative to the folder (`/` separators), or its file name.
    pub name: String,
    /// Its summary, once read (`None` while the scan has not reached it).
    pub summary: Option<DocumentSummary>,
}

/// Which texts the browser lists (and next/previous visit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusFilter {
    /// Part of the name (Arabic-aware: harakat and hamza forms ignored); empty for all.
    pub name: String,
    /// Only texts with this status.
    pub status: Option<DocumentStatus>,
}

impl CorpusFilter {
    /// True when `entry` is listed. A text whose summary is not read yet counts as new.
    pub fn accepts(&self, entry: &CorpusEntry) -> bool {
        let status = entry
            .summary
            .as_ref()
            .map_or(DocumentStatus::New, |s| s.status);
        if self.status.is_some_and(|wanted| wanted != status) {
            return false;
        }
        let wanted = self.name.trim();
        if wanted.is_empty() {
            return true;
        }
        let options = crate::search::SearchOptions::default();
        crate::search::Query::new(wanted, options)
            .map(|q| !q.find_in(&entry.name).is_empty())
            .unwrap_or(true)
    }
}

/// The texts open together, the current one, and the background scan of their summaries.
#[derive(Debug)]
pub struct Corpus {
    folder: Option<PathBuf>,
    entries: Vec<CorpusEntry>,
    current: Option<usize>,
    scan: Option<Scan>,
}

impl Corpus {
    /// A corpus of `entries` (in order), found in `folder` when one was opened.
    pub fn new(folder: Option<PathBuf>, entries: Vec<CorpusEntry>) -> Self {
        Self {
            folder,
            entries,
            current: None,
            scan: None,
        }
    }

    /// The opened folder (`None` for files given together).
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// Every text, in name order.
    pub fn entries(&self) -> &[CorpusEntry] {
        &self.entries
    }

    /// The index of the open text, when it is one of the corpus.
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The index of the text at `path`.
    pub fn index_of(&self, path: &Path) -> Option<usize> {
        self.entries.iter().position(|e| e.path == path)
    }

    /// The next (`forward`) or previous text after the current one that `filter` lists.
    pub fn step(&self, forward: bool, filter: &CorpusFilter) -> Option<usize> {
        let listed = |i: &usize| filter.accepts(&self.entries[*i]);
        match (self.current, forward) {
            (Some(c), true) => (c + 1..self.entries.len()).find(listed),
            (Some(c), false) => (0..c).rev().find(listed),
            (None, true) => (0..self.entries.len()).find(listed),
            (None, false) => (0..self.entries.len()).rev().find(listed),
        }
    }

    /// How far the summaries have been read.
    pub fn progress(&self) -> ScanProgress {
        let read = self.entries.iter().filter(|e| e.summary.is_some()).count();
        ScanProgress {
            read,
            total: self.entries.len(),
            running: self.scan.as_ref().is_some_and(|s| !s.is_finished()),
            cancelled: self.scan.as_ref().is_some_and(Scan::is_cancelled),
        }
    }

    /// True when the folder has a `schema.ron` (`None` without a folder).
    pub fn has_folder_schema(&self) -> Option<bool> {
        let folder = self.folder.as_ref()?;
        Some(
            folder
                .join(crate::store::sidecar::FOLDER_SCHEMA_FILE)
                .is_file(),
        )
    }

    /// Sets the summary of text `index`.
    pub fn set_summary(&mut self, index: usize, summary: DocumentSummary) {
        if let Some(entry) = self.entries.get_mut(index) {
            entry.summary = Some(summary);
        }
    }

    /// Takes the summaries the scan has read since the last call; true when there were any.
    pub fn poll_scan(&mut self) -> bool {
        let Some(scan) = &self.scan else {
            return false;
        };
        let read = scan.take_read();
        let any = !read.is_empty();
        for (index, summary) in read {
            // The open text's summary comes from its session, which may hold newer work.
            if Some(index) != self.current || self.entries[index].summary.is_none() {
                self.set_summary(index, summary);
            }
        }
        any
    }

    /// Stops the scan (what was read stays).
    pub fn cancel_scan(&mut self) {
        if let Some(scan) = &self.scan {
            scan.cancel();
        }
    }
}
