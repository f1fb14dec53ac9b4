//! Loading text files: encodings, BOMs, binary and size checks. Offsets are chars of the decoded
//! text; a byte-order mark is not text and line endings (LF, CR LF, CR) are kept exactly as stored.
//!
//! Policy for bad bytes (chosen so that offsets can never silently shift):
//! - A file that claims Unicode (a UTF-8 or UTF-16 BOM, or an explicit UTF-8/UTF-16 override) and
//!   holds malformed sequences is **refused**, naming the byte position and line; the user fixes the
//!   file or picks another encoding.
//! - A file decoded with a legacy code page (Windows-1256, ISO-8859-6) never fails: a byte the code
//!   page does not map becomes U+FFFD and [`DecodedText::replaced`] counts them, so the window can
//!   warn. Windows-1256 maps every byte; ISO-8859-6 leaves some unmapped.
//! - Without a BOM, valid UTF-8 is UTF-8; anything else is guessed with `chardetng`
//!   ([`DecodedText::guessed`] is then true) and only Arabic code pages are accepted.

use crate::model::text_format::{LineEnding, TextEncoding};
use crate::store::input::{read_input, InputError};
use encoding_rs::Encoding;
use std::fmt;
use std::path::{Path, PathBuf};

/// Default largest file [`load_text_file`] reads: 64 MiB, far above any article (the limit of
/// every input, [`crate::store::input::MAX_INPUT_BYTES`]).
pub const DEFAULT_MAX_BYTES: u64 = crate::store::input::MAX_INPUT_BYTES;

/// Share of control characters (other than tab, LF, CR, form feed) above which a text is binary.
const MAX_CONTROL_RATIO: f64 = 0.05;

/// A text decoded from a file, with what is needed to describe the file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// The text, without BOM, with line endings exactly as in the file.
    pub text: String,
    /// The encoding the bytes were decoded from.
    pub encoding: TextEncoding,
    /// The line-ending style found in the text.
    pub line_ending: LineEnding,
    /// True when the encoding was guessed by `chardetng` (no BOM, not UTF-8, no override); the
    /// window shows this and lets the user pick another encoding.
    pub guessed: bool,
    /// How many bytes a legacy code page could not map and were replaced by U+FFFD (0 for Unicode
    /// encodings, which are refused instead).
    pub replaced: usize,
}

/// Options for [`load_text_file_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<TextEncoding>,
    /// Refuse files larger than this many bytes.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            encoding: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Which file an error is about: a path, or bytes handed over in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source(pub Option<PathBuf>);

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(p) => write!(f, "{}", p.display()),
            None => f.write_str("text in memory"),
        }
    }
}

