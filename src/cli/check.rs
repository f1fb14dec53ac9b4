//! `hamish check`: for every annotated text under the given paths, parse the sidecar, decode the
//! text (any supported encoding, as the window does), compare fingerprints, re-anchor as a dry run
//! when the text changed, validate against the schema, and print one report per file.
//! With `--fix`, a changed text's re-anchored annotations are saved through the document session
//! (atomic, `.bak` kept). Exit code: 0 all fine, 1 any problem, 2 usage or I/O error.

use crate::model::validate::{validate, Owner, Problem};
use crate::model::{AnnotationSet, AnnotationStatus};
use crate::store::anchor::OrphanReason;
use crate::store::atomic::{RealFs, SaveOutcome};
use crate::store::session::{
    decode_for_sidecar, reanchor_set, AnnotationSession, OpenOptions, ReanchorSummary,
};
use crate::store::sidecar::{
    find_sidecars_for, from_ron_str, line_of, read_sidecar_text, resolve_schema, AnnotatorName,
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
    /// Save re-anchored annotations for texts that changed (atomically, keeping `.bak`).
    /// Orphans are kept and marked; files with a pending recovery file are left alone.
    #[arg(long)]
    pub fix: bool,
    /// Work on this annotator's files (`<text>.<NAME>.ann.ron`) instead of the gold
    /// `<text>.ann.ron`.
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<AnnotatorName>,
}

/// How one file fared; ordered by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Ok,
    Problems,
    Unreadable,
}

/// The report of one file, lines in order: problems (any makes the file fail) and notes.
#[derive(Debug, Default)]
struct FileReport {
    lines: Vec<String>,
    problems: usize,
}

impl FileReport {
    fn problem(&mut self, line: String) {
        self.lines.push(line);
        self.problems += 1;
    }

    fn note(&mut self, line: String) {
        self.lines.push(line);
    }
}

/// Runs `hamish check`.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let pairs = match find_sidecars_for(&args.paths, args.annotator.as_ref()) {
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
        let (verdict, lines) = check_pair(pair, args.fix);
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
fn check_pair(pair: &SidecarPair, fix: bool) -> (Verdict, Vec<String>) {
    let shown = pair.sidecar.display();
    let sidecar_text = match read_sidecar_text(&pair.sidecar) {
        Ok(t) => t,
        Err(err) => return (Verdict::Unreadable, vec![format!("ERROR   {err}")]),
    };
    let mut data = match from_ron_str(&sidecar_text, &pair.sidecar) {
        Ok(d) => d,
        Err(err) => return (Verdict::Problems, vec![format!("PROBLEM {err}")]),
    };
    let text = match decode_for_sidecar(&pair.text, None, Some(&data)) {
        Ok(decoded) => decoded.text,
        Err(err) => return (Verdict::Unreadable, vec![format!("ERROR   {shown}: {err}")]),
    };
    let folder = pair.text.parent().unwrap_or(Path::new("."));
    let schema = match resolve_schema(folder, &data) {
        Ok(s) => s,
        Err(err) => return (Verdict::Problems, vec![format!("PROBLEM {shown}: {err}")]),
    };
    let mut report = FileReport::default();
    let text_len = if data.matches_text(&text) {
        // Files migrated from format 0 carry no anchors; the text is the same, so take them now.
        data.fill_missing_anchors(&text);
        report_statuses(pair, &sidecar_text, &data.set, &mut report);
        text.chars().count()
    } else {
        // Dry run on a copy: nothing is written unless `--fix`.
        let mut moved = data.set.clone();
        let summary = reanchor_set(&mut moved, &text);
        let fixed = if fix {
            fix_pair(pair, &mut report)
        } else {
            None
        };
        // After a fix, orphans are pointed at in the file as it is now.
        let change = TextChange {
            sidecar_text: fixed.as_deref().unwrap_or(&sidecar_text),
            fixed: fixed.is_some(),
            old: &data.set,
            summary: &summary,
        };
        change.report(pair, &mut report);
        // Judge the ranges against the text they were made on.
        data.text.chars
    };
    for problem in validate(&data.set, &schema, text_len) {
        report.problem(problem_line(&pair.sidecar, &sidecar_text, &problem));
    }
    let verdict = if report.problems == 0 {
        Verdict::Ok
    } else {
        Verdict::Problems
    };
    let mut lines = report.lines;
    if verdict == Verdict::Ok {
        lines.push(format!(
            "OK      {} ({} annotations, {} relations)",
            pair.text.display(),
            data.set.len(),
            data.set.relations().count()
        ));
    }
    (verdict, lines)
}

/// What re-anchoring does to one file, for the report.
struct TextChange<'a> {
    /// The sidecar text that report lines point into.
    sidecar_text: &'a str,
    /// True when `--fix` saved the re-anchored annotations.
    fixed: bool,
    /// The annotations as they were before re-anchoring.
    old: &'a AnnotationSet,
    summary: &'a ReanchorSummary,
}

