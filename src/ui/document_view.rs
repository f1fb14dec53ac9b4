//! The document view: lays the text out to the view width, paints only the visible lines as atlas
//! glyph quads over annotation highlights and selection rectangles, and applies the selection commands (gestures: `gestures.rs`).
//! Units: egui points; the layout's own coordinates are points from the document's top-left corner.

use super::commands::Command;
pub use super::gestures::Selection;
use super::gestures::{autoscroll_while_dragging, selection_gestures_ui};
use super::highlights::Highlight;
use super::painter::GlyphPainter;
use crate::offset::{CharOffset, CharRange, OffsetMap};
use crate::text::{
    BaseDirection, Cursor, FontSet, LayoutCache, LayoutParams, Point, TextLayout, LINE_HEIGHT,
};
use egui::{Pos2, Rect, Sense, Shape, Vec2};

/// Font size at 100 % zoom, in points.
pub const BASE_FONT_SIZE: f32 = 22.0;
/// Empty space around the text, in points.
const MARGIN: f32 = 24.0;

/// What the current layout was made for; a change means relayout.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LayoutKey {
    width: f32,
    zoom: f32,
    font_generation: u64,
    text_generation: u64,
}

/// A scrollable, selectable view of one text.
pub struct DocumentView {
    text: String,
    offsets: OffsetMap,
    text_generation: u64,
    fonts: FontSet,
    zoom: f32,
    cache: LayoutCache,
    layout: Option<TextLayout>,
    layout_key: Option<LayoutKey>,
    selection: Option<Selection>,
    glyphs: GlyphPainter,
    origin: Pos2,
    layouts_made: u64,
    /// Top of the visible part in the last frame, in layout coordinates.
    viewport_top: f32,
    /// After a zoom, the char that was at the top of the view, to bring back there.
    keep_at_top: Option<CharOffset>,
    /// A char to scroll into view in the next frame (an annotation chosen in the side panel).
    scroll_to: Option<CharOffset>,
    /// Annotation highlights painted behind the glyphs, in paint order.
    highlights: Vec<Highlight>,
}

impl DocumentView {
    /// A view of `text` with the embedded fonts at 100 % zoom.
    pub fn new(text: String) -> Self {
        Self {
            offsets: OffsetMap::new(&text),
            text,
            text_generation: 0,
            fonts: FontSet::embedded(),
            zoom: 1.0,
            cache: LayoutCache::default(),
            layout: None,
            layout_key: None,
            selection: None,
            glyphs: GlyphPainter::new(),
            origin: Pos2::ZERO,
            layouts_made: 0,
            viewport_top: 0.0,
            keep_at_top: None,
            highlights: Vec::new(),
            scroll_to: None,
        }
    }

    /// Replaces the annotation highlights (painted behind the glyphs, first ones lowest).
    pub fn set_highlights(&mut self, highlights: Vec<Highlight>) {
        self.highlights = highlights;
    }

