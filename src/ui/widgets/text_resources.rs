//! What every Arabic widget shares, kept once per egui `Context`: the fonts, the text engine's
//! layout cache, a memo of laid-out strings (kept while they are shown), and one glyph atlas
//! texture. Widgets reach it with [`with_text_resources`]. Sizes are egui points.
//!
//! Atlas growth within a frame: meshes built earlier in the same pass hold UVs for the old atlas
//! size, so the pass is discarded (egui runs it again at once) and a repaint is requested in case
//! the discard is declined; no frame shows wrong glyphs for more than one frame.

use super::placed_text::PlacedText;
use crate::text::fonts::{NASKH_BOLD_ID, NASKH_REGULAR_ID};
use crate::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout};
use crate::ui::painter::GlyphPainter;
use egui::{Color32, Pos2, Shape, Vec2};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use unicode_segmentation::UnicodeSegmentation;

/// Line height of widget text as a multiple of the font size (room for harakat above and below).
pub const WIDGET_LINE_HEIGHT: f32 = 1.6;

/// Width used to lay out text that must not wrap, px; far wider than any widget.
const NO_WRAP_WIDTH: f32 = 100_000.0;

/// How a string is laid out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WidgetTextStyle {
    /// Font size, points.
    pub size: f32,
    /// Bold Arabic (Noto Naskh Arabic Bold).
    pub strong: bool,
    /// Base direction (Auto: the first strong char decides).
    pub direction: BaseDirection,
    /// Wrap at this width (points), or keep one line per paragraph.
    pub wrap_width: Option<f32>,
}

/// Hashable form of a [`WidgetTextStyle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct StyleKey {
    size_bits: u32,
    strong: bool,
    direction: BaseDirection,
    width_bits: u32,
}

impl WidgetTextStyle {
    fn key(&self, width: f32) -> StyleKey {
        StyleKey {
            size_bits: self.size.to_bits(),
            strong: self.strong,
            direction: self.direction,
            width_bits: width.to_bits(),
        }
    }

    fn layout_width(&self) -> f32 {
        self.wrap_width.map_or(NO_WRAP_WIDTH, |w| w.max(1.0))
    }
}

/// The direction a widget lays `text` out in: as asked, except that `Auto` on a string without
/// any strong char ("100 %", "12–15") is left to right like the interface around it (the text
/// engine's own fallback, right to left, is meant for the Arabic document).
fn widget_direction(text: &str, asked: BaseDirection) -> BaseDirection {
    let no_strong_char = unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Mixed;
    if asked == BaseDirection::Auto && no_strong_char {
        BaseDirection::Ltr
    } else {
        asked
    }
}

/// Values by style and text, kept while used: what was not used in the last pass is dropped at the
/// start of the next one, so the memo holds about one frame's strings.
struct Memo<V> {
    current: HashMap<StyleKey, HashMap<String, V>>,
    previous: HashMap<StyleKey, HashMap<String, V>>,
}

impl<V: Clone> Memo<V> {
    fn new() -> Self {
        Self {
            current: HashMap::new(),
            previous: HashMap::new(),
        }
    }

    fn get(&mut self, key: StyleKey, text: &str) -> Option<V> {
        if let Some(v) = self.current.get(&key).and_then(|m| m.get(text)) {
            return Some(v.clone());
        }
        let (owned, v) = self.previous.get_mut(&key)?.remove_entry(text)?;
        self.current
            .entry(key)
            .or_default()
            .insert(owned, v.clone());
        Some(v)
    }

    fn insert(&mut self, key: StyleKey, text: &str, v: V) {
        self.current
            .entry(key)
            .or_default()
            .insert(text.to_owned(), v);
    }

    fn next_pass(&mut self) {
        self.previous = std::mem::take(&mut self.current);
    }
}

/// Counters for tests and measurements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WidgetTextStats {
    /// Strings laid out (memo misses) since the resources were made.
    pub layouts_made: u64,
    /// Passes asked to be discarded because the atlas grew or filled up.
    pub discards_requested: u64,
    /// Glyphs in the atlas now.
    pub atlas_glyphs: usize,
}

