//! Layout of one paragraph: bidi, itemizing, shaping (through the cache), line breaking, visual
//! reordering per line, placement and grapheme boxes. Offsets are chars relative to the paragraph,
//! y is px from the paragraph's top; [`super::TextLayout`] shifts both into document space.

use super::bidi::{visual_order, ParagraphBidi};
use super::breaking::break_decoded_lines;
use super::cache::{LayoutCache, RunKey};
use super::faces::Faces;
pub(crate) use super::graphemes::grapheme_starts;
use super::itemize::{itemize, Item};
use super::layout::{GraphemeBox, LayoutParams, LineLayout, PlacedGlyph, VisualRun};
use super::shape::{
    shape_by_words, shape_run_with_plan, ShapeRequest, ShapedGlyph, ShapedRun, CONTEXT_CHARS,
};
use crate::offset::{CharOffset, CharRange};
use std::ops::Range;
use std::sync::Arc;

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
    /// The paragraph and its chars, decoded in one pass.
    fn new(text: &'t str) -> (Self, Vec<char>) {
        let mut byte_of_char = Vec::with_capacity(text.len() / 2 + 1);
        let mut chars = Vec::with_capacity(text.len() / 2 + 1);
        for (b, c) in text.char_indices() {
            byte_of_char.push(b);
            chars.push(c);
        }
        byte_of_char.push(text.len());
        (Self { text, byte_of_char }, chars)
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

/// An item's shaped glyphs, left to right, clusters relative to the item.
struct ShapedItem {
    glyphs: Vec<ShapedGlyph>,
    /// Shaped right to left (clusters then fall from left to right).
    rtl: bool,
    /// Clusters only grow in logical order (always, from HarfBuzz's default cluster level), so
    /// the glyphs of a char range are found by binary search.
    monotone: bool,
}

impl ShapedItem {
    fn new(run: ShapedRun, rtl: bool) -> Self {
        let monotone = run.glyphs.windows(2).all(|w| {
            if rtl {
                w[0].cluster >= w[1].cluster
            } else {
                w[0].cluster <= w[1].cluster
            }
        });
        Self {
            glyphs: run.glyphs,
            rtl,
            monotone,
        }
    }

    /// Indices of the glyphs whose cluster is in `a..b` (needs `monotone`).
    fn span(&self, a: usize, b: usize) -> Range<usize> {
        let (a, b) = (a as u32, b as u32);
        let g = &self.glyphs;
        if self.rtl {
            g.partition_point(|x| x.cluster >= b)..g.partition_point(|x| x.cluster >= a)
        } else {
            g.partition_point(|x| x.cluster < a)..g.partition_point(|x| x.cluster < b)
        }
    }

    /// True when the item may be cut before char `k` without reshaping.
    fn safe_to_cut(&self, k: usize, len: usize) -> bool {
        if k == 0 || k == len {
            return true;
        }
        let at_k: &[ShapedGlyph] = if self.monotone {
            &self.glyphs[self.span(k, k + 1)]
        } else {
            &self.glyphs
        };
        let mut found = false;
        for g in at_k.iter().filter(|g| g.cluster as usize == k) {
            if g.unsafe_to_break {
                return false;
            }
            found = true;
        }
        found
    }
}

/// Shapes one item: word by word through the cache when its font has no lookup reaching across
/// a space (see [`super::word_safety`]), as one run otherwise.
fn shape_item(
    req: &ShapeRequest<'_>,
    item: &Item,
    faces: &Faces<'_>,
    cache: &mut LayoutCache,
) -> ShapedRun {
    if cache.words_shape_alone(item.font, faces) {
        // The spaces between words come again and again with no context: the last ones' run
        // is reused (a cache hit without the lookup; the cache would give the same run).
        let mut last_spaces: Option<(usize, Arc<ShapedRun>)> = None;
        shape_by_words(req, |word| {
            let spaces = word.pre_context.is_empty()
                && word.post_context.is_empty()
                && word.text.bytes().all(|b| b == b' ');
            match &last_spaces {
                Some((len, run)) if spaces && *len == word.text.len() => {
                    cache.count_shape_hit();
                    Arc::clone(run)
                }
                _ => {
                    let run = shape_cached(word, item, faces, cache);
                    if spaces {
                        last_spaces = Some((word.text.len(), Arc::clone(&run)));
                    }
                    run
                }
            }
        })
    } else {
        (*shape_cached(req, item, faces, cache)).clone()
    }
}

/// A piece of a line: part of one item at one (line-adjusted) level.
struct Piece {
    chars: Range<usize>,
    level: u8,
    item: usize,
}

/// What every line of a paragraph needs: the paragraph's text, levels, items and their glyphs.
struct Prepared<'t, 'r, 'f> {
    para: ParaText<'t>,
    bidi: ParagraphBidi<'t>,
    items: Vec<Item>,
    shaped: Vec<ShapedItem>,
    is_boundary: Vec<bool>,
    faces: &'r Faces<'f>,
    /// px per font unit, by item.
    scales: Vec<f32>,
}

