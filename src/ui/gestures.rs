//! Mouse gestures on the document view turned into selection commands: each press places a caret
//! (Shift+press extends), even one released in the same frame; drag moves the selection's end,
//! double-click selects a word, and a drag held beyond the view's edge scrolls. Positions are egui
//! points; offsets are chars.

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

/// Reads this frame's pointer gestures on the view's `response`; returns the selection commands
/// they ask for (one per press, so a press and release in the same frame still place the caret).
pub fn selection_gestures_ui(
    ui: &egui::Ui,
    response: &egui::Response,
    layout: &TextLayout,
    origin: Pos2,
    current: Option<Selection>,
) -> Vec<Command> {
    let at = |pos: Pos2| cursor_at(layout, origin, pos);
    if response.double_clicked() {
        if let Some(pos) = response.interact_pointer_pos() {
            let word = layout.word_at(at(pos).offset);
            return vec![Command::Select {
                anchor: Cursor::after(word.start),
                focus: Cursor::before(word.end),
            }];
        }
    }
    let mut commands = Vec::new();
    let mut anchor_before = current.map(|s| s.anchor);
    for press in presses_on(ui, response) {
        let cursor = at(press.pos);
        let anchor = match anchor_before {
            Some(anchor) if press.shift => anchor,
            _ => cursor,
        };
        anchor_before = Some(anchor);
        commands.push(Command::Select {
            anchor,
            focus: cursor,
        });
    }
    if commands.is_empty() && response.dragged() {
        if let (Some(pos), Some(selection)) = (response.interact_pointer_pos(), current) {
            commands.push(Command::Select {
                anchor: selection.anchor,
                focus: at(pos),
            });
        }
    }
    commands
}

/// A primary-button press, as egui's pointer event reported it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Press {
    /// Where, in screen points.
    pub pos: Pos2,
    /// Shift was held (the press extends the selection).
    pub shift: bool,
}

/// This frame's primary-button presses on the visible part of `response` that no window or menu
/// covers. Read from the events rather than the button state at the end of the frame, which
/// misses a press released within the same frame (a touchpad tap, a remote desktop click).
pub fn presses_on(ui: &egui::Ui, response: &egui::Response) -> Vec<Press> {
    let visible = response.rect.intersect(ui.clip_rect());
    let presses: Vec<Press> = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|event| match event {
                egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed: true,
                    modifiers,
                } => Some(Press {
                    pos: *pos,
                    shift: modifiers.shift,
                }),
                _ => None,
            })
            .collect()
    });
    // Outside `input`: asking the context for layers while it is locked would deadlock.
    presses
        .into_iter()
        .filter(|press| visible.contains(press.pos))
        .filter(|press| ui.ctx().layer_id_at(press.pos) == Some(response.layer_id))
        .collect()
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
