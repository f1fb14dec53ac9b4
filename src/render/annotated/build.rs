//! Builds the [`Scene`] of an annotated text: lays it out, makes room for arcs between lines,
//! and places the legend, highlights, glyphs and arcs. Units: page px.

use super::{Item, Layer, Rgba, Scene};
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::render::marks::{span_marks, ArcPlan, ArcStyle};
use crate::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, Point, Rect, TextLayout};
use std::collections::HashMap;

/// Opacity of a highlight, as the window's.
const FILL_ALPHA: u8 = 100;
/// How far a nested span's band is inset per lane, as a share of the font size.
const LANE_STEP: f32 = 0.16;

/// How the page looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SceneOptions {
    /// Layout of the text (font size, width, direction, line height).
    pub params: LayoutParams,
    /// Empty border, px.
    pub margin: f32,
    /// Page colour.
    pub background: Rgba,
    /// Text colour.
    pub ink: Rgba,
}

/// A line of small text laid out alone: the layout, its width and the x of its left edge.
fn one_line(
    text: &str,
    fonts: &FontSet,
    size: f32,
    cache: &mut LayoutCache,
) -> (TextLayout, f32, f32) {
    let params = LayoutParams {
        font_size: size,
        width: 100_000.0,
        direction: BaseDirection::Auto,
        line_height: 1.4,
    };
    let layout = TextLayout::new(text, fonts, &params, cache);
    let runs = layout.lines().flat_map(|l| l.runs.iter());
    let (left, right) = runs.fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), run| {
        (l.min(run.x), r.max(run.x + run.width))
    });
    if left > right {
        (layout, 0.0, 0.0)
    } else {
        (layout, right - left, left)
    }
}

/// The glyph items of `layout` with its point (0, 0) at `origin`.
fn glyph_items(layout: &TextLayout, origin: Point, colour: Rgba) -> Vec<Item> {
    let size = layout.params().font_size;
    let mut by_font: HashMap<u16, Vec<(u16, Point)>> = HashMap::new();
    for line in layout.lines() {
        for run in &line.runs {
            let glyphs = by_font.entry(run.font.0).or_default();
            for g in &run.glyphs {
                let pen = Point::new(origin.x + g.x, origin.y + line.baseline + g.y_offset);
                glyphs.push((g.id, pen));
            }
        }
    }
    let mut fonts: Vec<u16> = by_font.keys().copied().collect();
    fonts.sort_unstable();
    fonts
        .into_iter()
        .map(|font| Item::Glyphs {
            font: crate::text::FontId(font),
            size,
            glyphs: by_font.remove(&font).unwrap_or_default(),
            colour,
        })
        .collect()
}

fn moved(r: Rect, dx: f32, dy: f32) -> Rect {
    Rect::from_x_y_ranges(r.min.x + dx, r.max.x + dx, r.min.y + dy, r.max.y + dy)
}

/// The legend: a swatch and "Arabic · English" per label, flowing from the right edge as an
/// Arabic reader starts; returns its items, captions and height.
fn legend(
    schema: &Schema,
    fonts: &FontSet,
    options: &SceneOptions,
    cache: &mut LayoutCache,
) -> (Vec<Item>, Vec<String>, f32) {
    let size = options.params.font_size * 0.6;
    let row = size * 1.8;
    let swatch = size * 0.9;
    let gap = size * 0.9;
    let right_edge = options.margin + options.params.width;
    let (mut x, mut y) = (right_edge, options.margin);
    let mut items = Vec::new();
    let mut captions = Vec::new();
    for label in &schema.labels {
        let caption = format!("{} · {}", label.name_ar, label.name_en);
        let (layout, width, left) = one_line(&caption, fonts, size, cache);
        let item_width = swatch + size * 0.4 + width;
        if x - item_width < options.margin && x < right_edge {
            x = right_edge;
            y += row;
        }
        let c = label.colour;
        let top = y + (row - swatch) * 0.5;
        items.push(Item::Fill {
            rect: Rect::from_x_y_ranges(x - swatch, x, top, top + swatch),
            colour: Rgba::rgb(c.r, c.g, c.b),
        });
        let text_x = x - swatch - size * 0.4 - width - left;
        let line_top = layout.lines().next().map_or(0.0, |l| l.height);
        let text_y = y + (row - line_top) * 0.5;
        items.extend(glyph_items(
            &layout,
            Point::new(text_x, text_y),
            options.ink,
        ));
        captions.push(caption);
        x -= item_width + gap;
    }
    let height = if schema.labels.is_empty() {
        0.0
    } else {
        y + row - options.margin
    };
    (items, captions, height)
}

