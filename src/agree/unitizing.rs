//! Krippendorff's unitizing αU (Krippendorff 1995; 2004, §12.4): agreement on where units of
//! each category begin and end along a continuum, with every coder's gaps counted, so that it is
//! comparable with the coding α. Positions are plain integers (here: char offsets of a text);
//! sections are half-open. Per category, αU_c = 1 − D_o(c) / D_e(c); over all categories,
//! 1 − mean D_o / mean D_e, as DKPro Statistics computes it.

use std::collections::BTreeSet;

/// One coder's unit: `len` positions from `start`, of `category`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<C> {
    /// Index of the coder, `0..raters`.
    pub rater: usize,
    /// First position.
    pub start: u64,
    /// Number of positions.
    pub len: u64,
    /// The category.
    pub category: C,
}

/// A stretch of one coder's continuum for one category: a unit of it, or a gap between units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// First position.
    pub start: u64,
    /// Number of positions.
    pub len: u64,
    /// True for a unit, false for a gap.
    pub unit: bool,
}

impl Section {
    fn end(self) -> u64 {
        self.start + self.len
    }

    fn within(self, other: Section) -> bool {
        other.start <= self.start && self.end() <= other.end()
    }
}

/// The squared distance δ² between two overlapping sections of two coders (Krippendorff 1995):
/// two units differ by the squares of their start and end differences; a unit inside the other
/// coder's gap counts its squared length; anything else is no disagreement.
pub fn distance(g: Section, h: Section) -> f64 {
    match (g.unit, h.unit) {
        (true, true) => {
            let b = g.start as f64 - h.start as f64;
            let e = g.end() as f64 - h.end() as f64;
            b * b + e * e
        }
        (true, false) if g.within(h) => (g.len as f64).powi(2),
        (false, true) if h.within(g) => (h.len as f64).powi(2),
        _ => 0.0,
    }
}

/// The units of several coders along one continuum `begin..begin + length`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitizingStudy<C> {
    raters: usize,
    begin: u64,
    length: u64,
    units: Vec<Unit<C>>,
}

impl<C: Ord + Clone> UnitizingStudy<C> {
    /// A study of `raters` coders over `begin..begin + length`, without units yet.
    pub fn new(raters: usize, begin: u64, length: u64) -> Self {
        Self {
            raters,
            begin,
            length,
            units: Vec::new(),
        }
    }

    /// The number of coders.
    pub fn raters(&self) -> usize {
        self.raters
    }

    /// The length of the continuum.
    pub fn length(&self) -> u64 {
        self.length
    }

    /// Adds a unit of coder `rater`. Units of one coder and category that overlap are joined
    /// when sections are made (the measure assumes they do not overlap); empty units and units
    /// of an unknown coder are ignored; units are clipped to the continuum.
    pub fn add_unit(&mut self, rater: usize, start: u64, len: u64, category: C) {
        let end = (start + len).min(self.begin + self.length);
        let start = start.max(self.begin);
        if rater < self.raters && end > start {
            self.units.push(Unit {
                rater,
                start,
                len: end - start,
                category,
            });
        }
    }

    /// Appends `other`'s continuum after this one (another document), shifting its units.
    /// Studies with different numbers of coders are not joined.
    pub fn append(&mut self, other: &Self) {
        if other.raters != self.raters {
            return;
        }
        let shift = self.begin + self.length;
        for u in &other.units {
            self.units.push(Unit {
                start: u.start - other.begin + shift,
                ..u.clone()
            });
        }
        self.length += other.length;
    }

    /// The categories that have at least one unit.
    pub fn categories(&self) -> BTreeSet<C> {
        self.units.iter().map(|u| u.category.clone()).collect()
    }

    /// Coder `rater`'s sections for `category`, covering the whole continuum in order.
    pub fn sections(&self, rater: usize, category: &C) -> Vec<Section> {
        let mut spans: Vec<(u64, u64)> = self
            .units
            .iter()
            .filter(|u| u.rater == rater && u.category == *category)
            .map(|u| (u.start, u.start + u.len))
            .collect();
        spans.sort_unstable();
        let mut out = Vec::new();
        let mut pos = self.begin;
        for (start, end) in spans {
            if let Some(last) = out.last_mut().filter(|s: &&mut Section| s.unit) {
                if start < last.end() {
                    // Overlaps the previous unit of the same coder and category: join them.
                    last.len = last.len.max(end - last.start);
                    pos = last.end();
                    continue;
                }
            }
            if start > pos {
                out.push(Section {
                    start: pos,
                    len: start - pos,
                    unit: false,
                });
            }
            out.push(Section {
                start,
                len: end - start,
                unit: true,
            });
            pos = end;
        }
        let stop = self.begin + self.length;
        if pos < stop {
            out.push(Section {
                start: pos,
                len: stop - pos,
                unit: false,
            });
        }
        out
    }

