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

/// A text of about `chars` chars of news ([`news_text`]) with `count` annotations on it: labels
/// of the bundled fact-checking schema, lengths of 3 to 60 chars, one in twenty with a second
/// range, some notes and attributes, anchors captured; and one relation per ten annotations.
pub fn annotated(chars: usize, count: usize) -> (String, hamish::model::AnnotationSet) {
    annotated_within(chars, count, chars)
}

/// Like [`annotated`], with every annotation in the first `within` chars (a screenful crowded
/// with annotations on a longer text).
pub fn annotated_within(
    chars: usize,
    count: usize,
    within: usize,
) -> (String, hamish::model::AnnotationSet) {
    use hamish::model::annotation::{Annotation, AnnotationId, Timestamp};
    use hamish::model::quote::TextIndex;
    use hamish::model::{AnnotationSet, AttributeValue, Relation, RelationId};
    use hamish::offset::CharRange;
    const LABELS: [&str; 5] = ["claim", "source", "cue", "quote", "evidence"];
    let text = news_text(chars);
    let index = TextIndex::new(&text);
    let len = index.char_len().min(within.max(128));
    let mut rng = Rng::new(0x2545_F491_4F6C_DD1D);
    let mut set = AnnotationSet::new();
    let range = |rng: &mut Rng| {
        let start = rng.below(len - 64);
        CharRange::from_indices(start, start + 3 + rng.below(58))
    };
    for i in 0..count {
        let mut ranges = vec![range(&mut rng)];
        if rng.below(20) == 0 {
            ranges.push(range(&mut rng));
        }
        let label = LABELS[rng.below(LABELS.len())];
        let id = AnnotationId(i as u64 + 1);
        let mut a = Annotation::new_in(id, label, ranges, &index, Timestamp(1_700_000_000));
        if rng.below(10) == 0 {
            a.note = "راجع المصدر الأصلي".to_owned();
        }
        if label == "claim" && rng.below(2) == 0 {
            a.attributes.insert(
                "verdict".to_owned(),
                AttributeValue::Choice("false".to_owned()),
            );
        }
        set.insert_annotation(a);
    }
    for r in 0..count / 10 {
        let from = AnnotationId(rng.below(count) as u64 + 1);
        let to = AnnotationId(rng.below(count) as u64 + 1);
        let kind = if rng.below(2) == 0 {
            "attributed-to"
        } else {
            "cue-of"
        };
        set.insert_relation(Relation::new(RelationId(r as u64 + 1), kind, from, to));
    }
    (text, set)
}
