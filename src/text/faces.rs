//! Parsed font faces, cmap coverage and shaping plans for one layout pass over a [`FontSet`];
//! made on demand, so a layout served from the cache parses nothing.

use super::fonts::{FontId, FontSet};
use super::itemize::CommonChars;

/// Parsed faces of a [`FontSet`], made on demand for one layout pass (parsing is cheap but not free,
/// so a cached paragraph never parses a font).
pub struct Faces<'a> {
    fonts: &'a FontSet,
    faces: Vec<std::cell::OnceCell<Option<rustybuzz::Face<'a>>>>,
    /// Per font, for each BMP char: 0 not looked up yet, 1 has a glyph, 2 has none.
    bmp_coverage: Vec<std::cell::RefCell<Vec<u8>>>,
    /// Shaping plans by font, direction (true: RTL) and script.
    plans: std::cell::RefCell<PlanMap>,
    /// Itemizing facts of ASCII and the Arabic block, found once per pass.
    common_chars: std::cell::OnceCell<CommonChars>,
}

/// Shaping plans of one layout pass.
type PlanMap = std::collections::HashMap<
    (FontId, bool, unicode_script::Script),
    Option<std::rc::Rc<rustybuzz::ShapePlan>>,
>;

impl<'a> Faces<'a> {
    /// Faces for `fonts`, none parsed yet.
    pub fn new(fonts: &'a FontSet) -> Self {
        Self {
            fonts,
            faces: (0..fonts.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            bmp_coverage: (0..fonts.len())
                .map(|_| std::cell::RefCell::new(Vec::new()))
                .collect(),
            plans: std::cell::RefCell::new(PlanMap::new()),
            common_chars: std::cell::OnceCell::new(),
        }
    }

    /// The font set.
    pub fn fonts(&self) -> &'a FontSet {
        self.fonts
    }

    /// The parsed face of `id`, or `None` for an id outside the set.
    pub fn face(&self, id: FontId) -> Option<&rustybuzz::Face<'a>> {
        let fonts = self.fonts;
        self.faces
            .get(id.0 as usize)?
            .get_or_init(|| rustybuzz::Face::from_slice(fonts.data(id), 0))
            .as_ref()
    }

    /// True when the font maps `c` to a glyph (cmap lookup, remembered for BMP chars).
    pub fn has_glyph(&self, id: FontId, c: char) -> bool {
        let lookup = || self.face(id).is_some_and(|f| f.glyph_index(c).is_some());
        let code = c as usize;
        let Some(cell) = self.bmp_coverage.get(id.0 as usize) else {
            return false;
        };
        if code > 0xFFFF {
            return lookup();
        }
        let mut table = cell.borrow_mut();
        if table.is_empty() {
            table.resize(0x10000, 0);
        }
        match table[code] {
            1 => true,
            2 => false,
            _ => {
                let has = lookup();
                table[code] = if has { 1 } else { 2 };
                has
            }
        }
    }

    /// Itemizing facts of the common chars for these fonts, found on first use.
    pub(crate) fn common_chars(&self) -> &CommonChars {
        self.common_chars.get_or_init(|| CommonChars::new(self))
    }

    /// The shaping plan for runs of `script` in direction `rtl` with font `id`, made once.
    pub fn plan(
        &self,
        id: FontId,
        rtl: bool,
        script: unicode_script::Script,
    ) -> Option<std::rc::Rc<rustybuzz::ShapePlan>> {
        if let Some(plan) = self.plans.borrow().get(&(id, rtl, script)) {
            return plan.clone();
        }
        let plan = self
            .face(id)
            .and_then(|face| super::shape::make_plan(face, rtl, script))
            .map(std::rc::Rc::new);
        self.plans
            .borrow_mut()
            .insert((id, rtl, script), plan.clone());
        plan
    }
}
