//! The eframe window: the document view, panels and the commands they emit. Units: egui points.

pub mod agreement_panel;
pub mod annotation_panel;
pub mod app;
pub mod arcs;
pub mod bidi_marks;
pub mod claims_table;
pub mod command_table;
pub mod commands;
pub mod document_view;
pub mod gestures;
pub mod highlight_index;
pub mod highlights;
pub mod inspector;
pub mod label_bar;
pub mod menu;
pub mod notices;
pub mod painter;
pub mod preferences;
pub mod probe;
pub mod shortcut_sheet;
pub mod shortcuts;
pub mod status_bar;
pub mod widgets;

pub use app::HamishApp;
pub use commands::{CloseChoice, Command, ZoomStep};
pub use document_view::{DocumentView, Selection};
pub use highlights::Highlight;
pub use notices::{Notice, Severity};

use std::path::Path;

/// Opens the window on `file` (or the bundled sample) and runs until it is closed.
pub fn run_window(file: Option<&Path>) -> Result<(), eframe::Error> {
    let title = match file.and_then(|p| p.file_name()) {
        Some(name) => format!("{} — Hamish", name.to_string_lossy()),
        None => "Hamish".to_owned(),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1240.0, 820.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let app = HamishApp::new(file);
    eframe::run_native(
        "Hamish",
        options,
        Box::new(|cc| {
            HamishApp::configure(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
}
