//! Re-anchoring a whole annotation set onto a changed text: every range of every annotation goes
//! through [`reanchor_all`] in one batch, and each annotation gets one verdict. Offsets are chars
//! into the new text; ranges are half-open.
//!
//! Per annotation: if any of its ranges cannot be found it becomes an **orphan** and keeps all its
//! old ranges and anchors (so a later attempt, or the user, can still place it); otherwise its
//! ranges and anchors are taken from the new text, and it is flagged `NeedsReview` when any range
//! was placed with doubt. Nothing is ever removed from the set.

use crate::model::annotation::{AnnotationId, AnnotationStatus};
use crate::model::quote::Quote;
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;
use crate::store::anchor::{reanchor_all, AnchorOutcome, OrphanReason};

/// What happened to one annotation.
#[derive(Debug, Clone, PartialEq)]
pub enum AnnotationFate {
    /// Every range still holds its text at the same offsets.
    Stayed,
    /// Found elsewhere with confidence (an exact match with agreeing context); status unchanged.
    Moved,
    /// Found, but with doubt (fuzzy match, weak context, a near tie): status set to `NeedsReview`.
    NeedsReview,
    /// Some range could not be found: status set to `Orphan`, old ranges kept.
    Orphan(OrphanReason),
}

/// The counts and lists of one re-anchoring, for the open report and `hamish check`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReanchorSummary {
    /// Annotations whose ranges did not move.
    pub stayed: usize,
    /// Annotations moved with confidence (no review needed).
    pub moved: Vec<AnnotationId>,
    /// Annotations placed with doubt, now flagged `NeedsReview`.
    pub needs_review: Vec<AnnotationId>,
    /// Annotations not found, now `Orphan`, with why; they keep their old ranges.
    pub orphans: Vec<(AnnotationId, OrphanReason)>,
}

impl ReanchorSummary {
    /// Number of annotations looked at.
    pub fn total(&self) -> usize {
        self.stayed + self.moved.len() + self.needs_review.len() + self.orphans.len()
    }
}

/// Re-anchors every annotation of `set` in `new_text`, changing ranges, anchors and statuses in
/// place (see the module docs), and returns what happened.
pub fn reanchor_set(set: &mut AnnotationSet, new_text: &str) -> ReanchorSummary {
    let empty = Quote::default();
    // One batch item per range; an annotation without an anchor for a range (written by another
    // tool, or migrated) gets an empty quote, which cannot be found: it becomes an orphan.
    let mut owners = Vec::new();
    let mut items: Vec<(CharRange, &Quote)> = Vec::new();
    for a in set.annotations() {
        for (i, range) in a.ranges.iter().enumerate() {
            owners.push(a.id);
            items.push((*range, a.anchors.get(i).unwrap_or(&empty)));
        }
    }
    let outcomes = reanchor_all(new_text, &items);
    // Anchors are re-captured from a char vector: `Quote::capture` walks the whole text per call.
    let chars: Vec<char> = new_text.chars().collect();
    let mut summary = ReanchorSummary::default();
    let ids: Vec<AnnotationId> = set.annotations().map(|a| a.id).collect();
    let mut next = 0;
    for id in ids {
        let count = owners[next..].iter().take_while(|&&o| o == id).count();
        let mine = &outcomes[next..next + count];
        next += count;
        let fate = fate_of(mine);
        if let Some(a) = set.annotation_mut(id) {
            match &fate {
                AnnotationFate::Orphan(_) => a.status = AnnotationStatus::Orphan,
                _ => {
                    a.ranges = mine.iter().filter_map(AnchorOutcome::range).collect();
                    a.anchors = a
                        .ranges
                        .iter()
                        .map(|r| Quote::capture_from_chars(&chars, *r))
                        .collect();
                    if fate == AnnotationFate::NeedsReview {
                        a.status = AnnotationStatus::NeedsReview;
                    } else if a.status == AnnotationStatus::Orphan {
                        // Its text came back (a file emptied and restored): it is placed again.
                        a.status = AnnotationStatus::Ok;
                    }
                }
            }
        }
        match fate {
            AnnotationFate::Stayed => summary.stayed += 1,
            AnnotationFate::Moved => summary.moved.push(id),
            AnnotationFate::NeedsReview => summary.needs_review.push(id),
            AnnotationFate::Orphan(reason) => summary.orphans.push((id, reason)),
        }
    }
    summary
}

