//! Writes a sidecar as RON text: a fixed header, then one annotation per line sorted by first
//! range start then id, then one relation per line sorted by id, so that a one-annotation change
//! is a one-line diff.

use super::escape::unescape_printable;
use super::fast;
use super::{SchemaSource, SidecarData, FORMAT_VERSION};
use crate::model::set::DocumentStatus;
use ron::ser::PrettyConfig;
use serde::Serialize;
use std::fmt::Write as _;

const INDENT: &str = "    ";

/// The sidecar as RON text, ending in a newline.
pub fn to_ron_string(data: &SidecarData) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail, so the `fmt::Result`s below are ignored.
    let _ = writeln!(out, "(");
    let _ = writeln!(out, "{INDENT}format: {FORMAT_VERSION},");
    let _ = writeln!(out, "{INDENT}text: {},", one_line(&data.text));
    match &data.schema {
        SchemaSource::Inline(schema) => {
            let block = multi_line(schema).replace('\n', &format!("\n{INDENT}"));
            let _ = writeln!(out, "{INDENT}schema: Inline({block}),");
        }
        other => {
            let _ = writeln!(out, "{INDENT}schema: {},", one_line(other));
        }
    }
    // Only when set: files of texts nobody marked stay as they were (and readable by older
    // builds, which refuse the unknown field rather than drop it).
    if data.set.document_status != DocumentStatus::New {
        let _ = writeln!(
            out,
            "{INDENT}status: {},",
            one_line(&data.set.document_status)
        );
    }
    let _ = writeln!(out, "{INDENT}document_attributes: {{");
    for (id, value) in &data.set.document_attributes {
        let _ = writeln!(
            out,
            "{INDENT}{INDENT}{}: {},",
            one_line(id),
            one_line(value)
        );
    }
    let _ = writeln!(out, "{INDENT}}},");
    let _ = writeln!(out, "{INDENT}annotations: [");
    for a in data.set.annotations_in_text_order() {
        let line = fast::annotation_line(a).unwrap_or_else(|| one_line(a));
        let _ = writeln!(out, "{INDENT}{INDENT}{line},");
    }
    let _ = writeln!(out, "{INDENT}],");
    let _ = writeln!(out, "{INDENT}relations: [");
    for r in data.set.relations() {
        let line = fast::relation_line(r).unwrap_or_else(|| one_line(r));
        let _ = writeln!(out, "{INDENT}{INDENT}{line},");
    }
    let _ = writeln!(out, "{INDENT}],");
    write_standoff(&mut out, &data.set.standoff);
    out.push_str(")\n");
    out
}

/// Events, comments, normalizations and equivalences, one per line, each list only when it has
/// items (so sidecars without them are unchanged).
fn write_standoff(out: &mut String, x: &crate::model::standoff::StandoffExtras) {
    /// Each item by the fast writer `line`, or by `ron` where that gives up.
    fn list<T: Serialize>(
        out: &mut String,
        name: &str,
        items: &[T],
        line: fn(&T) -> Option<String>,
    ) {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(out, "{INDENT}{name}: [");
        for item in items {
            let text = line(item).unwrap_or_else(|| one_line(item));
            let _ = writeln!(out, "{INDENT}{INDENT}{text},");
        }
        let _ = writeln!(out, "{INDENT}],");
    }
    list(out, "events", &x.events, fast::event_line);
    list(out, "comments", &x.comments, fast::comment_line);
    list(
        out,
        "normalizations",
        &x.normalizations,
        fast::normalization_line,
    );
    list(out, "equivalences", &x.equivalences, fast::equivalence_line);
}

/// One value as single-line RON (newlines inside strings stay escaped).
pub(super) fn one_line<T: Serialize + ?Sized>(value: &T) -> String {
    let config = PrettyConfig::new()
        .compact_arrays(true)
        .compact_structs(true)
        .compact_maps(true)
        .escape_strings(true);
    render(value, config)
}

/// One value as indented multi-line RON (for an inline schema).
fn multi_line<T: Serialize + ?Sized>(value: &T) -> String {
    render(
        value,
        PrettyConfig::new().indentor(INDENT).escape_strings(true),
    )
}

fn render<T: Serialize + ?Sized>(value: &T, config: PrettyConfig) -> String {
    // The model types are plain structs, enums, strings, maps with string keys and numbers:
    // serde-RON cannot fail on them.
    let text = ron::ser::to_string_pretty(value, config).expect("model types serialize to RON");
    unescape_printable(&text)
}
