//! The fast path for the standoff lists of a sidecar (events, comments, normalizations,
//! equivalences): each item as one line of RON, written and read directly, byte for byte what
//! `ron` writes and reads (a brat corpus may carry a comment or a normalization per span).
//! Anything else makes the reader give up and `ron` read the whole file; the writer gives up on
//! number attributes and `ron` writes that line.

use super::{push_attributes, push_str, Cursor};
use crate::model::annotation::AnnotationId;
use crate::model::attribute::AttributeMap;
use crate::model::standoff::{
    Comment, Equivalence, Event, EventArgument, EventId, Normalization, Target,
};
use std::fmt::Write as _;

/// A target as the string `ron` writes for it (`"T3"`: never anything to escape).
fn push_target(out: &mut String, t: Target) {
    let _ = write!(out, "\"{t}\"");
}

/// An event as one line of RON, or `None` when it holds a number attribute.
pub(in crate::store::sidecar) fn event_line(e: &Event) -> Option<String> {
    let mut out = String::with_capacity(96);
    let _ = write!(out, "(id: {}, type: ", e.id.0);
    push_str(&mut out, &e.kind);
    let _ = write!(out, ", trigger: {}, arguments: [", e.trigger.0);
    for (k, a) in e.arguments.iter().enumerate() {
        out.push_str(if k == 0 { "(role: " } else { ", (role: " });
        push_str(&mut out, &a.role);
        out.push_str(", target: ");
        push_target(&mut out, a.target);
        out.push(')');
    }
    out.push(']');
    if !e.attributes.is_empty() {
        out.push_str(", attributes: ");
        push_attributes(&mut out, &e.attributes)?;
    }
    out.push(')');
    Some(out)
}

/// A comment as one line of RON.
pub(in crate::store::sidecar) fn comment_line(c: &Comment) -> Option<String> {
    let mut out = String::with_capacity(64);
    out.push_str("(target: ");
    push_target(&mut out, c.target);
    out.push_str(", type: ");
    push_str(&mut out, &c.kind);
    out.push_str(", text: ");
    push_str(&mut out, &c.text);
    out.push(')');
    Some(out)
}

/// A normalization as one line of RON.
pub(in crate::store::sidecar) fn normalization_line(n: &Normalization) -> Option<String> {
    let mut out = String::with_capacity(96);
    let _ = write!(out, "(id: {}, type: ", n.id);
    push_str(&mut out, &n.kind);
    out.push_str(", target: ");
    push_target(&mut out, n.target);
    for (name, value) in [
        ("resource", &n.resource),
        ("entry", &n.entry),
        ("text", &n.text),
    ] {
        let _ = write!(out, ", {name}: ");
        push_str(&mut out, value);
    }
    out.push(')');
    Some(out)
}

/// An equivalence group as one line of RON.
pub(in crate::store::sidecar) fn equivalence_line(q: &Equivalence) -> Option<String> {
    let mut out = String::with_capacity(48);
    out.push_str("(type: ");
    push_str(&mut out, &q.kind);
    out.push_str(", members: [");
    for (k, t) in q.members.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        push_target(&mut out, *t);
    }
    out.push_str("])");
    Some(out)
}

impl Cursor<'_> {
    /// A target written as its brat-style name in a string.
    fn target(&mut self) -> Option<Target> {
        Target::parse(&self.string()?)
    }
}

/// One event line's item, fields in the writer's order.
pub(in crate::store::sidecar) fn event(cur: &mut Cursor<'_>) -> Option<Event> {
    cur.eat("(id: ")?;
    let id = EventId(cur.number()?);
    cur.eat(", type: ")?;
    let kind = cur.string()?;
    cur.eat(", trigger: ")?;
    let trigger = AnnotationId(cur.number()?);
    cur.eat(", arguments: ")?;
    let arguments = cur.list(|c| {
        c.eat("(role: ")?;
        let role = c.string()?;
        c.eat(", target: ")?;
        let target = c.target()?;
        c.eat(")")?;
        Some(EventArgument { role, target })
    })?;
    let attributes = if cur.next_is(", attributes: ") {
        cur.attributes()?
    } else {
        AttributeMap::new()
    };
    cur.eat(")")?;
    Some(Event {
        id,
        kind,
        trigger,
        arguments,
        attributes,
    })
}

/// One comment line's item.
pub(in crate::store::sidecar) fn comment(cur: &mut Cursor<'_>) -> Option<Comment> {
    cur.eat("(target: ")?;
    let target = cur.target()?;
    cur.eat(", type: ")?;
    let kind = cur.string()?;
    cur.eat(", text: ")?;
    let text = cur.string()?;
    cur.eat(")")?;
    Some(Comment { target, kind, text })
}

/// One normalization line's item.
pub(in crate::store::sidecar) fn normalization(cur: &mut Cursor<'_>) -> Option<Normalization> {
    cur.eat("(id: ")?;
    let id = cur.number()?;
    cur.eat(", type: ")?;
    let kind = cur.string()?;
    cur.eat(", target: ")?;
    let target = cur.target()?;
    cur.eat(", resource: ")?;
    let resource = cur.string()?;
    cur.eat(", entry: ")?;
    let entry = cur.string()?;
    cur.eat(", text: ")?;
    let text = cur.string()?;
    cur.eat(")")?;
    Some(Normalization {
        id,
        kind,
        target,
        resource,
        entry,
        text,
    })
}

/// One equivalence line's item.
pub(in crate::store::sidecar) fn equivalence(cur: &mut Cursor<'_>) -> Option<Equivalence> {
    cur.eat("(type: ")?;
    let kind = cur.string()?;
    cur.eat(", members: ")?;
    let members = cur.list(Cursor::target)?;
    cur.eat(")")?;
    Some(Equivalence { kind, members })
}
