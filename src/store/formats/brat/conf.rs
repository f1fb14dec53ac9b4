//! brat's `annotation.conf`: read into a schema (entities, relations, events, attributes, with
//! macros expanded and hierarchies flattened), and written for a whole collection from the union
//! of the exported documents' schemas and of what the documents use, with `<OVERLAP>` declared
//! when spans cross or nest.

use super::write::FlagStyle;
use crate::model::attribute::{AttributeDef, AttributeKind, AttributeValue};
use crate::model::schema::{Colour, EventRole, EventType, RelationType, Schema, SpanLabel};
use crate::store::formats::loss::LossReport;
use crate::store::formats::value::value_to_text;
use crate::store::formats::AnnotatedText;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// Colours given to labels read from an `annotation.conf` (which has none), in order.
const PALETTE: [&str; 8] = [
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
];

/// brat's declaration that spans may cross, nest or coincide, whatever their types.
pub const OVERLAP_LINE: &str = "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>";

fn label(id: &str, n: usize) -> SpanLabel {
    let colour = Colour::parse_hex(PALETTE[n % PALETTE.len()]).unwrap_or(Colour {
        r: 128,
        g: 128,
        b: 128,
    });
    SpanLabel {
        id: id.to_owned(),
        name_ar: id.to_owned(),
        name_en: id.to_owned(),
        colour,
        hotkey: None,
        description: String::new(),
        attributes: Vec::new(),
    }
}

/// The value of `key:` in a conf argument list such as `Arg1:claim, Arg2:source|quote`.
fn conf_arg<'a>(args: &'a str, key: &str) -> Option<&'a str> {
    args.split(',')
        .map(str::trim)
        .find_map(|part| {
            part.strip_prefix(key)
                .and_then(|rest| rest.strip_prefix(':'))
        })
        .map(str::trim)
}

/// `args` with every `<MACRO>` defined earlier in the file replaced by its value.
fn expand(args: &str, macros: &BTreeMap<String, String>) -> String {
    macros.iter().fold(args.to_owned(), |acc, (name, value)| {
        acc.replace(name, value)
    })
}

/// The section a `[header]` line opens (`[spans]` is brat's other name for `[entities]`).
fn section_of(line: &str) -> &'static str {
    match line {
        "[entities]" | "[spans]" => "entities",
        "[relations]" => "relations",
        "[attributes]" => "attributes",
        "[events]" => "events",
        _ => "other",
    }
}

/// A schema from an `annotation.conf`: `[entities]` (or `[spans]`) become labels (nesting by
/// indentation is flattened, `!` types are only structure), `[relations]` relation types with
/// their Arg1/Arg2 types (lines of one type merged), `[events]` event types (each also a label,
/// for its triggers) with their roles, `[attributes]` attribute definitions (no value → flag, as
/// brat's binary attributes; values, even `yes|no`, → one-of) on the types their `Arg` names (`<ENTITY>`,
/// `<EVENT>`, `<RELATION>` for all of a kind). Macros (`<POG>=A|B`) are expanded. Lines that are
/// none of these go to `report`.
pub fn import_conf(conf: &str, id: &str, path: &Path, report: &mut LossReport) -> Schema {
    let mut schema = Schema {
        id: id.to_owned(),
        name_ar: id.to_owned(),
        name_en: id.to_owned(),
        labels: Vec::new(),
        relations: Vec::new(),
        document_attributes: Vec::new(),
        events: Vec::new(),
    };
    let mut section = "";
    let mut attr_lines = Vec::new();
    let mut macros = BTreeMap::new();
    for (i, raw) in conf.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = section_of(line);
            continue;
        }
        if let Some((name, value)) = line.split_once('=').filter(|(n, _)| n.starts_with('<')) {
            macros.insert(name.trim().to_owned(), value.trim().to_owned());
            continue;
        }
        let (name, args) = line
            .split_once(char::is_whitespace)
            .map_or((line, ""), |(n, a)| (n, a.trim()));
        let args = expand(args, &macros);
        // `!` types are structure only; `<OVERLAP>` and the older `ENTITY-NESTING` are brat's
        // overlap rules, which the export writes from the data.
        let structural = name.starts_with('!') || name.starts_with('<') || name == "ENTITY-NESTING";
        match section {
            "entities" if !structural => {
                if schema.label(name).is_none() {
                    schema.labels.push(label(name, schema.labels.len()));
                }
            }
            "relations" if !structural => add_relation(&mut schema, name, &args),
            "events" if !structural => add_event(&mut schema, name, &args),
            "attributes" => attr_lines.push((name.to_owned(), args)),
            "entities" | "relations" | "events" => {}
            _ => report.add(
                path,
                Some(i + 1),
                format!("conf line `{line}`"),
                "not in an [entities], [relations], [events] or [attributes] section",
            ),
        }
    }
    for (name, args) in attr_lines {
        add_attribute(&mut schema, &name, &args);
    }
    schema
}

