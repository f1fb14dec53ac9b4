//! Checking annotated texts, for `hamish check` and the window: for every sidecar, parse it,
//! read its text through `store::annotated` (any supported encoding), compare fingerprints,
//! re-anchor as a dry run when the text changed, validate against the schema, and report findings
//! with the sidecar line they concern. With `fix`, a changed text's re-anchored annotations are
//! saved through the annotation session (atomic, `.bak` kept). Offsets are chars.

use crate::model::validate::{validate, Owner, Problem};
use crate::model::{AnnotationSet, AnnotationStatus};
use crate::store::anchor::OrphanReason;
use crate::store::annotated::{read_annotated, AnnotatedFile, ReadAnnotatedError};
use crate::store::atomic::{RealFs, SaveOutcome};
use crate::store::session::{reanchor_set, AnnotationSession, OpenOptions, ReanchorSummary};
use crate::store::sidecar::{from_ron_str, read_sidecar_text, SidecarLines, SidecarPair};
use std::cell::OnceCell;
use std::path::Path;

/// The lines of a sidecar's items, indexed in one pass the first time one is asked for (a file
/// without findings never pays for it). `line_of` per finding walked the file again each time,
/// which made a check of a file with many findings quadratic.
struct Lines<'a> {
    text: &'a str,
    index: OnceCell<SidecarLines>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            index: OnceCell::new(),
        }
    }

    /// The 1-based line where the item of `owner` starts, if it can be found.
    fn of(&self, owner: Owner) -> Option<usize> {
        self.index
            .get_or_init(|| SidecarLines::new(self.text))
            .line_of(owner)
    }

    /// `sidecar:line` for the item of `owner`, or `sidecar` alone when its line is not found.
    fn at(&self, sidecar: &Path, owner: Owner) -> String {
        match self.of(owner) {
            Some(line) => format!("{}:{line}", sidecar.display()),
            None => sidecar.display().to_string(),
        }
    }
}

/// What kind of finding a line of the report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// The file is fine (the last line of a good file).
    Ok,
    /// Worth knowing, not a failure.
    Note,
    /// `fix` saved a repaired version.
    Fixed,
    /// Something is wrong with the annotations.
    Problem,
    /// The file could not be read at all.
    Error,
}

impl FindingKind {
    /// The word a report line starts with.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::Note => "NOTE",
            Self::Fixed => "FIXED",
            Self::Problem => "PROBLEM",
            Self::Error => "ERROR",
        }
    }
}

/// One line of a file's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What kind of line.
    pub kind: FindingKind,
    /// The text, starting with the file (and its line when known).
    pub text: String,
}

/// How one file fared; ordered by severity (its value is the exit code it calls for).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Nothing wrong.
    Ok = 0,
    /// The annotations have problems.
    Problems = 1,
    /// The sidecar or its text could not be read.
    Unreadable = 2,
}

/// The report of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    /// How it fared.
    pub verdict: Verdict,
    /// Its lines, in order.
    pub findings: Vec<Finding>,
}

/// Lines of one file's report as they are collected: problems (any makes the file fail) and notes.
#[derive(Debug, Default)]
struct FileReport {
    lines: Vec<Finding>,
    problems: usize,
}

impl FileReport {
    fn problem(&mut self, text: String) {
        self.push(FindingKind::Problem, text);
        self.problems += 1;
    }

    fn note(&mut self, text: String) {
        self.push(FindingKind::Note, text);
    }

    fn push(&mut self, kind: FindingKind, text: String) {
        self.lines.push(Finding { kind, text });
    }
}

fn single(verdict: Verdict, kind: FindingKind, text: String) -> FileCheck {
    FileCheck {
        verdict,
        findings: vec![Finding { kind, text }],
    }
}

/// Checks one sidecar and its text (saving a re-anchored version when `fix` and the text changed).
pub fn check_pair(pair: &SidecarPair, fix: bool) -> FileCheck {
    let shown = pair.sidecar.display();
    let sidecar_text = match read_sidecar_text(&pair.sidecar) {
        Ok(t) => t,
        Err(err) => return single(Verdict::Unreadable, FindingKind::Error, err.to_string()),
    };
    let data = match from_ron_str(&sidecar_text, &pair.sidecar) {
        Ok(d) => d,
        Err(err) => return single(Verdict::Problems, FindingKind::Problem, err.to_string()),
    };
    let file = match read_annotated(&pair.text, Some(data), None) {
        Ok(file) => file,
        Err(ReadAnnotatedError::Text(err)) => {
            return single(
                Verdict::Unreadable,
                FindingKind::Error,
                format!("{shown}: {err}"),
            )
        }
        Err(ReadAnnotatedError::Schema(err)) => {
            return single(
                Verdict::Problems,
                FindingKind::Problem,
                format!("{shown}: {err}"),
            )
        }
    };
    let mut report = FileReport::default();
    let lines = Lines::new(&sidecar_text);
    // What the file holds for the text as it is now: re-anchored (on a copy) when it changed.
    let mut reanchored = None;
    if file.text_changed() {
        let mut moved = file.set.clone();
        let summary = reanchor_set(&mut moved, &file.source.text);
        let fixed = if fix {
            fix_pair(pair, &mut report)
        } else {
            None
        };
        // After a fix, orphans are pointed at in the file as it is now.
        let fixed_lines = fixed.as_deref().map(Lines::new);
        let change = TextChange {
            lines: fixed_lines.as_ref().unwrap_or(&lines),
            fixed: fixed.is_some(),
            old: &file.set,
            summary: &summary,
        };
        change.report(pair, &mut report);
        reanchored = Some(moved);
    } else {
        report_statuses(pair, &lines, &file.set, &mut report);
    }
    let set = reanchored.as_ref().unwrap_or(&file.set);
    report_problems(pair, &lines, set, &file, &mut report);
    let verdict = if report.problems == 0 {
        Verdict::Ok
    } else {
        Verdict::Problems
    };
    if verdict == Verdict::Ok {
        report.push(
            FindingKind::Ok,
            format!(
                "{} ({} annotations, {} relations)",
                pair.text.display(),
                file.set.len(),
                file.set.relations().count()
            ),
        );
    }
    FileCheck {
        verdict,
        findings: report.lines,
    }
}

