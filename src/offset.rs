//! Offset newtypes shared by the text engine and the annotation model.
//!
//! Units: a [`CharOffset`] counts Unicode scalar values (Rust `char`s) from the start of the decoded
//! text exactly as it is in the file (CR and LF each count, a byte-order mark is not text).
//! [`ByteOffset`] counts UTF-8 bytes and [`Utf16Offset`] counts UTF-16 code units; they exist only at
//! boundaries (shaping, export). Ranges are half-open: `start..end`.

use serde::{Deserialize, Serialize};

/// An offset in chars (Unicode scalar values) into a text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CharOffset(pub usize);

/// An offset in UTF-8 bytes into a text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ByteOffset(pub usize);

/// An offset in UTF-16 code units into a text (what JavaScript-based tools count).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Utf16Offset(pub usize);

/// A half-open range of chars, `start..end`, with `start <= end`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct CharRange {
    /// First char in the range.
    pub start: CharOffset,
    /// One past the last char in the range.
    pub end: CharOffset,
}

impl CharOffset {
    /// The offset as a plain index.
    pub fn get(self) -> usize {
        self.0
    }
}

impl CharRange {
    /// A range from `start` to `end`; the two are swapped if given in reverse order.
    pub fn new(start: CharOffset, end: CharOffset) -> Self {
        if start <= end {
            Self { start, end }
        } else {
            Self {
                start: end,
                end: start,
            }
        }
    }

    /// A range from plain char indices.
    pub fn from_indices(start: usize, end: usize) -> Self {
        Self::new(CharOffset(start), CharOffset(end))
    }

    /// Number of chars in the range (0 for a reversed range read from a file, never a wrap).
    pub fn len(self) -> usize {
        self.end.0.saturating_sub(self.start.0)
    }

    /// True when the range holds no char.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `offset` is inside the range (`start <= offset < end`).
    pub fn contains(self, offset: CharOffset) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when the two ranges share at least one char.
    pub fn overlaps(self, other: CharRange) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// True when `byte` starts a char in UTF-8 (it is not a continuation byte).
pub fn is_char_start(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

/// Number of chars in UTF-8 `bytes` that hold whole chars (a loop the compiler vectorizes).
pub fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_char_start(b)).count()
}

/// Char → byte offsets over one text with little memory: the byte offset of every
/// [`CharCheckpoints::STEP`]th char (8 bytes per 256 chars instead of 8 per char), the rest
/// found by walking at most that many chars. For a view of a huge text, where
/// [`OffsetMap`] would take 16 bytes per char and most of a second to build.
#[derive(Debug, Clone, Default)]
pub struct CharCheckpoints {
    /// Byte offset of chars 0, STEP, 2 × STEP, ...
    bytes: Vec<usize>,
    /// Number of chars in the text.
    chars: usize,
}

impl CharCheckpoints {
    /// Chars between two checkpoints.
    pub const STEP: usize = 256;

    /// The checkpoints of `text` (O(n), chars counted 64 bytes at a time).
    pub fn new(text: &str) -> Self {
        const BLOCK: usize = 64; // fewer chars than STEP, so one checkpoint per block at most
        let mut bytes = Vec::with_capacity(text.len() / Self::STEP + 1);
        let (mut chars, mut next) = (0usize, 0usize);
        for (k, block) in text.as_bytes().chunks(BLOCK).enumerate() {
            let n = count_chars(block);
            if chars + n <= next {
                chars += n;
                continue;
            }
            for (j, &byte) in block.iter().enumerate() {
                if is_char_start(byte) {
                    if chars == next {
                        bytes.push(k * BLOCK + j);
                        next += Self::STEP;
                    }
                    chars += 1;
                }
            }
        }
        Self { bytes, chars }
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Byte offset of char `c` in `text` (the text these checkpoints were made for; the end
    /// is allowed), or `None` past the end.
    pub fn to_byte(&self, text: &str, c: CharOffset) -> Option<ByteOffset> {
        if c.0 > self.chars {
            return None;
        }
        if c.0 == self.chars {
            return Some(ByteOffset(text.len()));
        }
        let from = *self.bytes.get(c.0 / Self::STEP)?;
        let rest = text.get(from..)?;
        rest.char_indices()
            .nth(c.0 % Self::STEP)
            .map(|(b, _)| ByteOffset(from + b))
    }
}

/// Conversions between char offsets and the other units, over one text.
///
/// Built once per text (O(n)); each lookup is then O(1) for char → byte and char → UTF-16, and
/// O(log n) for the reverse.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// `byte_of_char[i]` is the byte offset of char `i`; one extra entry for the end.
    byte_of_char: Vec<usize>,
    /// `utf16_of_char[i]` is the UTF-16 offset of char `i`; one extra entry for the end.
    utf16_of_char: Vec<usize>,
}

impl OffsetMap {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut byte_of_char = Vec::with_capacity(text.len() + 1);
        let mut utf16_of_char = Vec::with_capacity(text.len() + 1);
        let mut u16 = 0;
        for (b, c) in text.char_indices() {
            byte_of_char.push(b);
            utf16_of_char.push(u16);
            u16 += c.len_utf16();
        }
        byte_of_char.push(text.len());
        utf16_of_char.push(u16);
        Self {
            byte_of_char,
            utf16_of_char,
        }
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        self.byte_of_char.len() - 1
    }

    /// Byte offset of a char offset, or `None` past the end.
    pub fn to_byte(&self, c: CharOffset) -> Option<ByteOffset> {
        self.byte_of_char.get(c.0).copied().map(ByteOffset)
    }

    /// UTF-16 offset of a char offset, or `None` past the end.
    pub fn to_utf16(&self, c: CharOffset) -> Option<Utf16Offset> {
        self.utf16_of_char.get(c.0).copied().map(Utf16Offset)
    }

    /// Char offset of a byte offset, or `None` if it is not on a char boundary.
    pub fn from_byte(&self, b: ByteOffset) -> Option<CharOffset> {
        self.byte_of_char.binary_search(&b.0).ok().map(CharOffset)
    }

    /// Char offset of a UTF-16 offset, or `None` if it splits a surrogate pair or is past the end.
    pub fn from_utf16(&self, u: Utf16Offset) -> Option<CharOffset> {
        self.utf16_of_char.binary_search(&u.0).ok().map(CharOffset)
    }
}
