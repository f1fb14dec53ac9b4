//! Pure editing logic of the text field, free of egui: the selection, inserting, deleting by code
//! point (Backspace) or grapheme (Delete) or word, cut, select all, undo and redo, each edit
//! recorded in the field's [`UndoHistory`]. Offsets are chars into the field's text; ranges are
//! half-open.
//!
//! Backspace removes one code point, so an Arabic word's harakat go one by one as on Arabic
//! keyboards (a CR LF pair goes together, as it is one line break). Delete removes the whole
//! grapheme after the caret: removing only a base letter would hand its marks to the letter before
//! it, changing a letter the user did not touch.

use super::undo::{EditKind, TextChange, UndoHistory};
use crate::offset::{CharOffset, CharRange};
use crate::text::Cursor;
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// The field's selection: a fixed end and a moving end (a caret when both are equal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldSelection {
    /// The end that stays when Shift+arrows extend the selection.
    pub anchor: Cursor,
    /// The end that moves (where the caret is drawn).
    pub focus: Cursor,
}

impl FieldSelection {
    /// A caret at `offset` (sticking to the char after it).
    pub fn caret(offset: CharOffset) -> Self {
        Self::at(Cursor::after(offset))
    }

    /// A caret at `cursor`.
    pub fn at(cursor: Cursor) -> Self {
        Self {
            anchor: cursor,
            focus: cursor,
        }
    }

    /// The selected chars in logical order (empty for a caret).
    pub fn range(&self) -> CharRange {
        CharRange::new(self.anchor.offset, self.focus.offset)
    }

    /// True when nothing is selected.
    pub fn is_caret(&self) -> bool {
        self.anchor.offset == self.focus.offset
    }
}

/// Byte index of char `offset` in `text` (the end of the text for offsets past it).
pub fn byte_of(text: &str, offset: CharOffset) -> usize {
    text.char_indices()
        .nth(offset.0)
        .map_or(text.len(), |(b, _)| b)
}

/// Number of chars in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// The chars of `range` in `text`.
pub fn slice(text: &str, range: CharRange) -> &str {
    &text[byte_of(text, range.start)..byte_of(text, range.end)]
}

/// Where Backspace deletes from: one code point before `offset`, or two for a CR LF pair.
pub fn previous_code_point(text: &str, offset: CharOffset) -> CharOffset {
    if offset.0 == 0 {
        return offset;
    }
    let mut before = text
        .chars()
        .skip(offset.0.saturating_sub(2))
        .take(offset.0.min(2));
    let pair = (before.next(), before.next());
    if pair == (Some('\r'), Some('\n')) {
        CharOffset(offset.0 - 2)
    } else {
        CharOffset(offset.0 - 1)
    }
}

/// The end of the grapheme that starts at or contains `offset` (the text's end at the end).
pub fn next_grapheme_end(text: &str, offset: CharOffset) -> CharOffset {
    let mut start = 0usize;
    for g in text.graphemes(true) {
        let end = start + g.chars().count();
        if end > offset.0 {
            return CharOffset(end);
        }
        start = end;
    }
    CharOffset(start)
}

/// Words of `text` (UAX #29 segments holding a letter or digit) as char ranges, in order.
fn words(text: &str) -> impl Iterator<Item = CharRange> + '_ {
    let mut start = 0usize;
    text.split_word_bounds().filter_map(move |segment| {
        let range = CharRange::from_indices(start, start + segment.chars().count());
        start = range.end.0;
        segment.chars().any(char::is_alphanumeric).then_some(range)
    })
}

/// The end of the word at or after `offset` (Ctrl+arrow forward); the text's end after the last.
pub fn next_word_end(text: &str, offset: CharOffset) -> CharOffset {
    words(text)
        .find(|w| w.end > offset)
        .map_or(CharOffset(char_len(text)), |w| w.end)
}

/// The start of the word at or before `offset` (Ctrl+arrow backward); 0 before the first.
pub fn previous_word_start(text: &str, offset: CharOffset) -> CharOffset {
    words(text)
        .take_while(|w| w.start < offset)
        .last()
        .map_or(CharOffset(0), |w| w.start)
}

/// `s` with every line break (CR LF, LF, CR) turned into a space, for a single-line field.
pub fn single_line(s: &str) -> Cow<'_, str> {
    if !s.contains(['\n', '\r']) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.replace("\r\n", " ").replace(['\n', '\r'], " "))
}

