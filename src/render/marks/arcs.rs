//! Relation arcs over a laid-out text, routed as brat draws them but for right-to-left reading:
//! an arc leaves the top of one span, runs through the empty gap above its line and comes down on
//! the other span, so it never crosses a line of glyphs. Arcs that share a gap are stacked in
//! levels (shorter ones lower); the gap above each line is made as tall as its levels need
//! ([`ArcPlan::space_above`], for [`TextLayout::set_space_above`]). An arc between two lines is
//! drawn in two halves that follow the reading order: the first leaves its line at the line's
//! end (the left edge of an Arabic line), the second enters the later line at its start (the
//! right edge); both carry the relation's name. Units: the layout's px.

use crate::model::annotation::{AnnotationId, AnnotationStatus};
use crate::model::relation::RelationId;
use crate::model::set::AnnotationSet;
use crate::text::{Point, Rect, TextLayout};
use std::collections::HashMap;

/// Sizes of arcs, px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArcStyle {
    /// Height of one level: the label's line and a little air.
    pub level_height: f32,
    /// Empty space kept between the lowest level and the line below it.
    pub padding: f32,
    /// Horizontal room around a label.
    pub label_margin: f32,
    /// Distance between the ends of several arcs at one span.
    pub end_spread: f32,
    /// Radius of the rounded corners.
    pub corner: f32,
}

impl ArcStyle {
    /// Sizes for text of `font_size` px whose arc labels are `label_size` px.
    pub fn for_sizes(font_size: f32, label_size: f32) -> Self {
        Self {
            level_height: label_size * 1.5,
            padding: font_size * 0.15,
            label_margin: label_size * 0.4,
            end_spread: (font_size * 0.3).max(4.0),
            corner: label_size * 0.35,
        }
    }
}

/// Where one half (or the whole) of an arc ends.
#[derive(Debug, Clone, Copy, PartialEq)]
enum End {
    /// On a span: x of its top edge.
    Span(f32),
    /// At a line's edge (a half of an arc between lines).
    Edge(f32),
}

impl End {
    fn x(self) -> f32 {
        match self {
            End::Span(x) | End::Edge(x) => x,
        }
    }
}

/// One arc (or half) in the gap above one line, before the gap heights are known.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    relation: RelationId,
    from: AnnotationId,
    to: AnnotationId,
    line: usize,
    level: usize,
    /// The end at the relation's source side, and the one at its target side.
    source_end: End,
    target_end: End,
    label: String,
    label_width: f32,
}

impl Segment {
    /// The x extent it takes in its level: the arc and its centred label.
    fn extent(&self, style: &ArcStyle) -> (f32, f32) {
        let (a, b) = (self.source_end.x(), self.target_end.x());
        let (lo, hi) = (a.min(b), a.max(b));
        let half_label = self.label_width * 0.5 + style.label_margin;
        let mid = (lo + hi) * 0.5;
        (lo.min(mid - half_label), hi.max(mid + half_label))
    }
}

/// An arc as drawn: a path, an arrowhead at the target span, and its name's box.
#[derive(Debug, Clone, PartialEq)]
pub struct ArcShape {
    /// The relation.
    pub relation: RelationId,
    /// Its source annotation.
    pub from: AnnotationId,
    /// Its target annotation.
    pub to: AnnotationId,
    /// The path from the source side to the target side, rounded corners as short segments.
    pub path: Vec<Point>,
    /// Tip of the arrowhead (on the target span's top), when this part reaches the target.
    pub arrow_tip: Option<Point>,
    /// The relation's name.
    pub label: String,
    /// Where the name is drawn (centred on the arc's top).
    pub label_rect: Rect,
}

impl ArcShape {
    /// Distance from `p` to the path, px (for hovering).
    pub fn distance_to(&self, p: Point) -> f32 {
        if self.label_rect.contains(p) {
            return 0.0;
        }
        self.path
            .windows(2)
            .map(|w| segment_distance(p, w[0], w[1]))
            .fold(f32::INFINITY, f32::min)
    }
}

/// The arcs of a text, levelled per line.
#[derive(Debug, Clone, PartialEq)]
pub struct ArcPlan {
    style: ArcStyle,
    segments: Vec<Segment>,
    /// Levels used in the gap above each line that has arcs.
    levels: HashMap<usize, usize>,
}

