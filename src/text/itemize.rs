//! Itemizing a paragraph into runs of equal bidi level, script and font, with per-char font
//! fallback by cmap lookup. Indices are chars relative to the paragraph; ranges are half-open.

use super::faces::Faces;
use super::fonts::FontId;
use std::ops::Range;
use unicode_script::{Script, UnicodeScript};

/// A run of chars shaped together: one level, one script, one font.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Char indices relative to the paragraph.
    pub chars: Range<usize>,
    /// Bidi embedding level (odd is right to left).
    pub level: u8,
    /// The font every char of the run is drawn with.
    pub font: FontId,
    /// The run's script (common chars take their neighbours' script).
    pub script: Script,
}

/// True for chars that belong to the char before them (for font choice, and for the shaper, which
/// merges them into the previous cluster): combining marks, joiners, invisible format chars and
/// variation selectors.
pub fn sticks_to_base(c: char) -> bool {
    sticks_to_base_with(c, script_of(c))
}

/// [`sticks_to_base`] with the char's script already known.
fn sticks_to_base_with(c: char, script: Script) -> bool {
    matches!(script, Script::Inherited)
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
        )
        || is_arabic_mark(c)
}

/// Arabic combining marks (harakat, shadda, small high letters) that are not `Inherited`.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// The Unicode script of `c`, with a table for ASCII and the Arabic block (most of the text; the
/// general lookup is a binary search over every script range).
pub fn script_of(c: char) -> Script {
    static TABLE: std::sync::OnceLock<Vec<Script>> = std::sync::OnceLock::new();
    let code = c as u32;
    if code < 0x80 || (0x0600..0x0700).contains(&code) {
        let table = TABLE.get_or_init(|| {
            (0u32..0x80)
                .chain(0x0600..0x0700)
                .map(|u| char::from_u32(u).map_or(Script::Unknown, |ch| ch.script()))
                .collect()
        });
        let index = if code < 0x80 {
            code
        } else {
            code - 0x0600 + 0x80
        };
        table[index as usize]
    } else {
        c.script()
    }
}

fn is_neutral_script(s: Script) -> bool {
    matches!(s, Script::Common | Script::Inherited | Script::Unknown)
}

/// The script of each char, with common and inherited chars taking the script of the nearest
/// strong-script char before them (or after them at the paragraph start); Latin when there is none.
pub fn resolve_scripts(chars: &[char]) -> Vec<Script> {
    let raw: Vec<Script> = chars.iter().map(|&c| script_of(c)).collect();
    resolve_from_raw(&raw)
}

fn resolve_from_raw(raw: &[Script]) -> Vec<Script> {
    let mut out = raw.to_vec();
    let first_real = out.iter().copied().find(|s| !is_neutral_script(*s));
    let mut current = first_real.unwrap_or(Script::Latin);
    for s in out.iter_mut() {
        if is_neutral_script(*s) {
            *s = current;
        } else {
            current = *s;
        }
    }
    out
}

/// What itemizing needs to know of one common char (ASCII or the Arabic block), found once per
/// layout pass instead of per char: the script, whether it sticks to its base, and whether the
/// primary and Latin fonts have it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CommonChar {
    script: Script,
    sticks: bool,
    in_primary: bool,
    in_latin: bool,
}

/// [`CommonChar`] facts for U+0000–U+007F and U+0600–U+06FF (most of an Arabic news text).
pub(crate) struct CommonChars {
    table: Box<[CommonChar]>,
}

impl CommonChars {
    /// The facts of every common char for the fonts of `faces`.
    pub(crate) fn new(faces: &Faces<'_>) -> Self {
        let fonts = faces.fonts();
        let table = (0u32..0x80)
            .chain(0x0600..0x0700)
            .map(|u| {
                let c = char::from_u32(u).unwrap_or('\0');
                let script = c.script();
                CommonChar {
                    script,
                    sticks: sticks_to_base_with(c, script),
                    in_primary: faces.has_glyph(fonts.primary(), c),
                    in_latin: faces.has_glyph(fonts.latin(), c),
                }
            })
            .collect();
        Self { table }
    }

