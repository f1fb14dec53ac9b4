//! Where the caret goes for each movement key, decided on the placed layout (no egui): arrows by
//! grapheme in visual order (Left moves forward in right-to-left text), Ctrl+arrows by word in the
//! direction the arrow goes at the caret, Home/End of the line, Up/Down keeping the column.
//! Offsets are chars into the field's text; x is px in the field's box.

use super::edit::{char_len, next_word_end, previous_word_start, FieldSelection};
use crate::offset::CharOffset;
use crate::text::{Cursor, Point, VisualDirection};
use crate::ui::widgets::placed_text::PlacedText;

/// A caret movement asked for by a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// One grapheme to the left or right on screen (arrow keys).
    Visual(VisualDirection),
    /// To the word edge in that direction on screen (Ctrl+arrow).
    Word(VisualDirection),
    /// The logical start of the line (Home).
    LineStart,
    /// The logical end of the line (End).
    LineEnd,
    /// The line above, same x (Up).
    Up,
    /// The line below, same x (Down).
    Down,
    /// The start of the text (Ctrl+Home).
    TextStart,
    /// The end of the text (Ctrl+End).
    TextEnd,
}

/// True when moving towards `dir` on screen goes forward in the text at caret `c`.
fn goes_forward(placed: &PlacedText, c: Cursor, dir: VisualDirection) -> bool {
    let probe = placed.layout().move_visual(c, dir);
    if probe.offset != c.offset {
        return probe.offset > c.offset;
    }
    // At the edge of the text: decide by the paragraph's direction.
    let rtl = placed.line(placed.line_of(c)).is_some_and(|l| l.rtl);
    (dir == VisualDirection::Left) == rtl
}

/// Where the caret goes for `motion` from `selection`. `extend` is Shift (the selection grows);
/// `preferred_x` is the column kept across Up/Down (set by them, cleared by every other motion).
pub fn moved(
    placed: &PlacedText,
    selection: FieldSelection,
    motion: Motion,
    extend: bool,
    preferred_x: &mut Option<f32>,
) -> Cursor {
    let layout = placed.layout();
    let text = layout.text();
    let focus = selection.focus;
    if !matches!(motion, Motion::Up | Motion::Down) {
        *preferred_x = None;
    }
    match motion {
        Motion::Visual(dir) if !extend && !selection.is_caret() => {
            // An arrow without Shift ends a selection at its edge on that side.
            let range = selection.range();
            if goes_forward(placed, focus, dir) {
                Cursor::before(range.end)
            } else {
                Cursor::after(range.start)
            }
        }
        Motion::Visual(dir) => layout.move_visual(focus, dir),
        Motion::Word(dir) => {
            if goes_forward(placed, focus, dir) {
                Cursor::before(next_word_end(text, focus.offset))
            } else {
                Cursor::after(previous_word_start(text, focus.offset))
            }
        }
        Motion::LineStart | Motion::LineEnd => match placed.line(placed.line_of(focus)) {
            Some(line) if motion == Motion::LineStart => Cursor::after(line.chars.start),
            Some(line) => Cursor::before(line.chars.end),
            None => focus,
        },
        Motion::Up | Motion::Down => vertical(placed, focus, motion == Motion::Up, preferred_x),
        Motion::TextStart => Cursor::after(CharOffset(0)),
        Motion::TextEnd => Cursor::before(CharOffset(char_len(text))),
    }
}

