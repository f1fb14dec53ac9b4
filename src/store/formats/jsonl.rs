//! JSONL, one document per line, in three shapes (`--flavor`): Hamish (lossless: every span with
//! start/end in chars and `start_utf16`/`end_utf16` in UTF-16 code units, fragments, attributes,
//! notes, author, times, status, relations, document attributes and standoff extras), doccano
//! (`label` triples for sequence labelling or `entities`/`relations` for relation projects) and
//! Label Studio (tasks with `data.text` and `annotations[].result[]`). doccano and Label Studio
//! offsets are chars (code points), as both store them (see docs/formats.md for the evidence).
//! Import detects the shape of each line.

use super::checks::span_problem;
use super::loss::{LossKind, LossReport};
use super::uncarried::{report_group, report_uncarried, Carries};
use super::value::{attribute_kind, value_from_json, value_to_json};
use super::AnnotatedText;
use crate::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use crate::model::attribute::AttributeMap;
use crate::model::quote::TextIndex;
use crate::model::relation::{Relation, RelationId};
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::model::standoff::StandoffExtras;
use crate::offset::{CharOffset, CharRange, OffsetMap, Utf16Offset};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// Which tool's shape the JSONL export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JsonlFlavor {
    /// Hamish's own lossless shape.
    #[default]
    Hamish,
    /// doccano: sequence labelling (`text`, `label`) or, when relations are exported, relation
    /// extraction (`text`, `entities`, `relations`); see [`DoccanoShape`].
    Doccano,
    /// Label Studio tasks (written as one JSON array, which Label Studio imports).
    LabelStudio,
}

/// The two dataset shapes doccano imports for span projects. A doccano project has one type, so
/// one export uses one shape for every line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoccanoShape {
    /// Sequence labelling: `{"text", "label": [[start, end, "LABEL"], …]}`.
    SequenceLabeling,
    /// Relation extraction: `{"text", "entities": [{id, label, start_offset, end_offset}],
    /// "relations": [{id, from_id, to_id, type}]}`.
    RelationExtraction,
}

impl DoccanoShape {
    /// Relation extraction when any of `docs` has a relation (else they would be lost),
    /// sequence labelling otherwise.
    pub fn for_docs<'a>(docs: impl IntoIterator<Item = &'a AnnotatedText>) -> Self {
        if docs.into_iter().any(|d| d.set.relations().next().is_some()) {
            Self::RelationExtraction
        } else {
            Self::SequenceLabeling
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct HamishLine {
    name: String,
    text: String,
    /// `None` when the line has no `spans` key (then it is not a Hamish line); written always.
    #[serde(default, deserialize_with = "present")]
    spans: Option<Vec<HamishSpan>>,
    #[serde(default)]
    relations: Vec<HamishRelation>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    attributes: Map<String, Value>,
    /// Events, typed comments, normalizations and equivalences (from brat corpora).
    #[serde(default, skip_serializing_if = "StandoffExtras::is_empty")]
    standoff: StandoffExtras,
}

#[derive(Debug, Serialize, Deserialize)]
struct HamishSpan {
    id: u64,
    label: String,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
    text: String,
    /// Every range, in the annotator's order, when there is more than one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    fragments: Vec<HamishFragment>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    attributes: Map<String, Value>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    author: String,
    #[serde(default)]
    created: u64,
    #[serde(default)]
    modified: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    modified_by: String,
    #[serde(default, skip_serializing_if = "is_ok")]
    status: AnnotationStatus,
}

/// A value that is there (`null` is refused as the plain type refuses it); `None` comes only from
/// `#[serde(default)]` when the key is missing.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

fn is_ok(s: &AnnotationStatus) -> bool {
    *s == AnnotationStatus::Ok
}

#[derive(Debug, Serialize, Deserialize)]
struct HamishFragment {
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
}

#[derive(Debug, Serialize, Deserialize)]
struct HamishRelation {
    id: u64,
    #[serde(rename = "type")]
    kind: String,
    from: u64,
    to: u64,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    attributes: Map<String, Value>,
}

fn attrs_json(map: &AttributeMap) -> Map<String, Value> {
    map.iter()
        .map(|(k, v)| (k.clone(), value_to_json(v)))
        .collect()
}

fn u16_of(map: &OffsetMap, c: CharOffset) -> usize {
    // Ranges were checked against the text length before this is called.
    map.to_utf16(c).map_or(0, |u| u.0)
}

/// Spans whose ranges fit the text (`len` chars); the others are reported. Shared by the exports
/// that need every span inside the text.
pub(super) fn fitting<'a>(
    doc: &'a AnnotatedText,
    len: usize,
    report: &mut LossReport,
) -> Vec<&'a Annotation> {
    let mut out = Vec::new();
    for a in doc.set.annotations() {
        if a.ranges.is_empty() || a.ranges.iter().any(|r| r.end.0 > len || r.start > r.end) {
            report.add(
                &doc.name,
                None,
                a.id.to_string(),
                "no range, or a range outside the text",
            );
        } else {
            out.push(a);
        }
    }
    out
}

