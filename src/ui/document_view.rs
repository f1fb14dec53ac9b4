//! The document view: lays the text out to the view width (keeping glyphs only for the lines
//! near the view, the caret and the ends of relation arcs: `text::hollow`), paints only the
//! visible lines as atlas glyph quads over annotation highlights and selection rectangles, marks
//! the bidi controls by name (`bidi_marks.rs`), draws the caret, and applies the selection and
//! caret commands (mouse gestures: `gestures.rs`; keyboard moves: `text::movement`). There is
//! always a caret once a text is shown: at the start when it opens,
//! where a click put it, or where the last selection ended; moves keep it in view.
//! Units: egui points; the layout's own coordinates are points from the document's top-left corner.

use super::arcs::{arc_at, arc_end_ranges, hot, paint_arcs, plan_arcs, ArcInput, Hover};
use super::bidi_marks::{paint_bidi_marks, MarkPlace};
use super::commands::Command;
pub use super::gestures::Selection;
use super::gestures::{autoscroll_while_dragging, selection_gestures_ui};
use super::highlight_index::HighlightIndex;
use super::highlights::Highlight;
use super::painter::GlyphPainter;
use crate::offset::{CharCheckpoints, CharOffset, CharRange};
use crate::render::marks::ArcShape;
use crate::text::bidi::{bidi_controls, BidiControl};
use crate::text::{
    BaseDirection, Cursor, FontSet, LayoutCache, LayoutParams, Motion, Point, TextLayout,
    LINE_HEIGHT,
};
use egui::{Pos2, Rect, Sense, Shape, Vec2};
use std::sync::Arc;

/// Font size at 100 % zoom, in points.
pub const BASE_FONT_SIZE: f32 = 22.0;
/// Empty space around the text, in points.
const MARGIN: f32 = 24.0;
/// Texts up to this many chars are laid out whole in the frame that shows them (a few tens of
/// milliseconds at most); longer ones show their first screen at once and the rest follows a
/// slice per frame.
const WHOLE_LAYOUT_CHARS: usize = 200_000;
/// Time given each frame to laying out more of a long text, so the window stays responsive.
const LAYOUT_SLICE: std::time::Duration = std::time::Duration::from_millis(12);

/// The id of the document view's interaction area: keyboard focus on it (or on nothing) means
/// keys go to the document; focus on any other widget means a text field has them.
pub fn document_view_id() -> egui::Id {
    egui::Id::unique("hamish-document-view")
}

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
    /// The text, shared with its layout.
    text: Arc<str>,
    offsets: CharCheckpoints,
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
    /// Search hits, painted over the highlights and under the selection.
    search_hits: Vec<CharRange>,
    /// The highlights by position, for the visible ones and the one under the pointer.
    highlight_index: HighlightIndex,
    /// Where the caret rests while there is no selection (the start at open, the end of a
    /// selection that was cleared); keyboard moves start from it.
    parked_caret: Option<Cursor>,
    /// The x (layout px) Up and Down keep, set by the first vertical move.
    goal_x: Option<f32>,
    /// Height of the visible part in the last frame, points.
    viewport_height: f32,
    /// Bring the caret into view in the next frame (after a keyboard move).
    caret_into_view: bool,
    /// A scroll offset to set in the next frame (a page move scrolls with the caret; lines
    /// above the view laid out in place of their estimates move it by as much as they moved).
    set_scroll_offset: Option<f32>,
    /// What relation arcs are drawn from (`None`: no arcs).
    arc_input: Option<ArcInput>,
    /// Bumped when the arc input changes.
    arc_generation: u64,
    /// False when the user hid the arcs.
    show_arcs: bool,
    /// The arcs as drawn on the current layout (layout points).
    arcs: Vec<ArcShape>,
    /// What the arcs were made for: the layout and its revision, the input and whether shown.
    arcs_made_for: Option<(LayoutKey, u64, u64, bool)>,
    /// What the pointer was over in the last frame.
    hover: Hover,
    /// Where an Alt-drag that links two annotations started (screen) and its char.
    link_drag: Option<(Pos2, CharOffset)>,
    /// The visible part of the view on screen in the last frame.
    visible: Rect,
    /// The caret's rectangle on screen as painted in the last frame.
    painted_caret: Option<Rect>,
    /// The bidi controls of the text, shown by name where they are.
    controls: Vec<BidiControl>,
    /// The controls' name boxes painted in the last frame (screen).
    bidi_marks: Vec<(BidiControl, Rect)>,
}

