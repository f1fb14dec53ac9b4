//! The fast path for the one-item-per-line layout the writer makes: annotation and relation lines
//! (and the standoff lists', in [`standoff`]) written and read directly, byte for byte what `ron` would write and read, so a 100,000-annotation
//! sidecar saves and loads in a fraction of the time `ron` takes (it escapes every char through
//! `char::escape_debug` and parses char by char).
//!
//! Anything outside the canonical layout (a hand-edited file, comments, a number attribute, an
//! escape the writer never makes) makes the reader give up, and the caller parses the whole file
//! with `ron`, which also gives the errors; the writer gives up on numbers and `ron` writes those.

use crate::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use crate::model::attribute::{AttributeMap, AttributeValue};
use crate::model::quote::Quote;
use crate::model::relation::{Relation, RelationId};
use crate::offset::{CharOffset, CharRange};
use std::fmt::Write as _;

mod standoff;

pub(super) use standoff::{
    comment, comment_line, equivalence, equivalence_line, event, event_line, normalization,
    normalization_line,
};

/// An annotation as one line of RON (as `ron`'s compact pretty printer with escaped strings,
/// followed by the sidecar's unescaping of printable marks, writes it), or `None` when it holds a
/// number attribute.
pub(super) fn annotation_line(a: &Annotation) -> Option<String> {
    let mut out = String::with_capacity(256);
    let _ = write!(out, "(id: {}, label: ", a.id.0);
    push_str(&mut out, &a.label);
    out.push_str(", ranges: [");
    for (k, r) in a.ranges.iter().enumerate() {
        let sep = if k == 0 { "" } else { ", " };
        let _ = write!(out, "{sep}({}, {})", r.start.0, r.end.0);
    }
    out.push(']');
    if !a.attributes.is_empty() {
        out.push_str(", attributes: ");
        push_attributes(&mut out, &a.attributes)?;
    }
    for (name, value) in [("note", &a.note), ("author", &a.author)] {
        if !value.is_empty() {
            let _ = write!(out, ", {name}: ");
            push_str(&mut out, value);
        }
    }
    let _ = write!(
        out,
        ", created: {}, modified: {}",
        a.created.0, a.modified.0
    );
    if !a.modified_by.is_empty() {
        out.push_str(", modified_by: ");
        push_str(&mut out, &a.modified_by);
    }
    out.push_str(", anchors: [");
    for (k, q) in a.anchors.iter().enumerate() {
        out.push_str(if k == 0 { "(exact: " } else { ", (exact: " });
        push_str(&mut out, &q.exact);
        out.push_str(", prefix: ");
        push_str(&mut out, &q.prefix);
        out.push_str(", suffix: ");
        push_str(&mut out, &q.suffix);
        out.push(')');
    }
    out.push(']');
    match a.status {
        AnnotationStatus::Ok => {}
        AnnotationStatus::NeedsReview => out.push_str(", status: NeedsReview"),
        AnnotationStatus::Orphan => out.push_str(", status: Orphan"),
    }
    out.push(')');
    Some(out)
}

/// A relation as one line of RON, or `None` when it holds a number attribute.
pub(super) fn relation_line(r: &Relation) -> Option<String> {
    let mut out = String::with_capacity(64);
    let _ = write!(out, "(id: {}, type: ", r.id.0);
    push_str(&mut out, &r.kind);
    let _ = write!(out, ", from: {}, to: {}", r.from.0, r.to.0);
    if !r.attributes.is_empty() {
        out.push_str(", attributes: ");
        push_attributes(&mut out, &r.attributes)?;
    }
    out.push(')');
    Some(out)
}

fn push_attributes(out: &mut String, map: &AttributeMap) -> Option<()> {
    out.push('{');
    for (k, (key, value)) in map.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        push_str(out, key);
        out.push_str(": ");
        match value {
            AttributeValue::Bool(b) => {
                let _ = write!(out, "Bool({b})");
            }
            AttributeValue::Choice(s) => {
                out.push_str("Choice(");
                push_str(out, s);
                out.push(')');
            }
            AttributeValue::Text(s) => {
                out.push_str("Text(");
                push_str(out, s);
                out.push(')');
            }
            AttributeValue::Number(_) => return None,
        }
    }
    out.push('}');
    Some(())
}

