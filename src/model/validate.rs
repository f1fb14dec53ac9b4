//! Checks an [`AnnotationSet`] against a [`Schema`] and its text length; returns every problem as a
//! typed value (never panics). Offsets are chars into the decoded text.

use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::attribute::{find_def, AttributeDef, AttributeMap, ValueMismatch};
use crate::model::relation::RelationId;
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;
use std::fmt;

/// What a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// An annotation.
    Annotation(AnnotationId),
    /// A relation.
    Relation(RelationId),
    /// The document itself.
    Document,
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Annotation(id) => write!(f, "annotation {id}"),
            Self::Relation(id) => write!(f, "relation {id}"),
            Self::Document => f.write_str("document"),
        }
    }
}

/// One way an annotation set disagrees with its schema or its text.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The annotation's label is not in the schema.
    UnknownLabel {
        /// The annotation.
        id: AnnotationId,
        /// Its label.
        label: String,
    },
    /// The annotation has no range.
    NoRanges(AnnotationId),
    /// A range holds no char.
    EmptyRange {
        /// The annotation.
        id: AnnotationId,
        /// The range.
        range: CharRange,
    },
    /// A range ends before it starts.
    ReversedRange {
        /// The annotation.
        id: AnnotationId,
        /// The range as stored.
        range: CharRange,
    },
    /// A range goes past the end of the text.
    RangePastEnd {
        /// The annotation.
        id: AnnotationId,
        /// The range.
        range: CharRange,
        /// Length of the text in chars.
        text_len: usize,
    },
    /// Anchors and ranges differ in number.
    AnchorCount {
        /// The annotation.
        id: AnnotationId,
        /// Number of ranges.
        ranges: usize,
        /// Number of anchors.
        anchors: usize,
    },
    /// The relation's type is not in the schema.
    UnknownRelationType {
        /// The relation.
        id: RelationId,
        /// Its type.
        kind: String,
    },
    /// A relation end does not exist.
    DanglingRelation {
        /// The relation.
        id: RelationId,
        /// The missing annotation.
        missing: AnnotationId,
    },
    /// The relation type does not allow these labels.
    RelationNotAllowed {
        /// The relation.
        id: RelationId,
        /// Its type.
        kind: String,
        /// Label of the source.
        from_label: String,
        /// Label of the target.
        to_label: String,
    },
    /// An attribute is not defined for its owner.
    UnknownAttribute {
        /// Whose attribute.
        owner: Owner,
        /// The attribute id.
        attribute: String,
    },
    /// An attribute value does not fit its definition.
    BadAttributeValue {
        /// Whose attribute.
        owner: Owner,
        /// The attribute id.
        attribute: String,
        /// What the schema asks for.
        expected: ExpectedValue,
        /// The value found.
        found: FoundValue,
    },
}

/// What an attribute's definition asks for, where a value does not fit it.
#[derive(Debug, Clone, PartialEq)]
pub enum ExpectedValue {
    /// One of these values.
    OneOf(Vec<String>),
    /// A finite number (not NaN or infinite).
    FiniteNumber,
    /// A value of this kind (an [`crate::model::attribute::AttributeKind`]'s name).
    Kind(&'static str),
}

impl fmt::Display for ExpectedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OneOf(allowed) => write!(f, "one of {}", allowed.join(", ")),
            Self::FiniteNumber => f.write_str("a finite number"),
            Self::Kind(kind) => write!(f, "a {kind} value"),
        }
    }
}

/// An attribute value that does not fit its definition: its kind's name and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundValue {
    /// The value's kind (`bool`, `one-of`, `text`, `number`).
    pub kind: &'static str,
    /// The value as text.
    pub value: String,
}

impl fmt::Display for FoundValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, self.value)
    }
}

