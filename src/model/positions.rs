//! Indexes that [`super::AnnotationSet`] keeps beside its maps: where each annotation's ranges lie
//! (an interval tree, for the annotations at a point or over a range in O(log n + k)), and which
//! relations touch each annotation. Offsets are chars into the decoded text; ranges are half-open.
//!
//! Both are kept up to date on insert and remove (O(log n)). An item handed out for change in
//! place (`annotation_mut`, `relation_mut`) is taken out of its index and listed as pending; queries
//! look at the few pending items directly, and the next change puts them back.

use super::annotation::{Annotation, AnnotationId};
use super::relation::{Relation, RelationId};
use crate::offset::{CharOffset, CharRange};
use iset::IntervalMap;
use std::collections::{BTreeMap, BTreeSet};

/// The ranges of every annotation, by position.
#[derive(Clone, Default)]
pub(crate) struct PositionIndex {
    /// Every non-empty range (start < end), with the annotations that have it.
    tree: IntervalMap<usize, Vec<AnnotationId>>,
    /// Annotations with an empty or reversed range (only in damaged files), checked one by one.
    odd: BTreeSet<AnnotationId>,
    /// Annotations handed out for change: not in `tree` or `odd` until [`Self::settle`].
    pending: BTreeSet<AnnotationId>,
}

impl PositionIndex {
    /// The index of `annotations`, built at once (O(n log n) for the sort, then O(n)).
    pub fn of<'a>(annotations: impl Iterator<Item = &'a Annotation>) -> Self {
        let mut odd = BTreeSet::new();
        let mut all: Vec<(usize, usize, AnnotationId)> = Vec::new();
        for a in annotations {
            for r in &a.ranges {
                if r.start < r.end {
                    all.push((r.start.0, r.end.0, a.id));
                } else {
                    odd.insert(a.id);
                }
            }
        }
        all.sort_unstable();
        let mut grouped: Vec<(std::ops::Range<usize>, Vec<AnnotationId>)> = Vec::new();
        for (start, end, id) in all {
            match grouped.last_mut() {
                Some((r, ids)) if r.start == start && r.end == end => ids.push(id),
                _ => grouped.push((start..end, vec![id])),
            }
        }
        Self {
            tree: IntervalMap::from_sorted(grouped),
            odd,
            pending: BTreeSet::new(),
        }
    }

    /// Adds the ranges of `a`.
    pub fn add(&mut self, a: &Annotation) {
        for r in &a.ranges {
            if r.start < r.end {
                match self.tree.get_mut(r.start.0..r.end.0) {
                    Some(ids) => ids.push(a.id),
                    None => {
                        self.tree.insert(r.start.0..r.end.0, vec![a.id]);
                    }
                }
            } else {
                self.odd.insert(a.id);
            }
        }
    }

    /// Removes the ranges of `a` (as they are now) and any pending mark.
    pub fn remove(&mut self, a: &Annotation) {
        if self.pending.remove(&a.id) {
            return;
        }
        for r in &a.ranges {
            if r.start < r.end {
                let interval = r.start.0..r.end.0;
                if let Some(ids) = self.tree.get_mut(interval.clone()) {
                    if let Some(k) = ids.iter().position(|id| *id == a.id) {
                        ids.swap_remove(k);
                    }
                    if ids.is_empty() {
                        self.tree.remove(interval);
                    }
                }
            }
        }
        self.odd.remove(&a.id);
    }

    /// Takes `a` out before it is changed in place; it is looked at directly until settled.
    pub fn take_out(&mut self, a: &Annotation) {
        if !self.pending.contains(&a.id) {
            self.remove(a);
            self.pending.insert(a.id);
        }
    }

    /// Puts the pending annotations back, as they are now.
    pub fn settle(&mut self, annotations: &BTreeMap<AnnotationId, Annotation>) {
        for id in std::mem::take(&mut self.pending) {
            if let Some(a) = annotations.get(&id) {
                self.add(a);
            }
        }
    }

    /// Ids of annotations that may have a range containing `offset` (a superset; each holds at
    /// least one candidate range), possibly repeated.
    pub fn candidates_at(&self, offset: CharOffset) -> impl Iterator<Item = AnnotationId> + '_ {
        self.tree
            .values_overlap(offset.0)
            .flatten()
            .copied()
            .chain(self.pending.iter().copied())
    }

    /// Ids of annotations that may have a range sharing a char with `range` (a superset),
    /// possibly repeated; `None` for a reversed `range` (then every annotation must be checked).
    pub fn candidates_over(
        &self,
        range: CharRange,
    ) -> Option<Box<dyn Iterator<Item = AnnotationId> + '_>> {
        let extra = self.pending.iter().chain(self.odd.iter()).copied();
        if range.start < range.end {
            Some(Box::new(
                self.tree
                    .values(range.start.0..range.end.0)
                    .flatten()
                    .copied()
                    .chain(extra),
            ))
        } else if range.start == range.end {
            // An empty range overlaps the ranges that strictly contain its position.
            Some(Box::new(
                self.tree
                    .values_overlap(range.start.0)
                    .flatten()
                    .copied()
                    .chain(extra),
            ))
        } else {
            None
        }
    }
}

impl std::fmt::Debug for PositionIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PositionIndex({} ranges)", self.tree.len())
    }
}

/// The relations touching each annotation.
#[derive(Debug, Clone, Default)]
pub(crate) struct RelationEnds {
    by_annotation: BTreeMap<AnnotationId, BTreeSet<RelationId>>,
    /// Relations handed out for change: not in `by_annotation` until [`Self::settle`].
    pending: BTreeSet<RelationId>,
}

impl RelationEnds {
    /// Adds both ends of `r`.
    pub fn add(&mut self, r: &Relation) {
        for end in [r.from, r.to] {
            self.by_annotation.entry(end).or_default().insert(r.id);
        }
    }

    /// Removes both ends of `r` (as it is now) and any pending mark.
    pub fn remove(&mut self, r: &Relation) {
        if self.pending.remove(&r.id) {
            return;
        }
        for end in [r.from, r.to] {
            if let Some(set) = self.by_annotation.get_mut(&end) {
                set.remove(&r.id);
                if set.is_empty() {
                    self.by_annotation.remove(&end);
                }
            }
        }
    }

    /// Takes `r` out before it is changed in place.
    pub fn take_out(&mut self, r: &Relation) {
        if !self.pending.contains(&r.id) {
            self.remove(r);
            self.pending.insert(r.id);
        }
    }

    /// Puts the pending relations back, as they are now.
    pub fn settle(&mut self, relations: &BTreeMap<RelationId, Relation>) {
        for id in std::mem::take(&mut self.pending) {
            if let Some(r) = relations.get(&id) {
                self.add(r);
            }
        }
    }

    /// Ids of the relations that may touch `id` (a superset), in id order within each part.
    pub fn candidates(&self, id: AnnotationId) -> impl Iterator<Item = RelationId> + '_ {
        self.by_annotation
            .get(&id)
            .into_iter()
            .flatten()
            .chain(self.pending.iter())
            .copied()
    }
}
