//! egui glue for the glyph atlas: queues glyphs, rasterizes misses into the atlas, keeps the atlas
//! texture uploaded, and builds one textured mesh. Positions are egui points; glyphs are rasterized
//! and snapped in physical pixels (`points * pixels_per_point`) so text stays crisp on HiDPI.

use crate::render::{
    parse_font, rasterize_glyph, split_subpixel, AtlasDirty, AtlasRect, GlyphAtlas, GlyphKey,
};
use crate::text::{FontId, FontSet};
use ab_glyph::FontRef;
use egui::epaint::{Mesh, Vertex};
use egui::{Color32, ColorImage, Pos2, TextureHandle, TextureOptions};
use std::collections::HashMap;

/// Starting side of the atlas in pixels; it doubles when full.
const ATLAS_START_SIDE: u32 = 512;
/// Largest atlas side; 4096² single-channel is within every GPU's texture limit.
const ATLAS_MAX_SIDE: u32 = 4096;

/// One glyph waiting to be drawn this frame.
#[derive(Debug, Clone, Copy)]
struct QueuedGlyph {
    key: GlyphKey,
    /// Whole physical pixel of the pen.
    pen_x: i32,
    /// Baseline, in whole physical pixels.
    baseline: i32,
    color: Color32,
}

/// Draws glyphs by id from a growing atlas texture.
pub struct GlyphPainter {
    atlas: GlyphAtlas,
    texture: Option<TextureHandle>,
    font_generation: Option<u64>,
    queue: Vec<QueuedGlyph>,
    pixels_per_point: f32,
    last_frame_glyphs: usize,
}

impl Default for GlyphPainter {
    fn default() -> Self {
        Self::new()
    }
}

impl GlyphPainter {
    /// A painter with an empty atlas; the texture is made on first use.
    pub fn new() -> Self {
        Self {
            atlas: GlyphAtlas::new(ATLAS_START_SIDE, ATLAS_MAX_SIDE),
            texture: None,
            font_generation: None,
            queue: Vec::new(),
            pixels_per_point: 1.0,
            last_frame_glyphs: 0,
        }
    }

    /// The atlas (for statistics and tests).
    pub fn atlas(&self) -> &GlyphAtlas {
        &self.atlas
    }

    /// How many glyphs the last [`Self::finish`] drew (only visible lines are queued).
    pub fn last_frame_glyphs(&self) -> usize {
        self.last_frame_glyphs
    }

    /// The atlas texture's id, once it exists.
    pub fn texture_id(&self) -> Option<egui::TextureId> {
        self.texture.as_ref().map(|t| t.id())
    }

    /// Starts a frame: forgets glyphs of replaced fonts or of a full atlas.
    pub fn begin(&mut self, fonts: &FontSet, pixels_per_point: f32) {
        if self.font_generation != Some(fonts.generation()) || self.atlas.is_full() {
            self.atlas.clear();
            self.font_generation = Some(fonts.generation());
        }
        self.pixels_per_point = pixels_per_point;
        self.queue.clear();
    }

    /// Queues glyph `glyph` of `font` at `size` points per em, pen at `pen` (points, on the baseline).
    pub fn queue(&mut self, font: FontId, glyph: u16, size: f32, pen: Pos2, color: Color32) {
        let ppp = self.pixels_per_point;
        let (pen_x, subpixel) = split_subpixel(pen.x * ppp);
        self.queue.push(QueuedGlyph {
            key: GlyphKey::new(u32::from(font.0), glyph, size * ppp, subpixel),
            pen_x,
            baseline: (pen.y * ppp).round() as i32,
            color,
        });
    }

