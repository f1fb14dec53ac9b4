//! Layout throughput of Hamish against its peers in one run (issue 10, target 1): about 1.5 M
//! chars of Arabic news (the sample article's words shuffled per copy), Noto Naskh Arabic 24 px,
//! 800 px wide, every engine starting cold (no shaped word, paragraph or galley cached).
//!
//! - `hamish`: `TextLayout::new` with a fresh `LayoutCache` (bidi, itemizing, shaping, breaking,
//!   visual order, grapheme boxes);
//! - `rustybuzz_paragraphs`: rustybuzz shaping every paragraph as one run, nothing else (the
//!   shaping floor the engine is built on);
//! - `egui_layout_job`: egui 0.37's `layout_job` (harfrust shaping, wrapping; no bidi), on a new
//!   `Fonts` whose glyph atlas was warmed up with the sample article;
//! - `cosmic_text`: cosmic-text's `Buffer` with advanced shaping, every line laid out.
//!
//! After criterion's own report, prints the median of each and the ratios to Hamish.
//! Throughput is in chars (Unicode scalar values).
//!
//! For instruction counts: `HAMISH_BENCH_ONCE=CHARS:ENGINE` lays out CHARS chars once with ENGINE
//! (`hamish`, `rustybuzz_paragraphs`, `egui_layout`, `cosmic_layout`) and stops; under
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='layout_peers::ENGINE'` only
//! that layout is counted (set-up, fonts and the text generator are not).

mod support;

use criterion::{criterion_group, Criterion, Throughput};
use hamish::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout};
use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const CHARS: usize = 1_500_000;
const FONT_SIZE: f32 = 24.0;
const WIDTH: f32 = 800.0;
const LINE_HEIGHT: f32 = 1.6;

/// Seconds per layout of every run, by engine, for the summary.
static TIMES: Mutex<Vec<(&'static str, f64)>> = Mutex::new(Vec::new());

fn record(name: &'static str, elapsed: Duration, iters: u64) {
    let per = elapsed.as_secs_f64() / iters.max(1) as f64;
    if let Ok(mut t) = TIMES.lock() {
        t.push((name, per));
    }
}

fn params() -> LayoutParams {
    LayoutParams {
        font_size: FONT_SIZE,
        width: WIDTH,
        direction: BaseDirection::Auto,
        line_height: LINE_HEIGHT,
    }
}

#[inline(never)]
fn hamish(text: &str, fonts: &FontSet) -> usize {
    // As the window (a long text) and `hamish layout` lay out: shaped words cached, laid-out
    // paragraphs not kept a second time.
    let mut cache = LayoutCache::without_paragraphs();
    TextLayout::new(text, fonts, &params(), &mut cache)
        .lines()
        .count()
}

#[inline(never)]
fn rustybuzz_paragraphs(
    text: &str,
    face: &rustybuzz::Face<'_>,
    plan: &rustybuzz::ShapePlan,
) -> usize {
    let mut glyphs = 0;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    for para in text.split('\n') {
        buffer.push_str(para);
        buffer.set_direction(rustybuzz::Direction::RightToLeft);
        buffer.set_script(rustybuzz::script::ARABIC);
        if let Ok(lang) = "ar".parse() {
            buffer.set_language(lang);
        }
        let out = rustybuzz::shape_with_plan(face, plan, buffer);
        glyphs += out.len();
        buffer = out.clear();
    }
    glyphs
}

fn egui_fonts(fonts: &FontSet) -> egui::epaint::text::Fonts {
    use egui::epaint::text::{FontData, FontDefinitions, Fonts, TextOptions};
    use egui::FontFamily;
    let mut defs = FontDefinitions::default();
    let naskh = fonts.data(fonts.primary()).to_vec();
    defs.font_data.insert(
        "naskh".to_owned(),
        std::sync::Arc::new(FontData::from_owned(naskh)),
    );
    if let Some(list) = defs.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "naskh".to_owned());
    }
    Fonts::new(TextOptions::default(), defs)
}

#[inline(never)]
fn egui_layout(text: &str, fonts: &mut egui::epaint::text::Fonts) -> usize {
    use egui::epaint::text::LayoutJob;
    let mut job = LayoutJob::simple(
        text.to_owned(),
        egui::FontId::proportional(FONT_SIZE),
        egui::Color32::BLACK,
        WIDTH,
    );
    job.wrap.max_rows = usize::MAX;
    fonts.with_pixels_per_point(1.0).layout_job(job).rows.len()
}

fn cosmic_system(fonts: &FontSet) -> cosmic_text::FontSystem {
    let mut db = cosmic_text::fontdb::Database::new();
    db.load_font_data(fonts.data(fonts.primary()).to_vec());
    db.load_font_data(fonts.data(fonts.latin()).to_vec());
    cosmic_text::FontSystem::new_with_locale_and_db("ar".to_owned(), db)
}

#[inline(never)]
fn cosmic_layout(text: &str, system: &mut cosmic_text::FontSystem) -> usize {
    use cosmic_text::{Attrs, Buffer, Family, Metrics, Shaping};
    let mut buffer = Buffer::new(system, Metrics::new(FONT_SIZE, FONT_SIZE * LINE_HEIGHT));
    buffer.set_size(Some(WIDTH), None);
    let attrs = Attrs::new().family(Family::Name("Noto Naskh Arabic"));
    buffer.set_text(text, &attrs, Shaping::Advanced, None);
    let mut lines = 0;
    for i in 0..buffer.lines.len() {
        lines += buffer.line_layout(system, i).map_or(0, <[_]>::len);
    }
    lines
}

fn peers(c: &mut Criterion) {
    let fonts = FontSet::embedded();
    let text = support::news_text(CHARS);
    let chars = text.chars().count() as u64;
    let mut group = c.benchmark_group("layout_peers");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(chars));

    group.bench_function("hamish", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(hamish(&text, &fonts));
            }
            let elapsed = start.elapsed();
            record("hamish", elapsed, iters);
            elapsed
        })
    });

    let data = fonts.data(fonts.primary());
    let face = rustybuzz::Face::from_slice(data, 0).expect("embedded font parses");
    let plan = rustybuzz::ShapePlan::new(
        &face,
        rustybuzz::Direction::RightToLeft,
        Some(rustybuzz::script::ARABIC),
        "ar".parse().ok().as_ref(),
        &[],
    );
    group.bench_function("rustybuzz_paragraphs", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(rustybuzz_paragraphs(&text, &face, &plan));
            }
            let elapsed = start.elapsed();
            record("rustybuzz_paragraphs", elapsed, iters);
            elapsed
        })
    });

    group.bench_function("egui_layout_job", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut egui = egui_fonts(&fonts);
                egui_layout(support::SAMPLE, &mut egui);
                let start = Instant::now();
                black_box(egui_layout(&text, &mut egui));
                total += start.elapsed();
            }
            record("egui_layout_job", total, iters);
            total
        })
    });

    let mut system = cosmic_system(&fonts);
    group.bench_function("cosmic_text", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(cosmic_layout(&text, &mut system));
            }
            let elapsed = start.elapsed();
            record("cosmic_text", elapsed, iters);
            elapsed
        })
    });
    group.finish();
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn summary(chars: usize) {
    let Ok(times) = TIMES.lock() else { return };
    let of = |name: &str| median(times.iter().filter(|t| t.0 == name).map(|t| t.1).collect());
    let ours = of("hamish");
    println!("\nlayout of {chars} chars, 24 px, 800 px, cold, one core (median per layout):");
    for name in [
        "hamish",
        "rustybuzz_paragraphs",
        "egui_layout_job",
        "cosmic_text",
    ] {
        let t = of(name);
        println!(
            "  {name:<22} {:>8.1} ms  {:>5.2} M chars/s  hamish is {:.2}x faster",
            t * 1e3,
            chars as f64 / t / 1e6,
            t / ours
        );
    }
}

criterion_group!(benches, peers);

/// One layout of `chars` chars by `engine` (see the module's doc), for callgrind.
fn once(chars: usize, engine: &str) {
    let fonts = FontSet::embedded();
    let text = support::news_text(chars);
    let n = match engine {
        "hamish" => hamish(&text, &fonts),
        "rustybuzz_paragraphs" => {
            let face = rustybuzz::Face::from_slice(fonts.data(fonts.primary()), 0)
                .expect("embedded font parses");
            let plan = rustybuzz::ShapePlan::new(
                &face,
                rustybuzz::Direction::RightToLeft,
                Some(rustybuzz::script::ARABIC),
                "ar".parse().ok().as_ref(),
                &[],
            );
            rustybuzz_paragraphs(&text, &face, &plan)
        }
        "egui_layout" => {
            let mut egui = egui_fonts(&fonts);
            // Warmed on the sample (outside the counted call's first run, as in the bench).
            let warm = egui_fonts_warm(&mut egui);
            warm + egui_layout(&text, &mut egui)
        }
        "cosmic_layout" => cosmic_layout(&text, &mut cosmic_system(&fonts)),
        other => {
            eprintln!("unknown engine {other}");
            return;
        }
    };
    println!("{engine}: {} chars, {n}", text.chars().count());
}

/// Lays out the sample article on `egui` (its glyph atlas warmed), not counted by callgrind.
#[inline(never)]
fn egui_fonts_warm(egui: &mut egui::epaint::text::Fonts) -> usize {
    let mut job = egui::epaint::text::LayoutJob::simple(
        support::SAMPLE.to_owned(),
        egui::FontId::proportional(FONT_SIZE),
        egui::Color32::BLACK,
        WIDTH,
    );
    job.wrap.max_rows = usize::MAX;
    egui.with_pixels_per_point(1.0).layout_job(job).rows.len()
}

fn main() {
    if let Ok(spec) = std::env::var("HAMISH_BENCH_ONCE") {
        let (chars, engine) = spec.split_once(':').unwrap_or((&spec, "hamish"));
        once(chars.parse().unwrap_or(300_000), engine);
        return;
    }
    benches();
    summary(support::news_text(CHARS).chars().count());
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
