//! Krippendorff's α for nominal values, any number of coders, missing values allowed:
//! α = 1 − D_o / D_e computed from the coincidence matrix (Krippendorff 2004, ch. 11). Units
//! are whatever the caller counts (here: non-space chars); a unit with fewer than two values
//! carries no information and is skipped.

use std::collections::BTreeMap;

/// The coincidence matrix o_ck: for every unit, each ordered pair of values given by two different
/// coders adds 1 / (m − 1), m being the number of values of the unit. Matrices of several
/// documents add up.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coincidences<V: Ord> {
    cells: BTreeMap<(V, V), f64>,
}

impl<V: Ord + Clone> Coincidences<V> {
    /// An empty matrix.
    pub fn new() -> Self {
        Self {
            cells: BTreeMap::new(),
        }
    }

    /// Counts one unit from the values its coders gave (missing values left out).
    pub fn add_unit(&mut self, values: &[V]) {
        self.add_unit_times(values, 1);
    }

    /// Counts `times` units that each got exactly `values` (the same multiset).
    pub fn add_unit_times(&mut self, values: &[V], times: u64) {
        let m = values.len();
        if m < 2 || times == 0 {
            return;
        }
        let weight = times as f64 / (m - 1) as f64;
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                if i != j {
                    *self.cells.entry((a.clone(), b.clone())).or_default() += weight;
                }
            }
        }
    }

    /// Adds the matrix of `other` (another document).
    pub fn merge(&mut self, other: &Self) {
        for (key, n) in &other.cells {
            *self.cells.entry(key.clone()).or_default() += n;
        }
    }

    /// Krippendorff's nominal α; `None` when undefined (fewer than two pairable values, or one
    /// single value throughout, so that no disagreement is expected).
    pub fn alpha(&self) -> Option<f64> {
        let mut marginals: BTreeMap<&V, f64> = BTreeMap::new();
        let mut observed = 0.0;
        for ((a, b), n) in &self.cells {
            *marginals.entry(a).or_default() += n;
            if a != b {
                observed += n;
            }
        }
        let total: f64 = marginals.values().sum();
        if total < 2.0 {
            return None;
        }
        let squares: f64 = marginals.values().map(|n| n * n).sum();
        // Σ_{c≠k} n_c·n_k = n² − Σ n_c²
        let expected = total * total - squares;
        if expected.abs() < 1e-9 {
            return None;
        }
        Some(1.0 - (total - 1.0) * observed / expected)
    }
}

/// Nominal α of a reliability table: one row per coder, one column per unit, `None` where the
/// coder gave no value.
pub fn nominal_alpha<V: Ord + Clone>(rows: &[Vec<Option<V>>]) -> Option<f64> {
    let units = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut matrix = Coincidences::new();
    for u in 0..units {
        let values: Vec<V> = rows
            .iter()
            .filter_map(|row| row.get(u).cloned().flatten())
            .collect();
        matrix.add_unit(&values);
    }
    matrix.alpha()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff (2004), Content Analysis, p. 230: 4 coders × 12 units with missing values;
    /// nominal α = 0.743 (nltk's test of the same table: 0.743421052632).
    #[test]
    fn krippendorff_2004_p230() {
        let rows: Vec<Vec<Option<u8>>> = [
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .",
        ]
        .iter()
        .map(|row| row.split(' ').map(|v| v.parse().ok()).collect())
        .collect();
        let alpha = nominal_alpha(&rows).unwrap();
        assert!((alpha - 0.743421052632).abs() < 1e-9, "{alpha}");
    }

    /// Two coders, two units, each disagreeing with the other: n = 4, o_xy = o_yx = 2,
    /// D_o = 4/4, D_e = 8/12, α = −0.5.
    #[test]
    fn hand_computed_disagreement() {
        let rows = vec![vec![Some('x'), Some('y')], vec![Some('y'), Some('x')]];
        assert!((nominal_alpha(&rows).unwrap() + 0.5).abs() < 1e-12);
        let same = vec![vec![Some(1), Some(2), Some(1)]; 3];
        assert_eq!(nominal_alpha(&same), Some(1.0));
        let constant = vec![vec![Some(1), Some(1)]; 2];
        assert_eq!(nominal_alpha(&constant), None);
    }
}
