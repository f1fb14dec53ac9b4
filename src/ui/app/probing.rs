//! What the window tells a script through the probe file (`ui::probe`): the document view's
//! geometry, how far the text is laid out, the caret (where it is and where it was painted) and
//! selection, the bidi controls marked, the selected and linking
//! annotations, counts, whether it is saved and the status message; for the workbench, the open
//! text's name, schema and status, the folder's scan, the search hits and the interface language.
//! Units: egui points on screen, char offsets into the open text.

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
        if let Some(layout) = view.layout() {
            // How far the text is laid out from the top, and whether all of it is.
            let complete = if layout.is_complete() {
                "complete"
            } else {
                "partial"
            };
            facts.push(
                "laid",
                [layout.laid_out_chars().to_string(), complete.to_owned()],
            );
        }
        if let Some(rect) = view.painted_caret_rect() {
            facts.push("painted_caret", rect_fields(rect));
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
        self.workbench_facts(&mut facts);
        facts
    }

    /// `document` (name, schema id, status), `folder` (texts, summaries read, scan running),
    /// `hits` (search hits, or `-` with the search closed), `language`.
    fn workbench_facts(&self, facts: &mut ProbeFacts) {
        if let Some(open) = self.document() {
            let schema = open.session.schema().id.clone();
            let status = open.session.set().document_status.name().to_owned();
            facts.push("document", [open.name.clone(), schema, status]);
        }
        if let Some(corpus) = self.workspace.corpus() {
            let progress = corpus.progress();
            let running = if progress.running { "running" } else { "done" };
            let fields = [progress.total, progress.read].map(|n| n.to_string());
            facts.push("folder", fields.into_iter().chain([running.to_owned()]));
        }
        let hits = if self.search.is_open() {
            self.search.hits().len().to_string()
        } else {
            "-".to_owned()
        };
        facts.push("hits", [hits]);
        facts.push("language", [format!("{:?}", self.language)]);
    }
}
