//! Counting annotations, for `hamish stats` and the window: per label and per document, claims
//! with and without a source (an `attributed-to` relation), and annotations to review or orphaned.

use crate::model::set::AnnotationSet;
use crate::model::AnnotationStatus;
use crate::store::sidecar::{
    find_sidecars_for, load_sidecar, AnnotatorName, DiscoverError, SidecarPair,
};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The label of claims in the fact-checking schema.
const CLAIM_LABEL: &str = "claim";
/// The relation linking a claim to its source in the fact-checking schema.
const SOURCE_RELATION: &str = "attributed-to";

/// Counts for one document (or the total over all of them).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct DocumentStats {
    /// The text file.
    pub path: String,
    /// Number of annotations.
    pub annotations: usize,
    /// Number of relations.
    pub relations: usize,
    /// Annotations per label id.
    pub per_label: BTreeMap<String, usize>,
    /// Claims that are the source end of an `attributed-to` relation.
    pub claims_with_source: usize,
    /// Claims with no `attributed-to` relation.
    pub claims_without_source: usize,
    /// Annotations marked for review (re-anchored with doubt, or flagged by a person).
    pub needs_review: usize,
    /// Annotations whose text was not found after the text changed.
    pub orphans: usize,
}

impl DocumentStats {
    /// The counts of one annotation set.
    pub fn of(path: String, set: &AnnotationSet) -> Self {
        let mut stats = Self {
            path,
            annotations: set.len(),
            relations: set.relations().count(),
            ..Self::default()
        };
        for a in set.annotations() {
            *stats.per_label.entry(a.label.clone()).or_default() += 1;
            match a.status {
                AnnotationStatus::Ok => {}
                AnnotationStatus::NeedsReview => stats.needs_review += 1,
                AnnotationStatus::Orphan => stats.orphans += 1,
            }
            if a.label == CLAIM_LABEL {
                let sourced = set
                    .relations_of(a.id)
                    .any(|r| r.kind == SOURCE_RELATION && r.from == a.id);
                if sourced {
                    stats.claims_with_source += 1;
                } else {
                    stats.claims_without_source += 1;
                }
            }
        }
        stats
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &Self) {
        self.annotations += other.annotations;
        self.relations += other.relations;
        for (label, n) in &other.per_label {
            *self.per_label.entry(label.clone()).or_default() += n;
        }
        self.claims_with_source += other.claims_with_source;
        self.claims_without_source += other.claims_without_source;
        self.needs_review += other.needs_review;
        self.orphans += other.orphans;
    }
}

/// A sidecar that could not be read.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Unreadable {
    /// The sidecar.
    pub path: String,
    /// Why.
    pub error: String,
}

/// The counts of every document under some paths, and their total.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatsReport {
    /// One entry per readable sidecar, in path order.
    pub documents: Vec<DocumentStats>,
    /// The sum over all documents (path "TOTAL").
    pub total: DocumentStats,
    /// Sidecars that could not be read.
    pub unreadable: Vec<Unreadable>,
}

/// Counts the annotations of every sidecar of `annotator` (the gold ones with `None`) under
/// `paths` (reads sidecars only, never texts).
pub fn collect_stats(
    paths: &[PathBuf],
    annotator: Option<&AnnotatorName>,
) -> Result<StatsReport, DiscoverError> {
    let pairs = find_sidecars_for(paths, annotator)?;
    Ok(stats_of_pairs(&pairs, &|| {}))
}

/// Counts the annotations of the sidecars of `pairs`, read and counted on every core, calling
/// `progress` once per sidecar; documents and unreadable files are listed in the order of
/// `pairs`, and the total is summed in that order.
pub fn stats_of_pairs(pairs: &[SidecarPair], progress: &(dyn Fn() + Sync)) -> StatsReport {
    let counted: Vec<Result<DocumentStats, Unreadable>> = pairs
        .par_iter()
        .map(|pair| {
            let counted = match load_sidecar(&pair.sidecar) {
                Ok(data) => Ok(DocumentStats::of(
                    pair.text.display().to_string(),
                    &data.set,
                )),
                Err(err) => Err(Unreadable {
                    path: pair.sidecar.display().to_string(),
                    error: err.to_string(),
                }),
            };
            progress();
            counted
        })
        .collect();
    let mut report = StatsReport {
        documents: Vec::new(),
        total: DocumentStats {
            path: "TOTAL".into(),
            ..DocumentStats::default()
        },
        unreadable: Vec::new(),
    };
    for result in counted {
        match result {
            Ok(stats) => {
                report.total.add(&stats);
                report.documents.push(stats);
            }
            Err(unreadable) => report.unreadable.push(unreadable),
        }
    }
    report
}
