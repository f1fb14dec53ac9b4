//! GUI tests of the document view without a window (egui_kittest): mouse drags and double-clicks
//! give the selection the layout predicts, Shift+Arrow extends visually, copy is in logical order.

use egui::{Event, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use hamish::offset::{CharOffset, CharRange};
use hamish::text::{Cursor, TextLayout};
use hamish::ui::shortcuts::shortcuts_ui;
use hamish::ui::DocumentView;

const WRAPPED: &str = "شبكة الإرهاب العالمي تنظيم القاعدة بدأ بالانحياز إلى داعش بعد طول خلاف من خلال رسائل نشرتها الشبكات";
const MIXED: &str = "وقال الوزير: \"We will not negotiate\" ثم غادر يوم 17 أكتوبر.";

fn harness(text: &str, width: f32) -> Harness<'static, DocumentView> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(width, 400.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
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

fn char_offset(text: &str, needle: &str) -> usize {
    let byte = text.find(needle).expect("needle in text");
    text[..byte].chars().count()
}

fn centre_x_of_char(layout: &TextLayout, offset: usize) -> f32 {
    let rect = layout.range_rects(CharRange::from_indices(offset, offset + 1))[0];
    (rect.min.x + rect.max.x) / 2.0
}

/// A screen point just inside char `offset`, next to its leading edge (where a caret after the
/// previous char stands), halfway between that edge and the char's centre.
fn point_at_start_of(view: &DocumentView, offset: usize) -> Pos2 {
    let layout = view.layout().unwrap();
    let caret = layout.caret_rect(Cursor::after(CharOffset(offset)));
    let x = (caret.min.x + centre_x_of_char(layout, offset)) / 2.0;
    view.to_screen(hamish::text::Point::new(
        x,
        (caret.min.y + caret.max.y) / 2.0,
    ))
}

/// A screen point just inside char `end - 1`, next to its trailing edge.
fn point_at_end_of(view: &DocumentView, end: usize) -> Pos2 {
    let layout = view.layout().unwrap();
    let caret = layout.caret_rect(Cursor::before(CharOffset(end)));
    let x = (caret.min.x + centre_x_of_char(layout, end - 1)) / 2.0;
    view.to_screen(hamish::text::Point::new(
        x,
        (caret.min.y + caret.max.y) / 2.0,
    ))
}

fn drag(harness: &mut Harness<'_, DocumentView>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.drag_at(from);
    harness.step();
    for i in 1..=4 {
        harness.hover_at(from + (to - from) * (i as f32 / 4.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run();
}

fn line_of(view: &DocumentView, offset: usize) -> usize {
    let offset = CharOffset(offset);
    view.layout()
        .unwrap()
        .lines()
        .position(|l| l.chars.contains(offset))
        .unwrap()
}

#[test]
fn drag_across_a_line_break_selects_the_predicted_range() {
    let mut harness = harness(WRAPPED, 360.0);
    let start = char_offset(WRAPPED, "القاعدة");
    let end = char_offset(WRAPPED, "داعش") + "داعش".chars().count();
    assert!(
        line_of(harness.state(), start) < line_of(harness.state(), end),
        "range spans lines"
    );
    let (from, to) = (
        point_at_start_of(harness.state(), start),
        point_at_end_of(harness.state(), end),
    );
    drag(&mut harness, from, to);
    let view = harness.state();
    assert_eq!(
        view.selection_range(),
        Some(CharRange::from_indices(start, end))
    );
    assert_eq!(view.selected_text(), Some("القاعدة بدأ بالانحياز إلى داعش"));
}

#[test]
fn dragging_backwards_gives_the_same_range() {
    let mut harness = harness(WRAPPED, 360.0);
    let start = char_offset(WRAPPED, "العالمي");
    let end = char_offset(WRAPPED, "خلاف") + "خلاف".chars().count();
    let (from, to) = (
        point_at_end_of(harness.state(), end),
        point_at_start_of(harness.state(), start),
    );
    drag(&mut harness, from, to);
    assert_eq!(
        harness.state().selection_range(),
        Some(CharRange::from_indices(start, end))
    );
}

#[test]
fn drag_over_a_latin_quotation_inside_arabic_selects_it_in_logical_order() {
    let mut harness = harness(MIXED, 900.0);
    let start = char_offset(MIXED, "We");
    let end = char_offset(MIXED, "\" ثم");
    let (from, to) = (
        point_at_start_of(harness.state(), start),
        point_at_end_of(harness.state(), end),
    );
    drag(&mut harness, from, to);
    assert_eq!(
        harness.state().selected_text(),
        Some("We will not negotiate")
    );
}

#[test]
fn drag_from_arabic_into_a_number_keeps_logical_order() {
    let mut harness = harness(MIXED, 900.0);
    let start = char_offset(MIXED, "يوم");
    let end = char_offset(MIXED, "17") + 2;
    let (from, to) = (
        point_at_start_of(harness.state(), start),
        point_at_end_of(harness.state(), end),
    );
    drag(&mut harness, from, to);
    assert_eq!(harness.state().selected_text(), Some("يوم 17"));
}

#[test]
fn double_click_selects_the_word() {
    let mut harness = harness(WRAPPED, 360.0);
    let word_start = char_offset(WRAPPED, "بالانحياز");
    let inside = CharOffset(word_start + 3);
    let pos = {
        let view = harness.state();
        let layout = view.layout().unwrap();
        let rect = layout.range_rects(CharRange::new(inside, CharOffset(inside.0 + 1)))[0];
        view.to_screen(rect.center())
    };
    harness.hover_at(pos);
    for _ in 0..2 {
        harness.drag_at(pos);
        harness.step();
        harness.event(Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().selected_text(), Some("بالانحياز"));
}

#[test]
fn shift_left_extends_forward_in_rtl_and_copy_is_logical() {
    let mut harness = harness(WRAPPED, 360.0);
    let start = char_offset(WRAPPED, "العالمي");
    let end = start + 3;
    let (from, to) = (
        point_at_start_of(harness.state(), start),
        point_at_end_of(harness.state(), end),
    );
    drag(&mut harness, from, to);
    assert_eq!(
        harness.state().selection_range(),
        Some(CharRange::from_indices(start, end))
    );
    harness.key_press_modifiers(Modifiers::SHIFT, egui::Key::ArrowLeft);
    harness.run();
    // Left is forward in RTL text: the moving end goes one grapheme further in logical order.
    assert_eq!(
        harness.state().selection_range(),
        Some(CharRange::from_indices(start, end + 1))
    );
    harness.event(Event::Copy);
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let expected: String = WRAPPED.chars().skip(start).take(end + 1 - start).collect();
    assert_eq!(expected, "العا");
    assert_eq!(copied, vec![expected]);
}

#[test]
fn dragging_below_the_view_scrolls_and_keeps_extending() {
    let long_text = [WRAPPED; 12].join("\n");
    let mut harness = harness(&long_text, 360.0);
    let origin_before = harness.state().document_origin();
    let from = point_at_start_of(harness.state(), 0);
    harness.hover_at(from);
    harness.drag_at(from);
    harness.step();
    let below = egui::pos2(from.x, 390.0 + 60.0);
    for _ in 0..30 {
        harness.hover_at(below);
        harness.step();
    }
    harness.drop_at(below);
    harness.run();
    let view = harness.state();
    assert!(
        view.document_origin().y < origin_before.y - 200.0,
        "the view scrolled down"
    );
    let range = view.selection_range().unwrap();
    assert_eq!(range.start, CharOffset(0));
    let last_visible_at_start = view
        .layout()
        .unwrap()
        .hit(hamish::text::Point::new(0.0, 400.0))
        .offset;
    assert!(
        range.end > last_visible_at_start,
        "selection reaches text that was off screen"
    );
}

#[test]
fn ctrl_a_selects_everything_and_a_click_collapses_to_a_caret() {
    let mut harness = harness(MIXED, 900.0);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    let all = CharRange::from_indices(0, MIXED.chars().count());
    assert_eq!(harness.state().selection_range(), Some(all));
    let start = char_offset(MIXED, "17");
    let at = point_at_start_of(harness.state(), start);
    harness.hover_at(at);
    harness.drag_at(at);
    harness.step();
    harness.drop_at(at);
    harness.run();
    assert_eq!(
        harness.state().selection_range(),
        Some(CharRange::from_indices(start, start))
    );
}
