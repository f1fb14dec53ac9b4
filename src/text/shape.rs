//! Shaping one run with `rustybuzz`: glyph ids and positions in font units, in visual order (left
//! to right), each glyph with its cluster as a char index relative to the run's start.

use super::itemize::sticks_to_base;
use std::ops::Range;
use std::sync::Arc;
use unicode_script::Script;

/// Number of chars of paragraph context given to the shaper on each side of a run; HarfBuzz looks
/// at no more than this for joining.
pub const CONTEXT_CHARS: usize = 5;

/// One shaped glyph; units are the font's design units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapedGlyph {
    /// Glyph id in the font.
    pub id: u16,
    /// First char (index relative to the run start) of the cluster this glyph belongs to.
    pub cluster: u32,
    /// Horizontal advance.
    pub x_advance: i32,
    /// Horizontal offset from the pen position.
    pub x_offset: i32,
    /// Vertical offset from the baseline (up is positive, as in OpenType).
    pub y_offset: i32,
    /// The run may not be split before this glyph's cluster without reshaping.
    pub unsafe_to_break: bool,
}

/// A shaped run: glyphs left to right as drawn.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShapedRun {
    /// Glyphs left to right.
    pub glyphs: Vec<ShapedGlyph>,
}

/// What to shape: the run's text, its paragraph context and its direction and script.
#[derive(Debug, Clone, Copy)]
pub struct ShapeRequest<'a> {
    /// The run's text.
    pub text: &'a str,
    /// Up to [`CONTEXT_CHARS`] chars of the paragraph before the run.
    pub pre_context: &'a str,
    /// Up to [`CONTEXT_CHARS`] chars of the paragraph after the run.
    pub post_context: &'a str,
    /// Right to left (odd bidi level).
    pub rtl: bool,
    /// The run's script.
    pub script: Script,
}

/// The rustybuzz script for a `unicode-script` script (by ISO 15924 tag).
pub fn to_rustybuzz_script(script: Script) -> Option<rustybuzz::Script> {
    let tag = rustybuzz::ttf_parser::Tag::from_bytes_lossy(script.short_name().as_bytes());
    rustybuzz::Script::from_iso15924_tag(tag)
}

/// The language given to the shaper: Arabic for Arabic runs, none otherwise.
pub fn language_for(script: Script) -> Option<&'static str> {
    (script == Script::Arabic).then_some("ar")
}

/// A shaping plan for runs of one direction and script in `face` (making one is slow, so the
/// layout makes one per font, direction and script and reuses it); `None` when the script has no
/// OpenType tag, in which case runs are shaped without a stored plan.
pub fn make_plan(
    face: &rustybuzz::Face<'_>,
    rtl: bool,
    script: Script,
) -> Option<rustybuzz::ShapePlan> {
    let rb_script = to_rustybuzz_script(script)?;
    let language: Option<rustybuzz::Language> = language_for(script).and_then(|l| l.parse().ok());
    Some(rustybuzz::ShapePlan::new(
        face,
        direction(rtl),
        Some(rb_script),
        language.as_ref(),
        &[],
    ))
}

fn direction(rtl: bool) -> rustybuzz::Direction {
    if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    }
}

/// Shapes one run with `face`.
pub fn shape_run(face: &rustybuzz::Face<'_>, req: &ShapeRequest<'_>) -> ShapedRun {
    shape_run_with_plan(face, None, req)
}

/// Shapes one run with `face` and a plan from [`make_plan`] for the run's direction and script
/// (or none, to make one on the fly).
pub fn shape_run_with_plan(
    face: &rustybuzz::Face<'_>,
    plan: Option<&rustybuzz::ShapePlan>,
    req: &ShapeRequest<'_>,
) -> ShapedRun {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(req.text);
    buffer.set_pre_context(req.pre_context);
    buffer.set_post_context(req.post_context);
    buffer.set_direction(direction(req.rtl));
    if let Some(script) = to_rustybuzz_script(req.script) {
        buffer.set_script(script);
    }
    if let Some(lang) = language_for(req.script).and_then(|l| l.parse().ok()) {
        buffer.set_language(lang);
    }
    let out = match plan {
        Some(plan) => rustybuzz::shape_with_plan(face, plan, buffer),
        None => rustybuzz::shape(face, &[], buffer),
    };
    // rustybuzz clusters are byte offsets into the run text; turn them into char indices.
    let mut char_of_byte = vec![0u32; req.text.len() + 1];
    let mut count = 0u32;
    for (b, c) in req.text.char_indices() {
        for slot in &mut char_of_byte[b..b + c.len_utf8()] {
            *slot = count;
        }
        count += 1;
    }
    char_of_byte[req.text.len()] = count;
    let glyphs = out
        .glyph_infos()
        .iter()
        .zip(out.glyph_positions())
        .map(|(info, pos)| ShapedGlyph {
            // Glyph ids in OpenType are 16-bit; rustybuzz widens them to u32.
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            cluster: char_of_byte
                .get(info.cluster as usize)
                .copied()
                .unwrap_or(count),
            x_advance: pos.x_advance,
            x_offset: pos.x_offset,
            y_offset: pos.y_offset,
            unsafe_to_break: info.unsafe_to_break(),
        })
        .collect();
    ShapedRun { glyphs }
}

