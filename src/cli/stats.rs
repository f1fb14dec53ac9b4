//! `hamish stats`: annotations per label and per document, claims with and without a source
//! (an `attributed-to` relation), and annotations to review or orphaned, as a table or as JSON
//! (`--json`). Reads sidecars only, never the texts.

use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::model::AnnotationStatus;
use crate::store::sidecar::{find_sidecars_for, load_sidecar, AnnotatorName};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// The label of claims in the fact-checking schema.
const CLAIM_LABEL: &str = "claim";
/// The relation linking a claim to its source in the fact-checking schema.
const SOURCE_RELATION: &str = "attributed-to";

/// Arguments of `hamish stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Text files, sidecar files (`*.ann.ron`) or folders (searched recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Work on this annotator's files (`<text>.<NAME>.ann.ron`) instead of the gold
    /// `<text>.ann.ron`.
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<AnnotatorName>,
}

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

    fn add(&mut self, other: &Self) {
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
#[derive(Debug, Serialize)]
struct Unreadable {
    path: String,
    error: String,
}

/// The whole report, as printed with `--json`.
#[derive(Debug, Serialize)]
struct Report {
    documents: Vec<DocumentStats>,
    total: DocumentStats,
    unreadable: Vec<Unreadable>,
}

/// Runs `hamish stats`. Exit code: 0 fine, 1 when a sidecar could not be read, 2 on bad paths.
pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let pairs = match find_sidecars_for(&args.paths, args.annotator.as_ref()) {
        Ok(pairs) => pairs,
        Err(err) => {
            eprintln!("hamish stats: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut report = Report {
        documents: Vec::new(),
        total: DocumentStats {
            path: "TOTAL".into(),
            ..DocumentStats::default()
        },
        unreadable: Vec::new(),
    };
    for pair in &pairs {
        match load_sidecar(&pair.sidecar) {
            Ok(data) => {
                let stats = DocumentStats::of(pair.text.display().to_string(), &data.set);
                report.total.add(&stats);
                report.documents.push(stats);
            }
            Err(err) => report.unreadable.push(Unreadable {
                path: pair.sidecar.display().to_string(),
                error: err.to_string(),
            }),
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", table(&report));
        for u in &report.unreadable {
            eprintln!("hamish stats: skipped {}: {}", u.path, u.error);
        }
    }
    Ok(ExitCode::from(if report.unreadable.is_empty() {
        0
    } else {
        1
    }))
}

/// The report as a plain-text table: one row per document and a total row.
fn table(report: &Report) -> String {
    let labels = label_columns(&report.total);
    let mut header = vec!["document".to_owned(), "annotations".to_owned()];
    header.extend(labels.iter().cloned());
    header.extend(
        [
            "relations",
            "claims+source",
            "claims-source",
            "review",
            "orphans",
        ]
        .map(String::from),
    );
    let row = |s: &DocumentStats| {
        let mut cells = vec![s.path.clone(), s.annotations.to_string()];
        cells.extend(
            labels
                .iter()
                .map(|l| s.per_label.get(l).copied().unwrap_or(0).to_string()),
        );
        cells.extend(
            [
                s.relations,
                s.claims_with_source,
                s.claims_without_source,
                s.needs_review,
                s.orphans,
            ]
            .map(|n| n.to_string()),
        );
        cells
    };
    let mut rows = vec![header];
    rows.extend(report.documents.iter().map(row));
    rows.push(row(&report.total));
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, &w))| {
                let pad = " ".repeat(w - cell.chars().count());
                // Names left-aligned, numbers right-aligned.
                if i == 0 {
                    format!("{cell}{pad}")
                } else {
                    format!("{pad}{cell}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Label columns: the fact-checking labels in schema order, then any others by name.
fn label_columns(total: &DocumentStats) -> Vec<String> {
    let known: Vec<String> = Schema::fact_checking()
        .labels
        .into_iter()
        .map(|l| l.id)
        .collect();
    let mut columns: Vec<String> = known
        .iter()
        .filter(|l| total.per_label.contains_key(*l))
        .cloned()
        .collect();
    columns.extend(
        total
            .per_label
            .keys()
            .filter(|l| !known.contains(l))
            .cloned(),
    );
    columns
}
