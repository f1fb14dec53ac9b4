//! Layout of one long paragraph (issue 10, target 2): `"بببب "` repeated with no line break, at
//! 0.5, 1, 2 and 5 MB, 24 px on 800 px, from a cold cache. The time per char must not grow with
//! the paragraph's length; after criterion's report the bench prints the time per char of each
//! size and the ratio of the largest to the smallest.
//!
//! For instruction counts: `HAMISH_BENCH_ONCE=KB` lays out one paragraph of KB kilobytes once
//! and stops; under `valgrind --tool=callgrind --collect-atstart=no
//! --toggle-collect='layout_scale::layout_once'` only that layout is counted.

mod support;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use hamish::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout};
use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const SIZES_KB: [usize; 4] = [512, 1024, 2048, 5120];

/// (size in KB, seconds per char) of every measured batch.
static TIMES: Mutex<Vec<(usize, f64)>> = Mutex::new(Vec::new());

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
    for kb in SIZES_KB {
        let text = support::long_paragraph(kb * 1024);
        let chars = text.chars().count();
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{kb}KB")),
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
    let median = |kb: usize| {
        let mut v: Vec<f64> = times.iter().filter(|t| t.0 == kb).map(|t| t.1).collect();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    println!("\none paragraph of 'بببب ', 24 px, 800 px, cold (median time per char):");
    for kb in SIZES_KB {
        println!("  {kb:>5} KB  {:>7.1} ns/char", median(kb) * 1e9);
    }
    let (small, large) = (median(SIZES_KB[0]), median(SIZES_KB[SIZES_KB.len() - 1]));
    println!("  largest / smallest: {:.2} (target < 1.5)", large / small);
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
        let text = support::long_paragraph(kb * 1024);
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
