//! Arabic-aware search in a text: the query and the text are compared in a normal form that
//! ignores harakat and tatweel and unifies the hamza forms of alef, ى/ي, ؤ/و, ئ/ي (and optionally
//! ة/ه) — see [`normalize`] — with Latin case ignored unless asked; whole-word matching, optionally
//! also after the proclitics و ف ب ل ك and the article ال (see [`clitics`]); the query as a regular
//! expression (the `regex` crate) if asked. Hits are char ranges of the original text, marks
//! written after the last letter included. No egui, no files: the window, the workspace and the
//! command line all search through [`Query`].

pub mod clitics;
pub mod normalize;

pub use normalize::{normalize, Folding, NormalText};

use crate::offset::CharRange;
use serde::{Deserialize, Serialize};

/// How a query matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchOptions {
    /// Only hits that are whole words (nothing but a word boundary on either side).
    pub whole_word: bool,
    /// With `whole_word`: also hits that follow proclitics in their word (وجبهة, بالقاعدة).
    pub clitics: bool,
    /// The query is a regular expression (Rust `regex` syntax) matched against the normal form.
    pub regex: bool,
    /// Also fold ة into ه.
    pub ta_marbuta: bool,
    /// Latin upper and lower case differ.
    pub match_case: bool,
}

impl SearchOptions {
    /// The optional foldings these options ask for.
    pub fn folding(self) -> Folding {
        Folding {
            ta_marbuta: self.ta_marbuta,
        }
    }
}

/// Why a query cannot be searched for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// The query is empty, or holds only marks and tatweel (which search ignores).
    #[error("the search is empty (harakat and tatweel are ignored); type a word to search for")]
    Empty,
    /// The regular expression does not parse.
    #[error("“{pattern}” is not a valid regular expression: {message}")]
    BadRegex {
        /// The pattern as typed.
        pattern: String,
        /// What the parser said.
        message: String,
    },
}

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Query {
    regex: regex::Regex,
    options: SearchOptions,
}

/// The largest compiled pattern accepted, bytes (a typed pattern never needs more).
const REGEX_SIZE_LIMIT: usize = 1 << 22;

impl Query {
    /// Compiles `query` for `options`.
    pub fn new(query: &str, options: SearchOptions) -> Result<Self, SearchError> {
        let folded = normalize(query, options.folding());
        if folded.trim().is_empty() {
            return Err(SearchError::Empty);
        }
        let pattern = if options.regex {
            folded
        } else {
            regex::escape(&folded)
        };
        let regex = regex::RegexBuilder::new(&pattern)
            .case_insensitive(!options.match_case)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|err| SearchError::BadRegex {
                pattern: query.to_owned(),
                message: regex_message(&err),
            })?;
        Ok(Self { regex, options })
    }

    /// The options it was compiled with.
    pub fn options(&self) -> SearchOptions {
        self.options
    }

    /// Every hit in `text`, in text order, not overlapping.
    pub fn find_in(&self, text: &str) -> Vec<CharRange> {
        self.find(&NormalText::new(text, self.options.folding()))
    }

    /// Every hit in a text already in normal form (made with these options' folding).
    pub fn find(&self, text: &NormalText) -> Vec<CharRange> {
        let haystack = text.as_str();
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos <= haystack.len() {
            let Some(m) = self.regex.find_at(haystack, pos) else {
                break;
            };
            let (start, end) = (text.char_at_byte(m.start()), text.char_at_byte(m.end()));
            if start < end && self.accepts(text, start, end) {
                hits.push(text.original_range(start, end));
                pos = m.end();
            } else {
                // Try again one char later: a rejected match may hide an acceptable one.
                pos = next_boundary(haystack, m.start());
            }
        }
        hits
    }

    /// True when normal chars `start..end` satisfy the word options.
    fn accepts(&self, text: &NormalText, start: usize, end: usize) -> bool {
        if !self.options.whole_word {
            return true;
        }
        let is_word = |i: usize| text.char(i).is_some_and(is_word_char);
        if is_word(end) {
            return false;
        }
        if start == 0 || !is_word(start - 1) {
            return true;
        }
        if !self.options.clitics {
            return false;
        }
        let word_start = (0..start).rev().find(|&i| !is_word(i)).map_or(0, |i| i + 1);
        let prefix: String = (word_start..start).filter_map(|i| text.char(i)).collect();
        clitics::is_proclitic_prefix(&prefix)
    }
}

/// True for chars that are part of a word (letters, digits, in the normal form).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte offset of the char after the one at `byte` (or past the end).
fn next_boundary(text: &str, byte: usize) -> usize {
    text[byte..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| byte + c.len_utf8())
}