/// How a char is written inside a string.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    /// As itself.
    Literal,
    /// As a backslash escape (`\n`, `\"`, …) or `\u{…}`.
    Escaped,
}

/// How `c` ends up in the file: `ron` writes `c.escape_debug()`, and the sidecar writer then puts
/// `\u{…}` escapes of chars that are printable after a letter (marks) back as themselves.
fn written(c: char) -> Written {
    let mut escaped = c.escape_debug();
    let literal = escaped.len() == 1 && escaped.next() == Some(c);
    if literal
        || (c.escape_debug().to_string().starts_with("\\u")
            && super::escape::is_printable_in_context(c))
    {
        Written::Literal
    } else {
        Written::Escaped
    }
}

/// [`written`] from a table for the first 2048 code points (Latin, Arabic), computed otherwise.
fn written_fast(c: char) -> Written {
    static TABLE: std::sync::OnceLock<Vec<Written>> = std::sync::OnceLock::new();
    let code = c as usize;
    if code < 0x800 {
        let table = TABLE.get_or_init(|| {
            (0u32..0x800)
                .map(|u| char::from_u32(u).map_or(Written::Escaped, written))
                .collect()
        });
        table[code]
    } else {
        written(c)
    }
}

/// Appends `s` as a RON string literal, escaped as described at [`written`].
fn push_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if written_fast(c) == Written::Escaped {
            out.push_str(&s[start..i]);
            out.extend(c.escape_debug());
            start = i + c.len_utf8();
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Reads the lines of the annotations or relations section: each `        ITEM,`.
pub(super) fn parse_items<T>(
    lines: &[&str],
    item: fn(&mut Cursor<'_>) -> Option<T>,
) -> Option<Vec<T>> {
    lines
        .iter()
        .map(|line| {
            let body = line.strip_prefix("        ")?.strip_suffix(',')?;
            let mut cur = Cursor { rest: body };
            let value = item(&mut cur)?;
            cur.rest.is_empty().then_some(value)
        })
        .collect()
}

/// The char of the escape at the start of `s` (after its backslash) and the bytes it used.
fn unescape(s: &str) -> Option<(char, usize)> {
    let c = match s.as_bytes().first()? {
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'0' => '\0',
        b'\\' => '\\',
        b'"' => '"',
        b'\'' => '\'',
        b'u' => {
            let hex = s[1..].strip_prefix('{')?.split('}').next()?;
            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            return Some((c, hex.len() + 3));
        }
        _ => return None,
    };
    Some((c, 1))
}

/// A position in the text being read.
pub(super) struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn eat(&mut self, token: &str) -> Option<()> {
        self.rest = self.rest.strip_prefix(token)?;
        Some(())
    }

    /// True (and eaten) when `token` comes next.
    fn next_is(&mut self, token: &str) -> bool {
        self.eat(token).is_some()
    }

    /// An unsigned integer as the writer writes it (digits, no leading zero).
    fn number(&mut self) -> Option<u64> {
        let len = self.rest.len()
            - self
                .rest
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let (digits, rest) = self.rest.split_at(len);
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        self.rest = rest;
        digits.parse().ok()
    }

    /// A string literal with the escapes the writer makes.
    fn string(&mut self) -> Option<String> {
        let mut body = self.rest.strip_prefix('"')?;
        let mut out = String::new();
        loop {
            // Quotes and backslashes are ASCII, so a byte search finds them.
            let stop = body.bytes().position(|b| b == b'"' || b == b'\\')?;
            out.push_str(&body[..stop]);
            if body.as_bytes()[stop] == b'"' {
                self.rest = &body[stop + 1..];
                return Some(out);
            }
            let (c, used) = unescape(&body[stop + 1..])?;
            out.push(c);
            body = &body[stop + 1 + used..];
        }
    }

    fn attributes(&mut self) -> Option<AttributeMap> {
        self.eat("{")?;
        let mut map = AttributeMap::new();
        if self.next_is("}") {
            return Some(map);
        }
        loop {
            let key = self.string()?;
            self.eat(": ")?;
            let value = if self.next_is("Bool(") {
                let b = if self.next_is("true") {
                    true
                } else {
                    self.eat("false")?;
                    false
                };
                AttributeValue::Bool(b)
            } else if self.next_is("Choice(") {
                AttributeValue::Choice(self.string()?)
            } else {
                self.eat("Text(")?;
                AttributeValue::Text(self.string()?)
            };
            self.eat(")")?;
            // A repeated key is refused, as `ron` refuses it.
            if map.insert(key, value).is_some() {
                return None;
            }
            if self.next_is("}") {
                return Some(map);
            }
            self.eat(", ")?;
        }
    }

    /// `[` items separated by `, ` `]`.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.eat("[")?;
        let mut out = Vec::new();
        if self.next_is("]") {
            return Some(out);
        }
        loop {
            out.push(item(self)?);
            if self.next_is("]") {
                return Some(out);
            }
            self.eat(", ")?;
        }
    }
}

