//! Annotation schemas: span labels, relation types and attribute definitions, with Arabic and
//! English names. Loaded from RON (`load`), checked for consistency (`consistency`).

mod colour;
mod consistency;
pub(crate) mod load;

pub use colour::Colour;
pub use consistency::SchemaProblem;
pub use load::SchemaError;

use crate::model::attribute::AttributeDef;
use serde::{Deserialize, Serialize};

/// The id of the bundled fact-checking schema, as sidecars refer to it.
pub const FACT_CHECKING: &str = "fact-checking";

/// The RON text of the bundled fact-checking schema.
pub const FACT_CHECKING_RON: &str = include_str!("../../../assets/schemas/fact-checking.ron");

/// What may be annotated in a document and how. Unknown fields are refused so that a misspelt
/// field name is reported instead of silently ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schema {
    /// Short id of the schema (e.g. "fact-checking").
    pub id: String,
    /// Name shown in Arabic.
    pub name_ar: String,
    /// Name shown in English.
    pub name_en: String,
    /// Labels for spans.
    pub labels: Vec<SpanLabel>,
    /// Types of links between annotations.
    #[serde(default)]
    pub relations: Vec<RelationType>,
    /// Attributes of the whole document.
    #[serde(default)]
    pub document_attributes: Vec<AttributeDef>,
    /// Event types (from a brat `[events]` section); each is also a span label, the label of
    /// its trigger spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventType>,
}

/// A type of event: its id (also the label of its triggers) and the roles its arguments take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventType {
    /// Id, as in files.
    pub id: String,
    /// The roles, in order.
    #[serde(default)]
    pub roles: Vec<EventRole>,
}

/// One role of an event type, as brat declares it (`Theme+:Protein|<EVENT>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRole {
    /// The role with brat's cardinality mark if any (`Theme`, `Cause?`, `Theme+`, `Arg{2}`).
    pub role: String,
    /// Labels or event types that may fill it (`<EVENT>` for any event, `<ENTITY>` for any span).
    pub types: Vec<String>,
}

/// A label annotators put on spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanLabel {
    /// Id used in sidecar files.
    pub id: String,
    /// Name shown in Arabic.
    pub name_ar: String,
    /// Name shown in English.
    pub name_en: String,
    /// Highlight colour.
    pub colour: Colour,
    /// Key that applies the label to the selection (one char, e.g. '1').
    #[serde(default)]
    pub hotkey: Option<char>,
    /// What the label means, for the annotator.
    #[serde(default)]
    pub description: String,
    /// Attributes of spans with this label.
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
}

/// A type of link between two annotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationType {
    /// Id used in sidecar files.
    pub id: String,
    /// Name shown in Arabic.
    pub name_ar: String,
    /// Name shown in English.
    pub name_en: String,
    /// Labels the source annotation may have; empty means any.
    #[serde(default)]
    pub from: Vec<String>,
    /// Labels the target annotation may have; empty means any.
    #[serde(default)]
    pub to: Vec<String>,
    /// True when the link has a direction (drawn as an arrow); false for symmetric links.
    #[serde(default = "yes")]
    pub directed: bool,
    /// What the link means, for the annotator.
    #[serde(default)]
    pub description: String,
    /// Attributes of links of this type.
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
}

fn yes() -> bool {
    true
}

impl RelationType {
    /// True when a link of this type may go from a `from_label` span to a `to_label` span
    /// (either way round when the type is not directed).
    pub fn allows(&self, from_label: &str, to_label: &str) -> bool {
        let fits = |allowed: &[String], label: &str| {
            allowed.is_empty() || allowed.iter().any(|l| l == label)
        };
        let forward = fits(&self.from, from_label) && fits(&self.to, to_label);
        forward || (!self.directed && fits(&self.from, to_label) && fits(&self.to, from_label))
    }
}

impl Schema {
    /// The bundled fact-checking schema (Claim, Source, Cue, Quote, Evidence).
    pub fn fact_checking() -> Self {
        // The bundled file is checked by a unit test, so failing here is a build defect.
        Self::from_ron_str(FACT_CHECKING_RON, "assets/schemas/fact-checking.ron")
            .expect("bundled fact-checking schema is valid (tested)")
    }

    /// A bundled schema by id, or `None` if there is none with that id.
    pub fn bundled(id: &str) -> Option<Self> {
        (id == FACT_CHECKING).then(Self::fact_checking)
    }

    /// The span label with `id`.
    pub fn label(&self, id: &str) -> Option<&SpanLabel> {
        self.labels.iter().find(|l| l.id == id)
    }

    /// The event type with `id`.
    pub fn event_type(&self, id: &str) -> Option<&EventType> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The relation type with `id`.
    pub fn relation_type(&self, id: &str) -> Option<&RelationType> {
        self.relations.iter().find(|r| r.id == id)
    }

    /// The span label bound to `hotkey`.
    pub fn label_for_hotkey(&self, hotkey: char) -> Option<&SpanLabel> {
        self.labels.iter().find(|l| l.hotkey == Some(hotkey))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::attribute::AttributeKind;

    #[test]
    fn bundled_fact_checking_schema_has_the_promised_labels_and_relations() {
        let s = Schema::fact_checking();
        let ids: Vec<&str> = s.labels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["claim", "source", "cue", "quote", "evidence"]);
        let keys: Vec<Option<char>> = s.labels.iter().map(|l| l.hotkey).collect();
        assert_eq!(
            keys,
            [Some('1'), Some('2'), Some('3'), Some('4'), Some('5')]
        );
        let mut colours: Vec<Colour> = s.labels.iter().map(|l| l.colour).collect();
        colours.dedup();
        assert_eq!(colours.len(), 5, "colours must be distinct");
        assert!(s
            .labels
            .iter()
            .all(|l| !l.name_ar.is_empty() && !l.name_en.is_empty()));
        let attributed = s.relation_type("attributed-to").unwrap();
        assert!(attributed.allows("claim", "source"));
        assert!(!attributed.allows("source", "claim"));
        assert!(s.relation_type("cue-of").unwrap().allows("cue", "claim"));
        let claim = s.label("claim").unwrap();
        let verdict = claim.attributes.iter().find(|a| a.id == "verdict").unwrap();
        assert_eq!(
            verdict.kind,
            AttributeKind::OneOf(
                ["true", "false", "misleading", "unverified"]
                    .map(String::from)
                    .to_vec()
            )
        );
        let source_kind = &s.label("source").unwrap().attributes[0];
        assert!(matches!(&source_kind.kind, AttributeKind::OneOf(v) if v.len() == 5));
        assert_eq!(s.label_for_hotkey('3').unwrap().id, "cue");
        assert!(Schema::bundled("fact-checking").is_some());
        assert!(Schema::bundled("nope").is_none());
    }

    #[test]
    fn undirected_relation_allows_both_ways() {
        let mut r = RelationType {
            id: "same-as".into(),
            name_ar: "نفسه".into(),
            name_en: "same as".into(),
            from: vec!["source".into()],
            to: vec!["quote".into()],
            directed: true,
            description: String::new(),
            attributes: vec![],
        };
        assert!(!r.allows("quote", "source"));
        r.directed = false;
        assert!(r.allows("quote", "source"));
        assert!(!r.allows("quote", "quote"));
    }
}