/// The regex crate's message without its multi-line picture of the pattern.
fn regex_message(err: &regex::Error) -> String {
    let full = err.to_string();
    full.lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map_or(full.clone(), |l| {
            l.trim_start()
                .trim_start_matches("error:")
                .trim()
                .to_owned()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(query: &str, options: SearchOptions, text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        Query::new(query, options)
            .unwrap()
            .find_in(text)
            .into_iter()
            .map(|r| chars[r.start.0..r.end.0].iter().collect())
            .collect()
    }

    const WORD: SearchOptions = SearchOptions {
        whole_word: true,
        clitics: false,
        regex: false,
        ta_marbuta: false,
        match_case: false,
    };

    #[test]
    fn harakat_and_hamza_forms_are_seen_through_both_ways() {
        let text = "قال الْقَاعِدَةُ إن أحمد وأحمد القاعدة";
        let plain = SearchOptions::default();
        assert_eq!(hits("القاعدة", plain, text), ["الْقَاعِدَةُ", "القاعدة"]);
        assert_eq!(hits("الْقاعِدة", plain, text), ["الْقَاعِدَةُ", "القاعدة"]);
        assert_eq!(hits("احمد", plain, text), ["أحمد", "أحمد"]);
        assert!(hits("القاعده", plain, text).is_empty());
        let ta = SearchOptions {
            ta_marbuta: true,
            ..plain
        };
        assert_eq!(hits("القاعده", ta, text), ["الْقَاعِدَةُ", "القاعدة"]);
    }

    #[test]
    fn whole_words_and_clitic_prefixes() {
        let text = "وجبهة النصرة وجبهات الجبهة، جبهة. بالجبهة للجبهة كالجبهةِ";
        assert_eq!(hits("جبهة", SearchOptions::default(), text).len(), 6);
        assert_eq!(hits("جبهة", WORD, text), ["جبهة"]);
        let clitics = SearchOptions {
            clitics: true,
            ..WORD
        };
        assert_eq!(
            hits("جبهة", clitics, text),
            ["جبهة", "جبهة", "جبهة", "جبهة", "جبهة", "جبهةِ"]
        );
        // "وجبهات" is another word; "النصرة" has no proclitic ن.
        assert!(hits("صرة", clitics, text).is_empty());
    }

    #[test]
    fn latin_case_is_ignored_unless_asked_and_regex_works_on_the_normal_form() {
        assert_eq!(hits("isis", WORD, "ISIS and Isis"), ["ISIS", "Isis"]);
        let case = SearchOptions {
            match_case: true,
            ..WORD
        };
        assert_eq!(hits("Isis", case, "ISIS and Isis"), ["Isis"]);
        let regex = SearchOptions {
            regex: true,
            ..SearchOptions::default()
        };
        assert_eq!(
            hits("[0-9]+ ?عام", regex, "منذ 17 عامًا و3 أعوام"),
            ["17 عامً"]
        );
        assert_eq!(hits("ا.مد", regex, "أَحْمد"), ["أَحْمد"]);
    }

    #[test]
    fn bad_and_empty_queries_are_errors_not_panics() {
        assert_eq!(
            Query::new("  ", SearchOptions::default()).unwrap_err(),
            SearchError::Empty
        );
        assert_eq!(
            Query::new("ًٌـ", SearchOptions::default()).unwrap_err(),
            SearchError::Empty
        );
        let regex = SearchOptions {
            regex: true,
            ..SearchOptions::default()
        };
        let err = Query::new("(قال", regex).unwrap_err();
        assert!(
            matches!(&err, SearchError::BadRegex { message, .. } if message.contains("unclosed")),
            "{err}"
        );
        // A pattern that matches the empty string finds nothing rather than looping.
        assert!(Query::new("x*", regex).unwrap().find_in("قال").is_empty());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Letters with their variants, harakat, tatweel, spaces, punctuation and Latin.
    const ALPHABET: &[char] = &[
        'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي', 'ئ', 'ؤ', 'و', 'ة', 'ه', 'ب', 'ل', '\u{064E}',
        '\u{0651}', '\u{0652}', '\u{064B}', '\u{0670}', 'ـ', ' ', '،', '.', 'a', 'B',
    ];

    fn text_strategy(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
            .prop_map(|chars| chars.into_iter().collect())
    }

    fn options_strategy() -> impl Strategy<Value = SearchOptions> {
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(whole_word, clitics, ta)| {
            SearchOptions {
                whole_word,
                clitics,
                regex: false,
                ta_marbuta: ta,
                match_case: true,
            }
        })
    }

    proptest! {
        /// Every hit is a piece of the original whose normal form is the query's; hits are in
        /// order and do not overlap; without word options every occurrence in the normal form
        /// is found.
        #[test]
        fn every_hit_maps_back_to_text_with_the_query_s_normal_form(
            text in text_strategy(60),
            random_query in text_strategy(4),
            from_text in any::<bool>(),
            (at, len) in (0usize..60, 1usize..6),
            options in options_strategy(),
        ) {
            // Half the queries are pieces of the text itself, so that there are hits to check.
            let query: String = if from_text {
                text.chars().skip(at).take(len).collect()
            } else {
                random_query
            };
            let Ok(compiled) = Query::new(&query, options) else {
                prop_assume!(false);
                unreachable!()
            };
            let folding = options.folding();
            let wanted = normalize(&query, folding);
            let chars: Vec<char> = text.chars().collect();
            let hits = compiled.find_in(&text);
            let mut previous_end = 0;
            for hit in &hits {
                prop_assert!(hit.start.0 >= previous_end && hit.end.0 <= chars.len());
                previous_end = hit.end.0;
                let piece: String = chars[hit.start.0..hit.end.0].iter().collect();
                prop_assert_eq!(normalize(&piece, folding), wanted.clone(), "{:?}", hit);
            }
            if !options.whole_word {
                let normal = normalize(&text, folding);
                prop_assert_eq!(hits.len(), normal.matches(wanted.as_str()).count());
                if from_text {
                    prop_assert!(!hits.is_empty(), "a piece of the text is found in it");
                }
            }
        }
    }
}
