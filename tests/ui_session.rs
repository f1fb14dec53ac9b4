//! GUI tests of the window on real files (egui_kittest, no window): files in other encodings
//! open with their encoding shown; label keys add annotations, Ctrl+Z/Ctrl+Y undo and redo them,
//! Ctrl+S writes the sidecar; a corrupt sidecar is reported and never written; a recovery file is
//! offered and restored; highlights are painted behind the glyphs; conflicts and closing with
//! unsaved changes are asked about.

use egui::epaint::Shape;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use hamish::model::annotation::AnnotationStatus;
use hamish::model::edit::Edit;
use hamish::offset::{CharOffset, CharRange};
use hamish::store::atomic::RealFs;
use hamish::store::session::{AnnotationSession, OpenOptions};
use hamish::store::sidecar::{from_ron_str, sidecar_path};
use hamish::text::Cursor;
use hamish::ui::{Command, HamishApp};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// "قال الوزير إن الهدنة قريبة" CR LF "وأكد المتحدث ذلك" CR LF, in Windows-1256.
const CP1256_CRLF: &[u8] = b"\xDE\xC7\xE1 \xC7\xE1\xE6\xD2\xED\xD1 \xC5\xE4 \xC7\xE1\xE5\xCF\xE4\xC9 \xDE\xD1\xED\xC8\xC9\r\n\xE6\xC3\xDF\xCF \xC7\xE1\xE3\xCA\xCD\xCF\xCB \xD0\xE1\xDF\r\n";
/// The same text decoded.
const TEXT: &str = "قال الوزير إن الهدنة قريبة\r\nوأكد المتحدث ذلك\r\n";

fn harness(app: HamishApp) -> Harness<'static, HamishApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1000.0, 700.0))
        .with_context_setup(HamishApp::configure)
        .build_ui_state(|ui, app: &mut HamishApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn cp1256_file(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("خبر.txt");
    std::fs::write(&path, CP1256_CRLF).unwrap();
    path
}

/// The char range of the first `needle` in `TEXT`.
fn range_of(needle: &str) -> CharRange {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    CharRange::from_indices(start, start + needle.chars().count())
}

fn select(harness: &mut Harness<'static, HamishApp>, range: CharRange) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_command(
        &ctx,
        Command::Select {
            anchor: Cursor::after(range.start),
            focus: Cursor::before(range.end),
        },
    );
    harness.run();
}

fn annotation_count(harness: &Harness<'static, HamishApp>) -> usize {
    harness.state().document().unwrap().session.set().len()
}

/// A session on `path` with one "source" annotation over "الوزير", saved (`save`) or only
/// written to the recovery file (as if the program then crashed).
fn prepare_annotation(path: &Path, save: bool) {
    let (mut session, _) = AnnotationSession::open(RealFs, path, &OpenOptions::default()).unwrap();
    let a = session.new_annotation("source", vec![range_of("الوزير")]);
    session.apply(Edit::AddAnnotation(a)).unwrap();
    if save {
        session.save().unwrap();
    } else {
        let later = Instant::now() + Duration::from_secs(120);
        assert!(session.autosave_tick(later).unwrap(), "recovery written");
    }
}

#[test]
fn a_windows_1256_crlf_file_opens_with_its_text_and_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    let harness = harness(HamishApp::new(Some(&path)));
    assert_eq!(harness.state().error(), None);
    assert_eq!(harness.state().view().text(), TEXT);
    harness.get_by_label_contains("Windows-1256");
    harness.get_by_label("خبر.txt");
    assert_eq!(harness.state().title(), "خبر.txt — Hamish");
}

#[test]
fn choosing_another_encoding_reopens_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    let mut harness = harness(HamishApp::new(Some(&path)));
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_command(
        &ctx,
        Command::ReopenWithEncoding(hamish::model::text_format::TextEncoding::Iso8859_6),
    );
    harness.run();
    let doc = harness.state().document().unwrap();
    assert_eq!(doc.encoding_label(), "ISO-8859-6", "chosen, not guessed");
    assert_ne!(harness.state().view().text(), TEXT, "decoded differently");
}

