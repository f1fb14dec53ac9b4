//! Layout of a whole document: paragraphs stacked top to bottom (y from 0, px), each broken into
//! lines of visual runs of placed glyphs. Offsets are chars into the whole document's text.
//!
//! The layout keeps its own copy of the text ([`TextLayout::text`]) so that queries (word
//! boundaries, grapheme snapping) need nothing else.

use super::cache::{LayoutCache, ParagraphKey};
use super::faces::Faces;
use super::fonts::{FontId, FontSet};
use super::paragraph_layout::layout_paragraph;
use super::paragraphs::{split_paragraphs, Paragraph};
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

/// One placed glyph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in its run's font.
    pub id: u16,
    /// First char of the cluster the glyph belongs to.
    pub cluster: CharOffset,
    /// Left of the glyph's origin, px from the line's left edge (shaper offsets included).
    pub x: f32,
    /// Vertical offset from the baseline, px, down is positive.
    pub y_offset: f32,
    /// Horizontal advance, px.
    pub advance: f32,
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
/// several graphemes), used for hit-testing and highlights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphemeBox {
    /// The chars of the grapheme.
    pub chars: CharRange,
    /// Left edge, px from the line's left edge.
    pub left: f32,
    /// Right edge, px from the line's left edge.
    pub right: f32,
    /// The grapheme is in a right-to-left run (its logical start is its right edge).
    pub rtl: bool,
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
        let shift = |r: CharRange| CharRange::from_indices(r.start.0 + chars, r.end.0 + chars);
        LineLayout {
            paragraph,
            line: self.line,
            rtl: self.rtl,
            chars: shift(self.chars),
            top: self.top + dy,
            baseline: self.baseline + dy,
            height: self.height,
            runs: self
                .runs
                .iter()
                .map(|r| VisualRun {
                    level: r.level,
                    font: r.font,
                    chars: shift(r.chars),
                    glyphs: r
                        .glyphs
                        .iter()
                        .map(|g| PlacedGlyph {
                            cluster: CharOffset(g.cluster.0 + chars),
                            ..*g
                        })
                        .collect(),
                    x: r.x,
                    width: r.width,
                })
                .collect(),
            boxes: self
                .boxes
                .iter()
                .map(|b| GraphemeBox {
                    chars: shift(b.chars),
                    ..*b
                })
                .collect(),
        }
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
}

/// The layout of a whole text, or of its first paragraphs while the rest is still to come.
///
/// Invariant the queries rely on: there is at least one laid-out paragraph, and every laid-out
/// paragraph has at least one line (an empty paragraph has one empty line). Paragraphs are laid
/// out in order from the top, so a partial layout is the whole layout cut after one paragraph;
/// queries past its last paragraph clamp to it.
#[derive(Debug, Clone)]
pub struct TextLayout {
    pub(crate) text: String,
    pub(crate) params: LayoutParams,
    pub(crate) paragraphs: Vec<ParagraphSpan>,
    pub(crate) lines: Vec<LineLayout>,
    pub(crate) height: f32,
    /// The paragraphs not laid out yet, in order; empty once the layout is complete.
    pending: std::collections::VecDeque<Paragraph>,
    /// Chars in the text (for estimating the height of what is not laid out yet).
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

    /// Lays out only the paragraphs that start above `y_limit` (px), at least one: enough to
    /// paint the first screen of a huge file at once. The rest follows with
    /// [`TextLayout::extend_until`], [`TextLayout::extend_through`], [`TextLayout::extend_for`]
    /// or [`TextLayout::finish`]; [`TextLayout::is_complete`] tells whether every paragraph is
    /// laid out.
    pub fn new_until(
        text: &str,
        fonts: &FontSet,
        params: &LayoutParams,
        cache: &mut LayoutCache,
        y_limit: f32,
    ) -> Self {
        let pending: std::collections::VecDeque<Paragraph> = split_paragraphs(text).into();
        let char_count = pending.back().map_or(0, |p| p.chars.end.0);
        let mut layout = Self {
            text: text.to_string(),
            params: *params,
            paragraphs: Vec::new(),
            lines: Vec::new(),
            height: 0.0,
            pending,
            char_count,
        };
        layout.lay_out_next(&Faces::new(fonts), cache);
        layout.extend_until(fonts, cache, y_limit);
        layout
    }