/// One annotation line's item, fields in the writer's order.
pub(super) fn annotation(cur: &mut Cursor<'_>) -> Option<Annotation> {
    cur.eat("(id: ")?;
    let id = AnnotationId(cur.number()?);
    cur.eat(", label: ")?;
    let label = cur.string()?;
    cur.eat(", ranges: ")?;
    let ranges = cur.list(|c| {
        c.eat("(")?;
        let start = CharOffset(c.number()? as usize);
        c.eat(", ")?;
        let end = CharOffset(c.number()? as usize);
        c.eat(")")?;
        Some(CharRange { start, end })
    })?;
    let attributes = if cur.next_is(", attributes: ") {
        cur.attributes()?
    } else {
        AttributeMap::new()
    };
    let note = if cur.next_is(", note: ") {
        cur.string()?
    } else {
        String::new()
    };
    let author = if cur.next_is(", author: ") {
        cur.string()?
    } else {
        String::new()
    };
    cur.eat(", created: ")?;
    let created = Timestamp(cur.number()?);
    cur.eat(", modified: ")?;
    let modified = Timestamp(cur.number()?);
    let modified_by = if cur.next_is(", modified_by: ") {
        cur.string()?
    } else {
        String::new()
    };
    cur.eat(", anchors: ")?;
    let anchors = cur.list(|c| {
        c.eat("(exact: ")?;
        let exact = c.string()?;
        c.eat(", prefix: ")?;
        let prefix = c.string()?;
        c.eat(", suffix: ")?;
        let suffix = c.string()?;
        c.eat(")")?;
        Some(Quote {
            exact,
            prefix,
            suffix,
        })
    })?;
    let status = if cur.next_is(", status: NeedsReview") {
        AnnotationStatus::NeedsReview
    } else if cur.next_is(", status: Orphan") {
        AnnotationStatus::Orphan
    } else {
        AnnotationStatus::Ok
    };
    cur.eat(")")?;
    Some(Annotation {
        id,
        label,
        ranges,
        attributes,
        note,
        author,
        created,
        modified,
        modified_by,
        anchors,
        status,
    })
}

