//! The workbench actions of the application layer without a window: label all hits of a
//! search as one undo step, schema presets, folders (a thousand texts, next/previous saving the
//! work, the status and the list's filter).

use super::*;
use crate::search::SearchOptions;
use crate::store::sidecar::load_sidecar;
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

use crate::model::set::DocumentStatus;
use crate::workspace::corpus::CorpusFilter;

/// A folder of `n` texts `text-0000.txt`…, every tenth with an annotations file of `k % 7`
/// claims made through a session.
fn folder_of_texts(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for k in 0..n {
        let path = dir.path().join(format!("text-{k:04}.txt"));
        std::fs::write(&path, format!("قال الوزير إن الخطة رقم {k} نجحت.")).unwrap();
        if k % 10 == 0 {
            let mut ws = Workspace::new("t");
            ws.execute(Action::Open {
                path,
                encoding: None,
            })
            .unwrap();
            for _ in 0..k % 7 {
                ws.execute(Action::Annotate {
                    label: "claim".into(),
                    range: crate::offset::CharRange::from_indices(0, 3),
                })
                .unwrap();
            }
            ws.execute(Action::Save).unwrap();
        }
    }
    dir
}

#[test]
fn a_folder_of_a_thousand_texts_shows_its_first_text_before_the_scan_has_read_them() {
    let dir = folder_of_texts(1000);
    let mut ws = Workspace::new("t");
    let outcome = ws
        .execute(Action::OpenFolder {
            path: dir.path().to_owned(),
        })
        .unwrap();
    assert!(outcome.changes.opened);
    // The first text is open now; the others' summaries come from the background scan, which
    // the workspace takes in only when polled: opening did not wait for 999 files to be read.
    assert_eq!(ws.open_text().unwrap().name, "text-0000.txt");
    let corpus = ws.corpus().unwrap();
    assert_eq!(corpus.entries().len(), 1000);
    assert_eq!(corpus.current(), Some(0));
    assert_eq!(
        corpus.progress().read,
        1,
        "only the open text's summary so far"
    );
    let started = std::time::Instant::now();
    while ws.corpus().unwrap().progress().read < 1000 {
        ws.poll_scan();
        assert!(started.elapsed().as_secs() < 60, "the scan ends");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let corpus = ws.corpus().unwrap();
    assert!(!corpus.progress().running || corpus.progress().read == 1000);
    for (k, entry) in corpus.entries().iter().enumerate() {
        let summary = entry.summary.as_ref().unwrap();
        let expected = if k % 10 == 0 { k % 7 } else { 0 };
        assert_eq!(summary.annotations, expected, "{}", entry.name);
        assert_eq!(
            summary.per_label.get("claim").copied().unwrap_or(0),
            expected
        );
    }
}

#[test]
fn next_and_previous_save_the_work_and_keep_it() {
    let dir = folder_of_texts(3);
    let mut ws = Workspace::new("t");
    ws.execute(Action::OpenFolder {
        path: dir.path().to_owned(),
    })
    .unwrap();
    let annotate = |ws: &mut Workspace| {
        ws.execute(Action::Annotate {
            label: "cue".into(),
            range: crate::offset::CharRange::from_indices(0, 3),
        })
        .unwrap();
    };
    annotate(&mut ws);
    let all = CorpusFilter::default();
    let step = |ws: &mut Workspace, forward| {
        ws.execute(Action::StepDocument {
            forward,
            filter: CorpusFilter::default(),
        })
        .unwrap()
    };
    let moved = step(&mut ws, true);
    assert!(moved
        .messages
        .iter()
        .any(|m| m.text.starts_with("Saved 1 annotation")));
    assert_eq!(ws.open_text().unwrap().name, "text-0001.txt");
    let first = load_sidecar(&dir.path().join("text-0000.txt.ann.ron")).unwrap();
    assert_eq!(first.set.len(), 1, "saved when moving on");
    annotate(&mut ws);
    annotate(&mut ws);
    step(&mut ws, false);
    assert_eq!(ws.open_text().unwrap().session.set().len(), 1);
    let second = load_sidecar(&dir.path().join("text-0001.txt.ann.ron")).unwrap();
    assert_eq!(second.set.len(), 2);
    // The browser's summaries follow.
    let corpus = ws.corpus().unwrap();
    assert_eq!(corpus.entries()[1].summary.as_ref().unwrap().annotations, 2);
    // Before the first text there is none.
    let none = step(&mut ws, false);
    assert!(none.messages[0].text.contains("first text"));
    assert_eq!(ws.corpus().unwrap().step(true, &all), Some(1));
}

#[test]
fn the_status_is_kept_in_the_annotations_file_and_filters_the_list() {
    let dir = folder_of_texts(3);
    let mut ws = Workspace::new("t");
    ws.execute(Action::OpenFolder {
        path: dir.path().to_owned(),
    })
    .unwrap();
    ws.execute(Action::SetDocumentStatus {
        status: DocumentStatus::Done,
    })
    .unwrap();
    assert!(ws.is_modified());
    let status_of = |ws: &Workspace, i: usize| {
        ws.corpus().unwrap().entries()[i]
            .summary
            .as_ref()
            .map(|s| s.status)
    };
    assert_eq!(status_of(&ws, 0), Some(DocumentStatus::Done));
    ws.execute(Action::Undo).unwrap();
    assert_eq!(status_of(&ws, 0), Some(DocumentStatus::New));
    ws.execute(Action::Redo).unwrap();
    // Next among the new texts: the done one is left out.
    let only_new = CorpusFilter {
        status: Some(DocumentStatus::New),
        ..CorpusFilter::default()
    };
    ws.execute(Action::StepDocument {
        forward: true,
        filter: only_new.clone(),
    })
    .unwrap();
    let saved = std::fs::read_to_string(dir.path().join("text-0000.txt.ann.ron")).unwrap();
    assert!(saved.contains("    status: Done,\n"), "{saved}");
    assert_eq!(
        load_sidecar(&dir.path().join("text-0000.txt.ann.ron"))
            .unwrap()
            .set
            .document_status,
        DocumentStatus::Done
    );
    // Back with the same filter: the done text is not listed.
    let back = ws
        .execute(Action::StepDocument {
            forward: false,
            filter: only_new,
        })
        .unwrap();
    assert!(back.messages[0].text.contains("first text"));
    // The name filter sees through harakat and hamza forms.
    let by_name = CorpusFilter {
        name: "TEXT-0002".into(),
        status: None,
    };
    let corpus = ws.corpus().unwrap();
    let listed: Vec<&str> = corpus
        .entries()
        .iter()
        .filter(|e| by_name.accepts(e))
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(listed, ["text-0002.txt"]);
}

#[test]
fn an_empty_folder_is_refused_and_several_files_open_together() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "x").unwrap();
    let mut ws = Workspace::new("t");
    let err = ws
        .execute(Action::OpenFolder {
            path: dir.path().to_owned(),
        })
        .unwrap_err();
    assert!(matches!(err, ActionError::EmptyFolder(_)), "{err}");
    let a = dir.path().join("أ.txt");
    let b = dir.path().join("ب.txt");
    std::fs::write(&a, "نص أول").unwrap();
    std::fs::write(&b, "نص ثان").unwrap();
    ws.execute(Action::OpenFiles {
        paths: vec![b.clone(), a.clone()],
    })
    .unwrap();
    assert_eq!(ws.open_text().unwrap().session.source().path, b);
    assert!(ws.corpus().unwrap().folder().is_none());
    ws.execute(Action::GoToDocument { index: 1 }).unwrap();
    assert_eq!(ws.open_text().unwrap().session.source().path, a);
    assert!(matches!(
        ws.execute(Action::GoToDocument { index: 5 }),
        Err(ActionError::NoSuchText(5))
    ));
}

