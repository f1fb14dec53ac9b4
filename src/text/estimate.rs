//! Estimated paragraphs: a huge text gets a place for every paragraph at once, so a view can
//! jump anywhere before the whole text is laid out. A paragraph not laid out yet is one hollow
//! placeholder line, as high as its chars are expected to take (the laid-out part's height per
//! char, in whole lines); laying out a run of them replaces their placeholders by their lines in
//! one splice, and the difference in height is taken up by the estimates next to the run (below
//! it, else above it), so what lies beyond them stays where it is; only what they cannot take
//! moves the lines below. Units: px, char offsets.

use super::faces::Faces;
use super::fonts::FontSet;
use super::layout::{BaseDirection, LineLayout, ParagraphSpan, TextLayout};
use super::paragraphs::Paragraph;
use super::LayoutCache;
use crate::offset::CharOffset;

/// Below this many laid-out chars the height per char is taken from the font size instead (a
/// first screen of a few short lines says little about the rest).
const FEW_CHARS: usize = 400;

/// Advance of an average char as a share of the font size (Naskh news: measured about 0.45).
const AVERAGE_ADVANCE: f32 = 0.45;

/// How many estimates next to a run just laid out may take up its change in height (a bound on
/// the work when many are already as small as they get).
const ABSORB_REACH: usize = 4096;

impl TextLayout {
    /// Gives every paragraph of `rest` a placeholder line below the laid-out ones, at the
    /// height its chars are expected to take.
    pub(crate) fn estimate_rest(&mut self, rest: impl Iterator<Item = Paragraph>) {
        let line_height = self.params.font_size * self.params.line_height;
        let per_char = self.height_per_char(line_height);
        let rtl = self.params.direction != BaseDirection::Ltr;
        for para in rest {
            let lines = (para.chars.len() as f32 * per_char / line_height).round();
            let height = lines.max(1.0) * line_height;
            let index = self.paragraphs.len();
            self.paragraphs.push(ParagraphSpan {
                para,
                first_line: self.lines.len(),
                line_count: 1,
                filled: false,
                estimated: true,
            });
            self.lines.push(LineLayout {
                paragraph: index,
                line: 0,
                rtl,
                chars: para.chars,
                top: self.height,
                baseline: self.height + 0.8 * line_height,
                height,
                runs: Vec::new(),
                boxes: Vec::new(),
            });
            self.height += height;
            self.estimated += 1;
        }
    }

    /// Height per char (px) of the paragraphs laid out so far, or from the font when too little
    /// is laid out.
    fn height_per_char(&self, line_height: f32) -> f32 {
        let laid = self.paragraphs.last().map_or(0, |p| p.para.next_start().0);
        if laid >= FEW_CHARS {
            return self.height / laid as f32;
        }
        let chars_per_line = self.params.width / (self.params.font_size * AVERAGE_ADVANCE);
        line_height / chars_per_line.max(1.0)
    }