    /// The observed disagreement D_o for `category`.
    pub fn observed(&self, category: &C) -> f64 {
        let r = self.raters as f64;
        let l = self.length as f64;
        if self.raters < 2 || self.length == 0 {
            return 0.0;
        }
        let sections: Vec<Vec<Section>> = (0..self.raters)
            .map(|i| self.sections(i, category))
            .collect();
        let mut sum = 0.0;
        for i in 0..self.raters {
            for j in i + 1..self.raters {
                sum += pair_distance(&sections[i], &sections[j]);
            }
        }
        2.0 * sum / (r * (r - 1.0) * l * l)
    }

    /// The expected disagreement D_e for `category`, over all ways the coders' units could lie
    /// in the continuum; `None` when no unit of it can be placed (nothing to expect).
    pub fn expected(&self, category: &C) -> Option<f64> {
        let r = self.raters as f64;
        let l = self.length as f64;
        let sections: Vec<Section> = (0..self.raters)
            .flat_map(|i| self.sections(i, category))
            .collect();
        let units: Vec<f64> = sections
            .iter()
            .filter(|s| s.unit)
            .map(|s| s.len as f64)
            .collect();
        let mut gaps: Vec<u64> = sections.iter().filter(|s| !s.unit).map(|s| s.len).collect();
        gaps.sort_unstable();
        // Suffix sums so that Σ over gaps at least `len` long is one binary search away.
        let mut suffix = vec![0.0; gaps.len() + 1];
        for k in (0..gaps.len()).rev() {
            suffix[k] = suffix[k + 1] + gaps[k] as f64;
        }
        let n_c = units.len() as f64;
        let mut numerator = 0.0;
        for &len in &units {
            let within_units = (n_c - 1.0) * (2.0 * len.powi(3) - 3.0 * len * len + len) / 3.0;
            let first = gaps.partition_point(|&g| (g as f64) < len);
            let count = (gaps.len() - first) as f64;
            let within_gaps = len * len * (suffix[first] - count * (len - 1.0));
            numerator += within_units + within_gaps;
        }
        let squares: f64 = units.iter().map(|len| len * (len - 1.0)).sum();
        let denominator = r * l * (r * l - 1.0) - squares;
        if l == 0.0 || denominator <= 0.0 || numerator <= 0.0 {
            return None;
        }
        Some(2.0 / l * numerator / denominator)
    }

    /// αU for one category; `None` when undefined (no unit of it, fewer than two coders).
    pub fn category_alpha(&self, category: &C) -> Option<f64> {
        if self.raters < 2 {
            return None;
        }
        let expected = self.expected(category)?;
        Some(1.0 - self.observed(category) / expected)
    }

    /// αU over all categories: 1 − mean D_o / mean D_e; `None` when no category has a unit.
    pub fn alpha(&self) -> Option<f64> {
        if self.raters < 2 {
            return None;
        }
        let categories = self.categories();
        let mut observed = 0.0;
        let mut expected = 0.0;
        for c in &categories {
            observed += self.observed(c);
            expected += self.expected(c).unwrap_or(0.0);
        }
        // The means share the divisor, so it cancels.
        (expected > 0.0).then(|| 1.0 - observed / expected)
    }
}

