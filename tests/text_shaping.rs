//! rustybuzz (through the engine's `shape_run`) against HarfBuzz's `hb-shape` for every run the
//! itemizer makes of the sample article and of the test strings (tests/data/shaping/, made by
//! scripts/gen-shaping-reference.py). Glyph ids, clusters (chars), advances and offsets are in
//! font units and must match exactly.

use hamish::text::faces::Faces;
use hamish::text::fonts::FontSet;
use hamish::text::shape::{
    make_plan, shape_by_words, shape_run, shape_run_with_plan, ShapeRequest, ShapedRun,
};
use hamish::text::word_safety::words_shape_alone;
use hamish::text::{LayoutCache, LayoutParams, TextLayout};
use serde::Deserialize;
use std::sync::Arc;
use unicode_script::Script;

#[derive(Deserialize)]
struct Reference {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    source: String,
    font: String,
    text: String,
    pre: String,
    post: String,
    rtl: bool,
    script: String,
    /// `[id, cluster, x_advance, x_offset, y_offset]` per glyph, left to right.
    glyphs: Vec<[i64; 5]>,
}

const SAMPLE: &str = include_str!("../assets/samples/news-ar-001.txt");
const STRINGS: &str = include_str!("data/shaping/strings.txt");
/// A few boxes with `kern` pairs across the space (scripts/gen-space-kern-font.py).
const SPACE_KERN_FONT: &[u8] = include_bytes!("data/fonts/space-kern.ttf");

fn reference() -> Reference {
    serde_json::from_str(include_str!("data/shaping/reference.json")).expect("reference parses")
}

fn glyph_rows(run: &ShapedRun) -> Vec<[i64; 5]> {
    run.glyphs
        .iter()
        .map(|g| {
            [
                i64::from(g.id),
                i64::from(g.cluster),
                i64::from(g.x_advance),
                i64::from(g.x_offset),
                i64::from(g.y_offset),
            ]
        })
        .collect()
}

fn script_of(case: &Case) -> Script {
    match case.script.as_str() {
        "arab" => Script::Arabic,
        "latn" => Script::Latin,
        other => panic!("{}: unexpected script {other}", case.source),
    }
}

