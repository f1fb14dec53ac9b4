//! A W3C Web Annotation document read into borrowed structs holding only what the import uses,
//! as leniently as the walk over a `serde_json::Value` tree it replaced: a field of another type
//! than expected reads as absent, a key given twice keeps its last value (as `serde_json::Map`
//! does), a body, target or selector may be one value or a list, and everything else is checked
//! and skipped without being built. Strings without escapes borrow from the input.
//!
//! Every value goes through `deserialize_any`, the path `Value` takes, so the syntax (escapes,
//! number ranges, nesting depth) is checked exactly as before and a file is refused for the same
//! reason at the same line. Derived structs would not do: they refuse a field of the wrong type,
//! a key given twice and a value that is not an object, where the import reads on.

use crate::offset::CharRange;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A string field: `None` when missing or not a string.
pub(super) type Text<'a> = Option<Cow<'a, str>>;

/// The items of a document: a list of items, a collection's first page (`first.items`; none
/// when that is not a list), or the document itself as one item.
pub(super) fn items(json: &str) -> serde_json::Result<Vec<Item<'_>>> {
    serde_json::from_str::<Read<Root>>(json).map(|r| r.0 .0)
}

/// One item (an annotation), with the fields the import reads.
#[derive(Default)]
pub(super) struct Item<'a> {
    pub id: Text<'a>,
    pub motivation: Text<'a>,
    pub body: Bodies<'a>,
    pub target: Target<'a>,
    /// `creator.name`.
    pub creator: Text<'a>,
    pub created: Text<'a>,
    pub modified: Text<'a>,
}

/// The `body` of an item: each of a list, or the one body (a value that is not an object has no
/// fields, so it counts as none).
#[derive(Default)]
pub(super) struct Bodies<'a>(pub Vec<Body<'a>>);

/// One body: the fields a `TextualBody` or a link's end (`id`) has.
#[derive(Default)]
pub(super) struct Body<'a> {
    pub purpose: Text<'a>,
    pub value: Text<'a>,
    pub id: Text<'a>,
}

/// The `target` of an item: the IRI when it is a string (a link's start), and the position of
/// each target object (one, or each of a list; `None` for a target without a readable
/// `TextPositionSelector`). A target that is neither an object nor a list has no position,
/// which the import treats as no target.
#[derive(Default)]
pub(super) struct Target<'a> {
    pub iri: Text<'a>,
    pub positions: Vec<Option<CharRange>>,
}

impl<'a> Bodies<'a> {
    /// The string values of the bodies with `purpose`, in order.
    pub fn values<'s>(&'s self, purpose: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.0
            .iter()
            .filter(move |b| b.purpose.as_deref() == Some(purpose))
            .filter_map(|b| b.value.as_deref())
    }

    /// The first string `id` among the bodies (a link's end).
    pub fn first_id(&self) -> Option<&str> {
        self.0.iter().find_map(|b| b.id.as_deref())
    }

    /// The value of the first `tagging` body, or `""` when it is not a string even if a later
    /// one is (what a link's attributes have always been typed by; the link's own kind is the
    /// first string value, [`Bodies::values`]).
    pub fn first_tag(&self) -> &str {
        let tagging = |b: &&Body<'a>| b.purpose.as_deref() == Some("tagging");
        let first = self.0.iter().find(tagging);
        first.and_then(|b| b.value.as_deref()).unwrap_or_default()
    }
}

/// How one JSON value is read: each method takes one kind of value and by default reads it as
/// absent (`Default`), skipping what it holds.
trait Lenient<'de>: Default {
    fn borrowed_str(s: &'de str) -> Self {
        Self::str(s)
    }
    fn str(_: &str) -> Self {
        Self::default()
    }
    /// A non-negative integer (what `Value::as_u64` gives).
    fn u64(_: u64) -> Self {
        Self::default()
    }
    fn seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<Read<()>>()?.is_some() {}
        Ok(Self::default())
    }
    fn map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        while map.next_entry::<Read<()>, Read<()>>()?.is_some() {}
        Ok(Self::default())
    }
}

