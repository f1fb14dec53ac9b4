//! GUI tests of the whole window without eframe (egui_kittest): files that cannot be shown give a
//! message and no panic (undecodable, binary, missing), zoom shortcuts relayout the text, relayout happens only when needed, and a
//! user font with Arabic letters replaces the embedded one.

use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use hamish::ui::{Command, HamishApp};
use std::path::{Path, PathBuf};

fn harness(app: HamishApp) -> Harness<'static, HamishApp> {
    // Wide enough for the text between the annotation list and the inspector.
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1200.0, 600.0))
        .with_context_setup(HamishApp::configure)
        .build_ui_state(|ui, app: &mut HamishApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn repo_font(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fonts")
        .join(name)
}

#[test]
fn undecodable_file_shows_what_and_where_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    // A UTF-8 byte-order mark, then "سلام" in Windows-1256 on line 2: not UTF-8 after all.
    let path = temp_file(
        &dir,
        "old-encoding.txt",
        b"\xEF\xBB\xBFok\n\xD3\xE1\xC7\xE3\n",
    );
    let harness = harness(HamishApp::new(Some(&path)));
    let message = harness.state().error().unwrap().to_owned();
    assert!(
        message.contains("old-encoding.txt") && message.contains("invalid UTF-8"),
        "{message}"
    );
    assert!(message.contains("line 2"), "{message}");
    harness.get_by_label_contains("old-encoding.txt");
    harness.get_by_label_contains("File > Open");
}

#[test]
fn binary_and_missing_files_give_messages_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let binary = temp_file(&dir, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00");
    let harness = harness(HamishApp::new(Some(&binary)));
    assert!(harness.state().error().unwrap().contains("binary"));
    let missing = dir.path().join("gone.txt");
    let harness = self::harness(HamishApp::new(Some(&missing)));
    assert!(harness.state().error().unwrap().contains("gone.txt"));
}

#[test]
fn opening_a_bad_file_keeps_the_current_document() {
    let dir = tempfile::tempdir().unwrap();
    let bad = temp_file(&dir, "bad.txt", b"\xFF\xFE\xFD");
    let mut harness = harness(HamishApp::new(None));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_command(&ctx, Command::OpenFile(bad));
    harness.run();
    assert!(harness.state().error().unwrap().contains("bad.txt"));
    assert!(
        harness.state().view().text().contains("17 أوكتوبر"),
        "sample still shown"
    );
    harness.get_by_label_contains("bad.txt");
}

#[test]
fn good_file_opens_and_status_bar_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "note.txt", "\u{FEFF}مرحبا بالعالم\n".as_bytes());
    let harness = harness(HamishApp::new(Some(&path)));
    assert_eq!(harness.state().error(), None);
    assert_eq!(
        harness.state().view().text(),
        "مرحبا بالعالم\n",
        "BOM is not text"
    );
    harness.get_by_label("note.txt");
    harness.get_by_label("UTF-8 with BOM");
    harness.get_by_label("100 %");
}

#[test]
fn zoom_shortcuts_change_the_text_size_not_the_interface() {
    let mut harness = harness(HamishApp::new(None));
    let height_at_100 = harness.state().view().layout().unwrap().height();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert_eq!(harness.state().view().zoom(), 1.1);
    assert_eq!(
        harness.ctx.zoom_factor(),
        1.0,
        "egui's own zoom stays at 100 %"
    );
    assert!(harness.state().view().layout().unwrap().height() > height_at_100);
    harness.get_by_label("110 %");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert_eq!(harness.state().view().zoom(), 0.9);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(harness.state().view().zoom(), 1.0);
}

#[test]
fn relayout_only_when_the_width_changes() {
    let mut harness = harness(HamishApp::new(None));
    let made = harness.state().view().layout_count();
    let atlas_glyphs = harness.state().view().glyph_painter().atlas().len();
    assert!(atlas_glyphs > 20, "visible glyphs are in the atlas");
    for _ in 0..5 {
        harness.hover_at(egui::pos2(300.0, 300.0));
        harness.step();
    }
    assert_eq!(
        harness.state().view().layout_count(),
        made,
        "idle frames reuse the layout"
    );
    harness.set_size(Vec2::new(600.0, 600.0));
    harness.run();
    assert!(
        harness.state().view().layout_count() > made,
        "a new width relays out"
    );
}

