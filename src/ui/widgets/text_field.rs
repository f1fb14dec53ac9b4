//! An editable text field, single- or multi-line, drawn and hit-tested with Hamish's text engine
//! so Arabic, Latin and digits mixed in one field read and move correctly. It edits the caller's
//! `&mut String`, takes focus through egui's memory, and keeps its selection, undo history and IME
//! composition in egui's temporary memory under its id. Offsets are chars; sizes egui points.

pub mod caret;
pub mod edit;
pub mod field_state;
pub mod input;
pub mod undo;

use super::arabic_label::default_text_size;
use super::placed_text::{PlacedText, TextAlign};
use super::text_resources::{with_text_resources, WidgetTextStyle, WIDGET_LINE_HEIGHT};
use crate::offset::{CharOffset, CharRange};
use crate::text::{BaseDirection, Cursor, Point};
use edit::FieldSelection;
use egui::{
    Color32, EventFilter, Id, Pos2, Rect, Response, Sense, StrokeKind, Ui, Vec2, Widget, WidgetInfo,
};
use field_state::{Effect, FieldState};
use input::field_actions;
use std::borrow::Cow;
use std::sync::{Arc, Mutex};

/// Space between the frame and the text, points.
const PADDING: Vec2 = Vec2::new(4.0, 2.0);
/// Width of the drawn caret, points.
const CARET_WIDTH: f32 = 1.5;

/// Keys the field keeps while focused: arrows move the caret; Tab and Escape still move focus.
const KEYS_KEPT: EventFilter = EventFilter {
    tab: false,
    horizontal_arrows: true,
    vertical_arrows: true,
    escape: false,
};

/// The field's state as kept in egui's temporary memory (shared, so storing it is cheap).
#[derive(Clone, Default)]
struct StoredState(Arc<Mutex<FieldState>>);

fn stored_state(ctx: &egui::Context, id: Id) -> Arc<Mutex<FieldState>> {
    ctx.data_mut(|d| d.get_temp_mut_or_default::<StoredState>(id).0.clone())
}

/// What [`TextField::show`] reports.
pub struct TextFieldOutput {
    /// The widget's response (`changed()` when the text changed this frame).
    pub response: Response,
    /// Enter was pressed in a single-line field (it gave up focus).
    pub submitted: bool,
    /// The selection after this frame, chars in logical order (empty: the caret).
    pub selection: CharRange,
}

/// An editable text field over a `&mut String`. Build it, then `ui.add(field)` or `field.show(ui)`.
#[must_use = "add it with ui.add(field) or field.show(ui)"]
pub struct TextField<'t> {
    text: &'t mut String,
    multiline: bool,
    id_salt: Option<egui::IdSalt>,
    desired_width: Option<f32>,
    rows: usize,
    size: Option<f32>,
    hint: Cow<'static, str>,
    name: Option<String>,
    direction: BaseDirection,
}

impl<'t> TextField<'t> {
    /// A one-line field: Enter reports "submitted", pasted line breaks become spaces.
    pub fn singleline(text: &'t mut String) -> Self {
        Self::new(text, false)
    }

    /// A multi-line field: Enter inserts a line break, lines wrap at the field's width.
    pub fn multiline(text: &'t mut String) -> Self {
        Self::new(text, true)
    }

    fn new(text: &'t mut String, multiline: bool) -> Self {
        Self {
            text,
            multiline,
            id_salt: None,
            desired_width: None,
            rows: 4,
            size: None,
            hint: Cow::Borrowed(""),
            name: None,
            direction: BaseDirection::Auto,
        }
    }

    /// Names the field so its state survives changes in the surrounding layout.
    pub fn id_salt(mut self, salt: impl egui::AsIdSalt) -> Self {
        self.id_salt = Some(egui::IdSalt::new(salt));
        self
    }

    /// Width in points (default: the available width).
    pub fn desired_width(mut self, width: f32) -> Self {
        self.desired_width = Some(width);
        self
    }

    /// Lines a multi-line field shows at least (default 4).
    pub fn desired_rows(mut self, rows: usize) -> Self {
        self.rows = rows.max(1);
        self
    }

    /// Font size in points (default: as the Arabic label).
    pub fn size(mut self, size: f32) -> Self {
        self.size = Some(size);
        self
    }