    /// Rasterizes what the atlas lacks, re-uploads the texture if it changed, and returns one mesh
    /// with a quad per queued glyph.
    pub fn finish(&mut self, ctx: &egui::Context, fonts: &FontSet) -> Mesh {
        let mut parsed: HashMap<u16, Option<FontRef<'_>>> = HashMap::new();
        let mut entries = Vec::with_capacity(self.queue.len());
        for queued in &self.queue {
            if let Some(entry) = self.atlas.get(&queued.key) {
                entries.push(Some(entry));
                continue;
            }
            // Fonts are parsed only for glyphs the atlas lacks: a frame of known glyphs (the
            // usual case, and every widget's own call) parses nothing.
            let font_index = queued.key.font as u16;
            let font = parsed
                .entry(font_index)
                // A font that ab_glyph cannot read draws nothing; shaping already accepted it.
                .or_insert_with(|| {
                    parse_font(
                        fonts.data(FontId(font_index)),
                        fonts.name(FontId(font_index)),
                    )
                    .ok()
                });
            let entry = match font {
                Some(font) => self.atlas.get_or_insert_with(queued.key, || {
                    rasterize_glyph(
                        font,
                        queued.key.glyph,
                        queued.key.size_px(),
                        queued.key.subpixel,
                    )
                }),
                None => None,
            };
            entries.push(entry);
        }
        let texture_id = self.upload(ctx);
        // UVs are computed only now: the atlas may have grown while glyphs were added.
        let mut mesh = Mesh::with_texture(texture_id);
        let ppp = self.pixels_per_point;
        for (queued, entry) in self.queue.iter().zip(entries) {
            let Some(entry) = entry.filter(|e| !e.is_empty()) else {
                continue;
            };
            let x0 = (queued.pen_x + entry.left) as f32 / ppp;
            let y0 = (queued.baseline + entry.top) as f32 / ppp;
            let x1 = x0 + entry.rect.width as f32 / ppp;
            let y1 = y0 + entry.rect.height as f32 / ppp;
            let [u0, v0, u1, v1] = self.atlas.uv_rect(&entry);
            let base = mesh.vertices.len() as u32;
            for (x, y, u, v) in [
                (x0, y0, u0, v0),
                (x1, y0, u1, v0),
                (x1, y1, u1, v1),
                (x0, y1, u0, v1),
            ] {
                mesh.vertices.push(Vertex {
                    pos: Pos2::new(x, y),
                    uv: Pos2::new(u, v),
                    color: queued.color,
                });
            }
            mesh.indices
                .extend_from_slice(&[base, base + 1, base + 2, base, base + 2, base + 3]);
        }
        self.last_frame_glyphs = self.queue.len();
        self.queue.clear();
        mesh
    }

    /// Makes sure the texture holds the current atlas (uploading only the changed part when the
    /// size is unchanged); returns its id.
    fn upload(&mut self, ctx: &egui::Context) -> egui::TextureId {
        // Quads sit exactly on physical pixels, so nearest sampling copies coverage unchanged.
        let options = TextureOptions::NEAREST;
        match (self.atlas.take_dirty(), &mut self.texture) {
            (AtlasDirty::Clean, Some(texture)) => texture.id(),
            (AtlasDirty::Rect(rect), Some(texture)) => {
                let image = coverage_image(&self.atlas, rect);
                texture.set_partial([rect.x as usize, rect.y as usize], image, options);
                texture.id()
            }
            (_, texture) => {
                let (width, height) = self.atlas.size();
                let whole = AtlasRect {
                    x: 0,
                    y: 0,
                    width,
                    height,
                };
                let image = coverage_image(&self.atlas, whole);
                match texture {
                    Some(texture) => {
                        texture.set(image, options);
                        texture.id()
                    }
                    None => {
                        let texture = ctx.load_texture("hamish-glyph-atlas", image, options);
                        let id = texture.id();
                        self.texture = Some(texture);
                        id
                    }
                }
            }
        }
    }
}

/// The atlas pixels in `rect` as white with coverage as (premultiplied) alpha, so the vertex
/// colour tints them.
fn coverage_image(atlas: &GlyphAtlas, rect: AtlasRect) -> ColorImage {
    let stride = atlas.size().0 as usize;
    let mut pixels = Vec::with_capacity((rect.width * rect.height) as usize);
    for row in rect.y..rect.y + rect.height {
        let start = row as usize * stride + rect.x as usize;
        let line = &atlas.pixels()[start..start + rect.width as usize];
        pixels.extend(
            line.iter()
                .map(|&c| Color32::from_rgba_premultiplied(c, c, c, c)),
        );
    }
    ColorImage::new([rect.width as usize, rect.height as usize], pixels)
}
