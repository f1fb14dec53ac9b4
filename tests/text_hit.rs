//! Hit-testing, carets, selection rectangles and placement of the document layout, on RTL, LTR and
//! mixed text and on the sample article at several widths. Offsets are chars; geometry is px.

use hamish::offset::{CharOffset, CharRange};
use hamish::text::{
    Affinity, BaseDirection, Cursor, FontSet, LayoutCache, LayoutParams, LineLayout, Point,
    TextLayout, VisualDirection,
};
use unicode_segmentation::UnicodeSegmentation;

const SAMPLE: &str = include_str!("../assets/samples/news-ar-001.txt");
const RTL: &str = "مُحَمَّدٌ رسولُ الله، والسلام عليكم ورحمة الله";
const LTR: &str = "Reuters reported on 17 October (BBC).";
const MIXED: &str = "قالت وكالة Reuters إن 17 أكتوبر (2024) «يوم» مهم و BBC أكدت ذلك.";

fn layout(text: &str, width: f32) -> TextLayout {
    let params = LayoutParams {
        font_size: 20.0,
        width,
        direction: BaseDirection::Auto,
        line_height: 1.6,
    };
    TextLayout::new(
        text,
        &FontSet::embedded(),
        &params,
        &mut LayoutCache::default(),
    )
}

/// Char offsets of every grapheme boundary of `text` (paragraph separators are not graphemes of
/// a paragraph, so offsets inside CR LF are left out).
fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut chars = 0;
    for g in text.graphemes(true) {
        chars += g.chars().count();
        out.push(chars);
    }
    out
}

fn cases() -> Vec<(&'static str, TextLayout)> {
    let mut out = vec![
        ("rtl", layout(RTL, 2000.0)),
        ("rtl wrapped", layout(RTL, 150.0)),
        ("ltr", layout(LTR, 2000.0)),
        ("ltr wrapped", layout(LTR, 120.0)),
        ("mixed", layout(MIXED, 2000.0)),
        ("mixed wrapped", layout(MIXED, 160.0)),
    ];
    for w in [250.0, 480.0, 900.0] {
        out.push(("sample", layout(SAMPLE, w)));
    }
    out
}

#[test]
fn caret_then_hit_gives_the_same_offset_at_every_grapheme_boundary() {
    for (name, doc) in cases() {
        let mut checked = 0;
        for o in grapheme_boundaries(doc.text()) {
            for affinity in [Affinity::After, Affinity::Before] {
                let c = Cursor {
                    offset: CharOffset(o),
                    affinity,
                };
                let rect = doc.caret_rect(c);
                assert!(rect.width() > 0.0 && rect.height() > 0.0);
                let back = doc.hit(rect.center());
                assert_eq!(
                    back.offset,
                    CharOffset(o),
                    "{name}: offset {o} {affinity:?} caret {rect:?} hit back {back:?}"
                );
                checked += 1;
            }
        }
        assert!(checked > 20, "{name}: only {checked} carets");
    }
}

#[test]
fn snapping_never_splits_a_grapheme() {
    let doc = layout(RTL, 2000.0);
    let bounds = grapheme_boundaries(RTL);
    for o in 0..=RTL.chars().count() {
        let s = doc.snap_to_grapheme(CharOffset(o)).0;
        assert!(bounds.contains(&s) && s <= o, "{o} snapped to {s}");
        if bounds.contains(&o) {
            assert_eq!(s, o);
        }
    }
    // "مُ": the damma belongs to the meem; offset 1 snaps back to 0.
    assert_eq!(doc.snap_to_grapheme(CharOffset(1)), CharOffset(0));
}

/// A glyph's left x, advance and the chars of its cluster.
type GlyphSpan = (f32, f32, CharRange);

/// The char range of every glyph's cluster: from its cluster to the next cluster of its run.
fn glyph_clusters(line: &LineLayout) -> Vec<GlyphSpan> {
    let mut out = Vec::new();
    for run in &line.runs {
        let mut starts: Vec<usize> = run.glyphs.iter().map(|g| g.cluster().0).collect();
        starts.sort_unstable();
        starts.dedup();
        for g in &run.glyphs {
            let next = starts
                .iter()
                .copied()
                .find(|&s| s > g.cluster().0)
                .unwrap_or(run.chars.end.0);
            out.push((g.x, g.advance, CharRange::from_indices(g.cluster().0, next)));
        }
    }
    out
}

