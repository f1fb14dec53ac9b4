//! Annotation highlights as the document view paints them: one translucent fill per range in the
//! label's colour, outlined when the annotation needs review or is selected, and a solid underline
//! in its own lane so nested, crossing and identical spans all stay visible (lanes from
//! `render::marks`); identical spans carry a count. Also the text-selection colour, a neutral grey
//! unlike every label colour in both themes. Ranges are chars into the document's text; colours
//! are egui's (sRGB, unmultiplied alpha given below).

use crate::model::annotation::{AnnotationId, AnnotationStatus};
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;
use crate::render::marks::span_marks;
use egui::{Color32, Stroke};
use std::collections::HashMap;

/// Opacity of a highlight fill: low enough that two overlapping ones still show both colours and
/// the glyphs on top stay readable.
const FILL_ALPHA: u8 = 100;
/// Opacity of the selected annotation's fill.
const SELECTED_ALPHA: u8 = 160;
/// Colour of labels the schema does not know.
const UNKNOWN_LABEL: Color32 = Color32::from_rgb(128, 128, 128);

/// One range of one annotation to paint behind the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Highlight {
    /// The annotation it belongs to.
    pub annotation: AnnotationId,
    /// The chars covered.
    pub range: CharRange,
    /// The fill, translucent.
    pub fill: Color32,
    /// An outline (needs review, or selected).
    pub outline: Option<Stroke>,
    /// The solid label colour, for the underline.
    pub colour: Color32,
    /// The underline's lane: 0 lowest; nested and crossing spans take the next ones up.
    pub lane: usize,
    /// How many annotations cover exactly this range, when this one shows the count (else 1).
    pub count: usize,
}

/// The solid colour of `label` in `schema` (grey for an unknown label).
pub fn label_colour(schema: &Schema, label: &str) -> Color32 {
    schema.label(label).map_or(UNKNOWN_LABEL, |l| {
        Color32::from_rgb(l.colour.r, l.colour.g, l.colour.b)
    })
}

/// The highlights of every placed annotation of `set` (orphans are not drawn: their ranges belong
/// to an older text). Longer spans come first so nested shorter ones are painted on top of them.
pub fn highlights_for(
    set: &AnnotationSet,
    schema: &Schema,
    selected: Option<AnnotationId>,
) -> Vec<Highlight> {
    let lanes: HashMap<(AnnotationId, CharRange), (usize, usize)> = span_marks(set)
        .into_iter()
        .map(|m| {
            let count = if m.first_of_same { m.same_range } else { 1 };
            ((m.annotation, m.range), (m.lane, count))
        })
        .collect();
    let mut out = Vec::new();
    for a in set.annotations() {
        if a.status == AnnotationStatus::Orphan {
            continue;
        }
        let colour = label_colour(schema, &a.label);
        let is_selected = selected == Some(a.id);
        let alpha = if is_selected {
            SELECTED_ALPHA
        } else {
            FILL_ALPHA
        };
        let fill = Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha);
        let outline = if is_selected {
            Some(Stroke::new(2.0, colour))
        } else if a.status == AnnotationStatus::NeedsReview {
            Some(Stroke::new(1.5, colour))
        } else {
            None
        };
        for range in &a.ranges {
            let (lane, count) = lanes.get(&(a.id, *range)).copied().unwrap_or((0, 1));
            out.push(Highlight {
                annotation: a.id,
                range: *range,
                fill,
                outline,
                colour,
                lane,
                count,
            });
        }
    }
    // Stable: equal lengths keep text order.
    out.sort_by_key(|h| std::cmp::Reverse(h.range.len()));
    out
}

/// The text-selection fill for a dark or light theme: neutral grey, so it is never mistaken for a
/// label's colour (the default blue looked like Source's).
pub fn selection_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(220, 220, 220, 110)
    } else {
        Color32::from_rgba_unmultiplied(40, 40, 40, 110)
    }
}

