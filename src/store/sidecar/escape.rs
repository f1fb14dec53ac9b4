//! Makes RON strings readable: `ron` escapes combining marks (Arabic harakat) as `\u{64e}`; this
//! puts such printable marks back as literal chars while keeping real control and format chars
//! (newlines, bidi controls) escaped, so every item stays on one line.

/// Rewrites `\u{…}` escapes of printable chars in serialized RON as the chars themselves.
pub(super) fn unescape_printable(ron: &str) -> String {
    let mut out = String::with_capacity(ron.len());
    let mut rest = ron;
    while let Some(pos) = rest.find('\\') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        if let Some((c, used)) = unicode_escape(after) {
            if is_printable_in_context(c) {
                out.push(c);
            } else {
                out.push_str(&rest[pos..pos + 1 + used]);
            }
            rest = &after[used..];
        } else {
            // Any other escape (`\\`, `\"`, `\n`): copy the backslash and the char it escapes, so
            // an escaped backslash is never mistaken for the start of the next escape.
            let next_len = after.chars().next().map_or(0, char::len_utf8);
            out.push_str(&rest[pos..pos + 1 + next_len]);
            rest = &after[next_len..];
        }
    }
    out.push_str(rest);
    out
}

/// Parses `u{hex}` at the start of `s`: the char and how many bytes it used.
fn unicode_escape(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix("u{")?;
    let close = body.find('}')?;
    let code = u32::from_str_radix(&body[..close], 16).ok()?;
    Some((char::from_u32(code)?, 2 + close + 1))
}

/// True for chars `escape_debug` escapes only because they extend a grapheme (marks), not
/// because they are invisible or control chars.
pub(super) fn is_printable_in_context(c: char) -> bool {
    let after_letter = format!("a{c}");
    after_letter.escape_debug().to_string() == after_letter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_controls_escaped_and_marks_literal() {
        let ron = r#""قالَ\u{64e}\n\\u{64e}\u{200f}""#;
        assert_eq!(
            unescape_printable(ron),
            "\"قالَ\u{64e}\\n\\\\u{64e}\\u{200f}\""
        );
    }
}
