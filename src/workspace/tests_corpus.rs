//! The workbench actions of the application layer without a window: label all hits of a
//! search as one undo step.

use super::*;
use crate::search::SearchOptions;
use std::path::PathBuf;

/// A folder with `article.txt` holding `text`, and a workspace with it open.
fn opened_with(text: &str) -> (tempfile::TempDir, PathBuf, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    let mut ws = Workspace::new("tester");
    ws.execute(Action::Open {
        path: path.clone(),
        encoding: None,
    })
    .unwrap();
    (dir, path, ws)
}

fn labelled(ws: &Workspace, label: &str) -> Vec<String> {
    let open = ws.open_text().unwrap();
    let chars: Vec<char> = open.session.source().text.chars().collect();
    open.session
        .set()
        .annotations_in_text_order()
        .into_iter()
        .filter(|a| a.label == label)
        .map(|a| {
            chars[a.ranges[0].start.0..a.ranges[0].end.0]
                .iter()
                .collect()
        })
        .collect()
}

fn label_all(ws: &mut Workspace, label: &str, query: &str, options: SearchOptions) -> Outcome {
    ws.execute(Action::LabelAllHits {
        label: label.into(),
        query: query.into(),
        options,
    })
    .unwrap()
}

#[test]
fn label_all_hits_is_one_undo_step_and_skips_hits_carrying_the_label() {
    let text = "قالت الْقَاعِدَةُ إن القاعدة باقية، وقال خصوم القاعدة غير ذلك.";
    let (_dir, _path, mut ws) = opened_with(text);
    // One hit already carries the label: it is skipped, not doubled.
    let second = text.find("إن القاعدة").unwrap() + "إن ".len();
    let start = text[..second].chars().count();
    ws.execute(Action::Annotate {
        label: "source".into(),
        range: crate::offset::CharRange::from_indices(start, start + 7),
    })
    .unwrap();
    let outcome = label_all(&mut ws, "source", "القاعدة", SearchOptions::default());
    assert!(outcome.changes.annotations && outcome.changes.ranges);
    assert!(
        outcome.messages[0].text.contains("Labelled 2 hit(s)")
            && outcome.messages[0].text.contains("1 already carried it"),
        "{:?}",
        outcome.messages
    );
    assert_eq!(labelled(&ws, "source"), ["الْقَاعِدَةُ", "القاعدة", "القاعدة"]);
    // Again: nothing new.
    let again = label_all(&mut ws, "source", "القاعدة", SearchOptions::default());
    assert!(!again.changes.annotations);
    assert!(again.messages[0]
        .text
        .contains("All 3 hit(s) already carry"));
    // Another label is not blocked by the first one.
    label_all(&mut ws, "claim", "القاعدة", SearchOptions::default());
    assert_eq!(labelled(&ws, "claim").len(), 3);
    // One undo takes back all three claims; a second one the two sources.
    ws.execute(Action::Undo).unwrap();
    assert!(labelled(&ws, "claim").is_empty());
    assert_eq!(labelled(&ws, "source").len(), 3);
    ws.execute(Action::Undo).unwrap();
    assert_eq!(labelled(&ws, "source"), ["القاعدة"]);
    ws.execute(Action::Redo).unwrap();
    assert_eq!(labelled(&ws, "source").len(), 3);
}

#[test]
fn label_all_refuses_unknown_labels_and_bad_patterns_without_changes() {
    let (_dir, _path, mut ws) = opened_with("قال الوزير");
    let unknown = ws.execute(Action::LabelAllHits {
        label: "PER".into(),
        query: "الوزير".into(),
        options: SearchOptions::default(),
    });
    assert!(matches!(unknown, Err(ActionError::UnknownLabel { .. })));
    let regex = SearchOptions {
        regex: true,
        ..SearchOptions::default()
    };
    let bad = ws.execute(Action::LabelAllHits {
        label: "source".into(),
        query: "(الوزير".into(),
        options: regex,
    });
    assert!(matches!(bad, Err(ActionError::Search(_))), "{bad:?}");
    assert!(!ws.is_modified());
    let none = label_all(&mut ws, "source", "الرئيس", SearchOptions::default());
    assert_eq!(none.messages[0].text, "No hits to label.");
}

#[test]
fn with_clitics_a_name_after_wa_is_labelled_without_the_wa() {
    let (_dir, _path, mut ws) = opened_with("قاتلت جبهة النصرة وجبهة النصرة.");
    let clitics = SearchOptions {
        whole_word: true,
        clitics: true,
        ..SearchOptions::default()
    };
    label_all(&mut ws, "source", "جبهة النصرة", clitics);
    assert_eq!(labelled(&ws, "source"), ["جبهة النصرة", "جبهة النصرة"]);
    let first = ws
        .open_text()
        .unwrap()
        .session
        .set()
        .annotations_in_text_order()[1]
        .ranges[0];
    assert_eq!(first.start.0, "قاتلت جبهة النصرة و".chars().count());
}

#[test]
fn a_preset_becomes_the_folder_schema_and_the_open_text_follows_it() {
    let (dir, path, mut ws) = opened_with("قال محمد في القاهرة");
    assert_eq!(ws.open_text().unwrap().session.schema().id, "fact-checking");
    let outcome = ws
        .execute(Action::UseSchemaPreset {
            folder: dir.path().to_owned(),
            preset: "named-entities".into(),
        })
        .unwrap();
    assert!(outcome.changes.annotations_shown());
    let written = std::fs::read_to_string(dir.path().join("schema.ron")).unwrap();
    assert!(written.starts_with("// Hamish bundled schema: named entities"));
    let open = ws.open_text().unwrap();
    assert_eq!(open.session.schema().id, "named-entities");
    assert_eq!(
        *open.session.schema_source(),
        crate::store::sidecar::SchemaSource::Folder
    );
    // The new label works, and the sidecar names the folder's schema.
    ws.execute(Action::Annotate {
        label: "PER".into(),
        range: crate::offset::CharRange::from_indices(4, 8),
    })
    .unwrap();
    ws.execute(Action::Save).unwrap();
    let sidecar = std::fs::read_to_string(crate::store::sidecar::sidecar_path(&path)).unwrap();
    assert!(sidecar.contains("schema: Folder"), "{sidecar}");
    // A second preset never replaces the file.
    let err = ws
        .execute(Action::UseSchemaPreset {
            folder: dir.path().to_owned(),
            preset: "news-rhetoric".into(),
        })
        .unwrap_err();
    assert!(matches!(err, ActionError::SchemaExists(_)), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("schema.ron")).unwrap(),
        written
    );
}

#[test]
fn a_text_annotated_under_another_schema_keeps_it_when_a_preset_is_chosen() {
    let (dir, _path, mut ws) = opened_with("قال محمد في القاهرة");
    ws.execute(Action::Annotate {
        label: "cue".into(),
        range: crate::offset::CharRange::from_indices(0, 3),
    })
    .unwrap();
    let outcome = ws
        .execute(Action::UseSchemaPreset {
            folder: dir.path().to_owned(),
            preset: "news-rhetoric".into(),
        })
        .unwrap();
    assert_eq!(ws.open_text().unwrap().session.schema().id, "fact-checking");
    assert!(outcome
        .messages
        .iter()
        .any(|m| m.text.contains("keeps the schema")));
    let unknown = ws.execute(Action::UseSchemaPreset {
        folder: dir.path().to_owned(),
        preset: "nope".into(),
    });
    assert!(matches!(unknown, Err(ActionError::NoSuchPreset(_))));
}
