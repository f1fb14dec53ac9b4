//! `store::session` end to end on real files in a temp folder: encodings and offsets, annotate →
//! save → reopen, `.bak`, a full disk and a read-only folder (`FaultyFs`), a corrupt sidecar, a
//! sidecar changed on disk by someone else, and undo/redo against the saved state.

use hamish::model::text_format::{LineEnding, TextEncoding};
use hamish::model::{AnnotationId, AnnotationSet, Edit, SourceText};
use hamish::offset::CharRange;
use hamish::store::atomic::{backup_path, ConflictReason, FaultyFs, FsOp, RealFs, SaveOutcome};
use hamish::store::recovery::recovery_path;
use hamish::store::session::{AnnotationSession, OpenError, OpenOptions, SessionError};
use hamish::store::sidecar::{
    load_sidecar, sidecar_path, to_ron_string, SchemaSource, SidecarData,
};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const LINE1: &str = "قال الوزير، إن الاجتماع سيعقد يوم 17 أكتوبر.";
const LINE2: &str = "هل توافق؟";

/// Copies a sample from `tests/data/encodings` into `dir` as `name`.
fn copy_sample(sample: &str, dir: &Path, name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/encodings")
        .join(sample);
    let to = dir.join(name);
    std::fs::copy(from, &to).unwrap();
    to
}

fn opts() -> OpenOptions {
    OpenOptions {
        encoding: None,
        author: "ر.م".into(),
    }
}

/// Adds a source over "الوزير" (4..10) and a claim over "17" (34..36); returns their ids.
fn annotate(session: &mut AnnotationSession) -> (AnnotationId, AnnotationId) {
    let source = session.new_annotation("source", vec![CharRange::from_indices(4, 10)]);
    let source_id = source.id;
    session.apply(Edit::AddAnnotation(source)).unwrap();
    let claim = session.new_annotation("claim", vec![CharRange::from_indices(34, 36)]);
    let claim_id = claim.id;
    session.apply(Edit::AddAnnotation(claim)).unwrap();
    (source_id, claim_id)
}

/// Annotates and saves `text` (a fresh text file under `dir`); returns the sidecar bytes.
fn saved_doc(dir: &Path) -> (PathBuf, Vec<u8>) {
    let text = copy_sample("sentence.utf8-bom.lf.txt", dir, "doc.txt");
    let (mut s, _) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    annotate(&mut s);
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    let bytes = std::fs::read(sidecar_path(&text)).unwrap();
    (text, bytes)
}

/// Names of the files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn windows_1256_crlf_opens_annotates_saves_and_reopens_equal() {
    let dir = tempfile::tempdir().unwrap();
    let text = copy_sample("sentence.windows-1256.crlf.txt", dir.path(), "خبر.txt");
    let original = std::fs::read(&text).unwrap();
    let (mut s, report) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    assert_eq!(report.encoding, TextEncoding::Windows1256);
    assert!(report.encoding_guessed);
    assert!(!report.sidecar_loaded && report.recovery.is_none() && report.reanchored.is_none());
    assert_eq!(s.source().text, format!("{LINE1}\r\n{LINE2}\r\n"));
    assert_eq!(s.source().line_ending, LineEnding::CrLf);
    // No sidecar and no folder schema: an empty set with the bundled fact-checking schema.
    assert!(s.set().is_empty());
    assert_eq!(
        s.schema_source(),
        &SchemaSource::Bundled("fact-checking".into())
    );
    assert!(!s.is_modified());

    let (source, claim) = annotate(&mut s);
    assert!(s.is_modified());
    let doc_text = s.source().text.clone();
    assert_eq!(
        s.set().annotation(claim).unwrap().covered_text(&doc_text),
        "17"
    );
    assert_eq!(s.set().annotation(source).unwrap().author, "ر.م");
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    assert!(!s.is_modified());
    let saved_set = s.set().clone();
    drop(s);

    assert_eq!(
        std::fs::read(&text).unwrap(),
        original,
        "text file never written"
    );
    let on_disk = load_sidecar(&sidecar_path(&text)).unwrap();
    assert_eq!(on_disk.text.encoding, TextEncoding::Windows1256);
    assert_eq!(on_disk.text.chars, 44 + 9 + 4);

    let (s2, report) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    assert!(report.sidecar_loaded && report.reanchored.is_none());
    assert_eq!(s2.set(), &saved_set);
    assert!(!s2.is_modified());
    // The second line starts right after CR LF, which count as two chars.
    let chars: Vec<char> = s2.source().text.chars().collect();
    assert_eq!(chars[46], 'ه');
}

