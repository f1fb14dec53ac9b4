//! Re-anchoring annotations when the text file changed. Offsets are chars into the new text;
//! ranges are half-open. Input per annotation: its old range and its [`Quote`] (exact text, prefix,
//! suffix); the old text itself is not needed.
//!
//! Order of attempts, each stricter about doubt than the one before:
//! 1. **Unchanged**: the old range still holds the exact text and the context mostly agrees,
//!    part of it char for char right at the edges.
//! 2. **Exact**: every occurrence of the exact text is ranked by context agreement, then by
//!    distance from where it is expected (the old start, shifted like the nearest confidently
//!    anchored annotation before it in a batch). A winner needs a clear margin; equally good
//!    occurrences are never picked silently: the nearer one is taken only when it is exactly
//!    where expected or much nearer than the others, and then flagged; else the annotation
//!    becomes an orphan listing the candidates.
//! 3. **Fuzzy**: the fewest-edits approximate matches near the expected place (the whole text as a
//!    fallback), scored by similarity and context; accepted above a threshold with a margin over
//!    the runner-up, always flagged for review.
//! 4. Otherwise **orphan**.
//!
//! `needs_review` is false only for an exact match with strong context and no close rival.

mod context;
mod fuzzy;

use crate::model::quote::Quote;
use crate::offset::{CharOffset, CharRange, OffsetMap};
use context::Context;
use std::collections::HashMap;

/// Context agreement for the old range to count as unchanged.
const UNCHANGED_CONTEXT: f64 = 0.5;
/// Share of context chars that must match right at the edges for the old range to count as
/// unchanged: a look-alike a few chars off (same letters, misaligned) matches almost none.
const UNCHANGED_ADJACENT: f64 = 0.25;
/// Context agreement for an exact match to be confident (no review needed).
const STRONG_CONTEXT: f64 = 0.8;
/// Margin over the runner-up's context agreement for a confident exact match.
const STRONG_MARGIN: f64 = 0.25;
/// Context agreement below which a lone exact occurrence of a short quote is not trusted.
const WEAK_CONTEXT: f64 = 0.4;
/// Quotes at least this long are distinctive on their own: a lone occurrence is kept (flagged)
/// even when the context changed.
const DISTINCTIVE_LEN: usize = 16;
/// Context agreements closer than this are a tie.
const TIE: f64 = 0.05;
/// Fuzzy matches need at least this share of the quote's chars to survive (1 - edits / len).
const FUZZY_MIN_SIMILARITY: f64 = 0.75;
/// Fuzzy scoring: weight of the quote's similarity (the rest is context agreement).
const FUZZY_SIMILARITY_WEIGHT: f64 = 0.6;
/// Margin of the best fuzzy score over the runner-up.
const FUZZY_MARGIN: f64 = 0.1;
/// Quotes shorter than this are never matched approximately (too many look-alikes).
const FUZZY_MIN_LEN: usize = 6;
/// Chars searched on each side of the expected place before falling back to the whole text.
const FUZZY_WINDOW: usize = 2000;
/// Largest whole-text fuzzy search, in table cells (pattern chars × text chars).
const FUZZY_MAX_CELLS: usize = 40_000_000;
/// How many exact candidates get the full (edit-distance) context score.
const SHORTLIST: usize = 12;
/// Most candidates listed in an ambiguous orphan.
const MAX_LISTED: usize = 8;

/// How a moved annotation was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MatchKind {
    /// An exact occurrence of the quote; `occurrences` is how many the new text holds.
    Exact {
        /// Number of exact occurrences in the new text.
        occurrences: usize,
        /// Context agreement of the chosen one, 0..=1.
        context: f64,
    },
    /// An approximate match.
    Fuzzy {
        /// Share of the quote's chars kept (1 - edits / quote length), 0..=1.
        similarity: f64,
        /// Context agreement, 0..=1.
        context: f64,
    },
}

