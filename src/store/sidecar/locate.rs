//! Finds the line of an annotation or relation in sidecar text, to point reports at it.
//! Lines are 1-based.

use crate::model::validate::Owner;

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
