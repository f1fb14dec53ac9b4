//! Offsets over real-world text: chars ↔ bytes ↔ UTF-16 round trips over Arabic with harakat,
//! emoji (astral, ZWJ sequences, skin tones) and CRLF; anchors and fingerprints count CR and LF.

use hamish::model::text_format::TextEncoding;
use hamish::model::SourceText;
use hamish::offset::{ByteOffset, CharOffset, OffsetMap, Utf16Offset};
use proptest::prelude::*;

/// Pieces texts are made of: Arabic letters, harakat, shadda, tatweel, emoji, CR/LF, bidi marks.
const PIECES: &[&str] = &[
    "ق",
    "ا",
    "ل",
    "َ",
    "ُ",
    "ِ",
    "ّ",
    "ْ",
    "ً",
    "ـ",
    "لا",
    "١٧",
    "17",
    " ",
    "،",
    "\r\n",
    "\n",
    "\r",
    "👍",
    "👍🏽",
    "👨‍👩‍👧",
    "😀",
    "\u{200f}",
    "\u{feff}",
    "a",
    "\"",
    "\\",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn char_byte_utf16_round_trip(text in text()) {
        let map = OffsetMap::new(&text);
        let chars: Vec<char> = text.chars().collect();
        prop_assert_eq!(map.char_len(), chars.len());
        for i in 0..=chars.len() {
            let c = CharOffset(i);
            let b = map.to_byte(c).unwrap();
            let u = map.to_utf16(c).unwrap();
            // Independent reference: count the units of the prefix.
            let prefix: String = chars[..i].iter().collect();
            prop_assert_eq!(b, ByteOffset(prefix.len()));
            prop_assert_eq!(u, Utf16Offset(prefix.encode_utf16().count()));
            prop_assert_eq!(map.from_byte(b), Some(c));
            prop_assert_eq!(map.from_utf16(u), Some(c));
        }
        prop_assert_eq!(map.to_byte(CharOffset(chars.len() + 1)), None);
        // Offsets inside a char (UTF-8 continuation bytes, low surrogates) map to nothing.
        for (i, ch) in chars.iter().enumerate() {
            let b = map.to_byte(CharOffset(i)).unwrap().0;
            for inner in 1..ch.len_utf8() {
                prop_assert_eq!(map.from_byte(ByteOffset(b + inner)), None);
            }
            if ch.len_utf16() == 2 {
                let u = map.to_utf16(CharOffset(i)).unwrap().0;
                prop_assert_eq!(map.from_utf16(Utf16Offset(u + 1)), None);
            }
        }
    }

    #[test]
    fn document_counts_every_char_including_cr_and_lf(text in text()) {
        let doc = SourceText::new("t.txt", text.clone(), TextEncoding::Utf8);
        prop_assert_eq!(doc.char_len, text.chars().count());
        let crs = text.chars().filter(|&c| c == '\r').count();
        let lfs = text.chars().filter(|&c| c == '\n').count();
        let without: String = text.chars().filter(|&c| c != '\r' && c != '\n').collect();
        prop_assert_eq!(doc.char_len, without.chars().count() + crs + lfs);
        prop_assert_eq!(doc.offset_map().char_len(), doc.char_len);
    }
}

#[test]
fn harakat_and_emoji_have_the_expected_sizes() {
    // قَ = 2 chars, 4 bytes, 2 UTF-16 units; 👍🏽 = 2 chars, 8 bytes, 4 units; CRLF = 2 of each.
    let map = OffsetMap::new("قَ👍🏽\r\n");
    assert_eq!(map.char_len(), 6);
    assert_eq!(map.to_byte(CharOffset(2)), Some(ByteOffset(4)));
    assert_eq!(map.to_utf16(CharOffset(4)), Some(Utf16Offset(6)));
    assert_eq!(map.to_byte(CharOffset(6)), Some(ByteOffset(14)));
    assert_eq!(map.to_utf16(CharOffset(6)), Some(Utf16Offset(8)));
}

#[test]
fn char_checkpoints_give_the_byte_of_every_char_like_the_full_map() {
    use hamish::offset::CharCheckpoints;
    // Arabic, Latin, an emoji and CR LF, long enough for several checkpoints.
    let text = "قالَ الوزير: hello 😀 ok\r\n".repeat(40);
    let full = OffsetMap::new(&text);
    let sparse = CharCheckpoints::new(&text);
    assert_eq!(sparse.char_len(), full.char_len());
    for c in 0..=full.char_len() + 2 {
        assert_eq!(
            sparse.to_byte(&text, CharOffset(c)),
            full.to_byte(CharOffset(c)),
            "char {c}"
        );
    }
    assert_eq!(
        CharCheckpoints::new("").to_byte("", CharOffset(0)),
        Some(ByteOffset(0))
    );
}
