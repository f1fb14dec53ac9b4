//! Pages for reports: the annotated text drawn as the window shows it (highlights, overlaps, arcs
//! with names, a legend) as PNG, SVG or PDF, for `hamish render` and File → Export Page. Units:
//! px; offsets are chars of the text.

use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::render::annotated::{annotated_scene, pdf, png, svg, Rgba, SceneOptions};
use crate::render::RenderError;
use crate::text::{BaseDirection, FontSet};
use std::path::Path;

use super::page::page_params;

/// Width of a page exported from the window, px.
pub const EXPORT_PAGE_WIDTH: f32 = 900.0;
/// Font size of a page exported from the window, px.
pub const EXPORT_FONT_SIZE: f32 = 24.0;
/// Empty border of a page, px.
pub const PAGE_MARGIN: f32 = 32.0;

/// The file formats of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageFormat {
    /// A bitmap.
    Png,
    /// Vector, glyphs as outlines.
    Svg,
    /// Vector, one page.
    Pdf,
}

impl PageFormat {
    /// Every format.
    pub const ALL: [PageFormat; 3] = [PageFormat::Png, PageFormat::Svg, PageFormat::Pdf];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            PageFormat::Png => "png",
            PageFormat::Svg => "svg",
            PageFormat::Pdf => "pdf",
        }
    }

    /// The format a file name's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == ext)
    }
}

/// What a page shows.
pub struct PageContent<'a> {
    /// The text.
    pub text: &'a str,
    /// Its annotations (empty: the text alone).
    pub set: &'a AnnotationSet,
    /// Their schema.
    pub schema: &'a Schema,
    /// Draw the legend of labels.
    pub legend: bool,
}

/// The page of `content` laid out `width` px wide (margins included) at `font_size`, as `format`.
pub fn report_page(
    content: &PageContent<'_>,
    width: f32,
    font_size: f32,
    direction: BaseDirection,
    format: PageFormat,
) -> Result<Vec<u8>, RenderError> {
    let fonts = FontSet::embedded();
    let options = SceneOptions {
        params: page_params(
            font_size,
            (width - 2.0 * PAGE_MARGIN).max(font_size),
            direction,
        ),
        margin: PAGE_MARGIN,
        background: Rgba::rgb(255, 255, 255),
        ink: Rgba::rgb(0, 0, 0),
    };
    let no_labels;
    let schema = if content.legend {
        content.schema
    } else {
        no_labels = Schema {
            labels: Vec::new(),
            ..content.schema.clone()
        };
        &no_labels
    };
    let scene = annotated_scene(content.text, content.set, schema, &fonts, &options);
    match format {
        PageFormat::Png => png::render_scene(&scene, &fonts)?
            .encode_png()
            .map_err(|err| RenderError::Pdf {
                reason: format!("PNG encoding failed: {err}"),
            }),
        PageFormat::Svg => Ok(svg::scene_svg(&scene, &fonts).into_bytes()),
        PageFormat::Pdf => pdf::scene_pdf(&scene, &fonts),
    }
}

/// Writes `bytes` to `path` whole or not at all (a temp file next to it, then renamed).
pub fn write_page(path: &Path, bytes: &[u8]) -> Result<(), RenderError> {
    let failed = |err: std::io::Error| RenderError::WritePage {
        path: path.to_owned(),
        reason: err.to_string(),
    };
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    std::fs::write(&temp, bytes).map_err(failed)?;
    std::fs::rename(&temp, path).map_err(failed)
}