    /// Lays out more paragraphs until the laid-out part reaches `y` (px) or the text ends.
    pub fn extend_until(&mut self, fonts: &FontSet, cache: &mut LayoutCache, y: f32) {
        let faces = Faces::new(fonts);
        while self.height < y && self.lay_out_next(&faces, cache) {}
    }

    /// Lays out more paragraphs until the one holding `offset` (and its separator) is laid out.
    pub fn extend_through(&mut self, fonts: &FontSet, cache: &mut LayoutCache, offset: CharOffset) {
        let faces = Faces::new(fonts);
        while self.laid_out_chars() <= offset.0 && self.lay_out_next(&faces, cache) {}
    }

    /// Lays out more paragraphs for about `budget` of time (at least one while any is left), so
    /// a window can finish a huge text a slice per frame.
    pub fn extend_for(
        &mut self,
        fonts: &FontSet,
        cache: &mut LayoutCache,
        budget: std::time::Duration,
    ) {
        let faces = Faces::new(fonts);
        let start = std::time::Instant::now();
        while self.lay_out_next(&faces, cache) && start.elapsed() < budget {}
    }

    /// Lays out every paragraph not laid out yet.
    pub fn finish(&mut self, fonts: &FontSet, cache: &mut LayoutCache) {
        self.extend_until(fonts, cache, f32::INFINITY);
    }

    /// Chars covered by the laid-out paragraphs (separators included): every offset below this
    /// is laid out.
    pub fn laid_out_chars(&self) -> usize {
        match self.paragraphs.last() {
            _ if self.pending.is_empty() => self.char_count + 1,
            Some(last) => last.para.next_start().0,
            None => 0,
        }
    }

    /// The height the whole text will take, px: exact once complete, else the laid-out height
    /// plus the chars still to come at the laid-out part's height per char (what a scrollbar
    /// shows meanwhile).
    pub fn estimated_height(&self) -> f32 {
        let Some(last) = self.paragraphs.last().filter(|_| !self.pending.is_empty()) else {
            return self.height;
        };
        let laid = last.para.next_start().0.max(1) as f32;
        let rest = self.char_count.saturating_sub(last.para.next_start().0) as f32;
        self.height + rest * self.height / laid
    }

    /// Lays out the next pending paragraph below the others; false when none was left.
    fn lay_out_next(&mut self, faces: &Faces<'_>, cache: &mut LayoutCache) -> bool {
        let Some(para) = self.pending.pop_front() else {
            return false;
        };
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
        let laid = match cache.paragraph(&key) {
            Some(p) => p,
            None => {
                let p = Arc::new(layout_paragraph(para_text, faces, params, cache));
                cache.insert_paragraph(key, Arc::clone(&p));
                p
            }
        };
        let index = self.paragraphs.len();
        self.paragraphs.push(ParagraphSpan {
            para,
            first_line: self.lines.len(),
            line_count: laid.lines.len(),
        });
        let y = self.height;
        for line in &laid.lines {
            self.lines.push(line.shifted(para.chars.start.0, y, index));
        }
        self.height += laid.height;
        true
    }

    /// True when every paragraph of the text is laid out (always, unless made by
    /// [`TextLayout::new_until`] with a limit the text goes past).
    pub fn is_complete(&self) -> bool {
        self.pending.is_empty()
    }

    /// The text that was laid out.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The parameters used.
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    /// Total height, px.
    pub fn height(&self) -> f32 {
        self.height
    }

    /// Number of paragraphs.
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
