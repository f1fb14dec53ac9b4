//! Glyph rasterization by glyph id, the glyph atlas, and CPU page rendering to PNG. No eframe here.
//! Units: physical pixels throughout.

pub mod annotated;
pub mod atlas;
pub mod error;
pub mod image;
pub mod marks;
pub mod page;
pub mod raster;

pub use atlas::{AtlasDirty, AtlasEntry, AtlasRect, GlyphAtlas, GlyphKey};
pub use error::RenderError;
pub use image::RgbaImage;
pub use page::{render_page, PageStyle, MAX_PAGE_PIXELS, MAX_PAGE_SIDE};
pub use raster::{parse_font, rasterize_glyph, split_subpixel, GlyphBitmap, SUBPIXEL_BUCKETS};
