//! GUI tests of File > Export and File > Import (egui_kittest, no window; the dialogs are skipped
//! by sending the commands they emit): exports write the files with the annotations, an export
//! read back into a fresh copy of the text brings the annotations back as one undo step, and
//! files for another text or an occupied folder give messages, not changes.

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use hamish::model::edit::Edit;
use hamish::offset::CharRange;
use hamish::store::atomic::RealFs;
use hamish::store::formats::{ExportFormat, ImportFormat};
use hamish::store::session::{AnnotationSession, OpenOptions};
use hamish::ui::{Command, HamishApp, Severity};
use std::path::{Path, PathBuf};

const TEXT: &str = "قال الوزير إن الهدنة قريبة\nوأكد المتحدث ذلك\n";

fn harness(app: HamishApp) -> Harness<'static, HamishApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1000.0, 700.0))
        .with_context_setup(HamishApp::configure)
        .build_ui_state(|ui, app: &mut HamishApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn range_of(needle: &str) -> CharRange {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    CharRange::from_indices(start, start + needle.chars().count())
}

/// A text file in `folder` with a source and a claim saved next to it.
fn annotated_file(folder: &Path) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    let path = folder.join("news.txt");
    std::fs::write(&path, TEXT).unwrap();
    let (mut session, _) = AnnotationSession::open(RealFs, &path, &OpenOptions::default()).unwrap();
    let source = session.new_annotation("source", vec![range_of("الوزير")]);
    session.apply(Edit::AddAnnotation(source)).unwrap();
    let claim = session.new_annotation("claim", vec![range_of("الهدنة قريبة")]);
    session.apply(Edit::AddAnnotation(claim)).unwrap();
    session.save().unwrap();
    path
}

fn send(harness: &mut Harness<'static, HamishApp>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_command(&ctx, command);
    harness.run();
}

fn last_notice(harness: &Harness<'static, HamishApp>) -> (Severity, String) {
    let n = harness.state().notices().last().unwrap();
    (n.severity, n.text.clone())
}

#[test]
fn brat_export_writes_text_ann_and_conf() {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated_file(&dir.path().join("corpus"));
    let out = dir.path().join("out");
    let mut harness = harness(HamishApp::new(Some(&path)));
    send(
        &mut harness,
        Command::ExportTo {
            format: ExportFormat::Brat,
            folder: out.clone(),
        },
    );
    let (severity, message) = last_notice(&harness);
    assert_eq!(severity, Severity::Info, "{message}");
    assert!(message.contains("news.ann"), "{message}");
    assert_eq!(std::fs::read_to_string(out.join("news.txt")).unwrap(), TEXT);
    let ann = std::fs::read_to_string(out.join("news.ann")).unwrap();
    assert!(
        ann.contains("الوزير") && ann.contains("الهدنة قريبة"),
        "{ann}"
    );
    assert_eq!(ann.lines().filter(|l| l.starts_with('T')).count(), 2);
    assert!(out.join("annotation.conf").exists());
}

#[test]
fn a_jsonl_export_imported_into_a_fresh_copy_brings_the_annotations_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated_file(&dir.path().join("corpus"));
    let out = dir.path().join("out");
    let mut harness = harness(HamishApp::new(Some(&path)));
    send(
        &mut harness,
        Command::ExportTo {
            format: ExportFormat::Jsonl,
            folder: out.clone(),
        },
    );
    // The same text elsewhere, without annotations.
    let fresh = dir.path().join("fresh");
    std::fs::create_dir_all(&fresh).unwrap();
    let copy = fresh.join("news.txt");
    std::fs::write(&copy, TEXT).unwrap();
    let mut harness = self::harness(HamishApp::new(Some(&copy)));
    send(
        &mut harness,
        Command::ImportFrom {
            format: ImportFormat::Jsonl,
            file: out.join("hamish.jsonl"),
        },
    );
    let (_, message) = last_notice(&harness);
    assert!(message.contains("Imported 2 annotation(s)"), "{message}");
    let doc = harness.state().document().unwrap();
    let mut got: Vec<(String, CharRange)> = doc
        .session
        .set()
        .annotations()
        .map(|a| (a.label.clone(), a.ranges[0]))
        .collect();
    got.sort_by_key(|(_, r)| r.start);
    assert_eq!(
        got,
        vec![
            ("source".to_owned(), range_of("الوزير")),
            ("claim".to_owned(), range_of("الهدنة قريبة")),
        ]
    );
    assert_eq!(harness.state().view().highlights().len(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().document().unwrap().session.set().len(),
        0,
        "one undo step"
    );
}

#[test]
fn annotations_of_another_text_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated_file(&dir.path().join("corpus"));
    let out = dir.path().join("out");
    let mut harness = harness(HamishApp::new(Some(&path)));
    send(
        &mut harness,
        Command::ExportTo {
            format: ExportFormat::Jsonl,
            folder: out.clone(),
        },
    );
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "نص آخر تماما\n").unwrap();
    let mut harness = self::harness(HamishApp::new(Some(&other)));
    send(
        &mut harness,
        Command::ImportFrom {
            format: ImportFormat::Jsonl,
            file: out.join("hamish.jsonl"),
        },
    );
    let (severity, message) = last_notice(&harness);
    assert_eq!(severity, Severity::Error);
    assert!(
        message.contains("no annotations for this text"),
        "{message}"
    );
    assert_eq!(harness.state().document().unwrap().session.set().len(), 0);
}

#[test]
fn an_export_never_replaces_a_different_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated_file(&dir.path().join("corpus"));
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("news.ann"), "T1\tother 0 3\tقال\n").unwrap();
    let mut harness = harness(HamishApp::new(Some(&path)));
    send(
        &mut harness,
        Command::ExportTo {
            format: ExportFormat::Brat,
            folder: out.clone(),
        },
    );
    let (severity, message) = last_notice(&harness);
    assert_eq!(severity, Severity::Error);
    assert!(message.contains("exists already"), "{message}");
    assert_eq!(
        std::fs::read_to_string(out.join("news.ann")).unwrap(),
        "T1\tother 0 3\tقال\n"
    );
    assert!(!out.join("news.txt").exists(), "nothing half-written");
}

/// Every file under `root`, as (relative path, bytes), sorted.
fn tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root).unwrap().display().to_string();
                files.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_window_and_the_command_line_export_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated_file(&dir.path().join("corpus"));
    let mut harness = harness(HamishApp::new(Some(&path)));
    for (format, flag) in [
        (ExportFormat::Brat, "brat"),
        (ExportFormat::Jsonl, "jsonl"),
        (ExportFormat::Conll, "conll"),
        (ExportFormat::Csv, "csv"),
        (ExportFormat::Webanno, "webanno"),
    ] {
        let window_out = dir.path().join(format!("window-{flag}"));
        let cli_out = dir.path().join(format!("cli-{flag}"));
        send(
            &mut harness,
            Command::ExportTo {
                format,
                folder: window_out.clone(),
            },
        );
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_hamish"))
            .args(["export", "--format", flag])
            .arg(&path)
            .arg("--out")
            .arg(&cli_out)
            .output()
            .unwrap();
        // 1 means something could not be represented (reported), not a failure.
        assert!(
            run.status.code().is_some_and(|c| c <= 1),
            "{flag}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let (window, cli) = (tree(&window_out), tree(&cli_out));
        assert!(!window.is_empty(), "{flag}");
        assert_eq!(
            window.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            cli.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            "{flag}: the same file names"
        );
        assert_eq!(window, cli, "{flag}: the same bytes");
    }
}
