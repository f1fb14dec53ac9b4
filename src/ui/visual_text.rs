//! Short Arabic strings for egui's own labels (side panel rows). egui 0.37 shapes each word in
//! its script's direction but places words left to right in logical order and has no bidi, so a
//! right-to-left phrase comes out with its words reversed. [`for_egui_label`] resolves the bidi
//! levels (UAX #9, through `text::bidi`) and hands egui the words in visual order, each word still
//! in logical order for shaping. One line only; indices are chars.

use crate::text::bidi::{visual_order, ParagraphBidi};
use crate::text::BaseDirection;

/// `text` (one line) with its words in visual order, left to right, for an egui label.
pub fn for_egui_label(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    let bidi = ParagraphBidi::new(text, BaseDirection::Auto);
    let levels = bidi.line_levels(0..chars.len());
    if levels.iter().all(|&l| l == 0) {
        return text.to_owned();
    }
    // Tokens: maximal runs of one level, with each white-space char a token of its own, in
    // logical order; then the tokens are put in visual order by rule L2 on their levels.
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        let boundary = i == chars.len()
            || levels[i] != levels[start]
            || chars[i].is_whitespace()
            || chars[i - 1].is_whitespace();
        if boundary {
            tokens.push((start, i));
            start = i;
        }
    }
    let token_levels: Vec<u8> = tokens.iter().map(|&(s, _)| levels[s]).collect();
    visual_order(&token_levels)
        .into_iter()
        .flat_map(|t| chars[tokens[t].0..tokens[t].1].iter())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_words_come_in_visual_order_each_in_logical_order() {
        assert_eq!(for_egui_label("توم جوسلين"), "جوسلين توم");
        assert_eq!(for_egui_label("فعل الإسناد"), "الإسناد فعل");
    }

    #[test]
    fn numbers_and_latin_inside_arabic_keep_their_own_order() {
        assert_eq!(for_egui_label("يوم 17 أكتوبر"), "أكتوبر 17 يوم");
        assert_eq!(
            for_egui_label("قال Barack Obama اليوم"),
            "اليوم Barack Obama قال"
        );
    }

    #[test]
    fn latin_text_is_unchanged() {
        assert_eq!(
            for_egui_label("Claim (needs review)"),
            "Claim (needs review)"
        );
        assert_eq!(for_egui_label(""), "");
    }
}
