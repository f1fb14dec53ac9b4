//! Attribute values in text formats: how a value is written as text, and how text is typed back
//! through the schema (a `one-of` attribute gives a choice, `bool` a flag, `number` a number).

use crate::model::attribute::{find_def, AttributeKind, AttributeValue};
use crate::model::schema::Schema;

/// The kind the schema gives attribute `attribute` of a span label or relation type `owner_type`
/// (or of the document when `owner_type` is `None`).
pub fn attribute_kind<'a>(
    schema: &'a Schema,
    owner_type: Option<&str>,
    attribute: &str,
) -> Option<&'a AttributeKind> {
    let defs = match owner_type {
        None => &schema.document_attributes,
        Some(t) => schema
            .label(t)
            .map(|l| &l.attributes)
            .or_else(|| schema.relation_type(t).map(|r| &r.attributes))?,
    };
    find_def(defs, attribute).map(|d| &d.kind)
}

/// A value as one piece of text: `true`/`false`, the number, or the text itself.
pub fn value_to_text(value: &AttributeValue) -> String {
    match value {
        AttributeValue::Bool(b) => b.to_string(),
        AttributeValue::Number(n) => n.to_string(),
        AttributeValue::Choice(s) | AttributeValue::Text(s) => s.clone(),
    }
}

/// Types `raw` by the schema's definition of the attribute. Without a definition the value is
/// text; a bool accepts `true`/`false`/`yes`/`no`; a number that does not parse stays text (and
/// validation reports it).
pub fn value_from_text(kind: Option<&AttributeKind>, raw: &str) -> AttributeValue {
    match kind {
        Some(AttributeKind::Bool) => match raw {
            "true" | "yes" => AttributeValue::Bool(true),
            "false" | "no" => AttributeValue::Bool(false),
            _ => AttributeValue::Text(raw.to_owned()),
        },
        Some(AttributeKind::Number) => raw
            .parse::<f64>()
            .map(AttributeValue::Number)
            .unwrap_or_else(|_| AttributeValue::Text(raw.to_owned())),
        Some(AttributeKind::OneOf(_)) => AttributeValue::Choice(raw.to_owned()),
        Some(AttributeKind::Text) | None => AttributeValue::Text(raw.to_owned()),
    }
}

/// A value as JSON: bools and numbers natively, choices and text as strings.
pub fn value_to_json(value: &AttributeValue) -> serde_json::Value {
    match value {
        AttributeValue::Bool(b) => serde_json::Value::Bool(*b),
        AttributeValue::Number(n) => serde_json::Number::from_f64(*n)
            .map(serde_json::Value::Number)
            // NaN and infinities have no JSON form; their text keeps what they were.
            .unwrap_or_else(|| serde_json::Value::String(n.to_string())),
        AttributeValue::Choice(s) | AttributeValue::Text(s) => serde_json::Value::String(s.clone()),
    }
}

/// Types a JSON value by the schema's definition; strings go through [`value_from_text`].
pub fn value_from_json(kind: Option<&AttributeKind>, json: &serde_json::Value) -> AttributeValue {
    match json {
        serde_json::Value::Bool(b) => AttributeValue::Bool(*b),
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(f) => AttributeValue::Number(f),
            None => AttributeValue::Text(n.to_string()),
        },
        serde_json::Value::String(s) => value_from_text(kind, s),
        other => AttributeValue::Text(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_typed_by_the_schema() {
        let s = Schema::fact_checking();
        let verdict = attribute_kind(&s, Some("claim"), "verdict");
        assert_eq!(
            value_from_text(verdict, "false"),
            AttributeValue::Choice("false".into())
        );
        let worthy = attribute_kind(&s, Some("claim"), "check-worthy");
        assert_eq!(value_from_text(worthy, "no"), AttributeValue::Bool(false));
        assert_eq!(
            value_from_text(attribute_kind(&s, None, "topic"), "true"),
            AttributeValue::Text("true".into())
        );
        assert_eq!(
            value_from_text(Some(&AttributeKind::Number), "2.5"),
            AttributeValue::Number(2.5)
        );
        assert_eq!(value_to_text(&AttributeValue::Number(3.0)), "3");
    }
}
