//! The sources of the window whose `tr("…")` strings the translation test checks (tests only).

/// (file, its text), for every file of `ui` that calls `tr`, `tr_count` or `tr_args`, and the
/// files of the application layer whose messages have keys.
pub const SOURCES: &[(&str, &str)] = &[
    ("agreement_panel.rs", include_str!("agreement_panel.rs")),
    ("annotation_panel.rs", include_str!("annotation_panel.rs")),
    ("app.rs", include_str!("app.rs")),
    ("app/factcheck.rs", include_str!("app/factcheck.rs")),
    ("charts.rs", include_str!("charts.rs")),
    ("claims_table.rs", include_str!("claims_table.rs")),
    ("corpus_browser.rs", include_str!("corpus_browser.rs")),
    ("file_picker.rs", include_str!("file_picker.rs")),
    ("inspector.rs", include_str!("inspector.rs")),
    ("label_bar.rs", include_str!("label_bar.rs")),
    ("menu.rs", include_str!("menu.rs")),
    ("notices.rs", include_str!("notices.rs")),
    (
        "preferences_window.rs",
        include_str!("preferences_window.rs"),
    ),
    ("schema_editor.rs", include_str!("schema_editor.rs")),
    ("schema_legend.rs", include_str!("schema_legend.rs")),
    ("search_bar.rs", include_str!("search_bar.rs")),
    ("shortcut_sheet.rs", include_str!("shortcut_sheet.rs")),
    ("status_bar.rs", include_str!("status_bar.rs")),
    // Messages of the application layer with a key (`Message::keyed`).
    ("workspace/files.rs", include_str!("../workspace/files.rs")),
    ("workspace/open.rs", include_str!("../workspace/open.rs")),
    ("workspace/edits.rs", include_str!("../workspace/edits.rs")),
    (
        "workspace/batch/agree.rs",
        include_str!("../workspace/batch/agree.rs"),
    ),
    (
        "workspace/batch/note.rs",
        include_str!("../workspace/batch/note.rs"),
    ),
    ("workspace/mod.rs", include_str!("../workspace/mod.rs")),
    (
        "workspace/label_all.rs",
        include_str!("../workspace/label_all.rs"),
    ),
    (
        "workspace/schema_files.rs",
        include_str!("../workspace/schema_files.rs"),
    ),
    (
        "workspace/corpus/actions.rs",
        include_str!("../workspace/corpus/actions.rs"),
    ),
];
