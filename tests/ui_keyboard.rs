//! GUI tests of the keyboard and of quick clicks (egui_kittest, no window): shortcuts from the
//! command table with an Arabic layout (Ctrl+S as Ctrl+س, label keys as ١ and ۱), keys typed into a
//! text field stay there, a phrase annotated with the keyboard alone, the caret's moves (Up, Down,
//! Home, End, Page Down, Ctrl+End) as seen on screen, the shortcut sheet, and a click whose press
//! and release come in one frame.

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use hamish::offset::{CharOffset, CharRange};
use hamish::store::sidecar::{from_ron_str, sidecar_path};
use hamish::text::{Cursor, Point};
use hamish::ui::shortcuts::shortcuts_ui;
use hamish::ui::{Command, DocumentView, HamishApp};
use std::path::PathBuf;

const SAMPLE: &str = include_str!("../assets/samples/news-ar-001.txt");

/// A copy of the sample article in a temp folder (annotations are saved next to it).
fn sample_copy(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("news-ar-001.txt");
    std::fs::write(&path, SAMPLE).unwrap();
    path
}

fn app_harness(app: HamishApp) -> Harness<'static, HamishApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1000.0, 700.0))
        .with_context_setup(HamishApp::configure)
        .build_ui_state(|ui, app: &mut HamishApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// The document view alone, with the key handler, like the window wires them.
fn view_harness(text: &str, size: Vec2) -> Harness<'static, DocumentView> {
    let mut harness = Harness::builder().with_size(size).build_ui_state(
        |ui, view: &mut DocumentView| {
            let mut commands = view.ui(ui);
            commands.extend(shortcuts_ui(ui.ctx()));
            for command in &commands {
                view.apply(ui.ctx(), command);
            }
        },
        DocumentView::new(text.to_owned()),
    );
    harness.run();
    harness
}

/// The char range of the first `needle` in `text`.
fn range_in(text: &str, needle: &str) -> CharRange {
    let start = text[..text.find(needle).expect("needle in text")]
        .chars()
        .count();
    CharRange::from_indices(start, start + needle.chars().count())
}

fn chars_of(text: &str, range: CharRange) -> String {
    text.chars().skip(range.start.0).take(range.len()).collect()
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

/// (label, text covered) of every annotation, in text order.
fn annotations(harness: &Harness<'static, HamishApp>) -> Vec<(String, String)> {
    let doc = harness.state().document().unwrap();
    let text = &doc.session.source().text;
    let mut out: Vec<_> = doc
        .session
        .set()
        .annotations()
        .map(|a| {
            (
                a.ranges[0].start,
                a.label.clone(),
                chars_of(text, a.ranges[0]),
            )
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, l, t)| (l, t)).collect()
}

/// Runs one frame with all of `events` (as the platform delivers a key press and the character it
/// types together; `Harness::event` would run a frame per event).
fn in_one_frame<S>(harness: &mut Harness<'_, S>, events: Vec<Event>) {
    harness.input_mut().events.extend(events);
    harness.step();
    harness.run();
}

/// A key press and release whose logical key is `logical` and physical key `physical`, then the
/// character it types, if any.
fn key_with_physical(
    modifiers: Modifiers,
    logical: Key,
    physical: Key,
    typed: Option<&str>,
) -> Vec<Event> {
    let key = |pressed| Event::Key {
        key: logical,
        physical_key: Some(physical),
        pressed,
        repeat: false,
        modifiers,
    };
    let mut events = vec![key(true)];
    events.extend(typed.map(|t| Event::Text(t.to_owned())));
    events.push(key(false));
    events
}

#[test]
fn ctrl_s_delivered_by_an_arabic_layout_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(&dir);
    let mut harness = app_harness(HamishApp::new(Some(&path)));
    select(&mut harness, range_in(SAMPLE, "دبي"));
    harness.key_press(Key::Num2);
    harness.run();
    assert!(harness.state().title().starts_with("• "), "unsaved");
    // Ctrl+س: the key is S by its place; the platform names it by something else (egui has no
    // name for س).
    let ctrl_seen = key_with_physical(Modifiers::COMMAND, Key::Backtick, Key::S, None);
    in_one_frame(&mut harness, ctrl_seen);
    assert!(!harness.state().title().starts_with('•'), "saved");
    let sidecar = sidecar_path(&path);
    let data = from_ron_str(&std::fs::read_to_string(&sidecar).unwrap(), &sidecar).unwrap();
    assert_eq!(data.set.len(), 1);
}

