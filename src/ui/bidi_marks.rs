//! Markers for the bidi controls of the open text (RLO, PDF, LRI, RLM…). They are invisible and
//! the embeddings, overrides and isolates reorder what is drawn around them, so an article could
//! show a reader words in an order other than the one stored (the Trojan Source trick): at each
//! control's place in its line a thin bar and a small box with its short name, in the warning
//! colour for those that reorder a stretch of text and in a weak colour for the marks. The
//! controls take no room in the layout; the box sits over the bar, above the tallest letters.
//! Units: egui points on screen.

use crate::text::bidi::BidiControl;
use crate::text::{Cursor, TextLayout};
use egui::{Color32, Pos2, Rect, Stroke, Vec2};

/// Where the markers are painted: the layout's origin on screen, the visible range of layout y
/// and the text's font size (points).
pub struct MarkPlace {
    /// Screen position of the layout's (0, 0).
    pub origin: Pos2,
    /// The visible layout y range.
    pub visible: (f32, f32),
    /// The text's font size.
    pub font_size: f32,
}

/// One marker before it is painted: the control, its x, its line's top and bottom (screen) and
/// its name laid out.
struct Marker {
    control: BidiControl,
    x: f32,
    top: f32,
    bottom: f32,
    colour: Color32,
    galley: std::sync::Arc<egui::Galley>,
}

/// Paints a marker for each control of `controls` on a visible line; returns the name boxes
/// painted (screen), in text order.
pub fn paint_bidi_marks(
    ui: &egui::Ui,
    layout: &TextLayout,
    controls: &[BidiControl],
    place: &MarkPlace,
) -> Vec<(BidiControl, Rect)> {
    let (painter, visuals) = (ui.painter(), ui.visuals());
    let font = egui::FontId::proportional((place.font_size * 0.45).max(9.0));
    let mut markers: Vec<Marker> = controls
        .iter()
        .filter_map(|control| {
            let caret = layout.caret_rect(Cursor::after(control.offset));
            if caret.max.y < place.visible.0 || caret.min.y > place.visible.1 {
                return None;
            }
            let colour = if control.reorders {
                visuals.warn_fg_color
            } else {
                visuals.weak_text_color()
            };
            let galley = painter.layout_no_wrap(control.name.to_owned(), font.clone(), colour);
            Some(Marker {
                control: *control,
                x: place.origin.x + caret.min.x,
                top: place.origin.y + caret.min.y,
                bottom: place.origin.y + caret.max.y,
                colour,
                galley,
            })
        })
        .collect();
    markers.sort_by(|a, b| {
        (a.top, a.x)
            .partial_cmp(&(b.top, b.x))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut painted = Vec::with_capacity(markers.len());
    // The right edge of the last box on the same line: neighbours must not cover each other.
    let mut last: Option<(f32, f32)> = None;
    for m in markers {
        painter.line_segment(
            [Pos2::new(m.x, m.top + 2.0), Pos2::new(m.x, m.bottom - 2.0)],
            Stroke::new(1.5, m.colour),
        );
        let size = m.galley.size() + Vec2::new(4.0, 0.0);
        let mut left = m.x - size.x * 0.5;
        if let Some((_, right)) = last.filter(|(top, _)| (*top - m.top).abs() < 0.5) {
            left = left.max(right + 1.0);
        }
        last = Some((m.top, left + size.x));
        // Above the tops of the tallest letters, reaching a little into the gap above the line.
        let top = m.top + place.font_size * 0.3 - size.y;
        let rect = Rect::from_min_size(Pos2::new(left, top), size);
        painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
        painter.rect_stroke(
            rect,
            2.0,
            Stroke::new(1.0, m.colour),
            egui::StrokeKind::Inside,
        );
        painter.galley(
            rect.min + Vec2::new(2.0, 0.0),
            m.galley,
            Color32::PLACEHOLDER,
        );
        painted.push((m.control, rect));
    }
    painted.sort_by_key(|(control, _)| control.offset);
    painted
}
