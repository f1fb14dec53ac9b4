//! Relation agreement between two annotators: a relation of the first counts as found when the
//! second has a relation of the same type between the spans aligned with its ends (the overlap
//! alignment of [`super::f1::align`]); F1 as for spans, per relation type.

use super::f1::F1Counts;
use crate::model::annotation::AnnotationId;
use crate::model::set::AnnotationSet;
use std::collections::{BTreeMap, BTreeSet};

/// Relation counts per relation type; `alignment` maps annotation ids of `a` to the ids of the
/// spans of `b` they were paired with.
pub fn relation_counts(
    a: &AnnotationSet,
    b: &AnnotationSet,
    alignment: &BTreeMap<AnnotationId, AnnotationId>,
) -> BTreeMap<String, F1Counts> {
    let theirs: BTreeSet<(&str, AnnotationId, AnnotationId)> = b
        .relations()
        .map(|r| (r.kind.as_str(), r.from, r.to))
        .collect();
    let ours: BTreeSet<(&str, AnnotationId, AnnotationId)> = a
        .relations()
        .map(|r| (r.kind.as_str(), r.from, r.to))
        .collect();
    let mut out: BTreeMap<String, F1Counts> = BTreeMap::new();
    let mut found = BTreeSet::new();
    for (kind, from, to) in ours {
        let counts = out.entry(kind.to_owned()).or_default();
        let mapped = alignment
            .get(&from)
            .zip(alignment.get(&to))
            .map(|(f, t)| (kind, *f, *t))
            .filter(|m| theirs.contains(m) && !found.contains(m));
        match mapped {
            Some(m) => {
                counts.tp += 1;
                found.insert(m);
            }
            None => counts.fn_ += 1,
        }
    }
    for m in theirs.difference(&found) {
        out.entry(m.0.to_owned()).or_default().fp += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Timestamp};
    use crate::model::relation::{Relation, RelationId};
    use crate::offset::CharRange;

    fn set(spans: &[(u64, usize, usize)], relations: &[(&str, u64, u64)]) -> AnnotationSet {
        let mut s = AnnotationSet::new();
        for &(id, start, end) in spans {
            s.insert_annotation(Annotation::new(
                AnnotationId(id),
                "claim",
                vec![CharRange::from_indices(start, end)],
                "",
                Timestamp(0),
            ));
        }
        for (k, &(kind, from, to)) in relations.iter().enumerate() {
            s.insert_relation(Relation::new(
                RelationId(k as u64 + 1),
                kind,
                AnnotationId(from),
                AnnotationId(to),
            ));
        }
        s
    }

    /// a: 1→2 attributed-to, 1→3 cue-of; b (ids 7, 8, 9 aligned with 1, 2, 3): 7→8
    /// attributed-to, 9→7 cue-of. attributed-to agrees; cue-of does not (reversed): fn 1, fp 1.
    #[test]
    fn relations_match_through_the_alignment() {
        let a = set(
            &[(1, 0, 5), (2, 10, 15), (3, 20, 25)],
            &[("attributed-to", 1, 2), ("cue-of", 1, 3)],
        );
        let b = set(
            &[(7, 0, 5), (8, 10, 15), (9, 20, 25)],
            &[("attributed-to", 7, 8), ("cue-of", 9, 7)],
        );
        let alignment: BTreeMap<_, _> = [(1, 7), (2, 8), (3, 9)]
            .into_iter()
            .map(|(x, y)| (AnnotationId(x), AnnotationId(y)))
            .collect();
        let c = relation_counts(&a, &b, &alignment);
        assert_eq!(
            c["attributed-to"],
            F1Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c["cue-of"],
            F1Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        // Without alignment nothing matches.
        let none = relation_counts(&a, &b, &BTreeMap::new());
        assert_eq!(
            none["attributed-to"],
            F1Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
    }
}
