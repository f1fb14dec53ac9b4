//! The workbench's command line run as the built binary: `hamish search` (Arabic-aware hits as
//! tab-separated lines and JSON lines, over files and folders, exit codes), `hamish stats` for
//! any schema, and `hamish DIR` / several files checked before the window opens.

use std::path::{Path, PathBuf};
use std::process::Command;

fn hamish(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hamish"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/news-ar-001.txt")
}

/// The (start, end) of each hit line.
fn spans(stdout: &str) -> Vec<(usize, usize)> {
    stdout
        .lines()
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "{l}");
            (cols[1].parse().unwrap(), cols[2].parse().unwrap())
        })
        .collect()
}

#[test]
fn the_plain_the_vowelled_and_with_ta_marbuta_the_ha_spelling_find_the_same_hits() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample();
    let path = sample.to_str().unwrap();
    let (code, plain, _) = hamish(&["search", "القاعدة", path], dir.path());
    assert_eq!(code, 0);
    let hits = spans(&plain);
    assert_eq!(hits.len(), 11, "{plain}");
    let text: Vec<char> = std::fs::read_to_string(&sample).unwrap().chars().collect();
    for (line, (start, end)) in plain.lines().zip(&hits) {
        let covered: String = text[*start..*end].iter().collect();
        assert_eq!(covered, "القاعدة");
        assert!(
            line.starts_with(path) && line.ends_with("\tالقاعدة"),
            "{line}"
        );
    }
    let (_, vowelled, _) = hamish(&["search", "الْقَاعِدَةُ", path], dir.path());
    assert_eq!(vowelled, plain);
    let (code, ha, _) = hamish(&["search", "القاعده", path], dir.path());
    assert_eq!((code, ha.as_str()), (1, ""), "ة and ه differ by default");
    let (_, ha, _) = hamish(&["search", "--ta-marbuta", "القاعده", path], dir.path());
    assert_eq!(ha, plain);
}

#[test]
fn json_lines_give_file_start_end_and_the_text_as_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("a.txt"), "قالَ الْقَاعِدَةُ\tوالقاعدة").unwrap();
    std::fs::write(dir.path().join("sub/b.txt"), "لا شيء هنا").unwrap();
    std::fs::write(dir.path().join("notes.md"), "القاعدة").unwrap();
    let (code, out, err) = hamish(&["search", "--json", "القاعدة", "."], dir.path());
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        2,
        "notes.md is not a text of the folder: {out}"
    );
    assert_eq!(lines[0]["file"], "./a.txt");
    assert_eq!(
        (lines[0]["start"].as_u64(), lines[0]["end"].as_u64()),
        (Some(5), Some(17))
    );
    assert_eq!(lines[0]["text"], "الْقَاعِدَةُ");
    assert_eq!(lines[1]["text"], "القاعدة");
    // Whole words: "والقاعدة" only with the clitics option.
    let (_, whole, _) = hamish(&["search", "-w", "القاعدة", "a.txt"], dir.path());
    assert_eq!(whole.lines().count(), 1);
    assert_eq!(whole, "a.txt\t5\t17\tالْقَاعِدَةُ\n");
    let (_, clitics, _) = hamish(
        &["search", "-w", "--clitics", "القاعدة", "a.txt"],
        dir.path(),
    );
    assert_eq!(clitics.lines().count(), 2);
}

