//! Approximate search: where in a text does a pattern occur with the fewest edits (Sellers'
//! semi-global edit distance: the match may start and end anywhere). Offsets are chars.
//!
//! Why not a crate: `strsim`/`similar` compare whole strings; `triple_accel` searches bytes, which
//! would split Arabic letters (two UTF-8 bytes each) and count edits in bytes. This is the textbook
//! dynamic programme over chars, O(pattern × window) time and O(pattern) memory.

/// One approximate occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FuzzyMatch {
    /// First char of the match in the text.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// Edits (insertions, deletions, substitutions) between the pattern and the match.
    pub edits: usize,
}

/// The best non-overlapping matches of `pattern` in `text[from..to]` with at most `max_edits`
/// edits, best first (at most `limit`). Offsets are into `text`.
pub(super) fn search(
    pattern: &[char],
    text: &[char],
    from: usize,
    to: usize,
    max_edits: usize,
    limit: usize,
) -> Vec<FuzzyMatch> {
    let m = pattern.len();
    if m == 0 || from >= to {
        return Vec::new();
    }
    // Column j of the table: cost[i] = edits to match pattern[..i] ending at text position j,
    // start[i] = where that match begins.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![from; m + 1];
    let mut ends: Vec<FuzzyMatch> = Vec::new();
    for (j, &c) in text.iter().enumerate().take(to).skip(from) {
        // `diag` holds the previous column's value at i-1 (cost and start).
        let (mut diag_cost, mut diag_start) = (0usize, j);
        cost[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let (up_cost, up_start) = (cost[i - 1] + 1, start[i - 1]);
            let (left_cost, left_start) = (cost[i] + 1, start[i]);
            let sub = diag_cost + usize::from(pattern[i - 1] != c);
            let (best_cost, best_start) = if sub <= up_cost && sub <= left_cost {
                (sub, diag_start)
            } else if up_cost <= left_cost {
                (up_cost, up_start)
            } else {
                (left_cost, left_start)
            };
            diag_cost = cost[i];
            diag_start = start[i];
            cost[i] = best_cost;
            start[i] = best_start;
        }
        if cost[m] <= max_edits {
            ends.push(FuzzyMatch {
                start: start[m],
                end: j + 1,
                edits: cost[m],
            });
        }
    }
    // Fewest edits first; among equals, the earliest. Then keep non-overlapping ones.
    ends.sort_by_key(|f| (f.edits, f.start, f.end));
    let mut picked: Vec<FuzzyMatch> = Vec::new();
    for f in ends {
        if picked.len() == limit {
            break;
        }
        if picked.iter().all(|p| f.end <= p.start || p.end <= f.start) {
            picked.push(f);
        }
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finds_exact_and_edited_occurrences() {
        let text = chars("xx hello yy helo zz");
        let found = search(&chars("hello"), &text, 0, text.len(), 2, 5);
        assert_eq!(
            found[0],
            FuzzyMatch {
                start: 3,
                end: 8,
                edits: 0
            }
        );
        assert_eq!(
            found[1],
            FuzzyMatch {
                start: 12,
                end: 16,
                edits: 1
            }
        );
    }

    #[test]
    fn respects_window_and_limit() {
        let text = chars("abc abc abc");
        let found = search(&chars("abc"), &text, 4, text.len(), 0, 1);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (4, 7));
        assert!(search(&chars("zzz"), &text, 0, text.len(), 1, 5).is_empty());
    }
}