/// The layout shapes runs word by word (so repeated words come from the cache) with a stored
/// shaping plan; the glyphs put back together must still be HarfBuzz's glyphs for the whole run.
#[test]
fn word_by_word_shaping_matches_harfbuzz_for_every_case() {
    let fonts = FontSet::embedded();
    let faces = Faces::new(&fonts);
    let cases = reference().cases;
    let mut failures = Vec::new();
    for case in &cases {
        let face = faces
            .face(fonts.id_by_name(&case.font).expect("font is embedded"))
            .expect("embedded font parses");
        let req = ShapeRequest {
            text: &case.text,
            pre_context: &case.pre,
            post_context: &case.post,
            rtl: case.rtl,
            script: script_of(case),
        };
        let plan = make_plan(face, case.rtl, script_of(case)).expect("known script");
        let run = shape_by_words(&req, |word| {
            Arc::new(shape_run_with_plan(face, Some(&plan), word))
        });
        if glyph_rows(&run) != case.glyphs {
            failures.push(format!("{} {:?}", case.source, case.text));
        }
    }
    println!(
        "word-by-word shaping: {}/{} cases match hb-shape",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rustybuzz_matches_harfbuzz_for_every_case() {
    let fonts = FontSet::embedded();
    let faces = Faces::new(&fonts);
    let cases = reference().cases;
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let id = fonts.id_by_name(&case.font).expect("font is embedded");
        let face = faces.face(id).expect("embedded font parses");
        let script = script_of(case);
        let run = shape_run(
            face,
            &ShapeRequest {
                text: &case.text,
                pre_context: &case.pre,
                post_context: &case.post,
                rtl: case.rtl,
                script,
            },
        );
        let got = glyph_rows(&run);
        if got != case.glyphs {
            failures.push(format!(
                "{} {:?} ({}): rustybuzz {:?} vs hb-shape {:?}",
                case.source, case.text, case.font, got, case.glyphs
            ));
        }
    }
    println!(
        "shaping: {}/{} cases match hb-shape",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reference_covers_the_hard_cases() {
    let cases = reference().cases;
    let has = |s: &str| cases.iter().any(|c| c.text.contains(s));
    for needle in [
        "مُحَمَّدٌ",
        "لآ",
        "ـ",
        "\u{200D}",
        "\u{200C}",
        "٢٠٢٤",
        "Reuters",
        "BBC",
        "«",
        "ٱلرَّحْمَٰنِ",
        " ۛ",
    ] {
        assert!(has(needle), "no case contains {needle:?}");
    }
    // Both directions and both fonts are exercised.
    assert!(cases.iter().any(|c| c.rtl) && cases.iter().any(|c| !c.rtl));
    assert!(cases.iter().any(|c| c.font == "NotoSans-Regular"));
}

fn params(width: f32) -> LayoutParams {
    LayoutParams {
        font_size: 24.0,
        width,
        ..LayoutParams::default()
    }
}

/// Lays `text` out twice, with shaped words from the cache and with every run shaped whole, and
/// checks that every line (runs, glyphs, positions, grapheme boxes) is the same.
fn assert_word_cache_changes_nothing(name: &str, text: &str, fonts: &FontSet, width: f32) {
    let mut words = LayoutCache::default();
    let cached = TextLayout::new(text, fonts, &params(width), &mut words);
    let whole = TextLayout::new(
        text,
        fonts,
        &params(width),
        &mut LayoutCache::shaping_whole_runs(),
    );
    let (a, b): (Vec<_>, Vec<_>) = (cached.lines().collect(), whole.lines().collect());
    assert_eq!(a.len(), b.len(), "{name} at {width} px: line count");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "{name} at {width} px, line {}", x.line);
    }
}

/// The word cache is only an optimisation: at every width, on the news sample, on Quranic text
/// with full harakat (in strings.txt) and on the hard cases, the layout from shaped words equals
/// the layout from whole runs (HarfBuzz's glyphs, checked against hb-shape above), so kerning,
/// marks and contextual forms at word edges come out the same.
#[test]
fn word_cached_layout_equals_whole_run_layout() {
    let fonts = FontSet::embedded();
    assert!(STRINGS.contains("ٱلرَّحْمَٰنِ") && STRINGS.contains(" ۛ"));
    for (name, text) in [("sample", SAMPLE), ("strings", STRINGS)] {
        for width in [150.0, 420.0, 800.0, 1e6] {
            assert_word_cache_changes_nothing(name, text, &fonts, width);
        }
    }
    // And the words did come from the cache.
    let mut cache = LayoutCache::default();
    TextLayout::new(SAMPLE, &fonts, &params(800.0), &mut cache);
    assert!(cache.stats().shape_hits > cache.stats().shape_misses);
}

/// A font whose kerning reaches across a space cannot be shaped word by word: the engine notices
/// and shapes its runs whole, so the kerning against the space is kept.
#[test]
fn runs_of_a_font_kerning_across_spaces_are_shaped_whole() {
    let mut fonts = FontSet::embedded();
    let id = fonts
        .add_font_bytes("space-kern", SPACE_KERN_FONT.to_vec())
        .expect("test font parses");
    assert_eq!(
        fonts.primary(),
        id,
        "a font with Arabic letters becomes primary"
    );
    let faces = Faces::new(&fonts);
    let face = faces.face(id).expect("test font parses");
    assert!(!words_shape_alone(face));
    for embedded in [
        fonts.latin(),
        fonts
            .id_by_name("NotoNaskhArabic-Regular")
            .expect("embedded"),
    ] {
        assert!(words_shape_alone(
            faces.face(embedded).expect("embedded font parses")
        ));
    }
    let text = "ب ا ب ا";
    let req = ShapeRequest {
        text,
        pre_context: "",
        post_context: "",
        rtl: true,
        script: Script::Arabic,
    };
    let whole = shape_run(face, &req);
    let by_words = shape_by_words(&req, |w| Arc::new(shape_run(face, w)));
    // The font really does kern across the space: words shaped alone would lose it.
    assert_ne!(glyph_rows(&whole), glyph_rows(&by_words));

    let layout = TextLayout::new(text, &fonts, &params(1e6), &mut LayoutCache::default());
    let line = layout.lines().next().expect("one line");
    let advances: Vec<f32> = line
        .runs
        .iter()
        .flat_map(|r| r.glyphs.iter().map(|g| g.advance))
        .collect();
    let scale = 24.0 / 1000.0;
    let kerned: Vec<f32> = whole
        .glyphs
        .iter()
        .map(|g| g.x_advance as f32 * scale)
        .collect();
    assert_eq!(advances, kerned);
    for width in [40.0, 100.0, 1e6] {
        assert_word_cache_changes_nothing("space-kern", "ب ا ب اب ا ب", &fonts, width);
    }
}
