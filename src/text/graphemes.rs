//! Where graphemes (UAX #29 extended grapheme clusters) start in a paragraph, as char indices.
//! A table answers for printable ASCII and Latin-1, the Arabic block, joiners and general
//! punctuation (almost all of the text here), where a grapheme starts at every char that does not
//! extend the one before; any other char sends the paragraph through `unicode-segmentation`.

use unicode_segmentation::UnicodeSegmentation;

/// What the table knows of a char.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Not in the table: use the full algorithm.
    Unknown,
    /// A grapheme starts here (whatever came before, as long as it is in the table too).
    Starts,
    /// Extends the grapheme before it (combining mark, joiner).
    Extends,
}

/// Code points covered by the table.
const RANGES: [(u32, u32); 3] = [(0x0000, 0x0100), (0x0600, 0x0700), (0x2000, 0x2070)];

/// The table, derived from `unicode-segmentation` itself so the two cannot disagree: a char is
/// `Extends` when it joins a base before it, `Starts` when it joins neither the char before nor
/// after it and takes a mark after it (so no control, prepend or pictographic char).
fn kind_of(c: char) -> Kind {
    static TABLE: std::sync::OnceLock<Vec<Kind>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        RANGES
            .iter()
            .flat_map(|&(a, b)| a..b)
            .map(|u| char::from_u32(u).map_or(Kind::Unknown, classify))
            .collect()
    });
    let code = c as u32;
    let mut base = 0usize;
    for &(a, b) in &RANGES {
        if (a..b).contains(&code) {
            return table[base + (code - a) as usize];
        }
        base += (b - a) as usize;
    }
    Kind::Unknown
}

fn classify(c: char) -> Kind {
    let count = |s: String| s.graphemes(true).count();
    if count(format!("a{c}")) == 1 {
        return Kind::Extends;
    }
    let plain = count(format!("{c}a")) == 2
        && count(format!("{c}\u{064E}")) == 1
        && count(format!("{c}\u{200D}{c}")) == 2;
    if plain {
        Kind::Starts
    } else {
        Kind::Unknown
    }
}

/// `starts[i]` is true when a grapheme starts at char `i` of `text` (which has `len` chars); one
/// extra entry (true) for the end.
pub fn grapheme_starts(text: &str, len: usize) -> Vec<bool> {
    let mut starts = Vec::with_capacity(len + 1);
    for c in text.chars() {
        match kind_of(c) {
            Kind::Starts => starts.push(true),
            Kind::Extends => starts.push(starts.is_empty()),
            Kind::Unknown => return grapheme_starts_full(text, len),
        }
    }
    starts.push(true);
    debug_assert_eq!(starts.len(), len + 1);
    starts
}

/// [`grapheme_starts`] by the full algorithm.
fn grapheme_starts_full(text: &str, len: usize) -> Vec<bool> {
    let mut starts = vec![false; len + 1];
    let mut char_idx = 0usize;
    for g in text.graphemes(true) {
        starts[char_idx] = true;
        char_idx += g.chars().count();
    }
    starts[len] = true;
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) -> (Vec<bool>, Vec<bool>) {
        let len = text.chars().count();
        (grapheme_starts(text, len), grapheme_starts_full(text, len))
    }

    #[test]
    fn table_agrees_with_the_full_algorithm_on_every_pair() {
        let known: Vec<char> = RANGES
            .iter()
            .flat_map(|&(a, b)| a..b)
            .filter_map(char::from_u32)
            .filter(|&c| kind_of(c) != Kind::Unknown)
            .collect();
        // The table covers the text it is for.
        for c in "أخبار الآن – «مُحَمَّدٌ» (BBC) 17% ،؛؟ \u{200C}\u{200D}ـ".chars()
        {
            assert!(known.contains(&c), "{c:?} not in the table");
        }
        for &a in &known {
            for &b in &known {
                let s: String = ['x', a, b, '\u{064E}'].iter().collect();
                let (fast, full) = both(&s);
                assert_eq!(fast, full, "{s:?}");
            }
        }
    }

    #[test]
    fn unknown_chars_take_the_full_algorithm() {
        for s in [
            "a\u{0301}b",
            "\u{0600}١٢",
            "ب\r\nت",
            "🇸🇦🇸🇦",
            "👩\u{200D}💻 ب",
            "\u{200D}ب",
        ] {
            let (fast, full) = both(s);
            assert_eq!(fast, full, "{s:?}");
        }
    }
}
