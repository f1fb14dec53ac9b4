//! Changes to an [`AnnotationSet`] as values: each edit applies and returns its inverse, so undo
//! and redo are built from edits alone. Offsets are chars into the decoded text.

use crate::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use crate::model::attribute::AttributeValue;
use crate::model::quote::Quote;
use crate::model::relation::{Relation, RelationId};
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;

/// One change to an annotation set. Serializable, so a recovery journal can record edits.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    /// Adds an annotation; fails if its id is taken.
    AddAnnotation(Annotation),
    /// Removes an annotation and every relation touching it.
    RemoveAnnotation(AnnotationId),
    /// Replaces an annotation wholesale (same id); for changes that touch several fields at once.
    ReplaceAnnotation(Annotation),
    /// Replaces the ranges of an annotation and their anchor quotes.
    SetRanges {
        /// The annotation.
        id: AnnotationId,
        /// New ranges.
        ranges: Vec<CharRange>,
        /// One anchor per new range.
        anchors: Vec<Quote>,
    },
    /// Changes the label of an annotation.
    SetLabel {
        /// The annotation.
        id: AnnotationId,
        /// New label id.
        label: String,
    },
    /// Sets (`Some`) or clears (`None`) an attribute of an annotation.
    SetAttribute {
        /// The annotation.
        id: AnnotationId,
        /// Attribute id.
        attribute: String,
        /// New value.
        value: Option<AttributeValue>,
    },
    /// Replaces the note of an annotation.
    SetNote {
        /// The annotation.
        id: AnnotationId,
        /// New note.
        note: String,
    },
    /// Changes the status of an annotation.
    SetStatus {
        /// The annotation.
        id: AnnotationId,
        /// New status.
        status: AnnotationStatus,
    },
    /// Sets the modified time of an annotation and who changed it (see [`Edit::stamped`]).
    SetModified {
        /// The annotation.
        id: AnnotationId,
        /// The new modified time.
        at: Timestamp,
        /// The annotator who made the change.
        by: String,
    },
    /// Adds a relation; fails if its id is taken or an end is missing.
    AddRelation(Relation),
    /// Removes a relation.
    RemoveRelation(RelationId),
    /// Sets (`Some`) or clears (`None`) an attribute of a relation.
    SetRelationAttribute {
        /// The relation.
        id: RelationId,
        /// Attribute id.
        attribute: String,
        /// New value.
        value: Option<AttributeValue>,
    },
    /// Sets (`Some`) or clears (`None`) a document attribute.
    SetDocumentAttribute {
        /// Attribute id.
        attribute: String,
        /// New value.
        value: Option<AttributeValue>,
    },
    /// Sets how far the annotator has got with the document.
    SetDocumentStatus(crate::model::set::DocumentStatus),
    /// Several edits applied in order as one step (one undo for one user action); all or nothing.
    Group(Vec<Edit>),
}

/// Why an edit could not be applied; the set is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No annotation has this id.
    #[error("annotation {0} does not exist (it may have been removed); refresh the view")]
    NoSuchAnnotation(AnnotationId),
    /// No relation has this id.
    #[error("relation {0} does not exist (it may have been removed); refresh the view")]
    NoSuchRelation(RelationId),
    /// An annotation with this id exists already.
    #[error("annotation id {0} is already used; take a new id from next_annotation_id()")]
    AnnotationIdTaken(AnnotationId),
    /// A relation with this id exists already.
    #[error("relation id {0} is already used; take a new id from next_relation_id()")]
    RelationIdTaken(RelationId),
    /// A relation would point at a missing annotation.
    #[error("relation {relation} points at annotation {missing}, which does not exist")]
    DanglingRelation {
        /// The relation.
        relation: RelationId,
        /// The missing end.
        missing: AnnotationId,
    },
    /// Ranges and anchors differ in number.
    #[error(
        "annotation {id}: {ranges} range(s) but {anchors} anchor(s); capture one anchor per range"
    )]
    AnchorCount {
        /// The annotation.
        id: AnnotationId,
        /// Number of ranges.
        ranges: usize,
        /// Number of anchors.
        anchors: usize,
    },
}

