//! Attribute agreement between two annotators on the spans they both made (aligned as in
//! [`super::f1::align`]): for every `label.attribute`, how often the two values are the same and
//! Cohen's κ over the aligned pairs, a missing value counting as a value of its own.

use super::cohen::Contingency;
use crate::model::annotation::Annotation;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The value an attribute is compared by; missing values are `None`.
type ValueKey = Option<String>;

/// The value pairs of aligned spans, per `label.attribute`; tallies of several documents add up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributeTally {
    tables: BTreeMap<String, Contingency<ValueKey>>,
}

/// Agreement on one attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributeScores {
    /// Aligned span pairs where at least one annotator gave the attribute a value.
    pub pairs: u64,
    /// Share of those pairs with the same value.
    pub agreement: Option<f64>,
    /// Cohen's κ over those pairs.
    pub kappa: Option<f64>,
}

impl AttributeTally {
    /// Counts the attributes of an aligned pair of annotations.
    pub fn add_pair(&mut self, a: &Annotation, b: &Annotation) {
        let ids: BTreeSet<&String> = a.attributes.keys().chain(b.attributes.keys()).collect();
        for id in ids {
            // The Debug form keeps kinds apart (Choice("yes") is not Text("yes")).
            let key = |x: &Annotation| x.attributes.get(id).map(|v| format!("{v:?}"));
            self.tables
                .entry(format!("{}.{id}", a.label))
                .or_default()
                .add(key(a), key(b));
        }
    }

    /// Adds the counts of `other` (another document).
    pub fn merge(&mut self, other: &Self) {
        for (k, t) in &other.tables {
            self.tables.entry(k.clone()).or_default().merge(t);
        }
    }

    /// The scores per `label.attribute`.
    pub fn scores(&self) -> BTreeMap<String, AttributeScores> {
        self.tables
            .iter()
            .map(|(k, t)| {
                let scores = AttributeScores {
                    pairs: t.total(),
                    agreement: t.observed_agreement(),
                    kappa: t.kappa(),
                };
                (k.clone(), scores)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, Timestamp};
    use crate::model::attribute::AttributeValue;

    fn claim(verdict: Option<&str>) -> Annotation {
        let mut a = Annotation::new(AnnotationId(1), "claim", vec![], "", Timestamp(0));
        if let Some(v) = verdict {
            a.attributes
                .insert("verdict".into(), AttributeValue::Choice(v.into()));
        }
        a
    }

    /// Four aligned claims: (true, true), (false, false), (true, false), (none, true).
    /// Agreement 2/4; κ over the table by hand: p_o = 0.5, first coder true 2/4, false 1/4,
    /// none 1/4; second true 2/4, false 2/4 → p_e = 0.25 + 0.125 = 0.375, κ = 0.125/0.625.
    /// A pair where neither gave a value is not counted.
    #[test]
    fn verdicts_by_hand() {
        let mut t = AttributeTally::default();
        for (x, y) in [
            (Some("true"), Some("true")),
            (Some("false"), Some("false")),
            (Some("true"), Some("false")),
            (None, Some("true")),
        ] {
            t.add_pair(&claim(x), &claim(y));
        }
        t.add_pair(&claim(None), &claim(None));
        let s = &t.scores()["claim.verdict"];
        assert_eq!(s.pairs, 4);
        assert_eq!(s.agreement, Some(0.5));
        assert!((s.kappa.unwrap() - 0.125 / 0.625).abs() < 1e-12);
    }
}
