//! A text file laid out as a page, for `hamish layout` and `hamish render`: read through the same
//! decoder as the window (every supported encoding, the same size limit, binary refused), laid out
//! with the same line height ([`LINE_HEIGHT`]) the window draws with, sizes checked first.
//! Units: px; offsets are chars of the decoded text.

use crate::store::decode::{load_text_file, DecodeError, DecodedText};
use crate::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout, LINE_HEIGHT};
use std::path::Path;

/// Largest font size accepted, px.
pub const MAX_FONT_SIZE: f32 = 1000.0;
/// Largest line or page width accepted, px.
pub const MAX_WIDTH: f32 = 100_000.0;

/// Why a page could not be laid out.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// A size is not a finite number in its range.
    #[error("{name} must be a number from {min} to {max} (got {value})")]
    BadSize {
        /// Which size (e.g. "--width").
        name: &'static str,
        /// What was given.
        value: f32,
        /// Smallest accepted (exclusive of 0).
        min: f32,
        /// Largest accepted.
        max: f32,
    },
    /// The text file could not be read or decoded.
    #[error(transparent)]
    Text(#[from] DecodeError),
}

/// A decoded text file with its layout.
#[derive(Debug)]
pub struct Page {
    /// The decoded text (what offsets point into).
    pub decoded: DecodedText,
    /// The fonts it was laid out with.
    pub fonts: FontSet,
    /// The layout.
    pub layout: TextLayout,
}

/// `value` when it is finite and in `min..=max`; `name` names it in the error.
pub fn checked_size(name: &'static str, value: f32, min: f32, max: f32) -> Result<f32, PageError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(PageError::BadSize {
            name,
            value,
            min,
            max,
        })
    }
}

/// The layout parameters Hamish draws with, for text `width` px wide at `font_size` px.
pub fn page_params(font_size: f32, width: f32, direction: BaseDirection) -> LayoutParams {
    LayoutParams {
        font_size,
        width,
        direction,
        line_height: LINE_HEIGHT,
    }
}

/// Reads and lays out the text file at `path` with the embedded fonts.
pub fn load_page(path: &Path, params: &LayoutParams) -> Result<Page, PageError> {
    checked_size("the font size", params.font_size, 1.0, MAX_FONT_SIZE)?;
    checked_size("the width", params.width, 1.0, MAX_WIDTH)?;
    let decoded = load_text_file(path)?;
    let fonts = FontSet::embedded();
    // One layout, then the cache is dropped: keeping its paragraphs would only copy them.
    let mut cache = LayoutCache::without_paragraphs();
    let layout = TextLayout::new(&decoded.text, &fonts, params, &mut cache);
    Ok(Page {
        decoded,
        fonts,
        layout,
    })
}
