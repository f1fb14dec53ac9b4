//! Finds the line of an annotation or relation in sidecar text, to point reports at it.
//! Lines are 1-based.

use crate::model::validate::Owner;
use std::collections::HashMap;

/// The line of every annotation and relation in sidecar text, found in two passes over it. For
/// reports on many items (`hamish check` on a sidecar with 100,000 annotations): [`line_of`] walks
/// the text again for each item, which is quadratic over a whole file. Answers as [`line_of`] does.
#[derive(Debug, Clone, Default)]
pub struct SidecarLines {
    annotations: HashMap<u64, usize>,
    relations: HashMap<u64, usize>,
    document: Option<usize>,
}

impl SidecarLines {
    /// Indexes `sidecar_text`.
    pub fn new(sidecar_text: &str) -> Self {
        let document = find_section(sidecar_text, "document_attributes:");
        let annotations =
            first_lines_of_ids(sidecar_text, find_section(sidecar_text, "annotations:"));
        let relations = first_lines_of_ids(sidecar_text, find_section(sidecar_text, "relations:"));
        Self {
            annotations,
            relations,
            document,
        }
    }

    /// The 1-based line where the item of `owner` starts, as [`line_of`] gives it.
    pub fn line_of(&self, owner: Owner) -> Option<usize> {
        match owner {
            Owner::Annotation(id) => self.annotations.get(&id.0).copied(),
            Owner::Relation(id) => self.relations.get(&id.0).copied(),
            Owner::Document => self.document,
        }
    }
}

/// The first line (1-based) of each item id on the lines after `section_line`.
fn first_lines_of_ids(text: &str, section_line: Option<usize>) -> HashMap<u64, usize> {
    let mut out = HashMap::new();
    let Some(section_line) = section_line else {
        return out;
    };
    for (i, line) in text.lines().enumerate().skip(section_line) {
        if let Some(id) = item_id(line.trim_start()) {
            out.entry(id).or_insert(i + 1);
        }
    }
    out
}

/// The id of an item line: `(id: N,`, `(id:N,` or `(id: N)` at its start (N written plainly).
fn item_id(t: &str) -> Option<u64> {
    let (rest, close_ok) = match t.strip_prefix("(id: ") {
        Some(rest) => (rest, true),
        None => (t.strip_prefix("(id:")?, false),
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, after) = rest.split_at(digits);
    if number.is_empty() || (number.len() > 1 && number.starts_with('0')) {
        return None;
    }
    match after.chars().next() {
        Some(',') => number.parse().ok(),
        Some(')') if close_ok => number.parse().ok(),
        _ => None,
    }
}

/// The 1-based line where the annotation or relation of `owner` starts in `sidecar_text`, if it
/// can be found (files written by Hamish have one item per line).
pub fn line_of(sidecar_text: &str, owner: Owner) -> Option<usize> {
    let (section, id) = match owner {
        Owner::Annotation(id) => ("annotations:", id.0),
        Owner::Relation(id) => ("relations:", id.0),
        Owner::Document => return find_section(sidecar_text, "document_attributes:"),
    };
    let start = find_section(sidecar_text, section)?;
    nth_item_line(sidecar_text, start, id, 0)
}

/// The line of the `occurrence`-th (0-based) item with `id` in `section` (for duplicates).
pub(super) fn item_line(
    sidecar_text: &str,
    section: &str,
    id: u64,
    occurrence: usize,
) -> Option<usize> {
    let start = find_section(sidecar_text, section)?;
    nth_item_line(sidecar_text, start, id, occurrence)
}

/// The line after the section header. The last match is taken because an inline schema, which
/// comes earlier in the file, has its own `relations:` and `document_attributes:` fields.
fn find_section(text: &str, section: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(section))
        .last()
        .map(|(i, _)| i + 1)
}

fn nth_item_line(text: &str, section_line: usize, id: u64, occurrence: usize) -> Option<usize> {
    let patterns = [
        format!("(id: {id},"),
        format!("(id:{id},"),
        format!("(id: {id})"),
    ];
    text.lines()
        .enumerate()
        .skip(section_line)
        .filter(|(_, l)| {
            let t = l.trim_start();
            patterns.iter().any(|p| t.starts_with(p.as_str()))
        })
        .nth(occurrence)
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::AnnotationId;
    use crate::model::relation::RelationId;

    #[test]
    fn one_pass_index_answers_as_line_of() {
        let text = "(\n    format: 1,\n    schema: Inline((relations: [], document_attributes: [])),\n    document_attributes: {\n    },\n    annotations: [\n        (id: 3, label: \"claim\"),\n        (id:4, label: \"claim\"),\n        (id: 05, label: \"x\"),\n        (id: 6)\n        (id:7)\n        (id: 3, label: \"again\"),\n    ],\n    relations: [\n        (id: 1, kind: \"k\"),\n        (id: 8, kind: \"k\"),\n    ],\n)\n";
        let index = SidecarLines::new(text);
        let mut owners = vec![Owner::Document];
        for id in 0..10 {
            owners.push(Owner::Annotation(AnnotationId(id)));
            owners.push(Owner::Relation(RelationId(id)));
        }
        for owner in owners {
            assert_eq!(index.line_of(owner), line_of(text, owner), "{owner:?}");
        }
        assert_eq!(index.line_of(Owner::Annotation(AnnotationId(3))), Some(7));
        assert_eq!(index.line_of(Owner::Annotation(AnnotationId(8))), Some(16));
        assert_eq!(SidecarLines::new("").line_of(Owner::Document), None);
    }
}
