//! Bidi (UAX #9) for one paragraph with `unicode-bidi`: embedding levels per char, line levels after
//! rule L1, and visual order by rule L2; and the bidi controls of a text with their short names,
//! for views that show them. Indices are chars relative to the paragraph; [`bidi_controls`] gives
//! chars into the whole text.

use crate::offset::CharOffset;
use std::ops::Range;
use unicode_bidi::{BidiClass, BidiDataSource, Direction, Level, ParagraphBidiInfo};

mod numbers;

/// Which way a paragraph runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BaseDirection {
    /// From the first strong char (rules P2, P3); right to left when there is none.
    #[default]
    Auto,
    /// Right to left.
    Rtl,
    /// Left to right.
    Ltr,
}

/// Resolved bidi levels of one paragraph.
pub struct ParagraphBidi<'t> {
    /// `unicode-bidi`'s resolution, or `None` when the paragraph was resolved here (see
    /// [`numbers`]).
    info: Option<ParagraphBidiInfo<'t>>,
    /// When resolved here with numbers inside a right-to-left paragraph: each char's bidi class
    /// (for rule L1); empty when every char has the paragraph's level.
    classes: Vec<BidiClass>,
    /// The paragraph embedding level.
    paragraph_level: Level,
    /// Byte offset of each char, plus one for the end (empty when `info` is `None`).
    byte_of_char: Vec<usize>,
    /// Level of each char (before line rules).
    levels: Vec<u8>,
}

impl<'t> ParagraphBidi<'t> {
    /// Resolves the levels of `text` (one paragraph, no separators inside). `Auto` falls back to
    /// right to left when the paragraph has no strong char.
    pub fn new(text: &'t str, direction: BaseDirection) -> Self {
        Self::with_fallback(text, direction, true)
    }

    /// Like [`ParagraphBidi::new`], but `Auto` falls back to `rtl_fallback` (UAX #9 itself falls
    /// back to left to right, as its conformance tests expect).
    pub fn with_fallback(text: &'t str, direction: BaseDirection, rtl_fallback: bool) -> Self {
        let level = match direction {
            BaseDirection::Ltr => Some(Level::ltr()),
            BaseDirection::Rtl => Some(Level::rtl()),
            // Rules P2 and P3 (isolates skipped); `Mixed` means no strong char.
            BaseDirection::Auto => match unicode_bidi::get_base_direction(text) {
                Direction::Ltr => Some(Level::ltr()),
                Direction::Rtl => Some(Level::rtl()),
                Direction::Mixed if rtl_fallback => Some(Level::rtl()),
                Direction::Mixed => Some(Level::ltr()),
            },
        };
        let paragraph_level = level.unwrap_or(Level::ltr());
        if uniform_level(text, paragraph_level.is_rtl()) {
            // No char table needed: only `line_levels` with `info` reads it.
            return Self {
                info: None,
                classes: Vec::new(),
                paragraph_level,
                byte_of_char: Vec::new(),
                levels: vec![paragraph_level.number(); text.chars().count()],
            };
        }
        if paragraph_level.is_rtl() {
            if let Some(classes) = numbers::classes(text) {
                return Self {
                    info: None,
                    levels: numbers::levels(&classes),
                    classes,
                    paragraph_level,
                    byte_of_char: Vec::new(),
                };
            }
        }
        let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of_char.push(text.len());
        let chars = byte_of_char.len() - 1;
        let info = ParagraphBidiInfo::new_with_data_source(&TableBidiData, text, level);
        let levels = byte_of_char[..chars]
            .iter()
            .map(|&b| info.levels[b].number())
            .collect();
        Self {
            paragraph_level: info.paragraph_level,
            info: Some(info),
            classes: Vec::new(),
            byte_of_char,
            levels,
        }
    }

    /// The level of every char of every line, when they all share one (what
    /// [`ParagraphBidi::line_levels`] would give each char), so a line needs no level array.
    pub fn uniform_level(&self) -> Option<u8> {
        match &self.info {
            None if self.classes.is_empty() => Some(self.paragraph_level.number()),
            None => None,
            Some(info) if !info.has_rtl() && !self.is_rtl() => Some(0),
            Some(_) => None,
        }
    }

    /// True when the paragraph runs right to left.
    pub fn is_rtl(&self) -> bool {
        self.paragraph_level.is_rtl()
    }

    /// The paragraph embedding level (0 or 1).
    pub fn paragraph_level(&self) -> u8 {
        self.paragraph_level.number()
    }

    /// Resolved level of each char of the paragraph (before the line rule L1).
    pub fn levels(&self) -> &[u8] {
        &self.levels
    }

    /// True when every char has the paragraph level, on every line (no reordering inside).
    pub fn is_uniform(&self) -> bool {
        self.info.is_none() && self.classes.is_empty()
    }