/// The hull of an annotation's ranges.
fn hull(a: &Annotation) -> CharRange {
    let start = a.ranges.iter().map(|r| r.start).min().unwrap_or_default();
    let end = a.ranges.iter().map(|r| r.end).max().unwrap_or_default();
    CharRange { start, end }
}

/// One document as one line of JSON (no trailing newline) in `flavor`'s shape.
pub fn export_line(doc: &AnnotatedText, flavor: JsonlFlavor, report: &mut LossReport) -> String {
    export_line_shaped(doc, flavor, DoccanoShape::for_docs([doc]), report)
}

/// [`export_line`] with the doccano shape chosen for the whole export (see
/// [`DoccanoShape::for_docs`]); `shape` is ignored by the other flavours.
pub fn export_line_shaped(
    doc: &AnnotatedText,
    flavor: JsonlFlavor,
    shape: DoccanoShape,
    report: &mut LossReport,
) -> String {
    let map = OffsetMap::new(&doc.text);
    let index = TextIndex::new(&doc.text);
    let spans = fitting(doc, map.char_len(), report);
    let value = match flavor {
        JsonlFlavor::Hamish => hamish_line(doc, &map, &index, &spans),
        JsonlFlavor::Doccano => doccano_line(doc, &spans, shape, report),
        JsonlFlavor::LabelStudio => label_studio_task(doc, &index, &spans, report),
    };
    value.to_string()
}

