//! `hamish check`: prints the application layer's check of every annotated text under the given
//! paths (`workspace::batch::check`, on every core, with a progress bar on a terminal): one line
//! per finding, then a summary. With `--fix`, a changed text's re-anchored annotations are
//! saved. Exit code: 0 all fine, 1 any problem, 2 usage or I/O error.

use crate::store::sidecar::find_sidecars_for;
use crate::store::sidecar::AnnotatorName;
use crate::workspace::batch::check::Verdict;
use crate::workspace::batch::check_pairs;
use crate::workspace::terminal::escape_line;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Text files, sidecar files (`*.ann.ron`) or folders (searched recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Save re-anchored annotations for texts that changed (atomically, keeping `.bak`).
    /// Orphans are kept and marked; files with a pending recovery file are left alone.
    #[arg(long)]
    pub fix: bool,
    /// Work on this annotator's files (`<text>.<NAME>.ann.ron`) instead of the gold
    /// `<text>.ann.ron`.
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<AnnotatorName>,
}

/// Runs `hamish check`.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let pairs = match find_sidecars_for(&args.paths, args.annotator.as_ref()) {
        Ok(pairs) => pairs,
        Err(err) => {
            eprintln!("hamish check: {}", escape_line(&err.to_string()));
            return Ok(ExitCode::from(2));
        }
    };
    let bar = super::export::progress_bar(pairs.len());
    let checked = check_pairs(pairs, args.fix, &|| bar.inc(1));
    bar.finish_and_clear();
    if checked.is_empty() {
        eprintln!("hamish check: no annotation files (*.ann.ron) under the given paths");
        return Ok(ExitCode::from(2));
    }
    let mut worst = Verdict::Ok;
    let mut counts = [0usize; 3];
    for (_, file) in &checked {
        for finding in &file.findings {
            println!("{:<7} {}", finding.kind.tag(), escape_line(&finding.text));
        }
        counts[file.verdict as usize] += 1;
        worst = worst.max(file.verdict);
    }
    println!(
        "checked {} file(s): {} OK, {} with problems, {} unreadable",
        checked.len(),
        counts[0],
        counts[1],
        counts[2]
    );
    Ok(ExitCode::from(worst as u8))
}
