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

/// How many leading chars of `word` are proclitics to split off, leaving a stem of at least
/// `min_stem` chars: the longest (و|ف)?(ب|ل|ك)?(ال)? or (و|ف)?لل prefix that leaves it. Used by
/// the CoNLL export's clitic split; the article is split with the letters before it (بال، وال،
/// لل), so "والقاعدة" gives "وال" + "قاعدة". Words of Latin letters or digits are never split.
pub fn proclitic_len(word: &str, min_stem: usize) -> usize {
    let chars: Vec<char> = word.chars().collect();
    if !chars.first().is_some_and(|c| is_arabic_letter(*c)) {
        return 0;
    }
    let mut best = 0;
    for len in 1..chars.len() {
        let prefix: String = chars[..len].iter().collect();
        if chars.len() - len >= min_stem && is_proclitic_prefix(&prefix) {
            best = len;
        }
    }
    best
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
    fn splitting_leaves_a_stem_of_at_least_min_stem() {
        assert_eq!(proclitic_len("وجبهة", 2), 1);
        assert_eq!(proclitic_len("والقاعدة", 2), 3);
        assert_eq!(proclitic_len("للقاعدة", 2), 2);
        assert_eq!(proclitic_len("بالجبهة", 2), 3);
        // A word that only looks prefixed: the stem would be too short.
        assert_eq!(proclitic_len("وهو", 3), 0);
        assert_eq!(proclitic_len("ولد", 3), 0);
        assert_eq!(proclitic_len("Washington", 2), 0);
    }
}
