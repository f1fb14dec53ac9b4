//! Glyph rasterization by glyph id, the glyph atlas, and CPU page rendering to PNG. No eframe here.