    fn get(&self, c: char) -> Option<&CommonChar> {
        let code = c as u32;
        let index = match code {
            0..=0x7F => code,
            0x0600..=0x06FF => code - 0x0600 + 0x80,
            _ => return None,
        };
        self.table.get(index as usize)
    }
}

/// Splits a paragraph into items. `levels` has one level per char.
pub fn itemize(chars: &[char], levels: &[u8], faces: &Faces<'_>) -> Vec<Item> {
    let common = faces.common_chars();
    let raw: Vec<Script> = chars
        .iter()
        .map(|&c| common.get(c).map_or_else(|| c.script(), |f| f.script))
        .collect();
    // Scripts resolved on the way (see `resolve_from_raw`): neutral chars take the last strong one.
    let mut current = raw
        .iter()
        .copied()
        .find(|s| !is_neutral_script(*s))
        .unwrap_or(Script::Latin);
    let mut items: Vec<Item> = Vec::new();
    let mut prev: Option<FontId> = None;
    for (i, (&c, &raw)) in chars.iter().zip(&raw).enumerate() {
        if !is_neutral_script(raw) {
            current = raw;
        }
        let font = match common.get(c) {
            Some(facts) => font_for_common(facts, c, current, prev, faces),
            None => font_for(c, raw, current, prev, faces),
        };
        prev = Some(font);
        match items.last_mut() {
            Some(it) if it.level == levels[i] && it.font == font && it.script == current => {
                it.chars.end = i + 1;
            }
            _ => items.push(Item {
                chars: i..i + 1,
                level: levels[i],
                font,
                script: current,
            }),
        }
    }
    items
}

/// [`font_for`] for a common char, answered from its facts where the font is the primary or the
/// Latin one (the same answers, without a cmap lookup per char).
fn font_for_common(
    facts: &CommonChar,
    c: char,
    script: Script,
    prev: Option<FontId>,
    faces: &Faces<'_>,
) -> FontId {
    let fonts = faces.fonts();
    let has = |id: FontId| {
        if id == fonts.primary() {
            facts.in_primary
        } else if id == fonts.latin() {
            facts.in_latin
        } else {
            faces.has_glyph(id, c)
        }
    };
    if let Some(p) = prev {
        if facts.sticks || (is_neutral_script(facts.script) && has(p)) {
            return p;
        }
    }
    let prefer_latin = script != Script::Arabic;
    let first = if prefer_latin {
        fonts.latin()
    } else {
        fonts.primary()
    };
    if has(first) {
        return first;
    }
    fonts
        .fallback_order(prefer_latin)
        .find(|&id| has(id))
        .unwrap_or(first)
}

