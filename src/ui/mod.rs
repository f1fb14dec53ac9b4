//! The eframe window: the document view, panels and the commands they emit. Units: egui points.

pub mod agreement_panel;
pub mod annotation_panel;
pub mod app;
pub mod arcs;
pub mod bidi_marks;
pub mod charts;
pub mod claims_table;
pub mod command_table;
pub mod commands;
pub mod corpus_browser;
pub mod document_view;
pub mod error_detail;
pub mod error_text;
pub mod file_picker;
pub mod gestures;
pub mod highlight_index;
pub mod highlights;
pub mod i18n;
#[cfg(test)]
mod i18n_sources;
pub mod inspector;
pub mod label_bar;
pub mod menu;
pub mod notices;
pub mod painter;
pub mod preferences_window;
pub mod probe;
pub mod rtl_widgets;
pub mod schema_editor;
pub mod schema_legend;
pub mod search_bar;
pub mod shortcut_sheet;
pub mod shortcuts;
pub mod status_bar;
pub mod widgets;

use crate::workspace::preferences::Preferences;
pub use app::HamishApp;
pub use commands::{CloseChoice, Command, ZoomStep};
pub use document_view::{DocumentView, Selection};
pub use highlights::Highlight;
pub use notices::{Notice, Severity};

/// Opens the window, runs `open` (what the command line asked to open) and runs until the
/// window is closed.
pub fn run_window(open: crate::workspace::Action) -> Result<(), eframe::Error> {
    let title = "Hamish".to_owned();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1240.0, 820.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let app = HamishApp::for_window(open, Preferences::default_path());
    eframe::run_native(
        "Hamish",
        options,
        Box::new(|cc| {
            HamishApp::configure(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
}
