//! A [`Scene`] drawn on the CPU into an RGBA image: rectangles and triangles with anti-aliased
//! edges, lines by distance to their segments, glyphs rasterized by id as `render_page` does.
//! Units: pixels.

use super::{Item, Rgba, Scene};
use crate::render::error::RenderError;
use crate::render::image::RgbaImage;
use crate::render::raster::{parse_font, rasterize_glyph, split_subpixel, GlyphBitmap};
use crate::text::{FontId, FontSet, Point, Rect};
use std::collections::HashMap;

/// Largest page side drawn.
const MAX_SIDE: u32 = 32_768;

/// Draws `scene` with glyphs from `fonts`.
pub fn render_scene(scene: &Scene, fonts: &FontSet) -> Result<RgbaImage, RenderError> {
    let width = scene.width.ceil().max(1.0) as u32;
    let height = scene.height.ceil().max(1.0) as u32;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(RenderError::PageTooLarge { width, height });
    }
    let mut page = RgbaImage::filled(width, height, scene.background.0);
    let mut glyphs: HashMap<(u16, u16, u32, u8), GlyphBitmap> = HashMap::new();
    for (_, items) in &scene.layers {
        for item in items {
            match item {
                Item::Fill { rect, colour } => fill_rect(&mut page, *rect, *colour),
                Item::Line {
                    points,
                    width,
                    colour,
                } => line(&mut page, points, *width, *colour),
                Item::Triangle { points, colour } => triangle(&mut page, points, *colour),
                Item::Glyphs {
                    font,
                    size,
                    glyphs: list,
                    colour,
                } => draw_glyphs(&mut page, fonts, *font, *size, list, *colour, &mut glyphs)?,
            }
        }
    }
    Ok(page)
}

fn blend(page: &mut RgbaImage, x: i64, y: i64, colour: Rgba, coverage: f32) {
    let alpha = coverage.clamp(0.0, 1.0) * f32::from(colour.0[3]);
    if alpha >= 0.5 {
        page.blend(
            x,
            y,
            [colour.0[0], colour.0[1], colour.0[2]],
            alpha.round() as u8,
        );
    }
}

/// Fills `rect`, edge pixels by the share of them it covers.
fn fill_rect(page: &mut RgbaImage, rect: Rect, colour: Rgba) {
    let (x0, x1) = (rect.min.x.floor() as i64, rect.max.x.ceil() as i64);
    let (y0, y1) = (rect.min.y.floor() as i64, rect.max.y.ceil() as i64);
    for y in y0..y1 {
        let cover_y = (rect.max.y.min(y as f32 + 1.0) - rect.min.y.max(y as f32)).max(0.0);
        for x in x0..x1 {
            let cover_x = (rect.max.x.min(x as f32 + 1.0) - rect.min.x.max(x as f32)).max(0.0);
            blend(page, x, y, colour, cover_x * cover_y);
        }
    }
}

fn distance(p: Point, a: Point, b: Point) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    ((a.x + t * dx - p.x).powi(2) + (a.y + t * dy - p.y).powi(2)).sqrt()
}

/// A line `width` px wide through `points`; each pixel is blended once, by its nearest segment.
fn line(page: &mut RgbaImage, points: &[Point], width: f32, colour: Rgba) {
    let mut coverage: HashMap<(i64, i64), f32> = HashMap::new();
    let half = width * 0.5;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let x0 = (a.x.min(b.x) - half - 1.0).floor() as i64;
        let x1 = (a.x.max(b.x) + half + 1.0).ceil() as i64;
        let y0 = (a.y.min(b.y) - half - 1.0).floor() as i64;
        let y1 = (a.y.max(b.y) + half + 1.0).ceil() as i64;
        for y in y0..=y1 {
            for x in x0..=x1 {
                let d = distance(Point::new(x as f32 + 0.5, y as f32 + 0.5), a, b);
                let c = (half + 0.5 - d).clamp(0.0, 1.0);
                if c > 0.0 {
                    let slot = coverage.entry((x, y)).or_insert(0.0);
                    *slot = slot.max(c);
                }
            }
        }
    }
    for ((x, y), c) in coverage {
        blend(page, x, y, colour, c);
    }
}

/// A filled triangle, each pixel by 4×4 samples.
fn triangle(page: &mut RgbaImage, p: &[Point; 3], colour: Rgba) {
    let edge = |a: Point, b: Point, q: Point| (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x);
    let inside = |q: Point| {
        let (e0, e1, e2) = (
            edge(p[0], p[1], q),
            edge(p[1], p[2], q),
            edge(p[2], p[0], q),
        );
        (e0 >= 0.0 && e1 >= 0.0 && e2 >= 0.0) || (e0 <= 0.0 && e1 <= 0.0 && e2 <= 0.0)
    };
    let xs = p.iter().map(|q| q.x);
    let ys = p.iter().map(|q| q.y);
    let (x0, x1) = (
        xs.clone().fold(f32::INFINITY, f32::min).floor() as i64,
        xs.fold(f32::NEG_INFINITY, f32::max).ceil() as i64,
    );
    let (y0, y1) = (
        ys.clone().fold(f32::INFINITY, f32::min).floor() as i64,
        ys.fold(f32::NEG_INFINITY, f32::max).ceil() as i64,
    );
    for y in y0..y1 {
        for x in x0..x1 {
            let hits = (0..16)
                .filter(|k| {
                    let q = Point::new(
                        x as f32 + (k % 4) as f32 * 0.25 + 0.125,
                        y as f32 + (k / 4) as f32 * 0.25 + 0.125,
                    );
                    inside(q)
                })
                .count();
            blend(page, x, y, colour, hits as f32 / 16.0);
        }
    }
}

fn draw_glyphs(
    page: &mut RgbaImage,
    fonts: &FontSet,
    font: FontId,
    size: f32,
    list: &[(u16, Point)],
    colour: Rgba,
    cache: &mut HashMap<(u16, u16, u32, u8), GlyphBitmap>,
) -> Result<(), RenderError> {
    let parsed = parse_font(fonts.data(font), fonts.name(font))?;
    for (id, pen) in list {
        let (pen_x, subpixel) = split_subpixel(pen.x);
        let baseline = pen.y.round() as i64;
        let bitmap = cache
            .entry((font.0, *id, size.to_bits(), subpixel))
            .or_insert_with(|| rasterize_glyph(&parsed, *id, size, subpixel));
        for row in 0..bitmap.height {
            for col in 0..bitmap.width {
                let c = bitmap.coverage[(row * bitmap.width + col) as usize];
                if c > 0 {
                    let x = i64::from(pen_x) + i64::from(bitmap.left) + i64::from(col);
                    let y = baseline + i64::from(bitmap.top) + i64::from(row);
                    blend(page, x, y, colour, f32::from(c) / 255.0);
                }
            }
        }
    }
    Ok(())
}
