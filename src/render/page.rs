//! Drawing a laid-out document on the CPU: white page, black text, margins. Units: pixels; the
//! layout's coordinates are pixels too (its font size is the rendered pixel size).

use super::atlas::{AtlasEntry, AtlasRect, GlyphAtlas, GlyphKey};
use super::error::RenderError;
use super::image::RgbaImage;
use super::raster::{parse_font, rasterize_glyph, split_subpixel};
use crate::text::{FontSet, TextLayout};
use ab_glyph::FontRef;
use std::collections::HashMap;

/// Page look.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageStyle {
    /// Empty border around the text, in pixels.
    pub margin: u32,
    /// Page colour.
    pub background: [u8; 4],
    /// Text colour.
    pub ink: [u8; 3],
}

impl Default for PageStyle {
    fn default() -> Self {
        Self {
            margin: 32,
            background: [255, 255, 255, 255],
            ink: [0, 0, 0],
        }
    }
}

/// Largest page side rendered; beyond this the PNG would be unwieldy (and memory large).
pub const MAX_PAGE_SIDE: u32 = 32_768;
/// Most pixels a page may have: 64 Mpx, 256 MiB of RGBA (a long article at 24 px is a few Mpx).
pub const MAX_PAGE_PIXELS: u64 = 64 * 1024 * 1024;

/// Renders `layout` (laid out with `fonts`) onto a page as wide as the layout's width plus margins
/// and as tall as its text plus margins.
pub fn render_page(
    layout: &TextLayout,
    fonts: &FontSet,
    style: &PageStyle,
) -> Result<RgbaImage, RenderError> {
    let params = layout.params();
    let margin = style.margin as f32;
    let width = (params.width + 2.0 * margin).ceil().max(1.0) as u32;
    let height = (layout.height() + 2.0 * margin).ceil().max(1.0) as u32;
    if width > MAX_PAGE_SIDE
        || height > MAX_PAGE_SIDE
        || u64::from(width) * u64::from(height) > MAX_PAGE_PIXELS
    {
        return Err(RenderError::PageTooLarge { width, height });
    }
    let mut page = RgbaImage::filled(width, height, style.background);
    // The atlas is only a cache here: each distinct glyph is rasterized once per page.
    let mut atlas = GlyphAtlas::new(256, 8192);
    let mut parsed: HashMap<u16, FontRef<'_>> = HashMap::new();
    for line in layout.lines() {
        for run in &line.runs {
            let font = match parsed.get(&run.font.0) {
                Some(font) => font.clone(),
                None => {
                    let font = parse_font(fonts.data(run.font), fonts.name(run.font))?;
                    parsed.insert(run.font.0, font.clone());
                    font
                }
            };
            for glyph in &run.glyphs {
                let (pen_x, subpixel) = split_subpixel(margin + glyph.x);
                let baseline = (margin + line.baseline + glyph.y_offset).round() as i64;
                let key =
                    GlyphKey::new(u32::from(run.font.0), glyph.id, params.font_size, subpixel);
                let bitmap;
                let (entry, pixels, stride) = match atlas.get_or_insert_with(key, || {
                    rasterize_glyph(&font, glyph.id, key.size_px(), subpixel)
                }) {
                    Some(entry) => (entry, atlas.pixels(), atlas.size().0),
                    None => {
                        // A glyph larger than the biggest atlas: draw it straight from its bitmap.
                        bitmap = rasterize_glyph(&font, glyph.id, key.size_px(), subpixel);
                        let entry = AtlasEntry {
                            rect: AtlasRect {
                                x: 0,
                                y: 0,
                                width: bitmap.width,
                                height: bitmap.height,
                            },
                            left: bitmap.left,
                            top: bitmap.top,
                        };
                        (entry, &bitmap.coverage[..], bitmap.width)
                    }
                };
                blit_glyph(&mut page, entry, pixels, stride, pen_x, baseline, style.ink);
            }
        }
    }
    Ok(page)
}

/// Blends one glyph's coverage (a rectangle of `pixels` with row length `stride`) onto the page.
fn blit_glyph(
    page: &mut RgbaImage,
    entry: AtlasEntry,
    pixels: &[u8],
    stride: u32,
    pen_x: i32,
    baseline: i64,
    ink: [u8; 3],
) {
    let r = entry.rect;
    for row in 0..r.height {
        let src = ((r.y + row) as usize) * (stride as usize) + r.x as usize;
        let y = baseline + i64::from(entry.top) + i64::from(row);
        for col in 0..r.width {
            let coverage = pixels[src + col as usize];
            if coverage > 0 {
                let x = i64::from(pen_x) + i64::from(entry.left) + i64::from(col);
                page.blend(x, y, ink, coverage);
            }
        }
    }
}
