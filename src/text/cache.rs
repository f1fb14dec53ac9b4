//! Caches of the text engine: shaped runs (in font units, so reused across sizes and widths) and
//! laid-out paragraphs (keyed by text, font generation, size, width, direction, line height).

use super::fonts::FontId;
use super::paragraph_layout::ParagraphLayout;
use super::shape::ShapedRun;
use super::BaseDirection;
use std::collections::HashMap;
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

/// Key of a shaped run.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct RunKey {
    pub text: String,
    pub pre: String,
    pub post: String,
    pub font: FontId,
    pub rtl: bool,
    pub script: Script,
    pub generation: u64,
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

/// Shaped runs and laid-out paragraphs, shared by every [`super::DocumentLayout`] built with it.
#[derive(Default)]
pub struct LayoutCache {
    runs: HashMap<RunKey, Arc<ShapedRun>>,
    paragraphs: HashMap<ParagraphKey, Arc<ParagraphLayout>>,
    stats: CacheStats,
}

impl LayoutCache {
    /// Counters of hits and misses since the cache was made.
    pub fn stats(&self) -> CacheStats {
        self.stats
    }

    /// Drops every cached entry (counters are kept).
    pub fn clear(&mut self) {
        self.runs.clear();
        self.paragraphs.clear();
    }

    /// The shaped run for `key`, shaping it with `shape` on a miss.
    pub(crate) fn run(&mut self, key: RunKey, shape: impl FnOnce() -> ShapedRun) -> Arc<ShapedRun> {
        if let Some(run) = self.runs.get(&key) {
            self.stats.shape_hits += 1;
            return Arc::clone(run);
        }
        self.stats.shape_misses += 1;
        if self.runs.len() >= MAX_ENTRIES {
            self.runs.clear();
        }
        let run = Arc::new(shape());
        self.runs.insert(key, Arc::clone(&run));
        run
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
        if self.paragraphs.len() >= MAX_ENTRIES {
            self.paragraphs.clear();
        }
        self.paragraphs.insert(key, layout);
    }
}
