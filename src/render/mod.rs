//! Glyph rasterization by glyph id, the glyph atlas, and CPU page rendering to PNG. No eframe here.
//! Units: physical pixels throughout.

pub mod atlas;
pub mod error;
pub mod raster;

pub use atlas::{AtlasEntry, AtlasRect, GlyphAtlas, GlyphKey};
pub use error::RenderError;
pub use raster::{parse_font, rasterize_glyph, split_subpixel, GlyphBitmap, SUBPIXEL_BUCKETS};
