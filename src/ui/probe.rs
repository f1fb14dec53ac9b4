//! A probe for scripts that drive the real window (`scripts/screenshots.sh`,
//! `scripts/factcheck-scenario.sh`): with the environment variable `HAMISH_PROBE_FILE` set to a
//! path, the window writes to that file, after every frame that changed it, what a script needs to
//! aim the mouse and to check each step — the document view's place on screen, the caret, the
//! selection, the selected annotation, counts, the status message — and every widget AccessKit
//! knows, with its role, rectangle, name and value (the same tree `egui_kittest` queries). Without
//! the variable nothing is written and AccessKit is left as the platform set it.
//!
//! The file is plain text, one fact per line, fields separated by tabs:
//!
//! ```text
//! view      x0 y0 x1 y1          the visible part of the document view
//! origin    x y                  where the layout's (0, 0) is drawn, scrolling included
//! layout    width font-size      what the text was laid out for (as `hamish layout --width --font-size`)
//! laid      chars state          chars laid out from the top; `complete` or `partial` (a long text
//!                                is still being laid out; what the view shows is laid out anyway)
//! painted_caret x0 y0 x1 y1      the caret's rectangle as painted (absent when none was)
//! caret     offset x0 y0 x1 y1   the caret's char offset and rectangle (`caret -` without one)
//! selection start end            the selected chars (`selection -` without a selection)
//! bidi      name offset ...      the bidi controls marked on screen (`RLO 31`), one field each
//! selected  id                   the selected annotation, as its id prints (`T3`), or `-`
//! linking   id                   the annotation waiting for the other end of a link, or `-`
//! counts    annotations relations
//! modified  yes|no
//! status    text                 the status bar's message (may be empty)
//! widget    role x0 y0 x1 y1 name value   (top to bottom, then left to right)
//! ```
//!
//! Units: egui points from the window's top-left corner (pixels when the scale is 1, as under
//! Xvfb). The file is replaced whole (written beside it, then renamed), so a reader never sees half.

use egui::accesskit;
use std::path::PathBuf;
use std::sync::Arc;

/// The environment variable naming the probe file.
pub const PROBE_ENV: &str = "HAMISH_PROBE_FILE";

/// The facts of one frame, set by the app with [`publish`] and written after the frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProbeFacts {
    /// The lines before the widgets, without line ends.
    pub lines: Vec<String>,
}

impl ProbeFacts {
    /// Adds a line of `name` and its tab-separated `fields`.
    pub fn push(&mut self, name: &str, fields: impl IntoIterator<Item = String>) {
        let mut line = name.to_owned();
        for field in fields {
            line.push('\t');
            line.push_str(&one_line(&field));
        }
        self.lines.push(line);
    }
}

/// Tabs and line breaks inside a field would split it: they are shown as spaces and `\n`.
fn one_line(field: &str) -> String {
    field
        .replace('\t', " ")
        .replace('\r', "")
        .replace('\n', "\\n")
}

/// A rectangle's corners, rounded to tenths of a point.
pub fn rect_fields(rect: egui::Rect) -> [String; 4] {
    [rect.min.x, rect.min.y, rect.max.x, rect.max.y].map(|v| format!("{v:.1}"))
}

fn facts_id() -> egui::Id {
    egui::Id::unique("hamish-probe-facts")
}

/// True when a probe file is written (the variable is set); the app skips gathering facts
/// otherwise.
pub fn is_active(ctx: &egui::Context) -> bool {
    ctx.plugin_opt::<ProbePlugin>().is_some()
}

/// Hands this frame's facts to the probe (kept until the frame's output is written).
pub fn publish(ctx: &egui::Context, facts: ProbeFacts) {
    ctx.data_mut(|d| d.insert_temp(facts_id(), Arc::new(facts)));
}

/// Starts writing the probe file when [`PROBE_ENV`] names one.
pub fn install_from_env(ctx: &egui::Context) {
    if let Some(path) = std::env::var_os(PROBE_ENV).filter(|p| !p.is_empty()) {
        install(ctx, PathBuf::from(path));
    }
}

/// Starts writing the probe file at `path` after every frame that changes it.
pub fn install(ctx: &egui::Context, path: PathBuf) {
    ctx.add_plugin(ProbePlugin {
        path,
        written: String::new(),
    });
}

/// Writes the probe file from the frame's facts and its AccessKit tree.
struct ProbePlugin {
    path: PathBuf,
    /// What the file holds now, so an unchanged frame writes nothing.
    written: String,
}