fn types_of(v: &str) -> Vec<String> {
    v.split('|')
        .filter(|t| !t.starts_with('<'))
        .map(str::to_owned)
        .collect()
}

fn add_relation(schema: &mut Schema, name: &str, args: &str) {
    let arg = |key: &str| conf_arg(args, key).map(types_of).unwrap_or_default();
    let (from, to) = (arg("Arg1"), arg("Arg2"));
    let symmetric = conf_arg(args, "<REL-TYPE>").is_some_and(|v| v.contains("symmetric"));
    // A type declared on several lines takes the union (empty means any type).
    let merge = |into: &mut Vec<String>, more: Vec<String>| {
        if into.is_empty() || more.is_empty() {
            into.clear();
        } else {
            into.extend(
                more.into_iter()
                    .filter(|t| !into.contains(t))
                    .collect::<Vec<_>>(),
            );
        }
    };
    if let Some(r) = schema.relations.iter_mut().find(|r| r.id == name) {
        merge(&mut r.from, from);
        merge(&mut r.to, to);
        return;
    }
    schema.relations.push(RelationType {
        id: name.to_owned(),
        name_ar: name.to_owned(),
        name_en: name.to_owned(),
        from,
        to,
        directed: !symmetric,
        description: String::new(),
        attributes: Vec::new(),
    });
}

fn add_event(schema: &mut Schema, name: &str, args: &str) {
    let roles = args
        .split(',')
        .map(str::trim)
        .filter_map(|part| part.split_once(':'))
        .map(|(role, types)| EventRole {
            role: role.trim().to_owned(),
            types: types.split('|').map(|t| t.trim().to_owned()).collect(),
        })
        .collect();
    if schema.event_type(name).is_none() {
        schema.events.push(EventType {
            id: name.to_owned(),
            roles,
        });
    }
    if schema.label(name).is_none() {
        let n = schema.labels.len();
        schema.labels.push(label(name, n));
    }
}

fn add_attribute(schema: &mut Schema, name: &str, args: &str) {
    let kind = match conf_arg(args, "Value") {
        None => AttributeKind::Bool,
        Some(values) => AttributeKind::OneOf(values.split('|').map(str::to_owned).collect()),
    };
    let def = AttributeDef {
        id: name.to_owned(),
        name_ar: name.to_owned(),
        name_en: name.to_owned(),
        kind,
        description: String::new(),
    };
    let events: BTreeSet<String> = schema.events.iter().map(|e| e.id.clone()).collect();
    for owner in conf_arg(args, "Arg").unwrap_or("").split('|') {
        for l in schema.labels.iter_mut().filter(|l| match owner {
            "<ENTITY>" => !events.contains(&l.id),
            "<EVENT>" => events.contains(&l.id),
            other => l.id == other,
        }) {
            if !l.attributes.iter().any(|d| d.id == def.id) {
                l.attributes.push(def.clone());
            }
        }
        for r in schema
            .relations
            .iter_mut()
            .filter(|r| owner == "<RELATION>" || r.id == owner)
        {
            if !r.attributes.iter().any(|d| d.id == def.id) {
                r.attributes.push(def.clone());
            }
        }
    }
}

/// The `annotation.conf` for one schema (see [`collection_conf`]).
pub fn export_conf(schema: &Schema) -> String {
    collection_conf_of(&[schema], &[], &FlagStyle::default())
}

/// The `annotation.conf` of a collection: the union of the documents' schemas (first definition
/// of an id wins), plus labels, relation types, event types and attributes the documents use but
/// no schema declares, and `<OVERLAP>` when spans of a document cross, nest or coincide.
pub fn collection_conf(docs: &[(AnnotatedText, Schema)], style: &FlagStyle) -> String {
    let schemas: Vec<&Schema> = docs.iter().map(|(_, s)| s).collect();
    let texts: Vec<&AnnotatedText> = docs.iter().map(|(d, _)| d).collect();
    collection_conf_of(&schemas, &texts, style)
}

