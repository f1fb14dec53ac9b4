//! `hamish stats`: prints the application layer's counts (`workspace::batch::stats`) of every
//! sidecar under the given paths (read on every core, with a progress bar on a terminal) —
//! annotations per label and per document (label columns in the order of the documents' schemas,
//! whatever the schema), claims with and without a source where a schema has claims, annotations
//! to review or orphaned — then one row per label over all documents; or all of it as JSON
//! (`--json`).

use crate::store::sidecar::find_sidecars_for;
use crate::store::sidecar::AnnotatorName;
use crate::workspace::batch::stats::{stats_of_pairs, DocumentStats, StatsReport};
use crate::workspace::terminal::{escape_json, escape_line};
use std::path::PathBuf;
use std::process::ExitCode;

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

/// Runs `hamish stats`. Exit code: 0 fine, 1 when a sidecar could not be read, 2 on bad paths.
pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let pairs = match find_sidecars_for(&args.paths, args.annotator.as_ref()) {
        Ok(pairs) => pairs,
        Err(err) => {
            eprintln!("hamish stats: {}", escape_line(&err.to_string()));
            return Ok(ExitCode::from(2));
        }
    };
    let bar = super::export::progress_bar(pairs.len());
    let report = stats_of_pairs(&pairs, &|| bar.inc(1));
    bar.finish_and_clear();
    if args.json {
        println!("{}", escape_json(&serde_json::to_string_pretty(&report)?));
    } else {
        print!("{}", table(&report));
        println!();
        print!("{}", label_table(&report));
        for u in &report.unreadable {
            let line = format!("skipped {}: {}", u.path, u.error);
            eprintln!("hamish stats: {}", escape_line(&line));
        }
    }
    Ok(ExitCode::from(if report.unreadable.is_empty() {
        0
    } else {
        1
    }))
}

/// The report as a plain-text table: one row per document and a total row.
fn table(report: &StatsReport) -> String {
    let labels: Vec<String> = report
        .labels
        .iter()
        .filter(|l| l.count > 0)
        .map(|l| l.id.clone())
        .collect();
    let mut header = vec!["document".to_owned(), "annotations".to_owned()];
    header.extend(labels.iter().map(|l| escape_line(l).into_owned()));
    header.push("relations".to_owned());
    if report.claims {
        header.extend(["claims+source", "claims-source"].map(String::from));
    }
    header.extend(["review", "orphans"].map(String::from));
    let row = |s: &DocumentStats| {
        let mut cells = vec![escape_line(&s.path).into_owned(), s.annotations.to_string()];
        cells.extend(
            labels
                .iter()
                .map(|l| s.per_label.get(l).copied().unwrap_or(0).to_string()),
        );
        cells.push(s.relations.to_string());
        if report.claims {
            cells.extend([s.claims_with_source, s.claims_without_source].map(|n| n.to_string()));
        }
        cells.extend([s.needs_review, s.orphans].map(|n| n.to_string()));
        cells
    };
    let mut rows = vec![header];
    rows.extend(report.documents.iter().map(row));
    rows.push(row(&report.total));
    aligned(&rows, 1)
}

/// One row per label of the documents' schemas (unused ones too) and per label no schema has:
/// id, English name, count, documents with it.
fn label_table(report: &StatsReport) -> String {
    let mut rows = vec![["label", "name", "count", "documents"]
        .map(String::from)
        .to_vec()];
    for l in &report.labels {
        let name = if l.in_schema {
            escape_line(&l.name_en).into_owned()
        } else {
            "(not in the schema)".to_owned()
        };
        rows.push(vec![
            escape_line(&l.id).into_owned(),
            name,
            l.count.to_string(),
            l.documents.to_string(),
        ]);
    }
    aligned(&rows, 2)
}

/// Rows as text columns: the first `left` left-aligned (names), the rest right-aligned (numbers).
fn aligned(rows: &[Vec<String>], left: usize) -> String {
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, &w))| {
                let pad = " ".repeat(w - cell.chars().count());
                // Names left-aligned, numbers right-aligned.
                if i < left {
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
