//! What the measures see of an annotation set: labelled spans with sorted ranges clipped to the
//! text, and for each char the set of labels covering it. Offsets are chars into the decoded
//! text; ranges are half-open. Orphaned annotations (their text is gone) are left out.

use crate::model::annotation::{AnnotationId, AnnotationStatus};
use crate::model::set::AnnotationSet;
use crate::offset::{CharOffset, CharRange};
use std::collections::BTreeSet;

/// A labelled span as compared between annotators: two spans are the same when label and ranges
/// are (ranges sorted, empty ones dropped).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The label id.
    pub label: String,
    /// The ranges, sorted, non-empty, inside the text.
    pub ranges: Vec<CharRange>,
}

impl Span {
    /// A span of `label` over `ranges`, normalised (sorted, clipped to `text_len`, empty ranges
    /// dropped); `None` when nothing is left.
    pub fn new(label: &str, ranges: &[CharRange], text_len: usize) -> Option<Self> {
        let mut ranges: Vec<CharRange> = ranges
            .iter()
            .map(|r| {
                CharRange::new(
                    CharOffset(r.start.0.min(text_len)),
                    CharOffset(r.end.0.min(text_len)),
                )
            })
            .filter(|r| !r.is_empty())
            .collect();
        ranges.sort();
        ranges.dedup();
        (!ranges.is_empty()).then(|| Self {
            label: label.to_owned(),
            ranges,
        })
    }

    /// True when the two spans share a char.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.ranges
            .iter()
            .any(|r| other.ranges.iter().any(|o| r.overlaps(*o)))
    }

    /// Number of chars the two spans share.
    pub fn shared_chars(&self, other: &Span) -> usize {
        let mut n = 0;
        for r in &self.ranges {
            for o in &other.ranges {
                let start = r.start.max(o.start);
                let end = r.end.min(o.end);
                n += end.0.saturating_sub(start.0);
            }
        }
        n
    }
}

/// The spans of `set` with their annotation ids, in reading order; orphans and annotations
/// with no range left inside the text are left out.
pub fn spans_of(set: &AnnotationSet, text_len: usize) -> Vec<(AnnotationId, Span)> {
    set.annotations_in_text_order()
        .into_iter()
        .filter(|a| a.status != AnnotationStatus::Orphan)
        .filter_map(|a| Span::new(&a.label, &a.ranges, text_len).map(|s| (a.id, s)))
        .collect()
}

/// The labels of a study, each with a bit of a [`LabelSet`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabelIndex {
    labels: Vec<String>,
}

/// The set of labels covering one char, as bits of a [`LabelIndex`].
pub type LabelSet = u128;

/// The most labels a study can tell apart (the bits of a [`LabelSet`]).
pub const MAX_LABELS: usize = LabelSet::BITS as usize;

impl LabelIndex {
    /// The index of `labels`, sorted; `None` when there are more than [`MAX_LABELS`].
    pub fn new(labels: BTreeSet<String>) -> Option<Self> {
        (labels.len() <= MAX_LABELS).then(|| Self {
            labels: labels.into_iter().collect(),
        })
    }

    /// The labels in bit order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The bit of `label`, if it is in the index.
    pub fn bit(&self, label: &str) -> Option<usize> {
        self.labels.binary_search_by(|l| l.as_str().cmp(label)).ok()
    }

    /// For every char of a text `text_len` chars long, the labels of `spans` covering it.
    pub fn coverage<'a>(
        &self,
        spans: impl IntoIterator<Item = &'a Span>,
        text_len: usize,
    ) -> Vec<LabelSet> {
        let mut cover = vec![0; text_len];
        for span in spans {
            let Some(bit) = self.bit(&span.label) else {
                continue;
            };
            for r in &span.ranges {
                for c in &mut cover[r.start.0..r.end.0.min(text_len)] {
                    *c |= 1 << bit;
                }
            }
        }
        cover
    }
}

/// True for the chars that are units of κ and α: every char that is not white space.
pub fn is_unit_char(c: char) -> bool {
    !c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Timestamp};

    fn r(s: usize, e: usize) -> CharRange {
        CharRange::from_indices(s, e)
    }

    #[test]
    fn spans_are_normalised_and_orphans_left_out() {
        let s = Span::new("claim", &[r(8, 12), r(2, 4), r(30, 40), r(2, 4)], 10).unwrap();
        assert_eq!(s.ranges, vec![r(2, 4), r(8, 10)]);
        assert!(Span::new("claim", &[r(20, 30)], 10).is_none());
        let mut set = AnnotationSet::new();
        set.insert_annotation(Annotation::new(
            AnnotationId(1),
            "claim",
            vec![r(0, 3)],
            "",
            Timestamp(0),
        ));
        let mut orphan = Annotation::new(AnnotationId(2), "claim", vec![r(4, 6)], "", Timestamp(0));
        orphan.status = AnnotationStatus::Orphan;
        set.insert_annotation(orphan);
        let spans = spans_of(&set, 10);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].0, AnnotationId(1));
        assert_eq!(s.shared_chars(&Span::new("x", &[r(3, 9)], 10).unwrap()), 2);
    }

    #[test]
    fn coverage_sets_one_bit_per_label() {
        let index = LabelIndex::new(["claim".into(), "source".into()].into()).unwrap();
        let spans = [
            Span::new("source", &[r(1, 3)], 5).unwrap(),
            Span::new("claim", &[r(2, 4)], 5).unwrap(),
            Span::new("other", &[r(0, 5)], 5).unwrap(),
        ];
        assert_eq!(index.coverage(&spans, 5), vec![0, 0b10, 0b11, 0b01, 0]);
        let many: BTreeSet<String> = (0..=MAX_LABELS).map(|i| i.to_string()).collect();
        assert!(LabelIndex::new(many).is_none());
        assert!(!is_unit_char(' ') && !is_unit_char('\n') && is_unit_char('ك'));
    }
}
