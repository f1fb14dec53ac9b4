//! The tokenizer of the CoNLL export: splits on whitespace and punctuation (Latin and Arabic,
//! including ، ؛ ؟ « »), keeps each punctuation mark as its own token, and does not split clitics
//! (و، ب، ال stay on their word). Sentences end at a line break or after . ! ? ؟ … ۔.
//! Token ranges are chars into the text; half-open.

use crate::offset::CharRange;

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
}
