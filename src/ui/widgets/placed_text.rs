//! A laid-out text placed in a widget's box: each line moved sideways to its alignment (right for
//! a right-to-left paragraph unless told otherwise), with hit-testing, carets and range rectangles
//! in the widget's own coordinates (px from the box's top-left, x right, y down). No egui here;
//! offsets are chars into the laid-out text.

use crate::offset::CharRange;
use crate::text::{Cursor, LineLayout, Point, Rect, TextLayout};
use std::sync::Arc;

/// Where lines sit in the box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TextAlign {
    /// Right for a right-to-left paragraph, left otherwise (UAX #9 first strong char).
    #[default]
    Auto,
    /// Every line at the left edge.
    Left,
    /// Every line at the right edge.
    Right,
}

/// A [`TextLayout`] with a horizontal shift per line and the box it is placed in.
#[derive(Debug, Clone)]
pub struct PlacedText {
    layout: Arc<TextLayout>,
    /// Added to a line's layout x to get the box's x, one per line.
    shifts: Vec<f32>,
    width: f32,
}

/// Left and right edge of what a line draws (trailing spaces included), in layout x.
fn line_extent(line: &LineLayout, layout_width: f32) -> (f32, f32) {
    let left = line.runs.iter().map(|r| r.x).fold(f32::INFINITY, f32::min);
    let right = line
        .runs
        .iter()
        .map(|r| r.x + r.width)
        .fold(f32::NEG_INFINITY, f32::max);
    if left > right {
        // An empty line: its caret stands at the start edge.
        let edge = if line.rtl { layout_width } else { 0.0 };
        (edge, edge)
    } else {
        (left, right)
    }
}

impl PlacedText {
    /// Places `layout` in a box `box_width` px wide (`None`: as wide as the widest line).
    pub fn new(layout: Arc<TextLayout>, box_width: Option<f32>, align: TextAlign) -> Self {
        let layout_width = layout.params().width;
        let extents: Vec<(f32, f32)> = layout
            .lines()
            .map(|l| line_extent(l, layout_width))
            .collect();
        let natural = extents.iter().map(|(l, r)| r - l).fold(0.0f32, f32::max);
        let width = box_width.unwrap_or(natural).max(natural);
        let shifts = layout
            .lines()
            .zip(&extents)
            .map(|(line, &(left, right))| {
                let at_right = match align {
                    TextAlign::Auto => line.rtl,
                    TextAlign::Left => false,
                    TextAlign::Right => true,
                };
                let target_left = if at_right {
                    width - (right - left)
                } else {
                    0.0
                };
                target_left - left
            })
            .collect();
        Self {
            layout,
            shifts,
            width,
        }
    }

    /// The widest line's width, px (without the box).
    pub fn natural_width(layout: &TextLayout) -> f32 {
        let width = layout.params().width;
        layout
            .lines()
            .map(|l| {
                let (left, right) = line_extent(l, width);
                right - left
            })
            .fold(0.0, f32::max)
    }

    /// The layout being placed.
    pub fn layout(&self) -> &Arc<TextLayout> {
        &self.layout
    }

    /// Width of the box, px (at least the widest line).
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Height of the text, px.
    pub fn height(&self) -> f32 {
        self.layout.height()
    }

    /// The box x of layout x `x` on line `line` (index into all lines).
    pub fn shift(&self, line: usize) -> f32 {
        self.shifts.get(line).copied().unwrap_or(0.0)
    }

    /// Index of the line at box y `y` (clamped to the first and last line).
    pub fn line_at_y(&self, y: f32) -> usize {
        let count = self.shifts.len();
        self.layout
            .lines()
            .position(|l| y < l.bottom())
            .unwrap_or(count.saturating_sub(1))
    }

    /// The line at `index`.
    pub fn line(&self, index: usize) -> Option<&LineLayout> {
        self.layout.lines().nth(index)
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.shifts.len()
    }