#[test]
fn an_edited_schema_is_saved_atomically_and_annotations_of_a_removed_label_are_kept() {
    use crate::model::schema::Schema;
    let (dir, path, mut ws) = opened_with("قال محمد في القاهرة");
    ws.execute(Action::Annotate {
        label: "cue".into(),
        range: crate::offset::CharRange::from_indices(0, 3),
    })
    .unwrap();
    let mut schema = ws.open_text().unwrap().session.schema().clone();
    schema.labels.retain(|l| l.id != "cue");
    // A relation type naming the removed label is a problem too; this one goes.
    let still_names_cue = crate::workspace::schema_files::problems_for_saving(&schema);
    assert!(
        still_names_cue[0].to_string().contains("cue-of"),
        "{still_names_cue:?}"
    );
    schema.relations.retain(|r| r.id != "cue-of");
    schema.labels[0].name_ar = "زعم".into();
    schema.labels[0].hotkey = Some('٧');
    // Problems are refused with each one named, and nothing is written.
    let mut broken = schema.clone();
    broken.labels[1].id = "my source".into();
    broken.labels[2].hotkey = Some('٧');
    let err = ws
        .execute(Action::SaveFolderSchema {
            folder: dir.path().to_owned(),
            schema: Box::new(broken),
        })
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("white space") && text.contains("hotkey"),
        "{text}"
    );
    assert!(!dir.path().join("schema.ron").exists());
    let outcome = ws
        .execute(Action::SaveFolderSchema {
            folder: dir.path().to_owned(),
            schema: Box::new(schema.clone()),
        })
        .unwrap();
    assert!(outcome
        .messages
        .iter()
        .any(|m| m.text.contains("1 annotation(s)")));
    let written = std::fs::read_to_string(dir.path().join("schema.ron")).unwrap();
    assert_eq!(
        Schema::from_ron_str(&written, "schema.ron").unwrap(),
        schema
    );
    let open = ws.open_text().unwrap();
    assert_eq!(open.session.schema().labels[0].name_ar, "زعم");
    assert_eq!(open.session.set().len(), 1, "the cue is kept");
    // Saved and reopened: still there, under the folder's schema.
    ws.execute(Action::Save).unwrap();
    ws.execute(Action::Open {
        path,
        encoding: None,
    })
    .unwrap();
    let open = ws.open_text().unwrap();
    assert_eq!(
        open.session.set().annotations().next().unwrap().label,
        "cue"
    );
    assert!(open.session.schema().label("cue").is_none());
    // A second save keeps the first file as .bak.
    ws.execute(Action::SaveFolderSchema {
        folder: dir.path().to_owned(),
        schema: Box::new(schema),
    })
    .unwrap();
    assert!(dir.path().join("schema.ron.bak").exists());
}
