//! Opening a document whose text changed after the annotations were saved: insertions and
//! deletions before, inside and after spans. Annotations stay, move (flagged when in doubt) or
//! become orphans that keep their old ranges; nothing is deleted, and the result saves and reopens.

use hamish::model::{AnnotationId, AnnotationSet, AnnotationStatus, Edit};
use hamish::offset::CharRange;
use hamish::store::anchor::OrphanReason;
use hamish::store::atomic::{RealFs, SaveOutcome};
use hamish::store::session::{AnnotationSession, OpenOptions, ReanchorSummary};
use std::path::{Path, PathBuf};

const TEXT: &str = "قال الوزير إن الخطة الاقتصادية الجديدة نجحت في خفض التضخم.\r\n\
وأكد المتحدث الرسمي أن الأرقام دقيقة تماما.\r\n\
وختم البيان بالشكر للجميع على تعاونهم المستمر طوال العام الماضي.\r\n";

/// The spans annotated, by id: T1 source, T2 claim (long), T3 source, T4 claim.
const SPANS: [(u64, &str, &str); 4] = [
    (1, "source", "الوزير"),
    (2, "claim", "الخطة الاقتصادية الجديدة نجحت في خفض التضخم"),
    (3, "source", "المتحدث الرسمي"),
    (4, "claim", "الأرقام دقيقة تماما"),
];

/// The char range of the first occurrence of `needle` in `hay`.
fn find(hay: &str, needle: &str) -> CharRange {
    let byte = hay.find(needle).unwrap();
    let start = hay[..byte].chars().count();
    CharRange::from_indices(start, start + needle.chars().count())
}

/// Writes TEXT, annotates the four spans, saves; returns the text path and the saved set.
fn annotated(dir: &Path) -> (PathBuf, AnnotationSet) {
    let path = dir.join("article.txt");
    std::fs::write(&path, TEXT).unwrap();
    let (mut s, _) = AnnotationSession::open(RealFs, &path, &OpenOptions::default()).unwrap();
    for (id, label, span) in SPANS {
        let a = s.new_annotation(label, vec![find(TEXT, span)]);
        assert_eq!(a.id, AnnotationId(id));
        s.apply(Edit::AddAnnotation(a)).unwrap();
    }
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    (path, s.set().clone())
}

/// Rewrites the text file as `new_text` and reopens it; returns the session and the summary.
fn reopen_changed(path: &Path, new_text: &str) -> (AnnotationSession, ReanchorSummary) {
    std::fs::write(path, new_text).unwrap();
    let (s, report) = AnnotationSession::open(RealFs, path, &OpenOptions::default()).unwrap();
    let summary = report.reanchored.expect("the text changed");
    assert_eq!(summary.total(), 4);
    assert!(s.is_modified(), "re-anchored ranges are not saved yet");
    (s, summary)
}

fn ids(ns: &[u64]) -> Vec<AnnotationId> {
    ns.iter().map(|&n| AnnotationId(n)).collect()
}

/// Every annotation not orphaned covers its span in the new text.
fn assert_cover(s: &AnnotationSession, skip: &[u64]) {
    let text = &s.source().text;
    for (id, _, span) in SPANS.iter().filter(|(id, _, _)| !skip.contains(id)) {
        let a = s.set().annotation(AnnotationId(*id)).unwrap();
        assert_eq!(a.covered_text(text), *span, "T{id}");
        assert!(a.anchors_match(text), "T{id}: anchors re-captured");
    }
}

#[test]
fn insertion_before_every_span_moves_them_all_confidently() {
    let dir = tempfile::tempdir().unwrap();
    let (path, old) = annotated(dir.path());
    let (s, summary) = reopen_changed(&path, &format!("عاجل: {TEXT}"));
    assert_eq!(summary.stayed, 0);
    assert_eq!(summary.moved, ids(&[1, 2, 3, 4]));
    assert!(summary.needs_review.is_empty() && summary.orphans.is_empty());
    for a in s.set().annotations() {
        let before = old.annotation(a.id).unwrap();
        assert_eq!(a.ranges[0].start.0, before.ranges[0].start.0 + 6);
        assert_eq!(a.status, AnnotationStatus::Ok);
    }
    assert_cover(&s, &[]);
}

#[test]
fn insertion_after_every_span_keeps_them_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (path, old) = annotated(dir.path());
    let (s, summary) = reopen_changed(&path, &format!("{TEXT}تحديث لاحق.\r\n"));
    assert_eq!(summary.stayed, 4);
    for a in s.set().annotations() {
        assert_eq!(a.ranges, old.annotation(a.id).unwrap().ranges);
    }
}

#[test]
fn deletion_inside_a_span_flags_it_and_moves_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = annotated(dir.path());
    let new_text = TEXT.replace("الجديدة ", "");
    let (s, summary) = reopen_changed(&path, &new_text);
    assert_eq!(summary.stayed, 1, "{summary:?}");
    assert_eq!(summary.moved, ids(&[3, 4]));
    assert_eq!(summary.needs_review, ids(&[2]));
    let t2 = s.set().annotation(AnnotationId(2)).unwrap();
    assert_eq!(t2.status, AnnotationStatus::NeedsReview);
    assert_eq!(
        t2.covered_text(&new_text),
        "الخطة الاقتصادية نجحت في خفض التضخم"
    );
    assert_cover(&s, &[2]);
}

