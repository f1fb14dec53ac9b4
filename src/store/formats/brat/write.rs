//! Writing a brat `.ann`: T lines by id, R lines by id, E lines by id, A lines (spans', relations'
//! then events' attributes), N lines, `*` lines, then `#` lines (span notes as `AnnotatorNotes`,
//! then the other comments in their order). Offsets are chars of the `.txt`, written
//! byte-identical to the decoded text; discontinuous spans are written `S E;S E`. Each line has the
//! form brat's own writer gives it (server/src/annotation.py).

use crate::model::attribute::AttributeValue;
use crate::model::quote::TextIndex;
use crate::model::set::AnnotationSet;
use crate::model::standoff::Target;
use crate::store::formats::loss::{LossKind, LossReport};
use crate::store::formats::uncarried::{report_uncarried, Carries};
use crate::store::formats::value::value_to_text;
use crate::store::formats::AnnotatedText;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// How flags are written in a collection. brat writes a binary attribute (declared without
/// values) as `A1\tNegated T3` when set and not at all when unset; Hamish flags can also be
/// `false`, which needs a declared `Value:yes|no`. So a flag is binary unless some exported
/// document sets it to `false`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlagStyle {
    yes_no: BTreeSet<String>,
}

impl FlagStyle {
    /// The style for a collection of `docs`.
    pub fn for_docs<'a>(docs: impl IntoIterator<Item = &'a AnnotatedText>) -> Self {
        let mut yes_no = BTreeSet::new();
        for doc in docs {
            let set = &doc.set;
            let maps = set
                .annotations()
                .map(|a| &a.attributes)
                .chain(set.relations().map(|r| &r.attributes))
                .chain(set.standoff.events.iter().map(|e| &e.attributes));
            for map in maps {
                for (id, v) in map {
                    if *v == AttributeValue::Bool(false) {
                        yes_no.insert(id.clone());
                    }
                }
            }
        }
        Self { yes_no }
    }

    /// True when flag `id` is written the binary way.
    pub fn is_binary(&self, id: &str) -> bool {
        !self.yes_no.contains(id)
    }
}