/// How far apart two colours look, as the largest difference of their channels after blending
/// each over `background` (0–255).
pub fn blended_distance(a: Color32, b: Color32, background: Color32) -> u8 {
    // egui's colours are premultiplied: a channel already holds value × alpha.
    let over = |c: Color32| {
        let rest = 1.0 - f32::from(c.a()) / 255.0;
        [
            (c.r(), background.r()),
            (c.g(), background.g()),
            (c.b(), background.b()),
        ]
        .map(|(v, bg)| f32::from(v) + f32::from(bg) * rest)
    };
    let (x, y) = (over(a), over(b));
    (0..3)
        .map(|i| (x[i] - y[i]).abs())
        .fold(0.0, f32::max)
        .round()
        .min(255.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Timestamp};

    fn set_with(spans: &[(u64, &str, usize, usize, AnnotationStatus)]) -> AnnotationSet {
        let text = "وقال الوزير إن المفاوضات ستستمر حتى نتوصل إلى هدنة";
        let mut set = AnnotationSet::new();
        for &(id, label, start, end, status) in spans {
            let mut a = Annotation::new(
                AnnotationId(id),
                label,
                vec![CharRange::from_indices(start, end)],
                text,
                Timestamp(0),
            );
            a.status = status;
            set.insert_annotation(a);
        }
        set
    }

    #[test]
    fn nested_spans_paint_the_longer_first_and_orphans_not_at_all() {
        let set = set_with(&[
            (1, "source", 5, 11, AnnotationStatus::Ok),
            (2, "claim", 0, 40, AnnotationStatus::NeedsReview),
            (3, "cue", 0, 4, AnnotationStatus::Orphan),
        ]);
        let schema = Schema::fact_checking();
        let hs = highlights_for(&set, &schema, None);
        let ids: Vec<u64> = hs.iter().map(|h| h.annotation.0).collect();
        assert_eq!(ids, vec![2, 1]);
        assert!(hs[0].outline.is_some(), "needs review is outlined");
        assert!(hs[1].outline.is_none());
        let claim = label_colour(&schema, "claim");
        assert_eq!(
            hs[0].fill,
            Color32::from_rgba_unmultiplied(claim.r(), claim.g(), claim.b(), FILL_ALPHA)
        );
    }

    #[test]
    fn the_selection_colour_differs_from_every_label_colour_in_both_themes() {
        let schema = Schema::fact_checking();
        for (dark, background) in [(true, Color32::from_gray(27)), (false, Color32::WHITE)] {
            let selection = selection_fill(dark);
            for label in &schema.labels {
                let c = label_colour(&schema, &label.id);
                let fill = Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), FILL_ALPHA);
                let d = blended_distance(selection, fill, background);
                assert!(d >= 40, "{} vs selection (dark: {dark}): {d}", label.id);
            }
        }
    }

    #[test]
    fn identical_and_nested_spans_get_their_own_lanes_and_a_count() {
        let set = set_with(&[
            (1, "claim", 0, 40, AnnotationStatus::Ok),
            (2, "source", 5, 11, AnnotationStatus::Ok),
            (3, "quote", 5, 11, AnnotationStatus::Ok),
        ]);
        let hs = highlights_for(&set, &Schema::fact_checking(), None);
        let lanes: Vec<(u64, usize, usize)> = hs
            .iter()
            .map(|h| (h.annotation.0, h.lane, h.count))
            .collect();
        assert_eq!(lanes, vec![(1, 0, 1), (2, 1, 2), (3, 2, 1)]);
    }

    #[test]
    fn the_selected_annotation_is_stronger_and_outlined() {
        let set = set_with(&[(1, "source", 5, 11, AnnotationStatus::Ok)]);
        let hs = highlights_for(&set, &Schema::fact_checking(), Some(AnnotationId(1)));
        assert_eq!(hs[0].fill.a(), SELECTED_ALPHA);
        assert!(hs[0].outline.is_some());
    }
}
