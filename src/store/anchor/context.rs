//! How well the text around a candidate range agrees with a quote's prefix and suffix.
//! Offsets are chars (indices into a `[char]` of the new text); scores are in 0..=1.
//! CR is ignored on both sides: converting a file between LF and CR LF is not a content change.

use strsim::generic_levenshtein;

/// The quote's context as chars, prepared once per annotation.
#[derive(Debug, Clone)]
pub(super) struct Context {
    prefix: Vec<char>,
    suffix: Vec<char>,
}

impl Context {
    /// Prepares the context of a quote.
    pub(super) fn new(prefix: &str, suffix: &str) -> Self {
        Self {
            prefix: prefix.chars().filter(|&c| c != '\r').collect(),
            suffix: suffix.chars().filter(|&c| c != '\r').collect(),
        }
    }

    /// True when the quote kept no context (the annotation covered the whole text).
    pub(super) fn is_empty(&self) -> bool {
        self.prefix.is_empty() && self.suffix.is_empty()
    }

    /// Cheap agreement: how many chars right next to the range match (prefix read backwards from
    /// the start, suffix forwards from the end), over the context length. Used to shortlist.
    pub(super) fn adjacent_score(&self, text: &[char], start: usize, end: usize) -> f64 {
        if self.is_empty() {
            return 1.0;
        }
        let before = text[..start].iter().rev().filter(|&&c| c != '\r');
        let pre = self
            .prefix
            .iter()
            .rev()
            .zip(before)
            .take_while(|(a, b)| a == b)
            .count();
        let suf = self
            .suffix
            .iter()
            .zip(text[end..].iter().filter(|&&c| c != '\r'))
            .take_while(|(a, b)| a == b)
            .count();
        (pre + suf) as f64 / (self.prefix.len() + self.suffix.len()) as f64
    }

    /// Context agreement: the mean of [`Self::edit_score`] and [`Self::adjacent_score`]. The edit
    /// score alone forgives small edits but also forgives a shift of a few chars (the same
    /// surroundings, misaligned: a repeated letter a few chars away would look in place); the
    /// adjacent score alone is broken by one changed char next to the range. Together, a
    /// misaligned place scores about half, a lightly edited true place stays high.
    pub(super) fn score(&self, text: &[char], start: usize, end: usize) -> f64 {
        0.5 * (self.edit_score(text, start, end) + self.adjacent_score(text, start, end))
    }

    /// Edit-distance agreement of the prefix with the same number of chars before `start` and of
    /// the suffix with the chars after `end`, weighted by their lengths; 1.0 without context.
    fn edit_score(&self, text: &[char], start: usize, end: usize) -> f64 {
        if self.is_empty() {
            return 1.0;
        }
        let mut before: Vec<char> = text[..start]
            .iter()
            .rev()
            .filter(|&&c| c != '\r')
            .take(self.prefix.len())
            .copied()
            .collect();
        before.reverse();
        let after: Vec<char> = text[end..]
            .iter()
            .filter(|&&c| c != '\r')
            .take(self.suffix.len())
            .copied()
            .collect();
        let pre_dist = generic_levenshtein(&self.prefix, &before);
        let suf_dist = generic_levenshtein(&self.suffix, &after);
        let total = (self.prefix.len() + self.suffix.len()) as f64;
        1.0 - (pre_dist + suf_dist) as f64 / total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn full_partial_and_no_agreement() {
        let ctx = Context::new("ab", "cd");
        let text = chars("abXcd");
        assert_eq!(ctx.score(&text, 2, 3), 1.0);
        assert_eq!(ctx.adjacent_score(&text, 2, 3), 1.0);
        let changed = chars("azXcd");
        // Prefix "ab" vs "az": one edit in 4 context chars.
        assert_eq!(ctx.edit_score(&changed, 2, 3), 0.75);
        // Adjacent: "b" != "z" stops the prefix at once; the suffix agrees fully.
        assert_eq!(ctx.adjacent_score(&changed, 2, 3), 0.5);
        assert_eq!(ctx.score(&changed, 2, 3), 0.625);
        let other = chars("zzXzz");
        assert_eq!(ctx.score(&other, 2, 3), 0.0);
    }

    #[test]
    fn a_shifted_place_scores_low_though_its_surroundings_look_alike() {
        // The real place is 8..9; one char to the right the same letters are seen shifted by one.
        let ctx = Context::new("abcdefgh", "ijklmnop");
        let text = chars("abcdefghXijklmnopq");
        assert_eq!(ctx.score(&text, 8, 9), 1.0);
        assert_eq!(ctx.edit_score(&text, 9, 10), 0.75);
        assert_eq!(ctx.adjacent_score(&text, 9, 10), 0.0);
        assert!(ctx.score(&text, 9, 10) < 0.5);
    }

    #[test]
    fn carriage_returns_do_not_count() {
        let ctx = Context::new("a\nb", "c\nd");
        let text = chars("a\r\nbXc\r\nd");
        assert_eq!(ctx.score(&text, 4, 5), 1.0);
    }

    #[test]
    fn missing_text_at_the_edges_counts_as_disagreement() {
        let ctx = Context::new("ab", "cd");
        let text = chars("X");
        assert_eq!(ctx.score(&text, 0, 1), 0.0);
        assert!(Context::new("", "").score(&text, 0, 1) == 1.0);
    }
}