/// One problem line per way `set` (what the file holds for the text as it is now) disagrees with
/// its schema or that text.
fn report_problems(
    pair: &SidecarPair,
    lines: &Lines<'_>,
    set: &AnnotationSet,
    file: &AnnotatedFile,
    report: &mut FileReport,
) {
    for problem in validate(set, &file.schema, file.source.char_len) {
        // An orphan's ranges are its last known ones, in an older text: the orphan line says
        // what to do, a range problem would only repeat it.
        let orphan_range = matches!(problem.owner(), Owner::Annotation(id)
            if set.annotation(id).is_some_and(|a| a.status == AnnotationStatus::Orphan))
            && is_range_problem(&problem);
        if !orphan_range {
            report.problem(problem_line(&pair.sidecar, lines, &problem));
        }
    }
}

/// True for the problems about an annotation's ranges.
fn is_range_problem(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::NoRanges(_)
            | Problem::EmptyRange { .. }
            | Problem::ReversedRange { .. }
            | Problem::RangePastEnd { .. }
            | Problem::AnchorCount { .. }
    )
}

/// What re-anchoring does to one file, for the report.
struct TextChange<'a> {
    /// The lines of the sidecar text that report lines point into.
    lines: &'a Lines<'a>,
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
        let at = |id| self.lines.at(&pair.sidecar, Owner::Annotation(id));
        let counts = format!(
            "{} stay, {} move, {} move and need review, {} orphans",
            summary.stayed,
            summary.moved.len(),
            summary.needs_review.len(),
            summary.orphans.len()
        );
        if self.fixed {
            report.push(FindingKind::Fixed, format!(
                "{shown}: re-anchored to the changed text and saved ({counts}; previous version in .bak)"
            ));
        } else if summary.stayed == summary.total() {
            report.note(format!(
                "{shown}: text changed since the annotations were saved: {counts} (run `hamish check --fix` to record the new text)"
            ));
            return;
        } else {
            report.problem(format!(
                "{shown}: text changed since the annotations were saved: {counts}"
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
                "{}: annotation {id} ({} \"{quote}\") is an orphan: {}",
                at(*id),
                a.label,
                orphan_reason(reason)
            ));
        }
        for id in &summary.needs_review {
            if let Some(a) = self.old.annotation(*id) {
                report.note(format!(
                    "{}: annotation {id} ({} \"{}\") found again with doubt; review it",
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
    lines: &Lines<'_>,
    set: &AnnotationSet,
    report: &mut FileReport,
) {
    for a in set
        .annotations()
        .filter(|a| a.status != AnnotationStatus::Ok)
    {
        let at = lines.at(&pair.sidecar, Owner::Annotation(a.id));
        let quote = a.anchors.first().map_or("", |q| q.exact.as_str());
        match a.status {
            AnnotationStatus::Ok => {}
            AnnotationStatus::NeedsReview => report.note(format!(
                "{at}: annotation {} ({} \"{quote}\") is marked for review",
                a.id, a.label
            )),
            AnnotationStatus::Orphan => report.problem(format!(
                "{at}: annotation {} ({} \"{quote}\") is an orphan: its text was not found when the text changed; place it again in the window or remove it",
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
            report.problem(format!("{shown}: not fixed: {err}"));
            return None;
        }
    };
    if let Some(recovery) = opened.recovery {
        report.problem(format!(
            "{shown}: not fixed: unsaved work is waiting in {}; open the text in Hamish to restore or discard it first",
            recovery.path.display()
        ));
        return None;
    }
    match session.save() {
        Ok(SaveOutcome::Saved) => Some(session.to_sidecar_text()),
        Ok(SaveOutcome::ConflictCopy { copy, .. }) => {
            report.problem(format!(
                "{shown}: not fixed: the file changed while checking; the re-anchored version is in {}",
                copy.display()
            ));
            None
        }
        Err(err) => {
            report.problem(format!("{shown}: not fixed: {err}"));
            None
        }
    }
}

/// `PROBLEM file:line: message`, with the line of the annotation or relation when it can be found.
fn problem_line(sidecar: &Path, lines: &Lines<'_>, problem: &Problem) -> String {
    match lines.of(problem.owner()) {
        Some(line) => format!("{}:{line}: {problem}", sidecar.display()),
        None => format!("{}: {problem}", sidecar.display()),
    }
}
