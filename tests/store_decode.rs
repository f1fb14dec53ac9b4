//! Decoding text files: the same Arabic sentence in several encodings and line endings (samples made
//! by `scripts/make_encoding_samples.py` with Python's codecs, independent of `encoding_rs`), size and
//! binary refusals, and a property test that arbitrary bytes never panic.

use hamish::model::text_format::{LineEnding, TextEncoding};
use hamish::store::decode::{
    decode_bytes, load_text_file, load_text_file_with, DecodeError, LoadOptions,
};
use proptest::prelude::*;
use std::path::PathBuf;

const LINE1: &str = "قال الوزير، إن الاجتماع سيعقد يوم 17 أكتوبر.";
const LINE2: &str = "هل توافق؟";

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/encodings")
        .join(name)
}

/// Checks the text and the char offsets that annotations depend on: "17" at char 34, the second
/// line right after the line break (CR and LF each count as one char), and the total length.
fn assert_sentence(text: &str, eol: &str) {
    assert_eq!(text, format!("{LINE1}{eol}{LINE2}{eol}"));
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[34..36], ['1', '7']);
    let line2_start = 44 + eol.chars().count();
    assert_eq!(chars[line2_start], 'ه');
    assert_eq!(chars.len(), 44 + 9 + 2 * eol.chars().count());
}

#[test]
fn windows_1256_crlf_is_guessed_and_keeps_crlf() {
    let d = load_text_file(&sample("sentence.windows-1256.crlf.txt")).unwrap();
    assert_eq!(d.encoding, TextEncoding::Windows1256);
    assert!(d.guessed, "no BOM, not UTF-8: the encoding is a guess");
    assert_eq!(d.line_ending, LineEnding::CrLf);
    assert_eq!(d.replaced, 0);
    assert_sentence(&d.text, "\r\n");
}

#[test]
fn utf8_with_bom_drops_the_bom() {
    let d = load_text_file(&sample("sentence.utf8-bom.lf.txt")).unwrap();
    assert_eq!(d.encoding, TextEncoding::Utf8Bom);
    assert!(!d.guessed);
    assert_eq!(d.line_ending, LineEnding::Lf);
    assert!(!d.text.starts_with('\u{feff}'));
    assert_sentence(&d.text, "\n");
}

#[test]
fn utf16le_with_bom_and_cr_line_endings() {
    let d = load_text_file(&sample("sentence.utf16le.cr.txt")).unwrap();
    assert_eq!(d.encoding, TextEncoding::Utf16Le);
    assert_eq!(d.line_ending, LineEnding::Cr);
    assert_sentence(&d.text, "\r");
}

#[test]
fn utf16be_with_bom() {
    let d = load_text_file(&sample("sentence.utf16be.lf.txt")).unwrap();
    assert_eq!(d.encoding, TextEncoding::Utf16Be);
    assert_sentence(&d.text, "\n");
}

#[test]
fn iso_8859_6_with_override() {
    let options = LoadOptions {
        encoding: Some(TextEncoding::Iso8859_6),
        ..LoadOptions::default()
    };
    let d = load_text_file_with(&sample("sentence.iso-8859-6.lf.txt"), &options).unwrap();
    assert_eq!(d.encoding, TextEncoding::Iso8859_6);
    assert!(!d.guessed, "an explicit choice is not a guess");
    assert_eq!(d.replaced, 0);
    assert_sentence(&d.text, "\n");
}

#[test]
fn iso_8859_6_is_guessed_and_flagged() {
    // The two Arabic code pages share many bytes; chardetng tells them apart on this sample.
    let d = load_text_file(&sample("sentence.iso-8859-6.lf.txt")).unwrap();
    assert!(d.guessed);
    assert_eq!(d.encoding, TextEncoding::Iso8859_6);
    assert_sentence(&d.text, "\n");
}

#[test]
fn mixed_line_endings_are_kept_as_is() {
    let d = load_text_file(&sample("sentence.utf8.mixed.txt")).unwrap();
    assert_eq!(d.encoding, TextEncoding::Utf8);
    assert_eq!(d.line_ending, LineEnding::Mixed);
    assert_eq!(d.text, format!("{LINE1}\r\n{LINE2}\n"));
}

#[test]
fn override_utf8_on_windows_1256_bytes_is_refused_with_position() {
    let bytes = std::fs::read(sample("sentence.windows-1256.crlf.txt")).unwrap();
    let err = decode_bytes(&bytes, Some(TextEncoding::Utf8)).unwrap_err();
    assert!(
        matches!(
            err,
            DecodeError::InvalidUtf8 {
                byte: 0,
                line: 1,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn too_large_file_is_refused_naming_the_file() {
    let path = sample("sentence.utf8-bom.lf.txt");
    let options = LoadOptions {
        max_bytes: 10,
        ..LoadOptions::default()
    };
    let err = load_text_file_with(&path, &options).unwrap_err();
    assert!(
        matches!(
            err,
            DecodeError::TooLarge {
                size: 100,
                limit: 10,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("sentence.utf8-bom.lf.txt"));
}

#[test]
fn binary_file_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.png");
    std::fs::write(&path, [0x89, b'P', b'N', b'G', 0, 0, 0, 0x0D, 0xFF, 0xFE]).unwrap();
    let err = load_text_file(&path).unwrap_err();
    assert!(matches!(err, DecodeError::Binary { .. }), "{err}");
    assert!(err.to_string().contains("image.png"));
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let err = load_text_file(&sample("no-such-file.txt")).unwrap_err();
    assert!(matches!(err, DecodeError::Io { .. }));
    assert!(err.to_string().contains("no-such-file.txt"));
}

#[test]
fn latin_text_in_windows_1252_is_refused_as_unsupported() {
    // "café crème déjà" in Windows-1252: not UTF-8, not Arabic.
    let bytes = b"caf\xe9 cr\xe8me d\xe9j\xe0 vu, na\xefve fa\xe7ade, \xe0 la mode";
    let err = decode_bytes(bytes, None).unwrap_err();
    assert!(
        matches!(err, DecodeError::UnsupportedEncoding { .. }),
        "{err}"
    );
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512),
                                   choice in 0usize..7) {
        let over = TextEncoding::ALL.get(choice).copied();
        if let Ok(d) = decode_bytes(&bytes, over) {
            prop_assert!(!d.text.contains('\0'));
            if over.is_none() {
                let plain_utf8 = !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
                    && std::str::from_utf8(&bytes).is_ok();
                prop_assert_eq!(d.encoding == TextEncoding::Utf8, plain_utf8);
                prop_assert_eq!(d.guessed, !plain_utf8 && d.encoding.label().starts_with(['w', 'I']));
            }
        }
    }

    #[test]
    fn valid_utf8_round_trips_exactly(s in "\\PC{0,64}(\r\n|\r|\n)?\\PC{0,16}") {
        let d = decode_bytes(s.as_bytes(), None).unwrap();
        prop_assert_eq!(d.text, s);
        prop_assert_eq!(d.encoding, TextEncoding::Utf8);
    }
}
