//! Caret positions: a char offset into the document's text plus which side it sticks to.

use crate::offset::CharOffset;

/// Which neighbouring char a caret belongs to, for offsets that have two on-screen positions
/// (line ends of wrapped lines, boundaries between directions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Affinity {
    /// The caret sticks to the char before the offset (drawn at that char's trailing edge).
    Before,
    /// The caret sticks to the char after the offset (drawn at that char's leading edge).
    #[default]
    After,
}

/// A caret: a char offset into the whole document's text and its affinity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cursor {
    /// Char offset into the document's text.
    pub offset: CharOffset,
    /// Which side of the offset the caret sticks to.
    pub affinity: Affinity,
}

/// A direction on screen for arrow-key movement (Left moves forward in RTL text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VisualDirection {
    /// Towards the left edge of the screen.
    Left,
    /// Towards the right edge of the screen.
    Right,
}

impl Cursor {
    /// A caret at `offset` sticking to the char after it.
    pub fn after(offset: CharOffset) -> Self {
        Self {
            offset,
            affinity: Affinity::After,
        }
    }

    /// A caret at `offset` sticking to the char before it.
    pub fn before(offset: CharOffset) -> Self {
        Self {
            offset,
            affinity: Affinity::Before,
        }
    }
}