fn hamish_line(
    doc: &AnnotatedText,
    map: &OffsetMap,
    index: &TextIndex<'_>,
    spans: &[&Annotation],
) -> Value {
    let line = HamishLine {
        name: doc.name.clone(),
        text: doc.text.clone(),
        spans: Some(
            spans
                .iter()
                .map(|a| {
                    let h = hull(a);
                    let fragments = if a.ranges.len() > 1 {
                        a.ranges
                            .iter()
                            .map(|r| HamishFragment {
                                start: r.start.0,
                                end: r.end.0,
                                start_utf16: u16_of(map, r.start),
                                end_utf16: u16_of(map, r.end),
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    HamishSpan {
                        id: a.id.0,
                        label: a.label.clone(),
                        start: h.start.0,
                        end: h.end.0,
                        start_utf16: u16_of(map, h.start),
                        end_utf16: u16_of(map, h.end),
                        text: a.covered_text_in(index),
                        fragments,
                        attributes: attrs_json(&a.attributes),
                        note: a.note.clone(),
                        author: a.author.clone(),
                        created: a.created.0,
                        modified: a.modified.0,
                        modified_by: a.modified_by.clone(),
                        status: a.status,
                    }
                })
                .collect(),
        ),
        relations: doc
            .set
            .relations()
            .map(|r| HamishRelation {
                id: r.id.0,
                kind: r.kind.clone(),
                from: r.from.0,
                to: r.to.0,
                attributes: attrs_json(&r.attributes),
            })
            .collect(),
        attributes: attrs_json(&doc.set.document_attributes),
        standoff: doc.set.standoff.clone(),
    };
    // Plain structs of strings, numbers and maps with string keys always serialize.
    serde_json::to_value(line).unwrap_or(Value::Null)
}

fn report_extras(doc: &AnnotatedText, spans: &[&Annotation], tool: &str, report: &mut LossReport) {
    let split: Vec<String> = spans
        .iter()
        .filter(|a| a.ranges.len() > 1)
        .map(|a| a.id.to_string())
        .collect();
    let why =
        format!("{tool} has no discontinuous spans; each fragment is written as its own span");
    report_group(doc, LossKind::DiscontinuousSpans, &split, &why, report);
    report_uncarried(doc, spans, tool, Carries::LABELS_AND_RELATIONS, report);
}

/// The spans doccano drops on import when its project does not allow overlapping spans (its
/// default): entities sorted by start (stable), each kept only if it starts at or after the end of
/// the last kept one (doccano's `Spans.clean`, backend/data_import/pipeline/labels.py). Each
/// entity is `(annotation id, fragment number when the span has several, range)`; the result
/// names one per dropped entity (`T8 fragment 2` for a fragment), in id order.
fn doccano_dropped(entities: &[(AnnotationId, Option<usize>, CharRange)]) -> Vec<String> {
    let mut sorted: Vec<&(AnnotationId, Option<usize>, CharRange)> = entities.iter().collect();
    sorted.sort_by_key(|(_, _, r)| r.start);
    let mut last_end = None;
    let mut dropped = Vec::new();
    for (id, fragment, r) in sorted {
        if last_end.is_none_or(|end| r.start >= end) {
            last_end = Some(r.end);
        } else {
            dropped.push((*id, *fragment));
        }
    }
    dropped.sort();
    dropped
        .iter()
        .map(|(id, fragment)| match fragment {
            Some(k) => format!("{id} fragment {k}"),
            None => id.to_string(),
        })
        .collect()
}

fn doccano_line(
    doc: &AnnotatedText,
    spans: &[&Annotation],
    shape: DoccanoShape,
    report: &mut LossReport,
) -> Value {
    report_extras(doc, spans, "doccano", report);
    let mut label = Vec::new();
    let mut entities = Vec::new();
    // A discontinuous span becomes several entities; a relation uses the first one.
    let mut first_entity: HashMap<AnnotationId, u64> = HashMap::new();
    let mut next = 1u64;
    let mut written = Vec::new();
    for a in spans {
        for (k, r) in a.ranges.iter().enumerate() {
            written.push((a.id, (a.ranges.len() > 1).then_some(k + 1), *r));
            label.push(json!([r.start.0, r.end.0, a.label]));
            entities.push(json!({"id": next, "label": a.label, "start_offset": r.start.0, "end_offset": r.end.0}));
            first_entity.entry(a.id).or_insert(next);
            next += 1;
        }
    }
    let why = "doccano drops spans that overlap an earlier one unless the project allows overlapping spans (off by default), and a relation to a dropped span fails the whole import";
    report_group(
        doc,
        LossKind::OverlappingSpans,
        &doccano_dropped(&written),
        why,
        report,
    );
    let relations: Vec<Value> = doc
        .set
        .relations()
        .filter_map(|r| {
            let (from, to) = (first_entity.get(&r.from)?, first_entity.get(&r.to)?);
            Some(json!({"id": r.id.0, "from_id": from, "to_id": to, "type": r.kind}))
        })
        .collect();
    match shape {
        DoccanoShape::SequenceLabeling => json!({"id": doc.name, "text": doc.text, "label": label}),
        DoccanoShape::RelationExtraction => {
            json!({"id": doc.name, "text": doc.text, "entities": entities, "relations": relations})
        }
    }
}

fn label_studio_task(
    doc: &AnnotatedText,
    index: &TextIndex<'_>,
    spans: &[&Annotation],
    report: &mut LossReport,
) -> Value {
    report_extras(doc, spans, "Label Studio", report);
    let mut result = Vec::new();
    let mut first_region: HashMap<AnnotationId, String> = HashMap::new();
    for a in spans {
        for (k, r) in a.ranges.iter().enumerate() {
            let id = if k == 0 {
                a.id.to_string()
            } else {
                format!("{}-{}", a.id, k + 1)
            };
            let text = index.slice(r.start.0, r.end.0);
            result.push(json!({
                "id": id, "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": r.start.0, "end": r.end.0, "text": text, "labels": [a.label]},
            }));
            first_region.entry(a.id).or_insert(id);
        }
    }
    for r in doc.set.relations() {
        if let (Some(from), Some(to)) = (first_region.get(&r.from), first_region.get(&r.to)) {
            result.push(json!({"type": "relation", "from_id": from, "to_id": to, "direction": "right", "labels": [r.kind]}));
        }
    }
    json!({"data": {"text": doc.text, "name": doc.name}, "annotations": [{"result": result}]})
}

/// One document read from JSONL.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonlDoc {
    /// Its name, when the line gave one (`name`, `id` or `data.name`).
    pub name: Option<String>,
    /// The text.
    pub text: String,
    /// The annotations.
    pub set: AnnotationSet,
}

/// Reads JSONL (or a JSON array of Label Studio tasks). Each line's shape is detected: `spans` →
/// Hamish, `data` → Label Studio, `entities` → doccano relations, `label`/`labels` → doccano
/// sequence labelling. Attribute values are typed by `schema`; spans without times get `now`.
/// A line that is not JSON is reported and skipped.
pub fn import(
    input: &str,
    schema: &Schema,
    path: &Path,
    now: Timestamp,
    report: &mut LossReport,
) -> Vec<JsonlDoc> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let items: Vec<(usize, Result<Parsed, serde_json::Error>)> =
        if input.trim_start().starts_with('[') {
            match serde_json::from_str::<Vec<Value>>(input) {
                Ok(list) => list
                    .into_iter()
                    .map(|v| (1, Ok(Parsed::Value(v))))
                    .collect(),
                Err(e) => vec![(e.line(), Err(e))],
            }
        } else {
            input
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| (i + 1, parse_line(l)))
                .collect()
        };
    let mut docs = Vec::new();
    for (line, item) in items {
        let value = match item {
            Ok(Parsed::Hamish(h)) => {
                let mut lr = LineReport {
                    report: &mut *report,
                    path,
                    line,
                };
                docs.push(hamish_set(*h, schema, now, &mut lr));
                continue;
            }
            Ok(Parsed::Value(v)) => v,
            Err(e) => {
                report.add(path, Some(line), "line", format!("not JSON: {e}"));
                continue;
            }
        };
        let mut lr = LineReport {
            report: &mut *report,
            path,
            line,
        };
        let doc = if value.get("spans").is_some() {
            hamish_doc(value, schema, now, &mut lr)
        } else if value.get("data").is_some() {
            label_studio_doc(&value, now, &mut lr)
        } else if value.get("entities").is_some()
            || value.get("label").is_some()
            || value.get("labels").is_some()
        {
            doccano_doc(&value, now, &mut lr)
        } else {
            lr.add("line", "neither a Hamish, doccano nor Label Studio shape (no spans, data, entities or label)");
            None
        };
        docs.extend(doc);
    }
    docs
}

