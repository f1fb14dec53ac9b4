//! `hamish layout`: print the layout of a text file as one summary line (chars, lines, glyphs,
//! seconds) or as JSON (lines with their boxes, runs, glyphs), laid out by the application
//! layer's page (`workspace::page`: the window's decoder and line height). Offsets in the output
//! are chars into the file's text; x, y and advances are px.

use super::DirectionArg;
use crate::text::{FontSet, TextLayout};
use crate::workspace::page::{checked_size, load_page, page_params, MAX_FONT_SIZE, MAX_WIDTH};
use anyhow::Context;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish layout`.
#[derive(Debug, clap::Args)]
pub struct LayoutArgs {
    /// The text file.
    pub file: PathBuf,
    /// Available line width in pixels.
    #[arg(long, default_value_t = 800.0)]
    pub width: f32,
    /// Font size in pixels.
    #[arg(long, default_value_t = 24.0)]
    pub font_size: f32,
    /// Base direction of the paragraphs.
    #[arg(long, value_enum, default_value_t = DirectionArg::Auto)]
    pub direction: DirectionArg,
    /// Print every line, run and glyph as JSON (without it: one summary line).
    #[arg(long)]
    pub json: bool,
}

/// The JSON document printed by `--json`.
#[derive(Debug, Serialize)]
pub struct LayoutJson {
    /// Lines top to bottom.
    pub lines: Vec<LineJson>,
}

/// One line in the JSON output.
#[derive(Debug, Serialize)]
pub struct LineJson {
    /// Paragraph index from 0.
    pub paragraph: usize,
    /// Line index within the paragraph.
    pub line: usize,
    /// The paragraph runs right to left.
    pub rtl: bool,
    /// Top of the line box, px from the text's top.
    pub top: f32,
    /// Bottom of the line box, px from the text's top.
    pub bottom: f32,
    /// Baseline, px from the text's top.
    pub baseline: f32,
    /// Runs left to right as drawn.
    pub runs: Vec<RunJson>,
}

/// One run in the JSON output.
#[derive(Debug, Serialize)]
pub struct RunJson {
    /// Bidi level.
    pub level: u8,
    /// Font file name without extension.
    pub font: String,
    /// `[start, end)` char offsets into the file's text.
    pub chars: [usize; 2],
    /// Glyphs left to right as drawn.
    pub glyphs: Vec<GlyphJson>,
}

/// One glyph in the JSON output.
#[derive(Debug, Serialize)]
pub struct GlyphJson {
    /// Glyph id.
    pub id: u16,
    /// Char offset of the glyph's cluster.
    pub cluster: usize,
    /// px from the line's left edge.
    pub x: f32,
    /// Advance in px.
    pub advance: f32,
}

/// Builds the JSON document of a layout.
pub fn layout_json(layout: &TextLayout, fonts: &FontSet) -> LayoutJson {
    LayoutJson {
        lines: layout
            .lines()
            .map(|l| LineJson {
                paragraph: l.paragraph,
                line: l.line,
                rtl: l.rtl,
                top: l.top,
                bottom: l.bottom(),
                baseline: l.baseline,
                runs: l
                    .runs
                    .iter()
                    .map(|r| RunJson {
                        level: r.level,
                        font: fonts.name(r.font).to_string(),
                        chars: [r.chars.start.0, r.chars.end.0],
                        glyphs: r
                            .glyphs
                            .iter()
                            .map(|g| GlyphJson {
                                id: g.id,
                                cluster: g.cluster().0,
                                x: g.x,
                                advance: g.advance,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Runs `hamish layout`.
pub fn run(args: LayoutArgs) -> anyhow::Result<ExitCode> {
    checked_size("--font-size", args.font_size, 1.0, MAX_FONT_SIZE)?;
    checked_size("--width", args.width, 1.0, MAX_WIDTH)?;
    let params = page_params(args.font_size, args.width, args.direction.into());
    let started = std::time::Instant::now();
    let page = load_page(&args.file, &params)?;
    let seconds = started.elapsed().as_secs_f64();
    let printed = if args.json {
        print_json(&page.layout, &page.fonts)
    } else {
        print_summary(&page.layout, seconds)
    };
    match printed {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write the layout to stdout"),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

/// One line: chars, lines and glyphs laid out, and the seconds reading, decoding and laying
/// out the file took (so the whole command can be timed from outside against it).
fn print_summary(layout: &TextLayout, seconds: f64) -> std::io::Result<()> {
    use std::io::Write;
    let chars = layout.text().chars().count();
    let lines = layout.lines().count();
    let glyphs: usize = layout
        .lines()
        .flat_map(|l| l.runs.iter())
        .map(|r| r.glyphs.len())
        .sum();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "chars {chars} lines {lines} glyphs {glyphs} seconds {seconds:.3}"
    )?;
    out.flush()
}

fn print_json(layout: &TextLayout, fonts: &FontSet) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer(&mut out, &layout_json(layout, fonts))?;
    writeln!(out)?;
    out.flush()
}
