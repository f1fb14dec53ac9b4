//! Fleiss' κ for a fixed number of coders (two or more) over nominal values: the mean agreement
//! among the coders' pairs on each unit, corrected for the agreement expected from the pooled
//! value frequencies. Units are whatever the caller counts (here: non-space chars).

use std::collections::BTreeMap;

/// Running sums for Fleiss' κ; tallies of several documents with the same coders add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FleissTally<V: Ord> {
    raters: usize,
    items: u64,
    /// Σ over units and values of n(n − 1), n being how many coders gave the value to the unit.
    agreeing_pairs: u64,
    /// How often each value was given, over all units and coders.
    totals: BTreeMap<V, u64>,
}

impl<V: Ord + Clone> FleissTally<V> {
    /// An empty tally for `raters` coders per unit.
    pub fn new(raters: usize) -> Self {
        Self {
            raters,
            items: 0,
            agreeing_pairs: 0,
            totals: BTreeMap::new(),
        }
    }

    /// The number of coders per unit.
    pub fn raters(&self) -> usize {
        self.raters
    }

    /// Counts one unit from the values its coders gave, one per coder. A unit with another
    /// number of values than [`Self::raters`] is ignored (Fleiss' κ needs the same number on
    /// every unit).
    pub fn add_item(&mut self, values: &[V]) {
        if values.len() != self.raters {
            return;
        }
        let mut counts: BTreeMap<&V, u64> = BTreeMap::new();
        for v in values {
            *counts.entry(v).or_default() += 1;
        }
        let counts: Vec<(V, u64)> = counts.into_iter().map(|(v, n)| (v.clone(), n)).collect();
        self.add_counts(&counts);
    }

    /// Counts one unit given as (value, how many coders gave it); the counts must add up to
    /// [`Self::raters`], otherwise the unit is ignored.
    pub fn add_counts(&mut self, counts: &[(V, u64)]) {
        self.add_counts_times(counts, 1);
    }

    /// Counts `times` units that each got `counts`, as in [`Self::add_counts`].
    pub fn add_counts_times(&mut self, counts: &[(V, u64)], times: u64) {
        if counts.iter().map(|(_, n)| n).sum::<u64>() != self.raters as u64 {
            return;
        }
        self.items += times;
        for (v, n) in counts {
            self.agreeing_pairs += times * n * n.saturating_sub(1);
            *self.totals.entry(v.clone()).or_default() += times * n;
        }
    }

    /// Adds the sums of `other`, which must have the same number of coders (otherwise nothing
    /// is added).
    pub fn merge(&mut self, other: &Self) {
        if other.raters != self.raters {
            return;
        }
        self.items += other.items;
        self.agreeing_pairs += other.agreeing_pairs;
        for (v, n) in &other.totals {
            *self.totals.entry(v.clone()).or_default() += n;
        }
    }

    /// Fleiss' κ; `None` when undefined (fewer than two coders, no unit, or a single value
    /// everywhere).
    pub fn kappa(&self) -> Option<f64> {
        if self.raters < 2 || self.items == 0 {
            return None;
        }
        let n = self.raters as f64;
        let items = self.items as f64;
        let p_bar = self.agreeing_pairs as f64 / (items * n * (n - 1.0));
        let p_e: f64 = self
            .totals
            .values()
            .map(|&t| {
                let p = t as f64 / (items * n);
                p * p
            })
            .sum();
        if (1.0 - p_e).abs() < 1e-12 {
            return None;
        }
        Some((p_bar - p_e) / (1.0 - p_e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of Fleiss' κ on Wikipedia ("Fleiss' kappa", Worked example): 10
    /// subjects, 14 raters, 5 categories; P̄ = 0.378, P_e = 0.213, κ = 0.210.
    #[test]
    fn wikipedia_worked_example() {
        let rows: [[u64; 5]; 10] = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let mut t = FleissTally::new(14);
        for row in rows {
            let counts: Vec<(usize, u64)> = row.iter().copied().enumerate().collect();
            t.add_counts(&counts);
        }
        assert!(
            (t.kappa().unwrap() - 0.210).abs() < 0.0005,
            "{:?}",
            t.kappa()
        );
    }

    #[test]
    fn identical_coders_give_one_and_wrong_sizes_are_ignored() {
        let mut t = FleissTally::new(3);
        t.add_item(&["a", "a", "a"]);
        t.add_item(&["b", "b", "b"]);
        t.add_item(&["a", "b"]);
        assert_eq!(t.kappa(), Some(1.0));
        let mut constant = FleissTally::new(2);
        constant.add_item(&[1, 1]);
        assert_eq!(constant.kappa(), None);
    }

    /// With two coders Fleiss' κ is Scott's π: p_o = 0.7, pooled p(yes) = 0.55, p_e = 0.505,
    /// π = 0.195 / 0.495.
    #[test]
    fn two_coders_give_scotts_pi() {
        let mut t = FleissTally::new(2);
        for (a, b, n) in [
            ("y", "y", 20),
            ("y", "n", 5),
            ("n", "y", 10),
            ("n", "n", 15),
        ] {
            for _ in 0..n {
                t.add_item(&[a, b]);
            }
        }
        assert!((t.kappa().unwrap() - 0.195 / 0.495).abs() < 1e-12);
    }
}
