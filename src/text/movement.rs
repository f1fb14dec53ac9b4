//! Keyboard caret movement on a [`TextLayout`]: by grapheme and by word in visual order, to the
//! start and end of a line, up and down by line keeping the x position, by a page, and to the ends
//! of the text. Offsets are chars into the document's text; x and heights are px.
//!
//! What "start of a line" means for an Arabic reader: the line's first char in reading order, so
//! Home in a right-to-left line goes to its right end, where reading begins, and End to the last
//! letter on the left. Both are logical positions (the line's first char, the char after its last
//! letter) rather than the outermost glyph edge: when an RTL line begins with a number or a Latin
//! word ("17 أكتوبر"), Shift+Home then selects the whole beginning of the line, number included,
//! which is what the reader sees as "from here to where the line starts". A wrapped line's
//! trailing space belongs to the line break (it hangs outside the text), so End stops before it.

use super::cursor::{Cursor, VisualDirection};
use super::geom::Point;
use super::layout::{GraphemeBox, LineLayout, TextLayout};
use crate::offset::{CharOffset, CharRange};

/// Two x positions closer than this (px) are the same place.
const EPS: f32 = 0.01;

/// A caret movement the keyboard asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Motion {
    /// One grapheme to the left or right on screen (Left moves forward in RTL text).
    Grapheme(VisualDirection),
    /// To the far edge of the next word to the left or right on screen.
    Word(VisualDirection),
    /// To the start of the line in reading order (the right end of an RTL line).
    LineStart,
    /// To the end of the line in reading order (after its last letter).
    LineEnd,
    /// One line up, keeping the x position the vertical moves started from.
    LineUp,
    /// One line down, keeping the x position.
    LineDown,
    /// One screenful up, keeping the x position.
    PageUp,
    /// One screenful down, keeping the x position.
    PageDown,
    /// To the start of the text.
    TextStart,
    /// To the end of the text.
    TextEnd,
}

impl Motion {
    /// True for the moves that keep the x position of a previous vertical move (Up, Down, pages).
    pub fn is_vertical(self) -> bool {
        matches!(
            self,
            Motion::LineUp | Motion::LineDown | Motion::PageUp | Motion::PageDown
        )
    }
}

/// Where a caret goes, and the x position later vertical moves keep (set by vertical moves only).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaretMove {
    /// The new caret.
    pub cursor: Cursor,
    /// The x (px) Up and Down aim for next; `None` after a horizontal move.
    pub goal_x: Option<f32>,
}

impl TextLayout {
    /// Moves caret `c` by `motion`. `goal_x` is the x kept from the previous vertical move (`None`
    /// starts from the caret's own x); `page_height` is the visible height in px, for PageUp and
    /// PageDown.
    pub fn move_caret(
        &self,
        c: Cursor,
        motion: Motion,
        goal_x: Option<f32>,
        page_height: f32,
    ) -> CaretMove {
        let horizontal = |cursor| CaretMove {
            cursor,
            goal_x: None,
        };
        match motion {
            Motion::Grapheme(dir) => horizontal(self.move_visual(c, dir)),
            Motion::Word(dir) => horizontal(self.move_word_visual(c, dir)),
            Motion::LineStart => horizontal(self.line_start(c)),
            Motion::LineEnd => horizontal(self.line_end(c)),
            Motion::TextStart => horizontal(Cursor::after(CharOffset(0))),
            Motion::TextEnd => horizontal(self.text_end()),
            Motion::LineUp | Motion::LineDown | Motion::PageUp | Motion::PageDown => {
                let x = goal_x.unwrap_or_else(|| self.caret_x(c));
                let cursor = match motion {
                    Motion::LineUp => self.move_by_lines(c, -1, x),
                    Motion::LineDown => self.move_by_lines(c, 1, x),
                    Motion::PageUp => self.move_by_height(c, -page_height, x),
                    _ => self.move_by_height(c, page_height, x),
                };
                CaretMove {
                    cursor,
                    goal_x: Some(x),
                }
            }
        }
    }

