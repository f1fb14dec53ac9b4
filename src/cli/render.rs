//! `hamish render`: draw a text file with its annotations (highlights, overlaps, relation arcs
//! with their names, a legend of labels) as a page for reports — PNG, SVG or PDF — on the CPU,
//! with no window and no GPU. A text without annotations is drawn alone.

use super::DirectionArg;
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::render::MAX_PAGE_SIDE;
use crate::store::annotated::read_annotated;
use crate::store::sidecar::{load_sidecar, sidecar_path};
use crate::workspace::page::{checked_size, load_page, page_params, MAX_FONT_SIZE};
use crate::workspace::report::{report_page, write_page, PageContent, PageFormat, PAGE_MARGIN};
use anyhow::Context as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// The page formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PageFormatArg {
    /// A bitmap.
    Png,
    /// Vector graphics, glyphs as outlines.
    Svg,
    /// A one-page PDF.
    Pdf,
}

impl From<PageFormatArg> for PageFormat {
    fn from(arg: PageFormatArg) -> Self {
        match arg {
            PageFormatArg::Png => PageFormat::Png,
            PageFormatArg::Svg => PageFormat::Svg,
            PageFormatArg::Pdf => PageFormat::Pdf,
        }
    }
}

/// Arguments of `hamish render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The text file (its annotations are read from the sidecar next to it, if there is one).
    pub file: PathBuf,
    /// Page width in pixels.
    #[arg(long, default_value_t = 800.0)]
    pub width: f32,
    /// Font size in pixels.
    #[arg(long, default_value_t = 24.0)]
    pub font_size: f32,
    /// Base direction of the paragraphs.
    #[arg(long, value_enum, default_value_t = DirectionArg::Auto)]
    pub direction: DirectionArg,
    /// The page's format (default: from the --out extension, else PNG).
    #[arg(long, value_enum)]
    pub format: Option<PageFormatArg>,
    /// Output file.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `hamish render`: reads the file (any supported encoding) and its annotations, lays it out
/// to `--width` minus margins with the window's line height and arcs between lines, draws it and
/// writes the page.
pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    checked_size("--font-size", args.font_size, 1.0, MAX_FONT_SIZE)?;
    let width = checked_size("--width", args.width, 1.0, MAX_PAGE_SIDE as f32)?;
    if width - 2.0 * PAGE_MARGIN < args.font_size {
        anyhow::bail!(
            "--width {} leaves no room for text inside the {} px margins; use a larger --width",
            args.width,
            PAGE_MARGIN
        );
    }
    let format = args
        .format
        .map(PageFormat::from)
        .or_else(|| PageFormat::from_path(&args.out))
        .unwrap_or(PageFormat::Png);
    let params = page_params(
        args.font_size,
        width - 2.0 * PAGE_MARGIN,
        args.direction.into(),
    );
    // Read as the layout does (the same decoding errors), then the annotations if any.
    let page = load_page(&args.file, &params)?;
    let sidecar = sidecar_path(&args.file);
    let (text, set, schema, annotated) = if sidecar.exists() {
        let data = load_sidecar(&sidecar)?;
        let file = read_annotated(&args.file, Some(data), None)
            .with_context(|| format!("{} could not be read", args.file.display()))?;
        (file.source.text, file.set, file.schema, true)
    } else {
        (
            page.decoded.text,
            AnnotationSet::new(),
            Schema::fact_checking(),
            false,
        )
    };
    let content = PageContent {
        text: &text,
        set: &set,
        schema: &schema,
        legend: annotated,
    };
    let bytes = report_page(
        &content,
        width,
        args.font_size,
        args.direction.into(),
        format,
    )?;
    write_page(&args.out, &bytes)?;
    eprintln!(
        "wrote {} ({}, {} annotation(s), {} relation(s))",
        args.out.display(),
        format.extension(),
        set.len(),
        set.relations().count()
    );
    Ok(ExitCode::SUCCESS)
}
