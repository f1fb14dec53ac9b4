//! Layout of one paragraph: bidi, itemizing, shaping (through the cache), line breaking, visual
//! reordering per line, placement and grapheme boxes. Offsets are chars relative to the paragraph,
//! y is px from the paragraph's top; [`super::TextLayout`] shifts both into document space.

use super::bidi::{visual_order, ParagraphBidi};
use super::breaking::break_lines;
use super::cache::{LayoutCache, RunKey};
use super::faces::Faces;
use super::itemize::{itemize, Item};
use super::layout::{GraphemeBox, LayoutParams, LineLayout, PlacedGlyph, VisualRun};
use super::shape::{
    shape_by_words, shape_run_with_plan, ShapeRequest, ShapedGlyph, ShapedRun, CONTEXT_CHARS,
};
use crate::offset::{CharOffset, CharRange};
use std::ops::Range;
use std::sync::Arc;
use unicode_segmentation::UnicodeSegmentation;

/// A laid-out paragraph, in paragraph-relative offsets and y.
#[derive(Debug, Clone)]
pub struct ParagraphLayout {
    /// The paragraph runs right to left.
    pub rtl: bool,
    /// Its lines, top to bottom.
    pub lines: Vec<LineLayout>,
    /// Total height, px.
    pub height: f32,
}

/// Char ↔ byte positions of one paragraph.
struct ParaText<'t> {
    text: &'t str,
    byte_of_char: Vec<usize>,
}

impl<'t> ParaText<'t> {
    fn new(text: &'t str) -> Self {
        let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of_char.push(text.len());
        Self { text, byte_of_char }
    }

    fn len(&self) -> usize {
        self.byte_of_char.len() - 1
    }

    fn slice(&self, r: Range<usize>) -> &'t str {
        &self.text[self.byte_of_char[r.start]..self.byte_of_char[r.end]]
    }

    fn pre_context(&self, start: usize) -> &'t str {
        self.slice(start.saturating_sub(CONTEXT_CHARS)..start)
    }

    fn post_context(&self, end: usize) -> &'t str {
        self.slice(end..(end + CONTEXT_CHARS).min(self.len()))
    }
}

/// The shaping request for `chars` (paragraph-relative) of `item`.
fn request<'t>(
    para: &ParaText<'t>,
    chars: Range<usize>,
    item: &Item,
    rtl: bool,
) -> ShapeRequest<'t> {
    ShapeRequest {
        text: para.slice(chars.clone()),
        pre_context: para.pre_context(chars.start),
        post_context: para.post_context(chars.end),
        rtl,
        script: item.script,
    }
}

/// Shapes one request with the item's font, through the cache.
fn shape_cached(
    req: &ShapeRequest<'_>,
    item: &Item,
    faces: &Faces<'_>,
    cache: &mut LayoutCache,
) -> Arc<ShapedRun> {
    let key = RunKey {
        text: req.text,
        pre: req.pre_context,
        post: req.post_context,
        font: item.font,
        rtl: req.rtl,
        script: item.script,
        generation: faces.fonts().generation(),
    };
    cache.run(key, || match faces.face(item.font) {
        Some(face) => {
            let plan = faces.plan(item.font, req.rtl, item.script);
            shape_run_with_plan(face, plan.as_deref(), req)
        }
        None => ShapedRun::default(),
    })
}

/// True when the shaped item may be cut before char `k` (relative to the item) without reshaping.
fn safe_to_cut(run: &ShapedRun, k: usize, len: usize) -> bool {
    if k == 0 || k == len {
        return true;
    }
    let mut found = false;
    for g in run.glyphs.iter().filter(|g| g.cluster as usize == k) {
        if g.unsafe_to_break {
            return false;
        }
        found = true;
    }
    found
}

/// A piece of a line: part of one item at one (line-adjusted) level.
struct Piece {
    chars: Range<usize>,
    level: u8,
    item: usize,
}

