//! Checks that a schema agrees with itself: unique ids and hotkeys, relation labels that exist,
//! one-of attributes with values.

use super::Schema;
use crate::model::attribute::{AttributeDef, AttributeKind};
use std::collections::HashSet;
use std::fmt;

/// One way a schema contradicts itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaProblem {
    /// An id (label, relation type, attribute or value) is empty.
    EmptyId {
        /// Where: "label", "relation type", or an attribute owner.
        place: String,
    },
    /// Two span labels share an id.
    DuplicateLabel(String),
    /// Two relation types share an id.
    DuplicateRelationType(String),
    /// Two attributes of the same owner share an id.
    DuplicateAttribute {
        /// Label, relation type or "document".
        owner: String,
        /// The repeated id.
        attribute: String,
    },
    /// A one-of attribute lists no value, or one value twice.
    BadChoices {
        /// Label, relation type or "document".
        owner: String,
        /// The attribute.
        attribute: String,
    },
    /// A relation type names a label that does not exist.
    UnknownLabelInRelation {
        /// The relation type.
        relation: String,
        /// The missing label.
        label: String,
    },
    /// Two labels use the same hotkey.
    DuplicateHotkey {
        /// The key.
        key: char,
        /// The second label using it.
        label: String,
    },
}

impl fmt::Display for SchemaProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyId { place } => write!(f, "an id in {place} is empty"),
            Self::DuplicateLabel(id) => write!(f, "label id {id:?} is used twice"),
            Self::DuplicateRelationType(id) => write!(f, "relation type id {id:?} is used twice"),
            Self::DuplicateAttribute { owner, attribute } => {
                write!(f, "{owner}: attribute id {attribute:?} is used twice")
            }
            Self::BadChoices { owner, attribute } => write!(
                f,
                "{owner}: one-of attribute {attribute:?} needs at least one value and no repeats"
            ),
            Self::UnknownLabelInRelation { relation, label } => {
                write!(
                    f,
                    "relation type {relation:?} names label {label:?}, which does not exist"
                )
            }
            Self::DuplicateHotkey { key, label } => {
                write!(
                    f,
                    "hotkey {key:?} of label {label:?} is already used by another label"
                )
            }
        }
    }
}

impl Schema {
    /// Every consistency problem of the schema; empty when it is usable.
    pub fn consistency_problems(&self) -> Vec<SchemaProblem> {
        let mut problems = Vec::new();
        let mut labels = HashSet::new();
        let mut hotkeys = HashSet::new();
        for label in &self.labels {
            if label.id.is_empty() {
                problems.push(SchemaProblem::EmptyId {
                    place: "label".into(),
                });
            }
            if !labels.insert(label.id.as_str()) {
                problems.push(SchemaProblem::DuplicateLabel(label.id.clone()));
            }
            if let Some(key) = label.hotkey {
                if !hotkeys.insert(key) {
                    problems.push(SchemaProblem::DuplicateHotkey {
                        key,
                        label: label.id.clone(),
                    });
                }
            }
            check_attributes(
                &format!("label {:?}", label.id),
                &label.attributes,
                &mut problems,
            );
        }
        let mut relation_ids = HashSet::new();
        for rel in &self.relations {
            if rel.id.is_empty() {
                problems.push(SchemaProblem::EmptyId {
                    place: "relation type".into(),
                });
            }
            if !relation_ids.insert(rel.id.as_str()) {
                problems.push(SchemaProblem::DuplicateRelationType(rel.id.clone()));
            }
            for label in rel.from.iter().chain(&rel.to) {
                if !labels.contains(label.as_str()) {
                    problems.push(SchemaProblem::UnknownLabelInRelation {
                        relation: rel.id.clone(),
                        label: label.clone(),
                    });
                }
            }
            check_attributes(
                &format!("relation type {:?}", rel.id),
                &rel.attributes,
                &mut problems,
            );
        }
        check_attributes("document", &self.document_attributes, &mut problems);
        problems
    }
}

fn check_attributes(owner: &str, defs: &[AttributeDef], problems: &mut Vec<SchemaProblem>) {
    let mut seen = HashSet::new();
    for def in defs {
        if def.id.is_empty() {
            problems.push(SchemaProblem::EmptyId {
                place: owner.to_owned(),
            });
        }
        if !seen.insert(def.id.as_str()) {
            problems.push(SchemaProblem::DuplicateAttribute {
                owner: owner.to_owned(),
                attribute: def.id.clone(),
            });
        }
        if let AttributeKind::OneOf(values) = &def.kind {
            let distinct: HashSet<&String> = values.iter().collect();
            if values.is_empty()
                || distinct.len() != values.len()
                || values.iter().any(String::is_empty)
            {
                problems.push(SchemaProblem::BadChoices {
                    owner: owner.to_owned(),
                    attribute: def.id.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::schema::{Schema, SchemaError, SchemaProblem};

    #[test]
    fn finds_duplicates_unknown_labels_and_hotkeys() {
        let mut s = Schema::fact_checking();
        assert!(s.consistency_problems().is_empty());
        let mut twin = s.labels[0].clone();
        twin.hotkey = Some('2');
        s.labels.push(twin);
        s.relations[0].to.push("speaker".into());
        let kind = s.labels[1].attributes[0].clone();
        s.labels[1].attributes.push(kind);
        let problems = s.consistency_problems();
        assert!(problems.contains(&SchemaProblem::DuplicateLabel("claim".into())));
        assert!(problems.contains(&SchemaProblem::DuplicateHotkey {
            key: '2',
            label: "claim".into()
        }));
        assert!(problems.contains(&SchemaProblem::UnknownLabelInRelation {
            relation: "attributed-to".into(),
            label: "speaker".into()
        }));
        assert!(problems
            .iter()
            .any(|p| matches!(p, SchemaProblem::DuplicateAttribute { attribute, .. } if attribute == "kind")));
        let err = Schema::from_ron_str(&s.to_ron_string(), "bad.ron").unwrap_err();
        assert!(
            matches!(err, SchemaError::Inconsistent { ref problems, .. } if problems.len() == 4)
        );
    }
}
