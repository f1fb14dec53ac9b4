//! Rasterizing one glyph by glyph id into a coverage bitmap. Units: pixels (physical, not points);
//! the subpixel x offset is a fraction of one pixel in quarter steps.

use super::error::RenderError;
use ab_glyph::{Font, FontRef, GlyphId, PxScale};

/// How many horizontal subpixel positions a glyph is rasterized at (0, ¼, ½, ¾ px).
pub const SUBPIXEL_BUCKETS: u8 = 4;

/// A glyph's coverage bitmap and where it sits relative to the pen position on the baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlyphBitmap {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels from the (integer) pen x to the bitmap's left column; may be negative.
    pub left: i32,
    /// Pixels from the baseline to the bitmap's top row; negative is above the baseline.
    pub top: i32,
    /// Row-major coverage, 0 (empty) to 255 (fully covered), `width * height` bytes.
    pub coverage: Vec<u8>,
}

impl GlyphBitmap {
    /// True when the glyph draws nothing (a space, or an outline with no area at this size).
    pub fn is_empty(&self) -> bool {
        self.width == 0 || self.height == 0
    }
}

/// Splits a pen x position into whole pixels and a subpixel bucket in `0..SUBPIXEL_BUCKETS`.
///
/// Rounds to the nearest bucket, carrying into the next pixel when the fraction is close to 1.
pub fn split_subpixel(x: f32) -> (i32, u8) {
    let whole = x.floor();
    let buckets = f32::from(SUBPIXEL_BUCKETS);
    let bucket = ((x - whole) * buckets).round() as i32;
    if bucket >= i32::from(SUBPIXEL_BUCKETS) {
        (whole as i32 + 1, 0)
    } else {
        (whole as i32, bucket as u8)
    }
}

/// Parses font bytes for rasterizing; `name` only labels the error.
pub fn parse_font<'a>(data: &'a [u8], name: &str) -> Result<FontRef<'a>, RenderError> {
    FontRef::try_from_slice(data).map_err(|err| RenderError::BadFont {
        font: name.to_owned(),
        reason: err.to_string(),
    })
}

/// Rasterizes glyph `glyph_id` of `font` at `size_px` pixels per em, shifted right by
/// `subpixel / SUBPIXEL_BUCKETS` px. An id the font lacks, or a glyph without outline, gives an
/// empty bitmap.
pub fn rasterize_glyph(
    font: &FontRef<'_>,
    glyph_id: u16,
    size_px: f32,
    subpixel: u8,
) -> GlyphBitmap {
    // ab_glyph's PxScale is the height ascent−descent in px, while shaping sizes are px per em.
    let units_per_em = font.units_per_em().unwrap_or(1000.0);
    let scale = PxScale::from(size_px * font.height_unscaled() / units_per_em);
    let offset_x = f32::from(subpixel % SUBPIXEL_BUCKETS) / f32::from(SUBPIXEL_BUCKETS);
    let glyph = GlyphId(glyph_id).with_scale_and_position(scale, ab_glyph::point(offset_x, 0.0));
    let Some(outlined) = font.outline_glyph(glyph) else {
        return GlyphBitmap {
            width: 0,
            height: 0,
            left: 0,
            top: 0,
            coverage: Vec::new(),
        };
    };
    let bounds = outlined.px_bounds();
    let width = bounds.width().max(0.0) as u32;
    let height = bounds.height().max(0.0) as u32;
    let mut coverage = vec![0u8; (width as usize) * (height as usize)];
    outlined.draw(|x, y, c| {
        if x < width && y < height {
            let value = (c.clamp(0.0, 1.0) * 255.0).round() as u8;
            coverage[(y * width + x) as usize] = value;
        }
    });
    GlyphBitmap {
        width,
        height,
        left: bounds.min.x as i32,
        top: bounds.min.y as i32,
        coverage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NASKH: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");

    fn glyph_of(font: &FontRef<'_>, c: char) -> u16 {
        font.glyph_id(c).0
    }

    #[test]
    fn split_subpixel_rounds_to_quarters_and_carries() {
        assert_eq!(split_subpixel(10.0), (10, 0));
        assert_eq!(split_subpixel(10.26), (10, 1));
        assert_eq!(split_subpixel(10.5), (10, 2));
        assert_eq!(split_subpixel(10.95), (11, 0));
        assert_eq!(split_subpixel(-0.3), (-1, 3));
    }

    #[test]
    fn letter_has_ink_above_baseline_and_space_is_empty() {
        let font = parse_font(NASKH, "naskh").unwrap();
        let alef = rasterize_glyph(&font, glyph_of(&font, 'ا'), 32.0, 0);
        assert!(!alef.is_empty());
        assert!(alef.top < 0, "alef rises above the baseline");
        assert!(alef.height > alef.width, "alef is a tall stroke");
        assert!(alef.coverage.contains(&255));
        let space = rasterize_glyph(&font, glyph_of(&font, ' '), 32.0, 0);
        assert!(space.is_empty());
    }

    #[test]
    fn size_scales_the_bitmap() {
        let font = parse_font(NASKH, "naskh").unwrap();
        let id = glyph_of(&font, 'ب');
        let small = rasterize_glyph(&font, id, 16.0, 0);
        let big = rasterize_glyph(&font, id, 64.0, 0);
        assert!(big.width >= small.width * 3 && big.width <= small.width * 5);
    }

    #[test]
    fn subpixel_offset_changes_coverage() {
        let font = parse_font(NASKH, "naskh").unwrap();
        let id = glyph_of(&font, 'ا');
        let at0 = rasterize_glyph(&font, id, 24.0, 0);
        let at2 = rasterize_glyph(&font, id, 24.0, 2);
        assert_ne!(at0.coverage, at2.coverage);
    }

    #[test]
    fn bad_font_data_is_an_error_naming_the_font() {
        let err = parse_font(b"not a font", "mine.ttf").unwrap_err();
        assert!(err.to_string().contains("mine.ttf"));
    }
}