    /// The annotation highlights painted each frame.
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights
    }

    /// `range` widened so that it does not cut a word: a start or end inside a word moves to
    /// that word's edge (UAX #29 words). Unchanged without a layout or for an empty range.
    pub fn snapped_to_words(&self, range: CharRange) -> CharRange {
        let Some(layout) = self.layout.as_ref().filter(|_| !range.is_empty()) else {
            return range;
        };
        let first = layout.word_at(range.start);
        let last = layout.word_at(CharOffset(range.end.0 - 1));
        let start = if first.start < range.start && range.start < first.end {
            first.start
        } else {
            range.start
        };
        let end = if last.start < range.end && range.end < last.end {
            last.end
        } else {
            range.end
        };
        CharRange::new(start, end)
    }

    /// Removes the selection (no caret either).
    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Selects `range` (anchor at its start, focus at its end) and scrolls it into view.
    pub fn select_range(&mut self, range: CharRange) {
        self.selection = Some(Selection {
            anchor: Cursor::after(range.start),
            focus: Cursor::before(range.end),
        });
        self.scroll_to = Some(range.start);
    }

    /// Replaces the text; the selection is cleared.
    pub fn set_text(&mut self, text: String) {
        self.offsets = OffsetMap::new(&text);
        self.text = text;
        self.text_generation += 1;
        self.selection = None;
        self.highlights.clear();
    }

    /// The text shown.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The fonts used; change them with [`Self::fonts_mut`].
    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// The fonts, for adding a user font or choosing the primary one (relayout follows).
    pub fn fonts_mut(&mut self) -> &mut FontSet {
        &mut self.fonts
    }

    /// Replaces the whole font set (e.g. back to the embedded fonts).
    pub fn set_fonts(&mut self, fonts: FontSet) {
        self.fonts = fonts;
        // A fresh set may restart its generation count; force a relayout and new glyphs.
        self.layout_key = None;
        self.glyphs = GlyphPainter::new();
    }

    /// Zoom factor, 1.0 = 100 %.
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// The current selection, if any.
    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }

    /// The selected chars in logical order, if there is a selection.
    pub fn selection_range(&self) -> Option<CharRange> {
        self.selection.map(|s| s.range())
    }

    /// The selected text, in logical order.
    pub fn selected_text(&self) -> Option<&str> {
        let range = self.selection_range()?;
        let start = self.offsets.to_byte(range.start)?.0;
        let end = self.offsets.to_byte(range.end)?.0;
        self.text.get(start..end)
    }

    /// The layout of the last frame (its coordinates start at [`Self::document_origin`]).
    pub fn layout(&self) -> Option<&TextLayout> {
        self.layout.as_ref()
    }

    /// How many times the text was laid out (it should change only with width, zoom, fonts or text).
    pub fn layout_count(&self) -> u64 {
        self.layouts_made
    }

    /// The glyph painter (its atlas, for tests and statistics).
    pub fn glyph_painter(&self) -> &GlyphPainter {
        &self.glyphs
    }

    /// Screen position of the layout's (0, 0) in the last frame, scrolling included.
    pub fn document_origin(&self) -> Pos2 {
        self.origin
    }

    /// Screen position of a layout point, as painted in the last frame.
    pub fn to_screen(&self, p: Point) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y)
    }

    /// Shows the view in the space `ui` offers; returns the commands its gestures emit.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                let width = (ui.available_width() - 2.0 * MARGIN).max(MARGIN);
                self.relayout_if_needed(width);
                let Some(layout) = &self.layout else {
                    return;
                };
                let size = Vec2::new(ui.available_width(), layout.height() + 2.0 * MARGIN);
                let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
                self.origin = rect.min + Vec2::splat(MARGIN);
                if response.hovered() {
                    ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
                }
                self.viewport_top = viewport.min.y - MARGIN;
                if let Some(offset) = self.keep_at_top.take() {
                    let caret = layout.caret_rect(Cursor::after(offset));
                    let top = self.origin + Vec2::new(0.0, caret.min.y);
                    let target = Rect::from_min_size(top, Vec2::new(1.0, caret.height()));
                    ui.scroll_to_rect(target, Some(egui::Align::TOP));
                }
                if let Some(offset) = self.scroll_to.take() {
                    let caret = layout.caret_rect(Cursor::after(offset));
                    let min = self.origin + Vec2::new(caret.min.x, caret.min.y);
                    let target = Rect::from_min_size(min, Vec2::new(1.0, caret.height()));
                    ui.scroll_to_rect(target, Some(egui::Align::Center));
                }
                commands.extend(selection_gestures_ui(
                    ui,
                    &response,
                    layout,
                    self.origin,
                    self.selection,
                ));
                autoscroll_while_dragging(ui, &response);
                self.paint(ui, viewport);
            });
        commands
    }

    /// Applies a command meant for the view; returns false for commands it does not handle.
    pub fn apply(&mut self, ctx: &egui::Context, command: &Command) -> bool {
        match command {
            Command::Select { anchor, focus } => {
                self.selection = Some(Selection {
                    anchor: *anchor,
                    focus: *focus,
                });
            }
            Command::SelectAll => {
                let end = CharOffset(self.offsets.char_len());
                self.selection = Some(Selection {
                    anchor: Cursor::after(CharOffset(0)),
                    focus: Cursor::before(end),
                });
            }
            Command::ExtendSelection(direction) => {
                if let (Some(layout), Some(selection)) = (&self.layout, &mut self.selection) {
                    selection.focus = layout.move_visual(selection.focus, *direction);
                }
            }
            Command::CopySelection => {
                if let Some(text) = self.selected_text().filter(|t| !t.is_empty()) {
                    ctx.copy_text(text.to_owned());
                }
            }
            Command::Zoom(step) => {
                // Keep reading where the user was: the first visible char stays at the top.
                self.keep_at_top = self
                    .layout
                    .as_ref()
                    .filter(|_| self.viewport_top > 0.0)
                    .map(|l| l.hit(Point::new(0.0, self.viewport_top)).offset);
                self.zoom = step.apply(self.zoom);
            }
            _ => return false,
        }
        true
    }

    fn relayout_if_needed(&mut self, width: f32) {
        let key = LayoutKey {
            width,
            zoom: self.zoom,
            font_generation: self.fonts.generation(),
            text_generation: self.text_generation,
        };
        if self.layout.is_some() && self.layout_key == Some(key) {
            return;
        }
        let font_size = BASE_FONT_SIZE * self.zoom;
        let params = LayoutParams {
            font_size,
            width,
            direction: BaseDirection::Auto,
            line_height: LINE_HEIGHT,
        };
        self.layout = Some(TextLayout::new(
            &self.text,
            &self.fonts,
            &params,
            &mut self.cache,
        ));
        self.layout_key = Some(key);
        self.layouts_made += 1;
    }

    /// Paints selection rectangles, then the glyphs of the visible lines, then the caret.
    fn paint(&mut self, ui: &egui::Ui, viewport: Rect) {
        let Some(layout) = &self.layout else {
            return;
        };
        let painter = ui.painter();
        let origin = self.origin;
        let visuals = ui.visuals();
        let text_color = visuals.strong_text_color();
        // Viewport is relative to the scroll content; the layout starts MARGIN below it.
        let y_min = viewport.min.y - MARGIN;
        let y_max = viewport.max.y - MARGIN;
        let to_screen = |r: crate::text::Rect| {
            Rect::from_min_max(
                origin + Vec2::new(r.min.x, r.min.y),
                origin + Vec2::new(r.max.x, r.max.y),
            )
        };
        let visible = |r: &crate::text::Rect| r.max.y >= y_min && r.min.y <= y_max;
        let text_len = self.offsets.char_len();
        for highlight in &self.highlights {
            // Orphans keep ranges of an older text; anything past the end is not drawn.
            if highlight.range.end.0 > text_len || highlight.range.is_empty() {
                continue;
            }
            for r in layout
                .range_rects(highlight.range)
                .iter()
                .filter(|r| visible(r))
            {
                let rect = to_screen(*r);
                painter.rect_filled(rect, 2.0, highlight.fill);
                if let Some(stroke) = highlight.outline {
                    painter.rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
                }
            }
        }
        if let Some(selection) = self.selection {
            let range = selection.range();
            if !range.is_empty() {
                let fill = visuals.selection.bg_fill;
                for r in layout.range_rects(range) {
                    if r.max.y >= y_min && r.min.y <= y_max {
                        painter.rect_filled(to_screen(r), 0.0, fill);
                    }
                }
            }
        }
        self.glyphs.begin(&self.fonts, ui.ctx().pixels_per_point());
        let font_size = BASE_FONT_SIZE * self.zoom;
        for line in layout.lines_in(y_min, y_max) {
            for run in &line.runs {
                for glyph in &run.glyphs {
                    let pen = origin + Vec2::new(glyph.x, line.baseline + glyph.y_offset);
                    self.glyphs
                        .queue(run.font, glyph.id, font_size, pen, text_color);
                }
            }
        }
        let mesh = self.glyphs.finish(ui.ctx(), &self.fonts);
        painter.add(Shape::mesh(mesh));
        if let Some(selection) = self.selection.filter(|s| s.range().is_empty()) {
            let caret = to_screen(layout.caret_rect(selection.focus));
            painter.rect_filled(caret, 0.0, text_color);
        }
    }
}
