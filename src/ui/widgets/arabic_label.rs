//! A label for any string, drawn by Hamish's text engine (bidi, shaping, joining) instead of
//! egui's text: one line, wrapped to the available width, or elided with "…". Right-aligned when
//! the paragraph is right to left (first strong char) unless told otherwise. Reports its text to
//! accesskit like egui's own label. Sizes are egui points.

use super::placed_text::{PlacedText, TextAlign};
use super::text_resources::{with_text_resources, WidgetTextStyle};
use crate::text::BaseDirection;
use egui::{Color32, Response, Role, Sense, Ui, Vec2, Widget, WidgetInfo};
use std::borrow::Cow;

/// Arabic needs a larger size than egui's Latin body text to be read comfortably.
const SIZE_OVER_BODY: f32 = 1.25;

/// The default size of widget text in `ui`: egui's body size, scaled for Arabic.
pub fn default_text_size(ui: &Ui) -> f32 {
    ui.style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(13.0, |f| f.size)
        * SIZE_OVER_BODY
}

/// How a label fits its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelFit {
    /// One line per paragraph, however wide.
    #[default]
    OneLine,
    /// Lines broken to the available width.
    Wrap,
    /// One line, cut with "…" where it would pass the available width.
    Elide,
}

/// A text label drawn with the text engine. Build it, then `ui.add(label)`.
#[must_use = "add it with ui.add(label)"]
pub struct ArabicLabel<'a> {
    text: Cow<'a, str>,
    size: Option<f32>,
    strong: bool,
    fit: LabelFit,
    align: TextAlign,
    direction: BaseDirection,
    color: Option<Color32>,
    sense: Sense,
    /// Interface text: Latin at egui's body size, like egui's own labels.
    interface: bool,
}

impl<'a> ArabicLabel<'a> {
    /// A one-line label showing `text` in the ui's text colour.
    pub fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Self {
            text: text.into(),
            size: None,
            strong: false,
            fit: LabelFit::OneLine,
            align: TextAlign::Auto,
            direction: BaseDirection::Auto,
            color: None,
            sense: Sense::hover(),
            interface: false,
        }
    }

    /// A label for the interface's own words (a panel's, a message's): text with right-to-left
    /// letters at the Arabic size, as [`ArabicLabel::new`]; Latin text at egui's body size, so an
    /// English interface looks as egui's labels do.
    pub fn interface(text: impl Into<Cow<'a, str>>) -> Self {
        Self {
            interface: true,
            ..Self::new(text)
        }
    }

    /// Font size in points (default: [`default_text_size`]).
    pub fn size(mut self, size: f32) -> Self {
        self.size = Some(size);
        self
    }

    /// Bold Arabic in the ui's strong text colour.
    pub fn strong(mut self) -> Self {
        self.strong = true;
        self
    }

    /// Breaks lines at the available width.
    pub fn wrap(mut self) -> Self {
        self.fit = LabelFit::Wrap;
        self
    }

    /// Keeps one line and ends it with "…" where it would pass the available width.
    pub fn elide(mut self) -> Self {
        self.fit = LabelFit::Elide;
        self
    }

    /// How the label fits its width.
    pub fn fit(mut self, fit: LabelFit) -> Self {
        self.fit = fit;
        self
    }

    /// Where lines sit (default: right for right-to-left paragraphs).
    pub fn align(mut self, align: TextAlign) -> Self {
        self.align = align;
        self
    }

    /// The paragraph direction (default: the first strong char decides).
    pub fn direction(mut self, direction: BaseDirection) -> Self {
        self.direction = direction;
        self
    }

    /// Draws in `color` instead of the ui's text colour.
    pub fn color(mut self, color: Color32) -> Self {
        self.color = Some(color);
        self
    }

    /// What the label responds to (default: hover only).
    pub fn sense(mut self, sense: Sense) -> Self {
        self.sense = sense;
        self
    }

    /// The style the text is laid out in for `available` points of width.
    fn style(&self, ui: &Ui, available: f32) -> WidgetTextStyle {
        WidgetTextStyle {
            size: self.size.unwrap_or_else(|| {
                let latin = self.interface && !crate::ui::rtl_widgets::has_rtl(&self.text);
                if latin {
                    default_text_size(ui) / SIZE_OVER_BODY
                } else {
                    default_text_size(ui)
                }
            }),
            strong: self.strong,
            direction: self.direction,
            wrap_width: (self.fit == LabelFit::Wrap).then_some(available),
        }
    }
}

impl Widget for ArabicLabel<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let available = ui.available_width().max(1.0);
        let style = self.style(ui, available);
        // In a column the label spans the width, so right-to-left text sits at the right edge.
        let box_width = ui.layout().is_vertical().then_some(available);
        let placed = with_text_resources(ui.ctx(), |res| {
            let shown = match self.fit {
                LabelFit::Elide => res.elided(&self.text, &style, available),
                _ => None,
            };
            let layout = res.layout(shown.as_deref().unwrap_or(&self.text), &style);
            PlacedText::new(layout, box_width, self.align)
        });
        let (rect, response) =
            ui.allocate_exact_size(Vec2::new(placed.width(), placed.height()), self.sense);
        if ui.is_rect_visible(rect) {
            let color = self.color.unwrap_or_else(|| {
                if self.strong {
                    ui.visuals().strong_text_color()
                } else {
                    ui.visuals().text_color()
                }
            });
            let painter = ui.painter_at(rect.expand(style.size));
            with_text_resources(ui.ctx(), |res| {
                res.paint(&painter, &placed, rect.min, style.size, color);
            });
        }
        let text = self.text.as_ref();
        response.widget_info(|| WidgetInfo::labeled(Role::Label, ui.is_enabled(), text));
        response
    }
}
