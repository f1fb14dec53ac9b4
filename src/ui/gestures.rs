//! Mouse gestures on the document view turned into selection commands: press places a caret
//! (Shift+press extends), drag moves the selection's end, double-click selects a word, and a drag
//! held beyond the view's edge scrolls. Positions are egui points; offsets are chars.

use super::commands::Command;
use crate::offset::CharRange;
use crate::text::{Cursor, Point, TextLayout};
use egui::{Pos2, Vec2};

/// The selection: where it started and where it ends now (either may come first in the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// The fixed end.
    pub anchor: Cursor,
    /// The moving end.
    pub focus: Cursor,
}

impl Selection {
    /// The selected chars in logical order (empty for a caret).
    pub fn range(&self) -> CharRange {
        CharRange::new(self.anchor.offset, self.focus.offset)
    }
}

/// The cursor under screen position `pos`, snapped to a grapheme boundary; `origin` is where the
/// layout's (0, 0) is on screen.
pub fn cursor_at(layout: &TextLayout, origin: Pos2, pos: Pos2) -> Cursor {
    let local = pos - origin;
    let cursor = layout.hit(Point::new(local.x, local.y));
    Cursor {
        offset: layout.snap_to_grapheme(cursor.offset),
        ..cursor
    }
}

/// Reads this frame's pointer gestures on the view's `response`; returns the selection command
/// they ask for, if any.
pub fn selection_gestures_ui(
    ui: &egui::Ui,
    response: &egui::Response,
    layout: &TextLayout,
    origin: Pos2,
    current: Option<Selection>,
) -> Option<Command> {
    let at = |pos: Pos2| cursor_at(layout, origin, pos);
    if response.double_clicked() {
        let cursor = at(response.interact_pointer_pos()?);
        let word = layout.word_at(cursor.offset);
        return Some(Command::Select {
            anchor: Cursor::after(word.start),
            focus: Cursor::before(word.end),
        });
    }
    let pressed_here =
        response.is_pointer_button_down_on() && ui.input(|i| i.pointer.primary_pressed());
    if pressed_here {
        let cursor = at(ui.input(|i| i.pointer.press_origin())?);
        let anchor = if ui.input(|i| i.modifiers.shift) {
            current.map_or(cursor, |s| s.anchor)
        } else {
            cursor
        };
        return Some(Command::Select {
            anchor,
            focus: cursor,
        });
    }
    if response.dragged() {
        let focus = at(response.interact_pointer_pos()?);
        return Some(Command::Select {
            anchor: current?.anchor,
            focus,
        });
    }
    None
}

/// Most points scrolled per frame while a drag is held beyond the top or bottom edge.
const AUTOSCROLL_MAX_STEP: f32 = 40.0;

/// Scrolls when a selection drag is held above or below the visible part, faster further out.
pub fn autoscroll_while_dragging(ui: &egui::Ui, response: &egui::Response) {
    if !response.dragged() {
        return;
    }
    let Some(pos) = response.interact_pointer_pos() else {
        return;
    };
    let clip = ui.clip_rect();
    let beyond = if pos.y < clip.top() {
        clip.top() - pos.y
    } else if pos.y > clip.bottom() {
        clip.bottom() - pos.y
    } else {
        return;
    };
    // A positive delta moves the content down (shows what is above).
    ui.scroll_with_delta(Vec2::new(
        0.0,
        beyond.clamp(-AUTOSCROLL_MAX_STEP, AUTOSCROLL_MAX_STEP),
    ));
    ui.ctx().request_repaint();
}
