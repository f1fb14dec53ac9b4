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

/// The layout of a whole text.
///
/// Invariant the queries rely on: there is at least one paragraph, and every paragraph has at
/// least one line (an empty paragraph has one empty line).
#[derive(Debug, Clone)]
pub struct TextLayout {
    pub(crate) text: String,
    pub(crate) params: LayoutParams,
    pub(crate) paragraphs: Vec<ParagraphSpan>,
    pub(crate) lines: Vec<LineLayout>,
    pub(crate) height: f32,
    complete: bool,
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

    /// Lays out only the paragraphs that start above `y_limit` (px): enough to paint the first
    /// screen of a huge file at once, then call [`TextLayout::new`] (the paragraphs laid out
    /// here come from the cache). Queries past the last laid-out paragraph clamp to it;
    /// [`TextLayout::is_complete`] tells whether every paragraph was laid out.
    pub fn new_until(
        text: &str,
        fonts: &FontSet,
        params: &LayoutParams,
        cache: &mut LayoutCache,
        y_limit: f32,
    ) -> Self {
        let faces = Faces::new(fonts);
        let all = split_paragraphs(text);
        let total = all.len();
        let mut paragraphs = Vec::new();
        let mut lines = Vec::new();
        let mut y = 0f32;
        for (index, para) in all.into_iter().enumerate() {
            if y >= y_limit {
                break;
            }
            let para_text = para.text(text);
            let key = ParagraphKey {
                text: para_text.to_string(),
                generation: fonts.generation(),
                font_size_bits: params.font_size.to_bits(),
                width_bits: params.width.to_bits(),
                line_height_bits: params.line_height.to_bits(),
                direction: params.direction,
            };
            let laid = match cache.paragraph(&key) {
                Some(p) => p,
                None => {
                    let p = Arc::new(layout_paragraph(para_text, &faces, params, cache));
                    cache.insert_paragraph(key, Arc::clone(&p));
                    p
                }
            };
            paragraphs.push(ParagraphSpan {
                para,
                first_line: lines.len(),
                line_count: laid.lines.len(),
            });
            for line in &laid.lines {
                lines.push(line.shifted(para.chars.start.0, y, index));
            }
            y += laid.height;
        }
        Self {
            text: text.to_string(),
            params: *params,
            complete: paragraphs.len() == total,
            paragraphs,
            lines,
            height: y,
        }
    }

    /// True when every paragraph of the text is laid out (always, unless made by
    /// [`TextLayout::new_until`] with a limit the text goes past).
    pub fn is_complete(&self) -> bool {
        self.complete
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