    /// Where Left or Right (without Shift) puts the caret when a selection from `anchor` to
    /// `focus` is not empty: at the selection's end on that side of the screen, as text editors do
    /// (the selection collapses; the caret does not also move a grapheme). On one line the end
    /// drawn further that way wins; across lines, the end a one-grapheme move that way would
    /// head for in reading order (Left heads forward in an RTL paragraph).
    pub fn collapse_toward(&self, anchor: Cursor, focus: Cursor, dir: VisualDirection) -> Cursor {
        let (first, last) = if anchor.offset <= focus.offset {
            (anchor, focus)
        } else {
            (focus, anchor)
        };
        if self.line_index(first) == self.line_index(last) {
            let (fx, lx) = (self.caret_x(first), self.caret_x(last));
            let first_is_left = fx <= lx;
            return match dir {
                VisualDirection::Left if first_is_left => first,
                VisualDirection::Left => last,
                VisualDirection::Right if first_is_left => last,
                VisualDirection::Right => first,
            };
        }
        let step = self.move_visual(focus, dir);
        if step.offset >= focus.offset {
            last
        } else {
            first
        }
    }

    /// The x (px) of the edge the caret `c` is drawn at.
    pub fn caret_x(&self, c: Cursor) -> f32 {
        let line = &self.lines[self.line_of(c.offset, c.affinity)];
        self.caret_edge(line, c.offset, c.affinity).0
    }

    /// The line (index into [`TextLayout::lines`]) the caret `c` is drawn on.
    pub fn line_index(&self, c: Cursor) -> usize {
        self.line_of(c.offset, c.affinity)
    }

    /// The start of `c`'s line in reading order: its first char (the right end of an RTL line).
    pub fn line_start(&self, c: Cursor) -> Cursor {
        let line = &self.lines[self.line_of(c.offset, c.affinity)];
        Cursor::after(line.chars.start)
    }

    /// The end of `c`'s line in reading order: after its last char that is not white space (an
    /// all-blank line ends at its end).
    pub fn line_end(&self, c: Cursor) -> Cursor {
        let line = &self.lines[self.line_of(c.offset, c.affinity)];
        let trailing_blank = self
            .line_chars(line.chars)
            .rev()
            .take_while(|ch| ch.is_whitespace())
            .count();
        let end = if trailing_blank == line.chars.len() {
            line.chars.end
        } else {
            CharOffset(line.chars.end.0 - trailing_blank)
        };
        Cursor::before(end)
    }

    /// The end of the text.
    pub fn text_end(&self) -> Cursor {
        let end = self
            .paragraphs
            .last()
            .map_or(CharOffset(0), |p| p.para.chars.end);
        Cursor::before(end)
    }

    /// `lines` lines down (negative: up) from `c`, at x (px) on the new line. Past the first line
    /// the caret goes to the start of the text, past the last to the end.
    pub fn move_by_lines(&self, c: Cursor, lines: isize, x: f32) -> Cursor {
        let li = self.line_of(c.offset, c.affinity) as isize + lines;
        if li < 0 {
            return Cursor::after(CharOffset(0));
        }
        match self.lines.get(li as usize) {
            Some(line) => self.hit(Point::new(x, line.top + line.height * 0.5)),
            None => self.text_end(),
        }
    }

    /// The caret `dy` px below `c` (negative: above), at x (px), clamped to the first and last
    /// lines (a page move never leaves the text).
    pub fn move_by_height(&self, c: Cursor, dy: f32, x: f32) -> Cursor {
        let line = &self.lines[self.line_of(c.offset, c.affinity)];
        let (Some(first), Some(last)) = (self.lines.first(), self.lines.last()) else {
            return c;
        };
        let y = (line.top + line.height * 0.5 + dy)
            .clamp(first.top + first.height * 0.5, last.top + last.height * 0.5);
        self.hit(Point::new(x, y))
    }