    /// Levels of the chars of `line` (char indices) after rule L1 (trailing whitespace and
    /// separators go back to the paragraph level), one per char of the line. Linear in the
    /// line's length, whatever the paragraph's.
    pub fn line_levels(&self, line: Range<usize>) -> Vec<u8> {
        if line.is_empty() {
            return Vec::new();
        }
        let Some(info) = &self.info else {
            if self.classes.is_empty() {
                return vec![self.paragraph_level.number(); line.len()];
            }
            let mut levels = self.levels[line.clone()].to_vec();
            let classes = self.classes[line].iter().copied();
            reset_line_levels(classes, &mut levels, self.paragraph_level.number());
            return levels;
        };
        if !info.has_rtl() && !self.is_rtl() {
            return vec![0; line.len()];
        }
        let mut levels = self.levels[line.clone()].to_vec();
        let classes = self.byte_of_char[line.clone()]
            .iter()
            .map(|&b| info.original_classes[b]);
        reset_line_levels(classes, &mut levels, self.paragraph_level.number());
        levels
    }

    /// Visual order of the chars of `line` (char indices relative to the line start), left to right.
    pub fn reorder_line(&self, line: Range<usize>) -> Vec<usize> {
        visual_order(&self.line_levels(line))
    }
}

/// Rule L1 on one line: segment separators, and whitespace or isolate controls before one or at
/// the line's end, go back to the paragraph level; chars removed by rule X9 (embedding controls,
/// boundary neutrals) take the level of the char before them and count as whitespace there.
fn reset_line_levels(classes: impl Iterator<Item = BidiClass>, levels: &mut [u8], para: u8) {
    use BidiClass::{B, BN, FSI, LRE, LRI, LRO, PDF, PDI, RLE, RLI, RLO, S, WS};
    // Start of the current run of whitespace-like chars that would be reset, if any.
    let mut pending: Option<usize> = None;
    let mut prev = para;
    for (i, class) in classes.enumerate() {
        match class {
            B | S => {
                let from = pending.take().unwrap_or(i);
                levels[from..=i].fill(para);
            }
            WS | FSI | LRI | RLI | PDI => {
                pending.get_or_insert(i);
            }
            RLE | LRE | RLO | LRO | PDF | BN => {
                pending.get_or_insert(i);
                levels[i] = prev;
            }
            _ => pending = None,
        }
        prev = levels[i];
    }
    if let Some(from) = pending {
        levels[from..].fill(para);
    }
}

/// Bidi classes with a table for ASCII and the Arabic block (most of the text here), the crate's
/// binary search over every range for the rest.
struct TableBidiData;

impl BidiDataSource for TableBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        class_of(c)
    }
}

/// The bidi class of `c` (table for ASCII and the Arabic block).
pub(crate) fn class_of(c: char) -> BidiClass {
    static TABLE: std::sync::OnceLock<Vec<BidiClass>> = std::sync::OnceLock::new();
    let code = c as u32;
    let index = match code {
        0..0x80 => code,
        0x0600..0x0700 => code - 0x0600 + 0x80,
        _ => return unicode_bidi::bidi_class(c),
    };
    let table = TABLE.get_or_init(|| {
        (0u32..0x80)
            .chain(0x0600..0x0700)
            .map(|u| char::from_u32(u).map_or(BidiClass::ON, unicode_bidi::bidi_class))
            .collect()
    });
    table[index as usize]
}

/// True when every char of a paragraph at this level resolves to the paragraph level by the
/// rules of UAX #9: in a right-to-left paragraph, right-to-left letters, marks, whitespace,
/// separators, terminators and other neutrals (no left-to-right letter, no digit, no control);
/// in a left-to-right one, left-to-right letters, European digits, marks and the same neutrals.
fn uniform_level(text: &str, rtl: bool) -> bool {
    use BidiClass::{AL, CS, EN, ES, ET, L, NSM, ON, R, WS};
    text.chars().all(|c| match class_of(c) {
        NSM | WS | ON | CS | ES | ET => true,
        R | AL => rtl,
        L | EN => !rtl,
        _ => false,
    })
}

/// Rule L2: the visual order (left to right) of items with the given levels, as indices into
/// `levels`. Items may be chars or whole runs of one level.
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    if let Some(&first) = levels
        .first()
        .filter(|_| levels.iter().all(|&l| l == levels[0]))
    {
        // One level (most lines of prose): kept as it is when even, reversed when odd.
        return if first % 2 == 0 {
            (0..levels.len()).collect()
        } else {
            (0..levels.len()).rev().collect()
        };
    }
    let levels: Vec<Level> = levels
        .iter()
        // Levels come from unicode-bidi itself, so they are always within the valid range.
        .map(|&l| Level::new(l).unwrap_or(Level::ltr()))
        .collect();
    ParagraphBidiInfo::reorder_visual(&levels)
}

/// A bidi control in a text: invisible, and able to reorder what is drawn around it (the
/// Trojan Source trick), so a view shows it by its short name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BidiControl {
    /// Where it is (chars into the text).
    pub offset: CharOffset,
    /// Unicode's abbreviation: LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM or ALM.
    pub name: &'static str,
    /// True for the embeddings, overrides and isolates, which reorder a whole stretch of text;
    /// false for the marks (LRM, RLM, ALM), which only act as a strong letter where they stand.
    pub reorders: bool,
}

