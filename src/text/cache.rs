//! Caches of the text engine: shaped runs (in font units, so reused across sizes and widths) and
//! laid-out paragraphs (keyed by text, font generation, size, width, direction, line height).

use super::faces::Faces;
use super::fonts::FontId;
use super::paragraph_layout::ParagraphLayout;
use super::shape::ShapedRun;
use super::BaseDirection;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::sync::Arc;
use unicode_script::Script;

/// Entries kept per map before it is emptied (a crude bound so a huge session cannot grow forever).
const MAX_ENTRIES: usize = 200_000;

/// Counters of cache use, so tests and benches can check that nothing was reshaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CacheStats {
    /// Paragraph layouts found in the cache.
    pub paragraph_hits: u64,
    /// Paragraph layouts computed.
    pub paragraph_misses: u64,
    /// Shaped runs found in the cache.
    pub shape_hits: u64,
    /// Runs shaped with rustybuzz.
    pub shape_misses: u64,
}

/// Key of a shaped run, borrowed so that a cache hit allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct RunKey<'a> {
    pub text: &'a str,
    pub pre: &'a str,
    pub post: &'a str,
    pub font: FontId,
    pub rtl: bool,
    pub script: Script,
    pub generation: u64,
}

/// The owned copy of a [`RunKey`] kept in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OwnedRunKey {
    text: String,
    pre: String,
    post: String,
    font: FontId,
    rtl: bool,
    script: Script,
    generation: u64,
}

impl OwnedRunKey {
    fn matches(&self, k: &RunKey<'_>) -> bool {
        self.text == k.text
            && self.pre == k.pre
            && self.post == k.post
            && self.font == k.font
            && self.rtl == k.rtl
            && self.script == k.script
            && self.generation == k.generation
    }
}

/// Key of a laid-out paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ParagraphKey {
    pub text: String,
    pub generation: u64,
    pub font_size_bits: u32,
    pub width_bits: u32,
    pub line_height_bits: u32,
    pub direction: BaseDirection,
}

/// Shaped runs and laid-out paragraphs, shared by every [`super::TextLayout`] built with it.
#[derive(Default)]
pub struct LayoutCache {
    /// Shaped runs with their keys and the hash of their key.
    runs: hashbrown::HashTable<(u64, OwnedRunKey, Arc<ShapedRun>)>,
    run_count: usize,
    hasher: FxBuildHasher,
    paragraphs: FxHashMap<ParagraphKey, Arc<ParagraphLayout>>,
    /// Whether each font (by font-set generation and id) may be shaped word by word.
    word_safe: FxHashMap<(u64, FontId), bool>,
    /// Never shape word by word (see [`LayoutCache::shaping_whole_runs`]).
    whole_runs: bool,
    /// Keep no laid-out paragraphs (see [`LayoutCache::without_paragraphs`]).
    no_paragraphs: bool,
    stats: CacheStats,
}

impl LayoutCache {
    /// A cache that shapes every run whole, never word by word: what the layout gives without
    /// the shaped-word cache, to check that cache against (slower on a cold start).
    pub fn shaping_whole_runs() -> Self {
        Self {
            whole_runs: true,
            ..Self::default()
        }
    }

    /// A cache that keeps shaped words but no laid-out paragraphs: for a huge text, whose
    /// paragraphs would otherwise be held twice (here and in its layout) while a relayout after
    /// a zoom or resize gains little from them.
    pub fn without_paragraphs() -> Self {
        Self {
            no_paragraphs: true,
            ..Self::default()
        }
    }

    /// Counters of hits and misses since the cache was made.
    pub fn stats(&self) -> CacheStats {
        self.stats
    }

    /// Drops every cached entry (counters are kept).
    pub fn clear(&mut self) {
        self.runs.clear();
        self.run_count = 0;
        self.paragraphs.clear();
        self.word_safe.clear();
    }

    /// True when runs of `font` may be shaped word by word (no lookup of the font reaches across
    /// a space; see [`super::word_safety`]); found out once per font.
    pub(crate) fn words_shape_alone(&mut self, font: FontId, faces: &Faces<'_>) -> bool {
        if self.whole_runs {
            return false;
        }
        let key = (faces.fonts().generation(), font);
        *self.word_safe.entry(key).or_insert_with(|| {
            faces
                .face(font)
                .is_none_or(|face| super::word_safety::words_shape_alone(face))
        })
    }

    /// The shaped run for `key`, shaping it with `shape` on a miss.
    pub(crate) fn run(
        &mut self,
        key: RunKey<'_>,
        shape: impl FnOnce() -> ShapedRun,
    ) -> Arc<ShapedRun> {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one(key);
        if let Some((_, _, run)) = self
            .runs
            .find(hash, |(h, k, _)| *h == hash && k.matches(&key))
        {
            self.stats.shape_hits += 1;
            return Arc::clone(run);
        }
        self.stats.shape_misses += 1;
        if self.run_count >= MAX_ENTRIES {
            self.runs.clear();
            self.run_count = 0;
        }
        let run = Arc::new(shape());
        let owned = OwnedRunKey {
            text: key.text.to_string(),
            pre: key.pre.to_string(),
            post: key.post.to_string(),
            font: key.font,
            rtl: key.rtl,
            script: key.script,
            generation: key.generation,
        };
        self.runs
            .insert_unique(hash, (hash, owned, Arc::clone(&run)), |(h, _, _)| *h);
        self.run_count += 1;
        run
    }

    /// Counts a shaped run found without a lookup (one the caller kept from an earlier hit).
    pub(crate) fn count_shape_hit(&mut self) {
        self.stats.shape_hits += 1;
    }

    /// The cached paragraph layout for `key`, if any (counts a hit or a miss).
    pub(crate) fn paragraph(&mut self, key: &ParagraphKey) -> Option<Arc<ParagraphLayout>> {
        match self.paragraphs.get(key) {
            Some(p) => {
                self.stats.paragraph_hits += 1;
                Some(Arc::clone(p))
            }
            None => {
                self.stats.paragraph_misses += 1;
                None
            }
        }
    }

    /// Stores a paragraph layout.
    pub(crate) fn insert_paragraph(&mut self, key: ParagraphKey, layout: Arc<ParagraphLayout>) {
        if self.no_paragraphs {
            return;
        }
        if self.paragraphs.len() >= MAX_ENTRIES {
            self.paragraphs.clear();
        }
        self.paragraphs.insert(key, layout);
    }
}
