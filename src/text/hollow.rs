//! Hollow lines: a window showing a huge text keeps the glyphs and grapheme boxes (about 36 bytes
//! a char) only for the paragraphs near its view; every other line keeps its chars, place and
//! height, so scrolling, the scrollbar and the y of any char stay exact. A hollow paragraph is
//! filled again by laying it out anew (through the shaped-word cache; the result is the same as
//! before). Queries on a hollow line do not fail: a hit gives the line's start, a caret sits at the
//! line's start edge, a range has no rectangles there. Without [`TextLayout::keep_filled`] every
//! paragraph keeps its glyphs (`hamish layout`, `render`, tests). Units: px, char offsets.

use super::faces::Faces;
use super::fonts::FontSet;
use super::layout::TextLayout;
use super::paragraphs::Paragraph;
use super::LayoutCache;
use crate::offset::{CharOffset, CharRange};

/// What keeps a paragraph filled once a layout hollows the others.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filling {
    /// The y range (px) near the view: paragraphs overlapping it stay filled.
    band: (f32, f32),
    /// Chars whose paragraphs stay filled too (the caret, the selection's ends), sorted.
    offsets: Vec<CharOffset>,
    /// Char ranges whose paragraphs stay filled whatever is shown (the ends of relation arcs),
    /// sorted by start.
    pinned: Vec<CharRange>,
    /// The filled paragraphs, in no order (few: those near the view and the pinned ones).
    filled: Vec<usize>,
}

impl Filling {
    /// True when `para`, lying from `top` to `bottom` (px), is to keep its glyphs.
    fn wants(&self, para: &Paragraph, top: f32, bottom: f32) -> bool {
        let (start, end) = (para.chars.start, para.next_start());
        let in_band = bottom > self.band.0 && top < self.band.1;
        let first = self.offsets.partition_point(|o| *o < start);
        // The text's last paragraph (no separator) holds every offset past it too.
        let has_offset = self
            .offsets
            .get(first)
            .is_some_and(|o| *o < end || (para.separator_chars == 0 && !para.continues));
        // Pinned ranges are merged and sorted: only the last one starting before the end can
        // reach into the paragraph.
        let before = self.pinned.partition_point(|r| r.start < end);
        let pinned = before
            .checked_sub(1)
            .map(|i| self.pinned[i])
            .is_some_and(|r| r.end > start || (r.is_empty() && r.start >= start));
        in_band || has_offset || pinned
    }
}

impl TextLayout {
    /// From now on keeps glyphs and grapheme boxes only for the paragraphs overlapping
    /// `y_min..y_max` (px), those holding one of `offsets` and the pinned ones
    /// ([`TextLayout::pin_filled`]): the others are hollowed now, paragraphs laid out later are
    /// stored hollow unless they are wanted, and wanted ones not yet filled are filled.
    pub fn keep_filled(
        &mut self,
        fonts: &FontSet,
        cache: &mut LayoutCache,
        (y_min, y_max): (f32, f32),
        offsets: &[CharOffset],
    ) {
        let mut offsets = offsets.to_vec();
        offsets.sort_unstable();
        offsets.dedup();
        let first_time = self.filling.is_none();
        let filling = self.filling.get_or_insert_with(Filling::default);
        filling.band = (y_min, y_max);
        filling.offsets = offsets;
        let candidates: Vec<usize> = if first_time {
            (0..self.paragraphs.len()).collect()
        } else {
            std::mem::take(&mut filling.filled)
        };
        let mut kept = Vec::with_capacity(candidates.len());
        for index in candidates {
            if !self.paragraphs[index].filled {
                continue;
            }
            if self.wants_filled(index) {
                kept.push(index);
            } else {
                self.hollow_paragraph(index);
            }
        }
        if let Some(filling) = self.filling.as_mut() {
            filling.filled = kept;
        }
        self.fill_y(fonts, cache, y_min, y_max);
        let offsets = self.filling.as_ref().map(|f| f.offsets.clone());
        for offset in offsets.unwrap_or_default() {
            self.fill_chars(fonts, cache, CharRange::new(offset, offset));
        }
    }