#[test]
fn utf8_bom_opens_without_the_bom_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let text = copy_sample("sentence.utf8-bom.lf.txt", dir.path(), "doc.txt");
    let (mut s, report) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    assert_eq!(report.encoding, TextEncoding::Utf8Bom);
    assert!(!report.encoding_guessed);
    assert_eq!(s.source().text, format!("{LINE1}\n{LINE2}\n"));
    let (source, _) = annotate(&mut s);
    let doc_text = s.source().text.clone();
    assert_eq!(
        s.set().annotation(source).unwrap().covered_text(&doc_text),
        "الوزير"
    );
    s.save().unwrap();
    let set = s.set().clone();
    drop(s);
    let (s2, _) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    assert_eq!(s2.set(), &set);
    assert_eq!(s2.source().encoding, TextEncoding::Utf8Bom);
}

#[test]
fn wrong_encoding_override_is_an_open_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = copy_sample("sentence.windows-1256.crlf.txt", dir.path(), "a.txt");
    let options = OpenOptions {
        encoding: Some(TextEncoding::Utf8),
        ..opts()
    };
    let err = AnnotationSession::open(RealFs, &text, &options)
        .expect_err("Windows-1256 bytes are not UTF-8");
    assert!(matches!(err, OpenError::Text(_)), "{err}");
    assert!(err.to_string().contains("a.txt"), "{err}");
}

#[test]
fn second_save_keeps_bak_and_removes_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let (text, first) = saved_doc(dir.path());
    let (mut s, _) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    let t0 = Instant::now();
    let a = s.new_annotation("cue", vec![CharRange::from_indices(0, 3)]);
    s.apply_at(Edit::AddAnnotation(a), t0).unwrap();
    assert!(s.autosave_tick(t0 + Duration::from_secs(5)).unwrap());
    let recovery = recovery_path(&sidecar_path(&text));
    assert!(recovery.exists());
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    assert_eq!(
        std::fs::read(backup_path(&sidecar_path(&text))).unwrap(),
        first
    );
    assert!(
        !recovery.exists(),
        "a successful save removes the recovery file"
    );
    assert_eq!(load_sidecar(&sidecar_path(&text)).unwrap().set.len(), 3);
}

#[test]
fn undo_back_to_the_saved_state_is_unmodified() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = saved_doc(dir.path());
    let (mut s, _) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    s.apply(Edit::RemoveAnnotation(AnnotationId(1))).unwrap();
    assert!(s.is_modified());
    assert_eq!(s.set().len(), 1);
    assert!(s.undo().unwrap());
    assert!(!s.is_modified());
    assert_eq!(s.set().len(), 2);
    assert!(s.redo().unwrap());
    assert!(s.is_modified());
    assert!(!s.redo().unwrap());
    let err = s
        .apply(Edit::RemoveAnnotation(AnnotationId(1)))
        .unwrap_err();
    assert!(matches!(err, SessionError::Edit(_)), "{err}");
}

#[test]
fn full_disk_is_an_error_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (text, before) = saved_doc(dir.path());
    let files_before = listing(dir.path());
    let fs = FaultyFs::new().fail_always(FsOp::Write, ErrorKind::StorageFull);
    let (mut s, _) = AnnotationSession::open(fs, &text, &opts()).unwrap();
    s.apply(Edit::RemoveAnnotation(AnnotationId(2))).unwrap();
    let err = s.save().unwrap_err();
    match &err {
        SessionError::Save(e) => assert!(e.is_disk_full(), "{err}"),
        other => panic!("expected a save error, got {other}"),
    }
    assert!(err.to_string().contains("disk is full"), "{err}");
    assert!(s.is_modified(), "the edit is still unsaved");
    assert_eq!(std::fs::read(sidecar_path(&text)).unwrap(), before);
    assert_eq!(listing(dir.path()), files_before, "no temp file left");
    // Autosave fails the same way, and says so.
    let later = Instant::now() + Duration::from_secs(60);
    assert!(matches!(s.autosave_tick(later), Err(SessionError::Save(_))));
    assert_eq!(listing(dir.path()), files_before);
}

#[test]
fn read_only_folder_is_a_permission_error() {
    let dir = tempfile::tempdir().unwrap();
    let (text, before) = saved_doc(dir.path());
    let fs = FaultyFs::unwritable_folder(ErrorKind::PermissionDenied);
    let (mut s, _) = AnnotationSession::open(fs, &text, &opts()).unwrap();
    s.apply(Edit::RemoveAnnotation(AnnotationId(2))).unwrap();
    let err = s.save().unwrap_err();
    assert!(err.to_string().contains("permissions"), "{err}");
    assert!(s.is_modified());
    assert_eq!(std::fs::read(sidecar_path(&text)).unwrap(), before);
}