/// Lays out one paragraph's text (no separators inside).
pub(crate) fn layout_paragraph(
    text: &str,
    faces: &Faces<'_>,
    params: &LayoutParams,
    cache: &mut LayoutCache,
) -> ParagraphLayout {
    let fonts = faces.fonts();
    let (para, chars) = ParaText::new(text);
    let bidi = ParagraphBidi::new(text, params.direction);
    let items = itemize(&chars, bidi.levels(), faces);
    let scales: Vec<f32> = items
        .iter()
        .map(|it| params.font_size / f32::from(fonts.metrics(it.font, 1.0).units_per_em.max(1)))
        .collect();
    let shaped: Vec<ShapedItem> = items
        .iter()
        .map(|it| {
            let rtl = it.level % 2 == 1;
            let req = request(&para, it.chars.clone(), it, rtl);
            ShapedItem::new(shape_item(&req, it, faces, cache), rtl)
        })
        .collect();
    let mut advances = vec![0f32; chars.len()];
    for ((it, run), scale) in items.iter().zip(&shaped).zip(&scales) {
        for g in &run.glyphs {
            if let Some(a) = advances.get_mut(it.chars.start + g.cluster as usize) {
                *a += g.x_advance as f32 * scale;
            }
        }
    }
    let prepared = Prepared {
        is_boundary: grapheme_starts(text, chars.len()),
        para,
        bidi,
        items,
        shaped,
        faces,
        scales,
    };

    let metrics = fonts.metrics(fonts.primary(), params.font_size);
    let line_h = params.font_size * params.line_height;
    let baseline_in_line = (line_h - (metrics.ascent + metrics.descent)) * 0.5 + metrics.ascent;
    let mut scratch = BoxScratch::default();
    let breaks = break_decoded_lines(
        text,
        &chars,
        &prepared.para.byte_of_char,
        &advances,
        params.width,
    );
    let lines: Vec<LineLayout> = breaks
        .into_iter()
        .enumerate()
        .map(|(index, range)| {
            let top = index as f32 * line_h;
            let mut line = layout_line(&prepared, range, params, cache, &mut scratch);
            line.line = index;
            line.top = top;
            line.baseline = top + baseline_in_line;
            line.height = line_h;
            line
        })
        .collect();
    let height = lines.len() as f32 * line_h;
    ParagraphLayout {
        rtl: prepared.bidi.is_rtl(),
        lines,
        height,
    }
}

/// The pieces of the line `range`: items cut to the line and split where rule L1 changed the
/// level. Linear in the line's length (the first item is found by binary search).
fn line_pieces(items: &[Item], levels: &[u8], range: &Range<usize>) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let first = items.partition_point(|it| it.chars.end <= range.start);
    for (ii, it) in items.iter().enumerate().skip(first) {
        if it.chars.start >= range.end {
            break;
        }
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
    pieces
}