/// Lays out one paragraph's text (no separators inside).
pub(crate) fn layout_paragraph(
    text: &str,
    faces: &Faces<'_>,
    params: &LayoutParams,
    cache: &mut LayoutCache,
) -> ParagraphLayout {
    let fonts = faces.fonts();
    let para = ParaText::new(text);
    let chars: Vec<char> = text.chars().collect();
    let bidi = ParagraphBidi::new(text, params.direction);
    let items = itemize(&chars, bidi.levels(), faces);
    let scale_of =
        |font| params.font_size / f32::from(fonts.metrics(font, 1.0).units_per_em.max(1));

    let shaped: Vec<ShapedRun> = items
        .iter()
        .map(|it| {
            let req = request(&para, it.chars.clone(), it, it.level % 2 == 1);
            shape_by_words(&req, |word| shape_cached(word, it, faces, cache))
        })
        .collect();
    let mut advances = vec![0f32; chars.len()];
    for (it, run) in items.iter().zip(&shaped) {
        let scale = scale_of(it.font);
        for g in &run.glyphs {
            if let Some(a) = advances.get_mut(it.chars.start + g.cluster as usize) {
                *a += g.x_advance as f32 * scale;
            }
        }
    }
    let is_boundary = grapheme_starts(text, chars.len());

    let metrics = fonts.metrics(fonts.primary(), params.font_size);
    let line_h = params.font_size * params.line_height;
    let baseline_in_line = (line_h - (metrics.ascent + metrics.descent)) * 0.5 + metrics.ascent;

    let mut lines = Vec::new();
    for (index, range) in break_lines(text, &advances, params.width)
        .into_iter()
        .enumerate()
    {
        let top = index as f32 * line_h;
        let levels = bidi.line_levels(range.clone());
        // Pieces: items cut to the line and split where rule L1 changed the level.
        let mut pieces: Vec<Piece> = Vec::new();
        for (ii, it) in items.iter().enumerate() {
            let start = it.chars.start.max(range.start);
            let end = it.chars.end.min(range.end);
            for c in start..end {
                let level = levels[c - range.start];
                match pieces.last_mut() {
                    Some(p) if p.item == ii && p.level == level && p.chars.end == c => {
                        p.chars.end = c + 1
                    }
                    _ => pieces.push(Piece {
                        chars: c..c + 1,
                        level,
                        item: ii,
                    }),
                }
            }
        }
        let order = visual_order(&pieces.iter().map(|p| p.level).collect::<Vec<_>>());
        let mut pen = 0f32;
        let mut runs = Vec::with_capacity(pieces.len());
        let mut boxes = Vec::new();
        for &pi in &order {
            let piece = &pieces[pi];
            let item = &items[piece.item];
            let rtl = piece.level % 2 == 1;
            let scale = scale_of(item.font);
            let whole = &shaped[piece.item];
            let item_len = item.chars.len();
            let rel = piece.chars.start - item.chars.start..piece.chars.end - item.chars.start;
            // Glyphs of the piece, with clusters relative to the piece start.
            let glyphs: Vec<ShapedGlyph> = if rel == (0..item_len) && piece.level == item.level {
                whole.glyphs.clone()
            } else if piece.level == item.level
                && safe_to_cut(whole, rel.start, item_len)
                && safe_to_cut(whole, rel.end, item_len)
            {
                whole
                    .glyphs
                    .iter()
                    .filter(|g| rel.contains(&(g.cluster as usize)))
                    .map(|g| ShapedGlyph {
                        cluster: g.cluster - rel.start as u32,
                        ..*g
                    })
                    .collect()
            } else {
                let req = request(&para, piece.chars.clone(), item, rtl);
                shape_by_words(&req, |word| shape_cached(word, item, faces, cache)).glyphs
            };
            let run_x = pen;
            let mut placed = Vec::with_capacity(glyphs.len());
            let mut pens = Vec::with_capacity(glyphs.len() + 1);
            for g in &glyphs {
                let advance = g.x_advance as f32 * scale;
                pens.push(pen);
                placed.push(PlacedGlyph {
                    id: g.id,
                    cluster: CharOffset(piece.chars.start + g.cluster as usize),
                    x: pen + g.x_offset as f32 * scale,
                    y_offset: -(g.y_offset as f32) * scale,
                    advance,
                });
                pen += advance;
            }
            pens.push(pen);
            push_boxes(&mut boxes, &glyphs, &pens, &piece.chars, rtl, &is_boundary);
            runs.push(VisualRun {
                level: piece.level,
                font: item.font,
                chars: CharRange::from_indices(piece.chars.start, piece.chars.end),
                glyphs: placed,
                x: run_x,
                width: pen - run_x,
            });
        }
        // Start alignment: RTL lines end at the right edge (trailing spaces hang off the left).
        if bidi.is_rtl() {
            let shift = params.width - pen;
            for run in &mut runs {
                run.x += shift;
                for g in &mut run.glyphs {
                    g.x += shift;
                }
            }
            for b in &mut boxes {
                b.left += shift;
                b.right += shift;
            }
        }
        lines.push(LineLayout {
            paragraph: 0,
            line: index,
            rtl: bidi.is_rtl(),
            chars: CharRange::from_indices(range.start, range.end),
            top,
            baseline: top + baseline_in_line,
            height: line_h,
            runs,
            boxes,
        });
    }
    let height = lines.len() as f32 * line_h;
    ParagraphLayout {
        rtl: bidi.is_rtl(),
        lines,
        height,
    }
}