/// One line as read: a Hamish line read straight into its structs, or any JSON value.
enum Parsed {
    Hamish(Box<HamishLine>),
    Value(Value),
}

/// Reads a line that starts as Hamish writes its lines straight into [`HamishLine`] (a tree of
/// JSON values first, then the structs from it, took twice the time and memory on a large
/// document); anything else, or a Hamish line that does not read so, as a JSON value that the
/// shapes are then told apart by, with the messages they give.
fn parse_line(line: &str) -> Result<Parsed, serde_json::Error> {
    let t = line.trim_start();
    if t.starts_with("{\"name\":") || t.starts_with("{\"attributes\":") {
        if let Ok(h) = serde_json::from_str::<HamishLine>(line) {
            if h.spans.is_some() {
                return Ok(Parsed::Hamish(Box::new(h)));
            }
        }
    }
    serde_json::from_str::<Value>(line).map(Parsed::Value)
}

struct LineReport<'a> {
    report: &'a mut LossReport,
    path: &'a Path,
    line: usize,
}

impl LineReport<'_> {
    fn add(&mut self, what: impl Into<String>, why: impl Into<String>) {
        self.report.add(self.path, Some(self.line), what, why);
    }
}

fn typed(schema: &Schema, owner: Option<&str>, map: &Map<String, Value>) -> AttributeMap {
    map.iter()
        .map(|(k, v)| {
            (
                k.clone(),
                value_from_json(attribute_kind(schema, owner, k), v),
            )
        })
        .collect()
}

