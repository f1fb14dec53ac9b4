//! The original text file as decoded (never written): its path, text, encoding, line endings and
//! fingerprint.
//! Offsets into it are chars of the decoded text (CR and LF each count; a BOM is not text).

use crate::model::text_format::{LineEnding, TextEncoding};
use crate::offset::OffsetMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::path::PathBuf;

/// SHA-256 of the decoded text (its UTF-8 bytes), as 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(pub String);

impl Fingerprint {
    /// The fingerprint of `text`.
    pub fn of(text: &str) -> Self {
        let digest = Sha256::digest(text.as_bytes());
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push_str(&format!("{byte:02x}"));
        }
        Self(hex)
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A decoded text file. The text is never changed; annotations point into it.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Where the text file is (the sidecar sits next to it).
    pub path: PathBuf,
    /// The decoded text, line endings as in the file.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: TextEncoding,
    /// The line endings found in it.
    pub line_ending: LineEnding,
    /// SHA-256 of the text.
    pub fingerprint: Fingerprint,
    /// Length of the text in chars.
    pub char_len: usize,
}

impl SourceText {
    /// A document from already decoded text; computes line endings, fingerprint and length.
    pub fn new(path: impl Into<PathBuf>, text: String, encoding: TextEncoding) -> Self {
        Self {
            path: path.into(),
            line_ending: LineEnding::detect(&text),
            fingerprint: Fingerprint::of(&text),
            char_len: text.chars().count(),
            encoding,
            text,
        }
    }

    /// Char ↔ byte ↔ UTF-16 conversions over the text (for exports and the text engine).
    pub fn offset_map(&self) -> OffsetMap {
        OffsetMap::new(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_sha256_hex_and_counts_crlf_as_two_chars() {
        assert_eq!(
            Fingerprint::of("abc").0,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let doc = SourceText::new("a.txt", "قالَ\r\nنعم".to_owned(), TextEncoding::Utf8);
        assert_eq!(doc.char_len, 9);
        assert_eq!(doc.line_ending, LineEnding::CrLf);
        assert_ne!(doc.fingerprint, Fingerprint::of("قالَ\nنعم"));
    }
}