/// Why a text file could not be loaded. Each message names the file, the position, and what to do.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// The file could not be read at all.
    #[error("{source_file}: cannot read the file ({error}); check that it exists and that you may read it")]
    Io {
        /// The file.
        source_file: Source,
        /// The underlying error.
        #[source]
        error: std::io::Error,
    },
    /// The path is not a regular file (a FIFO, a device, a socket, a folder).
    #[error("{source_file}: is {kind}, not a regular file; open the text file itself")]
    NotAFile {
        /// The path.
        source_file: Source,
        /// What it is instead, e.g. "a named pipe (FIFO)".
        kind: &'static str,
    },
    /// The file is larger than the limit.
    #[error("{source_file}: the file is {size} bytes, more than the limit of {limit} bytes; split it into smaller files or raise the limit")]
    TooLarge {
        /// The file.
        source_file: Source,
        /// Its size in bytes (at least `limit + 1` when read from a stream).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file looks binary (NUL bytes or many control characters).
    #[error("{source_file}: this looks like a binary file, not text ({why}); open a plain-text file (.txt) instead")]
    Binary {
        /// The file.
        source_file: Source,
        /// What gave it away, with its position.
        why: String,
    },
    /// The file claims UTF-8 (BOM or override) but holds malformed bytes.
    #[error("{source_file}: invalid UTF-8 at byte {byte} (line {line}); re-save the file as UTF-8 or open it with another encoding")]
    InvalidUtf8 {
        /// The file.
        source_file: Source,
        /// Byte offset of the first malformed byte in the file.
        byte: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The file claims UTF-16 (BOM or override) but is malformed.
    #[error("{source_file}: invalid UTF-16 at byte {byte} ({why}); re-save the file as UTF-8 or open it with another encoding")]
    InvalidUtf16 {
        /// The file.
        source_file: Source,
        /// Byte offset of the problem in the file.
        byte: usize,
        /// What is wrong there.
        why: &'static str,
    },
    /// The bytes are not UTF-8 and the guess is not an Arabic code page Hamish reads.
    #[error("{source_file}: not UTF-8, and it looks like {guess}, which Hamish does not read; convert it (e.g. `iconv -f {guess} -t UTF-8`) or choose Windows-1256 / ISO-8859-6 explicitly")]
    UnsupportedEncoding {
        /// The file.
        source_file: Source,
        /// The encoding `chardetng` guessed.
        guess: &'static str,
    },
}

/// Loads and decodes a text file with default options (detect encoding, 64 MiB limit).
pub fn load_text_file(path: &Path) -> Result<DecodedText, DecodeError> {
    load_text_file_with(path, &LoadOptions::default())
}

/// Loads and decodes a text file with the given options, read by the one guarded reader
/// ([`crate::store::input`]: regular files only, size checked before and while reading).
pub fn load_text_file_with(path: &Path, options: &LoadOptions) -> Result<DecodedText, DecodeError> {
    let bytes = read_input(path, options.max_bytes).map_err(|err| {
        let source_file = Source(Some(path.to_path_buf()));
        match err {
            InputError::Io { source, .. } => DecodeError::Io {
                source_file,
                error: source,
            },
            InputError::NotAFile { kind, .. } => DecodeError::NotAFile { source_file, kind },
            InputError::TooLarge { size, limit, .. } => DecodeError::TooLarge {
                source_file,
                size,
                limit,
            },
        }
    })?;
    decode_file_bytes(path, &bytes, options.encoding)
}

/// Decodes the bytes of the file at `path` (already read); errors name the file.
pub fn decode_file_bytes(
    path: &Path,
    bytes: &[u8],
    encoding: Option<TextEncoding>,
) -> Result<DecodedText, DecodeError> {
    decode_with_source(bytes, encoding, Source(Some(path.to_path_buf())))
}

/// Decodes bytes already in memory; `encoding` overrides detection. Errors name "text in memory".
pub fn decode_bytes(
    bytes: &[u8],
    encoding: Option<TextEncoding>,
) -> Result<DecodedText, DecodeError> {
    decode_with_source(bytes, encoding, Source(None))
}

/// Decodes and checks `bytes`, naming `source` in errors.
fn decode_with_source(
    bytes: &[u8],
    encoding: Option<TextEncoding>,
    source: Source,
) -> Result<DecodedText, DecodeError> {
    let (text, encoding, guessed, replaced) = match encoding.or_else(|| bom_encoding(bytes)) {
        Some(enc) => {
            let (text, replaced) = decode_as(bytes, enc, &source)?;
            (text, enc, false, replaced)
        }
        None => detect_and_decode(bytes, &source)?,
    };
    check_not_binary(&text, &source)?;
    Ok(DecodedText {
        line_ending: LineEnding::detect(&text),
        text,
        encoding,
        guessed,
        replaced,
    })
}

/// The encoding a byte-order mark announces, if any.
fn bom_encoding(bytes: &[u8]) -> Option<TextEncoding> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(TextEncoding::Utf8Bom)
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(TextEncoding::Utf16Le)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// No BOM and no override: UTF-8 if valid, else a `chardetng` guess restricted to Arabic code pages.
fn detect_and_decode(
    bytes: &[u8],
    source: &Source,
) -> Result<(String, TextEncoding, bool, usize), DecodeError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), TextEncoding::Utf8, false, 0));
    }
    // A NUL in a file without a UTF-16 BOM is binary; check before guessing so the message is right.
    if let Some(pos) = memchr_nul(bytes) {
        return Err(binary_nul(source, pos));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let enc = if guess == encoding_rs::WINDOWS_1256 {
        TextEncoding::Windows1256
    } else if guess == encoding_rs::ISO_8859_6 {
        TextEncoding::Iso8859_6
    } else {
        return Err(DecodeError::UnsupportedEncoding {
            source_file: source.clone(),
            guess: guess.name(),
        });
    };
    let (text, replaced) = decode_as(bytes, enc, source)?;
    Ok((text, enc, true, replaced))
}