/// The short name of bidi control `c` and whether it reorders a stretch of text (see
/// [`BidiControl`]); `None` for any other char. The same chars as
/// [`crate::model::text_format::is_bidi_control`].
pub fn control_name(c: char) -> Option<(&'static str, bool)> {
    let named = match c {
        '\u{202A}' => ("LRE", true),
        '\u{202B}' => ("RLE", true),
        '\u{202C}' => ("PDF", true),
        '\u{202D}' => ("LRO", true),
        '\u{202E}' => ("RLO", true),
        '\u{2066}' => ("LRI", true),
        '\u{2067}' => ("RLI", true),
        '\u{2068}' => ("FSI", true),
        '\u{2069}' => ("PDI", true),
        '\u{200E}' => ("LRM", false),
        '\u{200F}' => ("RLM", false),
        '\u{061C}' => ("ALM", false),
        _ => return None,
    };
    Some(named)
}

/// Every bidi control of `text`, in text order.
pub fn bidi_controls(text: &str) -> Vec<BidiControl> {
    // Every control is U+061C (D8 9C) or starts with E2: memchr finds those bytes and chars are
    // counted between them by bytes, so a 10 MB file is not decoded char by char here.
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut chars, mut counted_to) = (0usize, 0usize);
    for hit in memchr::memchr2_iter(0xE2, 0x9C, bytes) {
        let start = if bytes[hit] == 0x9C { hit - 1 } else { hit };
        if start < counted_to || !crate::offset::is_char_start(bytes[start]) {
            continue;
        }
        let Some((name, reorders)) = text
            .get(start..)
            .and_then(|rest| rest.chars().next())
            .and_then(control_name)
        else {
            continue;
        };
        chars += crate::offset::count_chars(&bytes[counted_to..start]);
        out.push(BidiControl {
            offset: CharOffset(chars),
            name,
            reorders,
        });
        chars += 1;
        counted_to = start + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_order_is_rule_l2_of_unicode_bidi() {
        let cases: [&[u8]; 8] = [
            &[],
            &[0],
            &[1, 1, 1, 1],
            &[2, 2, 2],
            &[3, 3],
            &[1, 2, 2, 1, 1],
            &[0, 1, 1, 0],
            &[1, 2, 3, 2, 1],
        ];
        for levels in cases {
            let as_levels: Vec<Level> = levels.iter().map(|&l| Level::new(l).unwrap()).collect();
            let expected = ParagraphBidiInfo::reorder_visual(&as_levels);
            assert_eq!(visual_order(levels), expected, "{levels:?}");
        }
    }

    #[test]
    fn bidi_controls_are_found_among_chars_sharing_their_bytes() {
        // “ (E2 80 9C), – (E2 80 93), U+069C and U+065C share bytes with the controls.
        let text = "“\u{069C}\u{065C}”\u{061C}–\u{2067}x\u{200E}😀\u{2069}";
        let expected: Vec<(usize, &str)> = text
            .chars()
            .enumerate()
            .filter_map(|(i, c)| control_name(c).map(|(name, _)| (i, name)))
            .collect();
        let found: Vec<(usize, &str)> = bidi_controls(text)
            .iter()
            .map(|c| (c.offset.0, c.name))
            .collect();
        assert_eq!(found, expected);
        assert_eq!(found.len(), 4);
    }

    #[test]
    fn bidi_controls_are_found_by_char_with_their_names() {
        let text = "قال \u{202E}abc\u{202C} و\u{200F}x\u{2067}";
        let found: Vec<(usize, &str, bool)> = bidi_controls(text)
            .iter()
            .map(|c| (c.offset.0, c.name, c.reorders))
            .collect();
        assert_eq!(
            found,
            [
                (4, "RLO", true),
                (8, "PDF", true),
                (11, "RLM", false),
                (13, "RLI", true)
            ]
        );
        // The same set as the check that keeps them out of terminals and reports.
        for c in ('\u{0}'..='\u{3000}').chain(['\u{FEFF}', '\u{E0001}']) {
            assert_eq!(
                control_name(c).is_some(),
                crate::model::text_format::is_bidi_control(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn digits_in_arabic_keep_their_order() {
        let text = "17 أكتوبر";
        let bidi = ParagraphBidi::new(text, BaseDirection::Auto);
        assert!(bidi.is_rtl());
        let order = bidi.reorder_line(0..text.chars().count());
        // Drawn left to right: the Arabic word reversed, the space, then "1" before "7".
        assert_eq!(order, vec![8, 7, 6, 5, 4, 3, 2, 0, 1]);
    }

    #[test]
    fn auto_without_strong_chars_is_rtl_unless_asked() {
        assert!(ParagraphBidi::new("123", BaseDirection::Auto).is_rtl());
        assert!(!ParagraphBidi::with_fallback("123", BaseDirection::Auto, false).is_rtl());
        assert!(!ParagraphBidi::new("abc ب", BaseDirection::Auto).is_rtl());
        assert!(ParagraphBidi::new("abc", BaseDirection::Rtl).is_rtl());
    }
}
