//! The anchor quote of an annotation: its exact text with a short prefix and suffix, as in the W3C
//! Web Annotation `TextQuoteSelector`. Lengths are in chars.

use crate::offset::CharRange;
use serde::{Deserialize, Serialize};

/// How many chars of context a quote keeps on each side.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

/// The text an annotation covered when it was made, used to find it again if the text changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Quote {
    /// The exact text of the range.
    pub exact: String,
    /// Up to [`QUOTE_CONTEXT_CHARS`] chars before the range.
    pub prefix: String,
    /// Up to [`QUOTE_CONTEXT_CHARS`] chars after the range.
    pub suffix: String,
}

impl Quote {
    /// Captures the quote of `range` in `text`; a range past the end is clamped to the text, a
    /// reversed one is empty.
    pub fn capture(text: &str, range: CharRange) -> Self {
        let len = text.chars().count();
        let start = range.start.0.min(len);
        let end = range.end.0.min(len).max(start);
        let pre_start = start.saturating_sub(QUOTE_CONTEXT_CHARS);
        let post_end = (end + QUOTE_CONTEXT_CHARS).min(len);
        let slice = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>();
        Self {
            exact: slice(start, end),
            prefix: slice(pre_start, start),
            suffix: slice(end, post_end),
        }
    }

    /// [`Self::capture`] over the text's chars, for capturing many quotes: O(quote length)
    /// instead of a walk over the whole text each time.
    pub fn capture_from_chars(chars: &[char], range: CharRange) -> Self {
        let len = chars.len();
        let start = range.start.0.min(len);
        let end = range.end.0.min(len).max(start);
        let pre_start = start.saturating_sub(QUOTE_CONTEXT_CHARS);
        let post_end = (end + QUOTE_CONTEXT_CHARS).min(len);
        Self {
            exact: chars[start..end].iter().collect(),
            prefix: chars[pre_start..start].iter().collect(),
            suffix: chars[end..post_end].iter().collect(),
        }
    }
}

/// A text with the byte offset of every char, made once so that any number of quotes (or covered
/// texts) can be cut from it in O(quote length) each, instead of a walk over the whole text each.
#[derive(Debug, Clone)]
pub struct TextIndex<'t> {
    text: &'t str,
    /// Byte offset of each char, plus one for the end.
    byte_of_char: Vec<usize>,
}

impl<'t> TextIndex<'t> {
    /// Indexes `text` (O(n)).
    pub fn new(text: &'t str) -> Self {
        let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of_char.push(text.len());
        Self { text, byte_of_char }
    }

    /// The indexed text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        self.byte_of_char.len() - 1
    }

    /// Chars `start..end` of the text, both clamped to its end (empty when reversed).
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        let len = self.char_len();
        let (start, end) = (start.min(len), end.min(len));
        if start >= end {
            return "";
        }
        &self.text[self.byte_of_char[start]..self.byte_of_char[end]]
    }
}

impl Quote {
    /// [`Self::capture`] through a [`TextIndex`]: the same quote in O(quote length).
    pub fn capture_in(index: &TextIndex<'_>, range: CharRange) -> Self {
        let len = index.char_len();
        let start = range.start.0.min(len);
        let end = range.end.0.min(len).max(start);
        Self {
            exact: index.slice(start, end).to_owned(),
            prefix: index
                .slice(start.saturating_sub(QUOTE_CONTEXT_CHARS), start)
                .to_owned(),
            suffix: index
                .slice(end, (end + QUOTE_CONTEXT_CHARS).min(len))
                .to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capture_keeps_context_and_clamps() {
        let text = "قال الوزير إن 17 أكتوبر";
        let q = Quote::capture(text, CharRange::from_indices(4, 10));
        assert_eq!(q.exact, "الوزير");
        assert_eq!(q.prefix, "قال ");
        assert_eq!(q.suffix, " إن 17 أكتوبر");
        let past = Quote::capture(text, CharRange::from_indices(20, 99));
        assert_eq!(past.exact, "وبر");
        assert_eq!(past.suffix, "");
        let chars: Vec<char> = text.chars().collect();
        let index = TextIndex::new(text);
        for (a, b) in [
            (4, 10),
            (20, 99),
            (0, 0),
            (0, 23),
            (23, 23),
            (30, 40),
            (10, 4),
        ] {
            let r = CharRange::from_indices(a, b);
            assert_eq!(
                Quote::capture_from_chars(&chars, r),
                Quote::capture(text, r)
            );
            assert_eq!(Quote::capture_in(&index, r), Quote::capture(text, r));
        }
    }
}