/// The caret on the line above or below at the kept column; past the first or last line, the
/// start or end of the text.
fn vertical(placed: &PlacedText, c: Cursor, up: bool, preferred_x: &mut Option<f32>) -> Cursor {
    let caret = placed.caret_rect(c);
    let x = *preferred_x.get_or_insert((caret.min.x + caret.max.x) * 0.5);
    let index = placed.line_of(c);
    let target = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|&i| i < placed.line_count())
    };
    match target.and_then(|i| placed.line(i)) {
        Some(line) => placed.hit(Point::new(x, (line.top + line.bottom()) * 0.5)),
        None if up => Cursor::after(CharOffset(0)),
        None => Cursor::before(CharOffset(char_len(placed.layout().text()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{FontSet, LayoutCache, LayoutParams, TextLayout};
    use crate::ui::widgets::placed_text::TextAlign;
    use std::sync::Arc;

    fn placed(text: &str, width: f32) -> PlacedText {
        let params = LayoutParams {
            width,
            font_size: 20.0,
            ..LayoutParams::default()
        };
        let layout = TextLayout::new(
            text,
            &FontSet::embedded(),
            &params,
            &mut LayoutCache::default(),
        );
        PlacedText::new(Arc::new(layout), Some(width), TextAlign::Auto)
    }

    fn caret(at: usize) -> FieldSelection {
        FieldSelection::caret(CharOffset(at))
    }

    fn go(p: &PlacedText, at: usize, motion: Motion) -> usize {
        moved(p, caret(at), motion, false, &mut None).offset.0
    }

    #[test]
    fn left_moves_forward_in_arabic_and_right_moves_back() {
        let p = placed("قال الوزير", 400.0);
        assert_eq!(go(&p, 0, Motion::Visual(VisualDirection::Left)), 1);
        assert_eq!(go(&p, 5, Motion::Visual(VisualDirection::Right)), 4);
        let p = placed("the minister", 400.0);
        assert_eq!(go(&p, 0, Motion::Visual(VisualDirection::Right)), 1);
    }

    #[test]
    fn arrows_cross_a_latin_run_inside_arabic_in_visual_order() {
        // "قال Obama أمس" is drawn (left to right) أمس, Obama, قال. Left from the start walks
        // the whole line leftwards, one grapheme per press, and goes backwards inside "Obama".
        let text = "قال Obama أمس";
        let p = placed(text, 400.0);
        let mut c = Cursor::after(CharOffset(0));
        let mut xs = vec![p.caret_rect(c).center().x];
        let mut offsets = vec![0];
        while offsets.len() < 40 {
            let next = p.layout().move_visual(c, VisualDirection::Left);
            if next == c {
                break;
            }
            c = next;
            xs.push(p.caret_rect(c).center().x);
            offsets.push(c.offset.0);
        }
        assert_eq!(offsets.len(), 14, "one stop per grapheme edge: {offsets:?}");
        assert!(
            xs.windows(2).all(|w| w[1] < w[0]),
            "every press moves left: {xs:?}"
        );
        assert_eq!(offsets[..4], [0, 1, 2, 3], "{offsets:?}");
        assert_eq!(
            offsets[4..9],
            [9, 8, 7, 6, 5],
            "Latin run backwards: {offsets:?}"
        );
        assert_eq!(*offsets.last().unwrap(), 13, "{offsets:?}");
    }

    #[test]
    fn ctrl_arrows_move_by_word_in_the_direction_on_screen() {
        let p = placed("قال الوزير اليوم", 400.0);
        assert_eq!(go(&p, 0, Motion::Word(VisualDirection::Left)), 3);
        assert_eq!(go(&p, 3, Motion::Word(VisualDirection::Left)), 10);
        assert_eq!(go(&p, 10, Motion::Word(VisualDirection::Right)), 4);
        let p = placed("said the minister", 400.0);
        assert_eq!(go(&p, 0, Motion::Word(VisualDirection::Right)), 4);
    }

    #[test]
    fn an_arrow_without_shift_ends_a_selection_at_its_edge() {
        let p = placed("قال الوزير", 400.0);
        let selection = FieldSelection {
            anchor: Cursor::after(CharOffset(2)),
            focus: Cursor::before(CharOffset(6)),
        };
        let left = moved(
            &p,
            selection,
            Motion::Visual(VisualDirection::Left),
            false,
            &mut None,
        );
        assert_eq!(left.offset.0, 6);
        let right = moved(
            &p,
            selection,
            Motion::Visual(VisualDirection::Right),
            false,
            &mut None,
        );
        assert_eq!(right.offset.0, 2);
    }

    #[test]
    fn home_end_and_up_down_in_wrapped_text() {
        let text = "شبكة الإرهاب العالمي تنظيم القاعدة بدأ بالانحياز إلى داعش بعد طول خلاف";
        let p = placed(text, 160.0);
        assert!(p.line_count() >= 3, "wrapped into {} lines", p.line_count());
        let second = p.line(1).unwrap().chars;
        let inside = second.start.0 + 2;
        assert_eq!(go(&p, inside, Motion::LineStart), second.start.0);
        assert_eq!(go(&p, inside, Motion::LineEnd), second.end.0);
        let mut column = None;
        let down = moved(&p, caret(inside), Motion::Down, false, &mut column);
        assert_eq!(p.line_of(down), 2);
        let back = moved(&p, FieldSelection::at(down), Motion::Up, false, &mut column);
        assert_eq!(back.offset.0, inside, "the column is kept");
        assert_eq!(go(&p, 2, Motion::Up), 0);
        assert_eq!(go(&p, 2, Motion::TextEnd), text.chars().count());
    }
}
