//! GUI tests of the Arabic widgets without a window (egui_kittest): typing Arabic with harakat and
//! Latin into the text field, arrows across direction changes, Shift selection, mouse selection,
//! copy/paste, Backspace by code point, undo; the label and the annotation list show mixed strings
//! with the same glyphs in the same order as the document view; shared layouts and atlas.

use egui::accesskit::Role;
use egui::{Event, Id, Key, Modifiers, OutputCommand, Pos2, Vec2};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use hamish::offset::{CharOffset, CharRange};
use hamish::text::Cursor;
use hamish::ui::widgets::{text_resources, ArabicLabel, PaintedText, TextField, WidgetTextStats};
use hamish::ui::{Command, DocumentView, HamishApp};

/// A field, optionally a label showing what was typed, and a document view of the same text.
struct Form {
    text: String,
    multiline: bool,
    field: Option<Id>,
    submitted: bool,
    /// Frames in which the field's response said `changed()`.
    changed_frames: usize,
    label: bool,
    view: Option<DocumentView>,
}

impl Form {
    fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            multiline: false,
            field: None,
            submitted: false,
            changed_frames: 0,
            label: false,
            view: None,
        }
    }
}

fn form_ui(ui: &mut egui::Ui, form: &mut Form) {
    let field = if form.multiline {
        TextField::multiline(&mut form.text)
    } else {
        TextField::singleline(&mut form.text)
    };
    let out = field
        .id_salt("field")
        .accessible_name("note")
        .desired_width(500.0)
        .show(ui);
    form.field = Some(out.response.id);
    form.submitted |= out.submitted;
    form.changed_frames += usize::from(out.response.changed());
    if form.label {
        ui.add(ArabicLabel::new(form.text.as_str()));
    }
    if let Some(view) = &mut form.view {
        if view.text() != form.text {
            view.set_text(form.text.clone());
        }
        view.ui(ui);
    }
}

fn form_harness(form: Form) -> Harness<'static, Form> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(900.0, 500.0))
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(HamishApp::configure)
        .build_ui_state(form_ui, form);
    harness.run();
    harness
}

fn field_id(harness: &Harness<'_, Form>) -> Id {
    harness.state().field.expect("the field was shown")
}

/// Clicks the field (press and release in one frame) so it takes focus.
fn focus_field(harness: &mut Harness<'_, Form>) {
    let role = if harness.state().multiline {
        Role::MultilineTextInput
    } else {
        Role::TextInput
    };
    harness.get_by_role(role).click();
    harness.run();
    let id = field_id(harness);
    assert_eq!(harness.ctx.memory(|m| m.focused()), Some(id), "focused");
}

fn selection(harness: &Harness<'_, Form>) -> CharRange {
    TextField::selection(&harness.ctx, field_id(harness)).expect("field state")
}

fn caret(harness: &Harness<'_, Form>) -> usize {
    let range = selection(harness);
    assert!(range.is_empty(), "a caret, not a selection: {range:?}");
    range.start.0
}

