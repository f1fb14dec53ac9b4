//! Layout of a whole document: paragraphs stacked top to bottom (y from 0, px), each broken into
//! lines of visual runs of placed glyphs. Offsets are chars into the whole document's text.
//!
//! The layout keeps the text ([`TextLayout::text`], shared with whoever made it through
//! [`TextLayout::new_until_shared`]) so that queries (word boundaries, grapheme snapping) need
//! nothing else. A window may keep glyphs and grapheme boxes only for the paragraphs near its
//! view (see [`super::hollow`]); every line keeps its chars and place.

use super::cache::{LayoutCache, ParagraphKey};
use super::faces::Faces;
use super::fonts::{FontId, FontSet};
use super::paragraph_layout::{layout_paragraph, ParagraphLayout};
use super::paragraphs::{split_paragraphs, Paragraph};
use super::segments::segment_paragraphs;
use crate::offset::{CharOffset, CharRange};
use std::sync::Arc;

pub use super::bidi::BaseDirection;

/// Line height as a multiple of the font size, the same for the window, `hamish render` and
/// `hamish layout`: Naskh needs room for marks above and below.
pub const LINE_HEIGHT: f32 = 1.8;

/// How to lay out a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Font size in px.
    pub font_size: f32,
    /// Available line width in px.
    pub width: f32,
    /// Base direction of every paragraph.
    pub direction: BaseDirection,
    /// Line height as a multiple of the font size ([`LINE_HEIGHT`] everywhere Hamish draws).
    pub line_height: f32,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self {
            font_size: 24.0,
            width: 800.0,
            direction: BaseDirection::Auto,
            line_height: LINE_HEIGHT,
        }
    }
}

/// One placed glyph: 20 bytes, one per char or so of a laid-out text, so kept compact (the
/// cluster as a `u32`; a text is far below 4 G chars).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in its run's font.
    pub id: u16,
    /// First char of the cluster the glyph belongs to (see [`PlacedGlyph::cluster`]).
    cluster: u32,
    /// Left of the glyph's origin, px from the line's left edge (shaper offsets included).
    pub x: f32,
    /// Vertical offset from the baseline, px, down is positive.
    pub y_offset: f32,
    /// Horizontal advance, px.
    pub advance: f32,
}

impl PlacedGlyph {
    /// A glyph of `cluster` (offsets past `u32::MAX` are clamped to it).
    pub fn new(id: u16, cluster: CharOffset, x: f32, y_offset: f32, advance: f32) -> Self {
        Self {
            id,
            cluster: compact(cluster.0),
            x,
            y_offset,
            advance,
        }
    }

    /// First char of the cluster the glyph belongs to.
    pub fn cluster(&self) -> CharOffset {
        CharOffset(self.cluster as usize)
    }
}

/// A char offset as stored in the per-char structs, clamped to `u32::MAX`.
fn compact(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// A run of glyphs with one level and one font, as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct VisualRun {
    /// Bidi level (odd: right to left).
    pub level: u8,
    /// The font of every glyph.
    pub font: FontId,
    /// The chars of the run.
    pub chars: CharRange,
    /// Glyphs left to right as drawn.
    pub glyphs: Vec<PlacedGlyph>,
    /// Left edge of the run, px from the line's left edge.
    pub x: f32,
    /// Width of the run (sum of advances), px.
    pub width: f32,
}

/// The on-screen extent of one grapheme (or the part of a cluster it gets when a ligature covers
/// several graphemes), used for hit-testing and highlights. 16 bytes, one per grapheme of a
/// laid-out text: the chars as `u32`, the direction in the top bit of the end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphemeBox {
    start: u32,
    /// The end char, with [`RTL_BIT`] set for a right-to-left grapheme.
    end_rtl: u32,
    /// Left edge, px from the line's left edge.
    pub left: f32,
    /// Right edge, px from the line's left edge.
    pub right: f32,
}

