//! Rules W1–I2 of UAX #9 for the commonest mixed paragraph of Arabic prose: a right-to-left
//! paragraph of right-to-left letters, numbers and neutrals, with no left-to-right letter and no
//! control. With nothing left to right, every neutral resolves to right to left (rules N1, N2), so
//! a char ends at level 2 when it resolves to a number and at 1 otherwise. `unicode-bidi` gives the
//! same levels (tested against it and the conformance subset) at several times the cost, because
//! it works per byte and for every case. Indices are chars of one paragraph.

use unicode_bidi::BidiClass::{self, AL, AN, CS, EN, ES, ET, NSM, ON, R, WS};

use super::class_of;

/// The bidi class of each char of `text` when the paragraph is one this module resolves: only
/// R, AL, NSM, WS, ON and the number classes (EN, AN, ES, CS, ET), at least one number. `None`
/// for any other paragraph.
pub(super) fn classes(text: &str) -> Option<Vec<BidiClass>> {
    let mut has_number = false;
    let mut classes = Vec::with_capacity(text.len() / 2 + 1);
    for c in text.chars() {
        let class = class_of(c);
        match class {
            EN | AN => has_number = true,
            R | AL | NSM | WS | ON | CS | ES | ET => {}
            _ => return None,
        }
        classes.push(class);
    }
    has_number.then_some(classes)
}

/// The embedding level of each char, from its class (see [`classes`]); the paragraph level is 1.
pub(super) fn levels(classes: &[BidiClass]) -> Vec<u8> {
    let mut types = classes.to_vec();
    // W1: a mark takes the type of the char before it (sos is R at level 1).
    let mut before = R;
    for t in types.iter_mut() {
        if *t == NSM {
            *t = before;
        }
        before = *t;
    }
    // W2: a European digit after an Arabic letter is an Arabic number; W3: AL becomes R.
    let mut strong = R;
    for t in types.iter_mut() {
        match *t {
            R | AL => strong = *t,
            EN if strong == AL => *t = AN,
            _ => {}
        }
        if *t == AL {
            *t = R;
        }
    }
    // W4: one separator between two numbers of a kind takes their kind (ES only for EN).
    for i in 1..types.len().saturating_sub(1) {
        let (prev, next) = (types[i - 1], types[i + 1]);
        let joins = match types[i] {
            ES => prev == EN && next == EN,
            CS => prev == next && matches!(prev, EN | AN),
            _ => false,
        };
        if joins {
            types[i] = prev;
        }
    }
    // W5: terminators next to a European number become part of it.
    let mut i = 0;
    while i < types.len() {
        if types[i] != ET {
            i += 1;
            continue;
        }
        let end = types[i..]
            .iter()
            .position(|&t| t != ET)
            .map_or(types.len(), |k| i + k);
        let touches_en = (i > 0 && types[i - 1] == EN) || types.get(end) == Some(&EN);
        if touches_en {
            types[i..end].fill(EN);
        }
        i = end;
    }
    // W6, W7, N1, N2: what is left resolves to R (there is no L); I2: numbers go one level up.
    types
        .iter()
        .map(|t| if matches!(t, EN | AN) { 2 } else { 1 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{BaseDirection, ParagraphBidi, TableBidiData};
    use super::*;
    use proptest::prelude::*;
    use unicode_bidi::{Level, ParagraphBidiInfo};

    /// Levels by `unicode-bidi` and after rule L1 over the whole paragraph as one line.
    fn by_unicode_bidi(text: &str) -> (Vec<u8>, Vec<u8>) {
        let info =
            ParagraphBidiInfo::new_with_data_source(&TableBidiData, text, Some(Level::rtl()));
        let levels: Vec<u8> = text
            .char_indices()
            .map(|(b, _)| info.levels[b].number())
            .collect();
        let line = info.reordered_levels(0..text.len());
        let line: Vec<u8> = text.char_indices().map(|(b, _)| line[b].number()).collect();
        (levels, line)
    }

    fn check(text: &str) {
        let bidi = ParagraphBidi::new(text, BaseDirection::Rtl);
        let n = text.chars().count();
        let (levels, line) = by_unicode_bidi(text);
        assert_eq!(bidi.levels(), levels.as_slice(), "levels of {text:?}");
        assert_eq!(bidi.line_levels(0..n), line, "line levels of {text:?}");
    }

    #[test]
    fn arabic_prose_with_numbers_resolves_here_as_unicode_bidi_does() {
        for text in [
            "قُتل 12 شخصاً في 2023، و٣٫٥ مليون",
            "بلغ 45% و٪٣٠ و$100 و1,000 و1.5 و1+2 و1-2 و١،٢ و-5",
            "١٢ قال 3 ",
            "مُ1ً ب",
            "ب 1/2 ، 1:30 «12» (3)",
            "א 12 ب 3",
        ] {
            assert!(classes(text).is_some(), "{text:?} resolves here");
            check(text);
        }
        // A left-to-right letter or a control goes to unicode-bidi.
        assert!(classes("ب 12 BBC").is_none());
        assert!(classes("ب 12 \u{2066}x").is_none());
        assert!(classes("ب حر").is_none(), "no number: the uniform case");
    }

    proptest! {
        #[test]
        fn random_paragraphs_of_these_classes_match_unicode_bidi(
            picks in proptest::collection::vec(0usize..20, 1..40)
        ) {
            // R, AL, NSM, WS, ON, CS, ES, ET, EN and AN chars, several of each.
            const ALPHABET: [char; 20] = [
                'א', 'ب', 'ع', '\u{064E}', '\u{0651}', ' ', '!', '«', ',', '،', '.', ':', '+',
                '-', '%', '$', '٪', '1', '9', '٣',
            ];
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            if classes(&text).is_some() {
                check(&text);
            }
        }
    }
}