    /// The caret at the far edge of the next word to the left or right of `c` on screen: spaces
    /// and punctuation in between are skipped, then the word's letters up to its edge. With no
    /// word left on the line in that direction, the caret continues on the next line in that
    /// direction (the following line when moving towards a line's end); lines without a word (the
    /// empty line between two paragraphs, a line of spaces) are passed over, so one move always
    /// reaches a word while there is one.
    pub fn move_word_visual(&self, c: Cursor, dir: VisualDirection) -> Cursor {
        let mut li = self.line_of(c.offset, c.affinity);
        let line = &self.lines[li];
        let x = self.caret_edge(line, c.offset, c.affinity).0;
        if let Some(stop) = self.word_stop_on_line(line, x, dir) {
            return stop;
        }
        // Towards the line's end (Left in RTL) means the following line, as with single steps.
        let forward = (dir == VisualDirection::Left) == line.rtl;
        let mut passed = None;
        loop {
            let next_li = if forward {
                Some(li + 1).filter(|&n| n < self.lines.len())
            } else {
                li.checked_sub(1)
            };
            let Some(next_li) = next_li else {
                // No word up to the text's edge: stop at that edge.
                let line = &self.lines[li];
                return self.line_edge_stop(line, dir).or(passed).unwrap_or(c);
            };
            let next = &self.lines[next_li];
            let entry = if forward {
                Cursor::after(next.chars.start)
            } else {
                Cursor::before(next.chars.end)
            };
            // A hollow line (its glyphs dropped far from a window's view) stops the move at
            // its entry rather than being passed over as if it had no word.
            if !self.is_line_filled(next_li) {
                return entry;
            }
            if next.boxes.iter().any(|b| self.is_word_grapheme(b)) {
                let x = self.caret_edge(next, entry.offset, entry.affinity).0;
                return self.word_stop_on_line(next, x, dir).unwrap_or(entry);
            }
            li = next_li;
            passed = Some(entry);
        }
    }

    /// On `line`, from x (px) towards `dir`: the far stop of the first word met, if any.
    fn word_stop_on_line(&self, line: &LineLayout, x: f32, dir: VisualDirection) -> Option<Cursor> {
        let ahead: Vec<&GraphemeBox> = match dir {
            VisualDirection::Left => line
                .boxes
                .iter()
                .rev()
                .filter(|b| b.right <= x + EPS && b.left < x - EPS)
                .collect(),
            VisualDirection::Right => line
                .boxes
                .iter()
                .filter(|b| b.left >= x - EPS && b.right > x + EPS)
                .collect(),
        };
        let mut boxes = ahead.into_iter().skip_while(|b| !self.is_word_grapheme(b));
        let first = boxes.next()?;
        let word = self.word_at(first.chars().start);
        let last = boxes
            .take_while(|b| self.is_word_grapheme(b) && word.contains(b.chars().start))
            .last()
            .unwrap_or(first);
        Some(far_stop(last, dir))
    }

    /// The stop at the outermost edge of `line` towards `dir`, if the line has any grapheme.
    fn line_edge_stop(&self, line: &LineLayout, dir: VisualDirection) -> Option<Cursor> {
        let b = match dir {
            VisualDirection::Left => line.boxes.first()?,
            VisualDirection::Right => line.boxes.last()?,
        };
        Some(far_stop(b, dir))
    }

    /// True when the grapheme holds a letter or digit (a word's part, not space or punctuation).
    fn is_word_grapheme(&self, b: &GraphemeBox) -> bool {
        self.line_chars(b.chars()).any(char::is_alphanumeric)
    }

    /// The chars of `range`, which lies inside one paragraph.
    fn line_chars(&self, range: CharRange) -> impl DoubleEndedIterator<Item = char> + '_ {
        let para = &self.paragraphs[self.paragraph_of(range.start)].para;
        let rel = range.start.0.saturating_sub(para.chars.start.0);
        let text = para.text(&self.text);
        let chars: Vec<char> = text.chars().skip(rel).take(range.len()).collect();
        chars.into_iter()
    }
}