/// The bit of [`GraphemeBox`]'s end that says right to left (offsets stay below 2 G chars).
const RTL_BIT: u32 = 1 << 31;

impl GraphemeBox {
    /// The box of `chars` from `left` to `right` (offsets clamped below 2 G chars).
    pub fn new(chars: CharRange, left: f32, right: f32, rtl: bool) -> Self {
        let end = compact(chars.end.0).min(RTL_BIT - 1);
        Self {
            start: compact(chars.start.0).min(end),
            end_rtl: end | if rtl { RTL_BIT } else { 0 },
            left,
            right,
        }
    }

    /// The chars of the grapheme.
    pub fn chars(&self) -> CharRange {
        CharRange::from_indices(self.start as usize, (self.end_rtl & !RTL_BIT) as usize)
    }

    /// The grapheme is in a right-to-left run (its logical start is its right edge).
    pub fn rtl(&self) -> bool {
        self.end_rtl & RTL_BIT != 0
    }

    /// Moves the chars by `by`, without decoding them (the layout's hot path).
    fn shift(&mut self, by: u32) {
        let end = (self.end_rtl & !RTL_BIT)
            .saturating_add(by)
            .min(RTL_BIT - 1);
        self.start = self.start.saturating_add(by).min(end);
        self.end_rtl = end | (self.end_rtl & RTL_BIT);
    }
}

/// One line as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct LineLayout {
    /// Index of the paragraph in the document (an empty line is a paragraph too).
    pub paragraph: usize,
    /// Index of the line within its paragraph.
    pub line: usize,
    /// The paragraph runs right to left.
    pub rtl: bool,
    /// The chars of the line (trailing spaces included, paragraph separator excluded).
    pub chars: CharRange,
    /// Top of the line, px from the document's top.
    pub top: f32,
    /// Baseline, px from the document's top.
    pub baseline: f32,
    /// Line height, px.
    pub height: f32,
    /// Runs left to right as drawn.
    pub runs: Vec<VisualRun>,
    /// Grapheme extents left to right as drawn.
    pub boxes: Vec<GraphemeBox>,
}

impl LineLayout {
    /// A copy with char offsets moved by `chars` and y moved by `dy` (paragraph → document).
    pub(crate) fn shifted(&self, chars: usize, dy: f32, paragraph: usize) -> LineLayout {
        let mut line = self.clone();
        line.shift(chars, dy, paragraph);
        line
    }

    /// Moves char offsets by `chars` and y by `dy` in place (paragraph → document).
    pub(crate) fn shift(&mut self, chars: usize, dy: f32, paragraph: usize) {
        let shift = |r: CharRange| CharRange::from_indices(r.start.0 + chars, r.end.0 + chars);
        let by = compact(chars);
        self.paragraph = paragraph;
        self.chars = shift(self.chars);
        self.top += dy;
        self.baseline += dy;
        for run in &mut self.runs {
            run.chars = shift(run.chars);
            for g in &mut run.glyphs {
                g.cluster = g.cluster.saturating_add(by);
            }
        }
        for b in &mut self.boxes {
            b.shift(by);
        }
    }

    /// A copy of the line without its runs and boxes, moved like [`LineLayout::shifted`].
    pub(crate) fn hollow_shifted(&self, chars: usize, dy: f32, paragraph: usize) -> LineLayout {
        let mut line = LineLayout {
            runs: Vec::new(),
            boxes: Vec::new(),
            ..*self
        };
        line.shift(chars, dy, paragraph);
        line
    }

    /// Bottom of the line, px from the document's top.
    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }
}

/// Where a paragraph sits in the document.
#[derive(Debug, Clone)]
pub(crate) struct ParagraphSpan {
    pub para: Paragraph,
    pub first_line: usize,
    pub line_count: usize,
    /// Its lines have their runs and grapheme boxes (else they are hollow: see
    /// [`super::hollow`]).
    pub filled: bool,
    /// Not laid out yet: one placeholder line of an estimated height stands for it (see
    /// [`super::estimate`]).
    pub estimated: bool,
}

