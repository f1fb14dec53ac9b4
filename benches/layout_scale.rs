//! Layout of one long paragraph (issue 10, target 2): `"بببب "` repeated with no line break, at
//! 0.5, 1, 2 and 5 MB, 24 px on 800 px, from a cold cache. The time per char must not grow with
//! the paragraph's length; after criterion's report the bench prints the time per char of each
//! size and the ratio of the largest to the smallest. Twice: as every face lays it out (in
//! segments of 16 k chars, `text::segments`), and whole (inside an RLE … PDF embedding, which is
//! never cut), the engine's one-paragraph path.
//!
//! For instruction counts: `HAMISH_BENCH_ONCE=KB` lays out one paragraph of KB kilobytes once
//! and stops (`HAMISH_BENCH_VARIANT=whole` for the whole one); under `valgrind --tool=callgrind --collect-atstart=no
//! --toggle-collect='layout_scale::layout_once'` only that layout is counted.

mod support;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use hamish::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout};
use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const SIZES_KB: [usize; 4] = [512, 1024, 2048, 5120];

/// (variant, size in KB, seconds per char) of every measured batch.
static TIMES: Mutex<Vec<(&str, usize, f64)>> = Mutex::new(Vec::new());

/// The two ways the paragraph is laid out: as is (in segments), and whole.
const VARIANTS: [&str; 2] = ["segments", "whole"];

/// The paragraph of `kb` kilobytes for `variant`.
fn paragraph(variant: &str, kb: usize) -> String {
    let text = support::long_paragraph(kb * 1024);
    match variant {
        "whole" => format!("\u{202B}{text}\u{202C}"),
        _ => text,
    }
}

fn params() -> LayoutParams {
    LayoutParams {
        font_size: 24.0,
        width: 800.0,
        direction: BaseDirection::Auto,
        line_height: 1.6,
    }
}

fn long_paragraph(c: &mut Criterion) {
    let fonts = FontSet::embedded();
    let mut group = c.benchmark_group("long_paragraph");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    for (variant, kb) in VARIANTS
        .into_iter()
        .flat_map(|v| SIZES_KB.map(|kb| (v, kb)))
    {
        let text = paragraph(variant, kb);
        let chars = text.chars().count();
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_with_input(
            BenchmarkId::new(variant, format!("{kb}KB")),
            &text,
            |b, text| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        let mut cache = LayoutCache::default();
                        black_box(TextLayout::new(text, &fonts, &params(), &mut cache).height());
                    }
                    let elapsed = start.elapsed();
                    if let Ok(mut t) = TIMES.lock() {
                        t.push((
                            variant,
                            kb,
                            elapsed.as_secs_f64() / iters.max(1) as f64 / chars as f64,
                        ));
                    }
                    elapsed
                })
            },
        );
    }
    group.finish();
}

fn summary() {
    let Ok(times) = TIMES.lock() else { return };
    let median = |variant: &str, kb: usize| {
        let mut v: Vec<f64> = times
            .iter()
            .filter(|t| t.0 == variant && t.1 == kb)
            .map(|t| t.2)
            .collect();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    for variant in VARIANTS {
        println!(
            "\none paragraph of 'بببب ', {variant}, 24 px, 800 px, cold (median time per char):"
        );
        for kb in SIZES_KB {
            println!("  {kb:>5} KB  {:>7.1} ns/char", median(variant, kb) * 1e9);
        }
        let small = median(variant, SIZES_KB[0]);
        let large = median(variant, SIZES_KB[SIZES_KB.len() - 1]);
        println!("  largest / smallest: {:.2} (target < 1.5)", large / small);
    }
}

criterion_group!(benches, long_paragraph);

/// One cold layout of `text` (for callgrind).
#[inline(never)]
fn layout_once(text: &str, fonts: &FontSet) -> f32 {
    let mut cache = LayoutCache::default();
    TextLayout::new(text, fonts, &params(), &mut cache).height()
}

fn main() {
    if let Ok(kb) = std::env::var("HAMISH_BENCH_ONCE") {
        let kb: usize = kb.parse().unwrap_or(512);
        let variant = std::env::var("HAMISH_BENCH_VARIANT").unwrap_or_default();
        let text = paragraph(&variant, kb);
        let height = layout_once(&text, &FontSet::embedded());
        println!("{kb} KB: {} chars, height {height}", text.chars().count());
        return;
    }
    benches();
    summary();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
