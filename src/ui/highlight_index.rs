//! Where the document view's highlights lie: an interval tree from char ranges to the highlights'
//! places in paint order, so a frame finds the highlights of the visible lines, and the pointer
//! the ones under it, in O(log n + k) instead of a scan of every highlight. Offsets are chars into
//! the document's text; ranges are half-open.

use super::highlights::Highlight;
use crate::offset::{CharOffset, CharRange};
use iset::IntervalMap;
use std::collections::BTreeMap;

/// The highlights of one view by position (rebuilt when the view's highlights are replaced).
#[derive(Default)]
pub struct HighlightIndex {
    /// Every non-empty range, with the indices (paint order) of the highlights that cover it.
    tree: IntervalMap<usize, Vec<usize>>,
}

impl HighlightIndex {
    /// The index of `highlights` (empty ranges are left out: they paint nothing).
    pub fn new(highlights: &[Highlight]) -> Self {
        let mut grouped: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, h) in highlights.iter().enumerate() {
            if h.range.start < h.range.end {
                grouped
                    .entry((h.range.start.0, h.range.end.0))
                    .or_default()
                    .push(i);
            }
        }
        Self {
            tree: IntervalMap::from_sorted(grouped.into_iter().map(|((s, e), v)| (s..e, v))),
        }
    }

    /// Indices of the highlights that share a char with `range`, in paint order.
    pub fn over(&self, range: CharRange) -> Vec<usize> {
        if range.start >= range.end {
            return Vec::new();
        }
        let mut found: Vec<usize> = self
            .tree
            .values(range.start.0..range.end.0)
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found
    }

    /// Indices of the highlights that cover the char at `offset`, in paint order.
    pub fn at(&self, offset: CharOffset) -> Vec<usize> {
        self.over(CharRange::from_indices(offset.0, offset.0 + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::AnnotationId;
    use egui::Color32;

    fn highlight(id: u64, start: usize, end: usize) -> Highlight {
        Highlight {
            annotation: AnnotationId(id),
            range: CharRange::from_indices(start, end),
            fill: Color32::RED,
            outline: None,
            colour: Color32::RED,
            lane: 0,
            count: 1,
        }
    }

    #[test]
    fn finds_exactly_the_highlights_a_scan_finds_in_paint_order() {
        // Nested, crossing, identical, touching and empty ranges.
        let spans = [
            (0, 50),
            (5, 9),
            (5, 9),
            (8, 20),
            (20, 21),
            (30, 30),
            (40, 60),
            (9, 10),
        ];
        let highlights: Vec<Highlight> = spans
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| highlight(i as u64, s, e))
            .collect();
        let index = HighlightIndex::new(&highlights);
        for start in 0..62 {
            for end in start..62 {
                let query = CharRange::from_indices(start, end);
                let scan: Vec<usize> = (0..highlights.len())
                    .filter(|&i| !query.is_empty() && !highlights[i].range.is_empty())
                    .filter(|&i| query.overlaps(highlights[i].range))
                    .collect();
                assert_eq!(index.over(query), scan, "{start}..{end}");
            }
            let at: Vec<usize> = (0..highlights.len())
                .filter(|&i| highlights[i].range.contains(CharOffset(start)))
                .collect();
            assert_eq!(index.at(CharOffset(start)), at, "at {start}");
        }
    }
}
