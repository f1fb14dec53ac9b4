//! A [`Scene`] as SVG: each glyph's outline once in `<defs>` (font units, from the font's own
//! curves) and placed with `<use>`, so the page looks the same without the fonts installed;
//! layers as groups named after what they hold (`legend`, `highlights`, `text`, `arcs`), and
//! the names on the page (labels, relations) in a `<desc>` for readers and search. Units: px.

use super::{Item, Rgba, Scene};
use crate::text::{FontId, FontSet, Point};
use rustybuzz::ttf_parser;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Collects an outline as SVG path data.
struct PathData(String);

impl ttf_parser::OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{x} {y}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{x} {y}");
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{x1} {y1} {x} {y}");
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(self.0, "C{x1} {y1} {x2} {y2} {x} {y}");
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn fill_attrs(colour: Rgba) -> String {
    let a = colour.0[3];
    if a == 255 {
        format!("fill=\"{}\"", colour.hex())
    } else {
        format!(
            "fill=\"{}\" fill-opacity=\"{:.3}\"",
            colour.hex(),
            f32::from(a) / 255.0
        )
    }
}

fn points_attr(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{:.2},{:.2}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The glyph outlines the scene uses, as `<path>` definitions, and which glyphs have one.
fn glyph_defs(scene: &Scene, fonts: &FontSet) -> (String, BTreeSet<(u16, u16)>) {
    let used: BTreeSet<(u16, u16)> = scene
        .layers
        .iter()
        .flat_map(|(_, items)| items)
        .filter_map(|item| match item {
            Item::Glyphs { font, glyphs, .. } => {
                Some(glyphs.iter().map(move |(id, _)| (font.0, *id)))
            }
            _ => None,
        })
        .flatten()
        .collect();
    let mut out = String::new();
    let mut defined = BTreeSet::new();
    let mut faces = std::collections::HashMap::new();
    for (font, id) in used {
        let face = faces
            .entry(font)
            .or_insert_with(|| ttf_parser::Face::parse(fonts.data(FontId(font)), 0).ok());
        let Some(face) = face else { continue };
        let mut path = PathData(String::new());
        if face
            .outline_glyph(ttf_parser::GlyphId(id), &mut path)
            .is_some()
        {
            let _ = writeln!(out, "<path id=\"g{font}-{id}\" d=\"{}\"/>", path.0);
            defined.insert((font, id));
        }
    }
    (out, defined)
}

/// The scene as an SVG document.
pub fn scene_svg(scene: &Scene, fonts: &FontSet) -> String {
    let mut out = String::new();
    let (w, h) = (scene.width.ceil(), scene.height.ceil());
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
    );
    let _ = writeln!(out, "<desc>{}</desc>", escape(&scene.captions.join(" | ")));
    let (defs, defined) = glyph_defs(scene, fonts);
    let _ = writeln!(out, "<defs>\n{defs}</defs>");
    let _ = writeln!(
        out,
        "<rect width=\"{w}\" height=\"{h}\" {}/>",
        fill_attrs(scene.background)
    );
    for (layer, items) in &scene.layers {
        let _ = writeln!(out, "<g id=\"{}\">", layer.id());
        for item in items {
            write_item(&mut out, item, fonts, &defined);
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

fn write_item(out: &mut String, item: &Item, fonts: &FontSet, defined: &BTreeSet<(u16, u16)>) {
    match item {
        Item::Fill { rect, colour } => {
            let _ = writeln!(
                out,
                "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" {}/>",
                rect.min.x,
                rect.min.y,
                rect.width(),
                rect.height(),
                fill_attrs(*colour)
            );
        }
        Item::Line {
            points,
            width,
            colour,
        } => {
            let opacity = f32::from(colour.0[3]) / 255.0;
            let _ = writeln!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-opacity=\"{opacity:.3}\" \
                 stroke-width=\"{width}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
                points_attr(points),
                colour.hex()
            );
        }
        Item::Triangle { points, colour } => {
            let _ = writeln!(
                out,
                "<polygon points=\"{}\" {}/>",
                points_attr(points),
                fill_attrs(*colour)
            );
        }
        Item::Glyphs {
            font,
            size,
            glyphs,
            colour,
        } => {
            let upem = ttf_parser::Face::parse(fonts.data(*font), 0)
                .map(|f| f32::from(f.units_per_em()))
                .unwrap_or(1000.0);
            let scale = size / upem;
            let _ = writeln!(out, "<g {}>", fill_attrs(*colour));
            for (id, pen) in glyphs
                .iter()
                .filter(|(id, _)| defined.contains(&(font.0, *id)))
            {
                let _ = writeln!(
                    out,
                    "<use xlink:href=\"#g{}-{id}\" transform=\"translate({:.2} {:.2}) scale({scale:.5} {:.5})\"/>",
                    font.0, pen.x, pen.y, -scale
                );
            }
            out.push_str("</g>\n");
        }
    }
}