#[test]
fn arabic_indic_and_latin_digits_both_annotate() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(HamishApp::new(Some(&sample_copy(&dir))));
    select(&mut harness, range_in(SAMPLE, "يراقب محللوا"));
    // ١ typed on an Arabic keyboard: the key by its place, then the Arabic-Indic digit.
    let arabic_one = key_with_physical(Modifiers::NONE, Key::Num1, Key::Num1, Some("١"));
    in_one_frame(&mut harness, arabic_one);
    select(&mut harness, range_in(SAMPLE, "مبادرة تنظيم القاعدة"));
    let latin_one = key_with_physical(Modifiers::NONE, Key::Num1, Key::Num1, Some("1"));
    in_one_frame(&mut harness, latin_one);
    // From an input method: the character alone; Eastern Arabic-Indic ۲ is label 2.
    select(&mut harness, range_in(SAMPLE, "الأمريكية"));
    harness.event(Event::Text("۲".to_owned()));
    harness.run();
    assert_eq!(
        annotations(&harness),
        [
            ("claim".to_owned(), "يراقب محللوا".to_owned()),
            ("source".to_owned(), "الأمريكية".to_owned()),
            ("claim".to_owned(), "مبادرة تنظيم القاعدة".to_owned()),
        ],
        "one annotation per press, none twice"
    );
}

/// The window with a note field next to it, as panels with text fields will have.
struct WindowWithField {
    app: HamishApp,
    note: String,
}

#[test]
fn keys_typed_into_a_text_field_stay_in_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let app = HamishApp::new(Some(&sample_copy(&dir)));
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1000.0, 700.0))
        .with_context_setup(HamishApp::configure)
        .build_ui_state(
            |ui, state: &mut WindowWithField| {
                state.app.frame_ui(ui);
                egui::Window::new("Note")
                    .default_pos([600.0, 450.0])
                    .show(ui.ctx(), |ui| {
                        let label = ui.label("Note");
                        ui.text_edit_singleline(&mut state.note)
                            .labelled_by(label.id);
                    });
            },
            WindowWithField {
                app,
                note: String::new(),
            },
        );
    harness.run();
    let count =
        |h: &Harness<'_, WindowWithField>| h.state().app.document().unwrap().session.set().len();
    let ctx = harness.ctx.clone();
    let phrase = range_in(SAMPLE, "دبي");
    harness.state_mut().app.apply_command(
        &ctx,
        Command::Select {
            anchor: Cursor::after(phrase.start),
            focus: Cursor::before(phrase.end),
        },
    );
    harness.key_press(Key::Num3);
    harness.run();
    assert_eq!(
        count(&harness),
        1,
        "annotated while the text has the keyboard"
    );
    let phrase = range_in(SAMPLE, "الإمارات");
    harness.state_mut().app.apply_command(
        &ctx,
        Command::Select {
            anchor: Cursor::after(phrase.start),
            focus: Cursor::before(phrase.end),
        },
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Note")
        .click();
    harness.run();
    let one = key_with_physical(Modifiers::NONE, Key::Num1, Key::Num1, Some("1"));
    in_one_frame(&mut harness, one);
    let arabic_one = key_with_physical(Modifiers::NONE, Key::Num1, Key::Num1, Some("١"));
    in_one_frame(&mut harness, arabic_one);
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(harness.state().note, "1١", "the field got the digits");
    assert_eq!(count(&harness), 1, "no annotation added, none deleted");
    // Ctrl+Z is the field's own undo, not the document's.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        count(&harness),
        1,
        "the document's annotation is not undone"
    );
    assert_ne!(harness.state().note, "1١", "the field undid its typing");
    assert!(harness
        .state()
        .app
        .view()
        .selection_range()
        .is_some_and(|r| !r.is_empty()));
    // Ctrl+S means nothing to a field: it still saves.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().app.title().starts_with('•'), "saved");
}

