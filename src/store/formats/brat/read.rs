//! Reading a brat `.ann` against its text: T (spans), R (relations), E (events), A and M
//! (attributes of spans, relations and events), N (normalizations), `*` (equivalences) and `#`
//! (comments: a span's first `AnnotatorNotes` is its note, every other comment is kept with its
//! type). Offsets are chars of the `.txt` as brat counts them; ids keep their numbers.

use crate::model::annotation::{Annotation, AnnotationId, Timestamp};
use crate::model::attribute::AttributeValue;
use crate::model::quote::TextIndex;
use crate::model::relation::Relation;
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::model::standoff::{
    Comment, Equivalence, Event, EventArgument, EventId, Normalization, Target,
};
use crate::offset::{CharOffset, CharRange};
use crate::store::formats::checks::span_problem;
use crate::store::formats::loss::LossReport;
use crate::store::formats::value::{attribute_kind, value_from_text};
use std::path::Path;

/// One line split at its first two tabs: id, body, and the text after the second tab if any.
struct Line<'a> {
    number: usize,
    id: &'a str,
    body: &'a str,
    rest: Option<&'a str>,
}

/// Reads a `.ann` file against its `text`. Attribute values are typed by `schema`; anchors are
/// captured from the text and both times set to `now`. Lines Hamish cannot read (bad offsets,
/// dangling references, unknown line types) go to `report` with their line number.
pub fn import_ann(
    text: &str,
    ann: &str,
    schema: &Schema,
    path: &Path,
    now: Timestamp,
    report: &mut LossReport,
) -> AnnotationSet {
    // One char index for every span's anchors (a walk over the text per span was quadratic).
    let index = TextIndex::new(text);
    let len = index.char_len();
    let mut set = AnnotationSet::new();
    let mut later: Vec<Line> = Vec::new();
    for (i, raw) in ann.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let mut fields = raw.splitn(3, '\t');
        let line = Line {
            number: i + 1,
            id: fields.next().unwrap_or_default(),
            body: fields.next().unwrap_or_default(),
            rest: fields.next(),
        };
        if !line.id.starts_with('T') {
            later.push(line);
            continue;
        }
        match parse_span(line.id, line.body, len) {
            Ok((aid, label, ranges)) => {
                let a = Annotation::new_in(aid, label, ranges, &index, now);
                if let Some(old) = set.insert_annotation(a) {
                    let why = "the id is used twice; the later line wins";
                    report.add(path, Some(line.number), old.id.to_string(), why);
                }
            }
            Err(why) => report.add(path, Some(line.number), format!("span `{}`", line.id), why),
        }
    }
    // Everything else refers to spans, and attributes and comments to relations and events too:
    // relations and events first (events may name events further down), then the rest.
    let stage = |l: &Line| match l.id.chars().next() {
        Some('R') => 0,
        Some('E') => 1,
        _ => 2,
    };
    later.sort_by_key(stage);
    // Sorted, so each reference to an event further down is found by binary search.
    let mut events: Vec<Target> = later
        .iter()
        .filter(|l| l.id.starts_with('E'))
        .filter_map(|l| Target::parse(l.id))
        .collect();
    events.sort_unstable();
    for l in &later {
        let result = match l.id.chars().next() {
            Some('R') => read_relation(&mut set, l),
            Some('E') => read_event(&mut set, l, &events),
            Some('A' | 'M') => read_attribute(&mut set, schema, l),
            Some('N') => read_normalization(&mut set, l),
            Some('*') => read_equivalence(&mut set, l),
            Some('#') => read_comment(&mut set, l),
            _ => Err("not a brat annotation line (T, R, E, A, M, N, * or #)".to_owned()),
        };
        if let Err(why) = result {
            report.add(path, Some(l.number), format!("`{}`", l.id), why);
        }
    }
    set
}

fn parse_span(
    id: &str,
    body: &str,
    len: usize,
) -> Result<(AnnotationId, String, Vec<CharRange>), String> {
    let Some(Target::Span(aid)) = Target::parse(id) else {
        return Err("the id is not T followed by a number".to_owned());
    };
    let (label, frags) = body.split_once(' ').ok_or("expected `label start end`")?;
    let mut ranges = Vec::new();
    for frag in frags.split(';') {
        let (s, e) = frag
            .trim()
            .split_once(' ')
            .ok_or("expected `start end` fragments")?;
        let (Ok(s), Ok(e)) = (s.parse::<usize>(), e.parse::<usize>()) else {
            return Err("offsets are not numbers".into());
        };
        // Kept as written (never swapped): the check below reports a reversed pair.
        ranges.push(CharRange {
            start: CharOffset(s),
            end: CharOffset(e),
        });
    }
    if let Some(why) = span_problem(label, &ranges, len) {
        return Err(why);
    }
    Ok((aid, label.to_owned(), ranges))
}

/// `name` as a target that exists in `set` (events listed in `events`, sorted, count as existing).
fn existing(set: &AnnotationSet, name: &str, events: &[Target]) -> Result<Target, String> {
    let t = Target::parse(name).ok_or_else(|| format!("`{name}` is not an id"))?;
    let found = match t {
        Target::Span(id) => set.annotation(id).is_some(),
        Target::Relation(id) => set.relation(id).is_some(),
        Target::Event(id) => set.standoff.event(id).is_some() || events.binary_search(&t).is_ok(),
    };
    found
        .then_some(t)
        .ok_or_else(|| format!("`{name}` is not an annotation of this file"))
}

