//! rustybuzz (through the engine's `shape_run`) against HarfBuzz's `hb-shape` for every run the
//! itemizer makes of the sample article and of the test strings (tests/data/shaping/, made by
//! scripts/gen-shaping-reference.py). Glyph ids, clusters (chars), advances and offsets are in
//! font units and must match exactly.

use hamish::text::faces::Faces;
use hamish::text::fonts::FontSet;
use hamish::text::shape::{
    make_plan, shape_by_words, shape_run, shape_run_with_plan, ShapeRequest, ShapedRun,
};
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
    ] {
        assert!(has(needle), "no case contains {needle:?}");
    }
    // Both directions and both fonts are exercised.
    assert!(cases.iter().any(|c| c.rtl) && cases.iter().any(|c| !c.rtl));
    assert!(cases.iter().any(|c| c.font == "NotoSans-Regular"));
}