#[test]
fn corrupt_sidecar_is_a_clear_error_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = copy_sample("sentence.utf8-bom.lf.txt", dir.path(), "doc.txt");
    let sidecar = sidecar_path(&text);
    let corrupt = b"(\n    format: 1,\n    text: oops,\n)\n".to_vec();
    std::fs::write(&sidecar, &corrupt).unwrap();

    let err =
        AnnotationSession::open(RealFs, &text, &opts()).expect_err("a sidecar that does not parse");
    let (line, column) = err.position().expect("a parse position");
    assert_eq!(line, 3);
    assert!(column > 1);
    let message = err.to_string();
    assert!(
        message.contains(&format!("doc.txt.ann.ron:3:{column}")),
        "{message}"
    );
    assert!(message.contains("fix the text there"), "{message}");

    // Opening the text alone works; saving is refused while the file stays unreadable.
    let (mut s, report) = AnnotationSession::open_text_only(RealFs, &text, &opts()).unwrap();
    assert!(report.unreadable_sidecar.is_some());
    assert!(!report.sidecar_loaded);
    annotate(&mut s);
    let err = s.save().unwrap_err();
    assert!(
        matches!(err, SessionError::SidecarUnreadable { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("recovery file"), "{err}");
    assert!(s.is_modified());
    assert_eq!(std::fs::read(&sidecar).unwrap(), corrupt);
    // The work is not lost: autosave still writes the recovery file.
    assert!(s
        .autosave_tick(Instant::now() + Duration::from_secs(60))
        .unwrap());
    assert_eq!(std::fs::read(&sidecar).unwrap(), corrupt);
    assert_eq!(listing(dir.path()).len(), 3, "{:?}", listing(dir.path()));

    // Once the user moves the bad file away, saving works.
    std::fs::rename(&sidecar, dir.path().join("bad.ron")).unwrap();
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    assert_eq!(load_sidecar(&sidecar).unwrap().set, *s.set());
}

#[test]
fn sidecar_changed_on_disk_goes_to_a_conflict_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = saved_doc(dir.path());
    let (mut s, _) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    // Another annotator (or git) replaces the sidecar with an empty set meanwhile.
    let doc = SourceText::new(&text, s.source().text.clone(), TextEncoding::Utf8Bom);
    let theirs = to_ron_string(&SidecarData::new(
        &doc,
        SchemaSource::Bundled("fact-checking".into()),
        AnnotationSet::new(),
    ));
    std::fs::write(sidecar_path(&text), &theirs).unwrap();

    s.apply(Edit::RemoveAnnotation(AnnotationId(1))).unwrap();
    let outcome = s.save().unwrap();
    let SaveOutcome::ConflictCopy { copy, reason } = outcome else {
        panic!("expected a conflict copy, got {outcome:?}");
    };
    assert_eq!(reason, ConflictReason::ChangedOnDisk);
    assert_eq!(
        std::fs::read_to_string(sidecar_path(&text)).unwrap(),
        theirs
    );
    assert_eq!(load_sidecar(&copy).unwrap().set, *s.set());
    assert!(s.is_modified(), "the sidecar does not hold our work");
}

#[test]
fn take_over_after_a_conflict_overwrites_with_bak() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = saved_doc(dir.path());
    let (mut s, _) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    let sidecar = sidecar_path(&text);
    let theirs = std::fs::read_to_string(&sidecar)
        .unwrap()
        .replace("\"source\"", "\"cue\"");
    std::fs::write(&sidecar, &theirs).unwrap();
    s.apply(Edit::RemoveAnnotation(AnnotationId(1))).unwrap();
    assert!(matches!(
        s.save().unwrap(),
        SaveOutcome::ConflictCopy { .. }
    ));
    s.take_over_sidecar().unwrap();
    assert_eq!(s.save().unwrap(), SaveOutcome::Saved);
    assert!(!s.is_modified());
    assert_eq!(
        std::fs::read_to_string(backup_path(&sidecar)).unwrap(),
        theirs
    );
    assert_eq!(load_sidecar(&sidecar).unwrap().set, *s.set());
}

