//! Annotation highlights as the document view paints them: one translucent fill per range in the
//! label's colour, outlined when the annotation needs review or is selected. Ranges are chars into
//! the document's text; colours are egui's (sRGB, unmultiplied alpha given below).

use crate::model::annotation::{AnnotationId, AnnotationStatus};
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::offset::CharRange;
use egui::{Color32, Stroke};

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
            out.push(Highlight {
                annotation: a.id,
                range: *range,
                fill,
                outline,
            });
        }
    }
    // Stable: equal lengths keep text order.
    out.sort_by_key(|h| std::cmp::Reverse(h.range.len()));
    out
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
    fn the_selected_annotation_is_stronger_and_outlined() {
        let set = set_with(&[(1, "source", 5, 11, AnnotationStatus::Ok)]);
        let hs = highlights_for(&set, &Schema::fact_checking(), Some(AnnotationId(1)));
        assert_eq!(hs[0].fill.a(), SELECTED_ALPHA);
        assert!(hs[0].outline.is_some());
    }
}