/// The layout of a whole text, parts of which may still be estimated.
///
/// Every paragraph of the text has a place from the start, so the height, the scrollbar and the
/// y of any char are known at once: a paragraph not laid out yet is one hollow placeholder line
/// as high as its chars are expected to take ([`super::estimate`]). Paragraphs are laid out from
/// the top (a slice at a time) or out of order where a view jumps; the difference in height
/// goes to the estimates next to them first. Invariant the queries rely on: there is at least
/// one paragraph, every paragraph has at least one line, and lines are sorted by top.
#[derive(Debug, Clone)]
pub struct TextLayout {
    pub(crate) text: Arc<str>,
    pub(crate) params: LayoutParams,
    /// The generation of the font set laid out with (a refill with other fonts is refused).
    pub(crate) font_generation: u64,
    /// Which paragraphs keep their glyphs; `None`: all of them.
    pub(crate) filling: Option<super::hollow::Filling>,
    pub(crate) paragraphs: Vec<ParagraphSpan>,
    pub(crate) lines: Vec<LineLayout>,
    pub(crate) height: f32,
    /// How many paragraphs are still estimated.
    pub(crate) estimated: usize,
    /// The first estimated paragraph: every one before it is laid out (the length when none).
    pub(crate) next_in_order: usize,
    /// Bumped whenever lines are added or move (see [`TextLayout::revision`]).
    pub(crate) revision: u64,
    /// Some line has space set above it ([`TextLayout::set_space_above`]).
    pub(crate) spaced: bool,
    /// Chars in the text.
    char_count: usize,
}

impl TextLayout {
    /// Lays out `text` (paragraphs taken from the cache when unchanged).
    pub fn new(
        text: &str,
        fonts: &FontSet,
        params: &LayoutParams,
        cache: &mut LayoutCache,
    ) -> Self {
        Self::new_until(text, fonts, params, cache, f32::INFINITY)
    }

    /// Lays out only the paragraphs that start above `y_limit` (px), at least one, and gives
    /// the others estimated heights: enough to paint the first screen of a huge file at once.
    /// The rest follows from the top with [`TextLayout::extend_until`],
    /// [`TextLayout::extend_through`], [`TextLayout::extend_for`] or [`TextLayout::finish`], or
    /// out of order where a view jumps ([`TextLayout::lay_out_y`], [`TextLayout::lay_out_near`],
    /// [`TextLayout::lay_out_end`]); [`TextLayout::is_complete`] tells whether every paragraph
    /// is laid out.
    pub fn new_until(
        text: &str,
        fonts: &FontSet,
        params: &LayoutParams,
        cache: &mut LayoutCache,
        y_limit: f32,
    ) -> Self {
        Self::new_until_shared(Arc::from(text), fonts, params, cache, y_limit)
    }

    /// [`TextLayout::new_until`] of a text the caller shares with the layout instead of copying
    /// it (a window holding a huge text).
    pub fn new_until_shared(
        text: Arc<str>,
        fonts: &FontSet,
        params: &LayoutParams,
        cache: &mut LayoutCache,
        y_limit: f32,
    ) -> Self {
        let paragraphs = segment_paragraphs(&text, split_paragraphs(&text), params.direction);
        let char_count = paragraphs.last().map_or(0, |p| p.chars.end.0);
        let mut layout = Self {
            text,
            params: *params,
            font_generation: fonts.generation(),
            filling: None,
            paragraphs: Vec::with_capacity(paragraphs.len()),
            lines: Vec::new(),
            height: 0.0,
            estimated: 0,
            next_in_order: 0,
            revision: 0,
            spaced: false,
            char_count,
        };
        let faces = Faces::new(fonts);
        let mut rest = paragraphs.into_iter().peekable();
        let mut lines = Vec::new();
        while let Some(para) = rest.next_if(|_| layout.height < y_limit || lines.is_empty()) {
            let index = layout.paragraphs.len();
            let (first_line, y) = (lines.len(), layout.height);
            let (height, filled) = layout.lay_out_into(index, &para, y, &faces, cache, &mut lines);
            layout.push_span(para, first_line, lines.len() - first_line, filled);
            layout.height += height;
        }
        layout.lines = lines;
        layout.next_in_order = layout.paragraphs.len();
        layout.estimate_rest(rest);
        layout
    }

