//! Reading a W3C Web Annotation document back into an [`AnnotationSet`]: spans from items with a
//! `TextPositionSelector` (start/end in chars, i.e. code points) and tagging bodies, relations
//! from `linking` items, document attributes from a `classifying` one. The JSON is read by
//! [`super::lenient`] into borrowed structs, not into a `serde_json::Value` tree (which cost
//! most of the time on 100,000 annotations).

use super::lenient::{self, Item};
use super::parse_iso8601;
use crate::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use crate::model::attribute::AttributeMap;
use crate::model::quote::TextIndex;
use crate::model::relation::{Relation, RelationId};
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;
use crate::store::formats::checks::span_problem;
use crate::store::formats::loss::LossReport;
use crate::store::formats::value::{attribute_kind, value_from_text};
use std::path::Path;

/// Reads a collection written by [`super::export`] (or any annotations with
/// TextPositionSelectors and tagging bodies) against `text`. Attribute values are typed by
/// `schema`; anchors are captured from the text; annotations without dates get `now`. What
/// cannot be read goes to `report`: a file that is not JSON as one loss with its line (and no
/// annotations), an item without a readable position or label, or a link whose ends are not
/// annotations of the file, as one loss naming the item.
pub fn import(
    json_ld: &str,
    text: &str,
    schema: &Schema,
    path: &Path,
    now: Timestamp,
    report: &mut LossReport,
) -> AnnotationSet {
    let mut set = AnnotationSet::new();
    let items = match lenient::items(json_ld) {
        Ok(items) => items,
        Err(e) => {
            report.add(path, Some(e.line()), "file", format!("not JSON: {e}"));
            return set;
        }
    };
    let reader = Reader {
        index: TextIndex::new(text),
        schema,
        path,
        now,
    };
    let mut links = Vec::new();
    for item in &items {
        let local = local_id(item);
        let tag = item.body.values("tagging").next().unwrap_or_default();
        match item.motivation.as_deref() {
            Some("linking") => links.push(Link {
                local,
                kind: tag,
                to: item.body.first_id(),
                from: item.target.iri.as_deref(),
                attributes: reader.attributes(item, Some(item.body.first_tag())),
            }),
            Some("classifying") => set.document_attributes = reader.attributes(item, None),
            _ => reader.span(item, tag, &mut set, report),
        }
    }
    for link in links {
        link.insert(&mut set, path, report);
    }
    set
}

/// What every item is read against.
struct Reader<'a> {
    index: TextIndex<'a>,
    schema: &'a Schema,
    path: &'a Path,
    now: Timestamp,
}

impl Reader<'_> {
    /// The `classifying` bodies (`key=value`) of `item`, typed as attributes of `owner` (a label,
    /// or `None` for the document).
    fn attributes(&self, item: &Item<'_>, owner: Option<&str>) -> AttributeMap {
        item.body
            .values("classifying")
            .filter_map(|s| s.split_once('='))
            .map(|(k, v)| {
                let kind = attribute_kind(self.schema, owner, k);
                (k.to_owned(), value_from_text(kind, v))
            })
            .collect()
    }

    /// Adds the span annotation `item` with label `tag` to `set`, or reports why it cannot.
    fn span(&self, item: &Item<'_>, tag: &str, set: &mut AnnotationSet, report: &mut LossReport) {
        let id = item.id.as_deref().unwrap_or_default();
        let what = || format!("annotation `{id}`");
        let number = local_id(item)
            .strip_prefix('T')
            .and_then(|n| n.parse::<u64>().ok())
            .map_or_else(|| set.next_annotation_id(), AnnotationId);
        let ranges: Option<Vec<CharRange>> = item.target.positions.iter().copied().collect();
        let Some(ranges) = ranges.filter(|r| !r.is_empty()) else {
            report.add(
                self.path,
                None,
                what(),
                "no TextPositionSelector inside the text",
            );
            return;
        };
        let problem = span_problem(tag, &ranges, self.index.char_len()).or_else(|| {
            set.annotation(number)
                .map(|_| "the id is used twice; the first is kept".to_owned())
        });
        if let Some(why) = problem {
            report.add(self.path, None, what(), why);
            return;
        }
        let mut a = Annotation::new_in(number, tag.to_owned(), ranges, &self.index, self.now);
        a.attributes = self.attributes(item, Some(tag));
        a.note = item
            .body
            .values("commenting")
            .collect::<Vec<_>>()
            .join("\n");
        a.status = match item.body.values("assessing").next() {
            Some("needs-review") => AnnotationStatus::NeedsReview,
            Some("orphan") => AnnotationStatus::Orphan,
            _ => AnnotationStatus::Ok,
        };
        a.author = item.creator.as_deref().unwrap_or_default().to_owned();
        let date = |d: &Option<_>| d.as_deref().and_then(parse_iso8601).unwrap_or(self.now);
        a.created = date(&item.created);
        a.modified = date(&item.modified);
        set.insert_annotation(a);
    }
}

/// The part of an item's id after its last `#` (`T3` of `…/a.txt#T3`), or the whole id.
fn local_id<'a>(item: &'a Item<'_>) -> &'a str {
    let id = item.id.as_deref().unwrap_or_default();
    id.rsplit_once('#').map_or(id, |(_, l)| l)
}

/// A `linking` item, added once every span is read.
struct Link<'a> {
    local: &'a str,
    kind: &'a str,
    /// The IRI of the span it points to (its first body with an `id`).
    to: Option<&'a str>,
    /// The IRI of the span it starts from (its `target`).
    from: Option<&'a str>,
    attributes: AttributeMap,
}

impl Link<'_> {
    fn insert(self, set: &mut AnnotationSet, path: &Path, report: &mut LossReport) {
        let span = |s: Option<&str>| {
            s.and_then(|s| s.rsplit_once("#T").and_then(|(_, n)| n.parse::<u64>().ok()))
                .map(AnnotationId)
                .filter(|id| set.annotation(*id).is_some())
        };
        let (Some(from), Some(to)) = (span(self.from), span(self.to)) else {
            report.add(
                path,
                None,
                format!("link `{}`", self.local),
                "its ends are not annotations of this file",
            );
            return;
        };
        let id = self
            .local
            .strip_prefix('R')
            .and_then(|n| n.parse::<u64>().ok())
            .map_or_else(|| set.next_relation_id(), RelationId);
        let mut r = Relation::new(id, self.kind, from, to);
        r.attributes = self.attributes;
        set.insert_relation(r);
    }
}