#[test]
fn chosen_encoding_is_remembered_through_the_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let text = copy_sample("sentence.windows-1256.crlf.txt", dir.path(), "a.txt");
    let iso = OpenOptions {
        encoding: Some(TextEncoding::Iso8859_6),
        ..opts()
    };
    let (mut s, report) = AnnotationSession::open(RealFs, &text, &iso).unwrap();
    assert_eq!(report.encoding, TextEncoding::Iso8859_6);
    assert!(
        report.replaced_bytes > 0,
        "ISO-8859-6 leaves some of these bytes unmapped"
    );
    annotate(&mut s);
    s.save().unwrap();
    let iso_text = s.source().text.clone();
    drop(s);
    // Detection alone would say Windows-1256, but the annotations were made on the ISO-8859-6
    // reading, which the sidecar records: that reading is used and nothing needs re-anchoring.
    let (s, report) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    assert_eq!(report.encoding, TextEncoding::Iso8859_6);
    assert!(report.reanchored.is_none());
    assert_eq!(s.source().text, iso_text);
    // An explicit choice still wins.
    let (s, report) = AnnotationSession::open(
        RealFs,
        &text,
        &OpenOptions {
            encoding: Some(TextEncoding::Windows1256),
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(s.source().encoding, TextEncoding::Windows1256);
    assert!(report.reanchored.is_some(), "another reading of the text");
}

#[test]
fn folder_schema_is_used_and_a_missing_one_is_an_open_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = copy_sample("sentence.utf8-bom.lf.txt", dir.path(), "doc.txt");
    let mut schema = hamish::model::Schema::fact_checking();
    schema.labels.retain(|l| l.id == "claim");
    schema.relations.clear();
    std::fs::write(dir.path().join("schema.ron"), schema.to_ron_string()).unwrap();
    let (mut s, _) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    assert_eq!(s.schema_source(), &SchemaSource::Folder);
    assert_eq!(s.schema(), &schema);
    s.save().unwrap();
    drop(s);
    std::fs::remove_file(dir.path().join("schema.ron")).unwrap();
    let err = AnnotationSession::open(RealFs, &text, &opts()).unwrap_err();
    assert!(matches!(err, OpenError::Schema(_)), "{err}");
    assert!(err.to_string().contains("schema.ron"), "{err}");
}

#[test]
fn unreadable_sidecar_file_is_an_open_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (text, before) = saved_doc(dir.path());
    let fs = FaultyFs::new().fail_nth(FsOp::Read, 1, ErrorKind::PermissionDenied);
    let err = AnnotationSession::open(fs, &text, &opts()).expect_err("the sidecar cannot be read");
    assert!(matches!(err, OpenError::ReadSidecar(_)), "{err}");
    assert!(err.to_string().contains("doc.txt.ann.ron"), "{err}");
    assert_eq!(std::fs::read(sidecar_path(&text)).unwrap(), before);
}

#[test]
fn set_ranges_with_captured_anchors_saves_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = saved_doc(dir.path());
    let (mut s, _) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    // Widen the source T1 from "الوزير" to "قال الوزير".
    let ranges = vec![CharRange::from_indices(0, 10)];
    let anchors = s.capture_anchors(&ranges);
    assert_eq!(anchors[0].exact, "قال الوزير");
    s.apply(Edit::SetRanges {
        id: AnnotationId(1),
        ranges,
        anchors,
    })
    .unwrap();
    s.save().unwrap();
    let doc_text = s.source().text.clone();
    let (reopened, report) = AnnotationSession::open(RealFs, &text, &opts()).unwrap();
    assert!(report.reanchored.is_none());
    let t1 = reopened.set().annotation(AnnotationId(1)).unwrap();
    assert_eq!(t1.covered_text(&doc_text), "قال الوزير");
    assert!(t1.anchors_match(&doc_text));
    assert!(s.undo().unwrap());
    assert!(s.is_modified(), "undo past the save point is a change");
    assert_eq!(
        s.set()
            .annotation(AnnotationId(1))
            .unwrap()
            .covered_text(&doc_text),
        "الوزير"
    );
}

#[test]
fn captured_anchors_equal_quotes_cut_from_the_text_anywhere_in_a_long_text() {
    use hamish::model::annotation::capture_anchors;
    let dir = tempfile::tempdir().unwrap();
    let text: String = (0..60)
        .map(|i| format!("قال الوزير {i} إن الهدنة قريبة\r\n"))
        .collect();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &text).unwrap();
    let (s, _) = AnnotationSession::open(RealFs, &path, &opts()).unwrap();
    let len = text.chars().count();
    for (start, end) in [
        (0, 5),
        (250, 262),
        (255, 257),
        (511, 600),
        (len - 3, len),
        (len, len + 9),
    ] {
        let ranges = vec![CharRange::from_indices(start, end)];
        assert_eq!(
            s.capture_anchors(&ranges),
            capture_anchors(&text, &ranges),
            "{start}..{end}"
        );
    }
}