#[test]
fn a_phrase_is_annotated_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(HamishApp::new(Some(&sample_copy(&dir))));
    let view = harness.state().view();
    assert_eq!(
        view.caret(),
        Some(Cursor::after(CharOffset(0))),
        "caret at the start"
    );
    // The caret is drawn at the right end of the first line, where the Arabic text begins.
    let layout = view.layout().unwrap();
    let first_line = layout.lines().next().unwrap();
    let right_end = first_line
        .boxes
        .iter()
        .map(|b| b.right)
        .fold(f32::MIN, f32::max);
    let caret = view.to_screen(Point::new(right_end, first_line.top + 1.0));
    assert!(
        caret_painted_near(&harness, caret),
        "a caret is painted at the right end of the first line"
    );
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowLeft);
    }
    harness.run();
    assert_eq!(
        harness.state().view().selected_text(),
        Some("أخبار الآن"),
        "Ctrl+Shift+← twice selects the first two words (← is forward in Arabic)"
    );
    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(
        annotations(&harness),
        [("claim".to_owned(), "أخبار الآن".to_owned())]
    );
    let doc = harness.state().document().unwrap();
    let claim = doc.session.set().annotations().next().unwrap();
    assert_eq!(claim.ranges, vec![range_in(SAMPLE, "أخبار الآن")]);
    // The caret stays where the selection ended: the next word is one more Ctrl+Shift+← away.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().view().selected_text(), Some(" | دبي"));
}

/// True when a caret-sized rectangle (narrow, a line tall) is painted within a few points of `at`.
fn caret_painted_near<S>(harness: &Harness<'_, S>, at: Pos2) -> bool {
    harness
        .output()
        .shapes
        .iter()
        .any(|clipped| match &clipped.shape {
            egui::Shape::Rect(r) => {
                r.rect.width() <= 3.0
                    && r.rect.height() > 20.0
                    && (r.rect.center().x - at.x).abs() < 4.0
                    && r.rect.min.y <= at.y + 4.0
                    && r.rect.max.y >= at.y
            }
            _ => false,
        })
}

/// The caret's rectangle on screen, as the layout places it.
fn caret_on_screen(view: &DocumentView) -> egui::Rect {
    let layout = view.layout().unwrap();
    let r = layout.caret_rect(view.caret().unwrap());
    egui::Rect::from_min_max(view.to_screen(r.min), view.to_screen(r.max))
}

fn line_of_caret(view: &DocumentView) -> usize {
    view.layout().unwrap().line_index(view.caret().unwrap())
}

#[test]
fn home_end_up_and_down_move_as_a_reader_expects() {
    let mut harness = view_harness(SAMPLE, Vec2::new(700.0, 500.0));
    let view = harness.state();
    let layout = view.layout().unwrap();
    let first = layout.lines().next().unwrap().clone();
    assert!(first.rtl);
    harness.key_press(Key::End);
    harness.run();
    // End of the first line: after its last letter "(غرفة الأخبار)", not after the spaces.
    let end = range_in(SAMPLE, "(غرفة الأخبار)").end;
    assert_eq!(harness.state().caret().unwrap().offset, end);
    let end_x = caret_on_screen(harness.state()).center().x;
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().caret().unwrap().offset, CharOffset(0));
    let home_x = caret_on_screen(harness.state()).center().x;
    assert!(
        home_x > end_x + 200.0,
        "Home is at the right: {home_x} vs {end_x}"
    );
    // From the end of line 1, Down twice: the empty line, then the next paragraph at about the
    // same x (sticky), not at the empty line's right edge.
    harness.key_press(Key::End);
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(line_of_caret(harness.state()), 1);
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(line_of_caret(harness.state()), 2);
    let x = caret_on_screen(harness.state()).center().x;
    assert!((x - end_x).abs() < 20.0, "kept x {end_x}, now {x}");
    harness.key_press(Key::ArrowUp);
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert_eq!(
        harness.state().caret().unwrap().offset,
        end,
        "back where it was"
    );
    // Shift+Home from there selects the whole first line's text.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Home);
    harness.run();
    assert_eq!(
        harness.state().selected_text(),
        Some("أخبار الآن | دبي – الإمارات العربية المتحدة – (غرفة الأخبار)")
    );
    // Left without Shift collapses the selection at its left edge (the line's end in Arabic)
    // and Right at its right edge (the line's start); neither moves a letter further.
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().selected_text(), Some(""));
    assert_eq!(harness.state().caret().unwrap().offset, end);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Home);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().caret().unwrap().offset, CharOffset(0));
    assert_eq!(harness.state().selection_range().map(|r| r.len()), Some(0));
}

