//! Hit-testing and caret geometry on a [`TextLayout`]: point → cursor, cursor → caret rectangle,
//! char range → rectangles, visual and logical caret movement, word and grapheme boundaries.
//! Offsets are chars into the document's text; geometry is px. On a hollow line (see
//! [`super::hollow`]) a hit gives the line's start, a caret sits at its start edge and a range
//! has no rectangles: nothing fails, and a window fills the lines it asks about first.

use super::cursor::{Affinity, Cursor, VisualDirection};
use super::geom::{Point, Rect};
use super::layout::{GraphemeBox, LineLayout, TextLayout};
use super::paragraph_layout::grapheme_starts;
use crate::offset::{CharOffset, CharRange};
use unicode_segmentation::UnicodeSegmentation;

/// Width of the caret rectangle, px. The caret is drawn just inside the grapheme it sticks to.
pub const CARET_WIDTH: f32 = 1.0;

/// Two edges closer than this (px) are the same position.
const EPS: f32 = 0.01;

impl TextLayout {
    /// Index of the paragraph holding `offset` (a separator belongs to the paragraph before it).
    pub(crate) fn paragraph_of(&self, offset: CharOffset) -> usize {
        self.paragraphs
            .partition_point(|p| p.para.next_start() <= offset)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// Index (into all lines) of the line showing `offset` with `affinity`.
    pub(crate) fn line_of(&self, offset: CharOffset, affinity: Affinity) -> usize {
        let pi = self.paragraph_of(offset);
        // Where a huge paragraph's segment ends, the caret before it ends the segment's last
        // line, as at any soft line break.
        if let Some(prev) = pi.checked_sub(1).map(|p| &self.paragraphs[p]) {
            if affinity == Affinity::Before && prev.para.continues && offset == prev.para.chars.end
            {
                return prev.first_line + prev.line_count - 1;
            }
        }
        let span = &self.paragraphs[pi];
        let lines = &self.lines[span.first_line..span.first_line + span.line_count];
        let mut k = lines
            .partition_point(|l| l.chars.end <= offset)
            .min(lines.len() - 1);
        if affinity == Affinity::Before && k > 0 && lines[k].chars.start >= offset {
            k -= 1;
        }
        span.first_line + k
    }

    /// Edge x of the caret for `offset` on `line`, and the side (+1 right, -1 left) where the
    /// grapheme it sticks to lies.
    pub(crate) fn caret_edge(
        &self,
        line: &LineLayout,
        offset: CharOffset,
        affinity: Affinity,
    ) -> (f32, f32) {
        let leading = |b: &GraphemeBox| {
            if b.rtl() {
                (b.right, -1.0)
            } else {
                (b.left, 1.0)
            }
        };
        let trailing = |b: &GraphemeBox| {
            if b.rtl() {
                (b.left, 1.0)
            } else {
                (b.right, -1.0)
            }
        };
        let starting = line.boxes.iter().find(|b| b.chars().start == offset);
        let ending = line.boxes.iter().find(|b| b.chars().end == offset);
        let found = match affinity {
            Affinity::After => starting.map(leading).or_else(|| ending.map(trailing)),
            Affinity::Before => ending.map(trailing).or_else(|| starting.map(leading)),
        };
        if let Some(edge) = found {
            return edge;
        }
        if let Some(b) = line.boxes.iter().find(|b| b.chars().contains(offset)) {
            return leading(b);
        }
        // An empty line: the caret sits at the start edge.
        if line.rtl {
            (self.params.width, -1.0)
        } else {
            (0.0, 1.0)
        }
    }

    /// The caret's rectangle, drawn just inside the grapheme the cursor sticks to.
    pub fn caret_rect(&self, c: Cursor) -> Rect {
        let line = &self.lines[self.line_of(c.offset, c.affinity)];
        let (x, side) = self.caret_edge(line, c.offset, c.affinity);
        Rect::from_x_y_ranges(x, x + side * CARET_WIDTH, line.top, line.bottom())
    }

    /// The cursor nearest to `p`: the line at its y (clamped), then the grapheme at its x; the
    /// grapheme's leading half gives its start, the trailing half its end.
    pub fn hit(&self, p: Point) -> Cursor {
        let li = self
            .lines
            .partition_point(|l| l.bottom() <= p.y)
            .min(self.lines.len() - 1);
        let line = &self.lines[li];
        if line.boxes.is_empty() {
            return Cursor::after(line.chars.start);
        }
        let bi = line
            .boxes
            .partition_point(|b| b.right <= p.x)
            .min(line.boxes.len() - 1);
        let b = &line.boxes[bi];
        let mid = (b.left + b.right) * 0.5;
        let leading_half = if b.rtl() { p.x >= mid } else { p.x < mid };
        if leading_half {
            Cursor::after(b.chars().start)
        } else {
            Cursor::before(b.chars().end)
        }
    }

    /// Rectangles covering the graphemes of `r` (several per line when directions mix), top to
    /// bottom and left to right; touching boxes are merged.
    pub fn range_rects(&self, r: CharRange) -> Vec<Rect> {
        let mut out = Vec::new();
        if r.is_empty() {
            return out;
        }
        let first = self.lines.partition_point(|l| l.chars.end <= r.start);
        for line in self.lines[first..]
            .iter()
            .take_while(|l| l.chars.start < r.end)
        {
            let mut current: Option<(f32, f32)> = None;
            for b in line.boxes.iter().filter(|b| b.chars().overlaps(r)) {
                current = match current {
                    Some((l, right)) if (b.left - right).abs() < EPS => Some((l, b.right)),
                    Some((l, right)) => {
                        out.push(Rect::from_x_y_ranges(l, right, line.top, line.bottom()));
                        Some((b.left, b.right))
                    }
                    None => Some((b.left, b.right)),
                };
            }
            if let Some((l, right)) = current {
                out.push(Rect::from_x_y_ranges(l, right, line.top, line.bottom()));
            }
        }
        out
    }

    /// The caret one grapheme to the left or right on screen (Left moves forward in RTL text);
    /// past a line's edge it goes to the next or previous line.
    pub fn move_visual(&self, c: Cursor, dir: VisualDirection) -> Cursor {
        let li = self.line_of(c.offset, c.affinity);
        let line = &self.lines[li];
        let (x, _) = self.caret_edge(line, c.offset, c.affinity);
        let mut best: Option<(f32, Cursor)> = None;
        for b in &line.boxes {
            let (left_stop, right_stop) = if b.rtl() {
                (
                    Cursor::before(b.chars().end),
                    Cursor::after(b.chars().start),
                )
            } else {
                (
                    Cursor::after(b.chars().start),
                    Cursor::before(b.chars().end),
                )
            };
            for (sx, stop) in [(b.left, left_stop), (b.right, right_stop)] {
                let beyond = match dir {
                    VisualDirection::Right => sx > x + EPS,
                    VisualDirection::Left => sx < x - EPS,
                };
                if beyond && stop.offset != c.offset {
                    let d = (sx - x).abs();
                    if best.is_none_or(|(bd, _)| d < bd - EPS) {
                        best = Some((d, stop));
                    }
                }
            }
        }
        if let Some((_, stop)) = best {
            return stop;
        }
        let forward = (dir == VisualDirection::Left) == line.rtl;
        if forward {
            match self.lines.get(li + 1) {
                Some(next) => Cursor::after(next.chars.start),
                None => c,
            }
        } else if li > 0 {
            Cursor::before(self.lines[li - 1].chars.end)
        } else {
            c
        }
    }

    /// The caret one grapheme forward or backward in the text (a paragraph separator counts as
    /// one step).
    pub fn move_logical(&self, c: Cursor, forward: bool) -> Cursor {
        let pi = self.paragraph_of(c.offset);
        let para = &self.paragraphs[pi].para;
        let text = para.text(&self.text);
        let starts = grapheme_starts(text, para.chars.len());
        let rel = c
            .offset
            .0
            .saturating_sub(para.chars.start.0)
            .min(para.chars.len());
        if forward {
            if rel >= para.chars.len() {
                return match self.paragraphs.get(pi + 1) {
                    Some(next) => Cursor::after(next.para.chars.start),
                    None => Cursor::before(para.chars.end),
                };
            }
            let next = (rel + 1..=para.chars.len())
                .find(|&i| starts[i])
                .unwrap_or(para.chars.len());
            Cursor::after(CharOffset(para.chars.start.0 + next))
        } else {
            if rel == 0 {
                return match pi.checked_sub(1).map(|p| &self.paragraphs[p].para) {
                    // Inside a huge paragraph: one grapheme back, into the segment before.
                    Some(prev) if prev.continues => {
                        let text = prev.text(&self.text);
                        let starts = grapheme_starts(text, prev.chars.len());
                        let last = (0..prev.chars.len())
                            .rev()
                            .find(|&i| starts[i])
                            .unwrap_or(0);
                        Cursor::after(CharOffset(prev.chars.start.0 + last))
                    }
                    Some(prev) => Cursor::before(prev.chars.end),
                    None => Cursor::after(para.chars.start),
                };
            }
            let prev = (0..rel).rev().find(|&i| starts[i]).unwrap_or(0);
            Cursor::after(CharOffset(para.chars.start.0 + prev))
        }
    }

    /// The word (or run of spaces or punctuation) holding `offset`, by UAX #29 word boundaries;
    /// for double-click selection. An offset at a paragraph's end gives the word before it.
    pub fn word_at(&self, offset: CharOffset) -> CharRange {
        let para = &self.paragraphs[self.paragraph_of(offset)].para;
        let text = para.text(&self.text);
        let rel = offset.0.saturating_sub(para.chars.start.0);
        let mut start = 0usize;
        let mut last = CharRange::from_indices(para.chars.start.0, para.chars.start.0);
        for word in text.split_word_bounds() {
            let len = word.chars().count();
            let range = CharRange::from_indices(
                para.chars.start.0 + start,
                para.chars.start.0 + start + len,
            );
            if rel < start + len {
                return range;
            }
            last = range;
            start += len;
        }
        last
    }

    /// The grapheme boundary at or before `offset` (a caret never splits a base from its marks).
    pub fn snap_to_grapheme(&self, offset: CharOffset) -> CharOffset {
        let para = &self.paragraphs[self.paragraph_of(offset)].para;
        if offset >= para.chars.end {
            // Inside a separator (e.g. between CR and LF) or past the end of the text.
            return para.chars.end;
        }
        let text = para.text(&self.text);
        let starts = grapheme_starts(text, para.chars.len());
        let rel = offset.0.saturating_sub(para.chars.start.0);
        let snapped = (0..=rel).rev().find(|&i| starts[i]).unwrap_or(0);
        CharOffset(para.chars.start.0 + snapped)
    }
}