impl ArcPlan {
    /// Plans the arcs of every relation of `set` whose ends are placed, on `layout` (laid out
    /// without space between lines, or with any: only x positions and line order are used).
    /// `caption` names a relation type; `label_width` measures a caption in px.
    pub fn new(
        layout: &TextLayout,
        set: &AnnotationSet,
        style: ArcStyle,
        caption: impl Fn(&str) -> String,
        mut label_width: impl FnMut(&str) -> f32,
    ) -> Self {
        let anchors = span_anchors(layout, set);
        let mut segments = Vec::new();
        for relation in set.relations() {
            let (Some(from), Some(to)) = (anchors.get(&relation.from), anchors.get(&relation.to))
            else {
                continue;
            };
            let label = caption(&relation.kind);
            let width = label_width(&label);
            let base = Segment {
                relation: relation.id,
                from: relation.from,
                to: relation.to,
                line: 0,
                level: 0,
                source_end: End::Span(0.0),
                target_end: End::Span(0.0),
                label,
                label_width: width,
            };
            segments.extend(route(layout, base, from, to));
        }
        spread_ends(&mut segments, style.end_spread);
        let levels = assign_levels(&mut segments, &style);
        Self {
            style,
            segments,
            levels,
        }
    }

    /// An empty plan (no arcs, no extra space).
    pub fn empty(style: ArcStyle) -> Self {
        Self {
            style,
            segments: Vec::new(),
            levels: HashMap::new(),
        }
    }

    /// True when there is no arc.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The empty space the arcs need above line `line`, px (0 without arcs there).
    pub fn space_above(&self, line: usize) -> f32 {
        match self.levels.get(&line) {
            Some(&n) if n > 0 => n as f32 * self.style.level_height + self.style.padding,
            _ => 0.0,
        }
    }

    /// The arcs as drawn on `layout` (the same text, after [`TextLayout::set_space_above`] with
    /// [`Self::space_above`]).
    pub fn shapes(&self, layout: &TextLayout) -> Vec<ArcShape> {
        let lines: Vec<_> = layout.lines().collect();
        self.segments
            .iter()
            .filter_map(|s| {
                let line = lines.get(s.line)?;
                Some(self.shape(s, line.top))
            })
            .collect()
    }

    fn shape(&self, s: &Segment, line_top: f32) -> ArcShape {
        let st = &self.style;
        let bottom = line_top - st.padding * 0.5;
        let y = line_top - st.padding - (s.level as f32 + 0.5) * st.level_height;
        let (x0, x1) = (s.source_end.x(), s.target_end.x());
        let mut path = Vec::new();
        let dir = if x1 >= x0 { 1.0 } else { -1.0 };
        let r = st.corner.min((x1 - x0).abs() * 0.5);
        match s.source_end {
            End::Span(_) => {
                path.push(Point::new(x0, bottom));
                corner(&mut path, Point::new(x0, y), r, 0.0, dir);
            }
            End::Edge(_) => path.push(Point::new(x0, y)),
        }
        match s.target_end {
            End::Span(_) => {
                corner(&mut path, Point::new(x1, y), r, -dir, 0.0);
                path.push(Point::new(x1, bottom));
            }
            End::Edge(_) => path.push(Point::new(x1, y)),
        }
        let label_h = st.level_height / 1.5;
        let mid = (x0 + x1) * 0.5;
        let half = s.label_width * 0.5 + st.label_margin * 0.5;
        ArcShape {
            relation: s.relation,
            from: s.from,
            to: s.to,
            path,
            arrow_tip: matches!(s.target_end, End::Span(_)).then_some(Point::new(x1, bottom)),
            label: s.label.clone(),
            label_rect: Rect::from_x_y_ranges(
                mid - half,
                mid + half,
                y - label_h * 0.55,
                y + label_h * 0.55,
            ),
        }
    }
}

