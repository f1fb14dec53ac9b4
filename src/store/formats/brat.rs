//! brat standoff: a `.ann` file per text (T, R, A and `#` AnnotatorNotes lines) and an
//! `annotation.conf` for the schema. brat offsets are chars (code points) of the `.txt`, which is
//! written byte-identical to the decoded text, so CR LF files keep their offsets (brat counts CR as
//! a char too). Ranges are half-open; discontinuous spans are written `S E;S E`.

use super::error::FormatError;
use super::loss::LossReport;
use super::uncarried::{report_uncarried, Carries};
use super::value::{attribute_kind, value_from_text, value_to_text};
use super::AnnotatedText;
use crate::model::annotation::{Annotation, AnnotationId, Timestamp};
use crate::model::attribute::{AttributeDef, AttributeKind, AttributeValue};
use crate::model::quote::TextIndex;
use crate::model::relation::{Relation, RelationId};
use crate::model::schema::{Colour, RelationType, Schema, SpanLabel};
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The name of brat's schema file in a collection folder.
pub const CONF_FILE: &str = "annotation.conf";

/// The `.ann` text of a document: T lines by id, then R lines by id, then A lines (spans' then
/// relations' attributes, by owner id then attribute id), then `#` notes. Things brat cannot hold
/// (document attributes, attribute values with spaces, labels with spaces) go to `report`.
pub fn export_ann(doc: &AnnotatedText, report: &mut LossReport) -> String {
    let mut out = String::new();
    let file = doc.name.as_str();
    let chars: Vec<char> = doc.text.chars().collect();
    let mut written = std::collections::BTreeSet::new();
    // Writing to a String cannot fail, so `writeln!` results are ignored below.
    for a in doc.set.annotations() {
        if a.ranges.is_empty() || a.label.contains(char::is_whitespace) {
            report.add(
                file,
                None,
                a.id.to_string(),
                "no range, or a label with spaces: brat cannot hold it",
            );
            continue;
        }
        if a.ranges
            .iter()
            .any(|r| r.end.0 > chars.len() || r.start > r.end)
        {
            report.add(
                file,
                None,
                a.id.to_string(),
                "a range lies outside the text",
            );
            continue;
        }
        let frags: Vec<String> = a
            .ranges
            .iter()
            .map(|r| format!("{} {}", r.start.0, r.end.0))
            .collect();
        let covered: Vec<String> = a
            .ranges
            .iter()
            .map(|r| flatten(&chars[r.start.0..r.end.0].iter().collect::<String>()))
            .collect();
        let _ = writeln!(
            out,
            "{}\t{} {}\t{}",
            a.id,
            a.label,
            frags.join(";"),
            covered.join(" ")
        );
        written.insert(a.id);
    }
    for r in doc.set.relations() {
        if !written.contains(&r.from)
            || !written.contains(&r.to)
            || r.kind.contains(char::is_whitespace)
        {
            report.add(
                file,
                None,
                r.id.to_string(),
                "an end is missing or the type has spaces: brat cannot hold it",
            );
            continue;
        }
        let _ = writeln!(out, "{}\t{} Arg1:{} Arg2:{}", r.id, r.kind, r.from, r.to);
    }
    let mut n = 0;
    let owners = doc
        .set
        .annotations()
        .filter(|a| written.contains(&a.id))
        .map(|a| (a.id.to_string(), &a.attributes))
        .chain(
            doc.set
                .relations()
                .map(|r| (r.id.to_string(), &r.attributes)),
        );
    for (owner, attributes) in owners {
        for (id, value) in attributes {
            let text = brat_value(value);
            if text.is_empty()
                || text.contains(char::is_whitespace)
                || id.contains(char::is_whitespace)
            {
                report.add(
                    file,
                    None,
                    format!("{owner} attribute {id}"),
                    "brat attribute values are single words",
                );
                continue;
            }
            n += 1;
            let _ = writeln!(out, "A{n}\t{id} {owner} {text}");
        }
    }
    let mut n = 0;
    for a in doc
        .set
        .annotations()
        .filter(|a| written.contains(&a.id) && !a.note.is_empty())
    {
        n += 1;
        let _ = writeln!(
            out,
            "#{n}\tAnnotatorNotes {}\t{}",
            a.id,
            escape_note(&a.note)
        );
    }
    let exported: Vec<_> = doc
        .set
        .annotations()
        .filter(|a| written.contains(&a.id))
        .collect();
    report_uncarried(doc, &exported, "brat", Carries::BRAT, report);
    out
}

