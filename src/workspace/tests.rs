//! Every action of the application layer and its outcome, without a window; undo of each edit.

use super::*;
use crate::model::annotation::AnnotationId;
use crate::model::attribute::AttributeValue;
use crate::model::relation::RelationId;
use crate::model::text_format::TextEncoding;
use crate::offset::CharRange;
use crate::store::formats::{ExportFormat, ImportFormat};
use crate::store::sidecar::{load_sidecar, sidecar_path};
use std::path::{Path, PathBuf};

const TEXT: &str = "قال الوزير إن الهدنة قريبة.\nوأكد المصدر ذلك.\n";

/// A folder with `article.txt` holding [`TEXT`], and a workspace with it open.
fn opened() -> (tempfile::TempDir, PathBuf, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, TEXT).unwrap();
    let mut ws = Workspace::new("tester");
    let outcome = ws
        .execute(Action::Open {
            path: path.clone(),
            encoding: None,
        })
        .unwrap();
    assert!(outcome.changes.opened);
    (dir, path, ws)
}

/// The char range of the first occurrence of `needle` in [`TEXT`].
fn range_of(needle: &str) -> CharRange {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    CharRange::from_indices(start, start + needle.chars().count())
}

fn annotate(ws: &mut Workspace, label: &str, needle: &str) -> AnnotationId {
    let outcome = ws
        .execute(Action::Annotate {
            label: label.into(),
            range: range_of(needle),
        })
        .unwrap();
    outcome.select.unwrap()
}

fn open(ws: &Workspace) -> &OpenText {
    ws.open_text().unwrap()
}

fn label_of(ws: &Workspace, id: AnnotationId) -> String {
    open(ws).session.set().annotation(id).unwrap().label.clone()
}

#[test]
fn nothing_open_is_an_error_not_a_panic() {
    let mut ws = Workspace::new("");
    for action in [Action::Save, Action::Undo, Action::Check, Action::Stats] {
        assert!(matches!(ws.execute(action), Err(ActionError::NothingOpen)));
    }
}

#[test]
fn opening_a_missing_file_fails_and_keeps_the_open_text() {
    let (dir, path, mut ws) = opened();
    let err = ws
        .execute(Action::Open {
            path: dir.path().join("gone.txt"),
            encoding: None,
        })
        .unwrap_err();
    assert!(err.to_string().contains("gone.txt"), "{err}");
    assert_eq!(open(&ws).session.source().path, path);
    assert_eq!(open(&ws).name, "article.txt");
}

#[test]
fn annotate_trims_white_space_selects_the_new_annotation_and_undoes() {
    let (_dir, _path, mut ws) = opened();
    let word = range_of("الوزير");
    let padded = CharRange::from_indices(word.start.0 - 1, word.end.0 + 1);
    let outcome = ws
        .execute(Action::Annotate {
            label: "source".into(),
            range: padded,
        })
        .unwrap();
    assert!(outcome.changes.annotations && outcome.changes.ranges);
    let id = outcome.select.unwrap();
    let a = open(&ws).session.set().annotation(id).unwrap().clone();
    assert_eq!(a.ranges, vec![word]);
    assert_eq!(a.author, "tester");
    assert!(ws.is_modified());
    let undone = ws.execute(Action::Undo).unwrap();
    assert!(undone.changes.annotations_shown());
    assert!(open(&ws).session.set().is_empty());
    ws.execute(Action::Redo).unwrap();
    assert_eq!(open(&ws).session.set().len(), 1);
}

#[test]
fn annotate_refuses_blank_ranges_and_unknown_labels_with_hints() {
    let (_dir, _path, mut ws) = opened();
    let space = range_of(" ");
    let err = ws
        .execute(Action::Annotate {
            label: "claim".into(),
            range: space,
        })
        .unwrap_err();
    assert!(matches!(err, ActionError::EmptyRange));
    assert_eq!(err.severity(), Severity::Info);
    let err = ws
        .execute(Action::Annotate {
            label: "person".into(),
            range: range_of("الوزير"),
        })
        .unwrap_err();
    assert!(err.to_string().contains("person"), "{err}");
    assert!(open(&ws).session.set().is_empty());
}

