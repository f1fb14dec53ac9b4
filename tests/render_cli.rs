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