/// One string painted in the current pass, for tests: what was drawn and where.
#[derive(Debug, Clone)]
pub struct PaintedText {
    /// The placed layout (its text is the string as shown, e.g. elided).
    pub placed: PlacedText,
    /// Screen position of the box's top-left corner.
    pub origin: Pos2,
    /// Font size, points.
    pub size: f32,
}

impl PaintedText {
    /// The text as shown.
    pub fn text(&self) -> &str {
        self.placed.layout().text()
    }

    /// Every glyph as (font index, glyph id, screen x of its origin), line by line, left to right.
    pub fn glyphs(&self) -> Vec<(u16, u16, f32)> {
        let mut out = Vec::new();
        for (index, line) in self.placed.layout().lines().enumerate() {
            let dx = self.origin.x + self.placed.shift(index);
            for run in &line.runs {
                out.extend(run.glyphs.iter().map(|g| (run.font.0, g.id, g.x + dx)));
            }
        }
        out
    }
}

/// The shared fonts, caches and glyph atlas of the Arabic widgets.
pub struct TextResources {
    fonts: FontSet,
    bold: FontSet,
    cache: LayoutCache,
    layouts: Memo<Arc<TextLayout>>,
    elided: Memo<Option<Arc<str>>>,
    glyphs: GlyphPainter,
    pass: Option<u64>,
    /// Atlas size when this pass's first mesh was built.
    atlas_size_in_pass: Option<(u32, u32)>,
    painted: Vec<PaintedText>,
    stats: WidgetTextStats,
}

impl Default for TextResources {
    fn default() -> Self {
        Self::new(FontSet::embedded())
    }
}

/// The bold companion of `fonts`: Noto Naskh Arabic Bold as primary when the set has it and uses
/// the regular Naskh, else the same fonts.
fn bold_of(fonts: &FontSet) -> FontSet {
    let mut bold = fonts.clone();
    let regular = fonts.name(NASKH_REGULAR_ID) == "NotoNaskhArabic-Regular";
    if regular && fonts.primary() == NASKH_REGULAR_ID && fonts.len() > NASKH_BOLD_ID.0 as usize {
        bold.set_primary(NASKH_BOLD_ID);
    }
    bold
}

impl TextResources {
    /// Resources drawing with `fonts` (bold text uses Noto Naskh Arabic Bold when available).
    pub fn new(fonts: FontSet) -> Self {
        Self {
            bold: bold_of(&fonts),
            fonts,
            cache: LayoutCache::default(),
            layouts: Memo::new(),
            elided: Memo::new(),
            glyphs: GlyphPainter::new(),
            pass: None,
            atlas_size_in_pass: None,
            painted: Vec::new(),
            stats: WidgetTextStats::default(),
        }
    }

    /// The fonts widgets draw with.
    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// Draws every widget with `fonts` from now on (e.g. the font chosen for the document).
    pub fn set_fonts(&mut self, fonts: FontSet) {
        *self = Self {
            stats: self.stats,
            ..Self::new(fonts)
        };
    }

    /// Counters of layouts made and atlas use.
    pub fn stats(&self) -> WidgetTextStats {
        WidgetTextStats {
            atlas_glyphs: self.glyphs.atlas().len(),
            ..self.stats
        }
    }

    /// The strings painted in the current pass, in paint order.
    pub fn painted(&self) -> &[PaintedText] {
        &self.painted
    }

    /// Starts a new pass when `pass` is not the current one: rotates the memos and lets the atlas
    /// clear itself if it filled up or the fonts changed.
    fn begin_pass(&mut self, pass: u64, pixels_per_point: f32) {
        if self.pass == Some(pass) {
            return;
        }
        self.pass = Some(pass);
        self.layouts.next_pass();
        self.elided.next_pass();
        self.painted.clear();
        self.atlas_size_in_pass = None;
        self.glyphs.begin(&self.fonts, pixels_per_point);
    }