/// The font of `c` (raw script `raw`, resolved script `script`), the char before it in `prev`.
fn font_for(
    c: char,
    raw: Script,
    script: Script,
    prev: Option<FontId>,
    faces: &Faces<'_>,
) -> FontId {
    let fonts = faces.fonts();
    if let Some(p) = prev {
        if sticks_to_base_with(c, raw) {
            return p;
        }
        // Common chars (digits, spaces, punctuation) stay in the previous char's font when it
        // has them, so a run is not split needlessly.
        if is_neutral_script(raw) && faces.has_glyph(p, c) {
            return p;
        }
    }
    let prefer_latin = script != Script::Arabic;
    let first = if prefer_latin {
        fonts.latin()
    } else {
        fonts.primary()
    };
    // The first font of the fallback order, which has most chars, answers without the walk.
    if faces.has_glyph(first, c) {
        return first;
    }
    fonts
        .fallback_order(prefer_latin)
        .find(|&id| faces.has_glyph(id, c))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::FontSet;

    fn items_of(text: &str, level: u8) -> (FontSet, Vec<Item>) {
        let set = FontSet::embedded();
        let chars: Vec<char> = text.chars().collect();
        let levels = vec![level; chars.len()];
        let items = {
            let faces = Faces::new(&set);
            itemize(&chars, &levels, &faces)
        };
        (set, items)
    }

    #[test]
    fn latin_name_inside_arabic_gets_the_latin_font() {
        let (set, items) = items_of("قالت Reuters إن", 1);
        let names: Vec<&str> = items.iter().map(|i| set.name(i.font)).collect();
        assert_eq!(
            names,
            [
                "NotoNaskhArabic-Regular",
                "NotoSans-Regular",
                "NotoNaskhArabic-Regular"
            ]
        );
        // The space after the name is common and stays in the previous char's font and script.
        assert_eq!(items[1].chars, 5..13);
        assert_eq!(items[1].script, Script::Latin);
    }

    #[test]
    fn script_table_agrees_with_the_general_lookup() {
        for u in (0u32..0x80).chain(0x0600..0x0700) {
            let c = char::from_u32(u).expect("scalar");
            assert_eq!(script_of(c), c.script(), "U+{u:04X}");
        }
        assert_eq!(script_of('ب'), Script::Arabic);
        assert_eq!(script_of('،'), Script::Common);
        assert_eq!(script_of('é'), Script::Latin);
    }

    /// Items by a cmap lookup for every char (what `itemize` did before its common-char table).
    fn items_by_lookup(chars: &[char], levels: &[u8], faces: &Faces<'_>) -> Vec<Item> {
        let raw: Vec<Script> = chars.iter().map(|&c| c.script()).collect();
        let scripts = resolve_from_raw(&raw);
        let mut items: Vec<Item> = Vec::new();
        let mut prev = None;
        for (i, &c) in chars.iter().enumerate() {
            let font = font_for(c, raw[i], scripts[i], prev, faces);
            prev = Some(font);
            match items.last_mut() {
                Some(it) if it.level == levels[i] && it.font == font && it.script == scripts[i] => {
                    it.chars.end = i + 1
                }
                _ => items.push(Item {
                    chars: i..i + 1,
                    level: levels[i],
                    font,
                    script: scripts[i],
                }),
            }
        }
        items
    }

    #[test]
    fn common_char_table_gives_the_items_of_a_lookup_per_char() {
        let sample = include_str!("../../assets/samples/news-ar-001.txt");
        let mixed = "(غرفة) قالت Reuters: «١٢٣» 45% — мир 東京 ﷺ مُحَمَّدٌ\u{200D}ـ x\u{0301}ب";
        let set = FontSet::embedded();
        let faces = Faces::new(&set);
        for text in [sample, mixed, "  ", "٣٤ (x)"] {
            let chars: Vec<char> = text.chars().collect();
            for level in [0, 1] {
                let levels = vec![level; chars.len()];
                assert_eq!(
                    itemize(&chars, &levels, &faces),
                    items_by_lookup(&chars, &levels, &faces),
                    "{text:?} at level {level}"
                );
            }
        }
    }

    #[test]
    fn harakat_stay_in_one_run_with_their_base() {
        let (_, items) = items_of("مُحَمَّدٌ", 1);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].script, Script::Arabic);
    }

    #[test]
    fn parentheses_fall_back_to_the_font_that_has_them() {
        // Noto Naskh Arabic has no ASCII parentheses (checked with its cmap in fonts::tests style).
        let set = FontSet::embedded();
        let faces = Faces::new(&set);
        assert!(!faces.has_glyph(set.primary(), '('));
        let (set, items) = items_of("(غرفة)", 1);
        assert_eq!(set.name(items[0].font), "NotoSans-Regular");
        assert_eq!(set.name(items[1].font), "NotoNaskhArabic-Regular");
        assert_eq!(items[0].script, Script::Arabic);
    }
}
