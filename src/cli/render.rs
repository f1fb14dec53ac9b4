//! `hamish render`: draw the laid-out text to a PNG on the CPU, with no window and no GPU.

use super::DirectionArg;
use crate::render::{render_page, PageStyle, MAX_PAGE_SIDE};
use crate::workspace::page::{checked_size, load_page, page_params, MAX_FONT_SIZE};
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

/// Runs `hamish render`: reads the file (any supported encoding), lays it out to `--width` minus
/// margins with the window's line height, draws it and writes the PNG.
pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    let style = PageStyle::default();
    checked_size("--font-size", args.font_size, 1.0, MAX_FONT_SIZE)?;
    let width = checked_size("--width", args.width, 1.0, MAX_PAGE_SIDE as f32)?;
    let text_width = width - 2.0 * style.margin as f32;
    if text_width < args.font_size {
        anyhow::bail!(
            "--width {} leaves no room for text inside the {} px margins; use a larger --width",
            args.width,
            style.margin
        );
    }
    let params = page_params(args.font_size, text_width, args.direction.into());
    let page = load_page(&args.file, &params)?;
    let image = render_page(&page.layout, &page.fonts, &style)?;
    image.write_png(&args.out)?;
    eprintln!(
        "wrote {} ({}×{} px, {} lines)",
        args.out.display(),
        image.width,
        image.height,
        page.layout.lines().count()
    );
    Ok(ExitCode::SUCCESS)
}