#[test]
fn a_label_key_annotates_ctrl_z_undoes_ctrl_y_redoes_and_ctrl_s_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    let mut harness = harness(HamishApp::new(Some(&path)));
    // A selection with a space on each side: the annotation is trimmed to the word.
    let word = range_of("الوزير");
    select(
        &mut harness,
        CharRange::from_indices(word.start.0 - 1, word.end.0 + 1),
    );
    harness.key_press(Key::Num2);
    harness.run();
    let doc = harness.state().document().unwrap();
    let added: Vec<_> = doc.session.set().annotations().cloned().collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].label, "source");
    assert_eq!(added[0].ranges, vec![word]);
    assert!(harness.state().title().starts_with("• "), "modified mark");
    assert_eq!(harness.state().view().highlights().len(), 1);
    // The list row (and the inspector) show the annotated word.
    assert!(harness.get_all_by_label("الوزير").next().is_some());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(annotation_count(&harness), 0);
    assert!(harness.state().view().highlights().is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(annotation_count(&harness), 1);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(annotation_count(&harness), 1, "nothing more to redo");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let sidecar = sidecar_path(&path);
    let data = from_ron_str(&std::fs::read_to_string(&sidecar).unwrap(), &sidecar).unwrap();
    let saved: Vec<_> = data.set.annotations().collect();
    assert_eq!(saved.len(), 1);
    assert_eq!(
        (saved[0].label.as_str(), saved[0].ranges.clone()),
        ("source", vec![word])
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        CP1256_CRLF,
        "the text file is never written"
    );
    assert!(!harness.state().title().starts_with('•'));
    let message = harness.state().status_message().unwrap();
    assert!(message.contains("Saved 1 annotation") && message.contains(".ann.ron"));
}

#[test]
fn a_selection_that_cuts_words_grows_to_whole_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    let mut harness = harness(HamishApp::new(Some(&path)));
    let words = range_of("الهدنة قريبة");
    // From the third letter of the first word to the middle of the second.
    select(
        &mut harness,
        CharRange::from_indices(words.start.0 + 2, words.end.0 - 3),
    );
    harness.key_press(Key::Num1);
    harness.run();
    let doc = harness.state().document().unwrap();
    let a = doc.session.set().annotations().next().unwrap();
    assert_eq!((a.label.as_str(), a.ranges.clone()), ("claim", vec![words]));
    assert_eq!(
        harness.state().selected_annotation(),
        Some(a.id),
        "the new annotation is selected"
    );
    assert_eq!(harness.state().view().selection_range(), None);
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected_annotation(), None);
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(
        annotation_count(&harness),
        1,
        "Delete needs a selected annotation"
    );
}

#[test]
fn delete_removes_the_annotation_chosen_in_the_side_panel() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    prepare_annotation(&path, true);
    let mut harness = harness(HamishApp::new(Some(&path)));
    assert_eq!(annotation_count(&harness), 1);
    harness.get_by_label("الوزير").click();
    harness.run();
    assert!(
        harness.state().selected_annotation().is_some(),
        "clicking the row selects it"
    );
    assert_eq!(
        harness.state().view().selection_range(),
        Some(range_of("الوزير")),
        "and selects its text"
    );
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(annotation_count(&harness), 0);
}

#[test]
fn a_corrupt_sidecar_is_reported_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    let sidecar = sidecar_path(&path);
    let corrupt = b"(\n  format: 1,\n  text: oops [\n".to_vec();
    std::fs::write(&sidecar, &corrupt).unwrap();
    let mut harness = harness(HamishApp::new(Some(&path)));
    assert_eq!(harness.state().view().text(), TEXT, "the text still opens");
    let message = harness.state().error().unwrap().to_owned();
    let name = sidecar.file_name().unwrap().to_string_lossy().into_owned();
    assert!(message.contains(&name), "{message}");
    assert!(message.contains(":3:"), "names the line: {message}");
    assert!(message.contains("saving is refused"), "{message}");
    harness.get_by_label_contains("saving is refused");

    select(&mut harness, range_of("الهدنة"));
    harness.key_press(Key::Num1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(harness.state().error().unwrap().contains("Not saved"));
    assert_eq!(std::fs::read(&sidecar).unwrap(), corrupt);
}

#[test]
fn a_recovery_file_is_offered_and_restore_brings_the_annotation_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    prepare_annotation(&path, false);
    let mut harness = harness(HamishApp::new(Some(&path)));
    assert_eq!(annotation_count(&harness), 0, "nothing was saved");
    harness.get_by_label_contains("Unsaved annotations were found");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(annotation_count(&harness), 1);
    let restored = harness.state().document().unwrap().session.set();
    assert_eq!(restored.annotations().next().unwrap().label, "source");
    assert!(harness.state().title().starts_with("• "));
    assert_eq!(harness.state().view().highlights().len(), 1);
    assert!(harness
        .query_by_label_contains("Unsaved annotations were found")
        .is_none());
}