impl DocumentView {
    /// A view of `text` with the embedded fonts at 100 % zoom.
    pub fn new(text: String) -> Self {
        let cache = cache_for(&text);
        Self {
            controls: bidi_controls(&text),
            bidi_marks: Vec::new(),
            painted_caret: None,
            offsets: CharCheckpoints::new(&text),
            text: Arc::from(text),
            text_generation: 0,
            fonts: FontSet::embedded(),
            zoom: 1.0,
            cache,
            layout: None,
            layout_key: None,
            selection: None,
            glyphs: GlyphPainter::new(),
            origin: Pos2::ZERO,
            layouts_made: 0,
            viewport_top: 0.0,
            keep_at_top: None,
            highlights: Vec::new(),
            search_hits: Vec::new(),
            highlight_index: HighlightIndex::default(),
            scroll_to: None,
            parked_caret: Some(Cursor::after(CharOffset(0))),
            goal_x: None,
            viewport_height: 0.0,
            caret_into_view: false,
            set_scroll_offset: None,
            arc_input: None,
            arc_generation: 0,
            show_arcs: true,
            arcs: Vec::new(),
            arcs_made_for: None,
            hover: Hover::Nothing,
            link_drag: None,
            visible: Rect::NOTHING,
        }
    }

    /// Replaces what relation arcs are drawn from (the open annotations and the names of the
    /// relation types); the arcs and the room between lines follow in the next frame.
    pub fn set_arc_input(&mut self, input: ArcInput) {
        self.arc_input = Some(input);
        self.arc_generation += 1;
    }

    /// Shows or hides the relation arcs (hidden arcs take no room between lines).
    pub fn set_show_arcs(&mut self, show: bool) {
        self.show_arcs = show;
    }

    /// True when relation arcs are shown.
    pub fn shows_arcs(&self) -> bool {
        self.show_arcs
    }

    /// The arcs drawn in the last frame, in layout points (add [`Self::document_origin`]).
    pub fn arcs(&self) -> &[ArcShape] {
        &self.arcs
    }

    /// What the pointer was over in the last frame.
    pub fn hover(&self) -> Hover {
        self.hover
    }

    /// Replaces the annotation highlights (painted behind the glyphs, first ones lowest).
    pub fn set_highlights(&mut self, highlights: Vec<Highlight>) {
        self.highlight_index = HighlightIndex::new(&highlights);
        self.highlights = highlights;
    }

    /// Replaces the search hits painted (a yellow mark behind each).
    pub fn set_search_hits(&mut self, hits: Vec<CharRange>) {
        self.search_hits = hits;
    }