fn hamish_doc(
    value: Value,
    schema: &Schema,
    now: Timestamp,
    lr: &mut LineReport,
) -> Option<JsonlDoc> {
    let line: HamishLine = match serde_json::from_value(value) {
        Ok(l) => l,
        Err(e) => {
            lr.add("line", format!("not the Hamish shape: {e}"));
            return None;
        }
    };
    Some(hamish_set(line, schema, now, lr))
}

/// The document of a Hamish line, its spans and relations checked one by one.
fn hamish_set(line: HamishLine, schema: &Schema, now: Timestamp, lr: &mut LineReport) -> JsonlDoc {
    let index = TextIndex::new(&line.text);
    let len = index.char_len();
    let mut set = AnnotationSet::new();
    for s in line.spans.unwrap_or_default() {
        let ranges: Vec<CharRange> = if s.fragments.is_empty() {
            vec![CharRange {
                start: CharOffset(s.start),
                end: CharOffset(s.end),
            }]
        } else {
            s.fragments
                .iter()
                .map(|f| CharRange {
                    start: CharOffset(f.start),
                    end: CharOffset(f.end),
                })
                .collect()
        };
        if let Some(why) = span_problem(&s.label, &ranges, len) {
            lr.add(format!("span {}", s.id), why);
            continue;
        }
        if set.annotation(AnnotationId(s.id)).is_some() {
            lr.add(
                format!("span {}", s.id),
                "the id is used twice on this line; the first span is kept",
            );
            continue;
        }
        let mut a = Annotation::new_in(AnnotationId(s.id), s.label.clone(), ranges, &index, now);
        a.attributes = typed(schema, Some(&s.label), &s.attributes);
        a.note = s.note;
        a.author = s.author;
        a.created = Timestamp(s.created);
        a.modified = Timestamp(s.modified);
        a.modified_by = s.modified_by;
        a.status = s.status;
        set.insert_annotation(a);
    }
    for r in line.relations {
        let (from, to) = (AnnotationId(r.from), AnnotationId(r.to));
        if set.annotation(from).is_none() || set.annotation(to).is_none() {
            lr.add(
                format!("relation {}", r.id),
                "an end is not a span of this line",
            );
            continue;
        }
        if r.kind.trim().is_empty() {
            lr.add(format!("relation {}", r.id), "the type is empty");
            continue;
        }
        if set.relation(RelationId(r.id)).is_some() {
            lr.add(
                format!("relation {}", r.id),
                "the id is used twice on this line; the first relation is kept",
            );
            continue;
        }
        let mut rel = Relation::new(RelationId(r.id), r.kind.clone(), from, to);
        rel.attributes = typed(schema, Some(&r.kind), &r.attributes);
        set.insert_relation(rel);
    }
    set.document_attributes = typed(schema, None, &line.attributes);
    set.standoff = line.standoff;
    JsonlDoc {
        name: Some(line.name),
        text: line.text,
        set,
    }
}

