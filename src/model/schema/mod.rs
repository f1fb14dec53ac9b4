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

/// The id of the bundled named-entity schema.
pub const NAMED_ENTITIES: &str = "named-entities";

/// The id of the bundled news-rhetoric schema (the WANLP 2022 persuasion techniques).
pub const NEWS_RHETORIC: &str = "news-rhetoric";

/// A schema bundled with Hamish, offered when a folder has no `schema.ron`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// The schema's id, as sidecars refer to it.
    pub id: &'static str,
    /// Its RON text, comments included (written as a folder's `schema.ron`).
    pub ron: &'static str,
}

/// Every bundled schema, in the order a folder is offered them.
pub const PRESETS: [Preset; 3] = [
    Preset {
        id: NAMED_ENTITIES,
        ron: include_str!("../../../assets/schemas/named-entities.ron"),
    },
    Preset {
        id: NEWS_RHETORIC,
        ron: include_str!("../../../assets/schemas/news-rhetoric.ron"),
    },
    Preset {
        id: FACT_CHECKING,
        ron: FACT_CHECKING_RON,
    },
];

impl Preset {
    /// The preset with `id`.
    pub fn by_id(id: &str) -> Option<Self> {
        PRESETS.into_iter().find(|p| p.id == id)
    }

    /// The schema it holds.
    pub fn schema(self) -> Schema {
        // Every bundled file is checked by a unit test, so failing here is a build defect.
        Schema::from_ron_str(self.ron, format!("assets/schemas/{}.ron", self.id))
            .expect("bundled schemas are valid (tested)")
    }
}

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
    /// What the label means, for the annotator (English).
    #[serde(default)]
    pub description: String,
    /// What the label means, in Arabic (shown with the English one on hover). Written only when
    /// set, so schemas without it read in builds that predate it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description_ar: String,
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
        Preset::by_id(id).map(Preset::schema)
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
    fn every_preset_parses_with_its_own_id_names_and_distinct_colours() {
        for preset in PRESETS {
            let s = preset.schema();
            assert_eq!(s.id, preset.id);
            assert!(!s.name_ar.is_empty() && !s.name_en.is_empty());
            let mut colours: Vec<Colour> = s.labels.iter().map(|l| l.colour).collect();
            colours.sort_by_key(|c| (c.r, c.g, c.b));
            colours.dedup();
            assert_eq!(colours.len(), s.labels.len(), "{}: colours", s.id);
            for l in &s.labels {
                assert!(!l.name_ar.is_empty() && !l.name_en.is_empty(), "{}", l.id);
                assert!(
                    !l.description.is_empty() && !l.description_ar.is_empty(),
                    "{}",
                    l.id
                );
            }
        }
        let ner = Schema::bundled(NAMED_ENTITIES).unwrap();
        let ids: Vec<&str> = ner.labels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(
            ids,
            ["PER", "ORG", "LOC", "GPE", "DATE", "TIME", "MONEY", "PERCENT", "MISC"]
        );
        assert!(ner.labels.iter().all(|l| l.hotkey.is_some()));
        let rhetoric = Schema::bundled(NEWS_RHETORIC).unwrap();
        assert_eq!(rhetoric.labels.len(), 20);
        let keys = rhetoric
            .labels
            .iter()
            .filter(|l| l.hotkey.is_some())
            .count();
        assert_eq!(keys, 9);
        assert_eq!(
            rhetoric.label_for_hotkey('1').unwrap().id,
            "loaded-language"
        );
    }

    #[test]
    fn the_readme_example_schema_is_valid() {
        let readme = include_str!("../../../README.md");
        let start = readme.find("```ron\n").expect("README has a RON example") + 7;
        let end = start + readme[start..].find("```").unwrap();
        let schema = Schema::from_ron_str(&readme[start..end], "README.md").unwrap();
        assert_eq!(schema.label("PER").unwrap().description_ar, "اسم شخص.");
        assert!(schema
            .relation_type("member-of")
            .unwrap()
            .allows("PER", "ORG"));
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
