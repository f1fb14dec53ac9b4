//! The Arabic-aware normal form search compares in: harakat, Quranic marks and tatweel dropped,
//! أ إ آ ٱ → ا, ى → ي, ؤ → و, ئ → ي, and optionally ة → ه. Char by char (no char's form depends
//! on its neighbours), so a piece of the original normalises to the matching piece of the normal
//! form. Each normal char remembers the original char it came from, so a match in the normal form
//! maps back to chars of the original. Offsets are chars; byte offsets only inside this module.

use crate::offset::CharRange;

/// Which optional foldings apply (the fixed ones always do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Folding {
    /// Also fold ة (ta marbuta) into ه, so "القاعده" finds "القاعدة".
    pub ta_marbuta: bool,
}

/// True for the chars search ignores: Arabic harakat and other combining marks of the Arabic
/// block (U+0610–U+061A, U+064B–U+065F, U+0670 superscript alef, U+06D6–U+06ED Quranic marks)
/// and tatweel (U+0640).
pub fn is_ignored(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}')
}

/// The normal form of one char: `None` when it is ignored.
pub fn fold_char(c: char, folding: Folding) -> Option<char> {
    if is_ignored(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ؤ' => 'و',
        'ة' if folding.ta_marbuta => 'ه',
        other => other,
    })
}

/// The normal form of `text` as a string (for queries and tests).
pub fn normalize(text: &str, folding: Folding) -> String {
    text.chars().filter_map(|c| fold_char(c, folding)).collect()
}

/// A text in normal form, with the way back to the original's chars.
#[derive(Debug, Clone)]
pub struct NormalText {
    /// The normal form.
    text: String,
    /// Byte offset in `text` of each normal char, then `text.len()`.
    byte_starts: Vec<usize>,
    /// For each normal char, the original char it came from; then the original's length.
    origin: Vec<usize>,
}

impl NormalText {
    /// The normal form of `original`.
    pub fn new(original: &str, folding: Folding) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut byte_starts = Vec::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut length = 0;
        for (i, c) in original.chars().enumerate() {
            length = i + 1;
            if let Some(folded) = fold_char(c, folding) {
                byte_starts.push(text.len());
                origin.push(i);
                text.push(folded);
            }
        }
        byte_starts.push(text.len());
        origin.push(length);
        Self {
            text,
            byte_starts,
            origin,
        }
    }

    /// The normal form.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of chars of the normal form.
    pub fn char_len(&self) -> usize {
        self.origin.len() - 1
    }

    /// The normal char index at byte `byte` of the normal form (a char boundary).
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.byte_starts.partition_point(|&b| b < byte)
    }

    /// The normal char at index `i`, if any.
    pub fn char(&self, i: usize) -> Option<char> {
        let start = *self.byte_starts.get(i)?;
        self.text[start..].chars().next()
    }

    /// The original char that normal char `i` came from (the original's length for
    /// `i == char_len()`).
    pub fn original_index(&self, i: usize) -> usize {
        self.origin[i]
    }

    /// The chars of the original that normal chars `start..end` (non-empty) came from: from the
    /// first one's origin up to the next kept char's origin, so the marks and tatweel written
    /// after the last letter are part of the match.
    pub fn original_range(&self, start: usize, end: usize) -> CharRange {
        CharRange::from_indices(self.origin[start], self.origin[end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harakat_tatweel_and_hamza_forms_fold() {
        let fold = Folding::default();
        assert_eq!(normalize("الْقَاعِدَةُ", fold), "القاعدة");
        assert_eq!(normalize("القـــاعدة", fold), "القاعدة");
        assert_eq!(normalize("أإآٱ ى ؤ ئ", fold), "اااا ي و ي");
        assert_eq!(
            normalize("القاعدة", Folding { ta_marbuta: true }),
            "القاعده"
        );
        assert_eq!(normalize("Hamish 17", fold), "Hamish 17");
    }

    #[test]
    fn a_normal_range_maps_back_over_the_marks_after_it() {
        let normal = NormalText::new("الْقَاعِدَةُ في", Folding::default());
        assert_eq!(normal.as_str(), "القاعدة في");
        // "القاعدة" is normal chars 0..7; the original's 0..12 includes the last damma.
        assert_eq!(normal.original_range(0, 7), CharRange::from_indices(0, 12));
        assert_eq!(
            normal.original_range(8, 10),
            CharRange::from_indices(13, 15)
        );
        assert_eq!(normal.char_at_byte("القاعدة ".len()), 8);
        assert_eq!(normal.char(8), Some('ف'));
    }
}
