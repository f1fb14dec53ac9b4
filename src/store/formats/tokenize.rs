//! The tokenizer of the CoNLL export: splits on whitespace and punctuation (Latin and Arabic,
//! including ، ؛ ؟ « »), keeps each punctuation mark as its own token, and does not split clitics
//! (و، ب، ال stay on their word). Sentences end at a line break or after . ! ? ؟ … ۔.
//! Two further splits for Arabic: [`split_at`] cuts a token where an annotation begins or ends
//! inside it (وجبهة with جبهة labelled → و + جبهة), and [`split_proclitics`] cuts off the
//! one-letter proclitics before the article everywhere (والقاعدة → و + القاعدة; see
//! [`crate::search::clitics::proclitics_before_article`]). Neither cuts between a letter and its
//! harakat. Token ranges are chars into the text; half-open.

use crate::offset::CharRange;
use crate::search::clitics::proclitics_before_article;
use crate::search::{Folding, NormalText};
use std::collections::BTreeSet;
use unicode_segmentation::UnicodeSegmentation;

/// A token: its char range and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the text.
    pub range: CharRange,
    /// Its text.
    pub text: String,
}

/// True for a char that is a token on its own.
pub fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '،' | '؛'
                | '؟'
                | '«'
                | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '…'
                | '–'
                | '—'
                | '۔'
                | '٪'
                | '٭'
                | '¡'
                | '¿'
        )
}

/// True for a token that ends a sentence.
fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "؟" | "…" | "۔")
}

/// The sentences of `text`, each a list of tokens.
pub fn sentences(text: &str) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    let mut sentence: Vec<Token> = Vec::new();
    let mut word: Option<(usize, String)> = None;
    let flush_word = |word: &mut Option<(usize, String)>, sentence: &mut Vec<Token>, end: usize| {
        if let Some((start, text)) = word.take() {
            sentence.push(Token {
                range: CharRange::from_indices(start, end),
                text,
            });
        }
    };
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            flush_word(&mut word, &mut sentence, i);
            if matches!(c, '\n' | '\r' | '\u{2029}') && !sentence.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
        } else if is_punctuation(c) {
            flush_word(&mut word, &mut sentence, i);
            sentence.push(Token {
                range: CharRange::from_indices(i, i + 1),
                text: c.to_string(),
            });
            if ends_sentence(&c.to_string()) {
                out.push(std::mem::take(&mut sentence));
            }
        } else {
            word.get_or_insert_with(|| (i, String::new())).1.push(c);
        }
    }
    flush_word(&mut word, &mut sentence, text.chars().count());
    if !sentence.is_empty() {
        out.push(sentence);
    }
    out
}

/// `sentence` with every token cut at the `boundaries` (char offsets into the text) that fall
/// inside it, where they are grapheme boundaries (never between a letter and its harakat).
pub fn split_at(sentence: Vec<Token>, boundaries: &BTreeSet<usize>) -> Vec<Token> {
    let mut out = Vec::with_capacity(sentence.len());
    for token in sentence {
        let (start, end) = (token.range.start.0, token.range.end.0);
        let inside: Vec<usize> = boundaries
            .range(start + 1..end)
            .map(|b| b - start)
            .filter(|&k| is_grapheme_boundary(&token.text, k))
            .collect();
        cut(token, &inside, &mut out);
    }
    out
}

/// `sentence` with the one-letter proclitics before the article cut off every Arabic word, each
/// its own token (وبالقاعدة → و + ب + القاعدة).
pub fn split_proclitics(sentence: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(sentence.len());
    for token in sentence {
        let normal = NormalText::new(&token.text, Folding::default());
        let n = proclitics_before_article(normal.as_str());
        // Cut before each proclitic after the first and before the stem; each proclitic keeps
        // the harakat written on it.
        let cuts: Vec<usize> = (1..=n).map(|k| normal.original_index(k)).collect();
        cut(token, &cuts, &mut out);
    }
    out
}

/// Pushes the pieces of `token` cut at `cuts` (char offsets into the token, ascending, inside).
fn cut(token: Token, cuts: &[usize], out: &mut Vec<Token>) {
    if cuts.is_empty() {
        out.push(token);
        return;
    }
    let chars: Vec<char> = token.text.chars().collect();
    let start = token.range.start.0;
    let mut from = 0;
    for &to in cuts.iter().chain(std::iter::once(&chars.len())) {
        if to > from {
            out.push(Token {
                range: CharRange::from_indices(start + from, start + to),
                text: chars[from..to].iter().collect(),
            });
        }
        from = to;
    }
}

/// True when char offset `k` of `text` (inside it) is between two grapheme clusters.
pub fn is_grapheme_boundary(text: &str, k: usize) -> bool {
    let Some((byte, _)) = text.char_indices().nth(k) else {
        return false;
    };
    text.grapheme_indices(true).any(|(b, _)| b == byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_arabic_punctuation_keeps_clitics_and_harakat() {
        let s = sentences("قالَ وزيرُ الصحة، إنّ الخطة نجحت؟ نعم.\nوبالأمس 17");
        let words: Vec<Vec<&str>> = s
            .iter()
            .map(|t| t.iter().map(|t| t.text.as_str()).collect())
            .collect();
        assert_eq!(
            words,
            vec![
                vec!["قالَ", "وزيرُ", "الصحة", "،", "إنّ", "الخطة", "نجحت", "؟"],
                vec!["نعم", "."],
                vec!["وبالأمس", "17"],
            ]
        );
        assert_eq!(s[0][2].range, CharRange::from_indices(11, 16));
    }

    fn words(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn annotation_boundaries_cut_tokens_but_never_between_a_letter_and_its_marks() {
        let text = "قاتلت وجبهةُ النصرة";
        let sentence = sentences(text).remove(0);
        // An annotation from جبهة (7) to the end, and a boundary between ة and its damma (11).
        let boundaries = BTreeSet::from([7, 11, 19]);
        let split = split_at(sentence, &boundaries);
        assert_eq!(words(&split), ["قاتلت", "و", "جبهةُ", "النصرة"]);
        assert_eq!(split[1].range, CharRange::from_indices(6, 7));
        assert_eq!(split[2].range, CharRange::from_indices(7, 12));
    }

    #[test]
    fn proclitics_before_the_article_are_cut_with_their_harakat() {
        let sentence = sentences("وَبِالْقاعدة للقاعدة وجبهة Washington").remove(0);
        let split = split_proclitics(sentence);
        assert_eq!(
            words(&split),
            ["وَ", "بِ", "الْقاعدة", "ل", "لقاعدة", "وجبهة", "Washington"]
        );
        assert_eq!(split[2].range, CharRange::from_indices(4, 12));
    }
}