/// A `T` read from any JSON value.
struct Read<T>(T);

impl<'de, T: Lenient<'de>> Deserialize<'de> for Read<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ReadVisitor(PhantomData)).map(Read)
    }
}

struct ReadVisitor<T>(PhantomData<T>);

impl<'de, T: Lenient<'de>> Visitor<'de> for ReadVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: Error>(self) -> Result<T, E> {
        Ok(T::default())
    }
    fn visit_bool<E: Error>(self, _: bool) -> Result<T, E> {
        Ok(T::default())
    }
    fn visit_u64<E: Error>(self, n: u64) -> Result<T, E> {
        Ok(T::u64(n))
    }
    fn visit_i64<E: Error>(self, n: i64) -> Result<T, E> {
        Ok(u64::try_from(n).map_or_else(|_| T::default(), T::u64))
    }
    fn visit_f64<E: Error>(self, _: f64) -> Result<T, E> {
        Ok(T::default())
    }
    fn visit_borrowed_str<E: Error>(self, s: &'de str) -> Result<T, E> {
        Ok(T::borrowed_str(s))
    }
    fn visit_str<E: Error>(self, s: &str) -> Result<T, E> {
        Ok(T::str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        T::seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::map(map)
    }
}

/// Skips any value.
impl Lenient<'_> for () {}

impl<'de> Lenient<'de> for Text<'de> {
    fn borrowed_str(s: &'de str) -> Self {
        Some(Cow::Borrowed(s))
    }
    fn str(s: &str) -> Self {
        Some(Cow::Owned(s.to_owned()))
    }
}

impl Lenient<'_> for Option<u64> {
    fn u64(n: u64) -> Self {
        Some(n)
    }
}

/// The value of the current key.
fn value<'de, T: Lenient<'de>, A: MapAccess<'de>>(map: &mut A) -> Result<T, A::Error> {
    map.next_value::<Read<T>>().map(|r| r.0)
}

/// Skips the value of the current key.
fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<Read<()>>().map(|_| ())
}

/// Calls `field` with each key of an object; it reads the value (with [`value`]) or skips it
/// (with [`skip`]).
fn fields<'de, A: MapAccess<'de>>(
    mut map: A,
    mut field: impl FnMut(&str, &mut A) -> Result<(), A::Error>,
) -> Result<(), A::Error> {
    while let Some(Read(key)) = map.next_key::<Read<Text<'de>>>()? {
        field(key.as_deref().unwrap_or_default(), &mut map)?;
    }
    Ok(())
}

/// The elements of a list, each read as a `T`.
fn elements<'de, T: Lenient<'de>, A: SeqAccess<'de>>(mut seq: A) -> Result<Vec<T>, A::Error> {
    let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
    while let Some(Read(x)) = seq.next_element()? {
        out.push(x);
    }
    Ok(out)
}

/// The whole document (see [`items`]): anything else than a list or an object is one item
/// without fields.
struct Root<'a>(Vec<Item<'a>>);

impl Default for Root<'_> {
    fn default() -> Self {
        Self(vec![Item::default()])
    }
}

impl<'de> Lenient<'de> for Root<'de> {
    fn seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        elements(seq).map(Root)
    }
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut item = Item::default();
        let mut first: Option<Page> = None;
        fields(map, |key, map| match key {
            "first" => value(map).map(|p| first = Some(p)),
            _ => item.field(key, map),
        })?;
        Ok(Root(first.map_or_else(|| vec![item], |p| p.0)))
    }
}

/// A collection's first page: its `items` when they are a list, else none.
#[derive(Default)]
struct Page<'a>(Vec<Item<'a>>);

impl<'de> Lenient<'de> for Page<'de> {
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut items = Vec::new();
        fields(map, |key, map| match key {
            "items" => value::<ItemList, _>(map).map(|l| items = l.0),
            _ => skip(map),
        })?;
        Ok(Page(items))
    }
}