/// Appends a rounded corner at `at`: coming in along (`in_x`, up when `in_x == 0`), leaving
/// along `out_x` (down when 0), radius `r`.
fn corner(path: &mut Vec<Point>, at: Point, r: f32, in_x: f32, out_x: f32) {
    const STEPS: usize = 4;
    if r <= 0.5 {
        path.push(at);
        return;
    }
    // Going up then turning sideways, or coming sideways then turning down.
    let (start, end, centre) = if in_x == 0.0 {
        (
            Point::new(at.x, at.y + r),
            Point::new(at.x + out_x * r, at.y),
            Point::new(at.x + out_x * r, at.y + r),
        )
    } else {
        (
            Point::new(at.x + in_x * r, at.y),
            Point::new(at.x, at.y + r),
            Point::new(at.x + in_x * r, at.y + r),
        )
    };
    let angle = |p: Point| (p.y - centre.y).atan2(p.x - centre.x);
    let (a0, mut a1) = (angle(start), angle(end));
    // Take the short way round (a quarter turn).
    if (a1 - a0).abs() > std::f32::consts::PI {
        a1 -= (a1 - a0).signum() * std::f32::consts::TAU;
    }
    for step in 0..=STEPS {
        let a = a0 + (a1 - a0) * step as f32 / STEPS as f32;
        path.push(Point::new(centre.x + r * a.cos(), centre.y + r * a.sin()));
    }
}

/// For each placed annotation, the top edges of its first range on each line: (line, x0, x1).
fn span_anchors(
    layout: &TextLayout,
    set: &AnnotationSet,
) -> HashMap<AnnotationId, Vec<(usize, f32, f32)>> {
    let text_len = layout.text().chars().count();
    let lines: Vec<_> = layout.lines().collect();
    let mut anchors = HashMap::new();
    for a in set.annotations() {
        if a.status == AnnotationStatus::Orphan {
            continue;
        }
        let Some(range) = a.ranges.iter().min_by_key(|r| r.start) else {
            continue;
        };
        if range.is_empty() || range.end.0 > text_len {
            continue;
        }
        let mut parts: Vec<(usize, f32, f32)> = Vec::new();
        for rect in layout.range_rects(*range) {
            let line = lines.partition_point(|l| l.bottom() <= rect.center().y);
            match parts.last_mut() {
                Some(last) if last.0 == line => {
                    last.1 = last.1.min(rect.min.x);
                    last.2 = last.2.max(rect.max.x);
                }
                _ => parts.push((line, rect.min.x, rect.max.x)),
            }
        }
        if !parts.is_empty() {
            anchors.insert(a.id, parts);
        }
    }
    anchors
}

/// The segment(s) of one relation: in one gap when its ends share a line, else two halves.
fn route(
    layout: &TextLayout,
    base: Segment,
    from: &[(usize, f32, f32)],
    to: &[(usize, f32, f32)],
) -> Vec<Segment> {
    let centre = |p: &(usize, f32, f32)| (p.1 + p.2) * 0.5;
    if let Some((f, t)) = from
        .iter()
        .find_map(|f| to.iter().find(|t| t.0 == f.0).map(|t| (f, t)))
    {
        return vec![Segment {
            line: f.0,
            source_end: End::Span(centre(f)),
            target_end: End::Span(centre(t)),
            ..base
        }];
    }
    // The closest pair of lines.
    let (f, t) = from
        .iter()
        .flat_map(|f| to.iter().map(move |t| (f, t)))
        .min_by_key(|(f, t)| f.0.abs_diff(t.0))
        .expect("both ends have parts");
    let lines: Vec<_> = layout.lines().collect();
    let width = layout.params().width;
    let edges = |line: usize| {
        if lines.get(line).is_some_and(|l| l.rtl) {
            (width, 0.0)
        } else {
            (0.0, width)
        }
    };
    let source_first = f.0 < t.0;
    let (earlier, later) = if source_first { (f, t) } else { (t, f) };
    let leave = Segment {
        line: earlier.0,
        ..base.clone()
    };
    let enter = Segment {
        line: later.0,
        ..base
    };
    // The earlier half runs from its span to the line's end; the later from the line's start.
    let (leave, enter) = if source_first {
        (
            Segment {
                source_end: End::Span(centre(earlier)),
                target_end: End::Edge(edges(earlier.0).1),
                ..leave
            },
            Segment {
                source_end: End::Edge(edges(later.0).0),
                target_end: End::Span(centre(later)),
                ..enter
            },
        )
    } else {
        (
            Segment {
                source_end: End::Edge(edges(earlier.0).1),
                target_end: End::Span(centre(earlier)),
                ..leave
            },
            Segment {
                source_end: End::Span(centre(later)),
                target_end: End::Edge(edges(later.0).0),
                ..enter
            },
        )
    };
    vec![leave, enter]
}