    /// The annotation highlights painted each frame.
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights
    }

    /// `range` widened so that it does not cut a word: a start or end inside a word moves to
    /// that word's edge (UAX #29 words) — except a start right after the word's proclitics
    /// (و ف ب ل ك, not the article: «جبهة النصرة» in «وجبهة النصرة»), which Arabic training
    /// data tags apart. Unchanged without a layout or for an empty range.
    pub fn snapped_to_words(&self, range: CharRange) -> CharRange {
        let Some(layout) = self.layout.as_ref().filter(|_| !range.is_empty()) else {
            return range;
        };
        let first = layout.word_at(range.start);
        let last = layout.word_at(CharOffset(range.end.0 - 1));
        let inside = first.start < range.start && range.start < first.end;
        let start = if inside && !after_proclitics(layout.text(), first.start, range.start) {
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

    /// Removes the selection; the caret stays where its moving end was.
    pub fn clear_selection(&mut self) {
        if let Some(selection) = self.selection.take() {
            self.parked_caret = Some(selection.focus);
        }
        self.goal_x = None;
    }

    /// The caret: the selection's moving end, or where it rests without a selection.
    pub fn caret(&self) -> Option<Cursor> {
        self.selection.map(|s| s.focus).or(self.parked_caret)
    }

    /// Selects `range` (anchor at its start, focus at its end) and scrolls it into view.
    pub fn select_range(&mut self, range: CharRange) {
        self.selection = Some(Selection {
            anchor: Cursor::after(range.start),
            focus: Cursor::before(range.end),
        });
        self.goal_x = None;
        self.scroll_to = Some(range.start);
    }

    /// Replaces the text; the selection is cleared and the caret goes to the start.
    pub fn set_text(&mut self, text: String) {
        self.offsets = CharCheckpoints::new(&text);
        self.controls = bidi_controls(&text);
        self.cache = cache_for(&text);
        self.text = Arc::from(text);
        self.text_generation += 1;
        self.selection = None;
        self.parked_caret = Some(Cursor::after(CharOffset(0)));
        self.goal_x = None;
        self.set_highlights(Vec::new());
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

    /// Sets the zoom factor (clamped to 50–400 %), e.g. from the preferences.
    pub fn set_zoom(&mut self, zoom: f32) {
        self.zoom = zoom.clamp(super::commands::ZOOM_MIN, super::commands::ZOOM_MAX);
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
        let start = self.offsets.to_byte(&self.text, range.start)?.0;
        let end = self.offsets.to_byte(&self.text, range.end)?.0;
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

    /// The bidi controls marked in the last frame, with their name boxes (screen).
    pub fn bidi_marks(&self) -> &[(BidiControl, Rect)] {
        &self.bidi_marks
    }

    /// The visible part of the view on screen in the last frame.
    pub fn visible_rect(&self) -> Rect {
        self.visible
    }

    /// The width (points) and font size (points) the text was laid out for, as `hamish layout
    /// --width --font-size` takes them; `None` before the first frame.
    pub fn layout_size(&self) -> Option<(f32, f32)> {
        self.layout_key
            .map(|key| (key.width, BASE_FONT_SIZE * key.zoom))
    }

    /// The caret's rectangle on screen in the last frame, if there is a caret.
    pub fn caret_screen_rect(&self) -> Option<Rect> {
        let layout = self.layout.as_ref()?;
        let caret = self.caret()?;
        if caret.offset.0 > self.offsets.char_len() {
            return None;
        }
        let r = layout.caret_rect(caret);
        Some(Rect::from_min_max(
            self.to_screen(r.min),
            self.to_screen(r.max),
        ))
    }

    /// The caret's rectangle on screen exactly as painted in the last frame (`None`: no caret
    /// was painted, e.g. while a range is selected). Lines laid out after painting may have
    /// moved the caret's place in the layout since; the next frame scrolls by as much.
    pub fn painted_caret_rect(&self) -> Option<Rect> {
        self.painted_caret
    }

    /// Screen position of a layout point, as painted in the last frame.
    pub fn to_screen(&self, p: Point) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y)
    }

    /// Shows the view in the space `ui` offers; returns the commands its gestures emit.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if let Some(offset) = self.set_scroll_offset.take() {
            area = area.vertical_scroll_offset(offset);
        }
        // No rubber band past the ends: lines laid out above the view make the text taller
        // between frames, and the view follows them to an offset past last frame's end, which
        // a rubber band would spring back from.
        let rubber_band =
            std::mem::replace(&mut ui.spacing_mut().scroll.kinetic.rubber_band, false);
        area.show_viewport(ui, |ui, viewport| {
            let width = (ui.available_width() - 2.0 * MARGIN).max(MARGIN);
            let fresh = self.relayout_if_needed(width, viewport.height());
            self.keep_filled_near(viewport);
            self.lay_out_what_is_shown(viewport);
            self.rearc_if_needed(ui.ctx());
            let Some(layout) = &self.layout else {
                return;
            };
            let size = Vec2::new(ui.available_width(), layout.height() + 2.0 * MARGIN);
            let (_, rect) = ui.allocate_space(size);
            let response = ui.interact(rect, document_view_id(), Sense::click_and_drag());
            self.origin = rect.min + Vec2::splat(MARGIN);
            if response.hovered() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
            }
            self.viewport_top = viewport.min.y - MARGIN;
            self.visible = ui.clip_rect();
            self.viewport_height = viewport.height();
            let jumped = self.scroll_as_asked(ui);
            self.hover = self.hover_at(response.hover_pos());
            let linking = self.link_drag_ui(ui, &response, &mut commands);
            if !linking {
                let gestures = selection_gestures_ui(
                    ui,
                    &response,
                    self.layout.as_ref().expect("laid out above"),
                    self.origin,
                    self.selection,
                );
                keep_keyboard_focus(ui, &response, !gestures.is_empty());
                commands.extend(gestures);
            }
            autoscroll_while_dragging(ui, &response);
            self.paint(ui, viewport);
            self.lay_out_in_background(ui.ctx(), viewport, fresh || jumped);
        });
        ui.spacing_mut().scroll.kinetic.rubber_band = rubber_band;
        commands
    }

    /// Scrolls to what was asked for in the last frame: the first visible char after a zoom, an
    /// annotation chosen in the panel, the caret after a keyboard move; true when it did. While
    /// the text is still being laid out the view goes there at once: an animation would aim at a
    /// place that moves as the lines above it are laid out.
    fn scroll_as_asked(&mut self, ui: &egui::Ui) -> bool {
        let Some(layout) = &self.layout else {
            return false;
        };
        let asked = self.keep_at_top.is_some() || self.scroll_to.is_some() || self.caret_into_view;
        let animation = if layout.is_complete() {
            ui.style().scroll_animation
        } else {
            egui::style::ScrollAnimation::none()
        };
        let screen_rect = |c: Cursor| {
            let r = layout.caret_rect(c);
            Rect::from_min_max(
                self.origin + Vec2::new(r.min.x, r.min.y),
                self.origin + Vec2::new(r.max.x, r.max.y),
            )
        };
        if let Some(offset) = self.keep_at_top.take() {
            let caret = screen_rect(Cursor::after(offset));
            let left = Pos2::new(self.origin.x, caret.min.y);
            let target = Rect::from_min_size(left, Vec2::new(1.0, caret.height()));
            ui.scroll_to_rect_animation(target, Some(egui::Align::TOP), animation);
        }
        if let Some(offset) = self.scroll_to.take() {
            let caret = screen_rect(Cursor::after(offset));
            let target = Rect::from_min_size(caret.min, Vec2::new(1.0, caret.height()));
            ui.scroll_to_rect_animation(target, Some(egui::Align::Center), animation);
        }
        if std::mem::take(&mut self.caret_into_view) {
            if let Some(caret) = self.caret() {
                // Half a line of room above and below, so the caret's line is seen whole.
                let room = Vec2::new(0.0, BASE_FONT_SIZE * self.zoom * 0.5);
                ui.scroll_to_rect_animation(screen_rect(caret).expand2(room), None, animation);
            }
        }
        asked
    }

    /// Applies a command meant for the view; returns false for commands it does not handle.
    pub fn apply(&mut self, ctx: &egui::Context, command: &Command) -> bool {
        if !matches!(command, Command::MoveCaret { .. }) {
            self.goal_x = None;
        }
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
            Command::MoveCaret { motion, extend } => self.move_caret(*motion, *extend),
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

    /// Moves the caret (`extend`: the selection's moving end only) and keeps it in view; a page
    /// move scrolls the text by as much as the caret moved.
    fn move_caret(&mut self, motion: Motion, extend: bool) {
        let from = self.selection.unwrap_or_else(|| {
            let caret = self.parked_caret.unwrap_or(Cursor::after(CharOffset(0)));
            Selection {
                anchor: caret,
                focus: caret,
            }
        });
        self.lay_out_around(from.focus, motion);
        let Some(layout) = &self.layout else {
            return;
        };
        if let (Motion::Grapheme(dir), false) = (motion, extend) {
            if from.anchor.offset != from.focus.offset {
                let caret = layout.collapse_toward(from.anchor, from.focus, dir);
                self.goal_x = None;
                self.selection = Some(Selection {
                    anchor: caret,
                    focus: caret,
                });
                self.caret_into_view = true;
                return;
            }
        }
        let line_height = BASE_FONT_SIZE * self.zoom * LINE_HEIGHT;
        // A page keeps one line of the previous screen in sight.
        let page = (self.viewport_height - line_height).max(line_height);
        let moved = layout.move_caret(from.focus, motion, self.goal_x, page);
        if matches!(motion, Motion::PageUp | Motion::PageDown) {
            let dy = layout.caret_rect(moved.cursor).min.y - layout.caret_rect(from.focus).min.y;
            self.set_scroll_offset = Some((self.viewport_top + MARGIN + dy).max(0.0));
        }
        self.goal_x = moved.goal_x;
        self.selection = Some(Selection {
            anchor: if extend { from.anchor } else { moved.cursor },
            focus: moved.cursor,
        });
        self.caret_into_view = true;
    }

    /// Plans the arcs again when the layout, the relations or the toggle changed since they were
    /// made, growing the gaps between lines where arcs need room (none while hidden).
    fn rearc_if_needed(&mut self, ctx: &egui::Context) {
        let (Some(key), Some(layout)) = (self.layout_key, self.layout.as_mut()) else {
            return;
        };
        // A layout still growing gets its arcs planned again as more of it is laid out.
        let wanted = (key, layout.revision(), self.arc_generation, self.show_arcs);
        if self.arcs_made_for == Some(wanted) {
            return;
        }
        self.arcs = match (&self.arc_input, self.show_arcs) {
            (Some(input), true) => {
                // Arcs are planned on the glyph boxes of their ends, wherever they are.
                layout.pin_filled(&self.fonts, &mut self.cache, &arc_end_ranges(input));
                plan_arcs(ctx, layout, input, BASE_FONT_SIZE * self.zoom)
            }
            _ => {
                layout.set_space_above(|_| 0.0);
                Vec::new()
            }
        };
        self.arcs_made_for = Some(wanted);
    }

    /// What is under the pointer at `pos` (screen): an arc, else the shortest highlighted span.
    fn hover_at(&self, pos: Option<Pos2>) -> Hover {
        let (Some(pos), Some(layout)) = (pos, self.layout.as_ref()) else {
            return Hover::Nothing;
        };
        let local = pos - self.origin;
        let p = Point::new(local.x, local.y);
        if self.show_arcs {
            if let Some(relation) = arc_at(&self.arcs, p) {
                return Hover::Relation(relation);
            }
        }
        let offset = layout.hit(p).offset;
        self.highlight_index
            .at(offset)
            .into_iter()
            .map(|i| &self.highlights[i])
            .filter(|h| h.range.end.0 <= self.offsets.char_len())
            .filter(|h| layout.range_rects(h.range).iter().any(|r| r.contains(p)))
            .min_by_key(|h| h.range.len())
            .map_or(Hover::Nothing, |h| Hover::Annotation(h.annotation))
    }

    /// An Alt-drag from one highlight to another asks to link them: returns true while it (or
    /// Alt) takes the pointer, so no text gets selected; the drop emits [`Command::LinkDrop`].
    fn link_drag_ui(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        commands: &mut Vec<Command>,
    ) -> bool {
        let alt = ui.input(|i| i.modifiers.alt);
        let Some(layout) = self.layout.as_ref() else {
            return false;
        };
        let offset_at = |pos: Pos2| {
            let local = pos - self.origin;
            layout.hit(Point::new(local.x, local.y)).offset
        };
        if alt && response.drag_started() {
            if let Some(start) = ui.input(|i| i.pointer.press_origin()) {
                self.link_drag = Some((start, offset_at(start)));
            }
        }
        if let Some((_, from)) = self.link_drag {
            if response.drag_stopped() || !ui.input(|i| i.pointer.primary_down()) {
                self.link_drag = None;
                if let Some(end) = response
                    .interact_pointer_pos()
                    .or(ui.ctx().pointer_latest_pos())
                {
                    commands.push(Command::LinkDrop {
                        from,
                        to: offset_at(end),
                    });
                }
            }
            return true;
        }
        alt
    }

    /// Lays the text out again when the width, zoom, fonts or text changed: a short text whole, a
    /// long one its first `screen` (points) with the rest estimated, what the view shows being
    /// laid out where it is; true when it did. The char at the top of the view stays at the top
    /// (a zoom asks for that itself; a new width or font too).
    fn relayout_if_needed(&mut self, width: f32, screen: f32) -> bool {
        let key = LayoutKey {
            width,
            zoom: self.zoom,
            font_generation: self.fonts.generation(),
            text_generation: self.text_generation,
        };
        if self.layout.is_some() && self.layout_key == Some(key) {
            return false;
        }
        let font_size = BASE_FONT_SIZE * self.zoom;
        let params = LayoutParams {
            font_size,
            width,
            direction: BaseDirection::Auto,
            line_height: LINE_HEIGHT,
        };
        let limit = if self.offsets.char_len() <= WHOLE_LAYOUT_CHARS {
            f32::INFINITY
        } else {
            screen
        };
        let same_text = self.layout_key.map(|k| k.text_generation) == Some(key.text_generation);
        if same_text && self.keep_at_top.is_none() && self.viewport_top > 0.0 {
            self.keep_at_top = self
                .layout
                .as_ref()
                .map(|l| l.hit(Point::new(0.0, self.viewport_top)).offset);
        }
        self.layout = Some(TextLayout::new_until_shared(
            Arc::clone(&self.text),
            &self.fonts,
            &params,
            &mut self.cache,
            limit,
        ));
        self.layout_key = Some(key);
        self.layouts_made += 1;
        true
    }

    /// Keeps glyphs and grapheme boxes only for the lines near `viewport` (scroll content
    /// points: one screen above and below it) and those of the caret, the selection's ends and
    /// where the view is asked to scroll; the others are hollowed (see `text::hollow`), so a huge
    /// text takes a few bytes a char beyond its own size.
    fn keep_filled_near(&mut self, viewport: Rect) {
        let Some(layout) = self.layout.as_mut() else {
            return;
        };
        let screen = viewport
            .height()
            .max(BASE_FONT_SIZE * self.zoom * LINE_HEIGHT);
        let band = (
            viewport.min.y - MARGIN - screen,
            viewport.max.y - MARGIN + screen,
        );
        let selection = self.selection.map(|s| [s.anchor.offset, s.focus.offset]);
        let offsets: Vec<CharOffset> = selection
            .into_iter()
            .flatten()
            .chain(self.parked_caret.map(|c| c.offset))
            .chain(self.scroll_to)
            .chain(self.keep_at_top)
            .collect();
        layout.keep_filled(&self.fonts, &mut self.cache, band, &offsets);
    }

    /// Lays out, in a text not laid out whole yet, what this frame shows or jumps to, out of
    /// order where it is ahead of what is laid out (paragraphs below have estimated heights
    /// meanwhile): a char to scroll to and a screen around it, the char kept at the top after a
    /// zoom, the view from its top down to one screen below it. The top of the view stays put.
    fn lay_out_what_is_shown(&mut self, viewport: Rect) {
        let Some(layout) = self.layout.as_mut().filter(|l| !l.is_complete()) else {
            return;
        };
        let (fonts, cache) = (&self.fonts, &mut self.cache);
        let screen = viewport.height();
        for offset in [self.scroll_to, self.keep_at_top].into_iter().flatten() {
            layout.lay_out_near(fonts, cache, offset, (screen, screen));
        }
        let top = viewport.min.y - MARGIN;
        layout.lay_out_y(fonts, cache, top, viewport.max.y - MARGIN + screen);
    }

    /// After painting, in a text not laid out whole yet: lays out the screen above the view
    /// and one more slice from the top, keeping what the view shows where it is
    /// (`follow_anchor`), and asks for another frame until the text is laid out. Not in the
    /// frame that made the layout (so the first screen shows soonest) nor in one that asked to
    /// scroll (`wait`: the view is not yet where it will be).
    fn lay_out_in_background(&mut self, ctx: &egui::Context, viewport: Rect, wait: bool) {
        if self.layout.as_ref().is_none_or(|l| l.is_complete()) {
            return;
        }
        if wait {
            ctx.request_repaint();
            return;
        }
        let anchor = self.view_anchor();
        if let Some(layout) = self.layout.as_mut() {
            let (fonts, cache) = (&self.fonts, &mut self.cache);
            let top = viewport.min.y - MARGIN;
            layout.lay_out_y(fonts, cache, top - viewport.height(), top);
            layout.extend_for(fonts, cache, LAYOUT_SLICE);
        }
        self.follow_anchor(anchor);
        if self.layout.as_ref().is_some_and(|l| !l.is_complete()) {
            ctx.request_repaint();
        }
    }

    /// The first char of the line at the top of the view in the last frame and that line's
    /// top (layout points).
    fn view_anchor(&self) -> Option<(CharOffset, f32)> {
        let layout = self.layout.as_ref()?;
        let line = layout
            .lines_in(self.viewport_top, self.viewport_top + 1.0)
            .next()?;
        Some((line.chars.start, line.top))
    }

    /// When the anchor's line moved (lines above it laid out in place of their estimates),
    /// scrolls the next frame by as much, so the text shown does not jump.
    fn follow_anchor(&mut self, anchor: Option<(CharOffset, f32)>) {
        let (Some((offset, top)), Some(layout)) = (anchor, self.layout.as_ref()) else {
            return;
        };
        let moved = layout.caret_rect(Cursor::after(offset)).min.y - top;
        if moved.abs() > 0.01 {
            self.viewport_top += moved;
            let offset = self
                .set_scroll_offset
                .map_or(self.viewport_top + MARGIN, |o| o + moved);
            self.set_scroll_offset = Some(offset.max(0.0));
        }
    }

    /// Lays out (in a text not laid out whole yet: out of order, keeping the view's top where
    /// it is) and fills (where lines are hollow) what a caret move from `caret` can reach: the
    /// end of the text for a move there, else the caret's paragraph and a page and a screen
    /// around it.
    fn lay_out_around(&mut self, caret: Cursor, motion: Motion) {
        let anchor = self.view_anchor();
        let Some(layout) = self.layout.as_mut() else {
            return;
        };
        let (fonts, cache) = (&self.fonts, &mut self.cache);
        let line_height = BASE_FONT_SIZE * self.zoom * LINE_HEIGHT;
        let reach = 2.0 * self.viewport_height.max(line_height) + line_height;
        if motion == Motion::TextEnd {
            layout.lay_out_end(fonts, cache, reach);
            let end = layout.text_end().offset;
            layout.fill_chars(fonts, cache, CharRange::new(end, end));
        } else {
            layout.lay_out_near(fonts, cache, caret.offset, (reach, reach));
            let at = layout.caret_rect(caret);
            layout.fill_y(fonts, cache, at.min.y - reach, at.max.y + reach);
        }
        self.follow_anchor(anchor);
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
        let (hot_relations, hot_ends) = hot(&self.arcs, self.hover);
        // Every fill and underline in one mesh of plain quads, in paint order, put here below
        // the outlines and counts: a thousand highlights are a few thousand vertices instead of
        // a few thousand anti-aliased shapes to tessellate each frame.
        let fills_slot = painter.add(Shape::Noop);
        let mut fills = egui::Mesh::default();
        let shown = visible_chars(layout, y_min, y_max);
        for highlight in self.highlight_index.over(shown).into_iter() {
            let highlight = &self.highlights[highlight];
            // Orphans keep ranges of an older text; anything past the end is not drawn.
            if highlight.range.end.0 > text_len {
                continue;
            }
            // Only the visible part: a span over a thousand lines paints the lines on screen.
            let part = CharRange::new(
                highlight.range.start.max(shown.start),
                highlight.range.end.min(shown.end),
            );
            let rects: Vec<Rect> = layout
                .range_rects(part)
                .iter()
                .filter(|r| visible(r))
                .map(|r| to_screen(*r))
                .collect();
            let is_end = hot_ends.contains(&highlight.annotation);
            paint_highlight(painter, &mut fills, highlight, &rects, is_end);
        }
        painter.set(fills_slot, Shape::mesh(fills));
        let hit_fill = egui::Color32::from_rgba_unmultiplied(255, 200, 0, 110);
        for hit in self.search_hits.iter().filter(|h| h.end.0 <= text_len) {
            for r in layout.range_rects(*hit).iter().filter(|r| visible(r)) {
                painter.rect_filled(to_screen(*r), 2.0, hit_fill);
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
        let place = MarkPlace {
            origin,
            visible: (y_min, y_max),
            font_size,
        };
        self.bidi_marks = paint_bidi_marks(ui, layout, &self.controls, &place);
        if self.show_arcs {
            paint_arcs(
                ui,
                origin,
                &self.arcs,
                &hot_relations,
                font_size,
                (y_min, y_max),
            );
        }
        if let (Some((start, _)), Some(now)) = (self.link_drag, ui.ctx().pointer_latest_pos()) {
            let stroke = egui::Stroke::new(2.0, visuals.strong_text_color());
            painter.arrow(start, now - start, stroke);
        }
        let caret = match self.selection {
            Some(selection) if selection.range().is_empty() => Some(selection.focus),
            Some(_) => None,
            None => self.parked_caret,
        };
        // A caret in a part not laid out yet (after Select All in a long text) is not drawn yet.
        self.painted_caret = None;
        if let Some(caret) =
            caret.filter(|c| c.offset.0 <= text_len && layout.is_laid_out(c.offset))
        {
            // Two points wide at any zoom, so the caret is seen on a high-resolution screen too.
            let rect = to_screen(layout.caret_rect(caret));
            self.painted_caret = Some(rect);
            let rect = Rect::from_center_size(rect.center(), Vec2::new(2.0, rect.height()));
            painter.rect_filled(rect, 0.0, text_color);
        }
    }
}

/// The layout cache for `text`: without laid-out paragraphs for a long text, which would hold
/// its whole layout a second time.
fn cache_for(text: &str) -> LayoutCache {
    // Bytes, not chars: no count of a huge text here; Arabic takes about two bytes a char.
    if text.len() > 2 * WHOLE_LAYOUT_CHARS {
        LayoutCache::without_paragraphs()
    } else {
        LayoutCache::default()
    }
}

/// The chars of the lines that overlap `y_min..y_max` (layout points), separators included.
fn visible_chars(layout: &TextLayout, y_min: f32, y_max: f32) -> CharRange {
    let mut lines = layout.lines_in(y_min, y_max);
    let Some(first) = lines.next() else {
        return CharRange::from_indices(0, 0);
    };
    let last = lines.last().unwrap_or(first);
    // One more char: the separator after the last line, which a highlight may end on.
    CharRange::from_indices(first.chars.start.0, last.chars.end.0 + 1)
}

/// Gives the view keyboard focus when it is pressed, and while it has focus keeps the arrow keys
/// for the caret (egui would otherwise move focus to the next widget with them).
fn keep_keyboard_focus(ui: &egui::Ui, response: &egui::Response, pressed: bool) {
    if pressed {
        response.request_focus();
    }
    if response.has_focus() {
        let filter = egui::EventFilter {
            horizontal_arrows: true,
            vertical_arrows: true,
            tab: false,
            escape: false,
        };
        ui.memory_mut(|m| m.set_focus_lock_filter(response.id, filter));
    }
}

/// Paints one highlight on its rectangles (screen): the translucent fill, inset by its lane so a
/// nested span shows as a band inside the outer one, and a solid underline in its lane (both
/// into `fills`); an outline when selected, flagged or at the end of a hovered arc; and, on the
/// first of several identical spans, how many there are.
fn paint_highlight(
    painter: &egui::Painter,
    fills: &mut egui::Mesh,
    highlight: &Highlight,
    rects: &[Rect],
    is_end: bool,
) {
    const LANE_STEP: f32 = 3.5;
    let lane = highlight.lane as f32;
    for rect in rects {
        let inset = (lane * LANE_STEP).min(rect.height() * 0.3);
        let band = rect.shrink2(Vec2::new(0.0, inset));
        fills.add_colored_rect(band, highlight.fill);
        let y = rect.bottom() - 2.0 - lane * LANE_STEP;
        let underline =
            Rect::from_min_max(Pos2::new(rect.left(), y - 2.5), Pos2::new(rect.right(), y));
        fills.add_colored_rect(underline, highlight.colour);
        let outline = if is_end {
            Some(egui::Stroke::new(2.5, highlight.colour))
        } else {
            highlight.outline
        };
        if let Some(stroke) = outline {
            painter.rect_stroke(band, 2.0, stroke, egui::StrokeKind::Inside);
        }
    }
    if let (true, Some(first)) = (highlight.count > 1, rects.first()) {
        // At the span's top right corner: where an Arabic span starts.
        let centre = Pos2::new(first.right() - 1.0, first.top() + 1.0);
        painter.circle_filled(centre, 8.0, highlight.colour);
        painter.text(
            centre,
            egui::Align2::CENTER_CENTER,
            format!("{}", highlight.count),
            egui::FontId::proportional(11.0),
            egui::Color32::WHITE,
        );
    }
}
/// True when the chars of `text` from `word_start` to `at` are one or two proclitics (a
/// conjunction و ف, a preposition ب ل ك, or لل), harakat aside; the article alone is not.
fn after_proclitics(text: &str, word_start: CharOffset, at: CharOffset) -> bool {
    let prefix: String = text
        .chars()
        .skip(word_start.0)
        .take(at.0 - word_start.0)
        .collect();
    let prefix = crate::search::normalize::normalize(&prefix, Default::default());
    !prefix.is_empty()
        && !prefix.ends_with("ال")
        && crate::search::clitics::is_proclitic_prefix(&prefix)
}
