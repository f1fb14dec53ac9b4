//! A [`Scene`] as a one-page PDF: its SVG (glyph outlines, so no font is needed) converted by
//! svg2pdf, 96 px to the inch as a browser prints. Units: px in, PDF points out.

use super::svg::scene_svg;
use super::Scene;
use crate::render::error::RenderError;
use crate::text::FontSet;

/// The PDF bytes of `scene`.
pub fn scene_pdf(scene: &Scene, fonts: &FontSet) -> Result<Vec<u8>, RenderError> {
    let svg = scene_svg(scene, fonts);
    let options = svg2pdf::usvg::Options::default();
    let tree = svg2pdf::usvg::Tree::from_str(&svg, &options).map_err(|err| RenderError::Pdf {
        reason: format!("the page's SVG did not parse: {err}"),
    })?;
    let page = svg2pdf::PageOptions { dpi: 96.0 };
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page).map_err(|err| {
        RenderError::Pdf {
            reason: format!("{err:?}"),
        }
    })
}