    /// Appends the span of a paragraph just laid out.
    fn push_span(&mut self, para: Paragraph, first_line: usize, line_count: usize, filled: bool) {
        let index = self.paragraphs.len();
        self.paragraphs.push(ParagraphSpan {
            para,
            first_line,
            line_count,
            filled,
            estimated: false,
        });
        if filled {
            self.note_filled(index);
        }
    }

    /// Lays out paragraph `index` (`para`) with its top at `y` (px), appending its lines to
    /// `out` in document coordinates; returns its height and whether it was stored filled
    /// (hollow when the layout keeps glyphs only near a view and it is not near).
    pub(crate) fn lay_out_into(
        &self,
        index: usize,
        para: &Paragraph,
        y: f32,
        faces: &Faces<'_>,
        cache: &mut LayoutCache,
        out: &mut Vec<LineLayout>,
    ) -> (f32, bool) {
        let laid = self.paragraph_layout(para, faces, cache);
        let start = para.chars.start.0;
        let filled = self.keeps_filled(para, y, y + laid.height);
        let height = laid.height;
        match (Arc::try_unwrap(laid), filled) {
            // Not kept by the cache: moved here, not copied.
            (Ok(owned), true) => out.extend(owned.lines.into_iter().map(|mut line| {
                line.shift(start, y, index);
                line
            })),
            (Ok(owned), false) => out.extend(
                owned
                    .lines
                    .iter()
                    .map(|line| line.hollow_shifted(start, y, index)),
            ),
            (Err(shared), true) => {
                out.extend(shared.lines.iter().map(|l| l.shifted(start, y, index)));
            }
            (Err(shared), false) => {
                out.extend(
                    shared
                        .lines
                        .iter()
                        .map(|l| l.hollow_shifted(start, y, index)),
                );
            }
        }
        (height, filled)
    }

    /// Lays out more paragraphs from the top until everything above `y` (px) is laid out or
    /// the text ends.
    pub fn extend_until(&mut self, fonts: &FontSet, cache: &mut LayoutCache, y: f32) {
        let faces = Faces::new(fonts);
        while self.next_top().is_some_and(|top| top < y) {
            self.lay_out_estimated(self.next_in_order, &faces, cache, |_, top| top < y);
        }
    }

    /// Lays out more paragraphs from the top until the one holding `offset` (and its
    /// separator) is laid out.
    pub fn extend_through(&mut self, fonts: &FontSet, cache: &mut LayoutCache, offset: CharOffset) {
        let faces = Faces::new(fonts);
        while self.laid_out_chars() <= offset.0 && self.next_top().is_some() {
            let more = |para: &Paragraph, _| para.chars.start <= offset;
            self.lay_out_estimated(self.next_in_order, &faces, cache, more);
        }
    }

    /// Lays out more paragraphs from the top for about `budget` of time (at least one while
    /// any is left), so a window can finish a huge text a slice per frame.
    pub fn extend_for(
        &mut self,
        fonts: &FontSet,
        cache: &mut LayoutCache,
        budget: std::time::Duration,
    ) {
        let faces = Faces::new(fonts);
        let start = std::time::Instant::now();
        let mut first = true;
        while self.next_top().is_some() && (first || start.elapsed() < budget) {
            first = false;
            let more = |_: &Paragraph, _| start.elapsed() < budget;
            self.lay_out_estimated(self.next_in_order, &faces, cache, more);
        }
    }

    /// Lays out every paragraph not laid out yet.
    pub fn finish(&mut self, fonts: &FontSet, cache: &mut LayoutCache) {
        self.extend_until(fonts, cache, f32::INFINITY);
    }