/// The type of what `target` names in `set`: a span's label, a relation's or an event's type.
pub fn target_type(set: &AnnotationSet, target: Target) -> Option<String> {
    match target {
        Target::Span(id) => set.annotation(id).map(|a| a.label.clone()),
        Target::Relation(id) => set.relation(id).map(|r| r.kind.clone()),
        Target::Event(id) => set.standoff.event(id).map(|e| e.kind.clone()),
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

/// A comment's or normalization's text on one line: tabs are kept (brat keeps them), line breaks
/// become spaces.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// Notes are one line in brat: backslash, newline, CR and tab are escaped as `\\ \n \r \t`.
pub fn escape_note(note: &str) -> String {
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

/// The `.ann` text of a document, flags in the style `doc` alone calls for.
pub fn export_ann(doc: &AnnotatedText, report: &mut LossReport) -> String {
    export_ann_styled(doc, &FlagStyle::for_docs([doc]), report)
}

/// The `.ann` text of a document with flags written in `style` (one style per collection, see
/// [`FlagStyle::for_docs`]). Things brat cannot hold (document attributes, values or labels with
/// spaces, references to what was not written) go to `report`.
pub fn export_ann_styled(
    doc: &AnnotatedText,
    style: &FlagStyle,
    report: &mut LossReport,
) -> String {
    let mut w = Writer {
        doc,
        out: String::new(),
        written: BTreeSet::new(),
        report,
    };
    w.spans();
    w.relations();
    w.events();
    w.attributes(style);
    w.normalizations();
    w.equivalences();
    w.comments();
    let exported: Vec<_> = doc
        .set
        .annotations()
        .filter(|a| w.written.contains(&Target::Span(a.id)))
        .collect();
    report_uncarried(doc, &exported, "brat", Carries::BRAT, w.report);
    w.out
}

struct Writer<'a, 'r> {
    doc: &'a AnnotatedText,
    out: String,
    /// What has a line, so that later lines only refer to written things.
    written: BTreeSet<Target>,
    report: &'r mut LossReport,
}

impl Writer<'_, '_> {
    fn lost(&mut self, what: String, why: &str) {
        self.report.add(&self.doc.name, None, what, why);
    }

    fn missing(&self, targets: impl IntoIterator<Item = Target>) -> Option<Target> {
        targets.into_iter().find(|t| !self.written.contains(t))
    }

    fn spans(&mut self) {
        let index = TextIndex::new(&self.doc.text);
        for a in self.doc.set.annotations() {
            if a.ranges.is_empty() || a.label.is_empty() || a.label.contains(char::is_whitespace) {
                let why = "no range, or a label with spaces: brat cannot hold it";
                self.lost(a.id.to_string(), why);
                continue;
            }
            if a.ranges
                .iter()
                .any(|r| r.end.0 > index.char_len() || r.start > r.end)
            {
                self.lost(a.id.to_string(), "a range lies outside the text");
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
                .map(|r| flatten(index.slice(r.start.0, r.end.0)))
                .collect();
            let line = format!(
                "{}\t{} {}\t{}",
                a.id,
                a.label,
                frags.join(";"),
                covered.join(" ")
            );
            let _ = writeln!(self.out, "{line}");
            self.written.insert(Target::Span(a.id));
        }
    }

    fn relations(&mut self) {
        for r in self.doc.set.relations() {
            let ends = [Target::Span(r.from), Target::Span(r.to)];
            if self.missing(ends).is_some() || r.kind.contains(char::is_whitespace) {
                let why = "an end is missing or the type has spaces: brat cannot hold it";
                self.lost(r.id.to_string(), why);
                continue;
            }
            let _ = writeln!(
                self.out,
                "{}\t{} Arg1:{} Arg2:{}",
                r.id, r.kind, r.from, r.to
            );
            self.written.insert(Target::Relation(r.id));
        }
    }

    fn events(&mut self) {
        let events = &self.doc.set.standoff.events;
        // Arguments may be events written later in the file, so every event is known first.
        let ids: BTreeSet<Target> = events.iter().map(|e| Target::Event(e.id)).collect();
        for e in events {
            let refs = e.references().filter(|t| !ids.contains(t));
            if let Some(t) = self.missing(refs) {
                self.lost(
                    e.id.to_string(),
                    &format!("refers to {t}, which is not written"),
                );
                continue;
            }
            let args: Vec<String> = e
                .arguments
                .iter()
                .map(|a| format!("{}:{}", a.role, a.target))
                .collect();
            // brat writes the space after the trigger even when there is no argument.
            let _ = writeln!(
                self.out,
                "{}\t{}:{} {}",
                e.id,
                e.kind,
                e.trigger,
                args.join(" ")
            );
            self.written.insert(Target::Event(e.id));
        }
    }

    fn attributes(&mut self, style: &FlagStyle) {
        let set = &self.doc.set;
        let owners: Vec<(Target, &crate::model::attribute::AttributeMap)> = set
            .annotations()
            .map(|a| (Target::Span(a.id), &a.attributes))
            .chain(
                set.relations()
                    .map(|r| (Target::Relation(r.id), &r.attributes)),
            )
            .chain(
                set.standoff
                    .events
                    .iter()
                    .map(|e| (Target::Event(e.id), &e.attributes)),
            )
            .filter(|(t, _)| self.written.contains(t))
            .collect();
        let mut n = 0;
        for (owner, attributes) in owners {
            for (id, value) in attributes {
                let part = match value {
                    AttributeValue::Bool(true) if style.is_binary(id) => Some(String::new()),
                    AttributeValue::Bool(b) => Some(format!(" {}", if *b { "yes" } else { "no" })),
                    other => Some(value_to_text(other))
                        .filter(|t| !t.is_empty() && !t.contains(char::is_whitespace))
                        .map(|t| format!(" {t}")),
                };
                let Some(part) = part.filter(|_| !id.contains(char::is_whitespace)) else {
                    let why = "brat attribute values are single words";
                    self.lost(format!("{owner} attribute {id}"), why);
                    continue;
                };
                n += 1;
                let _ = writeln!(self.out, "A{n}\t{id} {owner}{part}");
            }
        }
    }

    fn normalizations(&mut self) {
        for norm in &self.doc.set.standoff.normalizations {
            if let Some(t) = self.missing([norm.target]) {
                self.lost(
                    format!("N{}", norm.id),
                    &format!("refers to {t}, which is not written"),
                );
                continue;
            }
            let _ = writeln!(
                self.out,
                "N{}\t{} {} {}:{}\t{}",
                norm.id,
                norm.kind,
                norm.target,
                norm.resource,
                norm.entry,
                one_line(&norm.text)
            );
        }
    }

    fn equivalences(&mut self) {
        for eq in &self.doc.set.standoff.equivalences {
            if let Some(t) = self.missing(eq.members.iter().copied()) {
                let what = format!("*{} group", eq.kind);
                self.lost(what, &format!("refers to {t}, which is not written"));
                continue;
            }
            let members: Vec<String> = eq.members.iter().map(ToString::to_string).collect();
            let _ = writeln!(self.out, "*\t{} {}", eq.kind, members.join(" "));
        }
    }

    fn comments(&mut self) {
        let mut n = 0;
        let doc = self.doc;
        for a in doc.set.annotations() {
            if self.written.contains(&Target::Span(a.id)) && !a.note.is_empty() {
                n += 1;
                let note = escape_note(&a.note);
                let _ = writeln!(self.out, "#{n}\tAnnotatorNotes {}\t{note}", a.id);
            }
        }
        for c in &doc.set.standoff.comments {
            if let Some(t) = self.missing([c.target]) {
                let what = format!("#{} comment on {t}", c.kind);
                self.report.add_kind(
                    LossKind::Other,
                    &doc.name,
                    None,
                    what,
                    "what it is about is not written",
                );
                continue;
            }
            n += 1;
            let text = one_line(&c.text);
            let _ = writeln!(self.out, "#{n}\t{} {}\t{text}", c.kind, c.target);
        }
    }
}
