//! What the window tells a script through the probe file (`ui::probe`): the document view's
//! geometry, the caret and selection, the bidi controls marked, the selected and linking
//! annotations, counts, whether it is saved and the status message. Units: egui points on screen,
//! char offsets into the open text.

use super::HamishApp;
use crate::ui::probe::{self, rect_fields, ProbeFacts};

impl HamishApp {
    /// Hands this frame's facts to the probe, when a probe file is written.
    pub(super) fn publish_probe(&self, ctx: &egui::Context) {
        if probe::is_active(ctx) {
            probe::publish(ctx, self.probe_facts());
        }
    }

    fn probe_facts(&self) -> ProbeFacts {
        let mut facts = ProbeFacts::default();
        let view = &self.view;
        facts.push("view", rect_fields(view.visible_rect()));
        let origin = view.document_origin();
        facts.push("origin", [origin.x, origin.y].map(|v| format!("{v:.1}")));
        if let Some((width, font_size)) = view.layout_size() {
            facts.push("layout", [width, font_size].map(|v| format!("{v}")));
        }
        match view.caret().zip(view.caret_screen_rect()) {
            Some((caret, rect)) => facts.push(
                "caret",
                [caret.offset.0.to_string()]
                    .into_iter()
                    .chain(rect_fields(rect)),
            ),
            None => facts.push("caret", ["-".to_owned()]),
        }
        match view.selection_range().filter(|r| !r.is_empty()) {
            Some(r) => facts.push("selection", [r.start.0, r.end.0].map(|v| v.to_string())),
            None => facts.push("selection", ["-".to_owned()]),
        }
        let marks = view
            .bidi_marks()
            .iter()
            .map(|(control, _)| format!("{} {}", control.name, control.offset.0));
        facts.push("bidi", marks);
        let id_or_dash = |id: Option<_>| id.map_or("-".to_owned(), |id| format!("{id}"));
        facts.push("selected", [id_or_dash(self.selected)]);
        facts.push("linking", [id_or_dash(self.bench.linking)]);
        if let Some(open) = self.document() {
            let set = open.session.set();
            let counts = [set.len(), set.relations().count()];
            facts.push("counts", counts.map(|n| n.to_string()));
        }
        let modified = if self.workspace.is_modified() {
            "yes"
        } else {
            "no"
        };
        facts.push("modified", [modified.to_owned()]);
        facts.push("status", [self.status_message.clone().unwrap_or_default()]);
        facts
    }
}
