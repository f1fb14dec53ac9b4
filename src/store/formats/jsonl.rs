//! JSONL, one document per line, in three shapes (`--flavor`): Hamish (lossless: every span with
//! start/end in chars and `start_utf16`/`end_utf16` in UTF-16 code units, fragments, attributes,
//! notes, author, times, status, relations and document attributes), doccano (`label` pairs for
//! sequence labelling plus `entities`/`relations` for relation projects; offsets in chars) and
//! Label Studio (tasks with `data.text` and `annotations[].result[]`; offsets in UTF-16 code units,
//! as JavaScript counts). Import detects the shape of each line.

use super::loss::LossReport;
use super::uncarried::{report_group, report_uncarried, Carries};
use super::value::{attribute_kind, value_from_json, value_to_json};
use super::AnnotatedText;
use crate::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use crate::model::attribute::AttributeMap;
use crate::model::quote::TextIndex;
use crate::model::relation::{Relation, RelationId};
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::offset::{CharOffset, CharRange, OffsetMap, Utf16Offset};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// Which tool's shape the JSONL export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
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
    #[serde(default)]
    spans: Vec<HamishSpan>,
    #[serde(default)]
    relations: Vec<HamishRelation>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    attributes: Map<String, Value>,
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
    #[serde(default, skip_serializing_if = "is_ok")]
    status: AnnotationStatus,
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
        JsonlFlavor::LabelStudio => label_studio_task(doc, &map, &index, &spans, report),
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
        spans: spans
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
                    status: a.status,
                }
            })
            .collect(),
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
    report_group(doc, "discontinuous spans", &split, &why, report);
    // Past a char outside the Basic Multilingual Plane, code points and UTF-16 units differ, and
    // these tools have counted both ways across versions (see docs/formats.md).
    if let Some((at, c)) = doc
        .text
        .chars()
        .enumerate()
        .find(|(_, c)| c.len_utf16() > 1)
    {
        report.add(
            &doc.name,
            None,
            format!("offsets after U+{:04X} at char {at}", c as u32),
            format!(
                "{tool} counts offsets as {}; versions of {tool} disagree on this for chars outside the BMP, so check spans after it once imported",
                if tool == "doccano" { "code points here" } else { "UTF-16 units here" }
            ),
        );
    }
    report_uncarried(doc, spans, tool, Carries::LABELS_AND_RELATIONS, report);
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
    for a in spans {
        for r in &a.ranges {
            label.push(json!([r.start.0, r.end.0, a.label]));
            entities.push(json!({"id": next, "label": a.label, "start_offset": r.start.0, "end_offset": r.end.0}));
            first_entity.entry(a.id).or_insert(next);
            next += 1;
        }
    }
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
    map: &OffsetMap,
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
                "value": {"start": u16_of(map, r.start), "end": u16_of(map, r.end), "text": text, "labels": [a.label]},
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
    let items: Vec<(usize, Result<Value, serde_json::Error>)> =
        if input.trim_start().starts_with('[') {
            match serde_json::from_str::<Vec<Value>>(input) {
                Ok(list) => list.into_iter().map(|v| (1, Ok(v))).collect(),
                Err(e) => vec![(e.line(), Err(e))],
            }
        } else {
            input
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| (i + 1, serde_json::from_str::<Value>(l)))
                .collect()
        };
    let mut docs = Vec::new();
    for (line, item) in items {
        let value = match item {
            Ok(v) => v,
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

fn check_ranges(ranges: &[CharRange], len: usize) -> bool {
    !ranges.is_empty() && ranges.iter().all(|r| r.start <= r.end && r.end.0 <= len)
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
    let index = TextIndex::new(&line.text);
    let len = index.char_len();
    let mut set = AnnotationSet::new();
    for s in line.spans {
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
        if !check_ranges(&ranges, len) {
            lr.add(
                format!("span {}", s.id),
                format!("offsets do not fit the text ({len} chars)"),
            );
            continue;
        }
        let mut a = Annotation::new_in(AnnotationId(s.id), s.label.clone(), ranges, &index, now);
        a.attributes = typed(schema, Some(&s.label), &s.attributes);
        a.note = s.note;
        a.author = s.author;
        a.created = Timestamp(s.created);
        a.modified = Timestamp(s.modified);
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
        let mut rel = Relation::new(RelationId(r.id), r.kind.clone(), from, to);
        rel.attributes = typed(schema, Some(&r.kind), &r.attributes);
        set.insert_relation(rel);
    }
    set.document_attributes = typed(schema, None, &line.attributes);
    Some(JsonlDoc {
        name: Some(line.name),
        text: line.text,
        set,
    })
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
        if !check_ranges(&[range], len) {
            lr.add(
                format!("span {s}..{e} {label}"),
                format!("offsets do not fit the text ({len} chars)"),
            );
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
            if let Some(id) = add(&mut set, label, s, end, lr) {
                by_doccano_id.insert(e.get("id").map(Value::to_string).unwrap_or_default(), id);
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
    let results = list
        .and_then(|l| l[0].get("result"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut set = AnnotationSet::new();
    let mut by_region: HashMap<String, AnnotationId> = HashMap::new();
    for r in &results {
        let kind = r.get("type").and_then(Value::as_str).unwrap_or_default();
        if kind == "relation" {
            continue;
        }
        let v = r.get("value");
        let labels = v.and_then(|v| v.get(kind)).and_then(Value::as_array);
        let offset = |k: &str| {
            v.and_then(|v| v.get(k))
                .and_then(Value::as_u64)
                .and_then(|u| map.from_utf16(Utf16Offset(u as usize)))
        };
        let (Some(start), Some(end), Some(labels)) = (offset("start"), offset("end"), labels)
        else {
            lr.add(
                format!("result {}", r.get("id").unwrap_or(&Value::Null)),
                format!("`{kind}` results without text start/end have no span form"),
            );
            continue;
        };
        if labels.len() > 1 {
            lr.add(
                format!("result {}", r.get("id").unwrap_or(&Value::Null)),
                "several labels; only the first is kept",
            );
        }
        let label = labels.first().and_then(Value::as_str).unwrap_or_default();
        let id = set.next_annotation_id();
        set.insert_annotation(Annotation::new_in(
            id,
            label,
            vec![CharRange::new(start, end)],
            &index,
            now,
        ));
        if let Some(Value::String(rid)) = r.get("id") {
            by_region.insert(rid.clone(), id);
        }
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