#[test]
fn insertion_inside_a_span_flags_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = annotated(dir.path());
    let new_text = TEXT.replace("دقيقة تماما", "دقيقة جدا وتماما");
    let (s, summary) = reopen_changed(&path, &new_text);
    assert_eq!(summary.needs_review, ids(&[4]), "{summary:?}");
    assert_eq!(summary.stayed, 3);
    let t4 = s.set().annotation(AnnotationId(4)).unwrap();
    assert_eq!(t4.status, AnnotationStatus::NeedsReview);
    assert!(t4.covered_text(&new_text).starts_with("الأرقام دقيقة"));
}

#[test]
fn deleted_span_becomes_an_orphan_that_is_kept_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (path, old) = annotated(dir.path());
    let new_text = TEXT.replace("المتحدث الرسمي ", "");
    let (mut s, summary) = reopen_changed(&path, &new_text);
    assert_eq!(summary.orphans.len(), 1, "{summary:?}");
    assert_eq!(summary.orphans[0].0, AnnotationId(3));
    assert!(matches!(summary.orphans[0].1, OrphanReason::NotFound));
    // T2's suffix and T4's prefix held the deleted words, so half their context is gone:
    // both are found, but flagged; T1, far from the change, stays.
    assert_eq!(summary.needs_review, ids(&[2, 4]), "{summary:?}");
    assert_eq!(summary.stayed, 1);
    assert_eq!(
        s.set().annotation(AnnotationId(2)).unwrap().status,
        AnnotationStatus::NeedsReview
    );
    let t3 = s.set().annotation(AnnotationId(3)).unwrap().clone();
    assert_eq!(t3.status, AnnotationStatus::Orphan);
    assert_eq!(t3.ranges, old.annotation(AnnotationId(3)).unwrap().ranges);
    assert_eq!(t3.anchors, old.annotation(AnnotationId(3)).unwrap().anchors);
    assert_cover(&s, &[3]);

    // Saving records the new fingerprint: reopening needs no re-anchoring, the orphan is there.
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    let set = s.set().clone();
    drop(s);
    let (s, report) = AnnotationSession::open(RealFs, &path, &OpenOptions::default()).unwrap();
    assert!(report.reanchored.is_none());
    assert!(!s.is_modified());
    assert_eq!(s.set(), &set);
    assert_eq!(s.set().len(), 4);
}

mod property {
    use super::*;
    use hamish::model::{Annotation, Timestamp};
    use hamish::store::session::reanchor_set;
    use proptest::prelude::*;

    /// Arabic words, digits and punctuation, joined by spaces and line breaks.
    fn words() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "قال",
            "الوزير",
            "إن",
            "الخطة",
            "نجحت",
            "17",
            "أكتوبر",
            "،",
            "وأكد",
            "المتحدث",
            "الرسمي",
            "ذلك",
            "\r\n",
            "التضخم",
            "في",
            "خفض",
        ]);
        prop::collection::vec(word, 20..60).prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Whatever the edit, nothing is lost; orphans keep their old ranges and anchors; every
        /// annotation placed with confidence covers exactly its old text; statuses match the
        /// summary.
        #[test]
        fn reanchoring_never_loses_or_misplaces(
            text in words(),
            spans in prop::collection::vec((0usize..400, 1usize..12), 1..8),
            edit_at in 0usize..400,
            delete in 0usize..10,
            insert in "[ا-ي ]{0,8}",
        ) {
            let chars: Vec<char> = text.chars().collect();
            let n = chars.len();
            let mut set = AnnotationSet::new();
            for (i, (start, len)) in spans.iter().enumerate() {
                let start = start % n;
                let end = (start + len).min(n);
                set.insert_annotation(Annotation::new(
                    AnnotationId(i as u64 + 1),
                    "claim",
                    vec![CharRange::from_indices(start, end)],
                    &text,
                    Timestamp(1),
                ));
            }
            let at = edit_at % (n + 1);
            let cut = (at + delete).min(n);
            let new_text: String = chars[..at]
                .iter()
                .chain(insert.chars().collect::<Vec<_>>().iter())
                .chain(chars[cut..].iter())
                .collect();
            let old = set.clone();
            let summary = reanchor_set(&mut set, &new_text);
            prop_assert_eq!(set.len(), old.len());
            prop_assert_eq!(summary.total(), old.len());
            for (id, _) in &summary.orphans {
                let (now, before) = (set.annotation(*id).unwrap(), old.annotation(*id).unwrap());
                prop_assert_eq!(now.status, AnnotationStatus::Orphan);
                prop_assert_eq!(&now.ranges, &before.ranges);
                prop_assert_eq!(&now.anchors, &before.anchors);
            }
            for id in &summary.moved {
                let (now, before) = (set.annotation(*id).unwrap(), old.annotation(*id).unwrap());
                prop_assert_eq!(now.covered_text(&new_text), before.anchors[0].exact.clone());
                prop_assert_eq!(now.status, AnnotationStatus::Ok);
            }
            for id in &summary.needs_review {
                prop_assert_eq!(set.annotation(*id).unwrap().status, AnnotationStatus::NeedsReview);
            }
            let new_len = new_text.chars().count();
            for a in set.annotations().filter(|a| a.status != AnnotationStatus::Orphan) {
                prop_assert!(a.ranges.iter().all(|r| r.start <= r.end && r.end.0 <= new_len));
                prop_assert!(a.anchors_match(&new_text));
            }
            // An edit that leaves the text as it was changes nothing.
            if new_text == text {
                prop_assert_eq!(&set, &old);
            }
        }
    }
}
