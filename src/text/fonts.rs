//! The fonts the engine shapes with: the embedded Noto fonts plus user fonts, the fallback order
//! (primary Arabic font, Latin font, then user fonts) and per-size metrics in px.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Index of a font in a [`FontSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontId(pub u16);

/// Vertical metrics of a font at a size, in px (ascent up from the baseline, descent down from it,
/// both positive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FontMetrics {
    /// Distance from the baseline up to the top of the tallest glyphs, px.
    pub ascent: f32,
    /// Distance from the baseline down to the bottom of the lowest glyphs, px (positive).
    pub descent: f32,
    /// Recommended extra gap between lines, px.
    pub line_gap: f32,
    /// The font's design units per em (to scale shaped advances).
    pub units_per_em: u16,
}

/// Why a font could not be added.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The font file could not be read.
    #[error("cannot read font file {path}: {source}; check that the file exists and is readable")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The bytes are not a TrueType/OpenType font.
    #[error("font {name} is not a TrueType/OpenType font (face 0 does not parse); pick a .ttf or .otf file")]
    Parse {
        /// File stem or given name.
        name: String,
    },
    /// More fonts than a [`FontId`] can count.
    #[error("too many fonts loaded (limit {limit}); cannot add {name}")]
    TooMany {
        /// The font that did not fit.
        name: String,
        /// The maximum number of fonts.
        limit: usize,
    },
}

/// One loaded font.
#[derive(Debug, Clone)]
struct LoadedFont {
    name: String,
    data: Cow<'static, [u8]>,
    has_arabic: bool,
    metrics_units: [i16; 3],
    units_per_em: u16,
}

/// The fonts available to layout, with the fallback order used per char.
#[derive(Debug, Clone)]
pub struct FontSet {
    fonts: Vec<LoadedFont>,
    primary: FontId,
    latin: FontId,
    /// Fonts tried after the primary and Latin fonts, in the order they were added.
    extra: Vec<FontId>,
    generation: u64,
}

/// Generations handed out to changed font sets; 0 is reserved for the untouched embedded set.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

const NASKH_REGULAR: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
const NASKH_BOLD: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf");
const SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");

/// Id of the embedded Noto Naskh Arabic Regular in [`FontSet::embedded`].
pub const NASKH_REGULAR_ID: FontId = FontId(0);
/// Id of the embedded Noto Naskh Arabic Bold in [`FontSet::embedded`] (not in the fallback order).
pub const NASKH_BOLD_ID: FontId = FontId(1);
/// Id of the embedded Noto Sans Regular in [`FontSet::embedded`].
pub const SANS_REGULAR_ID: FontId = FontId(2);

impl FontSet {
    /// The embedded fonts: Noto Naskh Arabic Regular (primary), Bold, and Noto Sans Regular (Latin).
    pub fn embedded() -> FontSet {
        let mut set = FontSet {
            fonts: Vec::new(),
            primary: NASKH_REGULAR_ID,
            latin: SANS_REGULAR_ID,
            extra: Vec::new(),
            generation: 0,
        };
        for (name, bytes) in [
            ("NotoNaskhArabic-Regular", NASKH_REGULAR),
            ("NotoNaskhArabic-Bold", NASKH_BOLD),
            ("NotoSans-Regular", SANS_REGULAR),
        ] {
            // The embedded fonts are part of the build and known to parse; a failure here is a
            // broken build, not user data.
            let font = load(name, Cow::Borrowed(bytes)).expect("embedded font parses");
            set.fonts.push(font);
        }
        set
    }

