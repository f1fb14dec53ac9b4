//! Points and rectangles of the layout; units are pixels, x grows right, y grows down.

/// A point in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Horizontal position, px from the left edge.
    pub x: f32,
    /// Vertical position, px from the top.
    pub y: f32,
}

/// An axis-aligned rectangle in pixels; `min` is the top-left corner, `max` the bottom-right.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Top-left corner.
    pub min: Point,
    /// Bottom-right corner.
    pub max: Point,
}

impl Point {
    /// A point at `(x, y)`.
    pub fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

impl Rect {
    /// The rectangle spanning `x0..x1` horizontally and `y0..y1` vertically.
    pub fn from_x_y_ranges(x0: f32, x1: f32, y0: f32, y1: f32) -> Self {
        Self {
            min: Point::new(x0.min(x1), y0.min(y1)),
            max: Point::new(x0.max(x1), y0.max(y1)),
        }
    }

    /// Width in px.
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    /// Height in px.
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    /// The centre point.
    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) * 0.5,
            (self.min.y + self.max.y) * 0.5,
        )
    }

    /// True when `p` lies inside (edges included).
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }
}
