//! Layout throughput: the sample article repeated to about 1 MB (each copy's paragraphs made unique,
//! so the paragraph cache cannot hide the work), laid out from a cold cache; plus a warm re-layout
//! and a visible-lines query. Throughput is reported in chars per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hamish::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../assets/samples/news-ar-001.txt");

/// About `bytes` of text: copies of the sample with an Arabic-Indic copy number ending every
/// non-empty paragraph.
fn big_text(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + SAMPLE.len());
    let mut copy = 0usize;
    while out.len() < bytes {
        let number: String = copy
            .to_string()
            .chars()
            .map(|d| char::from_u32(0x0660 + d.to_digit(10).unwrap_or(0)).unwrap_or('٠'))
            .collect();
        for line in SAMPLE.lines() {
            out.push_str(line);
            if !line.trim().is_empty() {
                out.push(' ');
                out.push_str(&number);
            }
            out.push('\n');
        }
        copy += 1;
    }
    out
}

fn params() -> LayoutParams {
    LayoutParams {
        font_size: 20.0,
        width: 800.0,
        direction: BaseDirection::Auto,
        line_height: 1.6,
    }
}

fn layout_benches(c: &mut Criterion) {
    let fonts = FontSet::embedded();
    let text = big_text(1 << 20);
    let chars = text.chars().count() as u64;
    let mut group = c.benchmark_group("layout_1mb");
    group.sample_size(10);
    group.throughput(Throughput::Elements(chars));
    group.bench_function("cold", |b| {
        b.iter(|| {
            let mut cache = LayoutCache::default();
            black_box(TextLayout::new(&text, &fonts, &params(), &mut cache).height())
        })
    });
    let mut warm = LayoutCache::default();
    TextLayout::new(&text, &fonts, &params(), &mut warm);
    group.bench_function("warm", |b| {
        b.iter(|| black_box(TextLayout::new(&text, &fonts, &params(), &mut warm).height()))
    });
    group.finish();

    // The first screen (1000 px) of a 10 MB file, from a cold cache.
    let huge = big_text(10 << 20);
    c.bench_function("first_screen_10mb_cold", |b| {
        b.iter(|| {
            let mut cache = LayoutCache::default();
            black_box(
                TextLayout::new_until(&huge, &fonts, &params(), &mut cache, 1000.0)
                    .lines()
                    .count(),
            )
        })
    });

    let doc = TextLayout::new(&text, &fonts, &params(), &mut warm);
    let mid = doc.height() / 2.0;
    c.bench_function("lines_in_one_screen", |b| {
        b.iter(|| black_box(doc.lines_in(mid, mid + 1000.0).count()))
    });
}

criterion_group!(benches, layout_benches);
criterion_main!(benches);