/// Declarations gathered for a conf, in first-seen order.
#[derive(Default)]
struct Decl {
    entities: Vec<String>,
    relations: Vec<(String, String)>,
    events: Vec<(String, String)>,
    /// Attribute id → (owner types, kind: None for text/number).
    attributes: BTreeMap<String, (Vec<String>, Option<AttributeKind>)>,
}

impl Decl {
    fn attribute(&mut self, id: &str, owner: &str, kind: Option<AttributeKind>) {
        let entry = self
            .attributes
            .entry(id.to_owned())
            .or_insert((Vec::new(), kind));
        if !entry.0.iter().any(|o| o == owner) {
            entry.0.push(owner.to_owned());
        }
    }
}

fn any(v: &[String]) -> String {
    if v.is_empty() {
        "<ENTITY>".to_owned()
    } else {
        v.join("|")
    }
}

/// The kinds of the equivalence groups of `docs` (brat declares them as symmetric-transitive
/// relations).
fn equivalence_kinds(docs: &[&AnnotatedText]) -> BTreeSet<String> {
    docs.iter()
        .flat_map(|d| d.set.standoff.equivalences.iter().map(|e| e.kind.clone()))
        .collect()
}

fn from_schemas(schemas: &[&Schema], equivalences: &BTreeSet<String>) -> Decl {
    let mut d = Decl::default();
    for s in schemas {
        for e in &s.events {
            if !d.events.iter().any(|(id, _)| *id == e.id) {
                let roles: Vec<String> = e
                    .roles
                    .iter()
                    .map(|r| format!("{}:{}", r.role, r.types.join("|")))
                    .collect();
                d.events.push((e.id.clone(), roles.join(", ")));
            }
        }
        for l in &s.labels {
            let is_event = d.events.iter().any(|(id, _)| *id == l.id);
            if !is_event && !d.entities.contains(&l.id) {
                d.entities.push(l.id.clone());
            }
            for a in &l.attributes {
                d.attribute(&a.id, &l.id, Some(a.kind.clone()));
            }
        }
        for r in &s.relations {
            if !d.relations.iter().any(|(id, _)| *id == r.id) {
                let mut args = format!("Arg1:{}, Arg2:{}", any(&r.from), any(&r.to));
                if equivalences.contains(&r.id) {
                    args.push_str(", <REL-TYPE>:symmetric-transitive");
                } else if !r.directed {
                    args.push_str(", <REL-TYPE>:symmetric");
                }
                d.relations.push((r.id.clone(), args));
            }
            for a in &r.attributes {
                d.attribute(&a.id, &r.id, Some(a.kind.clone()));
            }
        }
    }
    d
}