/// One relation line's item.
pub(super) fn relation(cur: &mut Cursor<'_>) -> Option<Relation> {
    cur.eat("(id: ")?;
    let id = RelationId(cur.number()?);
    cur.eat(", type: ")?;
    let kind = cur.string()?;
    cur.eat(", from: ")?;
    let from = AnnotationId(cur.number()?);
    cur.eat(", to: ")?;
    let to = AnnotationId(cur.number()?);
    let attributes = if cur.next_is(", attributes: ") {
        cur.attributes()?
    } else {
        AttributeMap::new()
    };
    cur.eat(")")?;
    Some(Relation {
        id,
        kind,
        from,
        to,
        attributes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::set::AnnotationSet;
    use crate::model::standoff::{
        Comment, Equivalence, Event, EventArgument, EventId, Normalization, StandoffExtras, Target,
    };
    use crate::store::sidecar::write::one_line;
    use proptest::prelude::*;

    /// Chars that exercise every way of writing: plain, quotes and backslashes, controls, marks,
    /// joiners, bidi controls, a BOM, astral and combining Latin.
    const POOL: &[char] = &[
        'a',
        'Z',
        '0',
        ' ',
        '"',
        '\\',
        '\'',
        '\n',
        '\r',
        '\t',
        '\0',
        '{',
        '}',
        '#',
        'ق',
        'ا',
        'ل',
        '\u{64e}',
        '\u{651}',
        '\u{670}',
        '\u{6db}',
        '\u{200c}',
        '\u{200d}',
        '\u{200f}',
        '\u{202b}',
        '\u{2066}',
        '\u{feff}',
        '\u{301}',
        '\u{a0}',
        '\u{ad}',
        '«',
        '–',
        '😀',
        '\u{1f}',
        '\u{7f}',
        '\u{85}',
        '\u{2028}',
        '\u{e000}',
        '\u{10ffff}',
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(POOL), 0..12)
            .prop_map(|v| v.into_iter().collect())
    }

    fn value() -> impl Strategy<Value = AttributeValue> {
        prop_oneof![
            any::<bool>().prop_map(AttributeValue::Bool),
            text().prop_map(AttributeValue::Choice),
            text().prop_map(AttributeValue::Text),
        ]
    }

    fn quote() -> impl Strategy<Value = Quote> {
        (text(), text(), text()).prop_map(|(exact, prefix, suffix)| Quote {
            exact,
            prefix,
            suffix,
        })
    }

    prop_compose! {
        fn annotation()(
            id in any::<u64>(),
            label in text(),
            ranges in prop::collection::vec((0usize..1_000_000, 0usize..1_000_000), 0..3),
            attributes in prop::collection::btree_map(text(), value(), 0..3),
            note in text(),
            author in text(),
            modified_by in text(),
            times in (any::<u64>(), any::<u64>()),
            anchors in prop::collection::vec(quote(), 0..3),
            status in prop::sample::select(vec![AnnotationStatus::Ok, AnnotationStatus::NeedsReview, AnnotationStatus::Orphan]),
        ) -> Annotation {
            Annotation {
                id: AnnotationId(id),
                label,
                ranges: ranges.into_iter().map(|(s, e)| CharRange { start: CharOffset(s), end: CharOffset(e) }).collect(),
                attributes,
                note,
                author,
                created: Timestamp(times.0),
                modified: Timestamp(times.1),
                modified_by,
                anchors,
                status,
            }
        }
    }

    fn target() -> impl Strategy<Value = Target> {
        prop_oneof![
            any::<u64>().prop_map(|n| Target::Span(AnnotationId(n))),
            any::<u64>().prop_map(|n| Target::Relation(RelationId(n))),
            any::<u64>().prop_map(|n| Target::Event(EventId(n))),
        ]
    }

    prop_compose! {
        fn event()(
            id in any::<u64>(),
            kind in text(),
            trigger in any::<u64>(),
            arguments in prop::collection::vec((text(), target()), 0..3),
            attributes in prop::collection::btree_map(text(), value(), 0..2),
        ) -> Event {
            Event {
                id: EventId(id),
                kind,
                trigger: AnnotationId(trigger),
                arguments: arguments.into_iter().map(|(role, target)| EventArgument { role, target }).collect(),
                attributes,
            }
        }
    }

    prop_compose! {
        fn extras()(
            events in prop::collection::vec(event(), 0..3),
            comments in prop::collection::vec((target(), text(), text()), 0..3),
            normalizations in prop::collection::vec((any::<u64>(), text(), target(), text(), text(), text()), 0..3),
            equivalences in prop::collection::vec((text(), prop::collection::vec(target(), 0..3)), 0..3),
        ) -> StandoffExtras {
            let mut x = StandoffExtras {
                comments: comments.into_iter().map(|(target, kind, text)| Comment { target, kind, text }).collect(),
                normalizations: normalizations
                    .into_iter()
                    .map(|(id, kind, target, resource, entry, text)| Normalization { id, kind, target, resource, entry, text })
                    .collect(),
                equivalences: equivalences.into_iter().map(|(kind, members)| Equivalence { kind, members }).collect(),
                ..StandoffExtras::default()
            };
            for e in events {
                x.insert_event(e);
            }
            x
        }
    }

    /// Checks that `line` is what `ron` writes for `item` and that `read` reads `item` back from
    /// it, using every byte.
    fn same_as_ron<T: serde::Serialize + PartialEq + std::fmt::Debug>(
        item: &T,
        line: Option<String>,
        read: fn(&mut Cursor<'_>) -> Option<T>,
    ) -> Result<(), TestCaseError> {
        let line = line.expect("no number attribute");
        prop_assert_eq!(&line, &one_line(item));
        let mut cur = Cursor { rest: &line };
        let back = read(&mut cur);
        prop_assert_eq!(back.as_ref(), Some(item));
        prop_assert!(cur.rest.is_empty());
        Ok(())
    }

    proptest! {
        /// Events, comments, normalizations and equivalences are written exactly as `ron` writes
        /// them and read back the same.
        #[test]
        fn standoff_lines_are_ron_lines_and_read_back(x in extras()) {
            for e in &x.events {
                same_as_ron(e, event_line(e), super::event)?;
            }
            for c in &x.comments {
                same_as_ron(c, comment_line(c), super::comment)?;
            }
            for n in &x.normalizations {
                same_as_ron(n, normalization_line(n), super::normalization)?;
            }
            for q in &x.equivalences {
                same_as_ron(q, equivalence_line(q), super::equivalence)?;
            }
        }

        /// The fast writer writes each annotation and relation exactly as `ron` (with the
        /// sidecar's unescaping) does, and the fast reader reads back the same item.
        #[test]
        fn lines_are_ron_lines_and_read_back(a in annotation(), kind in text(), attrs in prop::collection::btree_map(text(), value(), 0..2)) {
            let line = annotation_line(&a).expect("no number attribute");
            prop_assert_eq!(&line, &one_line(&a));
            let mut cur = Cursor { rest: &line };
            prop_assert_eq!(super::annotation(&mut cur), Some(a.clone()));
            prop_assert!(cur.rest.is_empty());

            let r = Relation { id: RelationId(a.id.0), kind, from: AnnotationId(1), to: AnnotationId(2), attributes: attrs };
            let line = relation_line(&r).expect("no number attribute");
            prop_assert_eq!(&line, &one_line(&r));
            let mut cur = Cursor { rest: &line };
            prop_assert_eq!(super::relation(&mut cur), Some(r));
        }

        /// A whole sidecar read by the fast path equals what `ron` reads from it.
        #[test]
        fn canonical_files_read_as_ron_reads_them(list in prop::collection::vec(annotation(), 0..6), standoff in extras()) {
            use crate::store::sidecar::{from_ron_str, to_ron_string, SchemaSource, SidecarData, TextRecord};
            let mut set = AnnotationSet::new();
            for (k, mut a) in list.into_iter().enumerate() {
                a.id = AnnotationId(k as u64 + 1);
                set.insert_annotation(a);
            }
            set.insert_relation(Relation::new(RelationId(1), "cue-of", AnnotationId(1), AnnotationId(2)));
            set.standoff = standoff;
            let data = SidecarData {
                text: TextRecord {
                    fingerprint: crate::model::source_text::Fingerprint::of("x"),
                    encoding: crate::model::text_format::TextEncoding::Utf8,
                    line_ending: crate::model::text_format::LineEnding::Lf,
                    chars: 1,
                },
                schema: SchemaSource::Bundled("fact-checking".into()),
                set,
            };
            let ron = to_ron_string(&data);
            prop_assert!(super::super::read::parse_canonical(&ron).is_some());
            let fast = from_ron_str(&ron, "t.ann.ron").expect("reads");
            // The same text with a comment in the list is no longer canonical: `ron` reads it.
            let edited = ron.replacen("    annotations: [\n", "    annotations: [ // items\n", 1);
            prop_assert!(super::super::read::parse_canonical(&edited).is_none());
            let slow = from_ron_str(&edited, "t.ann.ron").expect("reads");
            prop_assert_eq!(&fast, &slow);
            prop_assert_eq!(fast, data);
        }
    }
}