#[derive(Default)]
struct ItemList<'a>(Vec<Item<'a>>);

impl<'de> Lenient<'de> for ItemList<'de> {
    fn seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        elements(seq).map(ItemList)
    }
}

impl<'de> Item<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "id" => self.id = value(map)?,
            "motivation" => self.motivation = value(map)?,
            "body" => self.body = value(map)?,
            "target" => self.target = value(map)?,
            "creator" => self.creator = value::<Creator, _>(map)?.0,
            "created" => self.created = value(map)?,
            "modified" => self.modified = value(map)?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

impl<'de> Lenient<'de> for Item<'de> {
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut item = Self::default();
        fields(map, |key, map| item.field(key, map))?;
        Ok(item)
    }
}

/// The `name` of a `creator` object.
#[derive(Default)]
struct Creator<'a>(Text<'a>);

impl<'de> Lenient<'de> for Creator<'de> {
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut name = None;
        fields(map, |key, map| match key {
            "name" => value(map).map(|n| name = n),
            _ => skip(map),
        })?;
        Ok(Creator(name))
    }
}

impl<'de> Lenient<'de> for Bodies<'de> {
    fn seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        elements(seq).map(Bodies)
    }
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Ok(Bodies(vec![Body::map(map)?]))
    }
}

impl<'de> Lenient<'de> for Body<'de> {
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut body = Self::default();
        fields(map, |key, map| {
            match key {
                "purpose" => body.purpose = value(map)?,
                "value" => body.value = value(map)?,
                "id" => body.id = value(map)?,
                _ => skip(map)?,
            }
            Ok(())
        })?;
        Ok(body)
    }
}

impl<'de> Lenient<'de> for Target<'de> {
    fn borrowed_str(s: &'de str) -> Self {
        Self {
            iri: Text::borrowed_str(s),
            positions: Vec::new(),
        }
    }
    fn str(s: &str) -> Self {
        Self {
            iri: Text::str(s),
            positions: Vec::new(),
        }
    }
    fn seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        let list: Vec<Position> = elements(seq)?;
        Ok(Self {
            iri: None,
            positions: list.into_iter().map(|p| p.0).collect(),
        })
    }
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Ok(Self {
            iri: None,
            positions: vec![Position::map(map)?.0],
        })
    }
}

/// The range of a target object: that of the first `TextPositionSelector` of its `selector`
/// (one or a list), when its `start` and `end` are integers ≥ 0 with `start <= end`.
#[derive(Default)]
struct Position(Option<CharRange>);

impl<'de> Lenient<'de> for Position {
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut selector: Option<Selector> = None;
        fields(map, |key, map| match key {
            "selector" => value::<FirstPosition, _>(map).map(|s| selector = s.0),
            _ => skip(map),
        })?;
        Ok(Position(selector.and_then(|s| s.range())))
    }
}

/// The first selector of type `TextPositionSelector` in one selector or a list of them.
#[derive(Default)]
struct FirstPosition(Option<Selector>);

impl<'de> Lenient<'de> for FirstPosition {
    fn seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        let mut first = None;
        while let Some(Read(s)) = seq.next_element::<Read<Selector>>()? {
            if first.is_none() && s.is_position {
                first = Some(s);
            }
        }
        Ok(FirstPosition(first))
    }
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Ok(FirstPosition(
            Some(Selector::map(map)?).filter(|s| s.is_position),
        ))
    }
}

#[derive(Default)]
struct Selector {
    is_position: bool,
    start: Option<u64>,
    end: Option<u64>,
}

impl Selector {
    fn range(&self) -> Option<CharRange> {
        let (start, end) = (self.start? as usize, self.end? as usize);
        (start <= end).then(|| CharRange::from_indices(start, end))
    }
}