#[test]
fn page_down_moves_a_screenful_and_ctrl_end_scrolls_to_the_end() {
    let mut harness = view_harness(SAMPLE, Vec2::new(700.0, 400.0));
    let origin = harness.state().document_origin();
    let line_height = harness
        .state()
        .layout()
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .height;
    harness.key_press(Key::PageDown);
    harness.run();
    let view = harness.state();
    let lines_moved = line_of_caret(view);
    let expected = ((400.0 - line_height) / line_height).floor() as usize;
    assert!(
        (expected.saturating_sub(1)..=expected + 1).contains(&lines_moved),
        "a screenful is about {expected} lines; moved {lines_moved}"
    );
    let scrolled = origin.y - view.document_origin().y;
    assert!(
        scrolled > 200.0,
        "the text scrolled with the caret: {scrolled}"
    );
    let caret = caret_on_screen(view);
    assert!(
        caret.min.y >= 0.0 && caret.max.y <= 400.0,
        "caret visible: {caret:?}"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    harness.run();
    let view = harness.state();
    let caret = caret_on_screen(view);
    assert_eq!(
        line_of_caret(view),
        view.layout().unwrap().lines().count() - 1
    );
    assert!(
        caret.min.y >= 0.0 && caret.max.y <= 400.0,
        "caret visible: {caret:?}"
    );
}

#[test]
fn the_shortcut_sheet_opens_with_f1_or_a_question_mark_and_closes_with_escape() {
    let dir = tempfile::tempdir().unwrap();
    let harness_app = HamishApp::new(Some(&sample_copy(&dir)));
    let mut harness = app_harness(harness_app);
    let sheet_nodes =
        |h: &Harness<'_, HamishApp>| h.query_all_by_label("Keyboard shortcuts").count();
    assert_eq!(sheet_nodes(&harness), 0);
    harness.key_press(Key::F1);
    harness.run();
    assert!(sheet_nodes(&harness) > 0, "the sheet is shown");
    harness.get_by_label("Ctrl+Shift+Left");
    harness.get_by_label("1  ١  ۱");
    // The label bar names Claim too; the sheet adds its own rows.
    assert!(harness.get_all_by_label_contains("Claim").count() > 1);
    harness.event(Event::Text("?".to_owned()));
    harness.run();
    assert_eq!(sheet_nodes(&harness), 0, "and closed");
    harness.event(Event::Text("؟".to_owned()));
    harness.run();
    assert!(
        sheet_nodes(&harness) > 0,
        "the Arabic question mark opens it"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(sheet_nodes(&harness), 0, "Escape closes it");
}

/// Press and release of the primary button at `pos` in one frame (a touchpad tap, xdotool), after
/// the pointer came there in an earlier frame. The events go straight into the frame's input:
/// `Harness::event` would run one frame per event.
fn one_frame_click<S>(harness: &mut Harness<'_, S>, pos: Pos2, modifiers: Modifiers) {
    harness.hover_at(pos);
    harness.step();
    let click = [true, false].map(|pressed| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
    in_one_frame(harness, click.to_vec());
}

/// A screen point inside char `offset`, a quarter of the way in from its leading edge.
fn inside_start_of(view: &DocumentView, offset: CharOffset) -> Pos2 {
    let layout = view.layout().unwrap();
    let glyph = layout.range_rects(CharRange::new(offset, CharOffset(offset.0 + 1)))[0];
    let caret = layout.caret_rect(Cursor::after(offset));
    let x = caret.min.x + (glyph.center().x - caret.min.x) * 0.5;
    view.to_screen(Point::new(x, glyph.center().y))
}

#[test]
fn a_click_pressed_and_released_in_one_frame_places_the_caret() {
    let mut harness = view_harness(SAMPLE, Vec2::new(700.0, 500.0));
    let word = range_in(SAMPLE, "الإمارات");
    let at = inside_start_of(harness.state(), word.start);
    one_frame_click(&mut harness, at, Modifiers::NONE);
    assert_eq!(
        harness.state().selection_range(),
        Some(CharRange::new(word.start, word.start))
    );
    // A one-frame Shift+click extends the selection from there.
    let end = range_in(SAMPLE, "العربية").end;
    let at = inside_start_of(harness.state(), CharOffset(end.0 - 1));
    let at = at + Vec2::new(-3.0, 0.0);
    one_frame_click(&mut harness, at, Modifiers::SHIFT);
    assert_eq!(harness.state().selected_text(), Some("الإمارات العربية"));
}

#[test]
fn a_one_frame_click_on_an_annotation_selects_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(HamishApp::new(Some(&sample_copy(&dir))));
    let word = range_in(SAMPLE, "دبي");
    select(&mut harness, word);
    harness.key_press(Key::Num2);
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected_annotation(), None);
    let at = inside_start_of(harness.state().view(), CharOffset(word.start.0 + 1));
    one_frame_click(&mut harness, at, Modifiers::NONE);
    let doc = harness.state().document().unwrap();
    let id = doc.session.set().annotations().next().unwrap().id;
    assert_eq!(harness.state().selected_annotation(), Some(id));
}