/// The caret at the edge of grapheme `b` that lies towards `dir` (its left edge when moving left).
fn far_stop(b: &GraphemeBox, dir: VisualDirection) -> Cursor {
    match (dir, b.rtl()) {
        // The left edge of an RTL grapheme is its logical end; of an LTR one, its start.
        (VisualDirection::Left, true) | (VisualDirection::Right, false) => {
            Cursor::before(b.chars().end)
        }
        (VisualDirection::Left, false) | (VisualDirection::Right, true) => {
            Cursor::after(b.chars().start)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{BaseDirection, FontSet, LayoutCache, LayoutParams};

    const SAMPLE: &str = include_str!("../../assets/samples/news-ar-001.txt");
    const QUOTE: &str = "وقال الوزير: We will not negotiate ثم غادر";
    const DATE: &str = "وكان آخرها يوم 17 أوكتوبر/تشرين الأول حين بث";

    fn layout(text: &str, width: f32) -> TextLayout {
        let params = LayoutParams {
            font_size: 20.0,
            width,
            direction: BaseDirection::Auto,
            line_height: 1.8,
        };
        TextLayout::new(
            text,
            &FontSet::embedded(),
            &params,
            &mut LayoutCache::default(),
        )
    }

    #[test]
    fn left_and_right_collapse_a_selection_to_its_edge_on_that_side() {
        let l = layout(DATE, 2000.0);
        let (a, b) = (at(DATE, "آخرها"), at(DATE, "يوم"));
        let (start, end) = (Cursor::after(CharOffset(a)), Cursor::before(CharOffset(b)));
        // Arabic runs right to left: the selection's logical start is its right edge.
        assert!(l.caret_x(start) > l.caret_x(end));
        for (anchor, focus) in [(start, end), (end, start)] {
            assert_eq!(
                l.collapse_toward(anchor, focus, VisualDirection::Right),
                start
            );
            assert_eq!(l.collapse_toward(anchor, focus, VisualDirection::Left), end);
        }
        // Inside the left-to-right "17": its start is on the left.
        let (d0, d1) = (at(DATE, "17"), at(DATE, "17") + 2);
        let (s17, e17) = (
            Cursor::after(CharOffset(d0)),
            Cursor::before(CharOffset(d1)),
        );
        assert_eq!(
            l.collapse_toward(s17, e17, VisualDirection::Left).offset.0,
            d0
        );
        assert_eq!(
            l.collapse_toward(e17, s17, VisualDirection::Right).offset.0,
            d1
        );
    }

    #[test]
    fn a_selection_over_lines_collapses_forward_with_left_in_rtl() {
        let l = layout(SAMPLE, 300.0);
        let (first, last) = (
            Cursor::after(CharOffset(3)),
            Cursor::before(CharOffset(200)),
        );
        assert_ne!(l.line_index(first), l.line_index(last));
        assert_eq!(l.collapse_toward(first, last, VisualDirection::Left), last);
        assert_eq!(
            l.collapse_toward(last, first, VisualDirection::Right),
            first
        );
    }

    /// Char offset of the first `needle` in `text`.
    fn at(text: &str, needle: &str) -> usize {
        text[..text.find(needle).expect("needle in text")]
            .chars()
            .count()
    }

    /// Char offset just after the first `needle` in `text`.
    fn after(text: &str, needle: &str) -> usize {
        at(text, needle) + needle.chars().count()
    }

    fn moved(doc: &TextLayout, c: Cursor, motion: Motion) -> Cursor {
        doc.move_caret(c, motion, None, 200.0).cursor
    }

    #[test]
    fn word_left_in_arabic_goes_forward_to_each_word_end_and_right_comes_back() {
        let doc = layout(SAMPLE, 600.0);
        let start = Cursor::after(CharOffset(0));
        let first = moved(&doc, start, Motion::Word(VisualDirection::Left));
        assert_eq!(first.offset.0, after(SAMPLE, "أخبار"));
        let second = moved(&doc, first, Motion::Word(VisualDirection::Left));
        assert_eq!(second.offset.0, after(SAMPLE, "أخبار الآن"));
        // "|" is punctuation: the next word is دبي.
        let third = moved(&doc, second, Motion::Word(VisualDirection::Left));
        assert_eq!(third.offset.0, after(SAMPLE, "دبي"));
        let back = moved(&doc, third, Motion::Word(VisualDirection::Right));
        assert_eq!(back.offset.0, at(SAMPLE, "دبي"));
        let back = moved(&doc, back, Motion::Word(VisualDirection::Right));
        assert_eq!(back.offset.0, at(SAMPLE, "الآن"));
    }

    #[test]
    fn word_moves_pass_over_the_empty_line_between_paragraphs() {
        let doc = layout(SAMPLE, 600.0);
        // The first paragraph ends with "(غرفة الأخبار)" and spaces; an empty line follows.
        let last_word = Cursor::before(CharOffset(after(SAMPLE, "الأخبار")));
        let next = moved(&doc, last_word, Motion::Word(VisualDirection::Left));
        assert_eq!(
            next.offset.0,
            after(SAMPLE, "يراقب"),
            "one move, not a stop on the empty line"
        );
        let back = moved(
            &doc,
            Cursor::after(CharOffset(at(SAMPLE, "يراقب"))),
            Motion::Word(VisualDirection::Right),
        );
        assert_eq!(back.offset.0, at(SAMPLE, "الأخبار"));
    }

    #[test]
    fn word_left_from_the_start_visits_every_word_of_the_sample_once() {
        use unicode_segmentation::UnicodeSegmentation;
        let doc = layout(SAMPLE, 600.0);
        let words: Vec<(usize, usize)> = SAMPLE
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(byte, w)| {
                let start = SAMPLE[..byte].chars().count();
                (start, start + w.chars().count())
            })
            .collect();
        let mut c = Cursor::after(CharOffset(0));
        let mut stops = Vec::new();
        loop {
            let next = moved(&doc, c, Motion::Word(VisualDirection::Left));
            if next.offset == c.offset {
                break;
            }
            stops.push(next.offset.0);
            c = next;
        }
        // After the last word the caret goes once more, to the text's end (the final ".").
        assert_eq!(stops.pop(), Some(SAMPLE.chars().count()));
        assert_eq!(stops.len(), words.len(), "one move per word");
        for (stop, (start, end)) in stops.iter().zip(&words) {
            assert!(
                stop == start || stop == end,
                "stop {stop} on the word {start}..{end}"
            );
        }
    }

    #[test]
    fn word_moves_cross_a_latin_quotation_in_visual_order() {
        let doc = layout(QUOTE, 2000.0);
        let c = Cursor::before(CharOffset(after(QUOTE, "الوزير")));
        // Moving left out of the Arabic, the Latin run is met at its right end: its last word.
        let c = moved(&doc, c, Motion::Word(VisualDirection::Left));
        assert_eq!(c.offset.0, at(QUOTE, "negotiate"));
        let c = moved(&doc, c, Motion::Word(VisualDirection::Left));
        assert_eq!(c.offset.0, at(QUOTE, "not"));
        let c = moved(&doc, c, Motion::Word(VisualDirection::Right));
        assert_eq!(c.offset.0, after(QUOTE, "not"));
    }

    #[test]
    fn word_moves_treat_a_number_as_a_word_and_a_slash_as_a_gap() {
        let doc = layout(DATE, 2000.0);
        let c = Cursor::before(CharOffset(after(DATE, "يوم")));
        let c = moved(&doc, c, Motion::Word(VisualDirection::Left));
        // "17" is drawn left to right: its left edge is its logical start.
        assert_eq!(c.offset.0, at(DATE, "17"));
        let c = moved(&doc, c, Motion::Word(VisualDirection::Left));
        assert_eq!(c.offset.0, after(DATE, "أوكتوبر"));
        let c = moved(&doc, c, Motion::Word(VisualDirection::Left));
        assert_eq!(c.offset.0, after(DATE, "تشرين"));
    }

    #[test]
    fn grapheme_left_is_forward_in_rtl_and_keeps_harakat_with_their_letter() {
        let text = "مُحَمَّدٌ رسول";
        let doc = layout(text, 2000.0);
        let c = moved(
            &doc,
            Cursor::after(CharOffset(0)),
            Motion::Grapheme(VisualDirection::Left),
        );
        assert_eq!(c.offset.0, 2, "م with its damma is one step");
        let c = moved(&doc, c, Motion::Grapheme(VisualDirection::Right));
        assert_eq!(c.offset.0, 0);
    }

    #[test]
    fn home_goes_to_the_right_end_of_an_rtl_line_and_end_to_its_last_letter() {
        let doc = layout(SAMPLE, 480.0);
        let line = doc.lines().nth(2).unwrap().clone();
        assert!(line.rtl && !line.boxes.is_empty());
        let inside = Cursor::after(CharOffset(line.chars.start.0 + 10));
        let home = moved(&doc, inside, Motion::LineStart);
        assert_eq!(home, Cursor::after(line.chars.start));
        let right_end = line.boxes.iter().map(|b| b.right).fold(f32::MIN, f32::max);
        assert!((doc.caret_x(home) - right_end).abs() < 0.5);
        let end = moved(&doc, inside, Motion::LineEnd);
        let line_text: String = SAMPLE
            .chars()
            .skip(line.chars.start.0)
            .take(line.chars.len())
            .collect();
        assert!(
            line_text.ends_with(' '),
            "a wrapped line, its space hanging"
        );
        let letters = line_text.trim_end().chars().count();
        assert_eq!(
            end,
            Cursor::before(CharOffset(line.chars.start.0 + letters))
        );
        assert_eq!(doc.line_index(end), doc.line_index(inside), "same line");
        // Drawn at the left end of the line's text, not off the edge with the hanging space.
        let left_letter = line
            .boxes
            .iter()
            .filter(|b| b.chars().end.0 <= line.chars.start.0 + letters)
            .map(|b| b.left)
            .fold(f32::MAX, f32::min);
        assert!((doc.caret_x(end) - left_letter).abs() < 0.5);
    }

    #[test]
    fn up_and_down_keep_the_x_across_a_short_line() {
        let doc = layout(SAMPLE, 480.0);
        let lines: Vec<_> = doc.lines().cloned().collect();
        // The first paragraph's last line, the empty line after it, the next paragraph's first.
        let short = lines.iter().position(|l| l.chars.is_empty()).unwrap();
        let above = &lines[short - 1];
        let below = &lines[short + 1];
        let start = doc.line_end(Cursor::after(above.chars.start));
        let x = doc.caret_x(start);
        let down = doc.move_caret(start, Motion::LineDown, None, 200.0);
        assert_eq!(doc.line_index(down.cursor), short);
        assert_eq!(down.goal_x, Some(x));
        let down2 = doc.move_caret(down.cursor, Motion::LineDown, down.goal_x, 200.0);
        assert_eq!(doc.line_index(down2.cursor), short + 1);
        assert!(
            (doc.caret_x(down2.cursor) - x).abs() < 25.0,
            "back near x {x}: {}",
            doc.caret_x(down2.cursor)
        );
        assert!(below.chars.contains(down2.cursor.offset));
        let up = doc.move_caret(down2.cursor, Motion::LineUp, down2.goal_x, 200.0);
        let up = doc.move_caret(up.cursor, Motion::LineUp, up.goal_x, 200.0);
        assert_eq!(up.cursor, start, "the same place again");
    }

    #[test]
    fn up_on_the_first_line_goes_to_the_start_and_down_on_the_last_to_the_end() {
        let doc = layout(DATE, 2000.0);
        let mid = Cursor::after(CharOffset(5));
        assert_eq!(
            moved(&doc, mid, Motion::LineUp),
            Cursor::after(CharOffset(0))
        );
        let end = moved(&doc, mid, Motion::LineDown);
        assert_eq!(end.offset.0, DATE.chars().count());
    }

    #[test]
    fn page_down_moves_a_screenful_and_page_up_comes_back() {
        let doc = layout(SAMPLE, 480.0);
        let line_height = doc.lines().next().unwrap().height;
        let start = Cursor::after(CharOffset(0));
        let page = 10.0 * line_height;
        let down = doc.move_caret(start, Motion::PageDown, None, page);
        assert_eq!(doc.line_index(down.cursor), 10);
        let up = doc.move_caret(down.cursor, Motion::PageUp, down.goal_x, page);
        assert_eq!(up.cursor, start);
        let far = doc.move_caret(start, Motion::PageDown, None, 1e6);
        assert_eq!(doc.line_index(far.cursor), doc.lines().count() - 1);
    }

    #[test]
    fn text_start_and_end() {
        let doc = layout(SAMPLE, 480.0);
        let mid = Cursor::after(CharOffset(100));
        assert_eq!(moved(&doc, mid, Motion::TextStart).offset.0, 0);
        let end = SAMPLE.trim_end_matches(['\n', '\r']).chars().count();
        let last_para_end = moved(&doc, mid, Motion::TextEnd).offset.0;
        assert!(last_para_end >= end, "{last_para_end} vs {end}");
        assert!(last_para_end <= SAMPLE.chars().count());
    }
}
