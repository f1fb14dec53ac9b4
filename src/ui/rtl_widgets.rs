//! Buttons, check boxes, radio buttons, selectable labels and menu titles whose text may be
//! Arabic. egui shapes each word but lays the words of a line out left to right, so "قيد العمل"
//! would read "العمل قيد"; text with right-to-left letters is therefore given to the widget as an
//! atom painted by Hamish's text engine (bidi, shaping), and the widget is named with the text for
//! screen readers. Text without right-to-left letters stays egui's own. Sizes are points.

use super::widgets::arabic_label::default_text_size;
use super::widgets::{with_text_resources, ArabicLabel, PlacedText, TextAlign, WidgetTextStyle};
use crate::text::BaseDirection;
use egui::{Atom, Response, Role, Ui, Vec2, WidgetInfo};
use std::sync::Arc;

/// True when `text` has a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko, …).
pub fn has_rtl(text: &str) -> bool {
    let digit = |c: char| matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}');
    text.chars().any(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
            && !digit(c)
    })
}

/// The atom for `text` in a widget of `ui`: plain text, or right-to-left text painted by the
/// text engine in the widget's text colour.
pub fn text_atom(ui: &Ui, text: &str) -> Atom<'static> {
    if !has_rtl(text) {
        return Atom::from(text.to_owned());
    }
    text_atom_sized(ui, text, default_text_size(ui) * 0.9)
}

/// The atom for `text` painted by the text engine at `size` points (any text, e.g. a label's
/// Arabic name in an English interface), in the widget's text colour.
pub fn text_atom_sized(ui: &Ui, text: &str, size: f32) -> Atom<'static> {
    let style = WidgetTextStyle {
        size,
        strong: false,
        direction: BaseDirection::Auto,
        wrap_width: None,
    };
    let placed = Arc::new(with_text_resources(ui.ctx(), |res| {
        PlacedText::new(res.layout(text, &style), None, TextAlign::Auto)
    }));
    let size = Vec2::new(placed.width(), placed.height());
    Atom::paint(size, move |ui, args| {
        let painter = ui.painter().with_clip_rect(args.rect.expand(style.size));
        with_text_resources(ui.ctx(), |res| {
            res.paint(
                &painter,
                &placed,
                args.rect.min,
                style.size,
                args.fallback_text_color,
            );
        });
    })
}

/// A title egui must show with its own text (window title bars, collapsing headers): egui
/// shapes each word but puts the words left to right, so a title of Arabic words (and numbers)
/// only is given with its words in reverse order (it then reads right to left); any other title
/// as it is.
pub fn window_title(text: &str) -> String {
    let pure = has_rtl(text) && !text.chars().any(|c| c.is_ascii_alphabetic());
    if !pure {
        return text.to_owned();
    }
    text.split(' ').rev().collect::<Vec<_>>().join(" ")
}

/// Names `response` with `text` (for widgets whose text is painted).
fn named(response: Response, role: Role, text: &str) -> Response {
    if has_rtl(text) {
        response.widget_info(|| WidgetInfo::labeled(role, response.enabled(), text));
    }
    response
}

/// A button showing `text`.
pub fn button(ui: &mut Ui, text: &str) -> Response {
    let atom = text_atom(ui, text);
    let response = ui.add(egui::Button::new(atom));
    named(response, Role::Button, text)
}

/// A button showing `text`, enabled or not.
pub fn button_enabled(ui: &mut Ui, enabled: bool, text: &str) -> Response {
    let atom = text_atom(ui, text);
    let response = ui.add_enabled(enabled, egui::Button::new(atom));
    named(response, Role::Button, text)
}

/// A menu item showing `text` with `shortcut` at its far end.
pub fn menu_item(ui: &mut Ui, text: &str, shortcut: String) -> Response {
    let atom = text_atom(ui, text);
    let response = ui.add(egui::Button::new(atom).shortcut_text(shortcut));
    named(response, Role::Button, text)
}

/// A check box labelled `text`.
pub fn checkbox(ui: &mut Ui, checked: &mut bool, text: &str) -> Response {
    let atom = text_atom(ui, text);
    let response = ui.add(egui::Checkbox::new(checked, atom));
    named(response, Role::CheckBox, text)
}

/// A radio button for `alternative` of `current`, labelled `text`.
pub fn radio_value<V: PartialEq>(
    ui: &mut Ui,
    current: &mut V,
    alternative: V,
    text: &str,
) -> Response {
    let atom = text_atom(ui, text);
    let mut response = ui.add(egui::RadioButton::new(*current == alternative, atom));
    if response.clicked() && *current != alternative {
        *current = alternative;
        response.mark_changed();
    }
    named(response, Role::RadioButton, text)
}

/// A selectable label showing `text`.
pub fn selectable_label(ui: &mut Ui, selected: bool, text: &str) -> Response {
    let atom = text_atom(ui, text);
    let response = ui.add(egui::Button::selectable(selected, atom));
    named(response, Role::Button, text)
}

/// A selectable label for `alternative` of `current`.
pub fn selectable_value<V: PartialEq>(
    ui: &mut Ui,
    current: &mut V,
    alternative: V,
    text: &str,
) -> Response {
    let mut response = selectable_label(ui, *current == alternative, text);
    if response.clicked() && *current != alternative {
        *current = alternative;
        response.mark_changed();
    }
    response
}

/// A heading (egui's heading size, bold) showing `text`.
pub fn heading(ui: &mut Ui, text: &str) -> Response {
    ui.add(ArabicLabel::new(text).size(18.0).strong())
}

/// A line in the weak text colour.
pub fn weak(ui: &mut Ui, text: &str) -> Response {
    let colour = ui.visuals().weak_text_color();
    ui.add(ArabicLabel::interface(text).color(colour))
}

/// `response` with `text` shown on hover, drawn by the text engine.
pub fn hover_text(response: Response, text: &str) -> Response {
    response.on_hover_ui(|ui| {
        ui.add(ArabicLabel::interface(text).wrap());
    })
}

/// A menu (or sub-menu) titled `text`.
pub fn menu_button<R>(
    ui: &mut Ui,
    text: &str,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<Option<R>> {
    let atom = text_atom(ui, text);
    let inner = ui.menu_button(atom, add_contents);
    let response = named(inner.response, Role::Button, text);
    egui::InnerResponse::new(inner.inner, response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_text_is_painted_latin_text_is_egui_s() {
        assert!(has_rtl("قيد العمل"));
        assert!(has_rtl("Save ملف"));
        assert!(!has_rtl("Save As… (Ctrl+Shift+S)"));
        assert!(
            !has_rtl("١٢٣"),
            "Arabic-Indic digits alone read the same either way"
        );
    }
}