#[test]
fn an_arabic_user_font_replaces_the_embedded_one() {
    let mut harness = harness(HamishApp::new(None));
    let ctx = harness.ctx.clone();
    let before = harness.state().view().fonts().primary();
    harness.state_mut().apply_command(
        &ctx,
        Command::UseFontFile(repo_font("NotoNaskhArabic-Bold.ttf")),
    );
    harness.run();
    let view = harness.state().view();
    let primary = view.fonts().primary();
    assert_ne!(primary, before);
    // Panels and messages draw with the same fonts as the text.
    let widgets = hamish::ui::widgets::text_resources(&ctx);
    let widget_fonts = widgets.lock().unwrap().fonts().clone();
    assert_eq!(
        widget_fonts.name(widget_fonts.primary()),
        view.fonts().name(primary)
    );
    assert_eq!(harness.state().error(), None);
    let chars: Vec<char> = view.text().chars().collect();
    let arabic_runs: Vec<_> = view
        .layout()
        .unwrap()
        .lines()
        .flat_map(|l| l.runs.iter())
        .filter(|r| {
            chars[r.chars.start.0..r.chars.end.0]
                .iter()
                .any(|c| ('\u{0621}'..='\u{064A}').contains(c))
        })
        .collect();
    assert!(!arabic_runs.is_empty());
    assert!(
        arabic_runs.iter().all(|r| r.font == primary),
        "Arabic text is shaped with the new font"
    );
}

#[test]
fn a_latin_only_user_font_is_explained_and_a_bad_one_refused() {
    let mut harness = harness(HamishApp::new(None));
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_command(
        &ctx,
        Command::UseFontFile(repo_font("NotoSans-Regular.ttf")),
    );
    assert!(harness
        .state()
        .error()
        .unwrap()
        .contains("no Arabic letters"));
    let dir = tempfile::tempdir().unwrap();
    let bogus = temp_file(&dir, "bogus.ttf", b"not a font at all");
    harness
        .state_mut()
        .apply_command(&ctx, Command::UseFontFile(bogus));
    harness.run();
    assert!(harness.state().error().unwrap().contains("bogus"));
}

#[test]
fn empty_and_blank_files_open_and_take_clicks() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b"\n\r\n\n"[..])] {
        let path = temp_file(&dir, name, bytes);
        let mut harness = harness(HamishApp::new(Some(&path)));
        assert_eq!(harness.state().error(), None);
        let at = egui::pos2(600.0, 120.0);
        harness.hover_at(at);
        harness.drag_at(at);
        harness.step();
        harness.drop_at(at);
        harness.run();
        let selection = harness.state().view().selection_range();
        assert!(selection.is_some_and(|r| r.is_empty() && r.end.0 <= bytes.len()));
    }
}

#[test]
fn zoom_keeps_the_first_visible_line_at_the_top() {
    let mut harness = harness(HamishApp::new(None));
    harness.hover_at(egui::pos2(600.0, 300.0));
    for _ in 0..6 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: Vec2::new(0.0, -150.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
    }
    harness.run();
    let top_char = |h: &Harness<'_, HamishApp>| {
        let view = h.state().view();
        // The panel starts below the menu bar; probe a little below the visible top.
        let probe = view.document_origin().y;
        let layout = view.layout().unwrap();
        layout
            .hit(hamish::text::Point::new(0.0, 110.0 - probe))
            .offset
    };
    let before = top_char(&harness);
    assert!(
        before.0 > 100,
        "scrolled into the text (top char {})",
        before.0
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert_eq!(harness.state().view().zoom(), 1.2);
    let after = top_char(&harness);
    let lines: Vec<_> = harness
        .state()
        .view()
        .layout()
        .unwrap()
        .lines()
        .map(|l| l.chars)
        .collect();
    let line_of = |o: hamish::offset::CharOffset| {
        lines
            .iter()
            .position(|r| r.contains(o) || r.end == o)
            .unwrap()
    };
    let distance = line_of(after).abs_diff(line_of(before));
    assert!(
        distance <= 1,
        "top line moved by {distance} lines ({} > {})",
        before.0,
        after.0
    );
}