#[test]
fn bad_patterns_and_missing_paths_exit_2_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "قال\tالوزير").unwrap();
    let (code, _, err) = hamish(&["search", "--regex", "(قال", "a.txt"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("not a valid regular expression"), "{err}");
    let (code, _, err) = hamish(&["search", "قال", "gone"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("gone"), "{err}");
    let (code, _, err) = hamish(&["search", "ًَ", "a.txt"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("empty"), "{err}");
    // A regex across the tab: the tab is written \t so the line keeps four columns.
    let (code, out, _) = hamish(&["search", "--regex", r"قال\s+ال", "a.txt"], dir.path());
    assert_eq!((code, out.as_str()), (0, "a.txt\t0\t6\tقال\\tال\n"));
    // A bidi control inside a hit cannot reorder the terminal's line; a backslash stays itself.
    std::fs::write(dir.path().join("b.txt"), "قال\u{202E}علي \\n").unwrap();
    let (_, out, _) = hamish(&["search", "--regex", r"قال.علي \\n", "b.txt"], dir.path());
    assert_eq!(out, "b.txt\t0\t10\tقال\\u{202E}علي \\\\n\n");
    let (_, json, _) = hamish(&["search", "--json", "-e", "قال.علي", "b.txt"], dir.path());
    assert!(
        !json.contains('\u{202E}') && json.contains("\\u202e"),
        "{json}"
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["text"], "قال\u{202E}علي");
}

/// A folder with the named-entity preset as `schema.ron` and two annotated texts.
fn ner_folder() -> tempfile::TempDir {
    use hamish::model::schema::{Preset, NAMED_ENTITIES};
    use hamish::model::text_format::TextEncoding;
    use hamish::model::{Annotation, AnnotationId, AnnotationSet, SourceText, Timestamp};
    use hamish::offset::CharRange;
    use hamish::store::sidecar::{sidecar_path, to_ron_string, SchemaSource, SidecarData};
    let dir = tempfile::tempdir().unwrap();
    let preset = Preset::by_id(NAMED_ENTITIES).unwrap();
    std::fs::write(dir.path().join("schema.ron"), preset.ron).unwrap();
    let texts = [
        (
            "a.txt",
            "زار محمد القاهرة",
            vec![("PER", 4, 8), ("GPE", 9, 16)],
        ),
        ("b.txt", "قال محمد", vec![("PER", 4, 8), ("ORGG", 0, 3)]),
    ];
    for (name, text, spans) in texts {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let mut set = AnnotationSet::new();
        for (k, (label, s, e)) in spans.into_iter().enumerate() {
            set.insert_annotation(Annotation::new(
                AnnotationId(k as u64 + 1),
                label,
                vec![CharRange::from_indices(s, e)],
                text,
                Timestamp(1),
            ));
        }
        let source = SourceText::new(&path, text.to_owned(), TextEncoding::Utf8);
        let data = SidecarData::new(&source, SchemaSource::Folder, set);
        std::fs::write(sidecar_path(&path), to_ron_string(&data)).unwrap();
    }
    dir
}

#[test]
fn stats_counts_per_label_in_the_schema_s_order_without_claim_columns() {
    let dir = ner_folder();
    let (code, out, err) = hamish(&["stats", "."], dir.path());
    assert_eq!(code, 0, "{err}");
    let lines: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        lines[0],
        [
            "document",
            "annotations",
            "PER",
            "GPE",
            "ORGG",
            "relations",
            "review",
            "orphans"
        ]
    );
    assert_eq!(lines[3], ["TOTAL", "4", "2", "1", "1", "0", "0", "0"]);
    // Then one row per label: every label of the schema, used or not, then the unknown one.
    let per_label = &lines[5..];
    assert_eq!(per_label[0], ["label", "name", "count", "documents"]);
    assert_eq!(per_label[1], ["PER", "Person", "2", "2"]);
    assert_eq!(per_label[4], ["GPE", "Geo-political", "entity", "1", "1"]);
    assert_eq!(per_label[5], ["DATE", "Date", "0", "0"]);
    assert_eq!(per_label.len(), 1 + 9 + 1);
    assert_eq!(
        per_label[10],
        ["ORGG", "(not", "in", "the", "schema)", "1", "1"]
    );
    let (_, json, _) = hamish(&["stats", "--json", "."], dir.path());
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["claims"], false);
    assert_eq!(json["labels"][0]["name_ar"], "شخص");
    assert_eq!(json["labels"][9]["in_schema"], false);
}

/// Runs the window command without any display, so it cannot open a window (and never hangs).
fn hamish_without_display(args: &[&str], dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hamish"))
        .args(args)
        .current_dir(dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn hamish_dir_and_several_files_are_accepted_and_bad_paths_are_refused_before_the_window() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus/sub")).unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::write(dir.path().join("corpus/sub/a.txt"), "نص").unwrap();
    std::fs::write(dir.path().join("b.txt"), "نص").unwrap();
    // Was "Is a directory": now the folder is accepted, and only the missing display stops it.
    for args in [
        &["corpus"][..],
        &["corpus/sub/a.txt", "b.txt"],
        &["corpus", "b.txt"],
    ] {
        let (code, err) = hamish_without_display(args, dir.path());
        assert_eq!(code, 2);
        assert!(err.contains("cannot open the window"), "{args:?}: {err}");
    }
    let (code, err) = hamish_without_display(&["empty"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("empty holds no .txt file"), "{err}");
    let (code, err) = hamish_without_display(&["b.txt", "gone.txt"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("gone.txt: no such file or folder"), "{err}");
}
