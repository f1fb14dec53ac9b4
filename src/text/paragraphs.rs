//! Splitting a text into paragraphs at LF, CR LF, CR and U+2029; offsets are chars and bytes into
//! the whole text, ranges half-open. An empty line is a paragraph too.

use crate::offset::{ByteOffset, CharOffset, CharRange};

/// One paragraph of a text: its content (without the separator) and the separator after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's chars, without its separator.
    pub chars: CharRange,
    /// Byte offset of the first char.
    pub byte_start: ByteOffset,
    /// Byte offset one past the last char (before the separator).
    pub byte_end: ByteOffset,
    /// Number of separator chars after the paragraph (0 for the last paragraph, 2 for CR LF).
    pub separator_chars: usize,
}

impl Paragraph {
    /// The paragraph's text within the whole `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start.0..self.byte_end.0]
    }

    /// Char offset one past the separator: where the next paragraph starts.
    pub fn next_start(&self) -> CharOffset {
        CharOffset(self.chars.end.0 + self.separator_chars)
    }
}

/// Splits `text` into paragraphs. There is always at least one (possibly empty) paragraph, and a
/// text ending with a separator ends with an empty paragraph.
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start_char = 0usize;
    let mut start_byte = 0usize;
    let mut char_idx = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        let sep = match c {
            '\n' | '\u{2029}' => 1,
            '\r' => {
                if matches!(iter.peek(), Some((_, '\n'))) {
                    iter.next();
                    2
                } else {
                    1
                }
            }
            _ => 0,
        };
        if sep > 0 {
            out.push(Paragraph {
                chars: CharRange::from_indices(start_char, char_idx),
                byte_start: ByteOffset(start_byte),
                byte_end: ByteOffset(b),
                separator_chars: sep,
            });
            char_idx += sep;
            start_char = char_idx;
            start_byte = b + c.len_utf8() + if sep == 2 { 1 } else { 0 };
        } else {
            char_idx += 1;
        }
    }
    out.push(Paragraph {
        chars: CharRange::from_indices(start_char, char_idx),
        byte_start: ByteOffset(start_byte),
        byte_end: ByteOffset(text.len()),
        separator_chars: 0,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<String> {
        split_paragraphs(t)
            .iter()
            .map(|p| p.text(t).to_string())
            .collect()
    }

    #[test]
    fn splits_at_every_separator_kind() {
        assert_eq!(texts("أ\nب\r\nج\rد\u{2029}ه"), ["أ", "ب", "ج", "د", "ه"]);
        assert_eq!(texts(""), [""]);
        assert_eq!(texts("a\n\nb\n"), ["a", "", "b", ""]);
    }

    #[test]
    fn char_offsets_count_both_chars_of_crlf() {
        let ps = split_paragraphs("ab\r\ncd");
        assert_eq!(ps[0].chars, CharRange::from_indices(0, 2));
        assert_eq!(ps[0].separator_chars, 2);
        assert_eq!(ps[1].chars, CharRange::from_indices(4, 6));
        assert_eq!(ps[0].next_start(), CharOffset(4));
    }
}
