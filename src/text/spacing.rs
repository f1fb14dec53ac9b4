//! Extra empty space above chosen lines of a laid-out text, for what is drawn between lines (the
//! window's relation arcs): lines keep their glyphs, x positions and heights, and only move down.
//! Units: px; line indices are into [`TextLayout::lines`].

use super::layout::TextLayout;

/// Less than this between a line's bottom and the next line's top (px) is no space; far down a
/// long text, less than a few ulps of the top either (after lines were moved, f32 tops stand off
/// the bottoms above them by rounding errors: an ulp at 5,000,000 px is half a px).
const SPACE_EPSILON: f32 = 0.25;

/// The least gap (px) above a line whose top is at `top` that counts as space.
fn least_space(top: f32) -> f32 {
    SPACE_EPSILON.max(top.abs() * 4.0 * f32::EPSILON)
}

impl TextLayout {
    /// Stacks the lines again from the top with `space_above(i)` px of empty space above line `i`
    /// (negative or non-finite values count as 0), replacing any space set before. The space is
    /// part of no line: a range's rectangles never cover it; a point in it hits the line below.
    pub fn set_space_above(&mut self, space_above: impl Fn(usize) -> f32) {
        let wanted = |index| {
            let extra = space_above(index);
            if extra.is_finite() {
                extra.max(0.0)
            } else {
                0.0
            }
        };
        // No space before and none wanted: nothing to move (the common case, every frame).
        if !self.spaced && (0..self.lines.len()).all(|index| wanted(index) == 0.0) {
            return;
        }
        // Lines move by the change in the space above them, so where nothing changes nothing
        // moves, not even by a rounding error.
        let (mut old_total, mut new_total, mut old_bottom) = (0.0f32, 0.0f32, 0.0f32);
        for (index, line) in self.lines.iter_mut().enumerate() {
            let gap = line.top - old_bottom;
            old_total += if gap > least_space(line.top) {
                gap
            } else {
                0.0
            };
            old_bottom = line.top + line.height;
            new_total += wanted(index);
            let dy = new_total - old_total;
            line.top += dy;
            line.baseline += dy;
        }
        self.height += new_total - old_total;
        self.spaced = new_total > 0.0;
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

    #[test]
    fn rounding_errors_far_down_a_long_text_are_no_space() {
        let text = ["قال الوزير إن الهدنة قريبة"; 40].join("\n");
        let fonts = FontSet::embedded();
        let params = LayoutParams::default();
        let mut layout = TextLayout::new(&text, &fonts, &params, &mut LayoutCache::default());
        // Lines five million px down, moved one by one as estimates were replaced: each top
        // stands off the bottom above it by an ulp (half a px there) either way.
        // (The first line stands for all that lies above: five million px high.)
        layout.lines[0].height = 5_000_000.0;
        let mut y = 5_000_000.0f32;
        for (i, line) in layout.lines.iter_mut().enumerate().skip(1) {
            let off = if i % 2 == 0 { 0.5 } else { 0.0 };
            line.top = y + off;
            line.baseline = line.top + 20.0;
            y = line.top + line.height;
        }
        let before: Vec<f32> = layout.lines().map(|l| l.top).collect();
        // Spaces asked for and taken back move lines by what was asked and back, to the px.
        layout.set_space_above(|i| if i == 3 { 30.0 } else { 0.0 });
        assert!((layout.lines[3].top - before[3] - 30.0).abs() <= 0.5);
        assert!((layout.lines[2].top - before[2]).abs() <= 0.5);
        layout.set_space_above(|_| 0.0);
        let after: Vec<f32> = layout.lines().map(|l| l.top).collect();
        for (a, b) in after.iter().zip(&before) {
            assert!((a - b).abs() <= 0.5, "{a} vs {b}");
        }
        // With no space set and none asked for, nothing moves at all.
        layout.set_space_above(|_| 0.0);
        let again: Vec<f32> = layout.lines().map(|l| l.top).collect();
        assert_eq!(again, after);
    }
}