/// Several arcs ending at one span on one line get ends side by side, ordered by where each arc
/// goes, so they do not draw over each other.
fn spread_ends(segments: &mut [Segment], spread: f32) {
    // (annotation, line) → (segment index, is source end, other end's x)
    type Ends = Vec<(usize, bool, f32)>;
    let mut at: HashMap<(AnnotationId, usize), Ends> = HashMap::new();
    for (i, s) in segments.iter().enumerate() {
        if let End::Span(_) = s.source_end {
            at.entry((s.from, s.line))
                .or_default()
                .push((i, true, s.target_end.x()));
        }
        if let End::Span(_) = s.target_end {
            at.entry((s.to, s.line))
                .or_default()
                .push((i, false, s.source_end.x()));
        }
    }
    for ends in at.values_mut() {
        if ends.len() < 2 {
            continue;
        }
        ends.sort_by(|a, b| a.2.total_cmp(&b.2));
        let n = ends.len() as f32;
        for (k, &(i, is_source, _)) in ends.iter().enumerate() {
            let dx = (k as f32 - (n - 1.0) * 0.5) * spread;
            let end = if is_source {
                &mut segments[i].source_end
            } else {
                &mut segments[i].target_end
            };
            if let End::Span(x) = end {
                *x += dx;
            }
        }
    }
}