    /// Grey text shown while the field is empty and not focused.
    pub fn hint_text(mut self, hint: impl Into<Cow<'static, str>>) -> Self {
        self.hint = hint.into();
        self
    }

    /// The name screen readers (and kittest queries) know the field by (default: the hint text).
    pub fn accessible_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The paragraph direction (default: the first strong char decides).
    pub fn direction(mut self, direction: BaseDirection) -> Self {
        self.direction = direction;
        self
    }

    /// The selection of the field `id` (its response's id), if it was shown.
    pub fn selection(ctx: &egui::Context, id: Id) -> Option<CharRange> {
        let stored = ctx.data(|d| d.get_temp::<StoredState>(id))?;
        let state = stored.0.lock().unwrap_or_else(|e| e.into_inner());
        Some(state.edit.selection.range())
    }

    /// Sets the selection of the field `id` (anchor at the range's start, caret at its end).
    pub fn set_selection(ctx: &egui::Context, id: Id, range: CharRange) {
        let stored = stored_state(ctx, id);
        let mut state = stored.lock().unwrap_or_else(|e| e.into_inner());
        state.edit.selection = FieldSelection {
            anchor: Cursor::after(range.start),
            focus: Cursor::before(range.end),
        };
    }

    /// Shows the field; returns its response, whether Enter submitted it, and the selection.
    pub fn show(self, ui: &mut Ui) -> TextFieldOutput {
        let id = match self.id_salt {
            Some(salt) => ui.make_persistent_id(salt),
            None => ui.next_auto_id(),
        };
        let mut field = FieldUi::new(&self, ui, id);
        let name = self.name.unwrap_or_else(|| self.hint.to_string());
        let (text, hint) = (self.text, self.hint);
        let stored = stored_state(ui.ctx(), id);
        let mut state = stored.lock().unwrap_or_else(|e| e.into_inner());
        state.sync(text);
        let effect = field.handle_keys(ui, &mut state, text);
        let shown = field.place_shown(ui, &state, text);
        let response = field.allocate(ui, &shown);
        field.handle_pointer(ui, &response, &mut state, &shown);
        if response.lost_focus() {
            state.lose_focus();
        }
        field.scroll_to_caret(&mut state, &shown);
        field.paint(ui, &response, &state, &shown, &hint, text);
        state.remember(text);
        let selection = state.edit.selection.range();
        drop(state);
        let response = field.finish(ui, response, &effect, (&name, &hint), text);
        TextFieldOutput {
            response,
            submitted: effect.submitted,
            selection,
        }
    }
}

impl Widget for TextField<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        self.show(ui).response
    }
}

/// One frame of one field: its geometry and style, and the steps of [`TextField::show`].
struct FieldUi {
    id: Id,
    multiline: bool,
    rows: usize,
    style: WidgetTextStyle,
    width: f32,
    inner_width: f32,
    line_height: f32,
    /// Screen position of the placed text's box (set by [`Self::allocate`]).
    origin: Pos2,
    inner: Rect,
}

impl FieldUi {
    fn new(field: &TextField<'_>, ui: &Ui, id: Id) -> Self {
        let size = field.size.unwrap_or_else(|| default_text_size(ui));
        let width = field
            .desired_width
            .unwrap_or_else(|| ui.available_width())
            .max(2.0 * PADDING.x + size);
        let inner_width = width - 2.0 * PADDING.x;
        Self {
            id,
            multiline: field.multiline,
            rows: field.rows,
            style: WidgetTextStyle {
                size,
                strong: false,
                direction: field.direction,
                wrap_width: field.multiline.then_some(inner_width),
            },
            width,
            inner_width,
            line_height: size * WIDGET_LINE_HEIGHT,
            origin: Pos2::ZERO,
            inner: Rect::NOTHING,
        }
    }

    /// `text` laid out and placed as this field shows it.
    fn place(&self, ui: &Ui, text: &str) -> PlacedText {
        with_text_resources(ui.ctx(), |res| {
            let layout = res.layout(text, &self.style);
            PlacedText::new(layout, Some(self.inner_width), TextAlign::Auto)
        })
    }