    /// Lays out the estimated paragraphs from `first` on, in order, while they are estimated
    /// and `more(paragraph, its top)` says so (`first` always), replacing their placeholders
    /// in one splice. The change in height goes to the estimates just below the run (`first`
    /// keeps its top), else to those just above it (the run moves, what follows stays), and
    /// what they cannot take moves every line below.
    pub(crate) fn lay_out_estimated(
        &mut self,
        first: usize,
        faces: &Faces<'_>,
        cache: &mut LayoutCache,
        mut more: impl FnMut(&Paragraph, f32) -> bool,
    ) {
        let Some(span) = self.paragraphs.get(first).filter(|s| s.estimated) else {
            return;
        };
        let first_line = span.first_line;
        let mut y = self.lines[first_line].top;
        let mut fresh = Vec::new();
        let mut index = first;
        while let Some(span) = self.paragraphs.get(index).filter(|s| s.estimated) {
            let para = span.para;
            if index > first && !more(&para, y) {
                break;
            }
            let start = fresh.len();
            let (height, filled) = self.lay_out_into(index, &para, y, faces, cache, &mut fresh);
            let span = &mut self.paragraphs[index];
            span.first_line = first_line + start;
            span.line_count = fresh.len() - start;
            span.filled = filled;
            span.estimated = false;
            if filled {
                self.note_filled(index);
            }
            y += height;
            index += 1;
        }
        let replaced = index - first;
        let old_bottom = self.lines[first_line + replaced - 1].bottom();
        let (grown, added) = (y - old_bottom, fresh.len());
        if added == replaced {
            // One line each (short paragraphs): put in place, nothing after them moves.
            for (line, new) in self.lines[first_line..first_line + added]
                .iter_mut()
                .zip(fresh)
            {
                *line = new;
            }
        } else {
            self.lines.splice(first_line..first_line + replaced, fresh);
            // Every paragraph has at least one line, so `added >= replaced`.
            for span in &mut self.paragraphs[index..] {
                span.first_line += added - replaced;
            }
        }
        // What the run grew by is taken up by the estimates next to it where there are any, so
        // that what lies beyond them (the text a view shows) stays where it is.
        let after = first_line + added;
        let (moved_from, rest) = if self.is_estimated_line(after) {
            self.absorb_below(after, grown)
        } else {
            (after, self.absorb_above(first, first_line..after, grown))
        };
        for line in &mut self.lines[moved_from..] {
            line.top += rest;
            line.baseline += rest;
        }
        self.height += rest;
        self.estimated -= replaced;
        while self
            .paragraphs
            .get(self.next_in_order)
            .is_some_and(|s| !s.estimated)
        {
            self.next_in_order += 1;
        }
        self.revision += 1;
    }

    /// True when line `line` is the placeholder of an estimated paragraph.
    fn is_estimated_line(&self, line: usize) -> bool {
        self.lines
            .get(line)
            .is_some_and(|l| self.paragraphs[l.paragraph].estimated)
    }

    /// What an estimate may give of its height, px: down to one line, or any growth.
    fn give(&self, line: usize, need: f32) -> f32 {
        let least = self.params.font_size * self.params.line_height;
        if need > 0.0 {
            need.min((self.lines[line].height - least).max(0.0))
        } else {
            need
        }
    }

    /// Moves the placeholders from line `start` on down by `grown` (px) and shrinks (or grows)
    /// them to take it up, as far as they can; returns the first line past those moved and
    /// what is left for every line from there.
    fn absorb_below(&mut self, start: usize, grown: f32) -> (usize, f32) {
        let (mut shift, mut line) = (grown, start);
        while shift != 0.0 && line - start < ABSORB_REACH && self.is_estimated_line(line) {
            let give = self.give(line, shift);
            let l = &mut self.lines[line];
            l.top += shift;
            l.baseline += shift;
            l.height -= give;
            shift -= give;
            line += 1;
        }
        (line, shift)
    }

    /// Shrinks (or grows) the placeholders just above paragraph `first` to take up what its run
    /// (lines `run`) grew by, moving the run up (or down) by as much; returns what is left.
    fn absorb_above(&mut self, first: usize, run: std::ops::Range<usize>, grown: f32) -> f32 {
        let mut need = grown;
        let mut top = first;
        while need != 0.0
            && first - top < ABSORB_REACH
            && top > 0
            && self.paragraphs[top - 1].estimated
        {
            top -= 1;
            need -= self.give(self.paragraphs[top].first_line, need);
        }
        if top == first {
            return grown;
        }
        // Each placeholder that gives moves everything below it up by as much.
        let mut moved = 0.0;
        for line in self.paragraphs[top].first_line..run.end {
            let give = if line < run.start {
                self.give(line, grown - moved)
            } else {
                0.0
            };
            let l = &mut self.lines[line];
            l.top -= moved;
            l.baseline -= moved;
            l.height -= give;
            moved += give;
        }
        grown - moved
    }

    /// Lays out every estimated paragraph overlapping `y_min..y_max` (px), out of order: the
    /// first of them keeps its top while estimates follow the band, so what a view shows from
    /// its top stays where it is.
    pub fn lay_out_y(&mut self, fonts: &FontSet, cache: &mut LayoutCache, y_min: f32, y_max: f32) {
        let faces = Faces::new(fonts);
        while let Some(first) = self.first_estimated_in(y_min, y_max) {
            self.lay_out_estimated(first, &faces, cache, |_, top| top < y_max);
        }
    }