/// Marks as orphans the annotations (not orphans already) whose ranges do not fit a text of
/// `text_len` chars — reversed, or past its end — as a sidecar or recovery file edited by hand
/// may hold; returns their ids. Their ranges are kept as they were, so nothing is lost and
/// nothing is drawn on the wrong chars.
pub fn orphan_misfits(set: &mut AnnotationSet, text_len: usize) -> Vec<AnnotationId> {
    let misfits: Vec<AnnotationId> = set
        .annotations()
        .filter(|a| a.status != AnnotationStatus::Orphan)
        .filter(|a| {
            a.ranges
                .iter()
                .any(|r| r.end < r.start || r.end.0 > text_len)
        })
        .map(|a| a.id)
        .collect();
    for id in &misfits {
        if let Some(a) = set.annotation_mut(*id) {
            a.status = AnnotationStatus::Orphan;
        }
    }
    misfits
}

/// One verdict from the outcomes of an annotation's ranges: the worst of them.
fn fate_of(outcomes: &[AnchorOutcome]) -> AnnotationFate {
    if let Some(AnchorOutcome::Orphan { reason }) = outcomes
        .iter()
        .find(|o| matches!(o, AnchorOutcome::Orphan { .. }))
    {
        return AnnotationFate::Orphan(reason.clone());
    }
    if outcomes.iter().any(|o| !o.is_confident()) {
        AnnotationFate::NeedsReview
    } else if outcomes
        .iter()
        .all(|o| matches!(o, AnchorOutcome::Unchanged(_)))
    {
        AnnotationFate::Stayed
    } else {
        AnnotationFate::Moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Timestamp};

    const OLD: &str = "قال الوزير إن الخطة نجحت وإن الأرقام دقيقة جدا في التقرير الأخير.";

    fn set() -> AnnotationSet {
        let mut set = AnnotationSet::new();
        for (id, (s, e)) in [(1, (4, 10)), (2, (14, 19)), (3, (29, 36))] {
            set.insert_annotation(Annotation::new(
                AnnotationId(id),
                "claim",
                vec![CharRange::from_indices(s, e)],
                OLD,
                Timestamp(1),
            ));
        }
        set
    }

    #[test]
    fn unchanged_text_keeps_everything() {
        let mut s = set();
        let before = s.clone();
        let summary = reanchor_set(&mut s, OLD);
        assert_eq!(summary.stayed, 3);
        assert_eq!(s, before);
    }

    #[test]
    fn deleted_span_orphans_and_keeps_old_range() {
        let mut s = set();
        let new = OLD.replace("الخطة", "");
        let summary = reanchor_set(&mut s, &new);
        assert_eq!(summary.orphans.len(), 1, "{summary:?}");
        assert_eq!(summary.orphans[0].0, AnnotationId(2));
        let orphan = s.annotation(AnnotationId(2)).unwrap();
        assert_eq!(orphan.status, AnnotationStatus::Orphan);
        assert_eq!(orphan.ranges, vec![CharRange::from_indices(14, 19)]);
        assert_eq!(orphan.anchors[0].exact, "الخطة");
        // T3 came after the deletion: it moved five chars back, with its text.
        let t3 = s.annotation(AnnotationId(3)).unwrap();
        assert_eq!(t3.ranges, vec![CharRange::from_indices(24, 31)]);
        assert_eq!(t3.covered_text(&new), "الأرقام");
        assert_eq!(summary.total(), 3);
    }

    #[test]
    fn missing_anchor_makes_an_orphan() {
        let mut s = set();
        s.annotation_mut(AnnotationId(1)).unwrap().anchors.clear();
        let summary = reanchor_set(&mut s, &format!("و{OLD}"));
        assert_eq!(
            summary.orphans[0],
            (AnnotationId(1), OrphanReason::EmptyQuote)
        );
        assert_eq!(summary.orphans.len(), 1);
    }
}