fn name_of(value: &Value) -> Option<String> {
    match value.get("name").or_else(|| value.get("id"))? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn doccano_doc(value: &Value, now: Timestamp, lr: &mut LineReport) -> Option<JsonlDoc> {
    let Some(text) = value.get("text").and_then(Value::as_str) else {
        lr.add("line", "no `text` string");
        return None;
    };
    let index = TextIndex::new(text);
    let len = index.char_len();
    let mut set = AnnotationSet::new();
    let mut by_doccano_id: HashMap<String, AnnotationId> = HashMap::new();
    let add = |set: &mut AnnotationSet,
               label: &str,
               s: u64,
               e: u64,
               lr: &mut LineReport|
     -> Option<AnnotationId> {
        let range = CharRange {
            start: CharOffset(s as usize),
            end: CharOffset(e as usize),
        };
        if let Some(why) = span_problem(label, &[range], len) {
            lr.add(format!("span {s}..{e} {label}"), why);
            return None;
        }
        let id = set.next_annotation_id();
        set.insert_annotation(Annotation::new_in(id, label, vec![range], &index, now));
        Some(id)
    };
    if let Some(entities) = value.get("entities").and_then(Value::as_array) {
        for e in entities {
            let (Some(s), Some(end), Some(label)) = (
                e.get("start_offset").and_then(Value::as_u64),
                e.get("end_offset").and_then(Value::as_u64),
                e.get("label").and_then(Value::as_str),
            ) else {
                lr.add(
                    format!("entity {e}"),
                    "needs start_offset, end_offset and label",
                );
                continue;
            };
            let key = e.get("id").map(Value::to_string);
            if key.as_ref().is_some_and(|k| by_doccano_id.contains_key(k)) {
                lr.add(
                    format!("entity {e}"),
                    "the id is used twice on this line; the first entity is kept",
                );
                continue;
            }
            if let Some(id) = add(&mut set, label, s, end, lr) {
                by_doccano_id.insert(key.unwrap_or_default(), id);
            }
        }
        for r in value
            .get("relations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let end = |k: &str| {
                r.get(k)
                    .map(Value::to_string)
                    .and_then(|k| by_doccano_id.get(&k).copied())
            };
            match (
                end("from_id"),
                end("to_id"),
                r.get("type").and_then(Value::as_str),
            ) {
                (Some(from), Some(to), Some(kind)) => {
                    let id = set.next_relation_id();
                    set.insert_relation(Relation::new(id, kind, from, to));
                }
                _ => lr.add(
                    format!("relation {r}"),
                    "needs from_id and to_id of entities on this line, and a type",
                ),
            }
        }
    } else {
        let pairs = value
            .get("label")
            .or_else(|| value.get("labels"))
            .and_then(Value::as_array);
        for p in pairs.into_iter().flatten() {
            let item = p.as_array().map(Vec::as_slice);
            match item {
                Some([s, e, l]) if s.is_u64() && e.is_u64() && l.is_string() => {
                    add(
                        &mut set,
                        l.as_str().unwrap_or_default(),
                        s.as_u64().unwrap_or(0),
                        e.as_u64().unwrap_or(0),
                        lr,
                    );
                }
                _ => lr.add(
                    format!("label {p}"),
                    "expected [start, end, \"LABEL\"] (a text-classification label has no span)",
                ),
            }
        }
    }
    Some(JsonlDoc {
        name: name_of(value),
        text: text.to_owned(),
        set,
    })
}

