//! Whether any of a font's OpenType (or legacy `kern`/AAT) lookups can reach across a space
//! (U+0020). When none can, shaping a run word by word gives the same glyphs as shaping it whole
//! (a space never joins in Arabic either), so shaped words can be cached and reused; when one can
//! (kerning against the space, a ligature or contextual rule that matches it), the layout shapes
//! the whole run instead. Glyph ids are the font's.
//!
//! The check is conservative, as browsers do for their word caches: a lookup that *might* match
//! the space glyph (in any coverage, class or glyph sequence, in its input or its context) or skip
//! over it counts as reaching across.

use rustybuzz::ttf_parser::gdef::GlyphClass;
use rustybuzz::ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
use rustybuzz::ttf_parser::gsub::SubstitutionSubtable;
use rustybuzz::ttf_parser::opentype_layout::{
    ChainedContextLookup, ClassDefinition, ContextLookup, Coverage, LayoutTable,
};
use rustybuzz::ttf_parser::{Face, GlyphId};

/// True when no lookup of `face` can see across a space, so words may be shaped on their own.
pub fn words_shape_alone(face: &Face<'_>) -> bool {
    let space = face.glyph_index(' ').unwrap_or(GlyphId(0));
    let tables = face.tables();
    // Apple's state machines (morx, kerx, kern format 1) can match anything.
    if tables.morx.is_some() || tables.kerx.is_some() {
        return false;
    }
    if kern_touches(face, space) {
        return false;
    }
    // A lookup may skip the space when it ignores base glyphs (the space is one, by GDEF or by
    // default) or marks (if the font calls the space a mark).
    let skippable = match tables.gdef.and_then(|g| g.glyph_class(space)) {
        None | Some(GlyphClass::Base) => |flags: u16| flags & 0x0002 != 0,
        Some(_) => |flags: u16| flags & 0x001E != 0 || flags & 0xFF00 != 0,
    };
    let gsub_touches = tables.gsub.is_some_and(|t| {
        lookups_touch::<SubstitutionSubtable>(&t, space, skippable, gsub_subtable_touches)
    });
    let gpos_touches = tables.gpos.is_some_and(|t| {
        lookups_touch::<PositioningSubtable>(&t, space, skippable, gpos_subtable_touches)
    });
    !gsub_touches && !gpos_touches
}

/// True when a lookup of `table` can skip the space, or one of its subtables can match it.
fn lookups_touch<'a, T: rustybuzz::ttf_parser::opentype_layout::LookupSubtable<'a> + Copy>(
    table: &LayoutTable<'a>,
    space: GlyphId,
    skippable: fn(u16) -> bool,
    subtable_touches: fn(&T, GlyphId) -> bool,
) -> bool {
    table.lookups.into_iter().any(|lookup| {
        skippable(lookup.flags.0)
            || (0..lookup.subtables.len()).any(|i| match lookup.subtables.get::<T>(i) {
                Some(sub) => subtable_touches(&sub, space),
                // A subtable the parser cannot read: assume the worst.
                None => true,
            })
    })
}

fn gsub_subtable_touches(sub: &SubstitutionSubtable<'_>, space: GlyphId) -> bool {
    if sub.coverage().contains(space) {
        return true;
    }
    match sub {
        SubstitutionSubtable::Ligature(lig) => lig.ligature_sets.into_iter().any(|set| {
            set.into_iter()
                .any(|l| l.components.into_iter().any(|x| x == space))
        }),
        SubstitutionSubtable::Context(c) => context_touches(c, space),
        SubstitutionSubtable::ChainContext(c) => chained_touches(c, space),
        SubstitutionSubtable::ReverseChainSingle(r) => {
            any_covers(r.backtrack_coverages.into_iter(), space)
                || any_covers(r.lookahead_coverages.into_iter(), space)
        }
        _ => false,
    }
}

fn gpos_subtable_touches(sub: &PositioningSubtable<'_>, space: GlyphId) -> bool {
    match sub {
        // Marks after a space stay in the space's word, so attaching them to it is safe.
        PositioningSubtable::MarkToBase(_)
        | PositioningSubtable::MarkToLigature(_)
        | PositioningSubtable::MarkToMark(_) => false,
        _ if sub.coverage().contains(space) => true,
        PositioningSubtable::Pair(pair) => pair_second_touches(pair, space),
        PositioningSubtable::Context(c) => context_touches(c, space),
        PositioningSubtable::ChainContext(c) => chained_touches(c, space),
        _ => false,
    }
}

