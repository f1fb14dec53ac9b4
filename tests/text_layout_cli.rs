//! `hamish layout`: the JSON shape, offsets into the file's text (BOM stripped), and errors that
//! name the file with exit code 2.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

fn hamish_layout(file: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hamish"))
        .arg("layout")
        .arg(file)
        .args(extra)
        .output()
        .expect("hamish runs")
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("object").keys().cloned().collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn json_has_the_documented_shape() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/news-ar-001.txt");
    let out = hamish_layout(&sample, &["--width", "500", "--font-size", "20", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(keys(&doc), set(&["lines"]));
    let text = std::fs::read_to_string(&sample).expect("sample");
    let n_chars = text.chars().count();
    let n_paragraphs = text.split('\n').count();
    let lines = doc["lines"].as_array().expect("lines");
    let mut paragraphs = BTreeSet::new();
    for line in lines {
        assert_eq!(
            keys(line),
            set(&[
                "paragraph",
                "line",
                "rtl",
                "top",
                "bottom",
                "baseline",
                "runs"
            ])
        );
        paragraphs.insert(line["paragraph"].as_u64().expect("paragraph"));
        assert_eq!(line["rtl"], Value::Bool(true), "the sample is Arabic");
        for run in line["runs"].as_array().expect("runs") {
            assert_eq!(keys(run), set(&["level", "font", "chars", "glyphs"]));
            let font = run["font"].as_str().expect("font");
            assert!(["NotoNaskhArabic-Regular", "NotoSans-Regular"].contains(&font));
            let s = run["chars"][0].as_u64().expect("start") as usize;
            let e = run["chars"][1].as_u64().expect("end") as usize;
            assert!(s < e && e <= n_chars);
            let mut last_x = f64::MIN;
            for g in run["glyphs"].as_array().expect("glyphs") {
                assert_eq!(keys(g), set(&["id", "cluster", "x", "advance"]));
                let c = g["cluster"].as_u64().expect("cluster") as usize;
                assert!((s..e).contains(&c));
                let x = g["x"].as_f64().expect("x");
                assert!(x >= last_x - 20.0, "glyphs go left to right");
                last_x = x;
            }
        }
    }
    // Every paragraph (empty lines included) is numbered from 0.
    assert_eq!(paragraphs.len(), n_paragraphs);
    assert_eq!(
        *paragraphs.iter().next_back().expect("some"),
        n_paragraphs as u64 - 1
    );
}

#[test]
fn offsets_skip_the_bom_and_digits_keep_their_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("date.txt");
    std::fs::write(&file, "\u{FEFF}17 أكتوبر").expect("write");
    let out = hamish_layout(&file, &["--json"]);
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    let glyphs: Vec<&Value> = doc["lines"][0]["runs"]
        .as_array()
        .expect("runs")
        .iter()
        .flat_map(|r| r["glyphs"].as_array().expect("glyphs").iter())
        .collect();
    let x_of = |c: u64| {
        glyphs
            .iter()
            .find(|g| g["cluster"].as_u64() == Some(c))
            .and_then(|g| g["x"].as_f64())
            .expect("glyph")
    };
    // Offset 0 is '1' (the BOM is not text), drawn left of '7'.
    assert!(x_of(0) < x_of(1));
    let max_cluster = glyphs.iter().filter_map(|g| g["cluster"].as_u64()).max();
    assert_eq!(max_cluster, Some(8));
}

#[test]
fn bad_files_exit_with_2_and_name_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9").expect("write");
    let out = hamish_layout(&bad, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");

    let missing = dir.path().join("missing.txt");
    let out = hamish_layout(&missing, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
}

#[test]
fn without_json_one_line_gives_chars_lines_glyphs_and_seconds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("two.txt");
    let text = "سطر أول\n\nsecond line";
    std::fs::write(&file, text).expect("write");
    let out = hamish_layout(&file, &[]);
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stdout);
    let words: Vec<&str> = summary.trim_end().split(' ').collect();
    assert_eq!(summary.lines().count(), 1, "{summary}");
    assert_eq!(
        [words[0], words[2], words[4], words[6]],
        ["chars", "lines", "glyphs", "seconds"],
        "{summary}"
    );
    // The counts are those of the JSON layout of the same file.
    let doc: Value =
        serde_json::from_slice(&hamish_layout(&file, &["--json"]).stdout).expect("json");
    let lines = doc["lines"].as_array().expect("lines");
    let glyphs: usize = lines
        .iter()
        .flat_map(|l| l["runs"].as_array().expect("runs").iter())
        .map(|r| r["glyphs"].as_array().expect("glyphs").len())
        .sum();
    assert_eq!(words[1], text.chars().count().to_string());
    assert_eq!(words[3], lines.len().to_string());
    assert_eq!(words[5], glyphs.to_string());
    let seconds: f64 = words[7].parse().expect("seconds");
    assert!((0.0..60.0).contains(&seconds), "{summary}");
}

#[test]
fn every_encoding_the_window_reads_lays_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "قال الوزير إن الهدنة قريبة\r\nوأكد المتحدث ذلك\r\n";
    let (cp1256, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!unmappable);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    for (name, bytes) in [("cp1256.txt", cp1256.to_vec()), ("utf16.txt", utf16)] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).expect("write");
        let out = hamish_layout(&file, &["--json"]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
        let last_char = doc["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .flat_map(|l| l["runs"].as_array().expect("runs").iter())
            .filter_map(|r| r["chars"][1].as_u64())
            .max();
        // The last run ends before the final CR LF of the 43-char text.
        assert_eq!(last_char, Some(text.chars().count() as u64 - 2), "{name}");
    }
}

#[test]
fn sizes_that_are_not_numbers_in_range_are_refused() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/news-ar-001.txt");
    for args in [
        ["--width", "NaN"],
        ["--width", "0"],
        ["--font-size=-3", "--json"],
        ["--font-size", "1e9"],
    ] {
        let out = hamish_layout(&sample, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("must be a number from"), "{args:?}: {err}");
    }
}