/// `starts[i]` is true when a grapheme starts at char `i`; one extra entry (true) for the end.
pub(crate) fn grapheme_starts(text: &str, len: usize) -> Vec<bool> {
    let mut starts = vec![false; len + 1];
    let mut char_idx = 0usize;
    let mut byte_idx = 0usize;
    for g in text.graphemes(true) {
        starts[char_idx] = true;
        byte_idx += g.len();
        char_idx += g.chars().count();
    }
    debug_assert_eq!(byte_idx, text.len());
    starts[len] = true;
    starts
}

/// Adds the grapheme boxes of one run (glyphs left to right, `pens[i]` the pen x before glyph `i`,
/// `pens[n]` the end). A cluster covering several graphemes (a ligature) is split evenly; a cluster
/// with no advance (the alef of Naskh's lam-alef) joins the cluster logically before it, so every
/// grapheme gets a share of the ligature's width.
fn push_boxes(
    boxes: &mut Vec<GraphemeBox>,
    glyphs: &[ShapedGlyph],
    pens: &[f32],
    chars: &Range<usize>,
    rtl: bool,
    is_boundary: &[bool],
) {
    let mut clusters: Vec<usize> = glyphs.iter().map(|g| g.cluster as usize).collect();
    clusters.sort_unstable();
    clusters.dedup();
    let len = chars.len();
    // Groups of glyphs sharing a cluster: (first char, end char, left x, right x), visual order.
    let mut groups: Vec<(usize, usize, f32, f32)> = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        let cl = glyphs[i].cluster as usize;
        let mut j = i + 1;
        while j < glyphs.len() && glyphs[j].cluster as usize == cl {
            j += 1;
        }
        let next = clusters
            .get(clusters.partition_point(|&c| c <= cl))
            .copied()
            .unwrap_or(len)
            .min(len);
        groups.push((cl, next, pens[i], pens[j]));
        i = j;
    }
    if rtl {
        groups.reverse();
    }
    // Now in logical order: fold zero-width groups into their logical neighbour.
    let mut merged: Vec<(usize, usize, f32, f32)> = Vec::with_capacity(groups.len());
    for g in groups {
        match merged.last_mut() {
            Some(prev) if g.3 - g.2 < 1e-3 && prev.1 == g.0 => {
                prev.1 = g.1;
                prev.2 = prev.2.min(g.2);
                prev.3 = prev.3.max(g.3);
            }
            Some(prev) if prev.3 - prev.2 < 1e-3 && prev.1 == g.0 => {
                prev.1 = g.1;
                prev.2 = prev.2.min(g.2);
                prev.3 = prev.3.max(g.3);
            }
            _ => merged.push(g),
        }
    }
    let start = boxes.len();
    for (cl, next, x0, x1) in merged {
        // Split the group at grapheme starts inside it.
        let mut cuts = vec![cl];
        cuts.extend((cl + 1..next).filter(|&c| is_boundary[chars.start + c]));
        cuts.push(next);
        let w = (x1 - x0) / (cuts.len() - 1) as f32;
        for (k, pair) in cuts.windows(2).enumerate() {
            let k = k as f32;
            let (left, right) = if rtl {
                (x1 - (k + 1.0) * w, x1 - k * w)
            } else {
                (x0 + k * w, x0 + (k + 1.0) * w)
            };
            boxes.push(GraphemeBox {
                chars: CharRange::from_indices(chars.start + pair[0], chars.start + pair[1]),
                left,
                right,
                rtl,
            });
        }
    }
    if rtl {
        boxes[start..].reverse();
    }
}
