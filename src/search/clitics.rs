//! The proclitics Arabic writes onto the next word, as search's "also inside clitic-prefixed
//! words" option and the CoNLL tokenizer's optional clitic split see them: an optional
//! conjunction (و, ف), then an optional preposition (ب, ل, ك), then an optional article (ال);
//! ل before ال is written لل (للقاعدة). Strings are in search's normal form (no harakat).

/// Conjunctions that may open a word.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
/// Prepositions that may follow them.
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

/// True when `prefix` (the chars of a word before a hit) is a sequence of proclitics:
/// (و|ف)? (ب|ل|ك)? (ال)?, or (و|ف)? لل. The empty prefix is one too.
pub fn is_proclitic_prefix(prefix: &str) -> bool {
    let rest = prefix.strip_prefix(&CONJUNCTIONS[..]).unwrap_or(prefix);
    if rest == "لل" {
        return true;
    }
    let rest = rest.strip_prefix(&PREPOSITIONS[..]).unwrap_or(rest);
    rest.is_empty() || rest == "ال"
}

/// How many one-letter proclitics open `word` (in normal form) before the article, for the CoNLL
/// export's clitic split: a conjunction (و, ف) and/or a preposition (ب, ك, ل) directly before ال
/// with at least three letters after it (والقاعدة → و + القاعدة, وبالقاعدة → و + ب + القاعدة),
/// or ل before the ل of لل with at least three after it (للقاعدة → ل + لقاعدة). Before the
/// article these letters cannot belong to the word; before other words (وزير، بلد، كتاب) they
/// may, so they are left alone. A rule, not a dictionary: a word that only looks like this
/// (والدته) is split too.
pub fn proclitics_before_article(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    if !chars.first().is_some_and(|c| is_arabic_letter(*c)) {
        return 0;
    }
    let mut i = 0;
    if chars.get(i).is_some_and(|c| CONJUNCTIONS.contains(c)) {
        i += 1;
    }
    let preposition = chars.get(i).copied().filter(|c| PREPOSITIONS.contains(c));
    if preposition.is_some() {
        i += 1;
    }
    let rest = &chars[i..];
    let article = rest.starts_with(&['ا', 'ل']) && rest.len() >= 5;
    let lam_lam = preposition == Some('ل') && rest.first() == Some(&'ل') && rest.len() >= 4;
    if article || lam_lam {
        i
    } else {
        0
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_conjunction_preposition_article() {
        for ok in [
            "", "و", "ف", "ب", "ال", "وال", "بال", "وبال", "فكال", "لل", "ولل",
        ] {
            assert!(is_proclitic_prefix(ok), "{ok}");
        }
        for bad in ["ن", "ا", "بو", "الو", "ووو", "للل", "الال"] {
            assert!(!is_proclitic_prefix(bad), "{bad}");
        }
    }

    #[test]
    fn only_letters_before_the_article_are_split() {
        assert_eq!(proclitics_before_article("والقاعدة"), 1);
        assert_eq!(proclitics_before_article("وبالقاعدة"), 2);
        assert_eq!(proclitics_before_article("للقاعدة"), 1);
        assert_eq!(proclitics_before_article("وللقاعدة"), 2);
        assert_eq!(proclitics_before_article("القاعدة"), 0);
        // Without the article the letter may be the word's own.
        for word in [
            "وجبهة",
            "وزير",
            "بلد",
            "كتاب",
            "فيلم",
            "والد",
            "لله",
            "Washington",
        ] {
            assert_eq!(proclitics_before_article(word), 0, "{word}");
        }
    }
}