#[test]
fn relabel_keeps_the_annotation_and_undo_gives_the_old_label_back() {
    let (_dir, _path, mut ws) = opened();
    let id = annotate(&mut ws, "claim", "الهدنة قريبة");
    let outcome = ws
        .execute(Action::Relabel {
            id,
            label: "quote".into(),
        })
        .unwrap();
    assert_eq!(outcome.select, Some(id));
    assert_eq!(open(&ws).session.set().len(), 1, "no second annotation");
    assert_eq!(label_of(&ws, id), "quote");
    ws.execute(Action::Undo).unwrap();
    assert_eq!(label_of(&ws, id), "claim");
}

#[test]
fn link_follows_the_schema_and_unlink_and_undo_work() {
    let (_dir, _path, mut ws) = opened();
    let claim = annotate(&mut ws, "claim", "الهدنة قريبة");
    let source = annotate(&mut ws, "source", "الوزير");
    let err = ws
        .execute(Action::Link {
            from: source,
            to: claim,
            kind: "attributed-to".into(),
        })
        .unwrap_err();
    assert!(
        matches!(err, ActionError::RelationNotAllowed { .. }),
        "{err}"
    );
    let err = ws
        .execute(Action::Link {
            from: claim,
            to: source,
            kind: "said-by".into(),
        })
        .unwrap_err();
    assert!(matches!(err, ActionError::UnknownRelationType { .. }));
    let outcome = ws
        .execute(Action::Link {
            from: claim,
            to: source,
            kind: "attributed-to".into(),
        })
        .unwrap();
    assert!(outcome.changes.relations);
    let relation: RelationId = open(&ws).session.set().relations().next().unwrap().id;
    ws.execute(Action::Unlink { id: relation }).unwrap();
    assert_eq!(open(&ws).session.set().relations().count(), 0);
    ws.execute(Action::Undo).unwrap();
    assert_eq!(open(&ws).session.set().relations().count(), 1);
}

#[test]
fn deleting_a_linked_annotation_says_so_and_one_undo_brings_both_back() {
    let (_dir, _path, mut ws) = opened();
    let claim = annotate(&mut ws, "claim", "الهدنة قريبة");
    let source = annotate(&mut ws, "source", "الوزير");
    ws.execute(Action::Link {
        from: claim,
        to: source,
        kind: "attributed-to".into(),
    })
    .unwrap();
    let outcome = ws.execute(Action::Delete { id: source }).unwrap();
    assert!(outcome.changes.relations);
    assert!(
        outcome.messages[0].text.contains("1 link"),
        "{:?}",
        outcome.messages
    );
    assert_eq!(open(&ws).session.set().relations().count(), 0);
    ws.execute(Action::Undo).unwrap();
    let set = open(&ws).session.set();
    assert!(set.annotation(source).is_some());
    assert_eq!(set.relations().count(), 1);
    assert!(matches!(
        ws.execute(Action::Delete {
            id: AnnotationId(99)
        }),
        Err(ActionError::NoSuchAnnotation(_))
    ));
}

#[test]
fn attributes_notes_and_document_attributes_are_set_and_undone() {
    let (_dir, _path, mut ws) = opened();
    let claim = annotate(&mut ws, "claim", "الهدنة قريبة");
    let verdict = Some(AttributeValue::Choice("false".into()));
    ws.execute(Action::SetAttribute {
        id: claim,
        attribute: "verdict".into(),
        value: verdict.clone(),
    })
    .unwrap();
    ws.execute(Action::SetNote {
        id: claim,
        note: "تصريح غير دقيق".into(),
    })
    .unwrap();
    ws.execute(Action::SetDocumentAttribute {
        attribute: "topic".into(),
        value: Some(AttributeValue::Text("هدنة".into())),
    })
    .unwrap();
    let set = open(&ws).session.set();
    let a = set.annotation(claim).unwrap();
    assert_eq!(a.attributes.get("verdict").cloned(), verdict);
    assert_eq!(a.note, "تصريح غير دقيق");
    assert!(set.document_attributes.contains_key("topic"));
    for _ in 0..3 {
        ws.execute(Action::Undo).unwrap();
    }
    let set = open(&ws).session.set();
    let a = set.annotation(claim).unwrap();
    assert!(a.attributes.is_empty() && a.note.is_empty());
    assert!(set.document_attributes.is_empty());
}