#[test]
fn highlights_are_painted_behind_the_glyphs() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    prepare_annotation(&path, true);
    let harness = harness(HamishApp::new(Some(&path)));
    let view = harness.state().view();
    let highlight = view.highlights()[0];
    assert_eq!(highlight.range, range_of("الوزير"));
    let texture = view.glyph_painter().texture_id().unwrap();
    let shapes = &harness.output().shapes;
    // Fills are quads of one mesh (not the glyphs' texture), painted before the glyphs.
    let fill_vertices = |c: &egui::epaint::ClippedShape| match &c.shape {
        Shape::Mesh(m) if m.texture_id != texture => m
            .vertices
            .iter()
            .filter(|v| v.color == highlight.fill)
            .map(|v| v.pos)
            .collect(),
        _ => Vec::new(),
    };
    let highlight_at: Vec<usize> = shapes
        .iter()
        .enumerate()
        .filter(|(_, c)| !fill_vertices(c).is_empty())
        .map(|(i, _)| i)
        .collect();
    let glyphs_at = shapes
        .iter()
        .position(|c| matches!(&c.shape, Shape::Mesh(m) if m.texture_id == texture))
        .unwrap();
    assert_eq!(highlight_at.len(), 1, "one mesh of fills");
    assert!(highlight_at[0] < glyphs_at);
    // One word, one rectangle: it covers the word where the layout put it.
    let corners = fill_vertices(&shapes[highlight_at[0]]);
    assert_eq!(corners.len(), 4, "one quad");
    let painted = egui::Rect::from_points(&corners);
    let layout = view.layout().unwrap();
    let expected = layout.range_rects(highlight.range)[0];
    let origin = view.document_origin();
    assert!((painted.min.x - (origin.x + expected.min.x)).abs() < 0.01);
    assert!((painted.max.x - (origin.x + expected.max.x)).abs() < 0.01);
}

#[test]
fn changed_text_reports_what_re_anchoring_did() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    prepare_annotation(&path, true);
    // Insert a word at the front: the annotation moves.
    let mut changed = b"\xC3\xCE\xC8\xC7\xD1 ".to_vec();
    changed.extend_from_slice(CP1256_CRLF);
    std::fs::write(&path, changed).unwrap();
    let harness = harness(HamishApp::new(Some(&path)));
    let message = harness.state().error().unwrap();
    assert!(message.contains("The text changed"), "{message}");
    assert!(
        message.contains("1 moved") || message.contains("1 need review"),
        "{message}"
    );
    let a = harness
        .state()
        .document()
        .unwrap()
        .session
        .set()
        .annotations()
        .next()
        .unwrap()
        .clone();
    assert_ne!(a.status, AnnotationStatus::Orphan);
    assert_eq!(
        a.ranges[0].start,
        CharOffset(range_of("الوزير").start.0 + 6)
    );
}

#[test]
fn a_sidecar_changed_on_disk_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    prepare_annotation(&path, true);
    let mut harness = harness(HamishApp::new(Some(&path)));
    let sidecar = sidecar_path(&path);
    // Someone else saves the same file meanwhile (adds a line).
    let mut theirs = std::fs::read_to_string(&sidecar).unwrap();
    theirs.push('\n');
    std::fs::write(&sidecar, &theirs).unwrap();
    select(&mut harness, range_of("الهدنة"));
    harness.key_press(Key::Num1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let message = harness.state().error().unwrap().to_owned();
    assert!(message.contains("changed on disk"), "{message}");
    assert!(message.contains("your version was saved as"), "{message}");
    assert_eq!(std::fs::read_to_string(&sidecar).unwrap(), theirs);
    harness.get_by_label("Overwrite anyway").click();
    harness.run();
    let data = from_ron_str(&std::fs::read_to_string(&sidecar).unwrap(), &sidecar).unwrap();
    assert_eq!(data.set.len(), 2, "overwritten with both annotations");
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    let mut harness = harness(HamishApp::new(Some(&path)));
    select(&mut harness, range_of("الهدنة"));
    harness.key_press(Key::Num1);
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.state().is_asking_to_close());
    harness.get_by_label("Save changes before closing?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_asking_to_close());
    assert_eq!(annotation_count(&harness), 1);
}

#[test]
fn opening_another_file_keeps_unsaved_annotations_for_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "نص آخر\n").unwrap();
    let mut harness = harness(HamishApp::new(Some(&path)));
    select(&mut harness, range_of("الهدنة"));
    harness.key_press(Key::Num1);
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_command(&ctx, Command::OpenFile(other));
    harness.run();
    assert!(harness.state().error().unwrap().contains("recovery file"));
    let mut harness = self::harness(HamishApp::new(Some(&path)));
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(annotation_count(&harness), 1);
}

#[test]
fn save_as_writes_a_copy_with_the_annotations_and_the_window_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = cp1256_file(&dir);
    prepare_annotation(&path, true);
    let mut harness = harness(HamishApp::new(Some(&path)));
    let copy = dir.path().join("copy.txt");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_command(&ctx, Command::SaveAs(copy.clone()));
    harness.run();
    assert_eq!(harness.state().file_name(), "copy.txt");
    assert_eq!(harness.state().title(), "copy.txt — Hamish");
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&path).unwrap());
    let saved = hamish::store::sidecar::load_sidecar(&sidecar_path(&copy)).unwrap();
    assert_eq!(saved.set.len(), 1);
    assert!(harness
        .state()
        .status_message()
        .unwrap()
        .contains("copy.txt"));
}