/// The range of a Label Studio region `value`: `start`/`end` are code points (what Label Studio
/// stores); when the region's `text` matches only a reading in UTF-16 code units (files from
/// older versions that stored JavaScript indices), that reading is taken.
fn region_range(value: &Value, index: &TextIndex<'_>, map: &OffsetMap) -> Option<CharRange> {
    let get = |k: &str| value.get(k).and_then(Value::as_u64).map(|u| u as usize);
    let (start, end) = (get("start")?, get("end")?);
    let chars =
        (start <= end && end <= map.char_len()).then(|| CharRange::from_indices(start, end));
    let units = map
        .from_utf16(Utf16Offset(start))
        .zip(map.from_utf16(Utf16Offset(end)))
        .filter(|(s, e)| s <= e)
        .map(|(s, e)| CharRange::new(s, e));
    let covers = |r: &CharRange| {
        let said = value.get("text").and_then(Value::as_str);
        said.is_some_and(|t| index.slice(r.start.0, r.end.0) == t)
    };
    match (chars, units) {
        (Some(c), Some(u)) if c != u && !covers(&c) && covers(&u) => Some(u),
        (Some(c), _) => Some(c),
        (None, u) => u.filter(covers),
    }
}

/// Why a region with numeric `start` and `end` does not fit a text of `len` chars, if it does not.
fn region_misfit(value: &Value, len: usize) -> Option<String> {
    let get = |k: &str| value.get(k).and_then(Value::as_u64).map(|u| u as usize);
    let (start, end) = (get("start")?, get("end")?);
    let range = CharRange {
        start: CharOffset(start),
        end: CharOffset(end),
    };
    span_problem("region", &[range], len)
}

/// Reads one Label Studio result that is not a relation into `set` (its region id into
/// `by_region`), or reports why it cannot be read.
fn read_region(
    r: &Value,
    index: &TextIndex<'_>,
    map: &OffsetMap,
    now: Timestamp,
    set: &mut AnnotationSet,
    by_region: &mut HashMap<String, AnnotationId>,
    lr: &mut LineReport,
) {
    let kind = r.get("type").and_then(Value::as_str).unwrap_or_default();
    if kind == "relation" {
        return;
    }
    let what = format!("result {}", r.get("id").unwrap_or(&Value::Null));
    let v = r.get("value");
    let labels = v.and_then(|v| v.get(kind)).and_then(Value::as_array);
    let (Some(range), Some(labels)) = (v.and_then(|v| region_range(v, index, map)), labels) else {
        let why = v
            .and_then(|v| region_misfit(v, map.char_len()))
            .unwrap_or_else(|| {
                format!("`{kind}` results without text start/end have no span form")
            });
        lr.add(what, why);
        return;
    };
    if labels.len() > 1 {
        lr.add(what.clone(), "several labels; only the first is kept");
    }
    let label = labels.first().and_then(Value::as_str).unwrap_or_default();
    if let Some(why) = span_problem(label, &[range], map.char_len()) {
        lr.add(what, why);
        return;
    }
    let region = r.get("id").and_then(Value::as_str);
    if region.is_some_and(|rid| by_region.contains_key(rid)) {
        lr.add(
            what,
            "the region id is used twice in this task; the first is kept",
        );
        return;
    }
    let id = set.next_annotation_id();
    set.insert_annotation(Annotation::new_in(id, label, vec![range], index, now));
    if let Some(rid) = region {
        by_region.insert(rid.to_owned(), id);
    }
}