fn press(harness: &mut Harness<'_, Form>, key: Key, modifiers: Modifiers) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Types `text` one char per event (so harakat arrive on their own, as from a keyboard).
fn type_chars(harness: &mut Harness<'_, Form>, text: &str) {
    for ch in text.chars() {
        harness.event(Event::Text(ch.to_string()));
    }
    harness.run();
}

/// What the widgets painted in the last pass (read without starting a pass).
fn painted(ctx: &egui::Context) -> Vec<PaintedText> {
    text_resources(ctx).lock().unwrap().painted().to_vec()
}

fn stats(ctx: &egui::Context) -> WidgetTextStats {
    text_resources(ctx).lock().unwrap().stats()
}

/// (font, glyph id) left to right, as painted.
fn glyph_ids(p: &PaintedText) -> Vec<(u16, u16)> {
    p.glyphs().into_iter().map(|(f, g, _)| (f, g)).collect()
}

/// (font, glyph id) left to right of the glyphs of `range` in a document view's layout.
fn view_glyph_ids(view: &DocumentView, range: CharRange) -> Vec<(u16, u16)> {
    let layout = view.layout().expect("the view was laid out");
    layout
        .lines()
        .flat_map(|line| &line.runs)
        .flat_map(|run| run.glyphs.iter().map(move |g| (run.font.0, g)))
        .filter(|(_, g)| range.contains(g.cluster()))
        .map(|(font, g)| (font, g.id))
        .collect()
}

/// Screen position of caret `c` in the painted field (just inside the grapheme it sticks to).
fn caret_pos(field: &PaintedText, c: Cursor) -> Pos2 {
    let r = field.placed.caret_rect(c);
    field.origin + Vec2::new((r.min.x + r.max.x) / 2.0, (r.min.y + r.max.y) / 2.0)
}

#[test]
fn typing_arabic_with_harakat_and_latin_fills_the_field_in_logical_order() {
    let mut harness = form_harness(Form::new(""));
    focus_field(&mut harness);
    type_chars(&mut harness, "كَتَبَ ");
    assert!(
        harness.state().changed_frames >= 1,
        "typing reports changed()"
    );
    type_chars(&mut harness, "Obama ");
    type_chars(&mut harness, "مقالاً");
    assert_eq!(harness.state().text, "كَتَبَ Obama مقالاً");
    assert_eq!(caret(&harness), 19);
    let changed = harness.state().changed_frames;
    press(&mut harness, Key::A, Modifiers::COMMAND);
    press(&mut harness, Key::ArrowLeft, Modifiers::SHIFT);
    assert_eq!(
        selection(&harness),
        CharRange::from_indices(0, 19),
        "Left at the end stays"
    );
    assert_eq!(
        harness.state().changed_frames,
        changed,
        "selecting changes nothing"
    );
    assert!(harness
        .get_by_role(Role::TextInput)
        .value()
        .is_some_and(|v| v == "كَتَبَ Obama مقالاً"));
}

#[test]
fn arrows_move_visually_across_arabic_latin_arabic() {
    // Drawn left to right: أمس, Obama, قال. Left moves forward through the Arabic, then enters
    // "Obama" at its right edge (its logical end) and walks it backwards, then on into أمس.
    let mut harness = form_harness(Form::new("قال Obama أمس"));
    focus_field(&mut harness);
    press(&mut harness, Key::Home, Modifiers::NONE);
    assert_eq!(caret(&harness), 0);
    let mut offsets = Vec::new();
    for _ in 0..7 {
        press(&mut harness, Key::ArrowLeft, Modifiers::NONE);
        offsets.push(caret(&harness));
    }
    assert_eq!(offsets, [1, 2, 3, 9, 8, 7, 6]);
    for _ in 0..4 {
        press(&mut harness, Key::ArrowRight, Modifiers::NONE);
    }
    assert_eq!(caret(&harness), 3, "Right goes back the same way");
    press(&mut harness, Key::End, Modifiers::NONE);
    assert_eq!(caret(&harness), 13);
    press(&mut harness, Key::ArrowRight, Modifiers::CTRL);
    assert_eq!(caret(&harness), 10, "Ctrl+Right: back to the start of أمس");
}

#[test]
fn shift_arrows_select_and_copy_paste_keep_logical_order() {
    let mut harness = form_harness(Form::new("قال Obama أمس"));
    focus_field(&mut harness);
    press(&mut harness, Key::Home, Modifiers::NONE);
    for _ in 0..3 {
        press(&mut harness, Key::ArrowLeft, Modifiers::SHIFT);
    }
    assert_eq!(selection(&harness), CharRange::from_indices(0, 3));
    press(
        &mut harness,
        Key::ArrowLeft,
        Modifiers::CTRL | Modifiers::SHIFT,
    );
    assert_eq!(selection(&harness), CharRange::from_indices(0, 9));
    harness.event(Event::Copy);
    harness.step();
    let copied: Vec<&str> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, ["قال Obama"]);
    press(&mut harness, Key::End, Modifiers::NONE);
    harness.event(Event::Paste(" قال".to_owned()));
    harness.run();
    assert_eq!(harness.state().text, "قال Obama أمس قال");
    harness.event(Event::Cut);
    harness.run();
    assert_eq!(
        harness.state().text,
        "قال Obama أمس قال",
        "cut without selection"
    );
}