impl Edit {
    /// Applies the edit and returns its inverse; on error the set is left as it was.
    pub fn apply(&self, set: &mut AnnotationSet) -> Result<Edit, EditError> {
        match self {
            Self::AddAnnotation(a) => {
                if set.annotation(a.id).is_some() {
                    return Err(EditError::AnnotationIdTaken(a.id));
                }
                set.insert_annotation(a.clone());
                Ok(Self::RemoveAnnotation(a.id))
            }
            Self::RemoveAnnotation(id) => {
                let relations: Vec<RelationId> = set.relations_of(*id).map(|r| r.id).collect();
                let removed = set
                    .remove_annotation(*id)
                    .ok_or(EditError::NoSuchAnnotation(*id))?;
                let mut undo = vec![Self::AddAnnotation(removed)];
                for rid in relations {
                    if let Some(r) = set.remove_relation(rid) {
                        undo.push(Self::AddRelation(r));
                    }
                }
                Ok(Self::Group(undo))
            }
            Self::ReplaceAnnotation(a) => {
                let slot = set
                    .annotation_mut(a.id)
                    .ok_or(EditError::NoSuchAnnotation(a.id))?;
                Ok(Self::ReplaceAnnotation(std::mem::replace(slot, a.clone())))
            }
            Self::SetRanges {
                id,
                ranges,
                anchors,
            } => {
                if ranges.len() != anchors.len() {
                    return Err(EditError::AnchorCount {
                        id: *id,
                        ranges: ranges.len(),
                        anchors: anchors.len(),
                    });
                }
                let a = annotation(set, *id)?;
                Ok(Self::SetRanges {
                    id: *id,
                    ranges: std::mem::replace(&mut a.ranges, ranges.clone()),
                    anchors: std::mem::replace(&mut a.anchors, anchors.clone()),
                })
            }
            Self::SetLabel { id, label } => {
                let a = annotation(set, *id)?;
                Ok(Self::SetLabel {
                    id: *id,
                    label: std::mem::replace(&mut a.label, label.clone()),
                })
            }
            Self::SetAttribute {
                id,
                attribute,
                value,
            } => {
                let a = annotation(set, *id)?;
                let old = set_in_map(&mut a.attributes, attribute, value.clone());
                Ok(Self::SetAttribute {
                    id: *id,
                    attribute: attribute.clone(),
                    value: old,
                })
            }
            Self::SetNote { id, note } => {
                let a = annotation(set, *id)?;
                Ok(Self::SetNote {
                    id: *id,
                    note: std::mem::replace(&mut a.note, note.clone()),
                })
            }
            Self::SetStatus { id, status } => {
                let a = annotation(set, *id)?;
                Ok(Self::SetStatus {
                    id: *id,
                    status: std::mem::replace(&mut a.status, *status),
                })
            }
            Self::SetModified { id, at, by } => {
                let a = annotation(set, *id)?;
                Ok(Self::SetModified {
                    id: *id,
                    at: std::mem::replace(&mut a.modified, *at),
                    by: std::mem::replace(&mut a.modified_by, by.clone()),
                })
            }
            Self::AddRelation(r) => {
                if set.relation(r.id).is_some() {
                    return Err(EditError::RelationIdTaken(r.id));
                }
                for end in [r.from, r.to] {
                    if set.annotation(end).is_none() {
                        return Err(EditError::DanglingRelation {
                            relation: r.id,
                            missing: end,
                        });
                    }
                }
                set.insert_relation(r.clone());
                Ok(Self::RemoveRelation(r.id))
            }
            Self::RemoveRelation(id) => {
                let r = set
                    .remove_relation(*id)
                    .ok_or(EditError::NoSuchRelation(*id))?;
                Ok(Self::AddRelation(r))
            }
            Self::SetRelationAttribute {
                id,
                attribute,
                value,
            } => {
                let r = set
                    .relation_mut(*id)
                    .ok_or(EditError::NoSuchRelation(*id))?;
                let old = set_in_map(&mut r.attributes, attribute, value.clone());
                Ok(Self::SetRelationAttribute {
                    id: *id,
                    attribute: attribute.clone(),
                    value: old,
                })
            }
            Self::SetDocumentAttribute { attribute, value } => {
                let old = set.set_document_attribute(attribute, value.clone());
                Ok(Self::SetDocumentAttribute {
                    attribute: attribute.clone(),
                    value: old,
                })
            }
            Self::SetDocumentStatus(status) => Ok(Self::SetDocumentStatus(std::mem::replace(
                &mut set.document_status,
                *status,
            ))),
            Self::Group(edits) => {
                let mut undo = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(set) {
                        Ok(inverse) => undo.push(inverse),
                        Err(err) => {
                            // All or nothing: roll back what this group already did.
                            for inverse in undo.iter().rev() {
                                // Inverses of edits that just succeeded always apply.
                                let _ = inverse.apply(set);
                            }
                            return Err(err);
                        }
                    }
                }
                undo.reverse();
                Ok(Self::Group(undo))
            }
        }
    }

    /// This edit grouped with setting the modified time of the annotation it changes to `now`
    /// and its last editor to `by`, so one undo restores all; edits that change no existing
    /// annotation's fields come back as they are.
    pub fn stamped(self, now: Timestamp, by: &str) -> Edit {
        let target = match &self {
            Self::SetRanges { id, .. }
            | Self::SetLabel { id, .. }
            | Self::SetAttribute { id, .. }
            | Self::SetNote { id, .. }
            | Self::SetStatus { id, .. } => Some(*id),
            _ => None,
        };
        match target {
            Some(id) => Self::Group(vec![
                self,
                Self::SetModified {
                    id,
                    at: now,
                    by: by.to_owned(),
                },
            ]),
            None => self,
        }
    }

    /// The edit that would undo this one on `set` as it is now, without changing `set`.
    pub fn invert(&self, set: &AnnotationSet) -> Result<Edit, EditError> {
        // Applying to a copy keeps one source of truth for what each edit does.
        let mut scratch = set.clone();
        self.apply(&mut scratch)
    }
}

fn annotation(set: &mut AnnotationSet, id: AnnotationId) -> Result<&mut Annotation, EditError> {
    set.annotation_mut(id)
        .ok_or(EditError::NoSuchAnnotation(id))
}

fn set_in_map(
    map: &mut crate::model::attribute::AttributeMap,
    key: &str,
    value: Option<AttributeValue>,
) -> Option<AttributeValue> {
    match value {
        Some(v) => map.insert(key.to_owned(), v),
        None => map.remove(key),
    }
}
