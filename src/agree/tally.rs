//! Running sums of one comparison (a pair of annotators, or all of them) over one document or
//! many: counts that add up across documents, from which the figures are computed at the end.
//! Units of κ and α are the non-space chars; αU runs over all char offsets, documents laid end to
//! end.

use super::alpha::Coincidences;
use super::attributes::AttributeTally;
use super::cohen::Contingency;
use super::f1::{align, exact_counts, overlap_counts, pooled, F1Counts};
use super::fleiss::FleissTally;
use super::relations::relation_counts;
use super::report::{RelationScores, Scores};
use super::spans::{is_unit_char, LabelIndex, LabelSet, Span};
use super::unitizing::UnitizingStudy;
use crate::model::annotation::AnnotationId;
use crate::model::set::AnnotationSet;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One annotator's file of one document, prepared for comparison.
pub(super) struct Version<'a> {
    pub set: &'a AnnotationSet,
    pub spans: Vec<(AnnotationId, Span)>,
    /// The labels covering each char of the text.
    pub cover: Vec<LabelSet>,
}

impl Version<'_> {
    fn plain_spans(&self) -> Vec<Span> {
        self.spans.iter().map(|(_, s)| s.clone()).collect()
    }
}

/// κ and α sums over chars for one kind of value.
#[derive(Debug, Clone)]
struct CharSums<V: Ord> {
    cohen: Contingency<V>,
    fleiss: FleissTally<V>,
    alpha: Coincidences<V>,
}

impl<V: Ord + Clone> CharSums<V> {
    fn new(raters: usize) -> Self {
        Self {
            cohen: Contingency::new(),
            fleiss: FleissTally::new(raters),
            alpha: Coincidences::new(),
        }
    }

    fn add(&mut self, values: &[V], times: u64) {
        if let [a, b] = values {
            self.cohen.add_many(a.clone(), b.clone(), times);
        }
        let mut counts: BTreeMap<&V, u64> = BTreeMap::new();
        for v in values {
            *counts.entry(v).or_default() += 1;
        }
        let counts: Vec<(V, u64)> = counts.into_iter().map(|(v, n)| (v.clone(), n)).collect();
        self.fleiss.add_counts_times(&counts, times);
        self.alpha.add_unit_times(values, times);
    }

    fn merge(&mut self, other: &Self) {
        self.cohen.merge(&other.cohen);
        self.fleiss.merge(&other.fleiss);
        self.alpha.merge(&other.alpha);
    }

    /// Cohen's κ for two coders, Fleiss' κ for more.
    fn kappa(&self) -> Option<f64> {
        if self.fleiss.raters() == 2 {
            self.cohen.kappa()
        } else {
            self.fleiss.kappa()
        }
    }
}

/// κ, α and αU sums of one group of annotators.
#[derive(Debug, Clone)]
struct UnitSums {
    labels: Vec<CharSums<bool>>,
    overall: CharSums<LabelSet>,
    unitizing: UnitizingStudy<usize>,
}

impl UnitSums {
    fn new(raters: usize, labels: usize) -> Self {
        Self {
            labels: vec![CharSums::new(raters); labels],
            overall: CharSums::new(raters),
            unitizing: UnitizingStudy::new(raters, 0, 0),
        }
    }

    /// The sums of one document's `text` as coded by `versions`.
    fn of_document(text: &str, versions: &[&Version], index: &LabelIndex) -> Self {
        let mut sums = Self::new(versions.len(), index.labels().len());
        // Chars coded alike by everyone are counted once per pattern, not once per char.
        let mut patterns: HashMap<Vec<LabelSet>, u64> = HashMap::new();
        for (i, c) in text.chars().enumerate() {
            if is_unit_char(c) {
                let pattern = versions.iter().map(|v| v.cover[i]).collect();
                *patterns.entry(pattern).or_default() += 1;
            }
        }
        for (pattern, times) in &patterns {
            sums.overall.add(pattern, *times);
            for (bit, label) in sums.labels.iter_mut().enumerate() {
                let values: Vec<bool> = pattern.iter().map(|v| v >> bit & 1 == 1).collect();
                label.add(&values, *times);
            }
        }
        let mut study = UnitizingStudy::new(versions.len(), 0, text.chars().count() as u64);
        for (rater, v) in versions.iter().enumerate() {
            for (_, span) in &v.spans {
                let Some(bit) = index.bit(&span.label) else {
                    continue;
                };
                for r in &span.ranges {
                    study.add_unit(rater, r.start.0 as u64, r.len() as u64, bit);
                }
            }
        }
        sums.unitizing.append(&study);
        sums
    }

