//! Property tests of the layout on random mixed Arabic/Latin text: lines cover every char once,
//! every char is in exactly one run, and caret → hit gives back every grapheme boundary; hollowed
//! lines refill, and a layout laid out out of order in any order ends in the full layout.

use hamish::offset::CharOffset;
use hamish::text::{
    Affinity, BaseDirection, Cursor, FontSet, LayoutCache, LayoutParams, TextLayout,
    VisualDirection,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces random texts are made of: Arabic letters and words, harakat, lam-alef, Latin, digits,
/// punctuation, spaces and paragraph separators.
const PIECES: &[&str] = &[
    "ب",
    "ت",
    "ع",
    "ه",
    "ل",
    "ا",
    "لا",
    "َ",
    "ُّ",
    "ـ",
    "محمد",
    "الأخبار",
    "Reuters",
    "BBC",
    "a",
    "Z",
    "17",
    "٢٠٢٤",
    "(",
    ")",
    "«",
    "»",
    "\"",
    ".",
    "،",
    " ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\u{200D}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn direction_strategy() -> impl Strategy<Value = BaseDirection> {
    prop::sample::select(vec![
        BaseDirection::Auto,
        BaseDirection::Rtl,
        BaseDirection::Ltr,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn layout_covers_text_and_carets_round_trip(
        text in text_strategy(),
        width in 40.0f32..600.0,
        direction in direction_strategy(),
    ) {
        let params = LayoutParams { font_size: 18.0, width, direction, line_height: 1.6 };
        let doc = TextLayout::new(&text, &FontSet::embedded(), &params, &mut LayoutCache::default());
        let chars: Vec<char> = text.chars().collect();

        // Each non-separator char is on exactly one line and in exactly one run.
        let mut line_hits = vec![0u32; chars.len()];
        let mut run_hits = vec![0u32; chars.len()];
        for line in doc.lines() {
            for hits in &mut line_hits[line.chars.start.0..line.chars.end.0] {
                *hits += 1;
            }
            for run in &line.runs {
                prop_assert!(line.chars.start <= run.chars.start && run.chars.end <= line.chars.end);
                for hits in &mut run_hits[run.chars.start.0..run.chars.end.0] {
                    *hits += 1;
                }
                for g in &run.glyphs {
                    prop_assert!(run.chars.contains(g.cluster()));
                }
            }
        }
        for (i, c) in chars.iter().enumerate() {
            let expected = u32::from(!matches!(c, '\n' | '\r'));
            prop_assert_eq!(line_hits[i], expected, "char {} {:?}", i, c);
            prop_assert_eq!(run_hits[i], expected, "char {} {:?}", i, c);
        }

        // Caret → hit → the same offset, at every grapheme boundary of every paragraph.
        let mut offset = 0usize;
        let mut boundaries = vec![0usize];
        for g in text.graphemes(true) {
            offset += g.chars().count();
            boundaries.push(offset);
        }
        for o in boundaries {
            // "\r\n" is one grapheme; its inside is not a caret position anyway.
            for affinity in [Affinity::After, Affinity::Before] {
                let c = Cursor { offset: CharOffset(o), affinity };
                let rect = doc.caret_rect(c);
                let back = doc.hit(rect.center());
                let expected = doc.snap_to_grapheme(CharOffset(o));
                if back.offset != expected {
                    // Only a grapheme with no width (a lone mark with no base) may hide an offset:
                    // then the offset hit instead is drawn at the same place.
                    let other = doc.caret_rect(back);
                    prop_assert!(
                        (other.center().x - rect.center().x).abs() <= 1.01
                            && (other.center().y - rect.center().y).abs() < 0.01,
                        "offset {} {:?}: caret {:?} hit back {:?} at {:?}", o, affinity, rect, back, other
                    );
                }
            }
        }

        // Every query answers something sensible for every offset, including separators.
        for o in 0..=chars.len() {
            let at = CharOffset(o);
            let w = doc.word_at(at);
            // The word holds the offset, or ends where the offset snaps to (paragraph ends).
            prop_assert!(w.start <= at && (at < w.end || w.end == doc.snap_to_grapheme(at)));
            prop_assert!(doc.snap_to_grapheme(at) <= at);
            for dir in [VisualDirection::Left, VisualDirection::Right] {
                let moved = doc.move_visual(Cursor::after(at), dir);
                prop_assert!(moved.offset.0 <= chars.len());
            }
            let fwd = doc.move_logical(Cursor::after(at), true);
            let back = doc.move_logical(Cursor::after(at), false);
            prop_assert!(fwd.offset >= at.min(CharOffset(chars.len())) && back.offset <= at);
        }
    }
}

/// A text laid out whole, and laid out only to its first paragraph (the rest estimated) with
/// the window's kind of cache, for tests that finish the second and compare.
struct Partial {
    fonts: FontSet,
    full: TextLayout,
    cache: LayoutCache,
    doc: TextLayout,
}

fn partial(text: &str, width: f32, direction: BaseDirection) -> Partial {
    let fonts = FontSet::embedded();
    let params = LayoutParams {
        font_size: 18.0,
        width,
        direction,
        line_height: 1.6,
    };
    let full = TextLayout::new(text, &fonts, &params, &mut LayoutCache::default());
    let mut cache = LayoutCache::without_paragraphs();
    let doc = TextLayout::new_until(text, &fonts, &params, &mut cache, 0.0);
    Partial {
        fonts,
        full,
        cache,
        doc,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A layout whose lines outside a band are hollowed answers every query without failing, and
    /// once its paragraphs are filled again (one by one, by char) it equals the full layout.
    #[test]
    fn hollowed_lines_refill_to_the_full_layout(
        pieces in prop::collection::vec(text_strategy(), 1..6),
        width in 40.0f32..600.0,
        direction in direction_strategy(),
        band_top in 0.0f32..1.0,
    ) {
        let text = pieces.join("\n");
        let Partial { fonts, full, mut cache, mut doc } = partial(&text, width, direction);
        let y = band_top * full.height();
        doc.keep_filled(&fonts, &mut cache, (y, y + 30.0), &[]);
        doc.finish(&fonts, &mut cache);
        let chars = text.chars().count();
        for o in 0..=chars {
            let c = Cursor::after(CharOffset(o));
            let rect = doc.caret_rect(c);
            let _ = doc.hit(rect.center());
            let _ = doc.range_rects(hamish::offset::CharRange::from_indices(o, chars));
            for dir in [VisualDirection::Left, VisualDirection::Right] {
                prop_assert!(doc.move_visual(c, dir).offset.0 <= chars);
                prop_assert!(doc.move_word_visual(c, dir).offset.0 <= chars);
            }
        }
        for (a, b) in doc.lines().zip(full.lines()) {
            prop_assert_eq!((a.chars, a.top, a.height), (b.chars, b.top, b.height));
        }
        for o in 0..=chars {
            doc.fill_chars(&fonts, &mut cache, hamish::offset::CharRange::from_indices(o, o));
        }
        prop_assert_eq!(doc.filled_line_count(), full.lines().count());
        prop_assert!(doc.lines().eq(full.lines()));
    }
}

/// One step of laying out a partial layout: a band by y, the text near a char, the end, or a
/// slice from the top (positions as shares of the estimated height or of the text).
#[derive(Debug, Clone)]
enum Step {
    Band(f32, f32),
    Near(f32),
    End,
    Slice,
}

fn step_strategy() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0.0f32..1.0, 0.0f32..200.0).prop_map(|(at, h)| Step::Band(at, h)),
        (0.0f32..1.0).prop_map(Step::Near),
        Just(Step::End),
        Just(Step::Slice),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Laid out out of order in any order (bands, near chars, the end, slices from the top,
    /// with glyphs kept only near a band), a layout keeps every char on one line, its lines
    /// sorted and stacked, every query answering, and once finished equals the full layout.
    #[test]
    fn out_of_order_layout_ends_in_the_full_layout(
        pieces in prop::collection::vec(text_strategy(), 1..12),
        width in 40.0f32..600.0,
        direction in direction_strategy(),
        steps in prop::collection::vec(step_strategy(), 0..8),
        hollow in any::<bool>(),
    ) {
        let text = pieces.join("\n");
        let Partial { fonts, full, mut cache, mut doc } = partial(&text, width, direction);
        if hollow {
            doc.keep_filled(&fonts, &mut cache, (0.0, 40.0), &[]);
        }
        let chars = text.chars().count();
        for step in &steps {
            let h = doc.height();
            match *step {
                Step::Band(at, size) => doc.lay_out_y(&fonts, &mut cache, at * h, at * h + size),
                Step::Near(at) => {
                    let offset = CharOffset((at * chars as f32) as usize);
                    doc.lay_out_near(&fonts, &mut cache, offset, (60.0, 60.0));
                    prop_assert!(doc.is_laid_out(offset));
                }
                Step::End => doc.lay_out_end(&fonts, &mut cache, 60.0),
                Step::Slice => doc.extend_for(&fonts, &mut cache, std::time::Duration::ZERO),
            }
            let lines: Vec<_> = doc.lines().collect();
            // Lines in char order, each char on one line, stacked without overlap.
            prop_assert_eq!(lines[0].chars.start.0, 0);
            for pair in lines.windows(2) {
                prop_assert!(pair[0].chars.end <= pair[1].chars.start);
                prop_assert!(pair[1].top >= pair[0].bottom() - 0.01, "{:?}", step);
            }
            let last = lines.last().unwrap();
            prop_assert!((doc.height() - last.bottom()).abs() < 0.01);
            for o in [0, chars / 2, chars] {
                let c = Cursor::after(CharOffset(o));
                let _ = doc.hit(doc.caret_rect(c).center());
                prop_assert!(doc.move_visual(c, VisualDirection::Left).offset.0 <= chars);
            }
        }
        doc.finish(&fonts, &mut cache);
        prop_assert!(doc.is_complete());
        prop_assert_eq!(doc.lines().count(), full.lines().count());
        for (a, b) in doc.lines().zip(full.lines()) {
            prop_assert_eq!((a.chars, a.height), (b.chars, b.height));
            prop_assert!((a.top - b.top).abs() < 0.01 && (a.baseline - b.baseline).abs() < 0.01);
        }
        for o in 0..=chars {
            doc.fill_chars(&fonts, &mut cache, hamish::offset::CharRange::from_indices(o, o));
        }
        for (a, b) in doc.lines().zip(full.lines()) {
            prop_assert_eq!(&a.runs, &b.runs);
            prop_assert_eq!(&a.boxes, &b.boxes);
        }
    }
}
