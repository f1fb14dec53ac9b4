//! The checks every importer makes before a span enters the model: a label that is not empty,
//! and at least one range with `start < end <= text length` (chars). What fails is reported by
//! the importer as a loss with its line, never wrapped or stored.

use crate::offset::CharRange;

/// Why a span read from a file cannot be imported, or `None` when it can.
pub fn span_problem(label: &str, ranges: &[CharRange], text_len: usize) -> Option<String> {
    if label.trim().is_empty() {
        return Some("the label is empty".to_owned());
    }
    if ranges.is_empty() {
        return Some("the span has no range".to_owned());
    }
    ranges.iter().find_map(|r| {
        let (s, e) = (r.start.0, r.end.0);
        if e < s {
            Some(format!("range {s}..{e} ends before it starts"))
        } else if s == e {
            Some(format!("range {s}..{e} is empty"))
        } else if e > text_len {
            Some(format!(
                "range {s}..{e} goes past the end of the text ({text_len} chars)"
            ))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: usize, e: usize) -> CharRange {
        CharRange {
            start: crate::offset::CharOffset(s),
            end: crate::offset::CharOffset(e),
        }
    }

    #[test]
    fn empty_labels_and_bad_ranges_are_problems() {
        assert_eq!(span_problem("claim", &[r(0, 3), r(4, 5)], 5), None);
        assert!(span_problem(" ", &[r(0, 3)], 5).unwrap().contains("label"));
        assert!(span_problem("claim", &[], 5).unwrap().contains("no range"));
        assert!(span_problem("claim", &[r(4, 2)], 5)
            .unwrap()
            .contains("ends before"));
        assert!(span_problem("claim", &[r(2, 2)], 5)
            .unwrap()
            .contains("empty"));
        assert!(span_problem("claim", &[r(2, 6)], 5)
            .unwrap()
            .contains("past the end"));
    }
}