    fn merge(&mut self, other: &Self) {
        for (mine, theirs) in self.labels.iter_mut().zip(&other.labels) {
            mine.merge(theirs);
        }
        self.overall.merge(&other.overall);
        self.unitizing.append(&other.unitizing);
    }

    fn scores(&self, bit: Option<usize>, f1_exact: Option<f64>, f1_overlap: Option<f64>) -> Scores {
        match bit {
            Some(bit) => Scores {
                f1_exact,
                f1_overlap,
                kappa: self.labels[bit].kappa(),
                alpha: self.labels[bit].alpha.alpha(),
                alpha_u: self.unitizing.category_alpha(&bit),
            },
            None => Scores {
                f1_exact,
                f1_overlap,
                kappa: self.overall.kappa(),
                alpha: self.overall.alpha.alpha(),
                alpha_u: self.unitizing.alpha(),
            },
        }
    }
}

/// Span F1 counts per label, exact and overlapping.
#[derive(Debug, Clone, Default)]
struct SpanCounts {
    exact: BTreeMap<String, F1Counts>,
    overlap: BTreeMap<String, F1Counts>,
}

impl SpanCounts {
    fn of(a: &Version, b: &Version) -> Self {
        let (sa, sb) = (a.plain_spans(), b.plain_spans());
        Self {
            exact: exact_counts(&sa, &sb),
            overlap: overlap_counts(&sa, &sb),
        }
    }

    fn merge(&mut self, other: &Self) {
        for (mine, theirs) in [
            (&mut self.exact, &other.exact),
            (&mut self.overlap, &other.overlap),
        ] {
            for (label, c) in theirs {
                mine.entry(label.clone()).or_default().add(*c);
            }
        }
    }

    /// (exact, overlap) F1 of one label, or pooled over all with `None`.
    fn f1(&self, label: Option<&str>) -> (Option<f64>, Option<f64>) {
        let pick = |m: &BTreeMap<String, F1Counts>| match label {
            Some(l) => m.get(l).and_then(F1Counts::f1),
            None => pooled(m).f1(),
        };
        (pick(&self.exact), pick(&self.overlap))
    }
}

/// The sums of two annotators.
#[derive(Debug, Clone)]
pub(super) struct PairTally {
    documents: usize,
    units: UnitSums,
    spans: SpanCounts,
    relations: BTreeMap<String, F1Counts>,
    attributes: AttributeTally,
    used: BTreeSet<usize>,
}

impl PairTally {
    /// An empty tally (for summing documents into).
    pub fn empty(labels: usize) -> Self {
        Self {
            documents: 0,
            units: UnitSums::new(2, labels),
            spans: SpanCounts::default(),
            relations: BTreeMap::new(),
            attributes: AttributeTally::default(),
            used: BTreeSet::new(),
        }
    }

    /// The sums of one document annotated by `a` and `b`.
    pub fn of_document(text: &str, a: &Version, b: &Version, index: &LabelIndex) -> Self {
        let ra: Vec<&Span> = a.spans.iter().map(|(_, s)| s).collect();
        let rb: Vec<&Span> = b.spans.iter().map(|(_, s)| s).collect();
        let alignment: BTreeMap<AnnotationId, AnnotationId> = align(&ra, &rb)
            .into_iter()
            .map(|(i, j)| (a.spans[i].0, b.spans[j].0))
            .collect();
        let mut attributes = AttributeTally::default();
        for (ia, ib) in &alignment {
            if let (Some(x), Some(y)) = (a.set.annotation(*ia), b.set.annotation(*ib)) {
                attributes.add_pair(x, y);
            }
        }
        Self {
            documents: 1,
            units: UnitSums::of_document(text, &[a, b], index),
            spans: SpanCounts::of(a, b),
            relations: relation_counts(a.set, b.set, &alignment),
            attributes,
            used: used_labels(&[a, b], index),
        }
    }