    /// Applies this frame's keyboard, clipboard and IME events when the field has focus.
    fn handle_keys(&self, ui: &Ui, state: &mut FieldState, text: &mut String) -> Effect {
        let mut total = Effect::default();
        if !ui.memory(|m| m.has_focus(self.id)) {
            return total;
        }
        ui.memory_mut(|m| m.set_focus_lock_filter(self.id, KEYS_KEPT));
        let events = ui.input(|i| i.filtered_events(&KEYS_KEPT));
        for action in field_actions(&events) {
            let effect = state.apply(&action, text, self.multiline, |t| self.place(ui, t));
            if let Some(copied) = effect.copied {
                ui.ctx().copy_text(copied);
            }
            total.changed |= effect.changed;
            if effect.submitted {
                total.submitted = true;
                ui.memory_mut(|m| m.surrender_focus(self.id));
                break;
            }
        }
        total
    }

    /// The text as shown (with the IME composition), placed.
    fn place_shown(&self, ui: &Ui, state: &FieldState, text: &str) -> PlacedText {
        let (shown, _) = state.display_text(text);
        self.place(ui, &shown)
    }

    /// Takes the field's space and senses clicks and drags on it.
    fn allocate(&mut self, ui: &mut Ui, shown: &PlacedText) -> Response {
        let text_height = if self.multiline {
            shown.height().max(self.rows as f32 * self.line_height)
        } else {
            self.line_height
        };
        let size = Vec2::new(self.width, text_height + 2.0 * PADDING.y);
        let (_, rect) = ui.allocate_space(size);
        self.inner = rect.shrink2(PADDING);
        self.origin = self.inner.min;
        let response = ui.interact(rect, self.id, Sense::click_and_drag());
        if response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
        }
        response
    }

    /// Mouse: press places the caret (Shift extends), drag selects, double-click selects a word,
    /// triple-click the whole text; clicking gives the field focus.
    fn handle_pointer(
        &self,
        ui: &Ui,
        response: &Response,
        state: &mut FieldState,
        shown: &PlacedText,
    ) {
        let origin = self.origin - Vec2::new(state.scroll_x, 0.0);
        let at = |pos: Pos2| shown.hit(Point::new(pos.x - origin.x, pos.y - origin.y));
        let shift = ui.input(|i| i.modifiers.shift);
        let pressed_here =
            response.is_pointer_button_down_on() && ui.input(|i| i.pointer.primary_pressed());
        let placed_at = if response.triple_clicked() {
            let end = CharOffset(edit::char_len(shown.layout().text()));
            state.edit.selection = FieldSelection {
                anchor: Cursor::after(CharOffset(0)),
                focus: Cursor::before(end),
            };
            Some(())
        } else if response.double_clicked() {
            response.interact_pointer_pos().map(|pos| {
                let word = shown.layout().word_at(at(pos).offset);
                state.edit.selection = FieldSelection {
                    anchor: Cursor::after(word.start),
                    focus: Cursor::before(word.end),
                };
            })
        } else if pressed_here {
            let press = ui.input(|i| i.pointer.press_origin());
            press.map(|pos| state.edit.move_to(at(pos), shift))
        } else if response.dragged() {
            let pos = response.interact_pointer_pos();
            pos.map(|pos| state.edit.move_to(at(pos), true))
        } else if response.clicked() {
            let pos = response.interact_pointer_pos();
            pos.map(|pos| state.edit.move_to(at(pos), shift))
        } else {
            None
        };
        if placed_at.is_some() {
            state.preferred_x = None;
            if state.preedit.take().is_some() {
                ui.memory_mut(|m| m.interrupt_ime());
            }
            response.request_focus();
            // One more frame before the next key, so the arrows are kept by the field (egui sets
            // the focus filter only for a widget that had focus in the previous frame).
            ui.ctx().request_repaint();
        }
    }

    /// Scrolls a single-line field so the caret stays inside it.
    fn scroll_to_caret(&self, state: &mut FieldState, shown: &PlacedText) {
        if self.multiline {
            state.scroll_x = 0.0;
            return;
        }
        let caret = shown.caret_rect(state.display_caret());
        let max_scroll = (shown.width() - self.inner_width).max(0.0);
        let mut scroll = state.scroll_x;
        if caret.min.x.min(caret.max.x) < scroll {
            scroll = caret.min.x.min(caret.max.x);
        } else if caret.max.x.max(caret.min.x) > scroll + self.inner_width {
            scroll = caret.max.x.max(caret.min.x) - self.inner_width;
        }
        state.scroll_x = scroll.clamp(0.0, max_scroll);
    }

    /// Frame, hint, selection, glyphs, composition underline and caret.
    fn paint(
        &self,
        ui: &Ui,
        response: &Response,
        state: &FieldState,
        shown: &PlacedText,
        hint: &str,
        text: &str,
    ) {
        let has_focus = response.has_focus();
        let visuals = ui.visuals();
        let stroke = if has_focus {
            visuals.selection.stroke
        } else {
            visuals.widgets.inactive.bg_stroke
        };
        let radius = visuals.widgets.inactive.corner_radius;
        ui.painter().rect(
            response.rect,
            radius,
            visuals.text_edit_bg_color(),
            stroke,
            StrokeKind::Inside,
        );
        let painter = ui.painter_at(response.rect.shrink(1.0));
        let origin = self.origin - Vec2::new(state.scroll_x, 0.0);
        let to_screen = |r: crate::text::Rect| {
            Rect::from_min_max(
                origin + Vec2::new(r.min.x, r.min.y),
                origin + Vec2::new(r.max.x, r.max.y),
            )
        };
        if text.is_empty() && !has_focus && !hint.is_empty() {
            let placed = self.place(ui, hint);
            let color = visuals.weak_text_color();
            with_text_resources(ui.ctx(), |res| {
                res.paint(&painter, &placed, self.origin, self.style.size, color);
            });
            return;
        }
        let selection = state.edit.selection.range();
        if has_focus && state.preedit.is_none() && !selection.is_empty() {
            for r in shown.range_rects(selection) {
                painter.rect_filled(to_screen(r), 0.0, visuals.selection.bg_fill);
            }
        }
        let color = visuals.text_color();
        with_text_resources(ui.ctx(), |res| {
            res.paint(&painter, shown, origin, self.style.size, color);
        });
        if let (_, Some(range)) = state.display_text(text) {
            for r in shown.range_rects(range) {
                let r = to_screen(r);
                let underline = Rect::from_min_max(r.left_bottom() - Vec2::Y, r.right_bottom());
                painter.rect_filled(underline, 0.0, color);
            }
        }
        if has_focus {
            // The layout's caret is 1 px wide, just inside the grapheme it sticks to.
            let caret = to_screen(shown.caret_rect(state.display_caret()));
            let grow = (CARET_WIDTH - caret.width()).max(0.0) * 0.5;
            let bar = caret.expand2(Vec2::new(grow, 0.0));
            painter.rect_filled(bar, 0.0, caret_color(ui, color));
            self.set_ime_area(ui, bar);
        }
    }

    /// Tells the platform where the caret is, so the IME's candidate window appears next to it.
    fn set_ime_area(&self, ui: &Ui, caret: Rect) {
        let to_global = ui
            .ctx()
            .layer_transform_to_global(ui.layer_id())
            .unwrap_or_default();
        let inner = self.inner;
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect: to_global * inner,
                cursor_rect: to_global * caret,
                should_interrupt_composition: false,
            });
        });
    }

    /// Reports the field to accesskit and marks the response changed.
    fn finish(
        &self,
        ui: &Ui,
        mut response: Response,
        effect: &Effect,
        (name, hint): (&str, &str),
        text: &str,
    ) -> Response {
        if effect.changed {
            response.mark_changed();
        }
        response.widget_info(|| WidgetInfo::text_edit(ui.is_enabled(), text, text, hint));
        let role = if self.multiline {
            egui::accesskit::Role::MultilineTextInput
        } else {
            egui::accesskit::Role::TextInput
        };
        ui.ctx().accesskit_node_builder(self.id, |node| {
            node.set_role(role);
            if !name.is_empty() {
                node.set_label(name);
            }
        });
        response
    }
}

/// The caret's colour: egui's text cursor colour, or the text colour when that is transparent.
fn caret_color(ui: &Ui, text: Color32) -> Color32 {
    let c = ui.visuals().text_cursor.stroke.color;
    if c.a() == 0 {
        text
    } else {
        c
    }
}
