//! The annotations, relations and document attributes of one document, with lookup by id and by
//! position. Offsets are chars into the decoded text.

use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::attribute::{AttributeMap, AttributeValue};
use crate::model::positions::{PositionIndex, RelationEnds};
use crate::model::relation::{Relation, RelationId};
use crate::model::standoff::StandoffExtras;
use crate::offset::{CharOffset, CharRange};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Everything annotated on one document. Maps keyed by id keep a canonical order, so two sets with
/// the same content compare equal whatever order things were added in. Lookups by position and
/// the relations of an annotation go through indexes kept beside the maps (O(log n) to add,
/// remove or find). The index of positions is built at once on the first lookup by position, so
/// a set filled one annotation at a time and never asked where (an import, `stats`, an export)
/// does not pay for keeping it.
#[derive(Debug, Clone, Default)]
pub struct AnnotationSet {
    annotations: BTreeMap<AnnotationId, Annotation>,
    relations: BTreeMap<RelationId, Relation>,
    /// Document-level attribute values by attribute id.
    pub document_attributes: AttributeMap,
    /// Events, typed comments, normalizations and equivalences read from standoff corpora.
    pub standoff: StandoffExtras,
    /// How far the annotator has got with the document (set by them; new until they do).
    pub document_status: DocumentStatus,
    /// Built on the first lookup by position, then kept up to date.
    positions: OnceLock<PositionIndex>,
    relation_ends: RelationEnds,
}

/// The first id found twice by [`AnnotationSet::from_items`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepeatedId {
    /// Two annotations have this id.
    Annotation(AnnotationId),
    /// Two relations have this id.
    Relation(RelationId),
}

impl PartialEq for AnnotationSet {
    /// Equal content; the indexes follow from it.
    fn eq(&self, other: &Self) -> bool {
        self.annotations == other.annotations
            && self.relations == other.relations
            && self.document_attributes == other.document_attributes
            && self.standoff == other.standoff
            && self.document_status == other.document_status
    }
}

/// How far an annotator has got with a document, as they say (a folder's browser shows it).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum DocumentStatus {
    /// Not started (the default; not written to the file).
    #[default]
    New,
    /// Being annotated.
    InProgress,
    /// Finished.
    Done,
}

impl DocumentStatus {
    /// Every status, in order.
    pub const ALL: [DocumentStatus; 3] = [Self::New, Self::InProgress, Self::Done];

    /// As people say it: "new", "in progress", "done".
    pub fn name(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::InProgress => "in progress",
            Self::Done => "done",
        }
    }
}