fn label_studio_doc(value: &Value, now: Timestamp, lr: &mut LineReport) -> Option<JsonlDoc> {
    let data = value.get("data")?;
    let text = data
        .get("text")
        .and_then(Value::as_str)
        .or_else(|| data.as_object()?.values().find_map(Value::as_str));
    let Some(text) = text else {
        lr.add("task", "no text in `data`");
        return None;
    };
    let map = OffsetMap::new(text);
    let index = TextIndex::new(text);
    let pick = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_array)
            .filter(|a| !a.is_empty())
    };
    let list = pick("annotations").or_else(|| pick("predictions"));
    if list.is_some_and(|l| l.len() > 1) {
        lr.add("task", "more than one annotation; only the first is read");
    }
    // Borrowed, not cloned: a task may hold thousands of results.
    let results: &[Value] = list
        .and_then(|l| l[0].get("result"))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    let mut set = AnnotationSet::new();
    let mut by_region: HashMap<String, AnnotationId> = HashMap::new();
    for r in results {
        read_region(r, &index, &map, now, &mut set, &mut by_region, lr);
    }
    for r in results
        .iter()
        .filter(|r| r.get("type").and_then(Value::as_str) == Some("relation"))
    {
        let end = |k: &str| {
            r.get(k)
                .and_then(Value::as_str)
                .and_then(|k| by_region.get(k).copied())
        };
        let kind = r
            .get("labels")
            .and_then(Value::as_array)
            .and_then(|l| l.first())
            .and_then(Value::as_str)
            .unwrap_or("related");
        match (end("from_id"), end("to_id")) {
            (Some(from), Some(to)) => {
                let (from, to) = if r.get("direction").and_then(Value::as_str) == Some("left") {
                    (to, from)
                } else {
                    (from, to)
                };
                let id = set.next_relation_id();
                set.insert_relation(Relation::new(id, kind, from, to));
            }
            _ => lr.add(
                format!("relation {r}"),
                "an end is not a region of this task",
            ),
        }
    }
    Some(JsonlDoc {
        name: name_of(data).or_else(|| name_of(value)),
        text: text.to_owned(),
        set,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::AnnotationStatus;
    use crate::model::standoff::{Comment, Target};

    /// A Hamish line read straight into its structs gives the document and the report that
    /// reading it as a JSON value first gives; lines that do not read so still get their messages.
    #[test]
    fn hamish_lines_read_directly_as_through_a_value() {
        let text = "قال الوزير إن الخبر صحيح\nسطر ثانٍ";
        let mut set = AnnotationSet::new();
        let index = TextIndex::new(text);
        let ranges = vec![
            CharRange::from_indices(0, 3),
            CharRange::from_indices(4, 10),
        ];
        let mut a = Annotation::new_in(AnnotationId(1), "claim", ranges, &index, Timestamp(5));
        a.note = "ملاحظة\n\"x\"".into();
        a.status = AnnotationStatus::NeedsReview;
        set.insert_annotation(a);
        let b = CharRange::from_indices(14, 19);
        set.insert_annotation(Annotation::new_in(
            AnnotationId(2),
            "source",
            vec![b],
            &index,
            Timestamp(6),
        ));
        set.insert_relation(Relation::new(
            RelationId(1),
            "attributed-to",
            AnnotationId(1),
            AnnotationId(2),
        ));
        set.standoff.comments.push(Comment {
            target: Target::Span(AnnotationId(2)),
            kind: "Lemma".into(),
            text: "خبر".into(),
        });
        let doc = AnnotatedText {
            name: "a.txt".into(),
            text: text.into(),
            set,
        };
        let line = export_line(&doc, JsonlFlavor::Hamish, &mut LossReport::new());
        let bad_span = line.replacen("\"start_utf16\"", "\"start_utf\"", 1);
        let no_spans = r#"{"name":"x","text":"abc","label":[[0,1,"claim"]]}"#;
        let schema = Schema::fact_checking();
        let path = Path::new("in.jsonl");
        for input in [line.as_str(), bad_span.as_str(), no_spans] {
            let mut direct = LossReport::new();
            let docs = import(input, &schema, path, Timestamp(0), &mut direct);
            let mut through = LossReport::new();
            let mut lr = LineReport {
                report: &mut through,
                path,
                line: 1,
            };
            let value: Value = serde_json::from_str(input).expect("JSON");
            let expected: Vec<JsonlDoc> = if value.get("spans").is_some() {
                hamish_doc(value, &schema, Timestamp(0), &mut lr)
            } else {
                doccano_doc(&value, Timestamp(0), &mut lr)
            }
            .into_iter()
            .collect();
            assert_eq!(docs, expected, "{input}");
            assert_eq!(direct, through, "{input}");
            // The damaged line is reported, the others are read whole.
            assert_eq!(direct.is_empty(), input != bad_span, "{input}");
        }
        let read = import(&line, &schema, path, Timestamp(0), &mut LossReport::new());
        assert_eq!(read[0].set, doc.set);
    }
}
