//! Splitting a text into paragraphs at LF, CR LF, CR and U+2029; offsets are chars and bytes into
//! the whole text, ranges half-open. An empty line is a paragraph too.

use crate::offset::{count_chars, ByteOffset, CharOffset, CharRange};

/// One paragraph of a text: its content (without the separator) and the separator after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's chars, without its separator.
    pub chars: CharRange,
    /// Byte offset of the first char.
    pub byte_start: ByteOffset,
    /// Byte offset one past the last char (before the separator).
    pub byte_end: ByteOffset,
    /// Number of separator chars after the paragraph (0 for the last paragraph and for a
    /// segment that continues, 2 for CR LF).
    pub separator_chars: usize,
    /// The paragraph goes on in the next one: a segment of a huge paragraph (see
    /// [`super::segments`]), laid out on its own.
    pub continues: bool,
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
    // Separators found with memchr and chars counted between them by bytes (a 10 MB file splits
    // in milliseconds): LF, CR and U+2029 (E2 80 A9), none of whose bytes occur inside another
    // char's encoding.
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start_char, mut start_byte) = (0usize, 0usize);
    let (mut char_idx, mut counted_to) = (0usize, 0usize);
    for b in memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes) {
        if b < counted_to {
            continue; // the LF of a CR LF
        }
        let (sep_chars, sep_bytes) = match bytes[b] {
            b'\r' if bytes.get(b + 1) == Some(&b'\n') => (2, 2),
            b'\n' | b'\r' => (1, 1),
            _ if bytes.get(b + 1..b + 3) == Some(&[0x80, 0xA9]) => (1, 3),
            _ => continue,
        };
        char_idx += count_chars(&bytes[counted_to..b]);
        out.push(Paragraph {
            chars: CharRange::from_indices(start_char, char_idx),
            byte_start: ByteOffset(start_byte),
            byte_end: ByteOffset(b),
            separator_chars: sep_chars,
            continues: false,
        });
        char_idx += sep_chars;
        start_char = char_idx;
        counted_to = b + sep_bytes;
        start_byte = counted_to;
    }
    char_idx += count_chars(&bytes[counted_to..]);
    out.push(Paragraph {
        chars: CharRange::from_indices(start_char, char_idx),
        byte_start: ByteOffset(start_byte),
        byte_end: ByteOffset(text.len()),
        separator_chars: 0,
        continues: false,
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
    fn the_byte_scan_agrees_with_a_char_by_char_split() {
        // Separators next to each other, at both ends, after E2 chars that are not U+2029
        // (quotes, a dash), after an RLM, and in Arabic with harakat.
        let text = "\r\n\u{2029}“قالَ”\r\r\n– x\u{200F}\u{2028}\n\u{2029}é😀\n";
        let mut expected = Vec::new();
        let (mut start, mut i) = (0usize, 0usize);
        let chars: Vec<char> = text.chars().collect();
        while i < chars.len() {
            let sep = match chars[i] {
                '\r' if chars.get(i + 1) == Some(&'\n') => 2,
                '\n' | '\r' | '\u{2029}' => 1,
                _ => 0,
            };
            if sep > 0 {
                expected.push((start, i, sep));
                start = i + sep;
                i += sep;
            } else {
                i += 1;
            }
        }
        expected.push((start, chars.len(), 0));
        let got: Vec<(usize, usize, usize)> = split_paragraphs(text)
            .iter()
            .map(|p| (p.chars.start.0, p.chars.end.0, p.separator_chars))
            .collect();
        assert_eq!(got, expected);
        for p in split_paragraphs(text) {
            let by_chars: String = chars[p.chars.start.0..p.chars.end.0].iter().collect();
            assert_eq!(p.text(text), by_chars);
        }
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