#[test]
fn undo_with_nothing_to_undo_says_so() {
    let (_dir, _path, mut ws) = opened();
    let outcome = ws.execute(Action::Undo).unwrap();
    assert_eq!(outcome.changes, Changes::default());
    assert!(outcome.messages[0].text.contains("Nothing to undo"));
}

#[test]
fn save_writes_the_sidecar_and_says_where() {
    let (_dir, path, mut ws) = opened();
    annotate(&mut ws, "source", "الوزير");
    let outcome = ws.execute(Action::Save).unwrap();
    assert!(outcome.changes.saved_state);
    assert!(!ws.is_modified());
    let sidecar = sidecar_path(&path);
    assert!(outcome.messages[0]
        .text
        .contains(&sidecar.display().to_string()));
    assert_eq!(load_sidecar(&sidecar).unwrap().set.len(), 1);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        TEXT,
        "text untouched"
    );
}

#[test]
fn save_as_copies_the_text_and_goes_on_working_there() {
    let (dir, path, mut ws) = opened();
    annotate(&mut ws, "source", "الوزير");
    let elsewhere = dir.path().join("copy");
    std::fs::create_dir(&elsewhere).unwrap();
    let new_path = elsewhere.join("نسخة.txt");
    let outcome = ws
        .execute(Action::SaveAs {
            path: new_path.clone(),
        })
        .unwrap();
    assert!(outcome.changes.opened, "the title names another file");
    assert_eq!(open(&ws).name, "نسخة.txt");
    assert_eq!(std::fs::read(&new_path).unwrap(), TEXT.as_bytes());
    assert_eq!(load_sidecar(&sidecar_path(&new_path)).unwrap().set.len(), 1);
    assert!(
        !sidecar_path(&path).exists(),
        "the old place is left as it was"
    );
    annotate(&mut ws, "claim", "الهدنة قريبة");
    ws.execute(Action::Save).unwrap();
    assert_eq!(load_sidecar(&sidecar_path(&new_path)).unwrap().set.len(), 2);
}

#[test]
fn save_as_never_replaces_another_file() {
    let (dir, _path, mut ws) = opened();
    annotate(&mut ws, "source", "الوزير");
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "نص آخر").unwrap();
    let err = ws
        .execute(Action::SaveAs {
            path: other.clone(),
        })
        .unwrap_err();
    assert!(err.to_string().contains("other.txt"), "{err}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "نص آخر");
    assert!(!sidecar_path(&other).exists());
    assert!(ws.is_modified(), "nothing was saved");
}

#[test]
fn reopening_with_another_encoding_waits_for_unsaved_changes() {
    let (_dir, _path, mut ws) = opened();
    annotate(&mut ws, "source", "الوزير");
    let err = ws
        .execute(Action::Reopen {
            encoding: TextEncoding::Windows1256,
        })
        .unwrap_err();
    assert!(matches!(err, ActionError::UnsavedChanges));
}

#[test]
fn opening_another_text_keeps_unsaved_work_in_the_recovery_file() {
    let (dir, path, mut ws) = opened();
    annotate(&mut ws, "source", "الوزير");
    let second = dir.path().join("second.txt");
    std::fs::write(&second, "نص ثان").unwrap();
    let outcome = ws
        .execute(Action::Open {
            path: second,
            encoding: None,
        })
        .unwrap();
    assert!(outcome.messages[0].text.contains("recovery file"));
    let recovery = crate::store::recovery::recovery_path(&sidecar_path(&path));
    assert!(recovery.is_file());
    ws.execute(Action::Open {
        path,
        encoding: None,
    })
    .unwrap();
    assert!(open(&ws).session.pending_recovery().is_some());
    let restored = ws.execute(Action::RestoreRecovery).unwrap();
    assert!(restored.changes.annotations_shown());
    assert_eq!(open(&ws).session.set().len(), 1);
}

#[test]
fn export_writes_the_files_a_one_document_cli_run_writes() {
    let (dir, _path, mut ws) = opened();
    annotate(&mut ws, "claim", "الهدنة قريبة");
    let out = dir.path().join("out");
    for format in ExportFormat::ALL {
        let outcome = ws
            .execute(Action::Export {
                format,
                folder: out.clone(),
            })
            .unwrap();
        let Some(Report::Exported { files, .. }) = outcome.report else {
            panic!("no export report");
        };
        assert!(files.iter().all(|f| f.is_file()), "{files:?}");
    }
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "article.ann",
            "article.txt",
            "article.txt.jsonld",
            "claims.csv",
            "export.conll",
            "hamish.jsonl"
        ]
    );
}