/// Splits a run into words and runs of spaces (U+0020), as byte ranges of `text`. A space never
/// joins, so shaping the pieces apart gives the same glyphs while letting repeated words be cached.
/// A mark or joiner right after a space is merged into the space's cluster by the shaper, so the
/// space and the word after it stay one piece.
pub fn word_segments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for_each_segment(text, |range, _| out.push(range));
    out
}

/// Calls `f` with the byte range and the char count of each piece of [`word_segments`], in order.
fn for_each_segment(text: &str, mut f: impl FnMut(Range<usize>, u32)) {
    let mut start = 0usize;
    let mut chars = 0u32;
    let mut prev_space: Option<bool> = None;
    for (b, c) in text.char_indices() {
        let mut space = c == ' ';
        if prev_space == Some(true) && sticks_to_base(c) {
            // Continue the spaces' piece, which from here on is a word.
            space = false;
            prev_space = Some(false);
        }
        if prev_space.is_some_and(|p| p != space) {
            f(start..b, chars);
            start = b;
            chars = 0;
        }
        chars += 1;
        prev_space = Some(space);
    }
    if !text.is_empty() {
        f(start..text.len(), chars);
    }
}

/// Shapes a run word by word with `shape_word` (given the run's context at the run's edges and
/// none next to a space) and puts the glyphs back together left to right, clusters relative to
/// the run. Cutting the run at a word start is then always safe.
pub fn shape_by_words(
    req: &ShapeRequest<'_>,
    mut shape_word: impl FnMut(&ShapeRequest<'_>) -> Arc<ShapedRun>,
) -> ShapedRun {
    // About one piece (a word or the spaces after it) per 5 bytes of Arabic.
    let mut shaped: Vec<(u32, Arc<ShapedRun>)> = Vec::with_capacity(req.text.len() / 5 + 1);
    let mut char_start = 0u32;
    let mut count = 0usize;
    for_each_segment(req.text, |range, chars| {
        let word = ShapeRequest {
            text: &req.text[range.clone()],
            pre_context: if range.start == 0 {
                req.pre_context
            } else {
                ""
            },
            post_context: if range.end == req.text.len() {
                req.post_context
            } else {
                ""
            },
            rtl: req.rtl,
            script: req.script,
        };
        let run = shape_word(&word);
        count += run.glyphs.len();
        shaped.push((char_start, run));
        char_start += chars;
    });
    if let [(_, only)] = shaped.as_slice() {
        return ShapedRun::clone(only);
    }
    if req.rtl {
        shaped.reverse();
    }
    let mut glyphs = Vec::with_capacity(count);
    for (start, run) in &shaped {
        glyphs.extend(run.glyphs.iter().map(|g| ShapedGlyph {
            cluster: g.cluster + start,
            unsafe_to_break: g.unsafe_to_break && g.cluster != 0,
            ..*g
        }));
    }
    ShapedRun { glyphs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::faces::Faces;
    use crate::text::fonts::FontSet;

    #[test]
    fn lam_alef_ligature_gives_alef_no_advance() {
        let set = FontSet::embedded();
        let faces = Faces::new(&set);
        let face = faces.face(set.primary()).expect("embedded font parses");
        let run = shape_run(
            face,
            &ShapeRequest {
                text: "لا",
                pre_context: "",
                post_context: "",
                rtl: true,
                script: Script::Arabic,
            },
        );
        // Noto Naskh draws lam-alef as one wide glyph for lam plus a zero-advance glyph for alef
        // (same as `hb-shape`), so hit-testing must share the width between the two graphemes.
        let clusters: Vec<u32> = run.glyphs.iter().map(|g| g.cluster).collect();
        assert_eq!(clusters, [1, 0]);
        assert_eq!(run.glyphs[0].x_advance, 0);
        assert!(run.glyphs[1].x_advance > 0);
    }

    #[test]
    fn words_and_spaces_are_separate_segments() {
        let t = "قال  BBC x";
        let segs: Vec<&str> = word_segments(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(segs, ["قال", "  ", "BBC", " ", "x"]);
        assert!(word_segments("").is_empty());
        // A joiner after a space belongs with the space (the shaper merges their clusters).
        let t = "ب \u{200D}ع ت";
        let segs: Vec<&str> = word_segments(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(segs, ["ب", " \u{200D}ع", " ", "ت"]);
    }

    #[test]
    fn rtl_glyphs_come_left_to_right() {
        let set = FontSet::embedded();
        let faces = Faces::new(&set);
        let face = faces.face(set.primary()).expect("embedded font parses");
        let run = shape_run(
            face,
            &ShapeRequest {
                text: "باب",
                pre_context: "",
                post_context: "",
                rtl: true,
                script: Script::Arabic,
            },
        );
        let clusters: Vec<u32> = run.glyphs.iter().map(|g| g.cluster).collect();
        assert_eq!(clusters, [2, 1, 0]);
    }
}