/// Σ δ² over every pair of overlapping sections of two coders (each list covers the continuum).
fn pair_distance(a: &[Section], b: &[Section]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0.0;
    while i < a.len() && j < b.len() {
        sum += distance(a[i], b[j]);
        match a[i].end().cmp(&b[j].end()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(start: u64, len: u64, unit: bool) -> Section {
        Section { start, len, unit }
    }

    /// Distances worked in Krippendorff (2004) p. 254, as DKPro Statistics' test checks them.
    #[test]
    fn distances_of_the_worked_example() {
        assert_eq!(
            distance(section(225, 70, true), section(220, 80, true)),
            50.0
        );
        assert_eq!(
            distance(section(370, 30, true), section(355, 20, true)),
            850.0
        );
        assert_eq!(
            distance(section(400, 50, false), section(400, 20, true)),
            400.0
        );
        assert_eq!(distance(section(5, 6, true), section(5, 6, true)), 0.0);
        // A unit that sticks out of the other coder's gap is counted against the overlapping unit.
        assert_eq!(distance(section(0, 10, true), section(5, 10, false)), 0.0);
    }

    /// Krippendorff (2004) p. 254: continuum from 150, length 300, two coders, categories c
    /// and k. DKPro Statistics' unitizing test: αU = 0.8591; c: D_o 0.0144, D_e 0.0532,
    /// αU 0.7286; k: D_o 0, D_e 0.0490, αU 1.
    #[test]
    fn krippendorff_2004_p254() {
        let mut study = UnitizingStudy::new(2, 150, 300);
        for (start, len, rater, cat) in [
            (225, 70, 0, 'c'),
            (370, 30, 0, 'c'),
            (220, 80, 1, 'c'),
            (355, 20, 1, 'c'),
            (400, 20, 1, 'c'),
            (180, 60, 0, 'k'),
            (300, 50, 0, 'k'),
            (180, 60, 1, 'k'),
            (300, 50, 1, 'k'),
        ] {
            study.add_unit(rater, start, len, cat);
        }
        assert!((study.observed(&'c') - 0.0144).abs() < 0.0001);
        assert!((study.expected(&'c').unwrap() - 0.0532).abs() < 0.0001);
        assert!((study.category_alpha(&'c').unwrap() - 0.7286).abs() < 0.0001);
        assert_eq!(study.observed(&'k'), 0.0);
        assert!((study.expected(&'k').unwrap() - 0.0490).abs() < 0.0001);
        assert_eq!(study.category_alpha(&'k'), Some(1.0));
        assert!((study.alpha().unwrap() - 0.8591).abs() < 0.0005);
    }

    /// Worked by hand (docs/agreement.md): one coder's unit 26–36 against the other's 3–19
    /// (two overlapping units joined) and 35–43 on a continuum of 54. Σδ² = 16² + 9² + 7² = 386,
    /// D_o = 2·386 / (2·1·54²); D_e = (2/54)·16752 / (2·54·107 − 386); αU ≈ −1.383 < −1.
    #[test]
    fn unitizing_alpha_can_fall_below_minus_one() {
        let mut s = UnitizingStudy::new(2, 0, 54);
        s.add_unit(0, 26, 10, 0);
        for (start, len) in [(3, 7), (9, 10), (35, 8)] {
            s.add_unit(1, start, len, 0);
        }
        let observed = 2.0 * 386.0 / (2.0 * 54.0 * 54.0);
        let expected = 2.0 / 54.0 * 16752.0 / (2.0 * 54.0 * 107.0 - 386.0);
        assert!((s.observed(&0) - observed).abs() < 1e-12);
        assert!((s.expected(&0).unwrap() - expected).abs() < 1e-12);
        let alpha = s.alpha().unwrap();
        assert!((alpha - (1.0 - observed / expected)).abs() < 1e-12 && alpha < -1.38);
    }

    #[test]
    fn overlapping_units_of_one_coder_are_joined_and_documents_append() {
        let mut s = UnitizingStudy::new(1, 0, 20);
        s.add_unit(0, 2, 5, 'x');
        s.add_unit(0, 4, 6, 'x');
        s.add_unit(0, 15, 10, 'x');
        assert_eq!(
            s.sections(0, &'x'),
            vec![
                section(0, 2, false),
                section(2, 8, true),
                section(10, 5, false),
                section(15, 5, true),
            ]
        );
        let mut a = UnitizingStudy::new(2, 0, 10);
        a.add_unit(0, 1, 3, 'x');
        let mut b = UnitizingStudy::new(2, 0, 5);
        b.add_unit(1, 0, 2, 'x');
        a.append(&b);
        assert_eq!(a.length(), 15);
        assert_eq!(
            a.sections(1, &'x'),
            vec![
                section(0, 10, false),
                section(10, 2, true),
                section(12, 3, false)
            ]
        );
    }
}
