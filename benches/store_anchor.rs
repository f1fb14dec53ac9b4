//! Re-anchoring 1000 annotations on a 100 KB Arabic text after scattered insertions
//! (`cargo bench --bench store_anchor`).

use criterion::{criterion_group, criterion_main, Criterion};
use hamish::model::quote::Quote;
use hamish::offset::CharRange;
use hamish::store::anchor::reanchor_all;
use std::hint::black_box;

/// Pseudo-random Arabic words from a small vocabulary, about `chars` chars.
fn synthetic_text(chars: usize) -> Vec<char> {
    const WORDS: [&str; 12] = [
        "قال",
        "الوزير",
        "إن",
        "الحكومة",
        "سوف",
        "تعلن",
        "عن",
        "خطة",
        "جديدة",
        "لدعم",
        "التعليم",
        "في",
    ];
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut text = Vec::with_capacity(chars + 16);
    while text.len() < chars {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        text.extend(WORDS[(s % WORDS.len() as u64) as usize].chars());
        text.push(' ');
    }
    text
}

fn bench_reanchor_all(c: &mut Criterion) {
    let old = synthetic_text(100_000);
    let cut = |a: usize, b: usize| old[a..b.min(old.len())].iter().collect::<String>();
    let ranges: Vec<CharRange> = (0..old.len() / 100 - 1)
        .map(|i| CharRange::from_indices(i * 100 + 10, i * 100 + 30))
        .collect();
    let quotes: Vec<Quote> = ranges
        .iter()
        .map(|r| Quote {
            exact: cut(r.start.0, r.end.0),
            prefix: cut(r.start.0.saturating_sub(32), r.start.0),
            suffix: cut(r.end.0, r.end.0 + 32),
        })
        .collect();
    let mut new_text = String::new();
    for (i, ch) in old.iter().enumerate() {
        if i % 10_000 == 5 {
            new_text.push_str("«إضافة»");
        }
        new_text.push(*ch);
    }
    let items: Vec<(CharRange, &Quote)> = ranges.iter().copied().zip(quotes.iter()).collect();
    c.bench_function(
        "reanchor_all 1000 annotations, 100 KB, 10 insertions",
        |b| b.iter(|| reanchor_all(black_box(&new_text), black_box(&items))),
    );
}

criterion_group!(benches, bench_reanchor_all);
criterion_main!(benches);
