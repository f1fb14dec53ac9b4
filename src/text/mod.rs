//! The text engine: fonts, bidi, shaping, line breaking, layout and hit-testing. No eframe here.
//!
//! Units: offsets are chars ([`crate::offset::CharOffset`]) into the whole document's text, ranges are
//! half-open; geometry is in pixels with x growing right and y growing down from the document's top.
//!
//! Pipeline (see design.md §2): [`paragraphs`] → [`bidi`] → [`itemize`] → [`shape`] →
//! [`breaking`] → [`layout`] (visual order, placement) → [`hit`] (carets, selection rectangles) and
//! [`movement`] (keyboard caret moves).

pub mod bidi;
pub mod breaking;
pub mod cache;
pub mod cursor;
pub mod estimate;
pub mod faces;
pub mod fonts;
pub mod geom;
pub mod graphemes;
pub mod hit;
pub mod hollow;
pub mod itemize;
pub mod layout;
pub mod movement;
pub mod paragraph_layout;
pub mod paragraphs;
pub mod segments;
pub mod shape;
pub mod spacing;
#[cfg(test)]
pub(crate) mod test_texts;
pub mod word_safety;

pub use cache::{CacheStats, LayoutCache};
pub use cursor::{Affinity, Cursor, VisualDirection};
pub use fonts::{FontError, FontId, FontMetrics, FontSet};
pub use geom::{Point, Rect};
pub use layout::{
    BaseDirection, LayoutParams, LineLayout, PlacedGlyph, TextLayout, VisualRun, LINE_HEIGHT,
};
pub use movement::{CaretMove, Motion};