impl egui::Plugin for ProbePlugin {
    fn debug_name(&self) -> &'static str {
        "hamish-probe"
    }

    fn setup(&mut self, ctx: &egui::Context) {
        // The widget tree with names and rectangles is built only while AccessKit is on.
        ctx.enable_accesskit();
    }

    fn output_hook(&mut self, ctx: &egui::Context, output: &mut egui::FullOutput) {
        let facts: Option<Arc<ProbeFacts>> = ctx.data(|d| d.get_temp(facts_id()));
        let mut text = String::new();
        for line in facts.iter().flat_map(|f| f.lines.iter()) {
            text.push_str(line);
            text.push('\n');
        }
        if let Some(update) = &output.platform_output.accesskit_update {
            for line in widget_lines(update) {
                text.push_str(&line);
                text.push('\n');
            }
        }
        if text == self.written {
            return;
        }
        // A probe that cannot be written only leaves the script waiting; the window goes on.
        let temp = self.path.with_extension("probe-tmp");
        if std::fs::write(&temp, &text).is_ok() && std::fs::rename(&temp, &self.path).is_ok() {
            self.written = text;
        }
    }
}

/// One line per node that has a rectangle and a name or value (text runs, the pieces of a
/// label, left out), top to bottom and left to right, so an unchanged window writes the same file.
fn widget_lines(update: &accesskit::TreeUpdate) -> Vec<String> {
    let by_id: std::collections::HashMap<accesskit::NodeId, &accesskit::Node> =
        update.nodes.iter().map(|(id, node)| (*id, node)).collect();
    let mut placed: Vec<(egui::Rect, String)> = update
        .nodes
        .iter()
        .filter(|(_, node)| node.role() != accesskit::Role::TextRun)
        .filter_map(|(_, node)| {
            let bounds = node.bounds()?;
            let name = name_of(node, &by_id);
            let value = node.value().unwrap_or_default();
            if name.is_empty() && value.is_empty() {
                return None;
            }
            let rect = egui::Rect::from_min_max(
                egui::pos2(bounds.x0 as f32, bounds.y0 as f32),
                egui::pos2(bounds.x1 as f32, bounds.y1 as f32),
            );
            let mut facts = ProbeFacts::default();
            let role = format!("{:?}", node.role());
            let fields = [role]
                .into_iter()
                .chain(rect_fields(rect))
                .chain([name, value.to_owned()]);
            facts.push("widget", fields);
            facts.lines.pop().map(|line| (rect, line))
        })
        .collect();
    placed.sort_by(|(a, la), (b, lb)| {
        (a.min.y, a.min.x)
            .partial_cmp(&(b.min.y, b.min.x))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| la.cmp(lb))
    });
    placed.into_iter().map(|(_, line)| line).collect()
}

/// A node's name: its label, else the text of the nodes it is labelled by (a drop-down is
/// named by the label beside it), as a screen reader would say it.
fn name_of(
    node: &accesskit::Node,
    by_id: &std::collections::HashMap<accesskit::NodeId, &accesskit::Node>,
) -> String {
    if let Some(label) = node.label() {
        return label.to_owned();
    }
    let parts: Vec<&str> = node
        .labelled_by()
        .iter()
        .filter_map(|id| by_id.get(id))
        .filter_map(|n| n.label().or(n.value()))
        .collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_stay_on_one_line_and_widgets_need_a_name_and_bounds() {
        let mut facts = ProbeFacts::default();
        facts.push("status", ["a\tb\nc".to_owned()]);
        assert_eq!(facts.lines, ["status\ta b\\nc"]);

        let mut named = accesskit::Node::new(accesskit::Role::ComboBox);
        named.set_labelled_by(vec![accesskit::NodeId(6)]);
        named.set_value("false");
        let mut label = accesskit::Node::new(accesskit::Role::Label);
        label.set_value("Verdict");
        named.set_bounds(accesskit::Rect::new(1.0, 2.0, 30.0, 40.5));
        let mut nameless = accesskit::Node::new(accesskit::Role::Button);
        nameless.set_bounds(accesskit::Rect::new(0.0, 0.0, 1.0, 1.0));
        let mut unplaced = accesskit::Node::new(accesskit::Role::Button);
        unplaced.set_label("OK");
        let mut above = accesskit::Node::new(accesskit::Role::Label);
        above.set_value("ادعاء");
        above.set_bounds(accesskit::Rect::new(5.0, 0.0, 9.0, 1.0));
        let mut run = accesskit::Node::new(accesskit::Role::TextRun);
        run.set_value("ادعاء");
        run.set_bounds(accesskit::Rect::new(5.0, 0.0, 9.0, 1.0));
        let update = accesskit::TreeUpdate {
            nodes: vec![
                (accesskit::NodeId(1), named),
                (accesskit::NodeId(2), nameless),
                (accesskit::NodeId(3), unplaced),
                (accesskit::NodeId(4), above),
                (accesskit::NodeId(5), run),
                (accesskit::NodeId(6), label),
            ],
            tree: None,
            tree_id: accesskit::TreeId::ROOT,
            focus: accesskit::NodeId(1),
        };
        assert_eq!(
            widget_lines(&update),
            [
                "widget\tLabel\t5.0\t0.0\t9.0\t1.0\t\tادعاء",
                "widget\tComboBox\t1.0\t2.0\t30.0\t40.5\tVerdict\tfalse"
            ]
        );
    }
}
