//! Counting annotations, for `hamish stats` and the window: per label and per document, per
//! label over all documents in the order of their schemas (any schema), claims with and without
//! a source (an `attributed-to` relation; counted where a schema has claims), and annotations to
//! review or orphaned.

use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::model::AnnotationStatus;
use crate::store::sidecar::{
    find_sidecars_for, load_schema_file, load_sidecar, resolve_schema, AnnotatorName,
    DiscoverError, SchemaSource, SidecarData, SidecarPair, FOLDER_SCHEMA_FILE,
};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

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

/// How often one label is used over all documents.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct LabelCount {
    /// The label id.
    pub id: String,
    /// Its English name (the id when no schema knows it).
    pub name_en: String,
    /// Its Arabic name (the id when no schema knows it).
    pub name_ar: String,
    /// Annotations with it.
    pub count: usize,
    /// Documents with at least one.
    pub documents: usize,
    /// False when no schema of the documents has this label (a removed or misspelt label).
    pub in_schema: bool,
}

/// The counts of every document under some paths, and their total.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatsReport {
    /// One entry per readable sidecar, in path order.
    pub documents: Vec<DocumentStats>,
    /// The sum over all documents (path "TOTAL").
    pub total: DocumentStats,
    /// Every label of the documents' schemas (in schema order, unused ones included), then
    /// labels no schema has (by id).
    pub labels: Vec<LabelCount>,
    /// True when a document's schema has claims (the claim columns mean something).
    pub claims: bool,
    /// Sidecars that could not be read.
    pub unreadable: Vec<Unreadable>,
}

impl StatsReport {
    /// An empty report.
    pub fn new() -> Self {
        Self {
            documents: Vec::new(),
            total: DocumentStats {
                path: "TOTAL".into(),
                ..DocumentStats::default()
            },
            labels: Vec::new(),
            claims: false,
            unreadable: Vec::new(),
        }
    }

    /// Adds one document's counts, its labels named by `schema` (if it resolved).
    pub fn add_document(&mut self, stats: DocumentStats, schema: Option<&Schema>) {
        if let Some(schema) = schema {
            self.claims |= schema.label(CLAIM_LABEL).is_some();
            for label in &schema.labels {
                if !self.labels.iter().any(|l| l.id == label.id) {
                    self.labels.push(LabelCount {
                        id: label.id.clone(),
                        name_en: label.name_en.clone(),
                        name_ar: label.name_ar.clone(),
                        in_schema: true,
                        ..LabelCount::default()
                    });
                }
            }
        }
        self.total.add(&stats);
        self.documents.push(stats);
    }

    /// Fills in the per-label counts from the documents (call once, after the last one).
    pub fn count_labels(&mut self) {
        let mut unknown: Vec<&String> = self
            .total
            .per_label
            .keys()
            .filter(|id| !self.labels.iter().any(|l| &l.id == *id))
            .collect();
        unknown.sort();
        let unknown: Vec<LabelCount> = unknown
            .into_iter()
            .map(|id| LabelCount {
                id: id.clone(),
                name_en: id.clone(),
                name_ar: id.clone(),
                ..LabelCount::default()
            })
            .collect();
        self.labels.extend(unknown);
        for label in &mut self.labels {
            label.count = self.total.per_label.get(&label.id).copied().unwrap_or(0);
            label.documents = self
                .documents
                .iter()
                .filter(|d| d.per_label.contains_key(&label.id))
                .count();
        }
    }
}

impl Default for StatsReport {
    fn default() -> Self {
        Self::new()
    }
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
/// `pairs`, and the total is summed in that order. Each document's labels are counted in its
/// schema's order (a folder's `schema.ron` read once per folder).
pub fn stats_of_pairs(pairs: &[SidecarPair], progress: &(dyn Fn() + Sync)) -> StatsReport {
    let counted: Vec<Result<(DocumentStats, DocSchema), Unreadable>> = pairs
        .par_iter()
        .map(|pair| {
            let counted = match load_sidecar(&pair.sidecar) {
                Ok(data) => {
                    let stats = DocumentStats::of(pair.text.display().to_string(), &data.set);
                    Ok((stats, DocSchema::of(&pair.text, &data)))
                }
                Err(err) => Err(Unreadable {
                    path: pair.sidecar.display().to_string(),
                    error: err.to_string(),
                }),
            };
            progress();
            counted
        })
        .collect();
    let mut report = StatsReport::new();
    let mut folders = HashMap::new();
    for result in counted {
        match result {
            Ok((stats, schema)) => {
                let schema = schema.resolve(&mut folders);
                report.add_document(stats, schema.as_ref());
            }
            Err(unreadable) => report.unreadable.push(unreadable),
        }
    }
    report.count_labels();
    report
}

/// A document's schema: resolved where its sidecar was read, or its folder's `schema.ron`, read
/// once per folder afterwards (`None` when it does not resolve: labels are then counted by id).
enum DocSchema {
    Resolved(Option<Schema>),
    Folder(PathBuf),
}

impl DocSchema {
    fn of(text: &Path, data: &SidecarData) -> Self {
        let folder = text.parent().unwrap_or(Path::new(".")).to_path_buf();
        if data.schema == SchemaSource::Folder {
            Self::Folder(folder)
        } else {
            Self::Resolved(resolve_schema(&folder, data).ok())
        }
    }

    fn resolve(self, folders: &mut HashMap<PathBuf, Option<Schema>>) -> Option<Schema> {
        match self {
            Self::Resolved(schema) => schema,
            Self::Folder(folder) => folders
                .entry(folder.clone())
                .or_insert_with(|| load_schema_file(&folder.join(FOLDER_SCHEMA_FILE)).ok())
                .clone(),
        }
    }
}