/// The pieces of the line `range` when every char has `level`: the items cut to the line.
fn uniform_pieces(items: &[Item], level: u8, range: &Range<usize>) -> Vec<Piece> {
    let first = items.partition_point(|it| it.chars.end <= range.start);
    items[first..]
        .iter()
        .enumerate()
        .take_while(|(_, it)| it.chars.start < range.end)
        .filter_map(|(k, it)| {
            let chars = it.chars.start.max(range.start)..it.chars.end.min(range.end);
            (!chars.is_empty()).then_some(Piece {
                chars,
                level,
                item: first + k,
            })
        })
        .collect()
}

/// Lays out one line (chars `range` of the paragraph); line index and y are set by the caller.
fn layout_line(
    p: &Prepared<'_, '_, '_>,
    range: Range<usize>,
    params: &LayoutParams,
    cache: &mut LayoutCache,
    scratch: &mut BoxScratch,
) -> LineLayout {
    let pieces = match p.bidi.uniform_level() {
        Some(level) => uniform_pieces(&p.items, level, &range),
        None => line_pieces(&p.items, &p.bidi.line_levels(range.clone()), &range),
    };
    let order = visual_order(&pieces.iter().map(|p| p.level).collect::<Vec<_>>());
    let mut pen = 0f32;
    let mut runs = Vec::with_capacity(pieces.len());
    let mut boxes = Vec::with_capacity(range.len());
    for &pi in &order {
        let piece = &pieces[pi];
        let item = &p.items[piece.item];
        let rtl = piece.level % 2 == 1;
        let whole = &p.shaped[piece.item];
        let item_len = item.chars.len();
        let rel = piece.chars.start - item.chars.start..piece.chars.end - item.chars.start;
        let cut_ok = piece.level == item.level
            && whole.safe_to_cut(rel.start, item_len)
            && whole.safe_to_cut(rel.end, item_len);
        // The piece's glyphs, and what to subtract from their clusters to make them relative to
        // the piece.
        let reshaped;
        let filtered;
        let (glyphs, shift): (&[ShapedGlyph], u32) = if cut_ok && whole.monotone {
            (
                &whole.glyphs[whole.span(rel.start, rel.end)],
                rel.start as u32,
            )
        } else if cut_ok {
            filtered = whole
                .glyphs
                .iter()
                .filter(|g| rel.contains(&(g.cluster as usize)))
                .copied()
                .collect::<Vec<_>>();
            (&filtered, rel.start as u32)
        } else {
            let req = request(&p.para, piece.chars.clone(), item, rtl);
            reshaped = shape_item(&req, item, p.faces, cache).glyphs;
            (&reshaped, 0)
        };
        let scale = p.scales[piece.item];
        let run_x = pen;
        let mut placed = Vec::with_capacity(glyphs.len());
        scratch.pens.clear();
        for g in glyphs {
            let advance = g.x_advance as f32 * scale;
            scratch.pens.push(pen);
            placed.push(PlacedGlyph::new(
                g.id,
                CharOffset(piece.chars.start + (g.cluster - shift) as usize),
                pen + g.x_offset as f32 * scale,
                -(g.y_offset as f32) * scale,
                advance,
            ));
            pen += advance;
        }
        scratch.pens.push(pen);
        let run = PieceGlyphs {
            glyphs,
            shift,
            chars: &piece.chars,
            rtl,
        };
        push_boxes(&mut boxes, &run, &p.is_boundary, scratch);
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
    if p.bidi.is_rtl() {
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
    LineLayout {
        paragraph: 0,
        line: 0,
        rtl: p.bidi.is_rtl(),
        chars: CharRange::from_indices(range.start, range.end),
        top: 0.0,
        baseline: 0.0,
        height: 0.0,
        runs,
        boxes,
    }
}

/// The glyphs of one piece as drawn, for [`push_boxes`].
struct PieceGlyphs<'a> {
    /// Left to right.
    glyphs: &'a [ShapedGlyph],
    /// Subtracted from each cluster to make it relative to the piece.
    shift: u32,
    /// The piece's chars (paragraph-relative).
    chars: &'a Range<usize>,
    rtl: bool,
}

/// Buffers reused from line to line.
#[derive(Default)]
struct BoxScratch {
    /// `pens[i]` is the pen x before glyph `i`; one more for the end.
    pens: Vec<f32>,
    /// Groups of glyphs sharing a cluster: (first char, end char, left x, right x).
    groups: Vec<(usize, usize, f32, f32)>,
    merged: Vec<(usize, usize, f32, f32)>,
    clusters: Vec<usize>,
}

/// Adds the grapheme boxes of one piece (`scratch.pens` holds its pens). A cluster covering
/// several graphemes (a ligature) is split evenly; a cluster with no advance (the alef of Naskh's
/// lam-alef) joins the cluster logically before it, so every grapheme gets a share of the
/// ligature's width.
fn push_boxes(
    boxes: &mut Vec<GraphemeBox>,
    run: &PieceGlyphs<'_>,
    is_boundary: &[bool],
    scratch: &mut BoxScratch,
) {
    let glyphs = run.glyphs;
    let cluster = |i: usize| (glyphs[i].cluster - run.shift) as usize;
    let len = run.chars.len();
    let BoxScratch {
        pens,
        groups,
        merged,
        clusters,
    } = scratch;
    // Groups in visual order, each with the next cluster in logical order as its end.
    groups.clear();
    let mut i = 0;
    while i < glyphs.len() {
        let cl = cluster(i);
        let mut j = i + 1;
        while j < glyphs.len() && cluster(j) == cl {
            j += 1;
        }
        groups.push((cl, len, pens[i], pens[j]));
        i = j;
    }
    let ordered = groups.windows(2).all(|w| {
        if run.rtl {
            w[0].0 > w[1].0
        } else {
            w[0].0 < w[1].0
        }
    });
    if ordered {
        // The next cluster is the neighbour group's.
        for k in 0..groups.len() {
            let next = if run.rtl {
                k.checked_sub(1).map(|n| groups[n].0)
            } else {
                groups.get(k + 1).map(|g| g.0)
            };
            groups[k].1 = next.unwrap_or(len).min(len);
        }
    } else {
        clusters.clear();
        clusters.extend((0..glyphs.len()).map(cluster));
        clusters.sort_unstable();
        clusters.dedup();
        for g in groups.iter_mut() {
            let at = clusters.partition_point(|&c| c <= g.0);
            g.1 = clusters.get(at).copied().unwrap_or(len).min(len);
        }
    }
    if run.rtl {
        groups.reverse();
    }
    // Now in logical order: fold zero-width groups into their logical neighbour.
    merged.clear();
    for &g in groups.iter() {
        match merged.last_mut() {
            Some(prev) if (g.3 - g.2 < 1e-3 || prev.3 - prev.2 < 1e-3) && prev.1 == g.0 => {
                prev.1 = g.1;
                prev.2 = prev.2.min(g.2);
                prev.3 = prev.3.max(g.3);
            }
            _ => merged.push(g),
        }
    }
    let start = boxes.len();
    let base = run.chars.start;
    for &(cl, next, x0, x1) in merged.iter() {
        // Split the group at grapheme starts inside it.
        let parts = 1 + (cl + 1..next).filter(|&c| is_boundary[base + c]).count();
        let w = (x1 - x0) / parts as f32;
        let mut from = cl;
        let ends = (cl + 1..next)
            .filter(|&c| is_boundary[base + c])
            .chain(std::iter::once(next));
        for (k, to) in ends.enumerate() {
            let k = k as f32;
            let (left, right) = if run.rtl {
                (x1 - (k + 1.0) * w, x1 - k * w)
            } else {
                (x0 + k * w, x0 + (k + 1.0) * w)
            };
            boxes.push(GraphemeBox::new(
                CharRange::from_indices(base + from, base + to),
                left,
                right,
                run.rtl,
            ));
            from = to;
        }
    }
    if run.rtl {
        boxes[start..].reverse();
    }
}
