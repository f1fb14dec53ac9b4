//! A page of annotated text for reports, drawn as the window draws it: highlights in each label's
//! colour with lanes for overlapping spans and counts on identical ones, relation arcs with their
//! names above the lines, and a legend of the labels. Built once as a [`Scene`] (a list of
//! filled rectangles, lines, triangles and glyph runs in page px), then written as PNG
//! ([`png`]), SVG with glyph outlines ([`svg`]) or PDF ([`pdf`]).

mod build;
pub mod pdf;
pub mod png;
pub mod svg;

pub use build::{annotated_scene, SceneOptions};

use crate::text::{FontId, Point, Rect};

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    /// The same colour with alpha `a`.
    pub const fn with_alpha(self, a: u8) -> Self {
        Self([self.0[0], self.0[1], self.0[2], a])
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0[0], self.0[1], self.0[2])
    }
}

/// One thing drawn on the page, in paint order; coordinates are page px from the top-left.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A filled rectangle.
    Fill {
        /// Where.
        rect: Rect,
        /// Colour.
        colour: Rgba,
    },
    /// A line through `points`.
    Line {
        /// The points, in order.
        points: Vec<Point>,
        /// Width, px.
        width: f32,
        /// Colour.
        colour: Rgba,
    },
    /// A filled triangle (arrowheads, badges).
    Triangle {
        /// The corners.
        points: [Point; 3],
        /// Colour.
        colour: Rgba,
    },
    /// Glyphs of one font at one size.
    Glyphs {
        /// The font.
        font: FontId,
        /// Size, px per em.
        size: f32,
        /// Glyph id and pen position on the baseline.
        glyphs: Vec<(u16, Point)>,
        /// Colour.
        colour: Rgba,
    },
}

/// What a group of items is, for readers of the SVG (and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The legend of labels.
    Legend,
    /// Highlights behind the text.
    Highlights,
    /// The text.
    Text,
    /// Relation arcs and their names.
    Arcs,
}

impl Layer {
    /// The SVG group id.
    pub fn id(self) -> &'static str {
        match self {
            Layer::Legend => "legend",
            Layer::Highlights => "highlights",
            Layer::Text => "text",
            Layer::Arcs => "arcs",
        }
    }
}

/// A whole page: its size, background and layers of items, painted in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width, px.
    pub width: f32,
    /// Height, px.
    pub height: f32,
    /// Page colour.
    pub background: Rgba,
    /// The layers in paint order, each with its items.
    pub layers: Vec<(Layer, Vec<Item>)>,
    /// Names written into the page's text for readers (the relation names on arcs, the label
    /// names of the legend), as a plain list.
    pub captions: Vec<String>,
}
