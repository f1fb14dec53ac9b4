//! The glyph atlas: rasterized glyphs packed on shelves into one single-channel coverage image
//! that grows when full. Units: atlas pixels; UV rects are fractions of the current atlas size.

use super::raster::GlyphBitmap;
use std::collections::HashMap;

/// Identifies one rasterization of a glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GlyphKey {
    /// Index of the font in the caller's font set (the caller clears the atlas when fonts change).
    pub font: u32,
    /// Glyph id in that font.
    pub glyph: u16,
    /// Pixel size per em in quarter pixels (`size_px * 4`, rounded).
    pub size_quarter_px: u32,
    /// Horizontal subpixel bucket, `0..SUBPIXEL_BUCKETS`.
    pub subpixel: u8,
}

impl GlyphKey {
    /// The key of glyph `glyph` of font `font` at `size_px`, subpixel bucket `subpixel`.
    pub fn new(font: u32, glyph: u16, size_px: f32, subpixel: u8) -> Self {
        Self {
            font,
            glyph,
            size_quarter_px: (size_px * 4.0).round().max(0.0) as u32,
            subpixel,
        }
    }

    /// The pixel size this key stands for (quarter-pixel precision).
    pub fn size_px(&self) -> f32 {
        self.size_quarter_px as f32 / 4.0
    }
}

/// A rectangle in atlas pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtlasRect {
    /// Left column.
    pub x: u32,
    /// Top row.
    pub y: u32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl AtlasRect {
    /// True when the two rectangles share at least one pixel.
    pub fn overlaps(&self, other: &AtlasRect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }
}

/// Where a glyph's bitmap lives in the atlas and how to place it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtlasEntry {
    /// The bitmap's pixels in the atlas (zero-sized for a glyph that draws nothing).
    pub rect: AtlasRect,
    /// Pixels from the integer pen x to the bitmap's left column.
    pub left: i32,
    /// Pixels from the baseline to the bitmap's top row (negative is above).
    pub top: i32,
}

impl AtlasEntry {
    /// True when the glyph draws nothing.
    pub fn is_empty(&self) -> bool {
        self.rect.width == 0 || self.rect.height == 0
    }
}

/// What changed in the atlas pixels since the user last uploaded them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtlasDirty {
    /// Nothing.
    Clean,
    /// Only this rectangle (the union of the glyphs added); the size is unchanged.
    Rect(AtlasRect),
    /// Everything: the atlas grew or was cleared.
    All,
}

impl AtlasRect {
    /// The smallest rectangle holding both.
    pub fn union(&self, other: &AtlasRect) -> AtlasRect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        let right = (self.x + self.width).max(other.x + other.width);
        let bottom = (self.y + self.height).max(other.y + other.height);
        AtlasRect {
            x,
            y,
            width: right - x,
            height: bottom - y,
        }
    }
}

/// One row of the shelf packer.
#[derive(Debug, Clone, Copy)]
struct Shelf {
    y: u32,
    height: u32,
    /// Next free column.
    x: u32,
}

/// Empty pixels kept around each glyph so linear sampling never bleeds in a neighbour.
const PADDING: u32 = 1;

/// Rasterized glyphs packed into one coverage image that doubles in size when full.
///
/// Entries keep their pixel positions when the atlas grows, so an [`AtlasEntry`] stays valid; only
/// UVs (fractions of the size) change. [`GlyphAtlas::generation`] changes whenever the pixels or the
/// size change, telling a GPU user to re-upload the texture.
#[derive(Debug, Clone)]
pub struct GlyphAtlas {
    width: u32,
    height: u32,
    max_side: u32,
    pixels: Vec<u8>,
    shelves: Vec<Shelf>,
    next_shelf_y: u32,
    entries: HashMap<GlyphKey, AtlasEntry>,
    generation: u64,
    full: bool,
    dirty: AtlasDirty,
}

