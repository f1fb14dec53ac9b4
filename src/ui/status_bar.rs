//! The status bar: file name, encoding, selection offsets (chars) and zoom.

use crate::offset::CharRange;

/// Formats a selection as `start–end (n chars)`, or `no selection`.
pub fn selection_label(range: Option<CharRange>) -> String {
    match range {
        Some(r) => format!("{}–{} ({} chars)", r.start.0, r.end.0, r.len()),
        None => "no selection".to_owned(),
    }
}

/// Shows the status bar line.
pub fn status_bar_ui(ui: &mut egui::Ui, file_name: &str, selection: Option<CharRange>, zoom: f32) {
    ui.horizontal(|ui| {
        ui.label(file_name);
        ui.separator();
        ui.label("UTF-8");
        ui.separator();
        ui.label(selection_label(selection));
        ui.separator();
        ui.label(format!("{:.0} %", zoom * 100.0));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_label_counts_chars() {
        assert_eq!(
            selection_label(Some(CharRange::from_indices(12, 5))),
            "5–12 (7 chars)"
        );
        assert_eq!(selection_label(None), "no selection");
    }
}