#[test]
fn layout_json_describes_the_lines_the_window_paints() {
    let harness = harness(HamishApp::new(None));
    let app = harness.state();
    let layout = app.view().layout().expect("laid out");
    let params = *layout.params();
    let path = app.document().unwrap().session.source().path.clone();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hamish"))
        .arg("layout")
        .arg(&path)
        .args(["--width", &params.width.to_string()])
        .args(["--font-size", &params.font_size.to_string()])
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = json["lines"].as_array().unwrap();
    let painted: Vec<_> = layout.lines().collect();
    assert_eq!(lines.len(), painted.len());
    let mut compared = 0;
    for (i, (line, painted)) in lines.iter().zip(painted).enumerate() {
        let y = |key: &str| line[key].as_f64().unwrap() as f32;
        assert_eq!(
            (y("top"), y("bottom"), y("baseline")),
            (painted.top, painted.bottom(), painted.baseline)
        );
        // The window keeps glyphs only for lines near its view (the others are hollow).
        if !layout.is_line_filled(i) {
            continue;
        }
        compared += 1;
        let ids: Vec<u64> = line["runs"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["glyphs"].as_array().unwrap().iter())
            .map(|g| g["id"].as_u64().unwrap())
            .collect();
        let painted_ids: Vec<u64> = painted
            .runs
            .iter()
            .flat_map(|r| r.glyphs.iter().map(|g| u64::from(g.id)))
            .collect();
        assert_eq!(ids, painted_ids);
    }
    assert!(compared > 5, "{compared} lines with glyphs compared");
}

#[test]
fn the_window_shows_whose_file_is_open_other_versions_read_only_and_agreement() {
    use hamish::store::sidecar::{AnnotatorName, PROJECT_FILE};
    use hamish::workspace::{Action, Workspace};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(PROJECT_FILE), "(shared: true)\n").unwrap();
    let text = "قال الوزير إن الهدنة قريبة\n";
    let path = temp_file(&dir, "article.txt", text.as_bytes());
    // alice and bob each mark the minister as a source in their own file.
    for who in ["alice", "bob"] {
        let mut ws = Workspace::new(who);
        ws.execute(Action::Open {
            path: path.clone(),
            encoding: None,
        })
        .unwrap();
        ws.execute(Action::Annotate {
            label: "source".into(),
            range: hamish::offset::CharRange::from_indices(4, 10),
        })
        .unwrap();
        ws.execute(Action::Save).unwrap();
    }
    let mut harness = harness(HamishApp::new_as(Some(&path), "alice"));
    assert_eq!(harness.state().annotator_label(), "alice's file");
    harness.get_by_label("alice's file");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_command(&ctx, Command::Act(Action::Agreement));
    harness.run();
    let report = harness.state().agreement().expect("agreement window open");
    assert_eq!(report.pairs[0].overall.f1_exact, Some(1.0));
    harness.get_by_label("F1 exact");
    harness.get_by_label("alice – bob");
    let bob = AnnotatorName::new("bob").unwrap();
    harness.state_mut().apply_command(
        &ctx,
        Command::Act(Action::OpenAnnotatorVersion { annotator: bob }),
    );
    harness.run();
    assert_eq!(harness.state().annotator_label(), "reading bob's version");
    harness.get_by_label("reading bob's version");
    assert!(harness.state().document().unwrap().read_only);
}

#[test]
fn an_idle_window_asks_for_no_repaint() {
    // The sample with its annotations, highlights and arcs, after the frames that settle it.
    let mut harness = harness(HamishApp::new(None));
    assert!(harness.state().view().layout().is_some());
    for _ in 0..3 {
        harness.step();
        let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        assert_eq!(delay, std::time::Duration::MAX, "no frame is asked for");
    }
}
