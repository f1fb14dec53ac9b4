//! Span F1 between two annotators, as bratiaa defines it: F1 = 2·TP / (2·TP + FP + FN), with the
//! first annotator as reference. Exact: a span counts when the other has one with the same label
//! and the same ranges (each annotator's spans taken as a set). Overlap: spans of the same label
//! that share a char are paired one to one (a maximum matching, identical spans first).

use super::spans::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// True positives, false positives and false negatives of one comparison; counts of several
/// labels or documents add up (pooled, as bratiaa does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct F1Counts {
    /// Spans both annotators have.
    pub tp: u64,
    /// Spans only the second annotator has.
    pub fp: u64,
    /// Spans only the first annotator has.
    #[serde(rename = "fn")]
    pub fn_: u64,
}

impl F1Counts {
    /// 2·TP / (2·TP + FP + FN); `None` when neither annotator has a span.
    pub fn f1(&self) -> Option<f64> {
        let denominator = 2 * self.tp + self.fp + self.fn_;
        (denominator > 0).then(|| 2.0 * self.tp as f64 / denominator as f64)
    }

    /// Adds `other`'s counts.
    pub fn add(&mut self, other: F1Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Sums counts over labels.
pub fn pooled(per_label: &BTreeMap<String, F1Counts>) -> F1Counts {
    let mut total = F1Counts::default();
    for c in per_label.values() {
        total.add(*c);
    }
    total
}

/// Exact-match counts per label; `a` is the reference.
pub fn exact_counts(a: &[Span], b: &[Span]) -> BTreeMap<String, F1Counts> {
    let a: BTreeSet<&Span> = a.iter().collect();
    let b: BTreeSet<&Span> = b.iter().collect();
    let mut out: BTreeMap<String, F1Counts> = BTreeMap::new();
    for s in &a {
        let c = out.entry(s.label.clone()).or_default();
        if b.contains(s) {
            c.tp += 1;
        } else {
            c.fn_ += 1;
        }
    }
    for s in b.difference(&a) {
        out.entry(s.label.clone()).or_default().fp += 1;
    }
    out
}

/// Overlap-match counts per label over each annotator's distinct spans; `a` is the reference.
pub fn overlap_counts(a: &[Span], b: &[Span]) -> BTreeMap<String, F1Counts> {
    let a: Vec<&Span> = a.iter().collect::<BTreeSet<_>>().into_iter().collect();
    let b: Vec<&Span> = b.iter().collect::<BTreeSet<_>>().into_iter().collect();
    let pairs = align(&a, &b);
    let mut out: BTreeMap<String, F1Counts> = BTreeMap::new();
    let mut matched_a = vec![false; a.len()];
    let mut matched_b = vec![false; b.len()];
    for &(i, j) in &pairs {
        matched_a[i] = true;
        matched_b[j] = true;
        out.entry(a[i].label.clone()).or_default().tp += 1;
    }
    for (s, _) in a.iter().zip(&matched_a).filter(|(_, m)| !**m) {
        out.entry(s.label.clone()).or_default().fn_ += 1;
    }
    for (s, _) in b.iter().zip(&matched_b).filter(|(_, m)| !**m) {
        out.entry(s.label.clone()).or_default().fp += 1;
    }
    out
}

/// Pairs spans of `a` with spans of `b` of the same label that share a char, one to one, as
/// many as possible (Kuhn's augmenting paths); each span tries identical spans first, then those
/// sharing the most chars. Returns (index in `a`, index in `b`) in `a`'s order.
pub fn align(a: &[&Span], b: &[&Span]) -> Vec<(usize, usize)> {
    let candidates: Vec<Vec<usize>> = a
        .iter()
        .map(|s| {
            let mut c: Vec<usize> = (0..b.len())
                .filter(|&j| b[j].label == s.label && s.overlaps(b[j]))
                .collect();
            c.sort_by_key(|&j| (b[j] != *s, std::cmp::Reverse(s.shared_chars(b[j])), j));
            c
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; b.len()];
    for i in 0..a.len() {
        let mut seen = vec![false; b.len()];
        augment(i, &candidates, &mut owner, &mut seen);
    }
    let mut pairs: Vec<(usize, usize)> = owner
        .iter()
        .enumerate()
        .filter_map(|(j, i)| i.map(|i| (i, j)))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// Tries to give `i` a partner, moving earlier partners along if that frees one.
fn augment(
    i: usize,
    candidates: &[Vec<usize>],
    owner: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    for &j in &candidates[i] {
        if seen[j] {
            continue;
        }
        seen[j] = true;
        if owner[j].is_none_or(|k| augment(k, candidates, owner, seen)) {
            owner[j] = Some(i);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offset::CharRange;

    fn span(label: &str, s: usize, e: usize) -> Span {
        Span::new(label, &[CharRange::from_indices(s, e)], 1000).unwrap()
    }

    /// By hand: a has claim 0-10, claim 20-30, source 40-45; b has claim 0-10, claim 22-30,
    /// source 50-55. Exact: tp 1 (claim 0-10), fn 2, fp 2 → F1 = 2/6. Overlap: claims pair both
    /// ways, sources do not → tp 2, fn 1, fp 1 → F1 = 4/6.
    #[test]
    fn exact_and_overlap_by_hand() {
        let a = [
            span("claim", 0, 10),
            span("claim", 20, 30),
            span("source", 40, 45),
        ];
        let b = [
            span("claim", 0, 10),
            span("claim", 22, 30),
            span("source", 50, 55),
        ];
        let exact = pooled(&exact_counts(&a, &b));
        assert_eq!((exact.tp, exact.fp, exact.fn_), (1, 2, 2));
        assert!((exact.f1().unwrap() - 2.0 / 6.0).abs() < 1e-12);
        let overlap = overlap_counts(&a, &b);
        assert_eq!(
            overlap["claim"],
            F1Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            overlap["source"],
            F1Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert!((pooled(&overlap).f1().unwrap() - 4.0 / 6.0).abs() < 1e-12);
        assert_eq!(F1Counts::default().f1(), None);
    }

    /// One long span of a overlaps two short ones of b: only one pair, the larger overlap;
    /// a maximum matching moves a partner along when that frees one for another span.
    #[test]
    fn overlap_pairs_one_to_one_and_maximally() {
        let a = [span("claim", 0, 20)];
        let b = [span("claim", 0, 5), span("claim", 8, 20)];
        let c = overlap_counts(&a, &b);
        assert_eq!(
            c["claim"],
            F1Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        let (x, y) = (span("claim", 0, 10), span("claim", 5, 8));
        let (p, q) = (span("claim", 4, 6), span("claim", 9, 12));
        // x would take p (shares 2) before q (shares 1); y can only take p, so x moves to q.
        let pairs = align(&[&x, &y], &[&p, &q]);
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }
}
