//! Attribute definitions (in a schema) and attribute values (on annotations, relations and
//! documents). Attribute ids are the short ASCII names used in sidecar files.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Attribute values keyed by attribute id; a `BTreeMap` so files list them in a stable order.
pub type AttributeMap = BTreeMap<String, AttributeValue>;

/// The value of one attribute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AttributeValue {
    /// A yes/no flag.
    Bool(bool),
    /// One of the values listed by an [`AttributeKind::OneOf`] definition.
    Choice(String),
    /// Free text.
    Text(String),
    /// A number (must be finite to be valid).
    Number(f64),
}

impl AttributeValue {
    /// The kind of definition this value fits, named for messages ("bool", "one-of", ...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Bool(_) => "bool",
            Self::Choice(_) => "one-of",
            Self::Text(_) => "text",
            Self::Number(_) => "number",
        }
    }
}

impl fmt::Display for AttributeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bool(true) => f.write_str("yes"),
            Self::Bool(false) => f.write_str("no"),
            Self::Choice(s) | Self::Text(s) => f.write_str(s),
            Self::Number(n) => write!(f, "{n}"),
        }
    }
}

/// What values an attribute accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttributeKind {
    /// Yes or no.
    Bool,
    /// Exactly one of the listed value ids.
    OneOf(Vec<String>),
    /// Any text.
    Text,
    /// Any finite number.
    Number,
}

impl AttributeKind {
    /// The kind's name for messages, matching [`AttributeValue::kind_name`].
    pub fn name(&self) -> &'static str {
        match self {
            Self::Bool => "bool",
            Self::OneOf(_) => "one-of",
            Self::Text => "text",
            Self::Number => "number",
        }
    }

    /// Why `value` does not fit this kind, or `None` when it does.
    pub fn mismatch(&self, value: &AttributeValue) -> Option<ValueMismatch> {
        match (self, value) {
            (Self::Bool, AttributeValue::Bool(_)) | (Self::Text, AttributeValue::Text(_)) => None,
            (Self::Number, AttributeValue::Number(n)) if n.is_finite() => None,
            (Self::Number, AttributeValue::Number(_)) => Some(ValueMismatch::NotFinite),
            (Self::OneOf(allowed), AttributeValue::Choice(v)) => {
                if allowed.contains(v) {
                    None
                } else {
                    Some(ValueMismatch::NotAllowed {
                        allowed: allowed.clone(),
                    })
                }
            }
            _ => Some(ValueMismatch::WrongKind),
        }
    }
}

/// How an attribute value fails its definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueMismatch {
    /// The value is of another kind (text where a bool is expected, ...).
    WrongKind,
    /// A one-of value that is not in the list.
    NotAllowed {
        /// The values the definition allows.
        allowed: Vec<String>,
    },
    /// A number that is NaN or infinite.
    NotFinite,
}

/// The definition of one attribute in a schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    /// Id used in files, unique among the attributes of one label, relation type or document.
    pub id: String,
    /// Name shown in Arabic.
    pub name_ar: String,
    /// Name shown in English.
    pub name_en: String,
    /// Accepted values.
    pub kind: AttributeKind,
    /// What the attribute means, for the annotator.
    #[serde(default)]
    pub description: String,
}

/// Finds the definition with `id` in `defs`.
pub fn find_def<'a>(defs: &'a [AttributeDef], id: &str) -> Option<&'a AttributeDef> {
    defs.iter().find(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mismatch_checks_kind_list_and_finiteness() {
        let one_of = AttributeKind::OneOf(vec!["true".into(), "false".into()]);
        assert_eq!(
            one_of.mismatch(&AttributeValue::Choice("true".into())),
            None
        );
        assert!(matches!(
            one_of.mismatch(&AttributeValue::Choice("maybe".into())),
            Some(ValueMismatch::NotAllowed { .. })
        ));
        assert_eq!(
            AttributeKind::Bool.mismatch(&AttributeValue::Text("yes".into())),
            Some(ValueMismatch::WrongKind)
        );
        assert_eq!(
            AttributeKind::Number.mismatch(&AttributeValue::Number(f64::NAN)),
            Some(ValueMismatch::NotFinite)
        );
        assert_eq!(
            AttributeKind::Number.mismatch(&AttributeValue::Number(2.5)),
            None
        );
    }
}