/// Decodes with a known encoding, stripping its BOM when present.
fn decode_as(
    bytes: &[u8],
    enc: TextEncoding,
    source: &Source,
) -> Result<(String, usize), DecodeError> {
    match enc {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => {
            let skip = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            decode_utf8(&bytes[skip..], skip, source).map(|t| (t, 0))
        }
        TextEncoding::Utf16Le => {
            let skip = if bytes.starts_with(&[0xFF, 0xFE]) {
                2
            } else {
                0
            };
            decode_utf16(&bytes[skip..], skip, u16::from_le_bytes, source).map(|t| (t, 0))
        }
        TextEncoding::Utf16Be => {
            let skip = if bytes.starts_with(&[0xFE, 0xFF]) {
                2
            } else {
                0
            };
            decode_utf16(&bytes[skip..], skip, u16::from_be_bytes, source).map(|t| (t, 0))
        }
        TextEncoding::Windows1256 => Ok(decode_single_byte(bytes, encoding_rs::WINDOWS_1256)),
        TextEncoding::Iso8859_6 => Ok(decode_single_byte(bytes, encoding_rs::ISO_8859_6)),
    }
}

/// Strict UTF-8; `base` is how many bytes were skipped before `bytes` (for positions).
fn decode_utf8(bytes: &[u8], base: usize, source: &Source) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            Err(DecodeError::InvalidUtf8 {
                source_file: source.clone(),
                byte: base + at,
                line: 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count(),
            })
        }
    }
}

/// Strict UTF-16 with the given byte order; `base` is the BOM length skipped.
fn decode_utf16(
    bytes: &[u8],
    base: usize,
    unit: fn([u8; 2]) -> u16,
    source: &Source,
) -> Result<String, DecodeError> {
    let bad = |byte, why| DecodeError::InvalidUtf16 {
        source_file: source.clone(),
        byte,
        why,
    };
    if !bytes.len().is_multiple_of(2) {
        return Err(bad(base + bytes.len() - 1, "odd number of bytes"));
    }
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len());
    let mut pos = 0usize; // in code units
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                pos += c.len_utf16();
            }
            Err(_) => return Err(bad(base + 2 * pos, "unpaired surrogate")),
        }
    }
    Ok(text)
}