#[test]
fn export_refuses_to_replace_a_different_file_and_writes_nothing() {
    let (dir, _path, mut ws) = opened();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("article.ann"), "someone's work").unwrap();
    let err = ws
        .execute(Action::Export {
            format: ExportFormat::Brat,
            folder: out.clone(),
        })
        .unwrap_err();
    assert!(err.to_string().contains("article.ann"), "{err}");
    assert!(!out.join("article.txt").exists(), "nothing half-written");
}

/// A brat pair whose `.txt` starts with a BOM: brat counts it as char 0.
fn brat_pair_with_bom(dir: &Path) -> PathBuf {
    let ann = dir.join("brat.ann");
    std::fs::write(dir.join("brat.txt"), format!("\u{feff}{TEXT}")).unwrap();
    let word = range_of("الوزير");
    std::fs::write(
        &ann,
        format!(
            "T1\tsource {} {}\tالوزير\n",
            word.start.0 + 1,
            word.end.0 + 1
        ),
    )
    .unwrap();
    ann
}

#[test]
fn brat_import_into_the_open_text_corrects_a_bom_and_undoes_in_one_step() {
    let (dir, _path, mut ws) = opened();
    let ann = brat_pair_with_bom(dir.path());
    let outcome = ws
        .execute(Action::Import {
            format: ImportFormat::Brat,
            file: ann,
        })
        .unwrap();
    assert!(matches!(
        outcome.report,
        Some(Report::Imported { annotations: 1, .. })
    ));
    let set = open(&ws).session.set();
    let a = set.annotations().next().unwrap();
    assert_eq!(a.ranges, vec![range_of("الوزير")]);
    ws.execute(Action::Undo).unwrap();
    assert!(open(&ws).session.set().is_empty());
}

#[test]
fn a_w3c_file_exported_elsewhere_imports_onto_the_open_text() {
    let (dir, _path, mut ws) = opened();
    annotate(&mut ws, "claim", "الهدنة قريبة");
    let exported = open(&ws).session.set().clone();
    let out = dir.path().join("w3c");
    ws.execute(Action::Export {
        format: ExportFormat::Webanno,
        folder: out.clone(),
    })
    .unwrap();
    ws.execute(Action::Undo).unwrap();
    assert!(open(&ws).session.set().is_empty());
    // Only the .jsonld is in that folder, no text: the open text is the one annotated.
    let file = out.join("article.txt.jsonld");
    assert!(file.is_file() && !out.join("article.txt").exists());
    let outcome = ws
        .execute(Action::Import {
            format: ImportFormat::Webanno,
            file,
        })
        .unwrap();
    assert!(matches!(
        outcome.report,
        Some(Report::Imported { annotations: 1, .. })
    ));
    let set = open(&ws).session.set();
    let (a, b) = (
        set.annotations().next().unwrap(),
        exported.annotations().next().unwrap(),
    );
    assert_eq!((&a.label, &a.ranges), (&b.label, &b.ranges));
}

#[test]
fn importing_annotations_of_another_text_is_refused() {
    let (dir, _path, mut ws) = opened();
    let other = dir.path().join("other.jsonl");
    std::fs::write(&other, "{\"text\": \"نص آخر\", \"label\": []}\n").unwrap();
    let err = ws
        .execute(Action::Import {
            format: ImportFormat::Jsonl,
            file: other,
        })
        .unwrap_err();
    assert!(matches!(
        err,
        ActionError::Exchange(ExchangeError::OtherText { .. })
    ));
}