impl TextChange<'_> {
    /// A summary, then one line per orphan (a problem: its text is gone) and per annotation placed
    /// with doubt (a note). A text that changed only away from every annotation, or one that was
    /// fixed, is a note, not a problem.
    fn report(&self, pair: &SidecarPair, report: &mut FileReport) {
        let shown = pair.sidecar.display();
        let summary = self.summary;
        let at = |id| match line_of(self.sidecar_text, Owner::Annotation(id)) {
            Some(line) => format!("{shown}:{line}"),
            None => shown.to_string(),
        };
        let counts = format!(
            "{} stay, {} move, {} move and need review, {} orphans",
            summary.stayed,
            summary.moved.len(),
            summary.needs_review.len(),
            summary.orphans.len()
        );
        if self.fixed {
            report.note(format!(
                "FIXED   {shown}: re-anchored to the changed text and saved ({counts}; previous version in .bak)"
            ));
        } else if summary.stayed == summary.total() {
            report.note(format!(
                "NOTE    {shown}: text changed since the annotations were saved: {counts} (run `hamish check --fix` to record the new text)"
            ));
            return;
        } else {
            report.problem(format!(
                "PROBLEM {shown}: text changed since the annotations were saved: {counts}"
            ));
        }
        for (id, reason) in &summary.orphans {
            let Some(a) = self.old.annotation(*id) else {
                continue;
            };
            let quote = a
                .anchors
                .iter()
                .map(|q| q.exact.as_str())
                .collect::<Vec<_>>()
                .join(" … ");
            report.problem(format!(
                "PROBLEM {}: annotation {id} ({} \"{quote}\") is an orphan: {}",
                at(*id),
                a.label,
                orphan_reason(reason)
            ));
        }
        for id in &summary.needs_review {
            if let Some(a) = self.old.annotation(*id) {
                report.note(format!(
                    "NOTE    {}: annotation {id} ({} \"{}\") found again with doubt; review it",
                    at(*id),
                    a.label,
                    a.anchors.first().map_or("", |q| q.exact.as_str())
                ));
            }
        }
    }
}

/// Annotations marked by an earlier re-anchoring: orphans are problems, those to review notes.
fn report_statuses(
    pair: &SidecarPair,
    sidecar_text: &str,
    set: &AnnotationSet,
    report: &mut FileReport,
) {
    let shown = pair.sidecar.display();
    for a in set.annotations() {
        let at = match line_of(sidecar_text, Owner::Annotation(a.id)) {
            Some(line) => format!("{shown}:{line}"),
            None => shown.to_string(),
        };
        let quote = a.anchors.first().map_or("", |q| q.exact.as_str());
        match a.status {
            AnnotationStatus::Ok => {}
            AnnotationStatus::NeedsReview => report.note(format!(
                "NOTE    {at}: annotation {} ({} \"{quote}\") is marked for review",
                a.id, a.label
            )),
            AnnotationStatus::Orphan => report.problem(format!(
                "PROBLEM {at}: annotation {} ({} \"{quote}\") is an orphan: its text was not found when the text changed; place it again in the window or remove it",
                a.id, a.label
            )),
        }
    }
}

fn orphan_reason(reason: &OrphanReason) -> String {
    match reason {
        OrphanReason::EmptyQuote => "it has no anchor quote to search for".into(),
        OrphanReason::NotFound => "its text is no longer in the file".into(),
        OrphanReason::WeakContext { candidates } => format!(
            "its text occurs {} time(s), but not in its old surroundings",
            candidates.len()
        ),
        OrphanReason::Ambiguous { candidates } => format!(
            "its text fits {} places equally well; pick one in the window",
            candidates.len()
        ),
    }
}

/// `--fix`: opens the document as the window would (re-anchoring it) and saves it; returns the
/// new sidecar text when saved, or reports why not.
fn fix_pair(pair: &SidecarPair, report: &mut FileReport) -> Option<String> {
    let shown = pair.sidecar.display();
    let (mut session, opened) = match AnnotationSession::open_at(
        RealFs,
        &pair.text,
        &pair.sidecar,
        &OpenOptions::default(),
    ) {
        Ok(s) => s,
        Err(err) => {
            report.problem(format!("PROBLEM {shown}: not fixed: {err}"));
            return None;
        }
    };
    if let Some(recovery) = opened.recovery {
        report.problem(format!(
            "PROBLEM {shown}: not fixed: unsaved work is waiting in {}; open the text in Hamish to restore or discard it first",
            recovery.path.display()
        ));
        return None;
    }
    match session.save() {
        Ok(SaveOutcome::Saved) => Some(session.to_sidecar_text()),
        Ok(SaveOutcome::ConflictCopy { copy, .. }) => {
            report.problem(format!(
                "PROBLEM {shown}: not fixed: the file changed while checking; the re-anchored version is in {}",
                copy.display()
            ));
            None
        }
        Err(err) => {
            report.problem(format!("PROBLEM {shown}: not fixed: {err}"));
            None
        }
    }
}

/// `PROBLEM file:line: message`, with the line of the annotation or relation when it can be found.
fn problem_line(sidecar: &Path, sidecar_text: &str, problem: &Problem) -> String {
    match line_of(sidecar_text, problem.owner()) {
        Some(line) => format!("PROBLEM {}:{line}: {problem}", sidecar.display()),
        None => format!("PROBLEM {}: {problem}", sidecar.display()),
    }
}
