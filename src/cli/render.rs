//! `hamish render`: draw the laid-out text to a PNG on the CPU, with no window and no GPU.

use super::DirectionArg;
use crate::render::{render_page, PageStyle};
use crate::store::decode::load_text_file;
use crate::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The text file.
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
    /// Output PNG path.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `hamish render`: reads the file as UTF-8, lays it out to `--width` minus margins, draws it
/// and writes the PNG.
pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    let loaded = load_text_file(&args.file)?;
    let style = PageStyle::default();
    let text_width = args.width - 2.0 * style.margin as f32;
    if text_width < args.font_size {
        anyhow::bail!(
            "--width {} leaves no room for text inside the {} px margins; use a larger --width",
            args.width,
            style.margin
        );
    }
    let params = LayoutParams {
        font_size: args.font_size,
        width: text_width,
        direction: match args.direction {
            DirectionArg::Auto => BaseDirection::Auto,
            DirectionArg::Rtl => BaseDirection::Rtl,
            DirectionArg::Ltr => BaseDirection::Ltr,
        },
        line_height: LINE_HEIGHT_FACTOR,
    };
    let fonts = FontSet::embedded();
    let layout = TextLayout::new(&loaded.text, &fonts, &params, &mut LayoutCache::default());
    let page = render_page(&layout, &fonts, &style)?;
    page.write_png(&args.out)?;
    eprintln!(
        "wrote {} ({}×{} px, {} lines)",
        args.out.display(),
        page.width,
        page.height,
        layout.lines().count()
    );
    Ok(ExitCode::SUCCESS)
}

/// Line height as a multiple of the font size; Naskh needs room for marks above and below.
pub const LINE_HEIGHT_FACTOR: f32 = 1.8;
