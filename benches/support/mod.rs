//! Generators of large inputs for the benches, all made from the sample article
//! (`assets/samples/news-ar-001.txt`) so that no megabytes are committed. Sizes are in chars or
//! bytes as each function says; the output is the same on every run (a fixed xorshift seed).

#![allow(dead_code)] // each bench uses some of these

/// The bundled sample article.
pub const SAMPLE: &str = include_str!("../../assets/samples/news-ar-001.txt");

/// A small deterministic pseudo-random generator (xorshift64).
pub struct Rng(u64);

impl Rng {
    /// A generator with a fixed seed.
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Arabic news of at least `chars` chars: copies of the sample article, the words of every
/// paragraph shuffled per copy (so paragraphs do not repeat but words do, as in a real corpus),
/// empty lines kept.
pub fn news_text(chars: usize) -> String {
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(chars * 2 + SAMPLE.len());
    let mut count = 0usize;
    while count < chars {
        for line in SAMPLE.lines() {
            let mut words: Vec<&str> = line.split_whitespace().collect();
            for i in (1..words.len()).rev() {
                words.swap(i, rng.below(i + 1));
            }
            for (k, w) in words.iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                    count += 1;
                }
                out.push_str(w);
                count += w.chars().count();
            }
            out.push('\n');
            count += 1;
        }
    }
    out
}

/// One paragraph of about `bytes` bytes: `"بببب "` repeated, no line break.
pub fn long_paragraph(bytes: usize) -> String {
    const UNIT: &str = "بببب ";
    UNIT.repeat(bytes.div_ceil(UNIT.len()))
}