/// Why an annotation could not be re-anchored.
#[derive(Debug, Clone, PartialEq)]
pub enum OrphanReason {
    /// The quote has no text.
    EmptyQuote,
    /// Nothing close enough to the quote is in the new text.
    NotFound,
    /// The only occurrences are short and their surroundings do not agree with the quote's.
    WeakContext {
        /// The occurrences that were rejected.
        candidates: Vec<CharRange>,
    },
    /// Several places match equally well; the user picks.
    Ambiguous {
        /// The equally good places (at most a few).
        candidates: Vec<CharRange>,
    },
}

/// The result of re-anchoring one annotation.
#[derive(Debug, Clone, PartialEq)]
pub enum AnchorOutcome {
    /// The old range still holds the quote.
    Unchanged(CharRange),
    /// Found elsewhere (or at the same place with changed context).
    Moved {
        /// The new range.
        range: CharRange,
        /// True unless this is an exact match with strong context and no close rival.
        needs_review: bool,
        /// How it was found.
        how: MatchKind,
    },
    /// Not found; the annotation keeps its data and waits for the user.
    Orphan {
        /// Why.
        reason: OrphanReason,
    },
}

impl AnchorOutcome {
    /// The range, when the annotation was found.
    pub fn range(&self) -> Option<CharRange> {
        match self {
            Self::Unchanged(r) | Self::Moved { range: r, .. } => Some(*r),
            Self::Orphan { .. } => None,
        }
    }

    /// True for `Unchanged`, and for `Moved` without review.
    pub fn is_confident(&self) -> bool {
        matches!(
            self,
            Self::Unchanged(_)
                | Self::Moved {
                    needs_review: false,
                    ..
                }
        )
    }
}

/// Re-anchors one annotation in `new_text`. For many annotations use [`reanchor_all`].
pub fn reanchor(new_text: &str, old_range: CharRange, quote: &Quote) -> AnchorOutcome {
    Reanchorer::new(new_text).reanchor(old_range, quote, 0)
}

/// Re-anchors many annotations at once, in the order given. Sharing the prepared text and the
/// occurrence lists keeps this near-linear for typical documents; annotations are visited in
/// order of their old start so each can expect the shift of the last confident one before it.
pub fn reanchor_all(new_text: &str, items: &[(CharRange, &Quote)]) -> Vec<AnchorOutcome> {
    let mut anchorer = Reanchorer::new(new_text);
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| items[i].0.start);
    let mut results: Vec<Option<AnchorOutcome>> = vec![None; items.len()];
    let mut shift: isize = 0;
    for i in order {
        let (range, quote) = items[i];
        let outcome = anchorer.reanchor(range, quote, shift);
        if let (true, Some(r)) = (outcome.is_confident(), outcome.range()) {
            shift = r.start.0 as isize - range.start.0 as isize;
        }
        results[i] = Some(outcome);
    }
    // Every index was visited once above.
    results.into_iter().flatten().collect()
}

/// The new text prepared for many look-ups: chars, byte↔char map, and a cache of exact
/// occurrences per quote text.
pub struct Reanchorer<'t> {
    text: &'t str,
    chars: Vec<char>,
    map: OffsetMap,
    occurrences: HashMap<String, Vec<usize>>,
}

/// An exact occurrence being ranked.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    context: f64,
    distance: usize,
}

