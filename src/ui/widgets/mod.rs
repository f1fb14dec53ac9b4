//! Widgets that draw and edit text with Hamish's own text engine (bidi, shaping, joining) instead
//! of egui's text, which has no bidi: [`ArabicLabel`] for any string and [`TextField`] for typed
//! text. They share one set of fonts, one layout cache and one glyph atlas texture per egui
//! `Context` ([`text_resources`]). Sizes are egui points; offsets are chars.

pub mod arabic_label;
pub mod placed_text;
pub mod text_field;
pub mod text_resources;

pub use arabic_label::{default_text_size, ArabicLabel, LabelFit};
pub use placed_text::{PlacedText, TextAlign};
pub use text_field::{TextField, TextFieldOutput};
pub use text_resources::{
    text_resources, with_text_resources, PaintedText, TextResources, WidgetTextStats,
    WidgetTextStyle,
};
