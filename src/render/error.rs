//! Errors of the CPU renderer: font data that cannot be parsed, images that cannot be written.

use std::path::PathBuf;

/// What went wrong while rasterizing or writing an image.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The font bytes are not a font ab_glyph can read.
    #[error("font {font} cannot be parsed for rasterizing ({reason}); pick another TrueType/OpenType font file")]
    BadFont {
        /// The font's name or index, as the caller knows it.
        font: String,
        /// The parser's message.
        reason: String,
    },
    /// Writing the PNG failed (disk full, no permission, bad path).
    #[error("cannot write PNG {path}: {reason}; check that the folder exists and is writable")]
    WritePng {
        /// The output file.
        path: PathBuf,
        /// The underlying error.
        reason: String,
    },
    /// Making the PDF failed.
    #[error("the PDF page could not be made: {reason}; write the page as SVG or PNG instead")]
    Pdf {
        /// What went wrong.
        reason: String,
    },
    /// Writing a page file failed.
    #[error("cannot write {path}: {reason}; check that the folder exists and is writable")]
    WritePage {
        /// The output file.
        path: PathBuf,
        /// The underlying error.
        reason: String,
    },
    /// The page would be larger than a PNG or memory allows.
    #[error(
        "page of {width}×{height} px is too large to render; use a smaller --width or font size"
    )]
    PageTooLarge {
        /// Page width in pixels.
        width: u32,
        /// Page height in pixels.
        height: u32,
    },
}
