//! The status bar: file name, encoding ("(guessed)" when detected), annotation count and
//! whether it is saved, selection offsets (chars), zoom and the last confirmation. Drawn with
//! [`ArabicLabel`], so Arabic file names and messages read correctly.

use super::i18n::{row, tr, tr_count};
use super::widgets::ArabicLabel;
use crate::offset::{CharOffset, CharRange};
use crate::text::BaseDirection;

/// Formats a selection as `start–end (n chars)`, a lone caret as `caret at n`, or `no selection`.
pub fn selection_label(range: Option<CharRange>, caret: Option<CharOffset>) -> String {
    match (range, caret) {
        (Some(r), _) if !r.is_empty() => tr_count(
            "selection-chars",
            &[
                ("start", r.start.0 as i64),
                ("end", r.end.0 as i64),
                ("n", r.len() as i64),
            ],
        ),
        (_, Some(c)) => tr_count("caret-at", &[("at", c.0 as i64)]),
        (Some(r), None) => tr_count("caret-at", &[("at", r.start.0 as i64)]),
        (None, None) => tr("no selection"),
    }
}

/// What the status bar shows.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusLine<'a> {
    /// The file's name.
    pub file_name: &'a str,
    /// The encoding, e.g. "Windows-1256 (guessed)".
    pub encoding: String,
    /// How many annotations the document has (`None` without a document).
    pub annotations: Option<usize>,
    /// True when there are unsaved changes.
    pub modified: bool,
    /// The selection.
    pub selection: Option<CharRange>,
    /// Where the caret is, when there is one.
    pub caret: Option<CharOffset>,
    /// Who annotates ("annotator: alice", "reading bob's version"); empty to show nothing.
    pub annotator: String,
    /// Zoom factor, 1.0 = 100 %.
    pub zoom: f32,
    /// The last confirmation ("Saved … to …"), if any.
    pub message: Option<&'a str>,
}

/// Shows the status bar line.
pub fn status_bar_ui(ui: &mut egui::Ui, status: &StatusLine<'_>) {
    // From the right in Arabic, like the menus.
    row(ui, |ui| {
        // A file name reads left to right, as a file manager shows it ("خبر عاجل.txt", not
        // "txt.خبر عاجل").
        ui.add(ArabicLabel::new(status.file_name).direction(BaseDirection::Ltr));
        ui.separator();
        ui.add(ArabicLabel::new(&status.encoding));
        ui.separator();
        if !status.annotator.is_empty() {
            ui.add(ArabicLabel::new(&status.annotator));
            ui.separator();
        }
        if let Some(count) = status.annotations {
            let id = if status.modified {
                "status-unsaved"
            } else {
                "status-saved"
            };
            ui.add(ArabicLabel::interface(tr_count(id, &[("n", count as i64)])));
            ui.separator();
        }
        ui.add(ArabicLabel::new(selection_label(
            status.selection,
            status.caret,
        )));
        ui.separator();
        ui.add(ArabicLabel::new(format!("{:.0} %", status.zoom * 100.0)));
        if let Some(message) = status.message {
            ui.separator();
            ui.add(ArabicLabel::new(message).elide());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_label_counts_chars() {
        assert_eq!(
            selection_label(Some(CharRange::from_indices(12, 5)), Some(CharOffset(5))),
            "5–12 (7 chars)"
        );
        assert_eq!(selection_label(None, Some(CharOffset(7))), "caret at 7");
        assert_eq!(selection_label(None, None), "no selection");
    }
}