    /// Adds another document's sums.
    pub fn merge(&mut self, other: &Self) {
        self.documents += other.documents;
        self.units.merge(&other.units);
        self.spans.merge(&other.spans);
        for (kind, c) in &other.relations {
            self.relations.entry(kind.clone()).or_default().add(*c);
        }
        self.attributes.merge(&other.attributes);
        self.used.extend(&other.used);
    }

    /// The number of documents summed.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The figures overall and per used label.
    pub fn scores(&self, index: &LabelIndex) -> (Scores, BTreeMap<String, Scores>) {
        let (e, o) = self.spans.f1(None);
        let overall = self.units.scores(None, e, o);
        let labels = self
            .used
            .iter()
            .map(|&bit| {
                let name = &index.labels()[bit];
                let (e, o) = self.spans.f1(Some(name));
                (name.clone(), self.units.scores(Some(bit), e, o))
            })
            .collect();
        (overall, labels)
    }

    /// Relation agreement.
    pub fn relation_scores(&self) -> RelationScores {
        RelationScores {
            f1: pooled(&self.relations).f1(),
            types: self
                .relations
                .iter()
                .map(|(k, c)| (k.clone(), c.f1()))
                .collect(),
        }
    }

    /// Attribute agreement.
    pub fn attributes(&self) -> &AttributeTally {
        &self.attributes
    }
}

/// The sums of a group of annotators together.
#[derive(Debug, Clone)]
pub(super) struct GroupTally {
    documents: usize,
    units: UnitSums,
    /// Span counts of every pair of the group, in pair order.
    pairs: Vec<SpanCounts>,
    used: BTreeSet<usize>,
}

impl GroupTally {
    /// An empty tally for `raters` annotators (for summing documents into).
    pub fn empty(raters: usize, labels: usize) -> Self {
        Self {
            documents: 0,
            units: UnitSums::new(raters, labels),
            pairs: vec![SpanCounts::default(); raters * raters.saturating_sub(1) / 2],
            used: BTreeSet::new(),
        }
    }

    /// The sums of one document annotated by every one of `versions`.
    pub fn of_document(text: &str, versions: &[&Version], index: &LabelIndex) -> Self {
        let mut pairs = Vec::new();
        for i in 0..versions.len() {
            for j in i + 1..versions.len() {
                pairs.push(SpanCounts::of(versions[i], versions[j]));
            }
        }
        Self {
            documents: 1,
            units: UnitSums::of_document(text, versions, index),
            pairs,
            used: used_labels(versions, index),
        }
    }

    /// Adds another document's sums (same annotators).
    pub fn merge(&mut self, other: &Self) {
        self.documents += other.documents;
        self.units.merge(&other.units);
        for (mine, theirs) in self.pairs.iter_mut().zip(&other.pairs) {
            mine.merge(theirs);
        }
        self.used.extend(&other.used);
    }

    /// The number of documents summed.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The figures overall and per used label; F1 is the mean over the pairs.
    pub fn scores(&self, index: &LabelIndex) -> (Scores, BTreeMap<String, Scores>) {
        let (e, o) = self.mean_f1(None);
        let overall = self.units.scores(None, e, o);
        let labels = self
            .used
            .iter()
            .map(|&bit| {
                let name = &index.labels()[bit];
                let (e, o) = self.mean_f1(Some(name));
                (name.clone(), self.units.scores(Some(bit), e, o))
            })
            .collect();
        (overall, labels)
    }

    fn mean_f1(&self, label: Option<&str>) -> (Option<f64>, Option<f64>) {
        let f1s: Vec<(Option<f64>, Option<f64>)> = self.pairs.iter().map(|p| p.f1(label)).collect();
        (
            mean(f1s.iter().filter_map(|f| f.0)),
            mean(f1s.iter().filter_map(|f| f.1)),
        )
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn used_labels(versions: &[&Version], index: &LabelIndex) -> BTreeSet<usize> {
    versions
        .iter()
        .flat_map(|v| v.spans.iter().filter_map(|(_, s)| index.bit(&s.label)))
        .collect()
}