    /// Keeps the paragraphs overlapping any of `ranges` filled whatever is shown (what relation
    /// arcs are planned on), filling the laid-out ones now; replaces the ranges pinned before.
    /// Does nothing while every paragraph is kept filled anyway.
    pub fn pin_filled(&mut self, fonts: &FontSet, cache: &mut LayoutCache, ranges: &[CharRange]) {
        let Some(filling) = self.filling.as_mut() else {
            return;
        };
        let mut ranges = ranges.to_vec();
        ranges.sort_unstable_by_key(|r| (r.start, r.end));
        let mut merged: Vec<CharRange> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        filling.pinned = merged.clone();
        for range in merged {
            self.fill_chars(fonts, cache, range);
        }
    }

    /// Fills the laid-out paragraphs overlapping `y_min..y_max` (px); they stay filled until the
    /// next [`TextLayout::keep_filled`] leaves them out.
    pub fn fill_y(&mut self, fonts: &FontSet, cache: &mut LayoutCache, y_min: f32, y_max: f32) {
        if self.filling.is_none() || self.lines.is_empty() {
            return;
        }
        let first = self.lines.partition_point(|l| l.bottom() <= y_min);
        let last = self.lines.partition_point(|l| l.top < y_max);
        if first >= last {
            return;
        }
        let (a, b) = (self.lines[first].paragraph, self.lines[last - 1].paragraph);
        let faces = Faces::new(fonts);
        for index in a..=b {
            self.fill_paragraph(index, &faces, cache);
        }
    }

    /// Fills the laid-out paragraphs holding the chars of `range` (an empty range: the one
    /// holding its offset); they stay filled until the next [`TextLayout::keep_filled`] leaves
    /// them out.
    pub fn fill_chars(&mut self, fonts: &FontSet, cache: &mut LayoutCache, range: CharRange) {
        if self.filling.is_none() || self.paragraphs.is_empty() {
            return;
        }
        let first = self.paragraph_of(range.start);
        let last = self.paragraph_of(CharOffset(range.end.0.saturating_sub(1)).max(range.start));
        let faces = Faces::new(fonts);
        for index in first..=last {
            self.fill_paragraph(index, &faces, cache);
        }
    }

    /// True when line `line` (an index into [`TextLayout::lines`]) has its runs and boxes.
    pub fn is_line_filled(&self, line: usize) -> bool {
        self.lines
            .get(line)
            .is_some_and(|l| self.paragraphs[l.paragraph].filled)
    }

    /// How many lines have their runs and boxes (every line unless some were hollowed).
    pub fn filled_line_count(&self) -> usize {
        match &self.filling {
            None => self.lines.len(),
            Some(filling) => filling
                .filled
                .iter()
                .map(|&p| self.paragraphs[p].line_count)
                .sum(),
        }
    }

    /// True when paragraph `index` is to keep its glyphs under the current filling.
    fn wants_filled(&self, index: usize) -> bool {
        let Some(filling) = &self.filling else {
            return true;
        };
        let span = &self.paragraphs[index];
        let lines = &self.lines[span.first_line..span.first_line + span.line_count];
        let (top, bottom) = match (lines.first(), lines.last()) {
            (Some(first), Some(last)) => (first.top, last.bottom()),
            _ => return false,
        };
        filling.wants(&span.para, top, bottom)
    }

    /// True when a paragraph laid out now from `top` to `bottom` (px) is to be stored filled.
    pub(crate) fn keeps_filled(&self, para: &Paragraph, top: f32, bottom: f32) -> bool {
        self.filling
            .as_ref()
            .is_none_or(|filling| filling.wants(para, top, bottom))
    }

    /// Records that paragraph `index` was stored filled (while some are hollow).
    pub(crate) fn note_filled(&mut self, index: usize) {
        if let Some(filling) = self.filling.as_mut() {
            filling.filled.push(index);
        }
    }

