//! `hamish render` from the command line: a PNG is written for a good file; a file that is not
//! UTF-8 gives an error naming the file.

use hamish::cli::render::{run, RenderArgs};
use hamish::cli::DirectionArg;

fn args(file: std::path::PathBuf, out: std::path::PathBuf, width: f32) -> RenderArgs {
    RenderArgs {
        file,
        width,
        font_size: 24.0,
        direction: DirectionArg::Auto,
        format: None,
        out,
    }
}

#[test]
fn renders_a_png_of_the_requested_width() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "يوم 17 أكتوبر\n").unwrap();
    let out = dir.path().join("a.png");
    run(args(text, out.clone(), 500.0)).unwrap();
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let info = decoder.read_info().unwrap();
    assert_eq!(info.info().width, 500);
}

#[test]
fn non_utf8_input_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("cp1256.txt");
    std::fs::write(&text, b"\xD3\xE1\xC7\xE3").unwrap();
    let out = dir.path().join("x.png");
    let err = run(args(text, out.clone(), 500.0)).unwrap_err().to_string();
    assert!(err.contains("cp1256.txt") && err.contains("UTF-8"), "{err}");
    assert!(!out.exists());
}

#[test]
fn width_smaller_than_the_margins_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "نص").unwrap();
    let err = run(args(text, dir.path().join("x.png"), 40.0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("--width"), "{err}");
}

/// A text with a claim linked to its source, saved next to it.
fn annotated_text(dir: &tempfile::TempDir) -> std::path::PathBuf {
    use hamish::workspace::{Action, Workspace};
    let text = "وقال الوزير إن الهدنة صامدة.\n";
    let path = dir.path().join("report.txt");
    std::fs::write(&path, text).unwrap();
    let range = |needle: &str| {
        let start = text[..text.find(needle).unwrap()].chars().count();
        hamish::offset::CharRange::from_indices(start, start + needle.chars().count())
    };
    let mut ws = Workspace::new("t");
    ws.execute(Action::Open {
        path: path.clone(),
        encoding: None,
    })
    .unwrap();
    let mut ids = Vec::new();
    for (label, needle) in [("claim", "الهدنة صامدة"), ("source", "الوزير")] {
        let outcome = ws
            .execute(Action::Annotate {
                label: label.into(),
                range: range(needle),
            })
            .unwrap();
        ids.push(outcome.select.unwrap());
    }
    let link = Action::Link {
        from: ids[0],
        to: ids[1],
        kind: "attributed-to".into(),
    };
    ws.execute(link).unwrap();
    ws.execute(Action::Save).unwrap();
    path
}

#[test]
fn svg_page_is_well_formed_with_arcs_legend_and_glyph_outlines() {
    let dir = tempfile::tempdir().unwrap();
    let text = annotated_text(&dir);
    let out = dir.path().join("page.svg");
    run(args(text, out.clone(), 700.0)).unwrap();
    let svg = std::fs::read_to_string(&out).unwrap();
    // Parses as SVG (usvg, as the PDF converter reads it).
    let tree = svg2pdf::usvg::Tree::from_str(&svg, &svg2pdf::usvg::Options::default()).unwrap();
    assert_eq!(tree.size().width(), 700.0);
    for group in [
        "<g id=\"legend\">",
        "<g id=\"arcs\">",
        "<g id=\"highlights\">",
    ] {
        assert!(svg.contains(group), "{group}");
    }
    // The relation's name and the labels are named; glyphs are outlines, no <text> or font.
    assert!(svg.contains("منسوب إلى") && svg.contains("ادعاء · Claim"));
    assert!(svg.contains("<path id=\"g0-") && !svg.contains("<text"));
    let arcs = &svg[svg.find("<g id=\"arcs\">").unwrap()..];
    assert!(
        arcs.contains("<polyline") && arcs.contains("<polygon"),
        "arc and arrowhead"
    );
}

#[test]
fn pdf_page_is_a_one_page_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let text = annotated_text(&dir);
    let out = dir.path().join("page.pdf");
    let mut a = args(text, out.clone(), 700.0);
    a.format = Some(hamish::cli::render::PageFormatArg::Pdf);
    run(a).unwrap();
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let tail = String::from_utf8_lossy(&pdf[pdf.len().saturating_sub(64)..]).to_string();
    assert!(tail.contains("%%EOF"), "{tail}");
    let body = String::from_utf8_lossy(&pdf);
    assert_eq!(
        body.matches("/Type /Page\n").count()
            + body.matches("/Type /Page/").count()
            + body.matches("/Type /Page ").count(),
        1,
        "one page"
    );
}
