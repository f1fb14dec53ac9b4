//! How a text file was stored on disk: its character encoding and line-ending style. The decoded
//! text keeps its line endings as they are; these values only describe and restore the file.

use serde::{Deserialize, Serialize};

/// True for the bidi controls (Unicode's `Bidi_Control` property: ALM, LRM, RLM, the
/// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069): invisible characters that
/// reorder the text around them, which reports, terminals and file names must show, not obey.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The character encoding a text file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (the mark is not part of the text).
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// Windows-1256 (Arabic code page).
    Windows1256,
    /// ISO-8859-6 (Latin/Arabic).
    Iso8859_6,
}

impl TextEncoding {
    /// Every supported encoding, for menus and validation.
    pub const ALL: [TextEncoding; 6] = [
        Self::Utf8,
        Self::Utf8Bom,
        Self::Utf16Le,
        Self::Utf16Be,
        Self::Windows1256,
        Self::Iso8859_6,
    ];

    /// The WHATWG label of the encoding, as `encoding_rs` names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 | Self::Utf8Bom => "UTF-8",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Windows1256 => "windows-1256",
            Self::Iso8859_6 => "ISO-8859-6",
        }
    }

    /// A short name for people (status bar, reports).
    pub fn display_name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 with BOM",
            Self::Utf16Le => "UTF-16 LE",
            Self::Utf16Be => "UTF-16 BE",
            Self::Windows1256 => "Windows-1256",
            Self::Iso8859_6 => "ISO-8859-6",
        }
    }
}

/// The line-ending style found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LineEnding {
    /// Only LF (`\n`).
    Lf,
    /// Only CR LF (`\r\n`).
    CrLf,
    /// Only CR (`\r`).
    Cr,
    /// More than one style.
    Mixed,
    /// No line break at all.
    None,
}

impl LineEnding {
    /// Detects the line-ending style of `text`.
    pub fn detect(text: &str) -> Self {
        // Counted on bytes (CR and LF are ASCII, never part of another char's UTF-8): a walk over
        // chars was a visible part of reading a large file. CR LF pairs cannot overlap.
        let bytes = text.as_bytes();
        let count = |x: u8| bytes.iter().filter(|&&b| b == x).count();
        let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
        let (lf, cr) = (count(b'\n') - crlf, count(b'\r') - crlf);
        match ((lf > 0) as u8 + (crlf > 0) as u8 + (cr > 0) as u8, lf, crlf) {
            (0, _, _) => Self::None,
            (1, l, _) if l > 0 => Self::Lf,
            (1, _, c) if c > 0 => Self::CrLf,
            (1, _, _) => Self::Cr,
            _ => Self::Mixed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_style() {
        assert_eq!(LineEnding::detect("a\nb\n"), LineEnding::Lf);
        assert_eq!(LineEnding::detect("a\r\nb\r\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::detect("a\rb"), LineEnding::Cr);
        assert_eq!(LineEnding::detect("a\r\nb\n"), LineEnding::Mixed);
        assert_eq!(LineEnding::detect("ab"), LineEnding::None);
    }
}