impl Problem {
    /// The annotation or relation the problem is about, to point at it in files and views.
    pub fn owner(&self) -> Owner {
        match self {
            Self::UnknownLabel { id, .. }
            | Self::EmptyRange { id, .. }
            | Self::ReversedRange { id, .. }
            | Self::RangePastEnd { id, .. }
            | Self::AnchorCount { id, .. } => Owner::Annotation(*id),
            Self::NoRanges(id) => Owner::Annotation(*id),
            Self::UnknownRelationType { id, .. }
            | Self::DanglingRelation { id, .. }
            | Self::RelationNotAllowed { id, .. } => Owner::Relation(*id),
            Self::UnknownAttribute { owner, .. } | Self::BadAttributeValue { owner, .. } => *owner,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = |r: &CharRange| format!("{}..{}", r.start.0, r.end.0);
        match self {
            Self::UnknownLabel { id, label } => {
                write!(f, "annotation {id}: label {label:?} is not in the schema")
            }
            Self::NoRanges(id) => write!(f, "annotation {id}: has no range"),
            Self::EmptyRange { id, range } => {
                write!(f, "annotation {id}: range {} is empty", r(range))
            }
            Self::ReversedRange { id, range } => {
                write!(
                    f,
                    "annotation {id}: range {} ends before it starts",
                    r(range)
                )
            }
            Self::RangePastEnd {
                id,
                range,
                text_len,
            } => write!(
                f,
                "annotation {id}: range {} goes past the end of the text ({text_len} chars)",
                r(range)
            ),
            Self::AnchorCount {
                id,
                ranges,
                anchors,
            } => write!(
                f,
                "annotation {id}: {ranges} range(s) but {anchors} anchor(s)"
            ),
            Self::UnknownRelationType { id, kind } => {
                write!(f, "relation {id}: type {kind:?} is not in the schema")
            }
            Self::DanglingRelation { id, missing } => {
                write!(f, "relation {id}: annotation {missing} does not exist")
            }
            Self::RelationNotAllowed {
                id,
                kind,
                from_label,
                to_label,
            } => write!(
                f,
                "relation {id}: {kind:?} is not allowed from {from_label:?} to {to_label:?}"
            ),
            Self::UnknownAttribute { owner, attribute } => {
                write!(
                    f,
                    "{owner}: attribute {attribute:?} is not defined in the schema"
                )
            }
            Self::BadAttributeValue {
                owner,
                attribute,
                expected,
                found,
            } => write!(
                f,
                "{owner}: attribute {attribute:?} expects {expected}, found {:?}",
                found.to_string()
            ),
        }
    }
}

/// What is wrong with the ranges of `a` over a text of `text_len` chars: none, reversed, empty,
/// or past the end. Every exporter relies on ranges passing this (`start <= end <= text_len`).
pub fn range_problems(a: &Annotation, text_len: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    if a.ranges.is_empty() {
        problems.push(Problem::NoRanges(a.id));
    }
    for range in &a.ranges {
        if range.end < range.start {
            problems.push(Problem::ReversedRange {
                id: a.id,
                range: *range,
            });
        } else if range.is_empty() {
            problems.push(Problem::EmptyRange {
                id: a.id,
                range: *range,
            });
        }
        if range.start.0.max(range.end.0) > text_len {
            problems.push(Problem::RangePastEnd {
                id: a.id,
                range: *range,
                text_len,
            });
        }
    }
    problems
}

/// Every problem of `set` against `schema` over a text of `text_len` chars, in id order.
pub fn validate(set: &AnnotationSet, schema: &Schema, text_len: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    for a in set.annotations() {
        let label = schema.label(&a.label);
        if label.is_none() {
            problems.push(Problem::UnknownLabel {
                id: a.id,
                label: a.label.clone(),
            });
        }
        problems.extend(range_problems(a, text_len));
        if a.anchors.len() != a.ranges.len() {
            problems.push(Problem::AnchorCount {
                id: a.id,
                ranges: a.ranges.len(),
                anchors: a.anchors.len(),
            });
        }
        // Attributes of an unknown label cannot be judged; the label problem says enough.
        if let Some(label) = label {
            check_attributes(
                Owner::Annotation(a.id),
                &a.attributes,
                &label.attributes,
                &mut problems,
            );
        }
    }
    for rel in set.relations() {
        let kind = schema.relation_type(&rel.kind);
        if kind.is_none() {
            problems.push(Problem::UnknownRelationType {
                id: rel.id,
                kind: rel.kind.clone(),
            });
        }
        let from = set.annotation(rel.from);
        let to = set.annotation(rel.to);
        for (end, found) in [(rel.from, from.is_some()), (rel.to, to.is_some())] {
            if !found {
                problems.push(Problem::DanglingRelation {
                    id: rel.id,
                    missing: end,
                });
            }
        }
        if let (Some(kind), Some(from), Some(to)) = (kind, from, to) {
            if !kind.allows(&from.label, &to.label) {
                problems.push(Problem::RelationNotAllowed {
                    id: rel.id,
                    kind: rel.kind.clone(),
                    from_label: from.label.clone(),
                    to_label: to.label.clone(),
                });
            }
        }
        if let Some(kind) = kind {
            check_attributes(
                Owner::Relation(rel.id),
                &rel.attributes,
                &kind.attributes,
                &mut problems,
            );
        }
    }
    check_attributes(
        Owner::Document,
        &set.document_attributes,
        &schema.document_attributes,
        &mut problems,
    );
    problems
}

fn check_attributes(
    owner: Owner,
    values: &AttributeMap,
    defs: &[AttributeDef],
    problems: &mut Vec<Problem>,
) {
    for (id, value) in values {
        let Some(def) = find_def(defs, id) else {
            problems.push(Problem::UnknownAttribute {
                owner,
                attribute: id.clone(),
            });
            continue;
        };
        if let Some(mismatch) = def.kind.mismatch(value) {
            let expected = match mismatch {
                ValueMismatch::NotAllowed { allowed } => ExpectedValue::OneOf(allowed),
                ValueMismatch::NotFinite => ExpectedValue::FiniteNumber,
                ValueMismatch::WrongKind => ExpectedValue::Kind(def.kind.name()),
            };
            problems.push(Problem::BadAttributeValue {
                owner,
                attribute: id.clone(),
                expected,
                found: FoundValue {
                    kind: value.kind_name(),
                    value: value.to_string(),
                },
            });
        }
    }
}