fn span_ref(set: &AnnotationSet, name: &str) -> Result<AnnotationId, String> {
    match existing(set, name, &[])? {
        Target::Span(id) => Ok(id),
        _ => Err(format!("`{name}` is not a span")),
    }
}

fn read_relation(set: &mut AnnotationSet, l: &Line) -> Result<(), String> {
    let Some(Target::Relation(id)) = Target::parse(l.id) else {
        return Err("the id is not R followed by a number".into());
    };
    let mut words = l.body.split(' ').filter(|w| !w.is_empty());
    let kind = words.next().ok_or("the line is empty")?;
    let (mut from, mut to) = (None, None);
    for w in words {
        match w.split_once(':') {
            Some(("Arg1", t)) => from = Some(span_ref(set, t)?),
            Some(("Arg2", t)) => to = Some(span_ref(set, t)?),
            _ => {
                return Err(format!(
                    "unexpected argument `{w}` (Hamish reads Arg1 and Arg2)"
                ))
            }
        }
    }
    let (Some(from), Some(to)) = (from, to) else {
        return Err("a relation needs Arg1 and Arg2".into());
    };
    if set
        .insert_relation(Relation::new(id, kind, from, to))
        .is_some()
    {
        return Err("the id is used twice; the later line wins".into());
    }
    Ok(())
}

fn read_event(set: &mut AnnotationSet, l: &Line, events: &[Target]) -> Result<(), String> {
    let Some(Target::Event(id)) = Target::parse(l.id) else {
        return Err("the id is not E followed by a number".into());
    };
    let mut words = l.body.split(' ').filter(|w| !w.is_empty());
    let head = words.next().ok_or("the line is empty")?;
    let (kind, trigger) = head.split_once(':').ok_or("expected `Type:T<trigger>`")?;
    let trigger = span_ref(set, trigger)?;
    let mut arguments = Vec::new();
    for w in words {
        let (role, target) = w.split_once(':').ok_or(format!("`{w}` is not Role:Id"))?;
        arguments.push(EventArgument {
            role: role.to_owned(),
            target: existing(set, target, events)?,
        });
    }
    let event = Event {
        id: EventId(id.0),
        kind: kind.to_owned(),
        trigger,
        arguments,
        attributes: Default::default(),
    };
    if set.standoff.insert_event(event).is_some() {
        return Err("the id is used twice; the later line wins".into());
    }
    Ok(())
}

/// A flag without a value (brat's binary attribute, or an old `M` line) is `true`.
fn read_attribute(set: &mut AnnotationSet, schema: &Schema, l: &Line) -> Result<(), String> {
    let mut words = l.body.split(' ').filter(|w| !w.is_empty());
    let name = words.next().ok_or("the line is empty")?;
    let target = existing(set, words.next().ok_or("no target id")?, &[])?;
    let raw = words.next();
    let owner_type = crate::store::formats::brat::write::target_type(set, target);
    let value = match raw {
        None => AttributeValue::Bool(true),
        Some(raw) => value_from_text(attribute_kind(schema, owner_type.as_deref(), name), raw),
    };
    let map = match target {
        Target::Span(id) => set.annotation_mut(id).map(|a| &mut a.attributes),
        Target::Relation(id) => set.relation_mut(id).map(|r| &mut r.attributes),
        Target::Event(id) => set.standoff.event_mut(id).map(|e| &mut e.attributes),
    };
    if let Some(map) = map {
        map.insert(name.to_owned(), value);
    }
    Ok(())
}

fn read_normalization(set: &mut AnnotationSet, l: &Line) -> Result<(), String> {
    let number = l.id[1..]
        .parse::<u64>()
        .map_err(|_| "the id is not N followed by a number")?;
    let mut words = l.body.split(' ').filter(|w| !w.is_empty());
    let (Some(kind), Some(target), Some(reference)) = (words.next(), words.next(), words.next())
    else {
        return Err("expected `Type Target Resource:Entry`".into());
    };
    let (resource, entry) = reference
        .split_once(':')
        .ok_or("expected `Resource:Entry`")?;
    set.standoff.normalizations.push(Normalization {
        id: number,
        kind: kind.to_owned(),
        target: existing(set, target, &[])?,
        resource: resource.to_owned(),
        entry: entry.to_owned(),
        text: l.rest.unwrap_or_default().to_owned(),
    });
    Ok(())
}

fn read_equivalence(set: &mut AnnotationSet, l: &Line) -> Result<(), String> {
    let mut words = l.body.split(' ').filter(|w| !w.is_empty());
    let kind = words.next().ok_or("the line is empty")?;
    let members = words
        .map(|w| existing(set, w, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    set.standoff.equivalences.push(Equivalence {
        kind: kind.to_owned(),
        members,
    });
    Ok(())
}

fn read_comment(set: &mut AnnotationSet, l: &Line) -> Result<(), String> {
    let mut words = l.body.split(' ').filter(|w| !w.is_empty());
    let kind = words.next().ok_or("the line is empty")?;
    let target = existing(set, words.next().ok_or("no target id")?, &[])?;
    let text = l.rest.unwrap_or_default();
    if let Target::Span(id) = target {
        if let Some(a) = set.annotation_mut(id).filter(|a| a.note.is_empty()) {
            if kind == "AnnotatorNotes" {
                a.note = super::unescape_note(text);
                return Ok(());
            }
        }
    }
    set.standoff.comments.push(Comment {
        target,
        kind: kind.to_owned(),
        text: text.to_owned(),
    });
    Ok(())
}