    /// `text` laid out in `style` (from the memo when it was shown in the last pass).
    pub fn layout(&mut self, text: &str, style: &WidgetTextStyle) -> Arc<TextLayout> {
        let width = style.layout_width();
        let key = style.key(width);
        if let Some(layout) = self.layouts.get(key, text) {
            return layout;
        }
        let params = LayoutParams {
            font_size: style.size,
            width,
            direction: widget_direction(text, style.direction),
            line_height: WIDGET_LINE_HEIGHT,
        };
        let fonts = if style.strong {
            &self.bold
        } else {
            &self.fonts
        };
        let layout = Arc::new(TextLayout::new(text, fonts, &params, &mut self.cache));
        self.stats.layouts_made += 1;
        self.layouts.insert(key, text, Arc::clone(&layout));
        layout
    }

    /// The width `text` needs on one line, points.
    pub fn natural_width(&mut self, text: &str, style: &WidgetTextStyle) -> f32 {
        let one_line = WidgetTextStyle {
            wrap_width: None,
            ..*style
        };
        PlacedText::natural_width(&self.layout(text, &one_line))
    }

    /// `text` cut at a grapheme boundary and ended with "…" so that it fits `max_width` on one
    /// line (cut at its logical end, which is the left side in right-to-left text); `None` when
    /// it fits whole.
    pub fn elided(
        &mut self,
        text: &str,
        style: &WidgetTextStyle,
        max_width: f32,
    ) -> Option<Arc<str>> {
        let key = style.key(max_width);
        if let Some(found) = self.elided.get(key, text) {
            return found;
        }
        let result = if self.natural_width(text, style) <= max_width {
            None
        } else {
            let cuts: Vec<usize> = text.grapheme_indices(true).map(|(b, _)| b).collect();
            let candidate = |k: usize| format!("{}…", text[..cuts[k]].trim_end());
            // The longest prefix that fits (widths grow with the prefix, near enough).
            let (mut lo, mut hi) = (0usize, cuts.len());
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if self.natural_width(&candidate(mid), style) <= max_width {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            Some(Arc::from(candidate(lo)))
        };
        self.elided.insert(key, text, result.clone());
        result
    }

    /// Paints `placed` with its box's top-left at `origin`, in `color`, clipped by `painter`;
    /// only lines inside the clip rectangle are drawn.
    pub fn paint(
        &mut self,
        painter: &egui::Painter,
        placed: &PlacedText,
        origin: Pos2,
        size: f32,
        color: Color32,
    ) {
        let ctx = painter.ctx();
        let clip = painter.clip_rect();
        for (index, line) in placed.layout().lines().enumerate() {
            if origin.y + line.bottom() < clip.min.y || origin.y + line.top > clip.max.y {
                continue;
            }
            let dx = placed.shift(index);
            for run in &line.runs {
                for g in &run.glyphs {
                    let pen = origin + Vec2::new(g.x + dx, line.baseline + g.y_offset);
                    self.glyphs.queue(run.font, g.id, size, pen, color);
                }
            }
        }
        let mesh = self.glyphs.finish(ctx, &self.fonts);
        let size_now = self.glyphs.atlas().size();
        let grew = self
            .atlas_size_in_pass
            .is_some_and(|before| before != size_now);
        if grew || self.glyphs.atlas().is_full() {
            self.stats.discards_requested += 1;
            ctx.request_discard("the glyph atlas of the Arabic widgets grew");
            ctx.request_repaint();
        }
        self.atlas_size_in_pass = Some(size_now);
        if !mesh.is_empty() {
            painter.add(Shape::mesh(mesh));
        }
        self.painted.push(PaintedText {
            placed: placed.clone(),
            origin,
            size,
        });
    }
}

/// The handle kept in the `Context`'s temporary data.
#[derive(Clone, Default)]
struct SharedResources(Arc<Mutex<TextResources>>);

/// The key of the shared resources in the `Context`'s data.
fn resources_id() -> egui::Id {
    egui::Id::unique("hamish-arabic-widget-text-resources")
}

/// The resources of `ctx` (made on first use with the embedded fonts). Lock it to read what was
/// painted or change the fonts between frames.
pub fn text_resources(ctx: &egui::Context) -> Arc<Mutex<TextResources>> {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_insert_with(resources_id(), SharedResources::default)
            .0
            .clone()
    })
}