/// The selection and the undo history of one field; the text itself belongs to the caller.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EditState {
    /// The selection (or caret).
    pub selection: FieldSelection,
    /// Undo and redo of this field's edits.
    pub history: UndoHistory,
}

impl EditState {
    /// Keeps the selection inside `text` (the caller may have shortened it).
    pub fn clamp(&mut self, text: &str) {
        let len = char_len(text);
        for cursor in [&mut self.selection.anchor, &mut self.selection.focus] {
            if cursor.offset.0 > len {
                *cursor = Cursor::before(CharOffset(len));
            }
        }
    }

    /// The selected text.
    pub fn selected_text<'t>(&self, text: &'t str) -> &'t str {
        slice(text, self.selection.range())
    }

    /// Moves the caret to `cursor`; with `extend` only the moving end moves (Shift). Ends the
    /// current undo group.
    pub fn move_to(&mut self, cursor: Cursor, extend: bool) {
        self.selection.focus = cursor;
        if !extend {
            self.selection.anchor = cursor;
        }
        self.history.close_group();
    }

    /// Selects the whole text.
    pub fn select_all(&mut self, text: &str) {
        self.selection = FieldSelection {
            anchor: Cursor::after(CharOffset(0)),
            focus: Cursor::before(CharOffset(char_len(text))),
        };
        self.history.close_group();
    }

    /// Replaces `range` of `text` with `with`, records it as an edit of `kind` and puts the caret
    /// after the inserted text. Returns false when nothing changed.
    fn replace(&mut self, text: &mut String, range: CharRange, with: &str, kind: EditKind) -> bool {
        let removed = slice(text, range).to_owned();
        if removed.is_empty() && with.is_empty() {
            return false;
        }
        let change = TextChange {
            at: range.start,
            removed,
            inserted: with.to_owned(),
        };
        change.apply(text);
        let before = self.selection;
        let caret = CharOffset(range.start.0 + char_len(with));
        self.selection = FieldSelection::caret(caret);
        self.history.record(change, kind, before, self.selection);
        true
    }

    /// Types or pastes `with` over the selection. Returns true when the text changed.
    pub fn insert(&mut self, text: &mut String, with: &str, kind: EditKind) -> bool {
        let range = self.selection.range();
        self.replace(text, range, with, kind)
    }

    /// Backspace: removes the selection, or one code point before the caret.
    pub fn backspace(&mut self, text: &mut String) -> bool {
        let range = self.selection.range();
        if !range.is_empty() {
            return self.replace(text, range, "", EditKind::Other);
        }
        let start = previous_code_point(text, range.start);
        self.replace(
            text,
            CharRange::new(start, range.start),
            "",
            EditKind::DeleteBackward,
        )
    }

    /// Delete: removes the selection, or the grapheme after the caret.
    pub fn delete_forward(&mut self, text: &mut String) -> bool {
        let range = self.selection.range();
        if !range.is_empty() {
            return self.replace(text, range, "", EditKind::Other);
        }
        let end = next_grapheme_end(text, range.start);
        self.replace(
            text,
            CharRange::new(range.start, end),
            "",
            EditKind::DeleteForward,
        )
    }

    /// Ctrl+Backspace / Ctrl+Delete: removes the selection, or up to the word boundary before
    /// (`forward` false) or after the caret.
    pub fn delete_word(&mut self, text: &mut String, forward: bool) -> bool {
        let range = self.selection.range();
        if !range.is_empty() {
            return self.replace(text, range, "", EditKind::Other);
        }
        let target = if forward {
            next_word_end(text, range.start)
        } else {
            previous_word_start(text, range.start)
        };
        self.replace(
            text,
            CharRange::new(range.start, target),
            "",
            EditKind::Other,
        )
    }

    /// Cut: removes the selection and returns it (None when nothing is selected).
    pub fn cut(&mut self, text: &mut String) -> Option<String> {
        let range = self.selection.range();
        if range.is_empty() {
            return None;
        }
        let cut = slice(text, range).to_owned();
        self.replace(text, range, "", EditKind::Other);
        Some(cut)
    }

    /// Undoes the last step; returns true when the text changed.
    pub fn undo(&mut self, text: &mut String) -> bool {
        match self.history.undo(text) {
            Some(selection) => {
                self.selection = selection;
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone step; returns true when the text changed.
    pub fn redo(&mut self, text: &mut String) -> bool {
        match self.history.redo(text) {
            Some(selection) => {
                self.selection = selection;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field holding `text` with the caret at char `at`.
    fn field(text: &str, at: usize) -> (String, EditState) {
        let state = EditState {
            selection: FieldSelection::caret(CharOffset(at)),
            ..EditState::default()
        };
        (text.to_owned(), state)
    }

    fn type_str(text: &mut String, state: &mut EditState, s: &str) {
        for ch in s.chars() {
            state.insert(text, &ch.to_string(), EditKind::Typing);
        }
    }

    #[test]
    fn backspace_removes_harakat_one_by_one_then_the_letter() {
        // كَتَبَ: kaf fatha teh fatha beh fatha.
        let (mut text, mut state) = field("كَتَبَ", 6);
        assert!(state.backspace(&mut text));
        assert_eq!(text, "كَتَب");
        assert!(state.backspace(&mut text));
        assert_eq!(text, "كَتَ");
        assert!(state.backspace(&mut text));
        assert_eq!(text, "كَت");
        assert_eq!(state.selection, FieldSelection::caret(CharOffset(3)));
    }

    #[test]
    fn delete_removes_a_whole_grapheme_with_its_marks() {
        let (mut text, mut state) = field("كَتَبَ", 2);
        assert!(state.delete_forward(&mut text));
        assert_eq!(text, "كَبَ");
        assert_eq!(state.selection, FieldSelection::caret(CharOffset(2)));
        let (mut text, mut state) = field("ab\r\ncd", 2);
        assert!(state.delete_forward(&mut text));
        assert_eq!(text, "abcd");
    }

    #[test]
    fn backspace_takes_a_cr_lf_pair_together_and_stops_at_the_start() {
        let (mut text, mut state) = field("ab\r\ncd", 4);
        assert!(state.backspace(&mut text));
        assert_eq!(text, "abcd");
        let (mut text, mut state) = field("ab", 0);
        assert!(!state.backspace(&mut text));
        assert_eq!(text, "ab");
    }

    #[test]
    fn typing_replaces_the_selection_and_mixes_arabic_and_latin() {
        let (mut text, mut state) = field("قال الوزير", 4);
        state.move_to(Cursor::before(CharOffset(10)), true);
        assert_eq!(state.selected_text(&text), "الوزير");
        type_str(&mut text, &mut state, "Obama ");
        type_str(&mut text, &mut state, "أمس");
        assert_eq!(text, "قال Obama أمس");
        assert_eq!(state.selection, FieldSelection::caret(CharOffset(13)));
        assert!(state.undo(&mut text));
        assert_eq!(text, "قال Obama ");
        assert!(state.undo(&mut text));
        assert_eq!(text, "قال الوزير");
        assert_eq!(state.selected_text(&text), "الوزير");
    }

    #[test]
    fn cut_returns_the_selection_in_logical_order() {
        let (mut text, mut state) = field("يوم 17 أكتوبر", 0);
        state.move_to(Cursor::before(CharOffset(6)), true);
        assert_eq!(state.cut(&mut text).as_deref(), Some("يوم 17"));
        assert_eq!(text, " أكتوبر");
        assert_eq!(state.cut(&mut text), None);
    }

    #[test]
    fn words_are_found_across_scripts_and_digits() {
        let text = "قال Barack Obama يوم 17.";
        assert_eq!(next_word_end(text, CharOffset(0)), CharOffset(3));
        assert_eq!(next_word_end(text, CharOffset(3)), CharOffset(10));
        assert_eq!(previous_word_start(text, CharOffset(10)), CharOffset(4));
        assert_eq!(previous_word_start(text, CharOffset(4)), CharOffset(0));
        assert_eq!(next_word_end(text, CharOffset(21)), CharOffset(23));
        assert_eq!(next_word_end(text, CharOffset(23)), CharOffset(24));
    }

    #[test]
    fn delete_word_backward_and_forward() {
        let (mut text, mut state) = field("قال الوزير اليوم", 10);
        assert!(state.delete_word(&mut text, false));
        assert_eq!(text, "قال  اليوم");
        assert!(state.delete_word(&mut text, true));
        assert_eq!(text, "قال ");
    }

    #[test]
    fn single_line_turns_breaks_into_spaces() {
        assert_eq!(single_line("a\r\nb\nc\rd"), "a b c d");
        assert!(matches!(single_line("abc"), Cow::Borrowed(_)));
    }

    #[test]
    fn clamp_keeps_the_caret_inside_a_shortened_text() {
        let (text, mut state) = field("abcdef", 6);
        state.clamp(&text[..2]);
        assert_eq!(state.selection.focus.offset, CharOffset(2));
    }
}