    /// The top (px) of the first paragraph not laid out yet, if any.
    fn next_top(&self) -> Option<f32> {
        let span = self.paragraphs.get(self.next_in_order)?;
        Some(self.lines[span.first_line].top)
    }

    /// Chars covered by the paragraphs laid out from the top without a gap (separators
    /// included): every offset below this is laid out (others may be too, out of order: see
    /// [`TextLayout::is_laid_out`]).
    pub fn laid_out_chars(&self) -> usize {
        match self.paragraphs.get(self.next_in_order) {
            Some(span) => span.para.chars.start.0,
            None => self.char_count + 1,
        }
    }

    /// True when the paragraph holding `offset` is laid out (not estimated).
    pub fn is_laid_out(&self, offset: CharOffset) -> bool {
        self.paragraphs
            .get(self.paragraph_of(offset))
            .is_some_and(|span| !span.estimated)
    }

    /// A number that changes whenever lines are laid out or move, so that what was planned on
    /// them (relation arcs) is planned again.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The layout of `para` (paragraph-relative), from the cache when it keeps paragraphs.
    pub(crate) fn paragraph_layout(
        &self,
        para: &Paragraph,
        faces: &Faces<'_>,
        cache: &mut LayoutCache,
    ) -> Arc<ParagraphLayout> {
        let params = &self.params;
        let para_text = para.text(&self.text);
        let key = ParagraphKey {
            text: para_text.to_string(),
            generation: faces.fonts().generation(),
            font_size_bits: params.font_size.to_bits(),
            width_bits: params.width.to_bits(),
            line_height_bits: params.line_height.to_bits(),
            direction: params.direction,
        };
        match cache.paragraph(&key) {
            Some(p) => p,
            None => {
                let p = Arc::new(layout_paragraph(para_text, faces, params, cache));
                cache.insert_paragraph(key, Arc::clone(&p));
                p
            }
        }
    }

    /// True when every paragraph of the text is laid out (always, unless made by
    /// [`TextLayout::new_until`] with a limit the text goes past).
    pub fn is_complete(&self) -> bool {
        self.estimated == 0
    }

    /// The text that was laid out.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The parameters used.
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    /// Total height, px: exact once complete, else with the paragraphs not laid out yet at
    /// their estimated heights (what a scrollbar shows meanwhile).
    pub fn height(&self) -> f32 {
        self.height
    }

    /// Number of paragraphs (estimated ones included).
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// Every line, top to bottom.
    pub fn lines(&self) -> impl Iterator<Item = &LineLayout> {
        self.lines.iter()
    }

    /// The lines that overlap `y_min..y_max` (px from the top), top to bottom.
    pub fn lines_in(&self, y_min: f32, y_max: f32) -> impl Iterator<Item = &LineLayout> {
        let first = self.lines.partition_point(|l| l.bottom() <= y_min);
        self.lines[first..]
            .iter()
            .take_while(move |l| l.top < y_max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_char_structs_stay_compact() {
        // A laid-out char costs about one glyph and one box: keep them small (issue 10).
        assert_eq!(std::mem::size_of::<PlacedGlyph>(), 20);
        assert_eq!(std::mem::size_of::<GraphemeBox>(), 16);
    }

    #[test]
    fn a_grapheme_box_keeps_its_chars_and_direction() {
        let chars = CharRange::from_indices(7, 9);
        let rtl = GraphemeBox::new(chars, 1.0, 2.0, true);
        let ltr = GraphemeBox::new(chars, 1.0, 2.0, false);
        assert_eq!((rtl.chars(), rtl.rtl()), (chars, true));
        assert_eq!((ltr.chars(), ltr.rtl()), (chars, false));
        let glyph = PlacedGlyph::new(3, CharOffset(70_000), 0.0, 0.0, 1.0);
        assert_eq!(glyph.cluster(), CharOffset(70_000));
    }
}
