//! Reading a text file for the window: UTF-8 only, with errors that say which file, what is wrong
//! and what to do. Offsets in messages are bytes into the file; lines count from 1.

use std::path::{Path, PathBuf};

/// The text of the bundled sample article, so the window opens with something from any folder.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/samples/news-ar-001.txt");

/// The display name of the bundled sample.
pub const SAMPLE_NAME: &str = "news-ar-001.txt (bundled sample)";

/// A decoded document as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedText {
    /// The file it came from; `None` for the bundled sample.
    pub path: Option<PathBuf>,
    /// A short name for the title and the status bar.
    pub name: String,
    /// The text, without a byte-order mark.
    pub text: String,
}

impl LoadedText {
    /// The bundled sample article.
    pub fn sample() -> Self {
        Self {
            path: None,
            name: SAMPLE_NAME.to_owned(),
            text: SAMPLE_TEXT.to_owned(),
        }
    }
}

/// Why a file cannot be shown.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    /// The file cannot be read at all.
    #[error("cannot read {path}: {reason}. Check that the file exists and that you may read it.")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The operating system's message.
        reason: String,
    },
    /// The file holds NUL bytes, so it is not a text file.
    #[error("{path} looks like a binary file (a NUL byte at byte {byte}, line {line}), not text. Open a plain .txt file.")]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL.
        byte: usize,
        /// Line (from 1) of the first NUL.
        line: usize,
    },
    /// The file is not valid UTF-8.
    #[error("{path} is not valid UTF-8 (first bad byte at byte {byte}, line {line}). Convert it to UTF-8 (e.g. `iconv -f CP1256 -t UTF-8`) and open it again.")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        byte: usize,
        /// Line (from 1) of the first invalid byte.
        line: usize,
    },
}

/// Reads `path` as UTF-8 text (a leading byte-order mark is dropped).
pub fn load_text_file(path: &Path) -> Result<LoadedText, LoadError> {
    let bytes = std::fs::read(path).map_err(|err| LoadError::Unreadable {
        path: path.to_owned(),
        reason: err.to_string(),
    })?;
    let text = decode_utf8(path, bytes)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok(LoadedText {
        path: Some(path.to_owned()),
        name,
        text,
    })
}

/// Decodes file bytes as UTF-8 text; `path` only names the file in errors.
pub fn decode_utf8(path: &Path, mut bytes: Vec<u8>) -> Result<String, LoadError> {
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(byte) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary {
            path: path.to_owned(),
            line: line_of(&bytes, byte),
            byte,
        });
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|err| {
        let byte = err.utf8_error().valid_up_to();
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line: line_of(err.as_bytes(), byte),
            byte,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_loses_the_bom() {
        let text = decode_utf8(Path::new("a.txt"), b"\xEF\xBB\xBFabc".to_vec()).unwrap();
        assert_eq!(text, "abc");
    }

    #[test]
    fn cp1256_arabic_is_refused_with_line_and_file() {
        // "سلام" in Windows-1256, on the second line.
        let err = decode_utf8(Path::new("old.txt"), b"ok\n\xD3\xE1\xC7\xE3".to_vec()).unwrap_err();
        assert_eq!(
            err,
            LoadError::NotUtf8 {
                path: PathBuf::from("old.txt"),
                byte: 3,
                line: 2
            }
        );
        let message = err.to_string();
        assert!(message.contains("old.txt") && message.contains("UTF-8"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode_utf8(Path::new("x.bin"), b"PK\x03\x04\x00".to_vec()).unwrap_err();
        assert!(matches!(
            err,
            LoadError::Binary {
                byte: 4,
                line: 1,
                ..
            }
        ));
    }

    #[test]
    fn missing_file_is_unreadable() {
        let err = load_text_file(Path::new("/nonexistent/hamish/a.txt")).unwrap_err();
        assert!(matches!(err, LoadError::Unreadable { .. }));
        assert!(err.to_string().contains("/nonexistent/hamish/a.txt"));
    }

    #[test]
    fn sample_is_arabic() {
        assert!(LoadedText::sample().text.contains("17 أوكتوبر"));
    }
}
