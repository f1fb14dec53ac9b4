//! Line breaking of one paragraph: UAX #14 opportunities (`unicode-linebreak`) filled greedily in
//! logical order to the width; a word wider than the line breaks at grapheme boundaries. Indices
//! are chars relative to the paragraph; widths are px.

use std::ops::Range;
use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;

/// Splits a paragraph into lines (char ranges relative to the paragraph, covering it without gaps).
/// `advances[i]` is the width of char `i`. Trailing whitespace does not count against the width
/// (it hangs past the line's end). An empty paragraph gives one empty line. Linear in the
/// paragraph's length.
pub fn break_lines(text: &str, advances: &[f32], width: f32) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of_char.push(text.len());
    break_decoded_lines(text, &chars, &byte_of_char, advances, width)
}

/// [`break_lines`] for a paragraph already decoded: its `chars` and the byte where each starts
/// (plus one entry for the end), so it is not decoded again.
pub(crate) fn break_decoded_lines(
    text: &str,
    chars: &[char],
    byte_of_char: &[usize],
    advances: &[f32],
    width: f32,
) -> Vec<Range<usize>> {
    let n = advances.len();
    if n == 0 {
        return std::iter::once(0..0).collect();
    }
    let is_space = |i: usize| chars.get(i).is_some_and(|c| c.is_whitespace());
    // Opportunities come in increasing byte order, so one walk over the char starts maps them.
    let mut next_char = 0usize;
    let mut char_at = |byte: usize| -> usize {
        while next_char < n && byte_of_char.get(next_char).is_some_and(|&b| b < byte) {
            next_char += 1;
        }
        next_char
    };
    let mut lines = Vec::new();
    let mut line_start = 0usize;
    let mut line_width = 0f32;
    let mut seg_start = 0usize;
    let mut seg_start_byte = 0usize;
    for (byte, opportunity) in linebreaks(text) {
        let seg_end = char_at(byte);
        if seg_end <= seg_start {
            continue;
        }
        let mut content_end = seg_end;
        while content_end > seg_start && is_space(content_end - 1) {
            content_end -= 1;
        }
        let content: f32 = advances[seg_start..content_end].iter().sum();
        let total: f32 = advances[seg_start..seg_end].iter().sum();
        if line_start < seg_start && line_width + content > width {
            lines.push(line_start..seg_start);
            line_start = seg_start;
            line_width = 0.0;
        }
        if line_start == seg_start && content > width {
            // A word wider than the line: break it at grapheme boundaries.
            let word = &text[seg_start_byte..byte];
            let (start, used) =
                break_long_word(word, seg_start, content_end, advances, width, &mut lines);
            line_start = start;
            line_width = used + (total - content);
        } else {
            line_width += total;
        }
        seg_start = seg_end;
        seg_start_byte = byte;
        if opportunity == BreakOpportunity::Mandatory && seg_end < n {
            lines.push(line_start..seg_end);
            line_start = seg_end;
            line_width = 0.0;
        }
    }
    lines.push(line_start..n);
    lines
}

/// Breaks `word` (chars `seg_start..`, content up to `content_end`) at grapheme boundaries into
/// lines of at most `width`; returns the start and width of the last, unfinished line.
fn break_long_word(
    word: &str,
    seg_start: usize,
    content_end: usize,
    advances: &[f32],
    width: f32,
    lines: &mut Vec<Range<usize>>,
) -> (usize, f32) {
    let mut piece_start = seg_start;
    let mut piece_width = 0f32;
    let mut pos = seg_start;
    let boundaries = word
        .graphemes(true)
        .map(move |g| {
            pos += g.chars().count();
            pos
        })
        .take_while(|&c| c < content_end)
        .chain(std::iter::once(content_end));
    let mut prev = seg_start;
    for next in boundaries {
        let w: f32 = advances[prev..next].iter().sum();
        if piece_start < prev && piece_width + w > width {
            lines.push(piece_start..prev);
            piece_start = prev;
            piece_width = 0.0;
        }
        piece_width += w;
        prev = next;
    }
    (piece_start, piece_width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Vec<f32> {
        text.chars().map(|_| 1.0).collect()
    }

    #[test]
    fn fills_words_greedily_and_lets_spaces_hang() {
        let t = "aa bb cc";
        assert_eq!(break_lines(t, &unit(t), 5.0), [0..6, 6..8]);
        assert_eq!(break_lines(t, &unit(t), 2.0), [0..3, 3..6, 6..8]);
        assert_eq!(
            break_lines(t, &unit(t), 100.0),
            std::iter::once(0..8).collect::<Vec<_>>()
        );
    }

    #[test]
    fn long_words_break_at_graphemes() {
        let t = "abcdefg";
        assert_eq!(break_lines(t, &unit(t), 3.0), [0..3, 3..6, 6..7]);
        // A base with its mark is one grapheme: never split between them.
        let t = "بَبَبَ";
        let adv = [2.0, 0.0, 2.0, 0.0, 2.0, 0.0];
        assert_eq!(break_lines(t, &adv, 3.0), [0..2, 2..4, 4..6]);
    }

    #[test]
    fn empty_paragraph_is_one_empty_line() {
        assert_eq!(
            break_lines("", &[], 10.0),
            std::iter::once(0..0).collect::<Vec<_>>()
        );
    }
}