/// Decodes a single-byte code page, counting bytes it does not map.
fn decode_single_byte(bytes: &[u8], enc: &'static Encoding) -> (String, usize) {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    // Single-byte: one char per byte, so U+FFFD chars are exactly the unmapped bytes.
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    (text.into_owned(), replaced)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn binary_nul(source: &Source, pos: usize) -> DecodeError {
    DecodeError::Binary {
        source_file: source.clone(),
        why: format!("NUL byte at position {pos}"),
    }
}

/// Refuses texts with NUL characters or too many control characters.
fn check_not_binary(text: &str, source: &Source) -> Result<(), DecodeError> {
    let (nul, controls, total) = control_counts(text);
    if let Some(i) = nul {
        return Err(DecodeError::Binary {
            source_file: source.clone(),
            why: format!("NUL character at char {i}"),
        });
    }
    if total > 0 && controls as f64 / total as f64 > MAX_CONTROL_RATIO {
        return Err(DecodeError::Binary {
            source_file: source.clone(),
            why: format!("{controls} control characters in {total}"),
        });
    }
    Ok(())
}

/// The char index of the first NUL (if any), the number of control chars other than tab, line
/// feed, carriage return, form feed and NEL, and the number of chars of `text`. Counted on the
/// UTF-8 bytes (a pass over chars took a quarter of a second on a 27 MB import): C0 controls and
/// DEL are single bytes, C1 controls are `C2 80`–`C2 9F`, and every char has one byte that is not
/// a continuation byte.
fn control_counts(text: &str) -> (Option<usize>, usize, usize) {
    let bytes = text.as_bytes();
    let chars_in = |b: &[u8]| b.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
    let nul = bytes
        .iter()
        .position(|&b| b == 0)
        .map(|at| chars_in(&bytes[..at]));
    let c0 = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    let c1 = bytes
        .windows(2)
        .filter(|w| w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]) && w[1] != 0x85)
        .count();
    (nul, c0 + c1, chars_in(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_counts_on_bytes_match_a_count_over_chars() {
        let by_chars = |text: &str| {
            let nul = text.chars().position(|c| c == '\0');
            let controls = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{85}'))
                .count();
            (nul, controls, text.chars().count())
        };
        // Every char of the first 2048 code points, then mixes with Arabic and astral chars.
        let all: String = (0u32..0x800).filter_map(char::from_u32).collect();
        let samples = [
            all.as_str(),
            "سلام\u{85}\u{9f}\u{80}\r\n\t\u{c}\u{7f}😀\u{1}",
            "قال\u{0}بعد",
            "",
        ];
        for text in samples {
            assert_eq!(control_counts(text), by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn utf8_bom_is_not_text() {
        let d = decode_bytes("\u{feff}سلام\r\n".as_bytes(), None).unwrap();
        assert_eq!(d.text, "سلام\r\n");
        assert_eq!(d.encoding, TextEncoding::Utf8Bom);
        assert_eq!(d.line_ending, LineEnding::CrLf);
        assert!(!d.guessed);
    }

    #[test]
    fn invalid_utf8_after_bom_is_refused_with_position() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("a\nb".as_bytes());
        bytes.push(0xFF);
        let err = decode_bytes(&bytes, None).unwrap_err();
        match err {
            DecodeError::InvalidUtf8 { byte, line, .. } => assert_eq!((byte, line), (6, 2)),
            other => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn utf16_odd_length_and_lone_surrogate_refused() {
        assert!(matches!(
            decode_bytes(&[0xFF, 0xFE, 0x41], None),
            Err(DecodeError::InvalidUtf16 { byte: 2, .. })
        ));
        // 'A' then a lone high surrogate D800.
        let lone = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8];
        assert!(matches!(
            decode_bytes(&lone, None),
            Err(DecodeError::InvalidUtf16 { byte: 4, .. })
        ));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode_bytes(b"abc\0def", None).unwrap_err();
        assert!(matches!(err, DecodeError::Binary { .. }), "{err}");
        assert!(err.to_string().contains("binary"));
    }

    #[test]
    fn many_control_chars_mean_binary() {
        let bytes: Vec<u8> = (0..100)
            .map(|i| if i % 5 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(matches!(
            decode_bytes(&bytes, None),
            Err(DecodeError::Binary { .. })
        ));
    }

    #[test]
    fn iso_8859_6_unmapped_bytes_are_counted() {
        // 0xA1 is unmapped in ISO-8859-6; 0xC7 is ALEF.
        let d = decode_bytes(&[0xC7, 0xA1], Some(TextEncoding::Iso8859_6)).unwrap();
        assert_eq!(d.text, "\u{627}\u{FFFD}");
        assert_eq!(d.replaced, 1);
    }
}
