//! Where annotation marks go on a laid-out text, for the window and `hamish render` alike: lanes
//! that keep overlapping spans visible (`lanes`), and relation arcs routed through the gaps above
//! lines (`arcs`). Geometry only, no drawing. Offsets are chars; geometry is the layout's px.

pub mod arcs;
pub mod lanes;

pub use arcs::{ArcPlan, ArcShape, ArcStyle};
pub use lanes::{span_marks, SpanMark};
