//! Text from files made safe to print on a terminal, one message per line: control characters
//! (C0, DEL, C1), the bidi controls (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM: the
//! "Trojan Source" characters that reorder what a terminal shows) and the line and paragraph
//! separators are written as escapes (`\n`, `\t`, `\u{202E}`), so a quote, a label or a file name
//! can neither start a new line nor hide or reorder the text around it. Everything else — Arabic
//! letters, marks, joiners — passes unchanged. Both faces call this before printing data.

pub use crate::model::text_format::is_bidi_control;
use std::borrow::Cow;

/// True for the characters [`escape_line`] writes as escapes.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `s` with every character of [`needs_escape`] escaped: `\n`, `\r`, `\t`, and `\u{XXXX}` for
/// the others. Unchanged (borrowed) when there is nothing to escape.
pub fn escape_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:04X}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Serialized JSON with the characters of [`needs_escape`] that JSON leaves raw (DEL, C1
/// controls, bidi controls, line and paragraph separators) written as `\uXXXX` escapes: the same
/// JSON value, safe on a terminal. (Outside strings JSON holds only ASCII punctuation and
/// whitespace, so every such character is inside a string.)
pub fn escape_json(json: &str) -> Cow<'_, str> {
    let raw = |c: char| needs_escape(c) && !matches!(c, '\n' | '\r' | '\t' | ' ');
    if !json.chars().any(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_controls_are_escaped_arabic_is_not() {
        assert!(matches!(escape_line("قال علي‍"), Cow::Borrowed(_)));
        assert_eq!(
            escape_line("a\nOK b\r\t\u{202E}c\u{1b}[31m\u{2066}\u{85}"),
            "a\\nOK b\\r\\t\\u{202E}c\\u{001B}[31m\\u{2066}\\u{0085}"
        );
        assert_eq!(
            escape_line("\u{200F}\u{061C}\u{2028}"),
            "\\u{200F}\\u{061C}\\u{2028}"
        );
    }

    #[test]
    fn json_keeps_its_value() {
        let value = serde_json::json!({"label": "x\u{202E}y\u{7f}\u{9b}\n", "n": 1});
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let safe = escape_json(&pretty);
        assert!(
            !safe.chars().any(|c| is_bidi_control(c) || c == '\u{7f}'),
            "{safe}"
        );
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