#[test]
fn range_rectangles_cover_exactly_the_glyphs_of_their_chars() {
    for (name, doc) in cases() {
        // Every word, and spans of two words, of every paragraph.
        let mut ranges = Vec::new();
        let mut o = 0;
        let len = doc.text().chars().count();
        while o < len {
            let w = doc.word_at(CharOffset(o));
            assert!(
                w.start.0 <= o && o < w.end.0.max(o + 1),
                "{name}: word_at({o}) = {w:?}"
            );
            ranges.push(w);
            let next = doc.word_at(w.end);
            if next.start == w.end && !next.is_empty() {
                ranges.push(CharRange::new(w.start, next.end));
            }
            o = w.end.0.max(o + 1);
        }
        let clusters: Vec<(&LineLayout, Vec<GlyphSpan>)> =
            doc.lines().map(|l| (l, glyph_clusters(l))).collect();
        for r in ranges {
            let rects = doc.range_rects(r);
            for rc in &rects {
                let y = rc.center().y;
                let line = doc
                    .lines()
                    .find(|l| l.top <= y && y < l.bottom())
                    .expect("rect on a line");
                assert!(
                    line.chars.overlaps(r),
                    "{name}: rect {rc:?} of {r:?} on another line"
                );
            }
            // Rectangles only ever span the height of the lines they are on, so lines away from
            // the range cannot hold a wrongly covered glyph.
            for (line, glyphs) in clusters
                .iter()
                .filter(|(l, _)| l.chars.end >= r.start && l.chars.start <= r.end)
            {
                let y = (line.top + line.bottom()) * 0.5;
                for &(x, advance, chars) in glyphs {
                    if advance < 0.5 {
                        continue; // marks and zero-width glyphs sit inside their base's box
                    }
                    let center = Point::new(x + advance * 0.5, y);
                    let inside = rects.iter().any(|rc| rc.contains(center));
                    if chars.start >= r.start && chars.end <= r.end {
                        assert!(inside, "{name}: glyph of {chars:?} not covered by {r:?}");
                    } else if !chars.overlaps(r) {
                        assert!(
                            !inside,
                            "{name}: glyph of {chars:?} wrongly covered by {r:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn mixed_direction_range_gives_several_rectangles_on_one_line() {
    let doc = layout(MIXED, 2000.0);
    // "Reuters إن": an LTR word then RTL text, not contiguous on screen in an RTL paragraph.
    let start = MIXED.chars().position(|c| c == 'R').expect("R");
    let r = CharRange::from_indices(start + 3, start + 11);
    let rects = doc.range_rects(r);
    assert!(rects.len() >= 2, "{rects:?}");
}

#[test]
fn first_words_of_a_wrapped_rtl_paragraph_are_on_its_first_line_at_the_right() {
    for width in [250.0, 480.0] {
        let doc = layout(SAMPLE, width);
        let para_lines: Vec<&LineLayout> = doc.lines().filter(|l| l.paragraph == 2).collect();
        assert!(para_lines.len() > 1, "paragraph 2 should wrap at {width}");
        let first = para_lines[0];
        let para_start = first.chars.start;
        assert!(para_lines.iter().all(|l| l.chars.start >= para_start));
        // The glyph drawn furthest right on the first line is the paragraph's first char.
        let rightmost = first
            .runs
            .iter()
            .flat_map(|r| r.glyphs.iter())
            .max_by(|a, b| a.x.total_cmp(&b.x))
            .expect("glyphs");
        assert_eq!(rightmost.cluster(), para_start);
        // And the first word is entirely on that line.
        let word = doc.word_at(para_start);
        assert!(word.end <= first.chars.end);
    }
}

#[test]
fn digits_in_arabic_are_drawn_in_order() {
    let doc = layout("17 أكتوبر", 2000.0);
    let glyphs: Vec<_> = doc
        .lines()
        .flat_map(|l| l.runs.iter())
        .flat_map(|r| r.glyphs.iter())
        .collect();
    let x_of = |c: usize| {
        glyphs
            .iter()
            .find(|g| g.cluster() == CharOffset(c))
            .map(|g| g.x)
            .expect("glyph")
    };
    assert!(x_of(0) < x_of(1), "'1' must be left of '7'");
    // The number starts the RTL paragraph, so it is drawn right of the word.
    assert!(x_of(0) > x_of(3));
}

#[test]
fn rtl_lines_are_right_aligned_and_ltr_lines_left_aligned() {
    for (name, doc) in cases() {
        let width = doc.params().width;
        let text: Vec<char> = doc.text().chars().collect();
        for line in doc.lines() {
            // Trailing whitespace hangs past the line's end; everything before it must align.
            let mut content_end = line.chars.end.0;
            while content_end > line.chars.start.0 && text[content_end - 1].is_whitespace() {
                content_end -= 1;
            }
            let visible: Vec<(f32, f32)> = line
                .runs
                .iter()
                .flat_map(|r| r.glyphs.iter())
                .filter(|g| g.cluster().0 < content_end && g.advance > 0.0)
                .map(|g| (g.x, g.x + g.advance))
                .collect();
            if visible.is_empty() {
                continue;
            }
            if line.rtl {
                let right = visible.iter().map(|v| v.1).fold(f32::MIN, f32::max);
                assert!(
                    (right - width).abs() < 0.5,
                    "{name}: RTL line ends at {right}: {:?}",
                    &text[line.chars.start.0..line.chars.end.0]
                );
            } else {
                let left = visible.iter().map(|v| v.0).fold(f32::MAX, f32::min);
                assert!(left.abs() < 0.5, "{name}: LTR line starts at {left}");
            }
            // Every line fits (trailing spaces may hang).
            for (l, r) in &visible {
                assert!(*l > -0.5 && *r < width + 0.5, "{name}: glyph at {l}..{r}");
            }
        }
    }
}

#[test]
fn arrow_keys_move_visually() {
    // RTL: Left moves forward through the text.
    let doc = layout("باب", 2000.0);
    let c = doc.move_visual(Cursor::after(CharOffset(0)), VisualDirection::Left);
    assert_eq!(c.offset, CharOffset(1));
    let c = doc.move_visual(c, VisualDirection::Right);
    assert_eq!(c.offset, CharOffset(0));
    // LTR: Right moves forward.
    let doc = layout("abc", 2000.0);
    let c = doc.move_visual(Cursor::after(CharOffset(0)), VisualDirection::Right);
    assert_eq!(c.offset, CharOffset(1));
}

#[test]
fn walking_right_across_a_mixed_line_moves_the_caret_right_every_step() {
    let doc = layout(MIXED, 2000.0);
    let line = doc.lines().next().expect("a line");
    let mut c = doc.hit(Point::new(-10.0, line.top + 1.0));
    let mut xs = vec![doc.caret_rect(c).center().x];
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..500 {
        let next = doc.move_visual(c, VisualDirection::Right);
        if next == c {
            break;
        }
        c = next;
        seen.insert(c.offset.0);
        xs.push(doc.caret_rect(c).center().x);
    }
    assert!(xs.windows(2).all(|w| w[1] > w[0] - 1.5), "{xs:?}");
    // Almost every grapheme boundary is reached (direction boundaries share one x).
    let bounds = grapheme_boundaries(MIXED).len();
    assert!(seen.len() + 12 >= bounds, "{} of {bounds}", seen.len());
}

#[test]
fn logical_movement_steps_over_graphemes_and_separators() {
    let text = "مُحَ\r\nب";
    let doc = layout(text, 2000.0);
    let mut c = Cursor::after(CharOffset(0));
    let mut offsets = vec![0];
    for _ in 0..5 {
        c = doc.move_logical(c, true);
        offsets.push(c.offset.0);
    }
    assert_eq!(offsets, [0, 2, 4, 6, 7, 7]);
    let back = doc.move_logical(Cursor::after(CharOffset(6)), false);
    assert_eq!(back.offset, CharOffset(4));
}

#[test]
fn word_at_finds_latin_and_arabic_words() {
    let doc = layout(MIXED, 2000.0);
    let start = MIXED.chars().position(|c| c == 'R').expect("R");
    assert_eq!(
        doc.word_at(CharOffset(start + 2)),
        CharRange::from_indices(start, start + 7)
    );
    assert_eq!(doc.word_at(CharOffset(1)), CharRange::from_indices(0, 4));
}

#[test]
fn paragraphs_and_empty_lines_stack_and_visible_lines_are_found() {
    let text = "أ\r\n\r\nب\nc";
    let doc = layout(text, 500.0);
    let lines: Vec<&LineLayout> = doc.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines.iter().map(|l| l.paragraph).collect::<Vec<_>>(),
        [0, 1, 2, 3]
    );
    assert_eq!(lines[1].chars, CharRange::from_indices(3, 3));
    assert!(lines.windows(2).all(|w| w[1].top >= w[0].bottom() - 0.01));
    assert!((doc.height() - lines[3].bottom()).abs() < 0.01);
    // Hitting the empty line gives its offset.
    let y = (lines[1].top + lines[1].bottom()) / 2.0;
    assert_eq!(doc.hit(Point::new(100.0, y)).offset, CharOffset(3));
    // Only overlapping lines are returned.
    let visible: Vec<usize> = doc
        .lines_in(lines[1].top + 1.0, lines[2].top + 1.0)
        .map(|l| l.paragraph)
        .collect();
    assert_eq!(visible, [1, 2]);
    // The last paragraph is LTR ("c"), the first RTL.
    assert!(lines[0].rtl && !lines[3].rtl);
}

#[test]
fn laying_out_twice_reshapes_nothing() {
    let fonts = FontSet::embedded();
    let mut cache = LayoutCache::default();
    let params = LayoutParams {
        font_size: 18.0,
        width: 400.0,
        direction: BaseDirection::Auto,
        line_height: 1.6,
    };
    let first = TextLayout::new(SAMPLE, &fonts, &params, &mut cache);
    let after_first = cache.stats();
    assert!(after_first.shape_misses > 0);
    let second = TextLayout::new(SAMPLE, &fonts, &params, &mut cache);
    let after_second = cache.stats();
    assert_eq!(after_second.shape_misses, after_first.shape_misses);
    assert_eq!(after_second.paragraph_misses, after_first.paragraph_misses);
    assert!(after_second.paragraph_hits > after_first.paragraph_hits);
    assert_eq!(
        first.lines().collect::<Vec<_>>(),
        second.lines().collect::<Vec<_>>()
    );
    // A new width re-breaks lines but reuses the shaped runs of whole items.
    let wider = LayoutParams {
        width: 700.0,
        ..params
    };
    TextLayout::new(SAMPLE, &fonts, &wider, &mut cache);
    assert!(cache.stats().shape_hits > after_second.shape_hits);
}

#[test]
fn a_first_screen_layout_stops_after_the_limit_and_matches_the_full_layout() {
    let fonts = FontSet::embedded();
    let mut cache = LayoutCache::default();
    let params = LayoutParams {
        font_size: 20.0,
        width: 300.0,
        direction: BaseDirection::Auto,
        line_height: 1.6,
    };
    let first = TextLayout::new_until(SAMPLE, &fonts, &params, &mut cache, 100.0);
    assert!(!first.is_complete());
    let hits = cache.stats().paragraph_hits;
    let full = TextLayout::new(SAMPLE, &fonts, &params, &mut cache);
    assert!(full.is_complete());
    // Every paragraph has a place, those not laid out at an estimated height.
    assert_eq!(first.paragraph_count(), full.paragraph_count());
    let laid: Vec<_> = first
        .lines()
        .take_while(|l| l.chars.start.0 < first.laid_out_chars())
        .collect();
    assert!(laid.last().expect("a line").bottom() >= 100.0);
    // The laid-out part is identical, and came from the cache the second time.
    let n = laid.len();
    assert!(n < full.lines().count());
    assert_eq!(laid, full.lines().take(n).collect::<Vec<_>>());
    let last = laid.last().expect("a line").paragraph;
    assert!(cache.stats().paragraph_hits > hits + last as u64);
    assert!(!first.is_laid_out(full.lines().nth(n).expect("more").chars.start));
    // Whole paragraphs are laid out; the last one starts above the limit.
    let start = first
        .lines()
        .find(|l| l.paragraph == last)
        .expect("its first line");
    assert!(start.top < 100.0);
}

#[test]
fn a_layout_extended_piece_by_piece_equals_the_whole_layout() {
    use hamish::offset::CharOffset;
    let fonts = FontSet::embedded();
    let params = LayoutParams {
        font_size: 20.0,
        width: 300.0,
        direction: BaseDirection::Auto,
        line_height: 1.6,
    };
    let full = TextLayout::new(SAMPLE, &fonts, &params, &mut LayoutCache::default());
    let mut cache = LayoutCache::default();
    let mut part = TextLayout::new_until(SAMPLE, &fonts, &params, &mut cache, 0.0);
    let second = full
        .lines()
        .find(|l| l.paragraph == 1)
        .expect("two paragraphs");
    assert!(
        part.is_laid_out(CharOffset(0)) && !part.is_laid_out(second.chars.start),
        "at least one paragraph, even for a limit of 0"
    );
    assert_eq!(part.laid_out_chars(), second.chars.start.0);
    let chars = SAMPLE.chars().count();
    part.extend_through(&fonts, &mut cache, CharOffset(chars / 2));
    assert!(part.laid_out_chars() > chars / 2 && !part.is_complete());
    let below = part.caret_rect(hamish::text::Cursor::after(CharOffset(chars / 2)));
    part.extend_until(&fonts, &mut cache, below.max.y + 200.0);
    part.extend_for(&fonts, &mut cache, std::time::Duration::ZERO);
    part.finish(&fonts, &mut cache);
    assert!(part.is_complete());
    assert_eq!(part.height(), full.height());
    assert_eq!(
        part.lines().collect::<Vec<_>>(),
        full.lines().collect::<Vec<_>>()
    );
}