impl<'t> Reanchorer<'t> {
    /// Prepares `text` (O(n)).
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            chars: text.chars().collect(),
            map: OffsetMap::new(text),
            occurrences: HashMap::new(),
        }
    }

    /// Re-anchors one annotation; `shift` is how far annotations before it moved (chars), so
    /// it is expected at `old_range.start + shift`.
    pub fn reanchor(&mut self, old_range: CharRange, quote: &Quote, shift: isize) -> AnchorOutcome {
        let exact: Vec<char> = quote.exact.chars().collect();
        if exact.is_empty() {
            return AnchorOutcome::Orphan {
                reason: OrphanReason::EmptyQuote,
            };
        }
        let ctx = Context::new(&quote.prefix, &quote.suffix);
        let (start, end) = (old_range.start.0, old_range.start.0 + exact.len());
        if end <= self.chars.len()
            && self.chars[start..end] == exact[..]
            && ctx.adjacent_score(&self.chars, start, end) >= UNCHANGED_ADJACENT
            && ctx.score(&self.chars, start, end) >= UNCHANGED_CONTEXT
        {
            return AnchorOutcome::Unchanged(range(start, end));
        }
        let expected = (start as isize + shift).max(0) as usize;
        match self.exact_match(&quote.exact, exact.len(), &ctx, expected) {
            Some(found @ AnchorOutcome::Moved { .. }) => found,
            Some(
                ambiguous @ AnchorOutcome::Orphan {
                    reason: OrphanReason::Ambiguous { .. },
                },
            ) => ambiguous,
            // No occurrence, or only weak ones: an edited version may be the real one.
            weak => {
                self.fuzzy_match(&exact, &ctx, expected)
                    .or(weak)
                    .unwrap_or(AnchorOutcome::Orphan {
                        reason: OrphanReason::NotFound,
                    })
            }
        }
    }

    /// Char starts of every exact occurrence of `needle` (overlapping ones included), cached.
    fn occurrences_of(&mut self, needle: &str) -> &[usize] {
        if !self.occurrences.contains_key(needle) {
            let mut starts = Vec::new();
            let mut from = 0;
            while let Some(pos) = self.text[from..].find(needle) {
                let byte = from + pos;
                // `find` returns char boundaries, so the map always has the offset.
                if let Some(c) = self.map.from_byte(crate::offset::ByteOffset(byte)) {
                    starts.push(c.0);
                }
                // Step one char forward to also find overlapping occurrences.
                let step = self.text[byte..].chars().next().map_or(1, char::len_utf8);
                from = byte + step;
            }
            self.occurrences.insert(needle.to_owned(), starts);
        }
        self.occurrences.get(needle).map_or(&[], Vec::as_slice)
    }

    /// Step 2: rank exact occurrences. `None` when there is none.
    fn exact_match(
        &mut self,
        needle: &str,
        len: usize,
        ctx: &Context,
        expected: usize,
    ) -> Option<AnchorOutcome> {
        let starts = self.occurrences_of(needle).to_vec();
        if starts.is_empty() {
            return None;
        }
        let occurrences = starts.len();
        let chars = &self.chars;
        // Shortlist by the cheap score and by nearness, then score those fully.
        let mut scored: Vec<(f64, usize)> = starts
            .iter()
            .map(|&s| (ctx.adjacent_score(chars, s, s + len), s))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut by_adjacent: Vec<usize> = scored.iter().take(SHORTLIST).map(|p| p.1).collect();
        let near = starts.partition_point(|&s| s < expected);
        let lo = near.saturating_sub(SHORTLIST / 2);
        let hi = (near + SHORTLIST / 2).min(starts.len());
        by_adjacent.extend_from_slice(&starts[lo..hi]);
        by_adjacent.sort_unstable();
        by_adjacent.dedup();
        let mut cands: Vec<Candidate> = by_adjacent
            .into_iter()
            .map(|s| Candidate {
                start: s,
                context: ctx.score(chars, s, s + len),
                distance: s.abs_diff(expected),
            })
            .collect();
        cands.sort_by(|a, b| {
            b.context
                .total_cmp(&a.context)
                .then(a.distance.cmp(&b.distance))
        });
        let best = cands[0];
        // A lone occurrence has no rival: its margin is always enough.
        let runner_up = cands.get(1).map_or(-1.0, |c| c.context);
        let moved = |c: Candidate, needs_review: bool| AnchorOutcome::Moved {
            range: range(c.start, c.start + len),
            needs_review,
            how: MatchKind::Exact {
                occurrences,
                context: c.context,
            },
        };
        let margin = best.context - runner_up;
        if margin >= TIE {
            let strong = best.context >= STRONG_CONTEXT && margin >= STRONG_MARGIN;
            if strong || best.context >= UNCHANGED_CONTEXT {
                return Some(moved(best, !strong));
            }
            if cands.len() == 1 && (best.context >= WEAK_CONTEXT || len >= DISTINCTIVE_LEN) {
                return Some(moved(best, true));
            }
            return Some(AnchorOutcome::Orphan {
                reason: OrphanReason::WeakContext {
                    candidates: listed(&cands, len),
                },
            });
        }
        // Several occurrences agree equally with the context: only nearness can decide.
        let mut tied: Vec<Candidate> = cands
            .iter()
            .copied()
            .filter(|c| c.context >= best.context - TIE)
            .collect();
        tied.sort_by_key(|c| c.distance);
        let (first, second) = (tied[0], tied[1]);
        if best.context >= UNCHANGED_CONTEXT {
            // Exactly where the neighbours' shift puts it, or much nearer than any rival: most
            // likely the one, but a tie is never a silent pick, so it is flagged.
            if first.distance == 0 || first.distance * 4 + 16 <= second.distance {
                return Some(moved(first, true));
            }
        }
        Some(AnchorOutcome::Orphan {
            reason: OrphanReason::Ambiguous {
                candidates: listed(&tied, len),
            },
        })
    }

    /// Step 3: approximate matches near `expected`, then in the whole text.
    fn fuzzy_match(&self, exact: &[char], ctx: &Context, expected: usize) -> Option<AnchorOutcome> {
        let m = exact.len();
        if m < FUZZY_MIN_LEN {
            return None;
        }
        let max_edits = ((1.0 - FUZZY_MIN_SIMILARITY) * m as f64).floor() as usize;
        let n = self.chars.len();
        let from = expected.saturating_sub(FUZZY_WINDOW);
        let to = (expected + m + FUZZY_WINDOW).min(n);
        let mut found = fuzzy::search(exact, &self.chars, from, to, max_edits, 4);
        if found.is_empty() && (from > 0 || to < n) && m.saturating_mul(n) <= FUZZY_MAX_CELLS {
            found = fuzzy::search(exact, &self.chars, 0, n, max_edits, 4);
        }
        let scored: Vec<(f64, f64, fuzzy::FuzzyMatch)> = found
            .into_iter()
            .map(|f| {
                let similarity = 1.0 - f.edits as f64 / m as f64;
                let context = ctx.score(&self.chars, f.start, f.end);
                let score = FUZZY_SIMILARITY_WEIGHT * similarity
                    + (1.0 - FUZZY_SIMILARITY_WEIGHT) * context;
                (score, similarity, f)
            })
            .collect();
        let best = scored.iter().copied().max_by(|a, b| a.0.total_cmp(&b.0))?;
        let runner_up = scored
            .iter()
            .filter(|s| s.2 != best.2)
            .map(|s| s.0)
            .fold(0.0, f64::max);
        if best.0 - runner_up < FUZZY_MARGIN {
            let mut tied: Vec<CharRange> = scored
                .iter()
                .filter(|s| s.0 >= runner_up - TIE)
                .map(|s| range(s.2.start, s.2.end))
                .collect();
            tied.sort();
            tied.truncate(MAX_LISTED);
            return Some(AnchorOutcome::Orphan {
                reason: OrphanReason::Ambiguous { candidates: tied },
            });
        }
        let (_, similarity, f) = best;
        Some(AnchorOutcome::Moved {
            range: range(f.start, f.end),
            needs_review: true,
            how: MatchKind::Fuzzy {
                similarity,
                context: ctx.score(&self.chars, f.start, f.end),
            },
        })
    }
}

fn range(start: usize, end: usize) -> CharRange {
    CharRange::new(CharOffset(start), CharOffset(end))
}

/// The ranges of the first few candidates, in text order.
fn listed(cands: &[Candidate], len: usize) -> Vec<CharRange> {
    let mut starts: Vec<usize> = cands.iter().map(|c| c.start).collect();
    starts.sort_unstable();
    starts
        .into_iter()
        .take(MAX_LISTED)
        .map(|s| range(s, s + len))
        .collect()
}