/// True when the space can be the second glyph of a kerning pair.
fn pair_second_touches(pair: &PairAdjustment<'_>, space: GlyphId) -> bool {
    match pair {
        PairAdjustment::Format1 { sets, .. } => {
            (0..sets.len()).any(|i| sets.get(i).is_none_or(|set| set.get(space).is_some()))
        }
        PairAdjustment::Format2 {
            classes, matrix, ..
        } => {
            let second = classes.1.get(space);
            (0u16..)
                .map_while(|first| matrix.get((first, second)))
                .any(|(a, b)| !is_zero(&a) || !is_zero(&b))
        }
    }
}

fn is_zero(v: &rustybuzz::ttf_parser::gpos::ValueRecord<'_>) -> bool {
    v.x_placement == 0
        && v.y_placement == 0
        && v.x_advance == 0
        && v.y_advance == 0
        && v.x_placement_device.is_none()
        && v.y_placement_device.is_none()
        && v.x_advance_device.is_none()
        && v.y_advance_device.is_none()
}

fn context_touches(c: &ContextLookup<'_>, space: GlyphId) -> bool {
    match c {
        ContextLookup::Format1 { sets, .. } => sets.into_iter().any(|set| {
            set.into_iter()
                .any(|rule| rule.input.into_iter().any(|x| x == space.0))
        }),
        ContextLookup::Format2 { classes, sets, .. } => {
            let class = class_of(classes, space);
            sets.into_iter().any(|set| {
                set.into_iter()
                    .any(|rule| rule.input.into_iter().any(|x| x == class))
            })
        }
        ContextLookup::Format3 { coverages, .. } => any_covers(coverages.into_iter(), space),
    }
}

fn chained_touches(c: &ChainedContextLookup<'_>, space: GlyphId) -> bool {
    match c {
        ChainedContextLookup::Format1 { sets, .. } => sets.into_iter().any(|set| {
            set.into_iter().any(|rule| {
                rule.backtrack.into_iter().any(|x| x == space.0)
                    || rule.input.into_iter().any(|x| x == space.0)
                    || rule.lookahead.into_iter().any(|x| x == space.0)
            })
        }),
        ChainedContextLookup::Format2 {
            backtrack_classes,
            input_classes,
            lookahead_classes,
            sets,
            ..
        } => {
            let (b, i, l) = (
                class_of(backtrack_classes, space),
                class_of(input_classes, space),
                class_of(lookahead_classes, space),
            );
            sets.into_iter().any(|set| {
                set.into_iter().any(|rule| {
                    rule.backtrack.into_iter().any(|x| x == b)
                        || rule.input.into_iter().any(|x| x == i)
                        || rule.lookahead.into_iter().any(|x| x == l)
                })
            })
        }
        ChainedContextLookup::Format3 {
            backtrack_coverages,
            input_coverages,
            lookahead_coverages,
            ..
        } => {
            any_covers(backtrack_coverages.into_iter(), space)
                || any_covers(input_coverages.into_iter(), space)
                || any_covers(lookahead_coverages.into_iter(), space)
        }
    }
}

/// The class of the space in a class definition (0, "every other glyph", when not listed).
fn class_of(classes: &ClassDefinition<'_>, space: GlyphId) -> u16 {
    classes.get(space)
}

fn any_covers<'a>(mut coverages: impl Iterator<Item = Coverage<'a>>, space: GlyphId) -> bool {
    coverages.any(|c| c.contains(space))
}

/// True when the legacy `kern` table has a pair with the space on either side (or a state
/// machine, which can match anything).
fn kern_touches(face: &Face<'_>, space: GlyphId) -> bool {
    let Some(kern) = face.tables().kern else {
        return false;
    };
    let glyphs = face.number_of_glyphs();
    kern.subtables.into_iter().any(|sub| {
        sub.has_state_machine
            || (0..glyphs).any(|g| {
                let g = GlyphId(g);
                sub.glyphs_kerning(space, g).is_some_and(|v| v != 0)
                    || sub.glyphs_kerning(g, space).is_some_and(|v| v != 0)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::faces::Faces;
    use crate::text::fonts::FontSet;

    #[test]
    fn the_embedded_fonts_shape_words_alone() {
        let set = FontSet::embedded();
        let faces = Faces::new(&set);
        for id in [set.primary(), set.latin()] {
            let face = faces.face(id).expect("embedded font parses");
            assert!(words_shape_alone(face), "{}", set.name(id));
        }
    }
}
