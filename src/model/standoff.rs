//! Annotations beyond labelled spans and binary relations that standoff corpora (brat) hold:
//! events (a trigger span with role arguments), comments of any type, normalizations to external
//! ids and equivalence groups. Hamish keeps them, writes them back (brat, Hamish JSONL) and
//! reports them to formats that cannot hold them; the window shows and edits none of them. They
//! refer to spans, relations and events by id; offsets live only in the spans they refer to.

use crate::model::annotation::AnnotationId;
use crate::model::attribute::AttributeMap;
use crate::model::relation::RelationId;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The id of an event within its document.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct EventId(pub u64);

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // brat-style name ("E4").
        write!(f, "E{}", self.0)
    }
}

/// What a comment, an argument, a normalization or an equivalence refers to. Written as its
/// brat-style name (`T3`, `R1`, `E2`) in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// A span.
    Span(AnnotationId),
    /// A relation.
    Relation(RelationId),
    /// An event.
    Event(EventId),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Span(id) => id.fmt(f),
            Self::Relation(id) => id.fmt(f),
            Self::Event(id) => id.fmt(f),
        }
    }
}

impl Target {
    /// Parses `T3`, `R1` or `E2`.
    pub fn parse(name: &str) -> Option<Self> {
        let mut chars = name.chars();
        let prefix = chars.next()?;
        let number = chars.as_str();
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n = number.parse::<u64>().ok()?;
        match prefix {
            'T' => Some(Self::Span(AnnotationId(n))),
            'R' => Some(Self::Relation(RelationId(n))),
            'E' => Some(Self::Event(EventId(n))),
            _ => None,
        }
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Self::parse(&name).ok_or_else(|| {
            serde::de::Error::custom(format!("`{name}` is not T, R or E followed by a number"))
        })
    }
}

/// One argument of an event: its role (e.g. `Theme`, `Org-Arg2`) and what fills it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventArgument {
    /// The role, as written (a numeric suffix tells repeated roles apart).
    pub role: String,
    /// The span or event filling it.
    pub target: Target,
}

/// Something that happens, stated by a trigger span (brat's `E` line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable id.
    pub id: EventId,
    /// The event type (also the label of its trigger span).
    #[serde(rename = "type")]
    pub kind: String,
    /// The span stating the event.
    pub trigger: AnnotationId,
    /// The arguments, in order.
    #[serde(default)]
    pub arguments: Vec<EventArgument>,
    /// Attribute values by attribute id (e.g. `Negation`).
    #[serde(default, skip_serializing_if = "AttributeMap::is_empty")]
    pub attributes: AttributeMap,
}

impl Event {
    /// Everything the event refers to: its trigger, then its arguments.
    pub fn references(&self) -> impl Iterator<Item = Target> + '_ {
        std::iter::once(Target::Span(self.trigger)).chain(self.arguments.iter().map(|a| a.target))
    }
}

/// A one-line comment of a type (brat's `#` line: `AnnotatorNotes`, `Lemma`…) on a relation, an
/// event, or a span when it is not the span's own note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// What it is about.
    pub target: Target,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its text, exactly as written (leading spaces included).
    pub text: String,
}

/// A link to an entry of an external resource (brat's `N` line, e.g. `Reference T1
/// Wikipedia:534366`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Normalization {
    /// Its number (`N3` → 3).
    pub id: u64,
    /// Its type (usually `Reference`).
    #[serde(rename = "type")]
    pub kind: String,
    /// What is normalized.
    pub target: Target,
    /// The resource (e.g. `Wikipedia`).
    pub resource: String,
    /// The entry in the resource.
    pub entry: String,
    /// The entry's readable text, as written.
    #[serde(default)]
    pub text: String,
}

/// A group of spans that mean the same thing (brat's `*` line, e.g. `Equiv T1 T2`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalence {
    /// Its type (e.g. `Equiv`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The members, in order.
    pub members: Vec<Target>,
}

/// Everything of this module one document has.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandoffExtras {
    /// Events, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Comments, in file order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// Normalizations, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub normalizations: Vec<Normalization>,
    /// Equivalence groups, in file order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalences: Vec<Equivalence>,
}

impl StandoffExtras {
    /// True when there is nothing.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
            && self.comments.is_empty()
            && self.normalizations.is_empty()
            && self.equivalences.is_empty()
    }

    /// The event with `id`: O(log n) when events are sorted by id (as [`Self::insert_event`]
    /// keeps them), a scan otherwise (lists read from a file as they were written).
    pub fn event(&self, id: EventId) -> Option<&Event> {
        self.event_index(id).map(|i| &self.events[i])
    }

    /// The event with `id`, to change in place.
    pub fn event_mut(&mut self, id: EventId) -> Option<&mut Event> {
        self.event_index(id).map(|i| &mut self.events[i])
    }

    /// Where the event with `id` is. A binary search finds it in a sorted list; an unsorted one may
    /// mislead the search, so a miss is confirmed by a scan (misses are rare: dangling references).
    fn event_index(&self, id: EventId) -> Option<usize> {
        match self.events.binary_search_by_key(&id, |e| e.id) {
            Ok(i) => Some(i),
            Err(_) => self.events.iter().position(|e| e.id == id),
        }
    }

    /// Adds `event`, keeping events sorted by id; returns the one it replaced with the same id.
    pub fn insert_event(&mut self, event: Event) -> Option<Event> {
        match self.events.binary_search_by_key(&event.id, |e| e.id) {
            Ok(i) => Some(std::mem::replace(&mut self.events[i], event)),
            Err(i) => {
                self.events.insert(i, event);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_and_print_as_brat_names() {
        for name in ["T3", "R12", "E1"] {
            assert_eq!(Target::parse(name).unwrap().to_string(), name);
        }
        assert_eq!(Target::parse("T"), None);
        assert_eq!(Target::parse("A1"), None);
        assert_eq!(Target::parse("T1x"), None);
        assert_eq!(Target::parse("T+1"), None);
    }

    #[test]
    fn events_stay_sorted_by_id() {
        let mut x = StandoffExtras::default();
        for n in [3, 1, 2, 1] {
            x.insert_event(Event {
                id: EventId(n),
                kind: "Binding".into(),
                trigger: AnnotationId(n),
                arguments: Vec::new(),
                attributes: AttributeMap::new(),
            });
        }
        let ids: Vec<u64> = x.events.iter().map(|e| e.id.0).collect();
        assert_eq!(ids, [1, 2, 3]);
        assert!(x.event(EventId(2)).is_some() && !x.is_empty());
    }
}