    /// The first estimated paragraph overlapping `y_min..y_max` (px).
    fn first_estimated_in(&self, y_min: f32, y_max: f32) -> Option<usize> {
        self.lines_in(y_min, y_max)
            .map(|line| line.paragraph)
            .find(|&p| self.paragraphs[p].estimated)
    }

    /// Lays out the paragraph holding `offset` and whatever lies up to `above` px above it and
    /// `below` px below it, out of order (a search hit or an annotation far ahead).
    pub fn lay_out_near(
        &mut self,
        fonts: &FontSet,
        cache: &mut LayoutCache,
        offset: CharOffset,
        (above, below): (f32, f32),
    ) {
        let index = self.paragraph_of(offset);
        let faces = Faces::new(fonts);
        self.lay_out_estimated(index, &faces, cache, |_, _| false);
        let span = &self.paragraphs[index];
        let top = self.lines[span.first_line].top;
        let bottom = self.lines[span.first_line + span.line_count - 1].bottom();
        self.lay_out_y(fonts, cache, bottom, bottom + below);
        self.lay_out_y(fonts, cache, top - above, top);
    }

    /// Lays out the end of the text, at least `above` px of it, out of order (Ctrl+End).
    pub fn lay_out_end(&mut self, fonts: &FontSet, cache: &mut LayoutCache, above: f32) {
        let faces = Faces::new(fonts);
        loop {
            let (y_min, y_max) = (self.height - above, self.height);
            let Some(first) = self.first_estimated_in(y_min, y_max) else {
                break;
            };
            self.lay_out_estimated(first, &faces, cache, |_, _| true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offset::CharRange;
    use crate::text::test_texts::{narrow as params, sample_times};
    use crate::text::Cursor;

    /// The sample eight times: many paragraphs, some of several lines.
    fn long_text() -> String {
        sample_times(8)
    }

    /// Every line of `a` equals `b`'s: chars, glyphs, boxes, height, and place to a rounding
    /// error (lines laid out below an estimate were moved by a difference of floats).
    fn assert_same_lines(a: &TextLayout, b: &TextLayout) {
        assert_eq!(a.lines().count(), b.lines().count());
        for (x, y) in a.lines().zip(b.lines()) {
            let near = |p: f32, q: f32| (p - q).abs() < 0.01;
            let placed = near(x.top, y.top) && near(x.baseline, y.baseline);
            let at = |l: &LineLayout| LineLayout {
                top: 0.0,
                baseline: 0.0,
                ..l.clone()
            };
            assert!(placed, "line {} of paragraph {}", x.line, x.paragraph);
            assert_eq!(at(x), at(y), "line {} of paragraph {}", x.line, x.paragraph);
        }
        assert!((a.height() - b.height()).abs() < 0.01);
    }

    #[test]
    fn a_partial_layout_places_every_paragraph_and_estimates_the_height() {
        let text = long_text();
        let (fonts, mut cache) = (FontSet::embedded(), LayoutCache::default());
        let full = TextLayout::new(&text, &fonts, &params(), &mut cache);
        let part = TextLayout::new_until(&text, &fonts, &params(), &mut cache, 100.0);
        assert!(!part.is_complete());
        assert_eq!(part.paragraph_count(), full.paragraph_count());
        assert!(part.laid_out_chars() < text.chars().count() / 4);
        // Lines are sorted by top, one placeholder per estimated paragraph.
        let tops: Vec<f32> = part.lines().map(|l| l.top).collect();
        assert!(tops.windows(2).all(|w| w[0] < w[1]));
        let ratio = part.height() / full.height();
        assert!((0.7..1.3).contains(&ratio), "estimate off by {ratio}");
    }

    #[test]
    fn laying_out_from_the_top_or_out_of_order_ends_in_the_full_layout() {
        let text = long_text();
        let (fonts, mut cache) = (FontSet::embedded(), LayoutCache::default());
        let full = TextLayout::new(&text, &fonts, &params(), &mut cache);
        let chars = text.chars().count();

        let mut jumped = TextLayout::new_until(&text, &fonts, &params(), &mut cache, 50.0);
        jumped.lay_out_end(&fonts, &mut cache, 400.0);
        assert!(jumped.is_laid_out(CharOffset(chars)));
        assert!(!jumped.is_laid_out(CharOffset(chars / 2)));
        let middle = jumped.height() / 2.0;
        jumped.lay_out_y(&fonts, &mut cache, middle, middle + 300.0);
        jumped.lay_out_near(&fonts, &mut cache, CharOffset(chars / 3), (200.0, 200.0));
        assert!(jumped.is_laid_out(CharOffset(chars / 3)));
        let tops: Vec<f32> = jumped.lines().map(|l| l.top).collect();
        assert!(tops.windows(2).all(|w| w[0] < w[1]), "lines stay sorted");
        while !jumped.is_complete() {
            jumped.extend_for(&fonts, &mut cache, std::time::Duration::ZERO);
        }
        assert_same_lines(&jumped, &full);
        assert_eq!(jumped.laid_out_chars(), chars + 1);
    }

    #[test]
    fn text_laid_out_ahead_stays_put_while_estimates_remain_between_it_and_the_top() {
        let text = long_text();
        let (fonts, mut cache) = (FontSet::embedded(), LayoutCache::default());
        let mut layout = TextLayout::new_until(&text, &fonts, &params(), &mut cache, 0.0);
        let height = layout.height();
        layout.lay_out_end(&fonts, &mut cache, 400.0);
        // The end went where its estimate was: the whole text is as high as estimated.
        assert_eq!(layout.height(), height);
        let end = layout.text_end();
        let at_end = layout.caret_rect(end);
        let mut steps = 0;
        loop {
            let before = layout.caret_rect(end);
            layout.extend_for(&fonts, &mut cache, std::time::Duration::ZERO);
            steps += 1;
            let gap_left = (layout.next_in_order..layout.paragraph_count())
                .take_while(|&p| layout.paragraphs[p].estimated)
                .count();
            if gap_left == 0 {
                break;
            }
            assert_eq!(layout.caret_rect(end), at_end, "moved after {steps} steps");
            assert_eq!(before, at_end);
        }
        assert!(steps > 10, "laid out a paragraph at a time: {steps} steps");
    }

    #[test]
    fn a_band_laid_out_keeps_the_top_of_its_first_paragraph_and_covers_the_band() {
        let text = long_text();
        let (fonts, mut cache) = (FontSet::embedded(), LayoutCache::default());
        let mut layout = TextLayout::new_until(&text, &fonts, &params(), &mut cache, 0.0);
        let y = layout.height() * 0.6;
        let first = layout
            .lines_in(y, y + 1.0)
            .next()
            .cloned()
            .expect("a line at y");
        layout.lay_out_y(&fonts, &mut cache, y, y + 500.0);
        let same = layout.lines().find(|l| l.chars.start == first.chars.start);
        assert_eq!(same.map(|l| l.top), Some(first.top));
        assert!(layout
            .lines_in(y, y + 500.0)
            .all(|l| !layout.paragraphs[l.paragraph].estimated));
        // The band's glyphs are there: a caret inside it has a real x, not a placeholder's.
        let line = layout.lines_in(y, y + 500.0).find(|l| !l.runs.is_empty());
        assert!(line.is_some(), "glyphs in the band");
    }

    #[test]
    fn near_a_char_far_ahead_its_caret_sits_on_real_glyphs() {
        let text = long_text();
        let (fonts, mut cache) = (FontSet::embedded(), LayoutCache::default());
        let full = TextLayout::new(&text, &fonts, &params(), &mut cache);
        let mut layout = TextLayout::new_until(&text, &fonts, &params(), &mut cache, 0.0);
        let target = CharOffset(text.chars().count() * 3 / 4);
        layout.lay_out_near(&fonts, &mut cache, target, (300.0, 300.0));
        let (a, b) = (
            layout.caret_rect(Cursor::after(target)),
            full.caret_rect(Cursor::after(target)),
        );
        // Same x and height as in the full layout; only y may differ (estimates above).
        assert_eq!((a.min.x, a.height()), (b.min.x, b.height()));
        assert!(!layout
            .range_rects(CharRange::new(target, CharOffset(target.0 + 5)))
            .is_empty());
    }
}
