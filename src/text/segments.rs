//! Segments of a huge paragraph: a paragraph of more than [`SEGMENT_CHARS`] chars (a file without
//! line breaks) is laid out, estimated and hollowed in segments of about that many chars, so a
//! window shows its first screen at once and keeps glyphs only near its view. A segment ends
//! where a line may break (after white space) and the next one starts with a strong char of the
//! paragraph's direction, outside any explicit embedding, isolate or bracket pair, so bidi
//! resolves the same in the segment as in the whole paragraph; its last line may end short of the
//! width (about one line in every few hundred). Offsets are chars and bytes into the whole text.

use super::bidi::{class_of, BaseDirection};
use super::paragraphs::Paragraph;
use crate::offset::{ByteOffset, CharRange};
use unicode_bidi::BidiClass;

/// Paragraphs longer than this (chars) are laid out in segments of about this length.
pub const SEGMENT_CHARS: usize = 16_384;

/// How far past [`SEGMENT_CHARS`] a segment may run looking for a clean place to end.
const SEARCH_CHARS: usize = 4_096;

/// `paragraphs` of `text` with every one longer than [`SEGMENT_CHARS`] cut into segments; a
/// segment but the last has no separator after it.
pub fn segment_paragraphs(
    text: &str,
    paragraphs: Vec<Paragraph>,
    direction: BaseDirection,
) -> Vec<Paragraph> {
    if paragraphs.iter().all(|p| p.chars.len() <= SEGMENT_CHARS) {
        return paragraphs;
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    for para in paragraphs {
        if para.chars.len() <= SEGMENT_CHARS {
            out.push(para);
        } else {
            segment(text, para, direction, &mut out);
        }
    }
    out
}

/// Cuts the huge paragraph `para` of `text` into segments, pushed onto `out`.
fn segment(text: &str, para: Paragraph, direction: BaseDirection, out: &mut Vec<Paragraph>) {
    let body = para.text(text);
    let Some(rtl) = paragraph_rtl(body, direction) else {
        out.push(para);
        return;
    };
    let mut cut = Cutter::default();
    let (mut start_char, mut start_byte) = (para.chars.start.0, para.byte_start.0);
    let mut since_start = 0usize;
    let mut prev_space = false;
    for (i, (b, c)) in body.char_indices().enumerate() {
        let class = class_of(c);
        let clean = prev_space && cut.is_outside() && is_strong_of(class, rtl);
        let due = since_start >= SEGMENT_CHARS;
        // Past the search window any place after white space will do (still outside embeddings).
        let late = since_start >= SEGMENT_CHARS + SEARCH_CHARS && prev_space && cut.depth == 0;
        if due && (clean || late) {
            let char_at = para.chars.start.0 + i;
            let byte_at = para.byte_start.0 + b;
            out.push(Paragraph {
                chars: CharRange::from_indices(start_char, char_at),
                byte_start: ByteOffset(start_byte),
                byte_end: ByteOffset(byte_at),
                separator_chars: 0,
                continues: true,
            });
            (start_char, start_byte, since_start) = (char_at, byte_at, 0);
        }
        cut.see(c, class);
        prev_space = matches!(class, BidiClass::WS | BidiClass::S);
        since_start += 1;
    }
    out.push(Paragraph {
        chars: CharRange::from_indices(start_char, para.chars.end.0),
        byte_start: ByteOffset(start_byte),
        ..para
    });
}

/// The paragraph's direction: given, or its first strong char's as `text::bidi` finds it
/// (`None`: no strong char, so no clean place to cut).
fn paragraph_rtl(body: &str, direction: BaseDirection) -> Option<bool> {
    let found = match unicode_bidi::get_base_direction(body) {
        unicode_bidi::Direction::Mixed => return None,
        found => found == unicode_bidi::Direction::Rtl,
    };
    Some(match direction {
        BaseDirection::Rtl => true,
        BaseDirection::Ltr => false,
        BaseDirection::Auto => found,
    })
}

/// True for a strong char of the paragraph's direction.
fn is_strong_of(class: BidiClass, rtl: bool) -> bool {
    match class {
        BidiClass::R | BidiClass::AL => rtl,
        BidiClass::L => !rtl,
        _ => false,
    }
}

/// Open explicit embeddings, overrides and isolates, and open brackets, so far.
#[derive(Debug, Default)]
struct Cutter {
    /// Explicit embeddings, overrides and isolates open.
    depth: usize,
    /// Brackets open (ASCII and guillemets), capped: a stray opener must not block every cut.
    brackets: usize,
}

impl Cutter {
    /// Outside any embedding and bracket pair.
    fn is_outside(&self) -> bool {
        self.depth == 0 && self.brackets == 0
    }

    fn see(&mut self, c: char, class: BidiClass) {
        match class {
            BidiClass::LRE | BidiClass::RLE | BidiClass::LRO | BidiClass::RLO => self.depth += 1,
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => self.depth += 1,
            BidiClass::PDF | BidiClass::PDI => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        match c {
            '(' | '[' | '{' | '«' => self.brackets = (self.brackets + 1).min(4),
            ')' | ']' | '}' | '»' => self.brackets = self.brackets.saturating_sub(1),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::bidi::ParagraphBidi;
    use crate::text::paragraphs::split_paragraphs;

    use crate::text::test_texts::SAMPLE;

    /// The sample's lines joined by spaces until `chars`, with Latin words, numbers with
    /// percent signs and brackets mixed in: one huge paragraph.
    fn huge_paragraph(chars: usize) -> String {
        let mut out = String::new();
        let mut k = 0;
        while out.chars().count() < chars {
            for line in SAMPLE.lines().filter(|l| !l.trim().is_empty()) {
                out.push_str(line);
                out.push_str(&format!(" (Reuters {k}) ارتفع {k}% ، "));
                k += 1;
            }
        }
        out
    }

    #[test]
    fn a_huge_paragraph_is_cut_after_white_space_before_a_strong_char_of_its_direction() {
        let text = format!("عنوان\n{}\nخاتمة", huge_paragraph(120_000));
        let paragraphs = split_paragraphs(&text);
        let cut = segment_paragraphs(&text, paragraphs.clone(), BaseDirection::Auto);
        assert!(cut.len() >= 2 + 120_000 / (SEGMENT_CHARS + SEARCH_CHARS));
        assert_eq!(cut.first(), paragraphs.first());
        assert_eq!(cut.last(), paragraphs.last());
        let chars: Vec<char> = text.chars().collect();
        for pair in cut.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert_eq!(a.next_start(), b.chars.start, "contiguous");
            if a.continues {
                assert_eq!((a.separator_chars, a.byte_end), (0, b.byte_start));
                assert!(a.chars.len() >= SEGMENT_CHARS);
                assert!(a.chars.len() <= SEGMENT_CHARS + SEARCH_CHARS + 1_000);
                let (before, first) = (chars[b.chars.start.0 - 1], chars[b.chars.start.0]);
                assert!(before.is_whitespace(), "{before:?}");
                assert!(
                    matches!(class_of(first), BidiClass::AL | BidiClass::R),
                    "{first:?}"
                );
            }
        }
        let rejoined: String = cut[1..cut.len() - 1]
            .iter()
            .map(|p| p.text(&text))
            .collect();
        assert_eq!(rejoined, paragraphs[1].text(&text));
        assert!(!cut[cut.len() - 2].continues && cut[cut.len() - 2].separator_chars == 1);
    }

    #[test]
    fn every_segment_resolves_its_bidi_levels_as_the_whole_paragraph_does() {
        let text = huge_paragraph(80_000);
        let whole = ParagraphBidi::new(&text, BaseDirection::Auto);
        let cut = segment_paragraphs(&text, split_paragraphs(&text), BaseDirection::Auto);
        assert!(cut.len() > 3);
        for seg in &cut {
            let own = ParagraphBidi::new(seg.text(&text), BaseDirection::Auto);
            let range = seg.chars.start.0..seg.chars.end.0;
            assert_eq!(
                own.levels(),
                &whole.levels()[range],
                "segment at {:?}",
                seg.chars
            );
        }
    }

    #[test]
    fn the_caret_crosses_a_segment_boundary_one_grapheme_at_a_time() {
        use crate::text::{Affinity, Cursor, FontSet, LayoutCache, LayoutParams, TextLayout};
        let text = huge_paragraph(40_000);
        let fonts = FontSet::embedded();
        let params = LayoutParams::default();
        let layout = TextLayout::new(&text, &fonts, &params, &mut LayoutCache::default());
        let cut = segment_paragraphs(&text, split_paragraphs(&text), BaseDirection::Auto);
        let boundary = cut[1].chars.start;
        // Back from the boundary: the space before it; forward from there: the boundary again.
        let back = layout.move_logical(Cursor::after(boundary), false);
        assert_eq!(back.offset.0, boundary.0 - 1);
        let forward = layout.move_logical(back, true);
        assert_eq!(forward.offset, boundary);
        // Before the boundary the caret ends the segment's last line; after it, it starts the
        // next segment's first line.
        let end_of_line = layout.line_of(boundary, Affinity::Before);
        let start_of_line = layout.line_of(boundary, Affinity::After);
        assert_eq!(start_of_line, end_of_line + 1);
        assert_eq!(layout.lines[start_of_line].chars.start, boundary);
        assert_eq!(layout.lines[end_of_line].chars.end, boundary);
    }

    #[test]
    fn no_cut_without_white_space_or_inside_an_embedding() {
        let word = "ب".repeat(3 * SEGMENT_CHARS);
        let embedded = format!("\u{202B}{}\u{202C}", huge_paragraph(3 * SEGMENT_CHARS));
        for text in [word, embedded] {
            let paragraphs = split_paragraphs(&text);
            let cut = segment_paragraphs(&text, paragraphs.clone(), BaseDirection::Auto);
            assert_eq!(cut, paragraphs);
        }
    }
}
