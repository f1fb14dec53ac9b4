//! `hamish agree`: inter-annotator agreement over every text that has two or more annotators'
//! files (`<text>.<annotator>.ann.ron`) under the given paths: span F1, κ, α and αU per pair and
//! for all annotators, per label and overall, per document and over all documents; printed as a
//! table, as CSV (`--csv`) or as JSON (`--json`). Exit code: 0 fine, 1 some file could not be
//! read (the others are measured), 2 usage error or nothing to compare.

use crate::agree::{AgreementReport, PairReport, Scores};
use crate::store::formats::csv_claims::spreadsheet_safe;
use crate::store::sidecar::AnnotatorName;
use crate::workspace::batch::agree::agreement;
use crate::workspace::terminal::{escape_json, escape_line};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish agree`.
#[derive(Debug, clap::Args)]
pub struct AgreeArgs {
    /// Text files, sidecar files or folders (searched recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The annotators to compare, comma-separated (default: everyone with a file).
    #[arg(long, value_delimiter = ',', value_name = "A,B,...")]
    pub annotators: Vec<AnnotatorName>,
    /// Print JSON: {"pairs": [...], "all": {...}, "documents": [...]}.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: one row per document (or ALL), pair and label.
    #[arg(long)]
    pub csv: bool,
}

/// Runs `hamish agree`.
pub fn run(args: AgreeArgs) -> anyhow::Result<ExitCode> {
    let run = match agreement(&args.paths, &args.annotators) {
        Ok(run) => run,
        Err(err) => {
            eprintln!("hamish agree: {}", escape_line(&err.to_string()));
            return Ok(ExitCode::from(2));
        }
    };
    let notes = run.notes.iter().map(ToString::to_string);
    for line in notes.chain(run.failed.iter().map(ToString::to_string)) {
        eprintln!("hamish agree: {}", escape_line(&line));
    }
    let report = &run.report;
    if args.json {
        println!("{}", escape_json(&serde_json::to_string_pretty(report)?));
    } else if args.csv {
        print!("{}", csv_of(report)?);
    } else {
        print!("{}", table_of(report));
    }
    Ok(if run.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A figure with three decimals, or "–" when undefined.
fn figure(x: Option<f64>) -> String {
    x.map_or("–".into(), |v| format!("{v:.3}"))
}

fn score_cells(s: &Scores) -> [String; 5] {
    [s.f1_exact, s.f1_overlap, s.kappa, s.alpha, s.alpha_u].map(figure)
}

/// The readable table: the study's pairs and all annotators with every label, relations and
/// attributes, then one overall line per document and pair.
fn table_of(report: &AgreementReport) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let header = format!(
        "{:<24} {:<20} {:>8} {:>10} {:>7} {:>7} {:>7}",
        "annotators", "label", "F1 exact", "F1 overlap", "κ", "α", "αU"
    );
    let row = |out: &mut String, who: &str, label: &str, s: &Scores| {
        let [e, o, k, a, u] = score_cells(s);
        let label = escape_line(label);
        let _ = writeln!(
            out,
            "{who:<24} {label:<20} {e:>8} {o:>10} {k:>7} {a:>7} {u:>7}"
        );
    };
    let _ = writeln!(
        out,
        "Agreement of {} over {} document(s)\n",
        report.annotators.join(", "),
        report.documents.len()
    );
    let _ = writeln!(out, "{header}");
    for p in &report.pairs {
        let who = format!("{} – {}", p.a, p.b);
        row(&mut out, &who, "(all labels)", &p.overall);
        for (label, s) in &p.labels {
            row(&mut out, "", label, s);
        }
    }
    // With two annotators "all" is the pair again; it is in the JSON and CSV all the same.
    if let Some(all) = report.all.as_ref().filter(|a| a.annotators.len() > 2) {
        let who = format!("all {} (F1 mean)", all.annotators.len());
        row(&mut out, &who, "(all labels)", &all.overall);
        for (label, s) in &all.labels {
            row(&mut out, "", label, s);
        }
    }
    for p in &report.pairs {
        write_pair_extras(&mut out, p);
    }
    let _ = writeln!(out, "\nPer document (all labels)\n{header}");
    for d in &report.documents {
        let _ = writeln!(out, "{}", escape_line(&d.path));
        for p in &d.pairs {
            row(&mut out, &format!("  {} – {}", p.a, p.b), "", &p.overall);
        }
    }
    let _ = writeln!(
        out,
        "\nF1: spans of the same label, exact or overlapping; κ (Cohen for two, Fleiss for more) and α over non-space chars; αU over char offsets; – where undefined."
    );
    out
}

fn write_pair_extras(out: &mut String, p: &PairReport) {
    use std::fmt::Write as _;
    if !p.relations.types.is_empty() {
        let types: Vec<String> = p
            .relations
            .types
            .iter()
            .map(|(k, f)| format!("{} {}", escape_line(k), figure(*f)))
            .collect();
        let _ = writeln!(
            out,
            "\nrelations {} – {}: F1 {} ({})",
            p.a,
            p.b,
            figure(p.relations.f1),
            types.join(", ")
        );
    }
    for (attr, s) in &p.attributes {
        let _ = writeln!(
            out,
            "attribute {} {} – {}: {} aligned pair(s), same value {}, κ {}",
            escape_line(attr),
            p.a,
            p.b,
            s.pairs,
            figure(s.agreement),
            figure(s.kappa)
        );
    }
}

/// A cell as printed in the CSV: neutralised for spreadsheets (see
/// [`spreadsheet_safe`]), and with terminal controls escaped, since the CSV goes to stdout.
fn csv_cell(cell: &str) -> String {
    escape_line(&spreadsheet_safe(cell)).into_owned()
}

/// CSV: document (or ALL), a, b ("*" for all annotators), label ("*" overall), the five figures.
fn csv_of(report: &AgreementReport) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "document",
        "a",
        "b",
        "label",
        "f1_exact",
        "f1_overlap",
        "kappa",
        "alpha",
        "alpha_u",
    ])?;
    let cell = |x: Option<f64>| x.map_or(String::new(), |v| v.to_string());
    let rows = |w: &mut csv::Writer<Vec<u8>>,
                doc: &str,
                a: &str,
                b: &str,
                overall: &Scores,
                labels: &BTreeMap<String, Scores>|
     -> anyhow::Result<()> {
        for (label, s) in
            std::iter::once(("*", overall)).chain(labels.iter().map(|(l, s)| (l.as_str(), s)))
        {
            let f = [s.f1_exact, s.f1_overlap, s.kappa, s.alpha, s.alpha_u].map(cell);
            let (doc, label) = (csv_cell(doc), csv_cell(label));
            w.write_record([&*doc, a, b, &*label, &f[0], &f[1], &f[2], &f[3], &f[4]])?;
        }
        Ok(())
    };
    let scopes = std::iter::once(("ALL", &report.pairs, &report.all)).chain(
        report
            .documents
            .iter()
            .map(|d| (d.path.as_str(), &d.pairs, &d.all)),
    );
    for (doc, pairs, all) in scopes {
        for p in pairs {
            rows(&mut w, doc, &p.a, &p.b, &p.overall, &p.labels)?;
        }
        if let Some(all) = all {
            rows(
                &mut w,
                doc,
                &all.annotators.join("+"),
                "*",
                &all.overall,
                &all.labels,
            )?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