/// Adds what `docs` use but no schema declares, so that brat's checker knows every type.
fn from_documents(d: &mut Decl, docs: &[&AnnotatedText], equivalences: &BTreeSet<String>) {
    for kind in equivalences {
        if !d.relations.iter().any(|(id, _)| id == kind) {
            let args = "Arg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive";
            d.relations.push((kind.clone(), args.to_owned()));
        }
    }
    let mut roles: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for doc in docs {
        let set = &doc.set;
        for e in &set.standoff.events {
            let entry = roles.entry(e.kind.clone()).or_default();
            for arg in &e.arguments {
                let filler = super::write::target_type(set, arg.target).unwrap_or_default();
                let base = arg.role.trim_end_matches(|c: char| c.is_ascii_digit());
                entry.entry(base.to_owned()).or_default().insert(filler);
            }
        }
    }
    for (kind, roles) in roles {
        if !d.events.iter().any(|(id, _)| *id == kind) {
            let args: Vec<String> = roles
                .iter()
                .map(|(role, types)| {
                    let t: Vec<&str> = types.iter().map(String::as_str).collect();
                    format!("{role}*:{}", t.join("|"))
                })
                .collect();
            d.events.push((kind, args.join(", ")));
        }
    }
    // Attributes used on a type that declares none of that id: declared from the values seen.
    let mut seen: BTreeMap<String, (Vec<String>, BTreeSet<String>)> = BTreeMap::new();
    for doc in docs {
        let set = &doc.set;
        for a in set.annotations() {
            let is_event = d.events.iter().any(|(id, _)| *id == a.label);
            if !is_event && !d.entities.contains(&a.label) {
                d.entities.push(a.label.clone());
            }
        }
        for r in set.relations() {
            if !d.relations.iter().any(|(id, _)| *id == r.kind) {
                d.relations
                    .push((r.kind.clone(), "Arg1:<ANY>, Arg2:<ANY>".to_owned()));
            }
        }
        let owners = set
            .annotations()
            .map(|a| (&a.label, &a.attributes))
            .chain(set.relations().map(|r| (&r.kind, &r.attributes)))
            .chain(set.standoff.events.iter().map(|e| (&e.kind, &e.attributes)));
        for (owner, map) in owners {
            for (id, value) in map {
                if d.attributes.get(id).is_some_and(|(o, _)| o.contains(owner)) {
                    continue;
                }
                let entry = seen.entry(id.clone()).or_default();
                if !entry.0.contains(owner) {
                    entry.0.push(owner.clone());
                }
                entry.1.insert(match value {
                    AttributeValue::Bool(_) => String::new(),
                    other => value_to_text(other),
                });
            }
        }
    }
    for (id, (owners, values)) in seen {
        let kind = if values.iter().all(String::is_empty) {
            AttributeKind::Bool
        } else {
            AttributeKind::OneOf(values.into_iter().filter(|v| !v.is_empty()).collect())
        };
        for owner in owners {
            d.attribute(&id, &owner, Some(kind.clone()));
        }
    }
}

/// True when two spans of `doc` share a char (cross, nest or coincide).
pub fn has_overlap(doc: &AnnotatedText) -> bool {
    let mut ranges: Vec<(usize, usize, u64)> = doc
        .set
        .annotations()
        .flat_map(|a| a.ranges.iter().map(move |r| (r.start.0, r.end.0, a.id.0)))
        .filter(|(s, e, _)| s < e)
        .collect();
    ranges.sort();
    let mut reach: Option<(usize, u64)> = None;
    for (s, e, id) in ranges {
        if let Some((end, owner)) = reach {
            if s < end && owner != id {
                return true;
            }
        }
        if reach.is_none_or(|(end, _)| e > end) {
            reach = Some((e, id));
        }
    }
    false
}

fn collection_conf_of(schemas: &[&Schema], docs: &[&AnnotatedText], style: &FlagStyle) -> String {
    let equivalences = equivalence_kinds(docs);
    let mut d = from_schemas(schemas, &equivalences);
    from_documents(&mut d, docs, &equivalences);
    let mut ids: Vec<&str> = Vec::new();
    for s in schemas {
        if !ids.contains(&s.id.as_str()) {
            ids.push(&s.id);
        }
    }
    let mut out = format!(
        "# brat annotation.conf written by Hamish from schema \"{}\"\n[entities]\n",
        ids.join("\", \"")
    );
    for e in &d.entities {
        let _ = writeln!(out, "{e}");
    }
    out.push_str("[relations]\n");
    for (id, args) in &d.relations {
        let _ = writeln!(out, "{id}\t{args}");
    }
    if docs.iter().any(|doc| has_overlap(doc)) {
        let _ = writeln!(out, "{OVERLAP_LINE}");
    }
    out.push_str("[events]\n");
    for (id, args) in &d.events {
        let _ = writeln!(out, "{id}\t{args}");
    }
    out.push_str("[attributes]\n");
    for (id, (owners, kind)) in &d.attributes {
        let arg = owners.join("|");
        match kind {
            Some(AttributeKind::OneOf(values)) => {
                let _ = writeln!(out, "{id}\tArg:{arg}, Value:{}", values.join("|"));
            }
            Some(AttributeKind::Bool) if style.is_binary(id) => {
                let _ = writeln!(out, "{id}\tArg:{arg}");
            }
            Some(AttributeKind::Bool) => {
                let _ = writeln!(out, "{id}\tArg:{arg}, Value:yes|no");
            }
            other => {
                let name = other.as_ref().map_or("text", AttributeKind::name);
                let _ = writeln!(
                    out,
                    "# {id}\tArg:{arg} ({name} values; brat cannot declare them)"
                );
            }
        }
    }
    out
}