/// The page of `text` with the annotations of `set` in `schema`'s colours and names.
pub fn annotated_scene(
    text: &str,
    set: &AnnotationSet,
    schema: &Schema,
    fonts: &FontSet,
    options: &SceneOptions,
) -> Scene {
    // One page: laid-out paragraphs kept in the cache would only be copies of the layout's.
    let mut cache = LayoutCache::without_paragraphs();
    let (legend_items, mut captions, legend_height) = legend(schema, fonts, options, &mut cache);
    let size = options.params.font_size;
    let label_size = size * 0.62;
    let mut layout = TextLayout::new(text, fonts, &options.params, &mut cache);
    let caption_of: HashMap<&str, &str> = schema
        .relations
        .iter()
        .map(|r| (r.id.as_str(), r.name_ar.as_str()))
        .collect();
    let caption = |kind: &str| caption_of.get(kind).map_or(kind, |c| *c).to_owned();
    let plan = ArcPlan::new(
        &layout,
        set,
        ArcStyle::for_sizes(size, label_size),
        caption,
        |s| one_line(s, fonts, label_size, &mut cache).1,
    );
    layout.set_space_above(|i| plan.space_above(i));
    let (dx, dy) = (options.margin, options.margin + legend_height + size * 0.5);
    let highlights = highlight_items(&layout, set, schema, dx, dy, fonts, &mut cache);
    let text_items = glyph_items(&layout, Point::new(dx, dy), options.ink);
    let mut arc_items = Vec::new();
    for shape in plan.shapes(&layout) {
        let ink = options.ink.with_alpha(210);
        let points = shape
            .path
            .iter()
            .map(|p| Point::new(p.x + dx, p.y + dy))
            .collect();
        arc_items.push(Item::Line {
            points,
            width: 1.4,
            colour: ink,
        });
        if let Some(tip) = shape.arrow_tip {
            let (t, a) = (
                Point::new(tip.x + dx, tip.y + dy),
                (label_size * 0.45).max(4.0),
            );
            arc_items.push(Item::Triangle {
                points: [
                    t,
                    Point::new(t.x - a * 0.6, t.y - a),
                    Point::new(t.x + a * 0.6, t.y - a),
                ],
                colour: ink,
            });
        }
        let rect = moved(shape.label_rect, dx, dy);
        arc_items.push(Item::Fill {
            rect,
            colour: options.background,
        });
        let (layout, width, left) = one_line(&shape.label, fonts, label_size, &mut cache);
        let height = layout.lines().next().map_or(0.0, |l| l.height);
        let origin = Point::new(
            rect.center().x - width * 0.5 - left,
            rect.center().y - height * 0.5,
        );
        arc_items.extend(glyph_items(&layout, origin, options.ink));
        if !captions.contains(&shape.label) {
            captions.push(shape.label.clone());
        }
    }
    Scene {
        width: options.params.width + 2.0 * options.margin,
        height: dy + layout.height() + options.margin,
        background: options.background,
        layers: vec![
            (Layer::Legend, legend_items),
            (Layer::Highlights, highlights),
            (Layer::Text, text_items),
            (Layer::Arcs, arc_items),
        ],
        captions,
    }
}

/// Bands, underlines and counts of every placed annotation, moved by (`dx`, `dy`).
fn highlight_items(
    layout: &TextLayout,
    set: &AnnotationSet,
    schema: &Schema,
    dx: f32,
    dy: f32,
    fonts: &FontSet,
    cache: &mut LayoutCache,
) -> Vec<Item> {
    let text_len = layout.text().chars().count();
    let size = layout.params().font_size;
    let step = size * LANE_STEP;
    let mut items = Vec::new();
    let mut underlines = Vec::new();
    let mut badges = Vec::new();
    for mark in span_marks(set) {
        if mark.range.end.0 > text_len {
            continue;
        }
        let Some(label) = set
            .annotation(mark.annotation)
            .and_then(|a| schema.label(&a.label))
        else {
            continue;
        };
        let c = Rgba::rgb(label.colour.r, label.colour.g, label.colour.b);
        let rects: Vec<Rect> = layout
            .range_rects(mark.range)
            .into_iter()
            .map(|r| moved(r, dx, dy))
            .collect();
        let lane = mark.lane as f32;
        for r in &rects {
            let inset = (lane * step).min(r.height() * 0.3);
            items.push(Item::Fill {
                rect: Rect::from_x_y_ranges(r.min.x, r.max.x, r.min.y + inset, r.max.y - inset),
                colour: c.with_alpha(FILL_ALPHA),
            });
            let y = r.max.y - 2.0 - lane * step;
            underlines.push(Item::Fill {
                rect: Rect::from_x_y_ranges(r.min.x, r.max.x, y - 2.5, y),
                colour: c,
            });
        }
        if let (true, true, Some(first)) = (mark.same_range > 1, mark.first_of_same, rects.first())
        {
            let (layout, width, left) =
                one_line(&mark.same_range.to_string(), fonts, size * 0.45, cache);
            let h = layout.lines().next().map_or(0.0, |l| l.height);
            let (cx, cy) = (first.max.x - 1.0, first.min.y + 1.0);
            let r = size * 0.33;
            badges.push(Item::Fill {
                rect: Rect::from_x_y_ranges(cx - r, cx + r, cy - r, cy + r),
                colour: c,
            });
            badges.extend(glyph_items(
                &layout,
                Point::new(cx - width * 0.5 - left, cy - h * 0.5),
                Rgba::rgb(255, 255, 255),
            ));
        }
    }
    items.extend(underlines);
    items.extend(badges);
    items
}