/// Puts each segment in the lowest level of its gap where it overlaps no other, shorter ones
/// first; returns the levels used per line.
fn assign_levels(segments: &mut [Segment], style: &ArcStyle) -> HashMap<usize, usize> {
    let mut order: Vec<usize> = (0..segments.len()).collect();
    order.sort_by(|&a, &b| {
        let width = |s: &Segment| {
            let (lo, hi) = s.extent(style);
            hi - lo
        };
        (segments[a].line, width(&segments[a]))
            .partial_cmp(&(segments[b].line, width(&segments[b])))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut taken: HashMap<(usize, usize), Vec<(f32, f32)>> = HashMap::new();
    let mut levels: HashMap<usize, usize> = HashMap::new();
    for i in order {
        let (lo, hi) = segments[i].extent(style);
        let line = segments[i].line;
        let mut level = 0;
        while taken
            .get(&(line, level))
            .is_some_and(|spans| spans.iter().any(|&(a, b)| lo < b && a < hi))
        {
            level += 1;
        }
        taken.entry((line, level)).or_default().push((lo, hi));
        segments[i].level = level;
        let used = levels.entry(line).or_insert(0);
        *used = (*used).max(level + 1);
    }
    levels
}

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(p: Point, a: Point, b: Point) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    let (qx, qy) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    (qx * qx + qy * qy).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Timestamp};
    use crate::model::relation::Relation;
    use crate::offset::CharRange;
    use crate::text::{FontSet, LayoutCache, LayoutParams};

    const TEXT: &str = "قال الوزير إن الهدنة قريبة\nوأكد المصدر ذلك";

    fn range_of(needle: &str) -> CharRange {
        let byte = TEXT.find(needle).unwrap();
        let start = TEXT[..byte].chars().count();
        CharRange::from_indices(start, start + needle.chars().count())
    }

    fn planned(links: &[(&str, &str)]) -> (TextLayout, ArcPlan, AnnotationSet) {
        let mut set = AnnotationSet::new();
        let mut ids = HashMap::new();
        for (i, needle) in ["الوزير", "الهدنة قريبة", "المصدر", "قال"]
            .iter()
            .enumerate()
        {
            let id = AnnotationId(i as u64 + 1);
            ids.insert(*needle, id);
            let range = vec![range_of(needle)];
            set.insert_annotation(Annotation::new(id, "claim", range, TEXT, Timestamp(0)));
        }
        for (i, (from, to)) in links.iter().enumerate() {
            set.insert_relation(Relation::new(
                RelationId(i as u64 + 1),
                "attributed-to",
                ids[from],
                ids[to],
            ));
        }
        let fonts = FontSet::embedded();
        let params = LayoutParams::default();
        let mut layout = TextLayout::new(TEXT, &fonts, &params, &mut LayoutCache::default());
        let style = ArcStyle::for_sizes(24.0, 14.0);
        let plan = ArcPlan::new(
            &layout,
            &set,
            style,
            |k| format!("<{k}>"),
            |s| s.len() as f32 * 7.0,
        );
        layout.set_space_above(|i| plan.space_above(i));
        (layout, plan, set)
    }

    /// The x extent of `needle`'s rectangle on its line.
    fn span_x(layout: &TextLayout, needle: &str) -> (f32, f32) {
        let r = layout.range_rects(range_of(needle))[0];
        (r.min.x, r.max.x)
    }

    #[test]
    fn an_arc_on_one_line_runs_in_the_gap_above_it_from_span_to_span() {
        let (layout, plan, _) = planned(&[("الهدنة قريبة", "الوزير")]);
        assert!(plan.space_above(0) > 0.0 && plan.space_above(1) == 0.0);
        let shapes = plan.shapes(&layout);
        assert_eq!(shapes.len(), 1);
        let arc = &shapes[0];
        let line = layout.lines().next().unwrap();
        // Everything above the line's top, nothing above the page.
        assert!(
            arc.path.iter().all(|p| p.y <= line.top && p.y >= 0.0),
            "{:?}",
            arc.path
        );
        assert!(arc.label_rect.max.y <= line.top && arc.label_rect.min.y >= 0.0);
        // It starts over the claim and ends (arrow) over the source: in Arabic the source,
        // read first, is to the right of the claim.
        let (claim, source) = (span_x(&layout, "الهدنة قريبة"), span_x(&layout, "الوزير"));
        assert!(
            source.0 > claim.1,
            "the source is right of the claim in RTL"
        );
        let start = arc.path[0];
        let tip = arc.arrow_tip.unwrap();
        assert!(start.x > claim.0 && start.x < claim.1);
        assert!(tip.x > source.0 && tip.x < source.1);
        assert_eq!(arc.label, "<attributed-to>");
        assert!(arc.distance_to(Point::new(tip.x, tip.y - 2.0)) < 1.0);
    }

    #[test]
    fn an_arc_between_lines_leaves_at_the_line_end_and_enters_at_the_next_line_start() {
        let (layout, plan, _) = planned(&[("الوزير", "المصدر")]);
        let shapes = plan.shapes(&layout);
        assert_eq!(shapes.len(), 2);
        let lines: Vec<_> = layout.lines().collect();
        let width = layout.params().width;
        let (first, second) = (&shapes[0], &shapes[1]);
        // The first half ends at the left edge of the Arabic line (its end), no arrow.
        assert_eq!(first.path.last().unwrap().x, 0.0);
        assert!(first.arrow_tip.is_none());
        assert!(first.path.iter().all(|p| p.y <= lines[0].top));
        // The second comes in from the right edge (the start) in the gap between the lines.
        assert_eq!(second.path[0].x, width);
        assert!(second
            .path
            .iter()
            .all(|p| p.y <= lines[1].top && p.y >= lines[0].bottom()));
        assert!(second.arrow_tip.is_some());
    }

    #[test]
    fn overlapping_arcs_stack_in_levels_and_ends_at_one_span_spread() {
        let (layout, plan, _) = planned(&[("الهدنة قريبة", "الوزير"), ("قال", "الهدنة قريبة")]);
        let shapes = plan.shapes(&layout);
        assert_eq!(shapes.len(), 2);
        let ys: Vec<f32> = shapes.iter().map(|s| s.label_rect.center().y).collect();
        // Both share the claim: they cannot share a level, and their labels do not overlap.
        let (a, b) = (&shapes[0].label_rect, &shapes[1].label_rect);
        let apart =
            a.max.y <= b.min.y || b.max.y <= a.min.y || a.max.x <= b.min.x || b.max.x <= a.min.x;
        assert!(apart, "{ys:?}");
        let at_claim: Vec<f32> = vec![shapes[0].path[0].x, shapes[1].arrow_tip.unwrap().x];
        assert!((at_claim[0] - at_claim[1]).abs() >= 4.0, "{at_claim:?}");
    }
}