impl AnnotationSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of annotations.
    pub fn len(&self) -> usize {
        self.annotations.len()
    }

    /// True when there is no annotation, relation, document attribute, standoff extra or status.
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty()
            && self.relations.is_empty()
            && self.document_attributes.is_empty()
            && self.standoff.is_empty()
            && self.document_status == DocumentStatus::New
    }

    /// The annotation with `id`.
    pub fn annotation(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.get(&id)
    }

    /// The annotation with `id`, to change in place. Prefer [`crate::model::edit::Edit`] for
    /// anything a user does, so it can be undone.
    pub fn annotation_mut(&mut self, id: AnnotationId) -> Option<&mut Annotation> {
        self.settle();
        let a = self.annotations.get_mut(&id)?;
        if let Some(positions) = self.positions.get_mut() {
            positions.take_out(a);
        }
        Some(a)
    }

    /// The relation with `id`.
    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        self.relations.get(&id)
    }

    /// The relation with `id`, to change in place.
    pub fn relation_mut(&mut self, id: RelationId) -> Option<&mut Relation> {
        self.settle();
        let r = self.relations.get_mut(&id)?;
        self.relation_ends.take_out(r);
        Some(r)
    }

    /// Puts annotations and relations handed out for change back into the indexes.
    fn settle(&mut self) {
        if let Some(positions) = self.positions.get_mut() {
            positions.settle(&self.annotations);
        }
        self.relation_ends.settle(&self.relations);
    }

    /// The index of positions, built from the annotations as they are if it was not yet.
    fn positions(&self) -> &PositionIndex {
        self.positions
            .get_or_init(|| PositionIndex::of(self.annotations.values()))
    }

    /// All annotations, by id.
    pub fn annotations(&self) -> impl Iterator<Item = &Annotation> {
        self.annotations.values()
    }

    /// All relations, by id.
    pub fn relations(&self) -> impl Iterator<Item = &Relation> {
        self.relations.values()
    }

    /// A set holding `annotations` and `relations`, its indexes built at once (faster than
    /// inserting one by one, for loading a file). On a repeated id, nothing is built and the
    /// first repeated id is returned.
    pub fn from_items(
        annotations: Vec<Annotation>,
        relations: Vec<Relation>,
    ) -> Result<Self, RepeatedId> {
        let mut by_id = BTreeMap::new();
        for a in annotations {
            let id = a.id;
            if by_id.insert(id, a).is_some() {
                return Err(RepeatedId::Annotation(id));
            }
        }
        let mut set = Self {
            annotations: by_id,
            ..Self::default()
        };
        for r in relations {
            let id = r.id;
            if set.insert_relation(r).is_some() {
                return Err(RepeatedId::Relation(id));
            }
        }
        Ok(set)
    }

    /// Annotations in reading order: by first range start, then id (the order of sidecar files).
    pub fn annotations_in_text_order(&self) -> Vec<&Annotation> {
        // Keys computed once, not per comparison; ids are unique, so an unstable sort gives the
        // one order.
        let mut keyed: Vec<(CharOffset, AnnotationId, &Annotation)> = self
            .annotations
            .values()
            .map(|a| (a.first_start(), a.id, a))
            .collect();
        keyed.sort_unstable_by_key(|&(start, id, _)| (start, id));
        keyed.into_iter().map(|(_, _, a)| a).collect()
    }

    /// Annotations with a range containing `offset`, in reading order. O(log n + k) through the
    /// interval index.
    pub fn at(&self, offset: CharOffset) -> Vec<&Annotation> {
        let candidates = self.positions().candidates_at(offset);
        self.in_reading_order(candidates, |a| a.contains(offset))
    }

    /// Annotations with a range sharing a char with `range`, in reading order. O(log n + k)
    /// through the interval index.
    pub fn overlapping(&self, range: CharRange) -> Vec<&Annotation> {
        match self.positions().candidates_over(range) {
            Some(candidates) => self.in_reading_order(candidates, |a| a.overlaps(range)),
            None => self.in_reading_order(self.annotations.keys().copied(), |a| a.overlaps(range)),
        }
    }

    /// The annotations of `ids` (repeats allowed) that pass `keep`, by first start then id.
    fn in_reading_order(
        &self,
        ids: impl Iterator<Item = AnnotationId>,
        keep: impl Fn(&Annotation) -> bool,
    ) -> Vec<&Annotation> {
        let mut ids: Vec<AnnotationId> = ids.collect();
        ids.sort_unstable();
        ids.dedup();
        let mut list: Vec<&Annotation> = ids
            .into_iter()
            .filter_map(|id| self.annotations.get(&id))
            .filter(|a| keep(a))
            .collect();
        list.sort_by_key(|a| (a.first_start(), a.id));
        list
    }

    /// Relations that start or end at annotation `id`, by id. O(log n + k) through the index of
    /// relation ends.
    pub fn relations_of(&self, id: AnnotationId) -> impl Iterator<Item = &Relation> {
        let mut ids: Vec<RelationId> = self.relation_ends.candidates(id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|rid| self.relations.get(&rid))
            .filter(move |r| r.touches(id))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// An annotation id not used yet (one past the largest).
    pub fn next_annotation_id(&self) -> AnnotationId {
        AnnotationId(
            self.annotations
                .keys()
                .next_back()
                .map_or(1, |id| id.0.saturating_add(1)),
        )
    }

    /// A relation id not used yet (one past the largest).
    pub fn next_relation_id(&self) -> RelationId {
        RelationId(
            self.relations
                .keys()
                .next_back()
                .map_or(1, |id| id.0.saturating_add(1)),
        )
    }

    /// Inserts `annotation`, returning the one it replaced with the same id, if any.
    /// Relations are not checked here; [`crate::model::edit::Edit::AddAnnotation`] refuses duplicates.
    pub fn insert_annotation(&mut self, annotation: Annotation) -> Option<Annotation> {
        self.settle();
        if let Some(positions) = self.positions.get_mut() {
            if let Some(old) = self.annotations.get(&annotation.id) {
                positions.remove(old);
            }
            positions.add(&annotation);
        }
        self.annotations.insert(annotation.id, annotation)
    }

    /// Removes the annotation with `id` (its relations stay; see
    /// [`crate::model::edit::Edit::RemoveAnnotation`] to remove both).
    pub fn remove_annotation(&mut self, id: AnnotationId) -> Option<Annotation> {
        self.settle();
        let old = self.annotations.remove(&id)?;
        if let Some(positions) = self.positions.get_mut() {
            positions.remove(&old);
        }
        Some(old)
    }

    /// Inserts `relation`, returning the one it replaced with the same id, if any.
    pub fn insert_relation(&mut self, relation: Relation) -> Option<Relation> {
        self.settle();
        if let Some(old) = self.relations.get(&relation.id) {
            self.relation_ends.remove(old);
        }
        self.relation_ends.add(&relation);
        self.relations.insert(relation.id, relation)
    }

    /// Removes the relation with `id`.
    pub fn remove_relation(&mut self, id: RelationId) -> Option<Relation> {
        self.settle();
        let old = self.relations.remove(&id)?;
        self.relation_ends.remove(&old);
        Some(old)
    }

    /// Sets (`Some`) or clears (`None`) a document attribute; returns the previous value.
    pub fn set_document_attribute(
        &mut self,
        id: &str,
        value: Option<AttributeValue>,
    ) -> Option<AttributeValue> {
        match value {
            Some(v) => self.document_attributes.insert(id.to_owned(), v),
            None => self.document_attributes.remove(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::Timestamp;

    fn ann(id: u64, ranges: &[(usize, usize)]) -> Annotation {
        let ranges = ranges
            .iter()
            .map(|&(s, e)| CharRange::from_indices(s, e))
            .collect();
        Annotation::new(AnnotationId(id), "claim", ranges, "", Timestamp(0))
    }

    #[test]
    fn lookup_by_position_handles_nested_overlapping_and_discontinuous() {
        let mut set = AnnotationSet::new();
        set.insert_annotation(ann(1, &[(0, 20)]));
        set.insert_annotation(ann(2, &[(5, 10)]));
        set.insert_annotation(ann(3, &[(8, 12)]));
        set.insert_annotation(ann(4, &[(30, 32), (2, 3)]));
        let ids = |v: Vec<&Annotation>| v.iter().map(|a| a.id.0).collect::<Vec<_>>();
        assert_eq!(ids(set.at(CharOffset(9))), vec![1, 2, 3]);
        assert_eq!(ids(set.at(CharOffset(10))), vec![1, 3]);
        assert_eq!(ids(set.at(CharOffset(2))), vec![1, 4]);
        assert_eq!(ids(set.at(CharOffset(31))), vec![4]);
        assert_eq!(ids(set.at(CharOffset(25))), Vec::<u64>::new());
        assert_eq!(
            ids(set.overlapping(CharRange::from_indices(11, 31))),
            vec![1, 4, 3]
        );
        assert_eq!(ids(set.annotations_in_text_order()), vec![1, 4, 2, 3]);
        assert_eq!(set.next_annotation_id(), AnnotationId(5));
    }

    mod index_props {
        use super::*;
        use crate::model::relation::Relation;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Op {
            Insert(u64, Vec<(usize, usize)>),
            Remove(u64),
            Reshape(u64, Vec<(usize, usize)>),
            Relate(u64, u64, u64),
            Unrelate(u64),
            Repoint(u64, u64),
        }

        fn ranges() -> impl Strategy<Value = Vec<(usize, usize)>> {
            // Mostly proper ranges, some empty or reversed (as damaged files may have).
            prop::collection::vec((0usize..60, 0usize..60), 0..3)
        }

        fn op() -> impl Strategy<Value = Op> {
            prop_oneof![
                4 => (0u64..12, ranges()).prop_map(|(id, r)| Op::Insert(id, r)),
                1 => (0u64..12).prop_map(Op::Remove),
                2 => (0u64..12, ranges()).prop_map(|(id, r)| Op::Reshape(id, r)),
                2 => (0u64..6, 0u64..12, 0u64..12).prop_map(|(r, a, b)| Op::Relate(r, a, b)),
                1 => (0u64..6).prop_map(Op::Unrelate),
                1 => (0u64..6, 0u64..12).prop_map(|(r, a)| Op::Repoint(r, a)),
            ]
        }

        fn apply(set: &mut AnnotationSet, op: &Op) {
            match op {
                Op::Insert(id, r) => {
                    set.insert_annotation(ann(*id, r));
                }
                Op::Remove(id) => {
                    set.remove_annotation(AnnotationId(*id));
                }
                Op::Reshape(id, r) => {
                    if let Some(a) = set.annotation_mut(AnnotationId(*id)) {
                        // Raw ranges, so reversed ones occur too.
                        a.ranges = r
                            .iter()
                            .map(|&(s, e)| CharRange {
                                start: CharOffset(s),
                                end: CharOffset(e),
                            })
                            .collect();
                    }
                }
                Op::Relate(rid, a, b) => {
                    let r = Relation::new(
                        RelationId(*rid),
                        "supports",
                        AnnotationId(*a),
                        AnnotationId(*b),
                    );
                    set.insert_relation(r);
                }
                Op::Unrelate(rid) => {
                    set.remove_relation(RelationId(*rid));
                }
                Op::Repoint(rid, a) => {
                    if let Some(r) = set.relation_mut(RelationId(*rid)) {
                        r.to = AnnotationId(*a);
                    }
                }
            }
        }

        fn scan_at(set: &AnnotationSet, p: usize) -> Vec<u64> {
            let mut v: Vec<&Annotation> = set
                .annotations()
                .filter(|a| a.contains(CharOffset(p)))
                .collect();
            v.sort_by_key(|a| (a.first_start(), a.id));
            v.iter().map(|a| a.id.0).collect()
        }

        fn scan_over(set: &AnnotationSet, r: CharRange) -> Vec<u64> {
            let mut v: Vec<&Annotation> = set.annotations().filter(|a| a.overlaps(r)).collect();
            v.sort_by_key(|a| (a.first_start(), a.id));
            v.iter().map(|a| a.id.0).collect()
        }

        proptest! {
            /// The interval index and the relation-end index answer exactly as a scan of every
            /// annotation and relation would, after any mix of adds, removes and changes in place
            /// (empty and reversed ranges included).
            #[test]
            fn indexes_answer_as_a_scan(ops in prop::collection::vec(op(), 1..40), probes in prop::collection::vec((0usize..62, 0usize..62), 8)) {
                let mut set = AnnotationSet::new();
                for op in &ops {
                    apply(&mut set, op);
                    for &(a, b) in &probes {
                        let ids = |v: Vec<&Annotation>| v.iter().map(|a| a.id.0).collect::<Vec<_>>();
                        prop_assert_eq!(ids(set.at(CharOffset(a))), scan_at(&set, a));
                        let r = CharRange { start: CharOffset(a), end: CharOffset(b) };
                        prop_assert_eq!(ids(set.overlapping(r)), scan_over(&set, r));
                    }
                    for id in 0..12 {
                        let fast: Vec<u64> = set.relations_of(AnnotationId(id)).map(|r| r.id.0).collect();
                        let slow: Vec<u64> = set.relations().filter(|r| r.touches(AnnotationId(id))).map(|r| r.id.0).collect();
                        prop_assert_eq!(fast, slow);
                    }
                }
                // The same changes made before any lookup (the index built only at the end).
                let mut lazy = AnnotationSet::new();
                for op in &ops {
                    apply(&mut lazy, op);
                }
                for &(a, b) in &probes {
                    let ids = |v: Vec<&Annotation>| v.iter().map(|a| a.id.0).collect::<Vec<_>>();
                    prop_assert_eq!(ids(lazy.at(CharOffset(a))), scan_at(&set, a));
                    let r = CharRange { start: CharOffset(a), end: CharOffset(b) };
                    prop_assert_eq!(ids(lazy.overlapping(r)), scan_over(&set, r));
                }
                let copy = set.clone();
                prop_assert_eq!(&copy, &set);
                // Built at once, the indexes answer the same.
                let bulk = AnnotationSet::from_items(
                    set.annotations().cloned().collect(),
                    set.relations().cloned().collect(),
                ).expect("ids are unique");
                prop_assert_eq!(&bulk, &set);
                for &(a, b) in &probes {
                    let ids = |v: Vec<&Annotation>| v.iter().map(|a| a.id.0).collect::<Vec<_>>();
                    prop_assert_eq!(ids(bulk.at(CharOffset(a))), scan_at(&set, a));
                    let r = CharRange { start: CharOffset(a), end: CharOffset(b) };
                    prop_assert_eq!(ids(bulk.overlapping(r)), scan_over(&set, r));
                }
            }
        }
    }
}