impl<'de> Lenient<'de> for Selector {
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut s = Self::default();
        fields(map, |key, map| {
            match key {
                "type" => {
                    s.is_position =
                        value::<Text, _>(map)?.as_deref() == Some("TextPositionSelector")
                }
                "start" => s.start = value(map)?,
                "end" => s.end = value(map)?,
                _ => skip(map)?,
            }
            Ok(())
        })?;
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(json: &str) -> Item<'_> {
        let mut items = items(json).expect("JSON");
        assert_eq!(items.len(), 1, "{json}");
        items.remove(0)
    }

    #[test]
    fn fields_of_another_type_read_as_absent() {
        let item = one(
            r#"{"id": 5, "motivation": ["linking"], "creator": "ليلى", "created": 1700000000,
                "body": {"purpose": "tagging", "value": 7, "id": {"x": 1}},
                "target": {"selector": [
                    {"type": "TextPositionSelector", "start": "0", "end": 4},
                    {"type": "TextPositionSelector", "start": 0, "end": 4}]}}"#,
        );
        assert!(item.id.is_none() && item.motivation.is_none());
        assert!(item.creator.is_none() && item.created.is_none());
        assert_eq!(item.body.values("tagging").count(), 0);
        assert_eq!(item.body.first_id(), None);
        // Only the first TextPositionSelector counts, even when it cannot be read.
        assert_eq!(item.target.positions, [None]);
        let item = one(
            r#"{"target": {"selector": {"type": "TextPositionSelector", "start": -1, "end": 4.0}}}"#,
        );
        assert_eq!(item.target.positions, [None]);
    }

    #[test]
    fn the_last_of_a_repeated_key_counts_and_escaped_keys_are_read() {
        let item = one(r#"{"id": "a#T1", "id": "a#T2", "t\u0061rget": {"selector":
                {"type": "TextPositionSelector", "start": 9, "start": 2, "end": 5}}}"#);
        assert_eq!(item.id.as_deref(), Some("a#T2"));
        assert_eq!(item.target.positions, [Some(CharRange::from_indices(2, 5))]);
        let item = one(
            r#"{"id": "a#T1", "id": 3, "body": [{"purpose": "tagging", "value": "cl\u0061im"}]}"#,
        );
        assert_eq!(item.id, None);
        assert_eq!(item.body.values("tagging").collect::<Vec<_>>(), ["claim"]);
    }

    #[test]
    fn a_document_is_a_list_a_collection_s_first_page_or_one_item() {
        let list = items(r#"[{"id": "a"}, 5, {"id": "b"}]"#).expect("JSON");
        let ids: Vec<_> = list.iter().map(|i| i.id.as_deref()).collect();
        assert_eq!(ids, [Some("a"), None, Some("b")]);
        let page = items(r#"{"id": "c", "first": {"items": [{"id": "a"}]}}"#).expect("JSON");
        assert_eq!(page.len(), 1);
        assert_eq!(page[0].id.as_deref(), Some("a"));
        for empty in [
            r#"{"first": {"items": {"id": "a"}}}"#,
            r#"{"first": null, "id": "c"}"#,
        ] {
            assert!(items(empty).expect("JSON").is_empty(), "{empty}");
        }
        assert_eq!(one(r#"{"id": "c"}"#).id.as_deref(), Some("c"));
        assert!(one("7").id.is_none());
    }

    #[test]
    fn syntax_is_refused_as_serde_json_value_refuses_it() {
        let deep = "[".repeat(200);
        for bad in [
            "[{\"id\": \"a\",\n}]",
            r#"[{"x": 1e999}]"#,
            r#"[{"x": "\ud800"}]"#,
            deep.as_str(),
            "[] x",
        ] {
            let want = serde_json::from_str::<serde_json::Value>(bad).err();
            let got = items(bad).err();
            assert!(want.is_some(), "{bad}");
            assert_eq!(
                got.map(|e| (e.to_string(), e.line())),
                want.map(|e| (e.to_string(), e.line())),
                "{bad}"
            );
        }
    }
}