#[test]
fn backspace_removes_one_haraka_and_undo_brings_the_run_back() {
    let mut harness = form_harness(Form::new(""));
    focus_field(&mut harness);
    type_chars(&mut harness, "كَتَبَ");
    press(&mut harness, Key::Backspace, Modifiers::NONE);
    assert_eq!(harness.state().text, "كَتَب", "only the last fatha went");
    press(&mut harness, Key::Backspace, Modifiers::NONE);
    assert_eq!(harness.state().text, "كَتَ");
    press(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(
        harness.state().text,
        "كَتَبَ",
        "both Backspaces undone at once"
    );
    press(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(harness.state().text, "", "the typed word undone");
    press(&mut harness, Key::Y, Modifiers::COMMAND);
    assert_eq!(harness.state().text, "كَتَبَ");
    press(&mut harness, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
    assert_eq!(harness.state().text, "كَتَ");
    // Delete takes the whole grapheme after the caret: the letter with its haraka.
    press(&mut harness, Key::Home, Modifiers::NONE);
    press(&mut harness, Key::Delete, Modifiers::NONE);
    assert_eq!(harness.state().text, "تَ");
}

#[test]
fn mouse_drag_and_double_click_select_in_mixed_text() {
    let mut harness = form_harness(Form::new("قال Obama أمس"));
    focus_field(&mut harness);
    let field = painted(&harness.ctx)
        .into_iter()
        .find(|p| p.text() == "قال Obama أمس")
        .expect("the field painted its text");
    // Drag across "Obama" from its start (left edge) to its end (right edge).
    let from = caret_pos(&field, Cursor::after(CharOffset(4)));
    let to = caret_pos(&field, Cursor::before(CharOffset(9)));
    assert!(from.x < to.x, "Latin runs left to right: {from:?} {to:?}");
    harness.hover_at(from);
    harness.drag_at(from);
    harness.step();
    harness.hover_at(to);
    harness.step();
    harness.drop_at(to);
    harness.run();
    assert_eq!(selection(&harness), CharRange::from_indices(4, 9));
    // Double-click inside أمس selects the word (half a second later, so egui does not count the
    // earlier clicks and make it a triple click).
    harness.run_steps(30);
    let inside = caret_pos(&field, Cursor::after(CharOffset(11)));
    harness.hover_at(inside);
    for _ in 0..2 {
        harness.drag_at(inside);
        harness.step();
        harness.event(Event::PointerButton {
            pos: inside,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    assert_eq!(selection(&harness), CharRange::from_indices(10, 13));
}

#[test]
fn enter_submits_a_single_line_field_and_escape_drops_focus() {
    let mut harness = form_harness(Form::new("نعم"));
    focus_field(&mut harness);
    press(&mut harness, Key::Enter, Modifiers::NONE);
    assert!(harness.state().submitted);
    assert_eq!(harness.state().text, "نعم");
    assert_eq!(harness.ctx.memory(|m| m.focused()), None);

    let mut form = Form::new("سطر");
    form.multiline = true;
    let mut harness = form_harness(form);
    focus_field(&mut harness);
    press(&mut harness, Key::End, Modifiers::CTRL);
    press(&mut harness, Key::Enter, Modifiers::NONE);
    type_chars(&mut harness, "ثانٍ");
    assert_eq!(harness.state().text, "سطر\nثانٍ");
    press(&mut harness, Key::ArrowUp, Modifiers::NONE);
    assert!(caret(&harness) <= 3, "Up goes to the first line");
    press(&mut harness, Key::Escape, Modifiers::NONE);
    assert_eq!(harness.ctx.memory(|m| m.focused()), None);
}

#[test]
fn ime_composition_is_shown_then_committed() {
    let mut harness = form_harness(Form::new("قال "));
    focus_field(&mut harness);
    press(&mut harness, Key::End, Modifiers::NONE);
    harness.event(Event::Ime(egui::ImeEvent::Preedit {
        text: "عر".to_owned(),
        active_range_chars: None,
    }));
    harness.run();
    assert_eq!(
        harness.state().text,
        "قال ",
        "the composition is not in the text yet"
    );
    assert!(
        painted(&harness.ctx).iter().any(|p| p.text() == "قال عر"),
        "the composition is drawn at the caret"
    );
    let ime = harness.output().platform_output.ime;
    assert!(ime.is_some(), "the IME cursor area is set");
    harness.event(Event::Ime(egui::ImeEvent::Commit("عربي".to_owned())));
    harness.run();
    assert_eq!(harness.state().text, "قال عربي");
}

#[test]
fn arabic_typed_into_a_field_then_shown_by_a_label_reads_as_in_the_document_view() {
    let mut form = Form::new("");
    form.label = true;
    form.view = Some(DocumentView::new(String::new()));
    let mut harness = form_harness(form);
    focus_field(&mut harness);
    let typed = "قالَ Obama: «نعمْ» يوم 17 أوكتوبر/تشرين الأول (غرفة الأخبار)";
    type_chars(&mut harness, typed);
    harness.run();
    assert_eq!(harness.state().text, typed);
    let shown: Vec<PaintedText> = painted(&harness.ctx)
        .into_iter()
        .filter(|p| p.text() == typed)
        .collect();
    assert_eq!(shown.len(), 2, "the field and the label");
    let all = CharRange::from_indices(0, typed.chars().count());
    let view = harness.state().view.as_ref().unwrap();
    let expected = view_glyph_ids(view, all);
    assert!(expected.len() > 40, "{} glyphs", expected.len());
    for p in &shown {
        assert_eq!(glyph_ids(p), expected, "same glyphs, same order");
    }
}

const ARTICLE: &str = "قال المصدر يوم 17 أوكتوبر/تشرين الأول (غرفة الأخبار) إن الخبر صحيح\n";
const PHRASE: &str = "17 أوكتوبر/تشرين الأول (غرفة الأخبار)";

fn char_range(text: &str, needle: &str) -> CharRange {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    CharRange::from_indices(start, start + needle.chars().count())
}

#[test]
fn the_annotation_list_shows_a_mixed_string_in_the_document_views_visual_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("خبر.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1400.0, 700.0))
        .with_context_setup(HamishApp::configure)
        .build_ui_state(
            |ui, app: &mut HamishApp| app.frame_ui(ui),
            HamishApp::new(Some(&path)),
        );
    harness.run();
    let range = char_range(ARTICLE, PHRASE);
    let ctx = harness.ctx.clone();
    let app = harness.state_mut();
    app.apply_command(
        &ctx,
        Command::Select {
            anchor: Cursor::after(range.start),
            focus: Cursor::before(range.end),
        },
    );
    app.apply_command(&ctx, Command::AnnotateWithHotkey('1'));
    harness.run();
    assert_eq!(harness.state().document().unwrap().session.set().len(), 1);

    let row = painted(&harness.ctx)
        .into_iter()
        .find(|p| p.text() == PHRASE)
        .expect("the panel row shows the phrase whole");
    let glyphs = row.glyphs();
    let in_view = view_glyph_ids(harness.state().view(), range);
    assert!(in_view.len() >= 30, "{} glyphs", in_view.len());
    assert_eq!(glyph_ids(&row), in_view, "same glyphs in the same order");

    // And that order is the right-to-left one: "17" at the right end, the closing bracket at the
    // left end, أوكتوبر to the right of تشرين (egui alone showed "17 تشرين/أوكتوبر الأول").
    let layout = row.placed.layout();
    let cluster_x = |range: CharRange| -> Vec<f32> {
        let line = layout.lines().next().unwrap();
        let dx = row.origin.x + row.placed.shift(0);
        line.runs
            .iter()
            .flat_map(|r| &r.glyphs)
            .filter(|g| range.contains(g.cluster()))
            .map(|g| g.x + dx)
            .collect()
    };
    let xs: Vec<f32> = glyphs.iter().map(|g| g.2).collect();
    let (leftmost, rightmost) = (xs[0], xs[xs.len() - 1]);
    let seventeen = cluster_x(char_range(PHRASE, "17"));
    assert!(
        seventeen.iter().all(|&x| x >= rightmost - 20.0),
        "17 at the right"
    );
    let bracket = cluster_x(char_range(PHRASE, ")"));
    assert_eq!(bracket, [leftmost], "the closing bracket at the left end");
    let october = cluster_x(char_range(PHRASE, "أوكتوبر"));
    let tishrin = cluster_x(char_range(PHRASE, "تشرين"));
    let min_october = october.iter().copied().fold(f32::INFINITY, f32::min);
    let max_tishrin = tishrin.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    assert!(min_october > max_tishrin, "أوكتوبر right of تشرين");
    // The list row (and the inspector) show the phrase.
    assert!(harness
        .get_all_by_label_contains("أوكتوبر/تشرين")
        .next()
        .is_some());
}

#[test]
fn two_hundred_rows_are_laid_out_and_rasterized_once() {
    let rows: Vec<String> = (0..200)
        .map(|i| format!("صف رقم {i}: قال Obama يوم 17 أوكتوبر"))
        .collect();
    let mut harness = Harness::builder()
        .with_size(Vec2::new(600.0, 800.0))
        .build_ui_state(
            |ui, rows: &mut Vec<String>| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for row in rows.iter() {
                        ui.add(ArabicLabel::new(row.as_str()).elide());
                    }
                });
            },
            rows,
        );
    harness.run();
    let first = stats(&harness.ctx);
    assert!(first.layouts_made >= 200, "{first:?}");
    assert!(first.atlas_glyphs > 20, "{first:?}");
    for _ in 0..3 {
        harness.step();
    }
    let later = stats(&harness.ctx);
    assert_eq!(later.layouts_made, first.layouts_made, "no relayout");
    assert_eq!(later.atlas_glyphs, first.atlas_glyphs, "no new glyphs");
    let painted = painted(&harness.ctx);
    assert!(
        painted.len() < 60,
        "only visible rows are painted: {}",
        painted.len()
    );
}

#[test]
fn atlas_growth_within_a_frame_redoes_the_frame_then_stays_stable() {
    let big: String = ('ء'..='ي')
        .chain('A'..='Z')
        .chain('a'..='z')
        .chain('0'..='9')
        .collect();
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1400.0, 800.0))
        .build_ui_state(
            move |ui, _: &mut ()| {
                ui.add(ArabicLabel::new("صغير"));
                for size in [40.0, 48.0, 56.0] {
                    ui.add(ArabicLabel::new(big.as_str()).size(size).wrap());
                }
            },
            (),
        );
    harness.run();
    let first = stats(&harness.ctx);
    assert!(first.discards_requested >= 1, "{first:?}");
    for _ in 0..3 {
        harness.step();
    }
    let later = stats(&harness.ctx);
    assert_eq!(later.discards_requested, first.discards_requested);
    assert_eq!(later.atlas_glyphs, first.atlas_glyphs);
}
