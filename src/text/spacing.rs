//! Extra empty space above chosen lines of a laid-out text, for what is drawn between lines (the
//! window's relation arcs): lines keep their glyphs, x positions and heights, and only move down.
//! Units: px; line indices are into [`TextLayout::lines`].

use super::layout::TextLayout;

/// Less than this between a line's bottom and the next line's top (px) is no space.
const SPACE_EPSILON: f32 = 0.25;

impl TextLayout {
    /// Stacks the lines again from the top with `space_above(i)` px of empty space above line `i`
    /// (negative or non-finite values count as 0), replacing any space set before. The space is
    /// part of no line: a range's rectangles never cover it; a point in it hits the line below.
    pub fn set_space_above(&mut self, space_above: impl Fn(usize) -> f32) {
        // Lines move by the change in the space above them, so where nothing changes nothing
        // moves, not even by a rounding error.
        // Far down a long text f32 tops are a few hundredths of a px apart from the bottoms
        // above them after lines were moved (an ulp at 300,000 px is 0.03): that is no space.
        let (mut old_total, mut new_total, mut old_bottom) = (0.0f32, 0.0f32, 0.0f32);
        for (index, line) in self.lines.iter_mut().enumerate() {
            let gap = line.top - old_bottom;
            old_total += if gap > SPACE_EPSILON { gap } else { 0.0 };
            old_bottom = line.top + line.height;
            let extra = space_above(index);
            new_total += if extra.is_finite() {
                extra.max(0.0)
            } else {
                0.0
            };
            let dy = new_total - old_total;
            line.top += dy;
            line.baseline += dy;
        }
        self.height += new_total - old_total;
    }

    /// The empty space between line `line` and the line above it (above the first line: between
    /// it and the top), px; 0 for an index past the last line.
    pub fn space_above(&self, line: usize) -> f32 {
        let Some(this) = self.lines.get(line) else {
            return 0.0;
        };
        let above = match line.checked_sub(1) {
            Some(previous) => self.lines[previous].bottom(),
            None => 0.0,
        };
        (this.top - above).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use crate::offset::CharRange;
    use crate::text::{FontSet, LayoutCache, LayoutParams, Point, TextLayout};

    #[test]
    fn space_above_moves_lines_down_and_keeps_rects_and_hits_on_their_lines() {
        let text = "قال الوزير\nإن الهدنة قريبة\nوأكد المصدر";
        let fonts = FontSet::embedded();
        let params = LayoutParams::default();
        let mut layout = TextLayout::new(text, &fonts, &params, &mut LayoutCache::default());
        let before: Vec<(f32, f32)> = layout.lines().map(|l| (l.top, l.height)).collect();
        let rects_before = layout.range_rects(CharRange::from_indices(11, 16));
        let height = layout.height();
        layout.set_space_above(|i| if i == 1 { 30.0 } else { 0.0 });
        let after: Vec<(f32, f32)> = layout.lines().map(|l| (l.top, l.height)).collect();
        assert_eq!(after[0], before[0]);
        assert_eq!(after[1].0, before[1].0 + 30.0);
        assert_eq!(after[2].0, before[2].0 + 30.0);
        assert_eq!(layout.height(), height + 30.0);
        assert_eq!(layout.space_above(1), 30.0);
        assert_eq!(layout.space_above(2), 0.0);
        let rects = layout.range_rects(CharRange::from_indices(11, 16));
        assert_eq!(rects[0].min.x, rects_before[0].min.x);
        assert_eq!(rects[0].min.y, rects_before[0].min.y + 30.0);
        // A point in the gap hits the line below it; glyph x positions are unchanged.
        let gap = Point::new(rects[0].center().x, after[1].0 - 10.0);
        assert_eq!(layout.line_index(layout.hit(gap)), 1);
        // Setting spaces again replaces the old ones.
        layout.set_space_above(|_| 0.0);
        let reset: Vec<(f32, f32)> = layout.lines().map(|l| (l.top, l.height)).collect();
        assert_eq!(reset, before);
        assert_eq!(layout.height(), height);
    }
}
