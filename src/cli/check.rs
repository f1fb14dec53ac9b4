//! `hamish check`: for every annotated text under the given paths, parse the sidecar, compare the
//! text's fingerprint, validate against the schema, and print one report per file.
//! Exit code: 0 all fine, 1 any problem, 2 usage or I/O error.

use crate::model::validate::{validate, Problem};
use crate::store::sidecar::{
    find_sidecars, from_ron_str, line_of, read_sidecar_text, resolve_schema, SidecarData,
    SidecarPair,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `hamish check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Text files, sidecar files (`*.ann.ron`) or folders (searched recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// How one file fared; ordered by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Ok,
    Problems,
    Unreadable,
}

/// Runs `hamish check`.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let pairs = match find_sidecars(&args.paths) {
        Ok(pairs) => pairs,
        Err(err) => {
            eprintln!("hamish check: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    if pairs.is_empty() {
        eprintln!("hamish check: no annotation files (*.ann.ron) under the given paths");
        return Ok(ExitCode::from(2));
    }
    let mut worst = Verdict::Ok;
    let mut counts = [0usize; 3];
    for pair in &pairs {
        let (verdict, lines) = check_pair(pair);
        for line in lines {
            println!("{line}");
        }
        counts[verdict as usize] += 1;
        worst = worst.max(verdict);
    }
    println!(
        "checked {} file(s): {} OK, {} with problems, {} unreadable",
        pairs.len(),
        counts[0],
        counts[1],
        counts[2]
    );
    Ok(ExitCode::from(worst as u8))
}

/// Checks one sidecar and its text; returns the verdict and the report lines.
fn check_pair(pair: &SidecarPair) -> (Verdict, Vec<String>) {
    let shown = pair.sidecar.display();
    let sidecar_text = match read_sidecar_text(&pair.sidecar) {
        Ok(t) => t,
        Err(err) => return (Verdict::Unreadable, vec![format!("ERROR   {err}")]),
    };
    let mut data = match from_ron_str(&sidecar_text, &pair.sidecar) {
        Ok(d) => d,
        Err(err) => return (Verdict::Problems, vec![format!("PROBLEM {err}")]),
    };
    let text = match load_text(&pair.text) {
        Ok(t) => t,
        Err(err) => return (Verdict::Unreadable, vec![format!("ERROR   {shown}: {err}")]),
    };
    let folder = pair.text.parent().unwrap_or(Path::new("."));
    let schema = match resolve_schema(folder, &data) {
        Ok(s) => s,
        Err(err) => return (Verdict::Problems, vec![format!("PROBLEM {shown}: {err}")]),
    };
    let mut lines = Vec::new();
    let text_len = if data.matches_text(&text) {
        // Files migrated from format 0 carry no anchors; the text is the same, so take them now.
        data.fill_missing_anchors(&text);
        text.chars().count()
    } else {
        let n = annotations_to_reanchor(&data, &text);
        lines.push(format!(
            "PROBLEM {shown}: text changed since the annotations were saved: {n} annotations to re-anchor"
        ));
        // Judge the ranges against the text they were made on.
        data.text.chars
    };
    for problem in validate(&data.set, &schema, text_len) {
        lines.push(problem_line(&pair.sidecar, &sidecar_text, &problem));
    }
    if lines.is_empty() {
        let relations = data.set.relations().count();
        lines.push(format!(
            "OK      {} ({} annotations, {} relations)",
            pair.text.display(),
            data.set.len(),
            relations
        ));
        (Verdict::Ok, lines)
    } else {
        (Verdict::Problems, lines)
    }
}

/// `PROBLEM file:line: message`, with the line of the annotation or relation when it can be found.
fn problem_line(sidecar: &Path, sidecar_text: &str, problem: &Problem) -> String {
    match line_of(sidecar_text, problem.owner()) {
        Some(line) => format!("PROBLEM {}:{line}: {problem}", sidecar.display()),
        None => format!("PROBLEM {}: {problem}", sidecar.display()),
    }
}

/// How many annotations must be re-anchored because the text changed.
///
/// Those whose anchor quotes still sit at their offsets need nothing; the others are counted.
/// Hook for `store::anchor`: once re-anchoring exists, call it here and report the annotations
/// it could not place (or placed with doubt).
fn annotations_to_reanchor(data: &SidecarData, text: &str) -> usize {
    data.set
        .annotations()
        .filter(|a| !a.anchors_match(text))
        .count()
}

/// Reads a text file as UTF-8 with any BOM stripped.
///
/// Stand-in for `store::decode::load_text_file`, which also handles other encodings; swap it in
/// when that lands (it returns the text in `DecodedText::text`).
fn load_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("cannot read the text file {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "the text file {} is not UTF-8; convert it to UTF-8 (other encodings come with the decoder)",
            path.display()
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}