/// brat writes flags as `yes`/`no` values (declared `Value:yes|no` in the conf) so that `false`
/// survives a round trip.
fn brat_value(value: &AttributeValue) -> String {
    match value {
        AttributeValue::Bool(true) => "yes".into(),
        AttributeValue::Bool(false) => "no".into(),
        other => value_to_text(other),
    }
}

/// Covered text on one line: brat's text field cannot hold line breaks or tabs.
fn flatten(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Notes are one line in brat: backslash, newline, CR and tab are escaped as `\\ \n \r \t`.
fn escape_note(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    for c in note.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

fn unescape_note(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    let mut chars = note.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The `annotation.conf` for `schema`: entities, relations with their Arg1/Arg2 types, and
/// attributes (`one-of` as `Value:a|b`, flags as `Value:yes|no`; text and number attributes, which
/// brat cannot declare, as comments).
pub fn export_conf(schema: &Schema) -> String {
    let mut out = format!(
        "# brat annotation.conf written by Hamish from schema \"{}\"\n[entities]\n",
        schema.id
    );
    for l in &schema.labels {
        let _ = writeln!(out, "{}", l.id);
    }
    out.push_str("[relations]\n");
    let any = |v: &[String]| {
        if v.is_empty() {
            "<ENTITY>".to_owned()
        } else {
            v.join("|")
        }
    };
    for r in &schema.relations {
        let _ = writeln!(out, "{}\tArg1:{}, Arg2:{}", r.id, any(&r.from), any(&r.to));
    }
    out.push_str("[events]\n[attributes]\n");
    // One line per attribute id: brat attributes are global, listing every type that has them.
    let mut attrs: BTreeMap<&str, (Vec<&str>, &AttributeKind)> = BTreeMap::new();
    let owners = schema
        .labels
        .iter()
        .map(|l| (l.id.as_str(), &l.attributes))
        .chain(
            schema
                .relations
                .iter()
                .map(|r| (r.id.as_str(), &r.attributes)),
        );
    for (owner, defs) in owners {
        for d in defs {
            attrs
                .entry(d.id.as_str())
                .or_insert((Vec::new(), &d.kind))
                .0
                .push(owner);
        }
    }
    for (id, (owners, kind)) in attrs {
        let arg = owners.join("|");
        match kind {
            AttributeKind::OneOf(values) => {
                let _ = writeln!(out, "{id}\tArg:{arg}, Value:{}", values.join("|"));
            }
            AttributeKind::Bool => {
                let _ = writeln!(out, "{id}\tArg:{arg}, Value:yes|no");
            }
            other => {
                let _ = writeln!(
                    out,
                    "# {id}\tArg:{arg} ({} values; brat cannot declare them)",
                    other.name()
                );
            }
        }
    }
    out
}

/// Colours given to labels read from an `annotation.conf` (which has none), in order.
const PALETTE: [&str; 8] = [
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
];

/// A schema from an `annotation.conf`: `[entities]` become labels (nesting by indentation is
/// flattened), `[relations]` relation types with their Arg1/Arg2 types, `[attributes]` attribute
/// definitions (`Value:yes|no` or no value → flag, other values → one-of). `[events]` and macros
/// go to `report`.
pub fn import_conf(conf: &str, id: &str, path: &Path, report: &mut LossReport) -> Schema {
    let mut schema = Schema {
        id: id.to_owned(),
        name_ar: id.to_owned(),
        name_en: id.to_owned(),
        labels: Vec::new(),
        relations: Vec::new(),
        document_attributes: Vec::new(),
    };
    let mut section = "";
    let mut attr_lines = Vec::new();
    for (i, raw) in conf.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = match line {
                "[entities]" => "entities",
                "[relations]" => "relations",
                "[attributes]" => "attributes",
                "[events]" => "events",
                _ => "other",
            };
            continue;
        }
        let (name, args) = line
            .split_once(char::is_whitespace)
            .map_or((line, ""), |(n, a)| (n, a.trim()));
        match section {
            "entities" if !name.starts_with('<') && !name.starts_with('!') => {
                let colour = Colour::parse_hex(PALETTE[schema.labels.len() % PALETTE.len()])
                    .unwrap_or(Colour {
                        r: 128,
                        g: 128,
                        b: 128,
                    });
                schema.labels.push(SpanLabel {
                    id: name.to_owned(),
                    name_ar: name.to_owned(),
                    name_en: name.to_owned(),
                    colour,
                    hotkey: None,
                    description: String::new(),
                    attributes: Vec::new(),
                });
            }
            "relations" if !name.starts_with('<') && !name.starts_with('!') => {
                let arg = |key: &str| -> Vec<String> {
                    conf_arg(args, key)
                        .map(|v| {
                            v.split('|')
                                .filter(|t| !t.starts_with('<'))
                                .map(str::to_owned)
                                .collect()
                        })
                        .unwrap_or_default()
                };
                if schema.relation_type(name).is_none() {
                    schema.relations.push(RelationType {
                        id: name.to_owned(),
                        name_ar: name.to_owned(),
                        name_en: name.to_owned(),
                        from: arg("Arg1"),
                        to: arg("Arg2"),
                        directed: true,
                        description: String::new(),
                        attributes: Vec::new(),
                    });
                }
            }
            "attributes" => attr_lines.push((name.to_owned(), args.to_owned())),
            _ => report.add(
                path,
                Some(i + 1),
                format!("conf line `{line}`"),
                "events and macros are not part of Hamish schemas",
            ),
        }
    }
    for (name, args) in attr_lines {
        let kind = match conf_arg(&args, "Value") {
            None => AttributeKind::Bool,
            Some("yes|no") => AttributeKind::Bool,
            Some(values) => AttributeKind::OneOf(values.split('|').map(str::to_owned).collect()),
        };
        let def = AttributeDef {
            id: name.clone(),
            name_ar: name.clone(),
            name_en: name.clone(),
            kind,
            description: String::new(),
        };
        let owners: Vec<String> = conf_arg(&args, "Arg")
            .unwrap_or("")
            .split('|')
            .map(str::to_owned)
            .collect();
        for owner in owners {
            let any_entity = owner == "<ENTITY>";
            let any_relation = owner == "<RELATION>";
            for l in schema
                .labels
                .iter_mut()
                .filter(|l| any_entity || l.id == owner)
            {
                l.attributes.push(def.clone());
            }
            for r in schema
                .relations
                .iter_mut()
                .filter(|r| any_relation || r.id == owner)
            {
                r.attributes.push(def.clone());
            }
        }
    }
    schema
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

/// Reads a `.ann` file against its `text`. Span and relation ids keep their numbers (`T7` →
/// annotation 7); attribute values are typed by `schema`; anchors are captured from the text and
/// both times set to `now`. Lines Hamish cannot hold (events, normalizations, equivalences, bad
/// offsets, dangling references) go to `report` with their line number.
pub fn import_ann(
    text: &str,
    ann: &str,
    schema: &Schema,
    path: &Path,
    now: Timestamp,
    report: &mut LossReport,
) -> AnnotationSet {
    let index = TextIndex::new(text);
    let len = index.char_len();
    let mut set = AnnotationSet::new();
    let mut later = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or_default();
        let body = fields.next().unwrap_or_default();
        let rest = fields.next();
        match id.chars().next() {
            Some('T') => match parse_span(id, body, len) {
                Ok((aid, label, ranges)) => {
                    if let Some(old) =
                        set.insert_annotation(Annotation::new_in(aid, label, ranges, &index, now))
                    {
                        report.add(
                            path,
                            Some(n),
                            old.id.to_string(),
                            "the id is used twice; the later line wins",
                        );
                    }
                }
                Err(why) => report.add(path, Some(n), format!("span `{id}`"), why),
            },
            Some('R' | 'A' | 'M' | '#') => later.push((n, id, body, rest)),
            _ => report.add(
                path,
                Some(n),
                format!("line `{id}`"),
                "events, normalizations and equivalences have no Hamish form",
            ),
        }
    }
    // Relations, attributes and notes refer to spans (and attributes to relations), so they are
    // read once every span is known; relations first, attributes and notes after.
    later.sort_by_key(|(_, id, _, _)| !id.starts_with('R'));
    for (n, id, body, rest) in later {
        if let Err(why) = apply_line(&mut set, schema, id, body, rest) {
            report.add(path, Some(n), format!("`{id}`"), why);
        }
    }
    set
}

fn parse_span(
    id: &str,
    body: &str,
    len: usize,
) -> Result<(AnnotationId, String, Vec<CharRange>), String> {
    let number = id[1..]
        .parse::<u64>()
        .map_err(|_| "the id is not T followed by a number".to_owned())?;
    let (label, frags) = body.split_once(' ').ok_or("expected `label start end`")?;
    let mut ranges = Vec::new();
    for frag in frags.split(';') {
        let (s, e) = frag
            .trim()
            .split_once(' ')
            .ok_or("expected `start end` fragments")?;
        let (s, e) = (s.parse::<usize>(), e.parse::<usize>());
        let (Ok(s), Ok(e)) = (s, e) else {
            return Err("offsets are not numbers".into());
        };
        if s > e || e > len {
            return Err(format!("offsets {s} {e} do not fit the text ({len} chars)"));
        }
        ranges.push(CharRange::from_indices(s, e));
    }
    Ok((AnnotationId(number), label.to_owned(), ranges))
}

fn apply_line(
    set: &mut AnnotationSet,
    schema: &Schema,
    id: &str,
    body: &str,
    rest: Option<&str>,
) -> Result<(), String> {
    let mut words = body.split(' ').filter(|w| !w.is_empty());
    let kind = words.next().ok_or("the line is empty")?;
    if let Some(digits) = id.strip_prefix('R') {
        let number = digits
            .parse::<u64>()
            .map_err(|_| "the id is not R followed by a number")?;
        let (mut from, mut to) = (None, None);
        for w in words {
            match w.split_once(':') {
                Some(("Arg1", t)) => from = Some(span_ref(set, t)?),
                Some(("Arg2", t)) => to = Some(span_ref(set, t)?),
                _ => return Err(format!("unexpected argument `{w}`")),
            }
        }
        let (Some(from), Some(to)) = (from, to) else {
            return Err("a relation needs Arg1 and Arg2".into());
        };
        set.insert_relation(Relation::new(RelationId(number), kind, from, to));
        return Ok(());
    }
    let target = words.next().ok_or("no target id")?;
    if id.starts_with('#') {
        if kind != "AnnotatorNotes" {
            return Err(format!(
                "only AnnotatorNotes comments are read, not `{kind}`"
            ));
        }
        let aid = span_ref(set, target)?;
        let note = unescape_note(rest.unwrap_or_default());
        if let Some(a) = set.annotation_mut(aid) {
            if a.note.is_empty() {
                a.note = note;
            } else {
                a.note = format!("{}\n{note}", a.note);
            }
        }
        return Ok(());
    }
    let raw = words.next();
    if let Ok(aid) = span_ref(set, target) {
        let label = set
            .annotation(aid)
            .map(|a| a.label.clone())
            .unwrap_or_default();
        let value = attribute_value(schema, &label, kind, raw);
        if let Some(a) = set.annotation_mut(aid) {
            a.attributes.insert(kind.to_owned(), value);
        }
        return Ok(());
    }
    let rid = target
        .strip_prefix('R')
        .and_then(|n| n.parse::<u64>().ok())
        .map(RelationId)
        .filter(|r| set.relation(*r).is_some())
        .ok_or_else(|| format!("`{target}` is not a span or relation of this file"))?;
    let rel_type = set
        .relation(rid)
        .map(|r| r.kind.clone())
        .unwrap_or_default();
    let value = attribute_value(schema, &rel_type, kind, raw);
    if let Some(r) = set.relation_mut(rid) {
        r.attributes.insert(kind.to_owned(), value);
    }
    Ok(())
}

/// A flag without a value (brat's binary attribute) is `true`.
fn attribute_value(
    schema: &Schema,
    owner_type: &str,
    id: &str,
    raw: Option<&str>,
) -> AttributeValue {
    match raw {
        None => AttributeValue::Bool(true),
        Some(raw) => value_from_text(attribute_kind(schema, Some(owner_type), id), raw),
    }
}

fn span_ref(set: &AnnotationSet, t: &str) -> Result<AnnotationId, String> {
    t.strip_prefix('T')
        .and_then(|n| n.parse::<u64>().ok())
        .map(AnnotationId)
        .filter(|id| set.annotation(*id).is_some())
        .ok_or_else(|| format!("`{t}` is not a span of this file"))
}

/// Reads a brat `.ann` file and the `.txt` next to it (same stem), returning the `.txt` exactly as
/// brat counts it: a UTF-8 byte-order mark is kept (brat reads it as char 0); pass the result
/// through [`drop_bom`] after [`import_ann`].
pub fn read_pair(ann_path: &Path) -> Result<(String, String), FormatError> {
    let txt = ann_path.with_extension("txt");
    let bytes = std::fs::read(&txt).map_err(|source| FormatError::Io {
        path: txt.clone(),
        source,
    })?;
    let had_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let text = super::files::read_text(&txt)?;
    let text = if had_bom {
        format!("\u{feff}{text}")
    } else {
        text
    };
    Ok((text, super::files::read_text(ann_path)?))
}

/// Removes a leading byte-order mark from a text read by [`read_pair`] and moves the annotations
/// one char back to match (a range that began on the mark begins at 0); anchors are captured
/// again from the text without the mark.
pub fn drop_bom(text: String, mut set: AnnotationSet) -> (String, AnnotationSet) {
    let Some(rest) = text.strip_prefix('\u{feff}') else {
        return (text, set);
    };
    let index = TextIndex::new(rest);
    let ids: Vec<AnnotationId> = set.annotations().map(|a| a.id).collect();
    for id in ids {
        if let Some(a) = set.annotation_mut(id) {
            for r in &mut a.ranges {
                *r =
                    CharRange::from_indices(r.start.0.saturating_sub(1), r.end.0.saturating_sub(1));
            }
            a.anchors = crate::model::annotation::capture_anchors_in(&index, &a.ranges);
        }
    }
    (rest.to_owned(), set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_escape_and_unescape_back() {
        let note = "سطر\nثانٍ\t\\n حرفيًا";
        assert_eq!(unescape_note(&escape_note(note)), note);
        assert!(!escape_note(note).contains('\n'));
    }

    #[test]
    fn conf_round_trips_labels_relations_and_attributes() {
        let s = Schema::fact_checking();
        let mut report = LossReport::new();
        let back = import_conf(
            &export_conf(&s),
            "x",
            Path::new("annotation.conf"),
            &mut report,
        );
        assert!(report.is_empty(), "{report}");
        let ids: Vec<&str> = back.labels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["claim", "source", "cue", "quote", "evidence"]);
        assert_eq!(back.relation_type("attributed-to").unwrap().to, ["source"]);
        let claim = back.label("claim").unwrap();
        assert_eq!(claim.attributes.len(), 2);
        assert_eq!(
            attribute_kind(&back, Some("claim"), "check-worthy"),
            Some(&AttributeKind::Bool)
        );
    }

    #[test]
    fn a_bom_counted_by_brat_is_dropped_and_offsets_follow() {
        let text = "\u{feff}قال علي";
        let mut report = LossReport::new();
        let set = import_ann(
            text,
            "T1\tsource 5 8\tعلي\n",
            &Schema::fact_checking(),
            Path::new("a.ann"),
            Timestamp(0),
            &mut report,
        );
        assert!(report.is_empty(), "{report}");
        let (text, set) = drop_bom(text.to_owned(), set);
        assert_eq!(text, "قال علي");
        let a = set.annotation(AnnotationId(1)).unwrap();
        assert_eq!(a.ranges, [CharRange::from_indices(4, 7)]);
        assert_eq!(a.anchors[0].exact, "علي");
    }
}