/// Runs `f` on the resources of `ctx`, starting a new pass on them when egui started one. For
/// widgets, during a pass; to read them between frames (tests), lock [`text_resources`] instead.
pub fn with_text_resources<R>(ctx: &egui::Context, f: impl FnOnce(&mut TextResources) -> R) -> R {
    let shared = text_resources(ctx);
    let pass = ctx.cumulative_pass_nr();
    let pixels_per_point = ctx.pixels_per_point();
    // A panic inside a widget poisons the lock; the data is caches, still usable.
    let mut resources = shared.lock().unwrap_or_else(|e| e.into_inner());
    resources.begin_pass(pass, pixels_per_point);
    f(&mut resources)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(wrap: Option<f32>) -> WidgetTextStyle {
        WidgetTextStyle {
            size: 16.0,
            strong: false,
            direction: BaseDirection::Auto,
            wrap_width: wrap,
        }
    }

    #[test]
    fn a_string_shown_every_pass_is_laid_out_once() {
        let mut res = TextResources::default();
        for pass in 0..5 {
            res.begin_pass(pass, 1.0);
            res.layout("قال الوزير", &style(None));
            res.layout("قال الوزير", &style(Some(120.0)));
        }
        assert_eq!(res.stats().layouts_made, 2);
        // Not shown for a whole pass: dropped, laid out again when shown.
        res.begin_pass(10, 1.0);
        res.begin_pass(11, 1.0);
        res.layout("قال الوزير", &style(None));
        assert_eq!(res.stats().layouts_made, 3);
    }

    #[test]
    fn elided_text_fits_and_keeps_the_logical_start() {
        let mut res = TextResources::default();
        res.begin_pass(0, 1.0);
        let text = "شبكة الإرهاب العالمي تنظيم القاعدة بدأ بالانحياز";
        let full = res.natural_width(text, &style(None));
        let short = res.elided(text, &style(None), full / 2.0).unwrap();
        assert!(short.ends_with('…'), "{short}");
        assert!(text.starts_with(short.trim_end_matches('…')), "{short}");
        assert!(res.natural_width(&short, &style(None)) <= full / 2.0);
        assert!(short.chars().count() > 10, "{short}");
        assert_eq!(res.elided(text, &style(None), full + 1.0), None);
    }

    #[test]
    fn a_string_without_strong_chars_reads_left_to_right() {
        let mut res = TextResources::default();
        res.begin_pass(0, 1.0);
        let layout = res.layout("100 %", &style(None));
        let line = layout.lines().next().unwrap();
        assert!(!line.rtl);
        let digits = layout.range_rects(crate::offset::CharRange::from_indices(0, 3));
        let percent = layout.range_rects(crate::offset::CharRange::from_indices(4, 5));
        assert!(digits[0].max.x <= percent[0].min.x + 0.01, "100 left of %");
        assert!(
            res.layout("قال 100", &style(None))
                .lines()
                .next()
                .unwrap()
                .rtl
        );
    }

    #[test]
    fn strong_text_uses_the_bold_arabic_font() {
        let mut res = TextResources::default();
        res.begin_pass(0, 1.0);
        let bold = WidgetTextStyle {
            strong: true,
            ..style(None)
        };
        let layout = res.layout("ادعاء", &bold);
        let fonts: Vec<_> = layout
            .lines()
            .flat_map(|l| l.runs.iter().map(|r| r.font))
            .collect();
        assert_eq!(fonts, [NASKH_BOLD_ID]);
        let layout = res.layout("ادعاء", &style(None));
        assert_eq!(
            layout.lines().next().unwrap().runs[0].font,
            NASKH_REGULAR_ID
        );
    }
}
