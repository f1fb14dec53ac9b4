//! Lanes for overlapping spans: every range of every placed annotation gets the lowest lane not
//! taken by an earlier range it overlaps, so nested, crossing and identical spans each keep a band
//! of their own; identical ranges also carry how many annotations share them. Offsets are chars.

use crate::model::annotation::{AnnotationId, AnnotationStatus};
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;

/// One range of one annotation with its lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanMark {
    /// The annotation.
    pub annotation: AnnotationId,
    /// The chars covered.
    pub range: CharRange,
    /// 0 for a range nothing earlier overlaps; one more for each band it must stay clear of.
    pub lane: usize,
    /// How many annotations cover exactly this range (1 when it is alone).
    pub same_range: usize,
    /// True for the first of the annotations sharing exactly this range (the one that shows the
    /// count).
    pub first_of_same: bool,
}

/// The marks of every placed annotation of `set` (orphans' ranges belong to an older text and are
/// left out), longer ranges first where they start together, so an outer span takes lane 0.
pub fn span_marks(set: &AnnotationSet) -> Vec<SpanMark> {
    let mut ranges: Vec<(CharRange, AnnotationId)> = set
        .annotations()
        .filter(|a| a.status != AnnotationStatus::Orphan)
        .flat_map(|a| a.ranges.iter().map(move |r| (*r, a.id)))
        .filter(|(r, _)| !r.is_empty())
        .collect();
    ranges.sort_by_key(|(r, id)| (r.start, std::cmp::Reverse(r.end), *id));
    // The end of the range last put in each lane.
    let mut lane_ends: Vec<CharRange> = Vec::new();
    let mut marks = Vec::with_capacity(ranges.len());
    for (index, (range, id)) in ranges.iter().enumerate() {
        let lane = match lane_ends.iter().position(|r| r.end <= range.start) {
            Some(free) => free,
            None => {
                lane_ends.push(*range);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = *range;
        let same: Vec<usize> = (0..ranges.len())
            .filter(|&j| ranges[j].0 == *range)
            .collect();
        marks.push(SpanMark {
            annotation: *id,
            range: *range,
            lane,
            same_range: same.len(),
            first_of_same: same.first() == Some(&index),
        });
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Timestamp};

    fn set_of(spans: &[(u64, usize, usize)]) -> AnnotationSet {
        let mut set = AnnotationSet::new();
        for &(id, start, end) in spans {
            set.insert_annotation(Annotation::new(
                AnnotationId(id),
                "claim",
                vec![CharRange::from_indices(start, end)],
                "",
                Timestamp(0),
            ));
        }
        set
    }

    fn lanes(marks: &[SpanMark]) -> Vec<(u64, usize)> {
        marks.iter().map(|m| (m.annotation.0, m.lane)).collect()
    }

    #[test]
    fn nested_crossing_and_identical_spans_each_get_a_lane() {
        // 1 holds 2; 3 crosses 1's end; 4 and 5 are identical; 6 is alone after them.
        let set = set_of(&[
            (1, 0, 20),
            (2, 5, 10),
            (3, 15, 25),
            (4, 30, 35),
            (5, 30, 35),
            (6, 40, 45),
        ]);
        let marks = span_marks(&set);
        assert_eq!(
            lanes(&marks),
            vec![(1, 0), (2, 1), (3, 1), (4, 0), (5, 1), (6, 0)]
        );
        let same: Vec<(u64, usize, bool)> = marks
            .iter()
            .map(|m| (m.annotation.0, m.same_range, m.first_of_same))
            .collect();
        assert_eq!(same[3], (4, 2, true));
        assert_eq!(same[4], (5, 2, false));
        assert_eq!(same[5], (6, 1, true));
    }

    #[test]
    fn a_span_starting_where_another_ends_shares_its_lane() {
        let marks = span_marks(&set_of(&[(1, 0, 5), (2, 5, 9)]));
        assert_eq!(lanes(&marks), vec![(1, 0), (2, 0)]);
    }
}