    fn shifted(&self, r: Rect) -> Rect {
        let dx = self.shift(self.line_at_y(r.center().y));
        Rect::from_x_y_ranges(r.min.x + dx, r.max.x + dx, r.min.y, r.max.y)
    }

    /// The caret rectangle of `c`, in box coordinates.
    pub fn caret_rect(&self, c: Cursor) -> Rect {
        self.shifted(self.layout.caret_rect(c))
    }

    /// Rectangles covering `range`, in box coordinates.
    pub fn range_rects(&self, range: CharRange) -> Vec<Rect> {
        self.layout
            .range_rects(range)
            .into_iter()
            .map(|r| self.shifted(r))
            .collect()
    }

    /// The caret nearest to box point `p`, on a grapheme boundary.
    pub fn hit(&self, p: Point) -> Cursor {
        let index = self.line_at_y(p.y);
        let Some(line) = self.line(index) else {
            return Cursor::default();
        };
        let y = (line.top + line.bottom()) * 0.5;
        let cursor = self.layout.hit(Point::new(p.x - self.shift(index), y));
        Cursor {
            offset: self.layout.snap_to_grapheme(cursor.offset),
            ..cursor
        }
    }

    /// The index of the line showing caret `c`.
    pub fn line_of(&self, c: Cursor) -> usize {
        self.line_at_y(self.layout.caret_rect(c).center().y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{FontSet, LayoutCache, LayoutParams};

    fn laid(text: &str, width: f32) -> Arc<TextLayout> {
        let params = LayoutParams {
            width,
            ..LayoutParams::default()
        };
        Arc::new(TextLayout::new(
            text,
            &FontSet::embedded(),
            &params,
            &mut LayoutCache::default(),
        ))
    }

    #[test]
    fn arabic_is_right_aligned_and_latin_left_aligned_in_the_box() {
        for (text, rtl) in [("قال الوزير", true), ("Claim", false)] {
            let placed = PlacedText::new(laid(text, 100_000.0), Some(300.0), TextAlign::Auto);
            let rects = placed.range_rects(CharRange::from_indices(0, text.chars().count()));
            let (left, right) = (rects[0].min.x, rects.last().unwrap().max.x);
            if rtl {
                assert!((right - 300.0).abs() < 0.5, "{text}: right edge at {right}");
            } else {
                assert!(left.abs() < 0.5, "{text}: left edge at {left}");
            }
        }
    }

    #[test]
    fn forced_alignment_and_natural_width() {
        let layout = laid("قال الوزير", 100_000.0);
        let natural = PlacedText::natural_width(&layout);
        assert!(natural > 20.0 && natural < 200.0, "{natural}");
        let placed = PlacedText::new(Arc::clone(&layout), None, TextAlign::Left);
        assert!((placed.width() - natural).abs() < 1e-3);
        let start = placed.caret_rect(Cursor::after(crate::offset::CharOffset(0)));
        assert!((start.max.x - natural).abs() < 1.5, "{start:?}");
        let left = PlacedText::new(layout, Some(400.0), TextAlign::Left);
        let start = left.caret_rect(Cursor::after(crate::offset::CharOffset(0)));
        assert!(
            (start.max.x - natural).abs() < 1.5,
            "left-aligned: {start:?}"
        );
    }

    #[test]
    fn hit_and_caret_agree_in_box_coordinates() {
        let placed = PlacedText::new(
            laid("يوم 17 أكتوبر", 100_000.0),
            Some(250.0),
            TextAlign::Auto,
        );
        for offset in 0..=13 {
            let c = Cursor::after(crate::offset::CharOffset(offset));
            let r = placed.caret_rect(c);
            let back = placed.hit(Point::new((r.min.x + r.max.x) * 0.5, r.center().y));
            let again = placed.caret_rect(back);
            assert!(
                (again.min.x - r.min.x).abs() < 1.5,
                "offset {offset}: {r:?} vs {again:?}"
            );
        }
    }
}