impl GlyphAtlas {
    /// An empty atlas of `side × side` pixels that may grow up to `max_side × max_side`.
    pub fn new(side: u32, max_side: u32) -> Self {
        let side = side.max(16);
        Self {
            width: side,
            height: side,
            max_side: max_side.max(side),
            pixels: vec![0; (side as usize) * (side as usize)],
            shelves: Vec::new(),
            next_shelf_y: 0,
            entries: HashMap::new(),
            generation: 0,
            full: false,
            dirty: AtlasDirty::All,
        }
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// Row-major coverage bytes, `width * height`.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// Changes every time pixels are added, the atlas grows or is cleared.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Number of glyphs stored.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no glyph is stored.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True once an insert failed because the atlas is at its maximum size; the user should
    /// [`clear`](Self::clear) it before the next frame.
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// Forgets every glyph (e.g. when fonts change), keeping the current size.
    pub fn clear(&mut self) {
        self.pixels.fill(0);
        self.shelves.clear();
        self.next_shelf_y = 0;
        self.entries.clear();
        self.full = false;
        self.generation += 1;
        self.dirty = AtlasDirty::All;
    }

    /// What changed since the last call (a GPU user uploads just that part), and marks it clean.
    pub fn take_dirty(&mut self) -> AtlasDirty {
        std::mem::replace(&mut self.dirty, AtlasDirty::Clean)
    }

    /// The entry for `key`, if it was inserted.
    pub fn get(&self, key: &GlyphKey) -> Option<AtlasEntry> {
        self.entries.get(key).copied()
    }

    /// The entry for `key`, rasterizing with `rasterize` on a miss. `None` when the atlas is at its
    /// maximum size and has no room.
    pub fn get_or_insert_with(
        &mut self,
        key: GlyphKey,
        rasterize: impl FnOnce() -> GlyphBitmap,
    ) -> Option<AtlasEntry> {
        if let Some(entry) = self.entries.get(&key) {
            return Some(*entry);
        }
        self.insert(key, &rasterize())
    }

    /// Copies `bitmap` into the atlas under `key`, growing the atlas if needed. `None` when the
    /// atlas is at its maximum size and has no room.
    pub fn insert(&mut self, key: GlyphKey, bitmap: &GlyphBitmap) -> Option<AtlasEntry> {
        let rect = if bitmap.is_empty() {
            AtlasRect {
                x: 0,
                y: 0,
                width: 0,
                height: 0,
            }
        } else {
            let Some(rect) = self.allocate(bitmap.width, bitmap.height) else {
                self.full = true;
                return None;
            };
            self.blit(rect, &bitmap.coverage);
            self.dirty = match self.dirty {
                AtlasDirty::Clean => AtlasDirty::Rect(rect),
                AtlasDirty::Rect(old) => AtlasDirty::Rect(old.union(&rect)),
                AtlasDirty::All => AtlasDirty::All,
            };
            rect
        };
        let entry = AtlasEntry {
            rect,
            left: bitmap.left,
            top: bitmap.top,
        };
        self.entries.insert(key, entry);
        self.generation += 1;
        Some(entry)
    }

    /// The entry's rectangle as `[u_min, v_min, u_max, v_max]` fractions of the current size.
    pub fn uv_rect(&self, entry: &AtlasEntry) -> [f32; 4] {
        let (w, h) = (self.width as f32, self.height as f32);
        let r = entry.rect;
        [
            r.x as f32 / w,
            r.y as f32 / h,
            (r.x + r.width) as f32 / w,
            (r.y + r.height) as f32 / h,
        ]
    }

    /// Finds room for a `width × height` bitmap, growing the atlas when no shelf has room.
    fn allocate(&mut self, width: u32, height: u32) -> Option<AtlasRect> {
        let (w, h) = (width + PADDING, height + PADDING);
        loop {
            if let Some(rect) = self.allocate_in_place(w, h) {
                return Some(AtlasRect {
                    x: rect.x,
                    y: rect.y,
                    width,
                    height,
                });
            }
            if !self.grow() {
                return None;
            }
        }
    }

    /// Shelf packing without growing: the flattest shelf that fits, else a new shelf.
    fn allocate_in_place(&mut self, w: u32, h: u32) -> Option<AtlasRect> {
        let width = self.width;
        let best = self
            .shelves
            .iter_mut()
            // A shelf much taller than the glyph wastes space; such glyphs start a new shelf.
            .filter(|s| s.height >= h && s.height <= h + h / 2 + 2 && s.x + w <= width)
            .min_by_key(|s| s.height);
        if let Some(shelf) = best {
            let rect = AtlasRect {
                x: shelf.x,
                y: shelf.y,
                width: w,
                height: h,
            };
            shelf.x += w;
            return Some(rect);
        }
        if w <= self.width && self.next_shelf_y + h <= self.height {
            let shelf = Shelf {
                y: self.next_shelf_y,
                height: h,
                x: w,
            };
            self.next_shelf_y += h;
            self.shelves.push(shelf);
            return Some(AtlasRect {
                x: 0,
                y: shelf.y,
                width: w,
                height: h,
            });
        }
        None
    }

    /// Doubles the shorter side (width first), keeping every pixel where it was. False at max size.
    fn grow(&mut self) -> bool {
        let (new_w, new_h) = if self.width <= self.height && self.width < self.max_side {
            (self.width * 2, self.height)
        } else if self.height < self.max_side {
            (self.width, self.height * 2)
        } else if self.width < self.max_side {
            (self.width * 2, self.height)
        } else {
            return false;
        };
        let (new_w, new_h) = (new_w.min(self.max_side), new_h.min(self.max_side));
        let mut pixels = vec![0u8; (new_w as usize) * (new_h as usize)];
        for row in 0..self.height as usize {
            let old = &self.pixels[row * self.width as usize..(row + 1) * self.width as usize];
            pixels[row * new_w as usize..row * new_w as usize + old.len()].copy_from_slice(old);
        }
        self.pixels = pixels;
        self.width = new_w;
        self.height = new_h;
        self.generation += 1;
        self.dirty = AtlasDirty::All;
        true
    }

    fn blit(&mut self, rect: AtlasRect, coverage: &[u8]) {
        let stride = self.width as usize;
        let w = rect.width as usize;
        for (row, src) in coverage.chunks_exact(w).enumerate() {
            let start = (rect.y as usize + row) * stride + rect.x as usize;
            self.pixels[start..start + w].copy_from_slice(src);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bitmap(width: u32, height: u32, fill: u8) -> GlyphBitmap {
        GlyphBitmap {
            width,
            height,
            left: 1,
            top: -(height as i32),
            coverage: vec![fill; (width * height) as usize],
        }
    }

    fn key(n: u32) -> GlyphKey {
        GlyphKey::new(0, n as u16, 24.0, (n % 4) as u8)
    }

    fn pixels_of(atlas: &GlyphAtlas, rect: AtlasRect) -> Vec<u8> {
        let (w, _) = atlas.size();
        let mut out = Vec::new();
        for row in rect.y..rect.y + rect.height {
            let start = (row * w + rect.x) as usize;
            out.extend_from_slice(&atlas.pixels()[start..start + rect.width as usize]);
        }
        out
    }

    #[test]
    fn key_rounds_size_to_quarter_pixels() {
        assert_eq!(GlyphKey::new(0, 1, 24.1, 0).size_quarter_px, 96);
        assert_eq!(GlyphKey::new(0, 1, 24.2, 0).size_px(), 24.25);
    }

    #[test]
    fn growth_bumps_generation_and_keeps_entries() {
        let mut atlas = GlyphAtlas::new(16, 256);
        let first = atlas.insert(key(1), &bitmap(10, 10, 7)).unwrap();
        let gen = atlas.generation();
        let second = atlas.insert(key(2), &bitmap(12, 12, 9)).unwrap();
        assert!(atlas.size().0 > 16 || atlas.size().1 > 16, "atlas grew");
        assert!(atlas.generation() > gen);
        assert_eq!(atlas.get(&key(1)), Some(first));
        assert_eq!(pixels_of(&atlas, first.rect), vec![7; 100]);
        assert_eq!(pixels_of(&atlas, second.rect), vec![9; 144]);
        let uv = atlas.uv_rect(&first);
        assert!(uv[2] <= 1.0 && uv[3] <= 1.0 && uv[0] < uv[2]);
    }

    #[test]
    fn dirty_rect_covers_new_glyphs_until_taken() {
        let mut atlas = GlyphAtlas::new(64, 256);
        assert_eq!(
            atlas.take_dirty(),
            AtlasDirty::All,
            "a new atlas was never uploaded"
        );
        assert_eq!(atlas.take_dirty(), AtlasDirty::Clean);
        let a = atlas.insert(key(1), &bitmap(5, 6, 1)).unwrap();
        let b = atlas.insert(key(2), &bitmap(7, 3, 1)).unwrap();
        let AtlasDirty::Rect(dirty) = atlas.take_dirty() else {
            panic!("expected a dirty rectangle");
        };
        assert_eq!(dirty, a.rect.union(&b.rect));
        assert!(dirty.width >= 12 && dirty.height >= 6);
        assert_eq!(atlas.take_dirty(), AtlasDirty::Clean);
        for n in 3..40 {
            atlas.insert(key(n), &bitmap(20, 20, 1));
        }
        assert_eq!(
            atlas.take_dirty(),
            AtlasDirty::All,
            "growing or clearing dirties all"
        );
    }

    #[test]
    fn full_at_max_size_returns_none_and_clear_recovers() {
        let mut atlas = GlyphAtlas::new(16, 32);
        let mut stored = 0;
        for n in 0..100 {
            if atlas.insert(key(n), &bitmap(14, 14, 1)).is_some() {
                stored += 1;
            }
        }
        assert_eq!(stored, 4, "four 15×15 cells fit in 32×32");
        assert!(atlas.is_full());
        atlas.clear();
        assert!(!atlas.is_full() && atlas.is_empty());
        assert!(atlas.insert(key(0), &bitmap(14, 14, 1)).is_some());
    }

    #[test]
    fn empty_glyph_takes_no_space_but_is_cached() {
        let mut atlas = GlyphAtlas::new(16, 16);
        let entry = atlas.insert(key(3), &bitmap(0, 0, 0)).unwrap();
        assert!(entry.is_empty());
        assert_eq!(atlas.get(&key(3)), Some(entry));
        let mut called = false;
        atlas.get_or_insert_with(key(3), || {
            called = true;
            bitmap(1, 1, 1)
        });
        assert!(!called, "a hit does not rasterize again");
    }

    proptest! {
        #[test]
        fn packing_never_overlaps_and_growth_keeps_pixels(
            sizes in proptest::collection::vec((1u32..40, 1u32..40), 1..120)
        ) {
            let mut atlas = GlyphAtlas::new(32, 1024);
            let mut placed = Vec::new();
            for (n, &(w, h)) in sizes.iter().enumerate() {
                let fill = (n % 250) as u8 + 1;
                let entry = atlas.insert(key(n as u32), &bitmap(w, h, fill)).unwrap();
                placed.push((n, entry, fill));
            }
            let (aw, ah) = atlas.size();
            for (i, (n, a, fill)) in placed.iter().enumerate() {
                prop_assert!(a.rect.x + a.rect.width <= aw && a.rect.y + a.rect.height <= ah);
                prop_assert_eq!(atlas.get(&key(*n as u32)), Some(*a));
                let expected = vec![*fill; (a.rect.width * a.rect.height) as usize];
                prop_assert_eq!(pixels_of(&atlas, a.rect), expected);
                for (_, b, _) in &placed[i + 1..] {
                    prop_assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?}", a.rect, b.rect);
                }
            }
        }
    }
}