#[test]
fn check_and_stats_report_on_the_open_annotations() {
    let (_dir, _path, mut ws) = opened();
    let claim = annotate(&mut ws, "claim", "الهدنة قريبة");
    ws.execute(Action::SetAttribute {
        id: claim,
        attribute: "verdict".into(),
        value: Some(AttributeValue::Choice("perhaps".into())),
    })
    .unwrap();
    let Some(Report::Checked(problems)) = ws.execute(Action::Check).unwrap().report else {
        panic!("no check report");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    let Some(Report::Stats(stats)) = ws.execute(Action::Stats).unwrap().report else {
        panic!("no stats");
    };
    assert_eq!(stats.annotations, 1);
    assert_eq!(stats.claims_without_source, 1);
}

#[test]
fn a_save_conflict_offers_to_overwrite_and_overwriting_saves() {
    let (_dir, path, mut ws) = opened();
    annotate(&mut ws, "source", "الوزير");
    // Someone else writes the sidecar after this text was opened.
    let sidecar = sidecar_path(&path);
    std::fs::write(&sidecar, "not ours").unwrap();
    let outcome = ws.execute(Action::Save).unwrap();
    let message = &outcome.messages[0];
    assert_eq!(message.severity, Severity::Warning);
    assert_eq!(
        message.offer.as_ref().map(|(_, a)| a.clone()),
        None,
        "a sidecar that does not parse is never overwritten"
    );
    assert_eq!(std::fs::read_to_string(&sidecar).unwrap(), "not ours");
    // A readable but different sidecar can be overwritten when the user says so.
    std::fs::remove_file(&sidecar).unwrap();
    let mut other = Workspace::new("other");
    other
        .execute(Action::Open {
            path: path.clone(),
            encoding: None,
        })
        .unwrap();
    annotate(&mut other, "claim", "الهدنة قريبة");
    other.execute(Action::Save).unwrap();
    let outcome = ws.execute(Action::Save).unwrap();
    let (_, offer) = outcome.messages[0].offer.clone().unwrap();
    assert_eq!(offer, Action::OverwriteAfterConflict);
    ws.execute(offer).unwrap();
    let saved = load_sidecar(&sidecar).unwrap();
    assert_eq!(saved.set.annotations().next().unwrap().label, "source");
    assert!(!ws.is_modified());
}

#[test]
fn discarding_unsaved_work_removes_the_recovery_file() {
    let (_dir, path, mut ws) = opened();
    annotate(&mut ws, "source", "الوزير");
    ws.execute(Action::KeepUnsavedWork).unwrap();
    let recovery = crate::store::recovery::recovery_path(&sidecar_path(&path));
    assert!(recovery.is_file());
    ws.execute(Action::DiscardUnsavedWork).unwrap();
    assert!(!recovery.exists());
}

#[test]
fn a_declined_recovery_file_is_deleted() {
    let (_dir, path, mut ws) = opened();
    annotate(&mut ws, "source", "الوزير");
    ws.execute(Action::KeepUnsavedWork).unwrap();
    let mut again = Workspace::new("tester");
    again
        .execute(Action::Open {
            path: path.clone(),
            encoding: None,
        })
        .unwrap();
    assert!(open(&again).session.pending_recovery().is_some());
    again.execute(Action::DiscardRecovery).unwrap();
    assert!(open(&again).session.pending_recovery().is_none());
    assert!(!crate::store::recovery::recovery_path(&sidecar_path(&path)).exists());
    assert!(matches!(
        again.execute(Action::DiscardRecovery),
        Err(ActionError::Session(_))
    ));
}

/// A shared folder (`hamish-project.ron`) with `article.txt`, opened by `alice`.
fn shared_folder_opened_by_alice() -> (tempfile::TempDir, PathBuf, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(crate::store::sidecar::PROJECT_FILE),
        "(shared: true)\n",
    )
    .unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, TEXT).unwrap();
    let mut ws = Workspace::new("alice");
    ws.execute(Action::Open {
        path: path.clone(),
        encoding: None,
    })
    .unwrap();
    (dir, path, ws)
}

#[test]
fn outside_a_shared_folder_the_gold_file_is_nobodys_own() {
    // `article.txt.ann.ron` must not be read as the file of an annotator called "txt".
    let (_dir, _path, ws) = opened();
    assert_eq!(open(&ws).annotator, None);
}

