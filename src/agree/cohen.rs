//! Cohen's κ for two coders over nominal values: (p_o − p_e) / (1 − p_e), where p_o is the share
//! of units both coders gave the same value and p_e the agreement expected from each coder's own
//! value frequencies. Units are whatever the caller counts (here: non-space chars).

use std::collections::BTreeMap;

/// The 2-coder contingency table: how many units got value `a` from the first coder and `b` from
/// the second. Tables of several documents add up (see [`Contingency::merge`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contingency<V: Ord> {
    cells: BTreeMap<(V, V), u64>,
    total: u64,
}

impl<V: Ord> Default for Contingency<V> {
    fn default() -> Self {
        Self {
            cells: BTreeMap::new(),
            total: 0,
        }
    }
}

impl<V: Ord + Clone> Contingency<V> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one unit coded `a` by the first coder and `b` by the second.
    pub fn add(&mut self, a: V, b: V) {
        self.add_many(a, b, 1);
    }

    /// Counts `n` units coded `a` and `b`.
    pub fn add_many(&mut self, a: V, b: V, n: u64) {
        *self.cells.entry((a, b)).or_default() += n;
        self.total += n;
    }

    /// Adds the counts of `other` (another document).
    pub fn merge(&mut self, other: &Self) {
        for ((a, b), n) in &other.cells {
            self.add_many(a.clone(), b.clone(), *n);
        }
    }

    /// Number of units counted.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The share of units both coders gave the same value; `None` with no unit.
    pub fn observed_agreement(&self) -> Option<f64> {
        (self.total > 0).then(|| {
            let same: u64 = self
                .cells
                .iter()
                .filter(|((a, b), _)| a == b)
                .map(|(_, n)| n)
                .sum();
            same as f64 / self.total as f64
        })
    }

    /// Cohen's κ; `None` when it is undefined (no unit, or both coders used one and the same
    /// value everywhere, so that chance agreement is 1).
    pub fn kappa(&self) -> Option<f64> {
        let p_o = self.observed_agreement()?;
        let n = self.total as f64;
        let mut first: BTreeMap<&V, u64> = BTreeMap::new();
        let mut second: BTreeMap<&V, u64> = BTreeMap::new();
        for ((a, b), count) in &self.cells {
            *first.entry(a).or_default() += count;
            *second.entry(b).or_default() += count;
        }
        let p_e: f64 = first
            .iter()
            .map(|(v, a)| (*a as f64 / n) * (second.get(v).copied().unwrap_or(0) as f64 / n))
            .sum();
        if (1.0 - p_e).abs() < 1e-12 {
            return None;
        }
        Some((p_o - p_e) / (1.0 - p_e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cohen (1960) style 2×2 example worked by hand: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    /// p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
    #[test]
    fn two_by_two_by_hand() {
        let mut t = Contingency::new();
        t.add_many("yes", "yes", 20);
        t.add_many("yes", "no", 5);
        t.add_many("no", "yes", 10);
        t.add_many("no", "no", 15);
        assert_eq!(t.observed_agreement(), Some(0.7));
        assert!((t.kappa().unwrap() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn perfect_opposite_and_undefined() {
        let mut same = Contingency::new();
        same.add_many(1, 1, 3);
        same.add_many(2, 2, 2);
        assert_eq!(same.kappa(), Some(1.0));
        let mut opposite = Contingency::new();
        opposite.add_many(1, 2, 4);
        opposite.add_many(2, 1, 4);
        assert_eq!(opposite.kappa(), Some(-1.0));
        let mut constant = Contingency::new();
        constant.add_many(0, 0, 10);
        assert_eq!(constant.kappa(), None);
        assert_eq!(Contingency::<u8>::new().kappa(), None);
    }

    #[test]
    fn merging_tables_is_adding_counts() {
        let mut a = Contingency::new();
        a.add(1, 1);
        a.add(1, 2);
        let mut b = Contingency::new();
        b.add(2, 2);
        b.add(2, 2);
        let mut both = a.clone();
        both.merge(&b);
        let mut direct = Contingency::new();
        for (x, y) in [(1, 1), (1, 2), (2, 2), (2, 2)] {
            direct.add(x, y);
        }
        assert_eq!(both, direct);
        assert_eq!(both.total(), 4);
    }
}