    /// Adds a font file (face 0); a font with Arabic letters becomes the primary Arabic font.
    pub fn add_font_file(&mut self, path: &Path) -> Result<FontId, FontError> {
        let bytes = std::fs::read(path).map_err(|source| FontError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        self.add_font_bytes(&name, bytes)
    }

    /// Adds a font from bytes (face 0) under `name`; a font with Arabic letters becomes primary.
    pub fn add_font_bytes(&mut self, name: &str, bytes: Vec<u8>) -> Result<FontId, FontError> {
        if self.fonts.len() >= u16::MAX as usize {
            return Err(FontError::TooMany {
                name: name.to_string(),
                limit: u16::MAX as usize,
            });
        }
        let font = load(name, Cow::Owned(bytes))?;
        let id = FontId(self.fonts.len() as u16);
        let has_arabic = font.has_arabic;
        self.fonts.push(font);
        self.extra.push(id);
        if has_arabic {
            self.primary = id;
        }
        self.bump_generation();
        Ok(id)
    }

    /// Makes `id` the first font tried for every char.
    pub fn set_primary(&mut self, id: FontId) {
        if (id.0 as usize) < self.fonts.len() && self.primary != id {
            self.primary = id;
            self.bump_generation();
        }
    }

    /// The primary (Arabic) font.
    pub fn primary(&self) -> FontId {
        self.primary
    }

    /// The Latin font tried second.
    pub fn latin(&self) -> FontId {
        self.latin
    }

    /// Number of loaded fonts; ids run from 0 to `len() - 1`.
    pub fn len(&self) -> usize {
        self.fonts.len()
    }

    /// True when no font is loaded (never for a set made by [`FontSet::embedded`]).
    pub fn is_empty(&self) -> bool {
        self.fonts.is_empty()
    }

    /// The id of the font called `name` (its file stem), if loaded.
    pub fn id_by_name(&self, name: &str) -> Option<FontId> {
        self.fonts
            .iter()
            .position(|f| f.name == name)
            .and_then(|i| u16::try_from(i).ok())
            .map(FontId)
    }

    /// The font's name: its file stem, e.g. "NotoNaskhArabic-Regular".
    pub fn name(&self, id: FontId) -> &str {
        &self.font(id).name
    }

    /// The font file's bytes (face 0), for the rasterizer and the shaper.
    pub fn data(&self, id: FontId) -> &[u8] {
        &self.font(id).data
    }

    /// Changes whenever the set of fonts or their order changes; part of every cache key.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Vertical metrics of `id` at `size_px`.
    pub fn metrics(&self, id: FontId, size_px: f32) -> FontMetrics {
        let font = self.font(id);
        let scale = size_px / f32::from(font.units_per_em.max(1));
        let [asc, desc, gap] = font.metrics_units;
        FontMetrics {
            ascent: f32::from(asc) * scale,
            descent: -f32::from(desc) * scale,
            line_gap: f32::from(gap) * scale,
            units_per_em: font.units_per_em,
        }
    }

    /// The fonts to try for a char, in order. `prefer_latin` puts the Latin font first (for chars
    /// whose script is not Arabic).
    pub fn fallback_order(&self, prefer_latin: bool) -> impl Iterator<Item = FontId> + '_ {
        let (first, second) = if prefer_latin {
            (self.latin, self.primary)
        } else {
            (self.primary, self.latin)
        };
        [first, second].into_iter().chain(
            self.extra
                .iter()
                .copied()
                .filter(move |id| *id != first && *id != second),
        )
    }

    fn font(&self, id: FontId) -> &LoadedFont {
        // Ids come from this set; an id from another set falls back to the primary font
        // rather than panicking.
        self.fonts
            .get(id.0 as usize)
            .unwrap_or(&self.fonts[self.primary.0 as usize])
    }

    fn bump_generation(&mut self) {
        self.generation = NEXT_GENERATION.fetch_add(1, Ordering::Relaxed);
    }
}

fn load(name: &str, data: Cow<'static, [u8]>) -> Result<LoadedFont, FontError> {
    let face = rustybuzz::ttf_parser::Face::parse(&data, 0).map_err(|_| FontError::Parse {
        name: name.to_string(),
    })?;
    let has_arabic = face.glyph_index('\u{0628}').is_some();
    let metrics_units = [face.ascender(), face.descender(), face.line_gap()];
    let units_per_em = face.units_per_em();
    Ok(LoadedFont {
        name: name.to_string(),
        has_arabic,
        metrics_units,
        units_per_em,
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::faces::Faces;

    #[test]
    fn embedded_fonts_have_names_and_arabic_coverage() {
        let set = FontSet::embedded();
        assert_eq!(set.name(set.primary()), "NotoNaskhArabic-Regular");
        assert_eq!(set.name(set.latin()), "NotoSans-Regular");
        let faces = Faces::new(&set);
        assert!(faces.has_glyph(set.primary(), 'ب'));
        assert!(!faces.has_glyph(set.latin(), 'ب'));
        assert!(faces.has_glyph(set.latin(), 'R'));
        assert!(set.metrics(set.primary(), 20.0).ascent > 10.0);
    }

    #[test]
    fn adding_a_font_changes_generation_and_bad_bytes_fail() {
        let mut set = FontSet::embedded();
        let g0 = set.generation();
        assert!(matches!(
            set.add_font_bytes("junk", vec![1, 2, 3]),
            Err(FontError::Parse { .. })
        ));
        assert_eq!(set.generation(), g0);
        let id = set
            .add_font_bytes("Copy", SANS_REGULAR.to_vec())
            .expect("parses");
        assert_ne!(set.generation(), g0);
        assert_eq!(set.name(id), "Copy");
        // Not Arabic, so the primary font stays.
        assert_eq!(set.name(set.primary()), "NotoNaskhArabic-Regular");
    }

    #[test]
    fn an_arabic_user_font_file_becomes_primary() {
        let mut set = FontSet::embedded();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoNaskhArabic-Bold.ttf");
        let id = set.add_font_file(&path).expect("font file loads");
        assert_eq!(set.primary(), id);
        assert_eq!(set.name(id), "NotoNaskhArabic-Bold");
        assert_eq!(set.id_by_name("NotoNaskhArabic-Bold"), Some(NASKH_BOLD_ID));
        assert_eq!(set.fallback_order(false).next(), Some(id));
        set.set_primary(NASKH_REGULAR_ID);
        assert_eq!(set.primary(), NASKH_REGULAR_ID);
    }

    #[test]
    fn a_missing_font_file_error_names_the_file() {
        let mut set = FontSet::embedded();
        let err = set
            .add_font_file(Path::new("/nonexistent/Amiri-Regular.ttf"))
            .expect_err("missing file");
        assert!(err.to_string().contains("Amiri-Regular.ttf"), "{err}");
    }
}