#[test]
fn in_a_shared_folder_each_annotator_saves_their_own_file() {
    let (dir, path, mut ws) = shared_folder_opened_by_alice();
    assert_eq!(
        open(&ws).annotator.as_ref().map(|a| a.as_str()),
        Some("alice")
    );
    annotate(&mut ws, "source", "الوزير");
    ws.execute(Action::Save).unwrap();
    let alice_file = dir.path().join("article.txt.alice.ann.ron");
    assert_eq!(load_sidecar(&alice_file).unwrap().set.len(), 1);
    assert!(
        !sidecar_path(&path).exists(),
        "the gold file is not touched"
    );
}

#[test]
fn another_annotators_version_opens_read_only_and_agreement_compares_the_files() {
    let (dir, path, mut ws) = shared_folder_opened_by_alice();
    annotate(&mut ws, "source", "الوزير");
    annotate(&mut ws, "claim", "الهدنة قريبة");
    ws.execute(Action::Save).unwrap();
    let mut bob = Workspace::new("bob");
    bob.execute(Action::Open {
        path: path.clone(),
        encoding: None,
    })
    .unwrap();
    annotate(&mut bob, "source", "الوزير");
    bob.execute(Action::Save).unwrap();
    let names: Vec<String> = open(&ws)
        .annotator_versions()
        .iter()
        .map(|a| a.to_string())
        .collect();
    assert_eq!(names, ["alice", "bob"]);

    let bob_name = crate::store::sidecar::AnnotatorName::new("bob").unwrap();
    ws.execute(Action::OpenAnnotatorVersion {
        annotator: bob_name,
    })
    .unwrap();
    assert!(open(&ws).read_only);
    assert_eq!(open(&ws).session.set().len(), 1, "bob's one annotation");
    let err = ws
        .execute(Action::Annotate {
            label: "claim".into(),
            range: range_of("الهدنة قريبة"),
        })
        .unwrap_err();
    assert!(matches!(err, ActionError::ReadOnly { .. }), "{err}");
    assert!(matches!(
        ws.execute(Action::Save),
        Err(ActionError::ReadOnly { .. })
    ));
    let missing = crate::store::sidecar::AnnotatorName::new("carol").unwrap();
    assert!(matches!(
        ws.execute(Action::OpenAnnotatorVersion { annotator: missing }),
        Err(ActionError::NoSuchVersion { .. })
    ));

    let Some(Report::Agreement(report)) = ws.execute(Action::Agreement).unwrap().report else {
        panic!("no agreement report");
    };
    assert_eq!(report.annotators, ["alice", "bob"]);
    let pair = &report.pairs[0];
    // alice: source + claim; bob: the same source. Exact F1 = 2·1 / (2·1 + 1 + 0).
    let f1 = pair.overall.f1_exact.unwrap();
    assert!((f1 - 2.0 / 3.0).abs() < 1e-9, "{f1}");
    drop(dir);
}

#[test]
fn link_choices_follow_the_schema_either_way_round_and_leave_out_existing_links() {
    let (_dir, _path, mut ws) = opened();
    let claim = annotate(&mut ws, "claim", "الهدنة قريبة");
    let source = annotate(&mut ws, "source", "الوزير");
    let cue = annotate(&mut ws, "cue", "قال");
    // Picked claim first or source first: the same claim → source link.
    for (first, second) in [(claim, source), (source, claim)] {
        let choices = ws.link_choices(first, second).unwrap();
        assert_eq!(choices.len(), 1, "{choices:?}");
        assert_eq!(
            (choices[0].kind.as_str(), choices[0].from, choices[0].to),
            ("attributed-to", claim, source)
        );
    }
    let cue_choices = ws.link_choices(claim, cue).unwrap();
    assert_eq!((cue_choices[0].from, cue_choices[0].to), (cue, claim));
    assert_eq!(cue_choices[0].kind, "cue-of");
    let err = ws.link_choices(source, cue).unwrap_err();
    assert!(matches!(err, ActionError::NoRelationFits { .. }), "{err}");
    assert!(err.to_string().contains("Source") && err.to_string().contains("Cue"));
    assert!(matches!(
        ws.link_choices(claim, claim),
        Err(ActionError::SelfLink)
    ));
    ws.execute(Action::Link {
        from: claim,
        to: source,
        kind: "attributed-to".into(),
    })
    .unwrap();
    // Linked already: no choice left, and linking again is refused rather than doubled.
    assert!(matches!(
        ws.link_choices(source, claim),
        Err(ActionError::AlreadyLinked { .. })
    ));
    let again = ws.execute(Action::Link {
        from: claim,
        to: source,
        kind: "attributed-to".into(),
    });
    assert!(matches!(again, Err(ActionError::AlreadyLinked { .. })));
    assert_eq!(open(&ws).session.set().relations().count(), 1);
}