    /// Drops the runs and boxes of paragraph `index`'s lines.
    fn hollow_paragraph(&mut self, index: usize) {
        let span = &mut self.paragraphs[index];
        if !span.filled {
            return;
        }
        span.filled = false;
        for line in &mut self.lines[span.first_line..span.first_line + span.line_count] {
            line.runs = Vec::new();
            line.boxes = Vec::new();
        }
    }

    /// Lays paragraph `index` out again and gives its lines their runs and boxes back, keeping
    /// their places (any space set above them stays). Refused with other fonts than the
    /// layout's (the window lays out anew then).
    fn fill_paragraph(&mut self, index: usize, faces: &Faces<'_>, cache: &mut LayoutCache) {
        // An estimated paragraph has no lines to fill yet: laying it out is another step.
        let Some(span) = self
            .paragraphs
            .get(index)
            .filter(|s| !s.filled && !s.estimated)
        else {
            return;
        };
        if faces.fonts().generation() != self.font_generation {
            return;
        }
        let (para, first_line, count) = (span.para, span.first_line, span.line_count);
        let laid = self.paragraph_layout(&para, faces, cache);
        let start = para.chars.start.0;
        for (k, fresh) in laid.lines.iter().take(count).enumerate() {
            let mut fresh = fresh.clone();
            fresh.shift(start, 0.0, index);
            let line = &mut self.lines[first_line + k];
            line.runs = fresh.runs;
            line.boxes = fresh.boxes;
        }
        self.paragraphs[index].filled = true;
        self.note_filled(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Cursor, LineLayout, Motion};

    use crate::text::test_texts::{narrow as params, sample_times};

    /// The sample three times: enough lines for a band to leave most of them out.
    fn long_text() -> String {
        sample_times(3)
    }

    fn same_place(a: &LineLayout, b: &LineLayout) -> bool {
        (
            a.paragraph,
            a.line,
            a.rtl,
            a.chars,
            a.top,
            a.baseline,
            a.height,
        ) == (
            b.paragraph,
            b.line,
            b.rtl,
            b.chars,
            b.top,
            b.baseline,
            b.height,
        )
    }

    #[test]
    fn lines_far_from_the_band_are_stored_hollow_and_refill_equal_to_the_full_layout() {
        let text = long_text();
        let fonts = FontSet::embedded();
        let full = TextLayout::new(&text, &fonts, &params(), &mut LayoutCache::default());
        let mut cache = LayoutCache::without_paragraphs();
        let mut layout = TextLayout::new_until(&text, &fonts, &params(), &mut cache, 0.0);
        layout.keep_filled(&fonts, &mut cache, (0.0, 300.0), &[]);
        layout.finish(&fonts, &mut cache);
        assert_eq!(layout.height(), full.height());
        let filled = layout.filled_line_count();
        let total = full.lines().count();
        assert!(filled > 0 && filled * 4 < total, "{filled} of {total}");
        for (i, (a, b)) in layout.lines().zip(full.lines()).enumerate() {
            assert!(same_place(a, b), "line {i}");
            if layout.is_line_filled(i) {
                assert_eq!(a, b, "filled line {i}");
            } else {
                assert!(a.runs.is_empty() && a.boxes.is_empty(), "hollow line {i}");
            }
        }
        // Moving the band to the bottom fills what it reaches and hollows the top.
        let h = layout.height();
        layout.keep_filled(&fonts, &mut cache, (h - 300.0, h), &[]);
        assert!(!layout.is_line_filled(0) && layout.is_line_filled(total - 1));
        let last = layout.lines().last().cloned();
        assert_eq!(last.as_ref(), full.lines().last());
        // A band over everything gives back the full layout.
        layout.keep_filled(&fonts, &mut cache, (0.0, h), &[]);
        assert_eq!(layout.filled_line_count(), total);
        assert!(layout.lines().eq(full.lines()));
    }

    #[test]
    fn queries_on_a_refilled_paragraph_equal_the_full_layout_and_hollow_ones_do_not_fail() {
        let text = long_text();
        let fonts = FontSet::embedded();
        let full = TextLayout::new(&text, &fonts, &params(), &mut LayoutCache::default());
        let mut cache = LayoutCache::without_paragraphs();
        let mut layout = TextLayout::new(&text, &fonts, &params(), &mut cache);
        layout.keep_filled(&fonts, &mut cache, (0.0, 100.0), &[]);
        let chars = text.chars().count();
        // Every query on every offset answers without failing, hollow lines included.
        for o in (0..=chars).step_by(7) {
            let c = Cursor::after(CharOffset(o));
            let rect = layout.caret_rect(c);
            assert!(rect.min.y.is_finite());
            let _ = layout.hit(rect.center());
            for motion in [
                Motion::Grapheme(crate::text::VisualDirection::Left),
                Motion::Word(crate::text::VisualDirection::Right),
                Motion::LineEnd,
                Motion::LineDown,
                Motion::PageUp,
            ] {
                assert!(layout.move_caret(c, motion, None, 200.0).cursor.offset.0 <= chars);
            }
        }
        let far = CharRange::from_indices(chars * 2 / 3, chars * 2 / 3 + 40);
        assert!(
            layout.range_rects(far).is_empty(),
            "hollow lines have no rectangles"
        );
        // Filled again, the paragraph answers as in the full layout.
        layout.fill_chars(&fonts, &mut cache, far);
        assert_eq!(layout.range_rects(far), full.range_rects(far));
        for o in far.start.0..far.end.0 {
            let c = Cursor::after(CharOffset(o));
            assert_eq!(layout.caret_rect(c), full.caret_rect(c));
            let p = full.caret_rect(c).center();
            assert_eq!(layout.hit(p), full.hit(p));
            for motion in [
                Motion::Grapheme(crate::text::VisualDirection::Left),
                Motion::Word(crate::text::VisualDirection::Right),
                Motion::LineStart,
                Motion::LineEnd,
            ] {
                assert_eq!(
                    layout.move_caret(c, motion, None, 200.0),
                    full.move_caret(c, motion, None, 200.0)
                );
            }
        }
    }

    #[test]
    fn pinned_ranges_and_offsets_stay_filled_and_a_refill_keeps_the_space_above() {
        let text = long_text();
        let fonts = FontSet::embedded();
        let mut cache = LayoutCache::without_paragraphs();
        let mut layout = TextLayout::new(&text, &fonts, &params(), &mut cache);
        let full = layout.clone();
        let chars = text.chars().count();
        let (pinned, caret) = (CharOffset(chars / 2), CharOffset(chars));
        layout.keep_filled(&fonts, &mut cache, (0.0, 100.0), &[caret]);
        layout.pin_filled(&fonts, &mut cache, &[CharRange::new(pinned, pinned)]);
        let line_of = |o: CharOffset| full.line_index(Cursor::after(o));
        assert!(layout.is_line_filled(line_of(pinned)));
        assert!(layout.is_line_filled(line_of(caret)), "the text's end");
        // The band moves; the pinned paragraph stays, the caret's goes with the offsets.
        layout.keep_filled(&fonts, &mut cache, (0.0, 100.0), &[]);
        assert!(layout.is_line_filled(line_of(pinned)));
        assert!(!layout.is_line_filled(line_of(caret)));
        // Space set above lines (room for arcs) stays where it was when a paragraph refills.
        layout.set_space_above(|i| if i == line_of(caret) { 30.0 } else { 0.0 });
        let top = layout.lines().nth(line_of(caret)).map(|l| l.top);
        layout.fill_chars(&fonts, &mut cache, CharRange::new(caret, caret));
        let line = layout.lines().nth(line_of(caret)).expect("the last line");
        assert_eq!(Some(line.top), top);
        assert_eq!(line.boxes, full.lines().last().expect("a line").boxes);
    }
}
