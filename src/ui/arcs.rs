//! Relation arcs in the document view: planned on the view's layout (which grows the gaps above
//! lines to make room, see `render::marks::arcs`), painted above the text with their names, and
//! hovered: a span or an arc under the pointer brings out the arcs it belongs to, their names and
//! both ends. Positions are egui points; the layout's are points from the text's top-left.

use super::widgets::{with_text_resources, PlacedText, TextAlign, WidgetTextStyle};
use crate::model::annotation::AnnotationId;
use crate::model::relation::RelationId;
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;
use crate::render::marks::{ArcPlan, ArcShape, ArcStyle};
use crate::text::{BaseDirection, Point, TextLayout};
use egui::{Color32, Pos2, Rect, Shape, Stroke, Vec2};
use std::collections::{HashMap, HashSet};

/// What the arcs are drawn from: the annotations and relations, and each relation type's name.
#[derive(Debug, Clone, Default)]
pub struct ArcInput {
    /// The open annotations and relations.
    pub set: AnnotationSet,
    /// The name shown on an arc, by relation type id.
    pub captions: HashMap<String, String>,
}

/// Size of an arc's name for text of `font_size` points.
pub fn arc_label_size(font_size: f32) -> f32 {
    (font_size * 0.62).max(10.0)
}

/// Plans the arcs of `input` on `layout`, gives its lines the room they need above them, and
/// returns the arcs as drawn (layout points).
pub fn plan_arcs(
    ctx: &egui::Context,
    layout: &mut TextLayout,
    input: &ArcInput,
    font_size: f32,
) -> Vec<ArcShape> {
    let label_size = arc_label_size(font_size);
    let style = ArcStyle::for_sizes(font_size, label_size);
    let text_style = label_style(label_size);
    let caption = |kind: &str| {
        input
            .captions
            .get(kind)
            .cloned()
            .unwrap_or_else(|| kind.to_owned())
    };
    let plan = with_text_resources(ctx, |res| {
        ArcPlan::new(layout, &input.set, style, caption, |s| {
            res.natural_width(s, &text_style)
        })
    });
    layout.set_space_above(|i| plan.space_above(i));
    plan.shapes(layout)
}

/// The char ranges of the annotations at either end of a relation of `input`: what
/// [`plan_arcs`] needs laid out with glyph boxes.
pub fn arc_end_ranges(input: &ArcInput) -> Vec<CharRange> {
    input
        .set
        .relations()
        .flat_map(|r| [r.from, r.to])
        .filter_map(|id| input.set.annotation(id))
        .flat_map(|a| a.ranges.iter().copied())
        .collect()
}

fn label_style(size: f32) -> WidgetTextStyle {
    WidgetTextStyle {
        size,
        strong: false,
        direction: BaseDirection::Auto,
        wrap_width: None,
    }
}

/// What the pointer is over in the document view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hover {
    /// Nothing with arcs.
    #[default]
    Nothing,
    /// A highlighted span.
    Annotation(AnnotationId),
    /// An arc or its name.
    Relation(RelationId),
}

/// How close (points) the pointer must be to an arc to hover it.
const HOVER_DISTANCE: f32 = 5.0;

/// The arc under `p` (layout points), if any.
pub fn arc_at(shapes: &[ArcShape], p: Point) -> Option<RelationId> {
    shapes
        .iter()
        .map(|s| (s.distance_to(p), s.relation))
        .filter(|(d, _)| *d <= HOVER_DISTANCE)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, r)| r)
}

/// The relations `hover` brings out, and the annotations at their ends.
pub fn hot(shapes: &[ArcShape], hover: Hover) -> (HashSet<RelationId>, HashSet<AnnotationId>) {
    let mut relations = HashSet::new();
    let mut ends = HashSet::new();
    for s in shapes {
        let is_hot = match hover {
            Hover::Nothing => false,
            Hover::Annotation(id) => s.from == id || s.to == id,
            Hover::Relation(r) => s.relation == r,
        };
        if is_hot {
            relations.insert(s.relation);
            ends.insert(s.from);
            ends.insert(s.to);
        }
    }
    (relations, ends)
}

/// Paints `shapes` (layout points, `origin` = layout (0, 0) on screen) whose tops or bottoms are
/// within `y_min..y_max`; hot arcs strong, the others faded while something is hovered.
pub fn paint_arcs(
    ui: &egui::Ui,
    origin: Pos2,
    shapes: &[ArcShape],
    hot_relations: &HashSet<RelationId>,
    font_size: f32,
    (y_min, y_max): (f32, f32),
) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    let ink = visuals.text_color();
    let strong = visuals.strong_text_color();
    let background = visuals.panel_fill;
    let label_size = arc_label_size(font_size);
    let to_screen = |p: Point| origin + Vec2::new(p.x, p.y);
    for shape in shapes {
        let top = shape
            .label_rect
            .min
            .y
            .min(shape.path.iter().map(|p| p.y).fold(f32::INFINITY, f32::min));
        let bottom = shape
            .path
            .iter()
            .map(|p| p.y)
            .fold(f32::NEG_INFINITY, f32::max);
        if bottom < y_min || top > y_max {
            continue;
        }
        let is_hot = hot_relations.contains(&shape.relation);
        let faded = !hot_relations.is_empty() && !is_hot;
        let colour = match (is_hot, faded) {
            (true, _) => strong,
            (_, true) => ink.gamma_multiply(0.3),
            _ => ink.gamma_multiply(0.8),
        };
        let width = if is_hot { 2.5 } else { 1.3 };
        let points: Vec<Pos2> = shape.path.iter().map(|p| to_screen(*p)).collect();
        painter.add(Shape::line(points, Stroke::new(width, colour)));
        if let Some(tip) = shape.arrow_tip {
            let tip = to_screen(tip);
            let size = (label_size * 0.45).max(4.0);
            painter.add(Shape::convex_polygon(
                vec![
                    tip,
                    tip + Vec2::new(-size * 0.6, -size),
                    tip + Vec2::new(size * 0.6, -size),
                ],
                colour,
                Stroke::NONE,
            ));
        }
        let rect = Rect::from_min_max(
            to_screen(shape.label_rect.min),
            to_screen(shape.label_rect.max),
        );
        let frame = if is_hot { strong } else { Color32::TRANSPARENT };
        painter.rect(
            rect,
            3.0,
            background,
            Stroke::new(1.0, frame),
            egui::StrokeKind::Inside,
        );
        with_text_resources(ui.ctx(), |res| {
            let layout = res.layout(&shape.label, &label_style(label_size));
            let placed = PlacedText::new(layout, None, TextAlign::Auto);
            let at = rect.center() - Vec2::new(placed.width(), placed.height()) * 0.5;
            res.paint(painter, &placed, at, label_size, colour);
        });
    }
}