#[test]
fn a_link_says_what_it_linked_and_is_one_undo_step() {
    let (_dir, _path, mut ws) = opened();
    let claim = annotate(&mut ws, "claim", "الهدنة قريبة");
    let source = annotate(&mut ws, "source", "الوزير");
    let outcome = ws
        .execute(Action::Link {
            from: claim,
            to: source,
            kind: "attributed-to".into(),
        })
        .unwrap();
    let text = &outcome.messages[0].text;
    assert!(text.contains(&claim.to_string()) && text.contains("Attributed to"));
    ws.execute(Action::Undo).unwrap();
    assert_eq!(open(&ws).session.set().relations().count(), 0);
    assert_eq!(open(&ws).session.set().len(), 2, "the ends stay");
}

#[test]
fn accepting_a_placement_clears_the_review_flag_and_undoes() {
    use crate::model::annotation::AnnotationStatus;
    use crate::model::edit::Edit;
    let (_dir, _path, mut ws) = opened();
    let id = annotate(&mut ws, "claim", "الهدنة قريبة");
    let flag = Edit::SetStatus {
        id,
        status: AnnotationStatus::NeedsReview,
    };
    ws.open.as_mut().unwrap().session.apply(flag).unwrap();
    let outcome = ws.execute(Action::AcceptPlacement { id }).unwrap();
    assert!(outcome.changes.annotations);
    let status = |ws: &Workspace| open(ws).session.set().annotation(id).unwrap().status;
    assert_eq!(status(&ws), AnnotationStatus::Ok);
    ws.execute(Action::Undo).unwrap();
    assert_eq!(status(&ws), AnnotationStatus::NeedsReview);
    assert!(matches!(
        ws.execute(Action::AcceptPlacement {
            id: AnnotationId(77)
        }),
        Err(ActionError::NoSuchAnnotation(_))
    ));
}

#[test]
fn the_annotator_name_set_later_goes_into_new_annotations() {
    let (_dir, _path, mut ws) = opened();
    let before = annotate(&mut ws, "claim", "الهدنة قريبة");
    ws.set_author("Layla");
    let after = annotate(&mut ws, "source", "الوزير");
    let set = open(&ws).session.set();
    assert_eq!(set.annotation(before).unwrap().author, "tester");
    assert_eq!(set.annotation(after).unwrap().author, "Layla");
    assert_eq!(ws.author(), "Layla");
}

#[test]
fn every_edit_records_who_made_it_and_undo_restores_the_previous_editor() {
    let (dir, path, mut ws) = opened();
    let claim = annotate(&mut ws, "claim", "الهدنة قريبة");
    let editor = |ws: &Workspace| {
        let a = open(ws).session.set().annotation(claim).unwrap().clone();
        (a.author, a.modified_by)
    };
    assert_eq!(editor(&ws), ("tester".into(), String::new()));
    ws.set_author("سلمى");
    ws.execute(Action::SetNote {
        id: claim,
        note: "ملاحظة".into(),
    })
    .unwrap();
    assert_eq!(editor(&ws), ("tester".into(), "سلمى".into()));
    ws.set_author("Omar");
    ws.execute(Action::Relabel {
        id: claim,
        label: "quote".into(),
    })
    .unwrap();
    assert_eq!(editor(&ws).1, "Omar");
    ws.execute(Action::Undo).unwrap();
    assert_eq!(editor(&ws).1, "سلمى");
    // Saved and read back: the sidecar keeps the last editor.
    ws.execute(Action::Save).unwrap();
    let bytes = std::fs::read_to_string(crate::store::sidecar::sidecar_path(&path)).unwrap();
    let sidecar = crate::store::sidecar::sidecar_path(&path);
    let data = crate::store::sidecar::from_ron_str(&bytes, &sidecar).unwrap();
    let a = data.set.annotation(claim).unwrap();
    assert_eq!(
        (a.author.as_str(), a.modified_by.as_str()),
        ("tester", "سلمى")
    );
    drop(dir);
}
