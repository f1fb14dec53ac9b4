//! The annotations, relations and document attributes of one document, with lookup by id and by
//! position. Offsets are chars into the decoded text.

use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::attribute::{AttributeMap, AttributeValue};
use crate::model::relation::{Relation, RelationId};
use crate::model::standoff::StandoffExtras;
use crate::offset::{CharOffset, CharRange};
use std::collections::BTreeMap;

/// Everything annotated on one document. Maps keyed by id keep a canonical order, so two sets with
/// the same content compare equal whatever order things were added in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnotationSet {
    annotations: BTreeMap<AnnotationId, Annotation>,
    relations: BTreeMap<RelationId, Relation>,
    /// Document-level attribute values by attribute id.
    pub document_attributes: AttributeMap,
    /// Events, typed comments, normalizations and equivalences read from standoff corpora.
    pub standoff: StandoffExtras,
    /// How far the annotator has got with the document (set by them; new until they do).
    pub document_status: DocumentStatus,
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
        self.annotations.get_mut(&id)
    }

    /// The relation with `id`.
    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        self.relations.get(&id)
    }

    /// The relation with `id`, to change in place.
    pub fn relation_mut(&mut self, id: RelationId) -> Option<&mut Relation> {
        self.relations.get_mut(&id)
    }

    /// All annotations, by id.
    pub fn annotations(&self) -> impl Iterator<Item = &Annotation> {
        self.annotations.values()
    }

    /// All relations, by id.
    pub fn relations(&self) -> impl Iterator<Item = &Relation> {
        self.relations.values()
    }

    /// Annotations in reading order: by first range start, then id (the order of sidecar files).
    pub fn annotations_in_text_order(&self) -> Vec<&Annotation> {
        let mut list: Vec<&Annotation> = self.annotations.values().collect();
        list.sort_by_key(|a| (a.first_start(), a.id));
        list
    }

    /// Annotations with a range containing `offset`, in reading order.
    pub fn at(&self, offset: CharOffset) -> Vec<&Annotation> {
        let mut list: Vec<&Annotation> = self
            .annotations
            .values()
            .filter(|a| a.contains(offset))
            .collect();
        list.sort_by_key(|a| (a.first_start(), a.id));
        list
    }

    /// Annotations with a range sharing a char with `range`, in reading order.
    pub fn overlapping(&self, range: CharRange) -> Vec<&Annotation> {
        let mut list: Vec<&Annotation> = self
            .annotations
            .values()
            .filter(|a| a.overlaps(range))
            .collect();
        list.sort_by_key(|a| (a.first_start(), a.id));
        list
    }

    /// Relations that start or end at annotation `id`.
    pub fn relations_of(&self, id: AnnotationId) -> impl Iterator<Item = &Relation> {
        self.relations.values().filter(move |r| r.touches(id))
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
        self.annotations.insert(annotation.id, annotation)
    }

    /// Removes the annotation with `id` (its relations stay; see
    /// [`crate::model::edit::Edit::RemoveAnnotation`] to remove both).
    pub fn remove_annotation(&mut self, id: AnnotationId) -> Option<Annotation> {
        self.annotations.remove(&id)
    }

    /// Inserts `relation`, returning the one it replaced with the same id, if any.
    pub fn insert_relation(&mut self, relation: Relation) -> Option<Relation> {
        self.relations.insert(relation.id, relation)
    }

    /// Removes the relation with `id`.
    pub fn remove_relation(&mut self, id: RelationId) -> Option<Relation> {
        self.relations.remove(&id)
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
}
