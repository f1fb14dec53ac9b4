//! The window's text for an error of the application layer ([`ActionError`]) in the interface
//! language: English is the error's own message; Arabic maps each variant to a Fluent id of
//! `assets/i18n/ar.ftl` with the file paths, positions, labels and the system's own words as
//! arguments, each wrapped in a Unicode isolate (FSI … PDI) so that a left-to-right path or a
//! number keeps its order inside an Arabic sentence in the text engine's bidi.

use super::error_detail::{self as detail, said};
use super::i18n::{arg, language, tr_args};
use crate::search::SearchError;
use crate::store::session::{OpenError, SessionError};
use crate::store::sidecar::SidecarError;
use crate::workspace::batch::agree::AgreementError;
use crate::workspace::error::SchemaWriteError;
use crate::workspace::preferences::Language;
use crate::workspace::{ActionError, ExchangeError};
use fluent_bundle::FluentValue;
use std::fmt::Display;
use std::path::Path;

/// A Fluent id and its named arguments.
pub type Keyed = (&'static str, Vec<(&'static str, FluentValue<'static>)>);

/// `err` as the window says it, in the interface language.
pub fn error_text(err: &ActionError) -> String {
    if language() == Language::English {
        return err.to_string();
    }
    let (id, args) = error_key(err);
    tr_args(id, &args)
}

/// A text argument isolated from the sentence around it (first strong letter sets its direction).
pub fn isolated(text: impl Display) -> FluentValue<'static> {
    arg(isolated_text(text))
}

/// `text` between FSI and PDI, for a sentence or a list made before it becomes an argument.
pub fn isolated_text(text: impl Display) -> String {
    format!("\u{2068}{text}\u{2069}")
}

fn path_arg(path: &Path) -> FluentValue<'static> {
    isolated(path.display())
}

/// The Fluent id and arguments of `err`. Exhaustive over [`ActionError`], so that a new variant
/// does not compile until it has an id (and `error_text_tests` checks the id has Arabic).
pub fn error_key(err: &ActionError) -> Keyed {
    use ActionError as E;
    match err {
        E::NothingOpen => ("error-nothing-open", vec![]),
        E::Open { path, source } => open_key(path, source),
        E::Sample { path, source } => (
            "error-sample",
            vec![
                ("path", path_arg(path)),
                ("detail", said(detail::io_key(source))),
            ],
        ),
        E::UnsavedChanges => ("error-unsaved-changes", vec![]),
        E::EmptyRange => ("error-empty-range", vec![]),
        E::UnknownLabel { label, schema } => (
            "error-unknown-label",
            vec![("label", isolated(label)), ("schema", isolated(schema))],
        ),
        E::UnknownRelationType { kind, schema } => (
            "error-unknown-relation-type",
            vec![("kind", isolated(kind)), ("schema", isolated(schema))],
        ),
        E::RelationNotAllowed {
            kind,
            from_label,
            to_label,
        } => (
            "error-relation-not-allowed",
            vec![
                ("kind", isolated(kind)),
                ("from", isolated(from_label)),
                ("to", isolated(to_label)),
            ],
        ),
        E::ReadOnly { annotator } => ("error-read-only", vec![("annotator", isolated(annotator))]),
        E::NoSuchVersion { annotator, sidecar } => (
            "error-no-such-version",
            vec![
                ("annotator", isolated(annotator)),
                ("path", path_arg(sidecar)),
            ],
        ),
        E::Agreement(err) => agreement_key(err),
        E::NoRelationFits {
            first_label,
            second_label,
            schema,
        } => (
            "error-no-relation-fits",
            vec![
                ("first", isolated(first_label)),
                ("second", isolated(second_label)),
                ("schema", isolated(schema)),
            ],
        ),
        E::SelfLink => ("error-self-link", vec![]),
        E::AlreadyLinked { from, to, kind } => (
            "error-already-linked",
            vec![
                ("from", isolated(from)),
                ("to", isolated(to)),
                ("kind", isolated(kind)),
            ],
        ),
        E::NoSuchAnnotation(id) => ("error-no-such-annotation", vec![("id", isolated(id))]),
        E::NoCorpus => ("error-no-corpus", vec![]),
        E::NoSuchText(n) => ("error-no-such-text", vec![("n", isolated(n))]),
        E::Folder { path, source } => (
            "error-folder",
            vec![
                ("path", path_arg(path)),
                ("detail", said(detail::walk_key(source))),
            ],
        ),
        E::NoSuchPath(path) => ("error-no-such-path", vec![("path", path_arg(path))]),
        E::EmptyFolder(path) => ("error-empty-folder", vec![("path", path_arg(path))]),
        E::NoSuchPreset(name) => (
            "error-no-such-preset",
            vec![
                ("name", isolated(name)),
                (
                    "choices",
                    isolated("named-entities, news-rhetoric, fact-checking"),
                ),
            ],
        ),
        E::InvalidSchema(problems) => {
            let listed: Vec<String> = problems
                .iter()
                .map(|p| detail::worded(detail::saving_problem_key(p)))
                .collect();
            (
                "error-invalid-schema",
                vec![("problems", arg(listed.join("؛ ")))],
            )
        }
        E::SchemaExists(path) => ("error-schema-exists", vec![("path", path_arg(path))]),
        E::WriteSchema { path, reason } => {
            let reason = match reason {
                SchemaWriteError::Save(err) => said(detail::save_key(err)),
                SchemaWriteError::NotReadBack(what) => {
                    said(("schema-not-read-back", vec![("detail", isolated(what))]))
                }
            };
            (
                "error-write-schema",
                vec![("path", path_arg(path)), ("detail", reason)],
            )
        }
        E::Search(err) => search_key(err),
        E::PageFormat(path) => ("error-page-format", vec![("path", path_arg(path))]),
        E::Page(err) => (
            "error-page",
            vec![("detail", said(detail::render_key(err)))],
        ),
        E::Session(err) => session_key(err),
        E::Exchange(err) => exchange_key(err),
    }
}

fn open_key(path: &Path, err: &OpenError) -> Keyed {
    match err {
        OpenError::Text(err) => detail::decode_key(path_arg(path), err),
        OpenError::ReadSidecar(err) => (
            "error-read-sidecar",
            vec![
                ("path", path_arg(path)),
                ("detail", said(detail::io_key(&err.source))),
            ],
        ),
        OpenError::Sidecar(err) => sidecar_key(err),
        OpenError::Schema(err) => (
            "error-schema-load",
            vec![("detail", said(detail::sidecar_detail_key(err)))],
        ),
    }
}

fn sidecar_key(err: &SidecarError) -> Keyed {
    match err {
        SidecarError::Parse {
            path,
            line,
            column,
            message,
        } => (
            "error-sidecar-parse",
            vec![
                (
                    "place",
                    isolated(format!("{}:{line}:{column}", path.display())),
                ),
                ("detail", isolated(message)),
            ],
        ),
        SidecarError::NotUtf8 { path, line } => (
            "error-sidecar-not-utf8",
            vec![("place", isolated(format!("{}:{line}", path.display())))],
        ),
        SidecarError::MergeConflict { path, line } => (
            "error-sidecar-merge-conflict",
            vec![("place", isolated(format!("{}:{line}", path.display())))],
        ),
        SidecarError::Io { path, source } => (
            "error-sidecar-io",
            vec![
                ("path", path_arg(path)),
                ("detail", said(detail::io_key(source))),
            ],
        ),
        SidecarError::NoFormat { path } => (
            "error-sidecar-no-format",
            vec![
                ("path", path_arg(path)),
                ("field", isolated("format:")),
                ("example", isolated("format: 1,")),
            ],
        ),
        SidecarError::NewerFormat {
            path,
            found,
            supported,
        } => (
            "error-sidecar-newer",
            vec![
                ("path", path_arg(path)),
                ("found", isolated(found)),
                ("supported", isolated(supported)),
            ],
        ),
        _ => (
            "error-sidecar-other",
            vec![("detail", said(detail::sidecar_detail_key(err)))],
        ),
    }
}

fn search_key(err: &SearchError) -> Keyed {
    match err {
        SearchError::Empty => ("error-search-empty", vec![]),
        SearchError::BadRegex { pattern, message } => (
            "error-bad-regex",
            vec![
                ("pattern", isolated(pattern)),
                ("detail", isolated(message)),
            ],
        ),
    }
}

fn agreement_key(err: &AgreementError) -> Keyed {
    let nested = match err {
        AgreementError::NothingToCompare => return ("error-nothing-to-compare", vec![]),
        AgreementError::Discover(err) => detail::discover_key(err),
        AgreementError::Measure(err) => detail::agree_key(err),
    };
    ("error-agreement", vec![("detail", said(nested))])
}

fn session_key(err: &SessionError) -> Keyed {
    match err {
        SessionError::Edit(err) => ("error-edit", vec![("detail", said(detail::edit_key(err)))]),
        SessionError::Save(err) => ("error-save", vec![("detail", said(detail::save_key(err)))]),
        SessionError::SidecarUnreadable { path, reason } => (
            "error-sidecar-unreadable",
            vec![("path", path_arg(path)), ("detail", isolated(reason))],
        ),
        SessionError::NoRecovery => ("error-no-recovery", vec![]),
        SessionError::SaveAsTaken { path } => {
            ("error-save-as-taken", vec![("path", path_arg(path))])
        }
        SessionError::TextChangedOnDisk { path } => {
            ("error-text-changed", vec![("path", path_arg(path))])
        }
        SessionError::BadRecovery(err) => (
            "error-bad-recovery",
            vec![("detail", said(detail::sidecar_detail_key(err)))],
        ),
    }
}

fn exchange_key(err: &ExchangeError) -> Keyed {
    match err {
        ExchangeError::Format(err) => (
            "error-exchange",
            vec![("detail", said(detail::format_key(err)))],
        ),
        ExchangeError::Csv(err) => ("error-csv", vec![("detail", detail::csv_detail(err))]),
        ExchangeError::OtherText { path, found } => (
            "error-other-text",
            vec![("path", path_arg(path)), ("n", isolated(found))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::AnnotationId;
    use crate::store::decode::{DecodeError, Source};
    use crate::ui::i18n::{missing, set_language};
    use crate::workspace::schema_files::SavingProblem;
    use std::io;
    use std::path::PathBuf;

    /// One value of every variant of [`ActionError`], and of the nested errors with their own id.
    fn samples() -> Vec<ActionError> {
        let path = || PathBuf::from("/tmp/corpus/article.txt");
        let sidecar = || PathBuf::from("/tmp/corpus/article.txt.ann.ron");
        let label = |s: &str| s.to_owned();
        let not_found = || io::Error::from(io::ErrorKind::NotFound);
        let open = |source| ActionError::Open {
            path: path(),
            source,
        };
        vec![
            ActionError::NothingOpen,
            open(OpenError::Text(DecodeError::Io {
                source_file: Source(Some(path())),
                error: not_found(),
            })),
            open(OpenError::Text(DecodeError::Io {
                source_file: Source(Some(path())),
                error: io::Error::from(io::ErrorKind::PermissionDenied),
            })),
            open(OpenError::Text(DecodeError::InvalidUtf8 {
                source_file: Source(Some(path())),
                byte: 12,
                line: 2,
            })),
            open(OpenError::Text(DecodeError::Binary {
                source_file: Source(Some(path())),
                why: "a NUL byte at byte 3".into(),
            })),
            open(OpenError::Sidecar(SidecarError::Parse {
                path: sidecar(),
                line: 1,
                column: 1,
                message: "Expected opening `(`".into(),
            })),
            open(OpenError::Sidecar(SidecarError::NotUtf8 {
                path: sidecar(),
                line: 3,
            })),
            open(OpenError::Sidecar(SidecarError::MergeConflict {
                path: sidecar(),
                line: 4,
            })),
            open(OpenError::Sidecar(SidecarError::NoFormat {
                path: sidecar(),
            })),
            open(OpenError::Sidecar(SidecarError::NewerFormat {
                path: sidecar(),
                found: 9,
                supported: 1,
            })),
            open(OpenError::Sidecar(SidecarError::Io {
                path: sidecar(),
                source: io::Error::from(io::ErrorKind::PermissionDenied),
            })),
            open(OpenError::Sidecar(SidecarError::UnknownBundledSchema {
                id: "poetry".into(),
            })),
            ActionError::Sample {
                path: path(),
                source: not_found(),
            },
            ActionError::UnsavedChanges,
            ActionError::EmptyRange,
            ActionError::UnknownLabel {
                label: label("PER"),
                schema: label("ner"),
            },
            ActionError::UnknownRelationType {
                kind: label("supports"),
                schema: label("ner"),
            },
            ActionError::RelationNotAllowed {
                kind: label("supports"),
                from_label: label("PER"),
                to_label: label("ORG"),
            },
            ActionError::ReadOnly {
                annotator: label("huda"),
            },
            ActionError::NoSuchVersion {
                annotator: label("huda"),
                sidecar: sidecar(),
            },
            ActionError::Agreement(AgreementError::NothingToCompare),
            ActionError::NoRelationFits {
                first_label: label("PER"),
                second_label: label("ORG"),
                schema: label("ner"),
            },
            ActionError::SelfLink,
            ActionError::AlreadyLinked {
                from: AnnotationId(1),
                to: AnnotationId(2),
                kind: label("supports"),
            },
            ActionError::NoSuchAnnotation(AnnotationId(7)),
            ActionError::NoCorpus,
            ActionError::NoSuchText(9),
            ActionError::Folder {
                path: path(),
                source: crate::store::walk::WalkError::Io {
                    path: path(),
                    source: io::Error::from(io::ErrorKind::PermissionDenied),
                },
            },
            ActionError::NoSuchPath(path()),
            ActionError::EmptyFolder(path()),
            ActionError::NoSuchPreset(label("poetry")),
            ActionError::InvalidSchema(vec![SavingProblem::UnnamedLabel(label("PER"))]),
            ActionError::SchemaExists(path()),
            ActionError::WriteSchema {
                path: path(),
                reason: SchemaWriteError::NotReadBack(label("Err(Parse)")),
            },
            ActionError::Search(SearchError::Empty),
            ActionError::Search(SearchError::BadRegex {
                pattern: label("(["),
                message: label("unclosed group"),
            }),
            ActionError::PageFormat(path()),
            ActionError::Page(crate::render::RenderError::BadFont {
                font: label("x.ttf"),
                reason: label("bad table"),
            }),
            ActionError::Session(SessionError::SidecarUnreadable {
                path: sidecar(),
                reason: label("line 1: Expected opening"),
            }),
            ActionError::Session(SessionError::NoRecovery),
            ActionError::Session(SessionError::SaveAsTaken { path: path() }),
            ActionError::Session(SessionError::TextChangedOnDisk { path: path() }),
            ActionError::Exchange(ExchangeError::OtherText {
                path: path(),
                found: 2,
            }),
        ]
    }

    /// One value of every variant of the errors nested in [`ActionError`] (decoding, inputs,
    /// sidecars, schemas and their problems, saves at several steps and kinds, edits, pages,
    /// agreement, import and export), each inside the variant that carries it.
    fn nested_samples() -> Vec<ActionError> {
        use crate::agree::AgreeError;
        use crate::model::edit::EditError;
        use crate::model::relation::RelationId;
        use crate::model::schema::{SchemaError, SchemaProblem};
        use crate::render::RenderError;
        use crate::store::atomic::{SaveError, SaveStep};
        use crate::store::formats::FormatError;
        use crate::store::input::InputError;
        use crate::store::sidecar::DiscoverError;
        let path = || PathBuf::from("/tmp/corpus/article.txt");
        let sidecar = || PathBuf::from("/tmp/corpus/article.txt.ann.ron");
        let source = || Source(Some(path()));
        let kind = io::Error::from;
        let open = |source| ActionError::Open {
            path: path(),
            source,
        };
        let save = |step, error| SaveError {
            path: sidecar(),
            step,
            source: error,
        };
        let owner = |o: &str| o.to_owned();
        let problems = vec![
            SchemaProblem::EmptyId {
                place: owner("label"),
            },
            SchemaProblem::EmptyId {
                place: owner("relation type"),
            },
            SchemaProblem::DuplicateLabel(owner("PER")),
            SchemaProblem::DuplicateRelationType(owner("member-of")),
            SchemaProblem::DuplicateAttribute {
                owner: owner("label \"PER\""),
                attribute: owner("role"),
            },
            SchemaProblem::BadChoices {
                owner: owner("relation type \"member-of\""),
                attribute: owner("since"),
            },
            SchemaProblem::BadChoices {
                owner: owner("document"),
                attribute: owner("genre"),
            },
            SchemaProblem::UnknownLabelInRelation {
                relation: owner("member-of"),
                label: owner("speaker"),
            },
            SchemaProblem::DuplicateHotkey {
                key: '1',
                label: owner("ORG"),
            },
        ];
        let schema_errors = vec![
            SchemaError::Io {
                path: path(),
                source: kind(io::ErrorKind::NotFound),
            },
            SchemaError::Parse {
                path: path(),
                line: 3,
                column: 7,
                message: owner("Expected closing `)`"),
            },
            SchemaError::Inconsistent {
                path: path(),
                problems: problems.clone(),
            },
        ];
        let mut errors = vec![
            open(OpenError::Text(DecodeError::NotAFile {
                source_file: source(),
                kind: "a named pipe (FIFO)",
            })),
            open(OpenError::Text(DecodeError::TooLarge {
                source_file: source(),
                size: 70_000_000,
                limit: 67_108_864,
            })),
            open(OpenError::Text(DecodeError::InvalidUtf16 {
                source_file: source(),
                byte: 9,
                why: "odd number of bytes",
            })),
            open(OpenError::Text(DecodeError::InvalidUtf16 {
                source_file: source(),
                byte: 12,
                why: "unpaired surrogate",
            })),
            open(OpenError::Text(DecodeError::UnsupportedEncoding {
                source_file: source(),
                guess: "windows-1255",
            })),
            open(OpenError::ReadSidecar(save(
                SaveStep::CheckOnDisk,
                kind(io::ErrorKind::PermissionDenied),
            ))),
            open(OpenError::Sidecar(SidecarError::Input(
                InputError::NotAFile {
                    path: sidecar(),
                    kind: "a folder",
                },
            ))),
            open(OpenError::Sidecar(SidecarError::DuplicateAnnotationId {
                path: sidecar(),
                id: AnnotationId(4),
                line: Some(9),
            })),
            open(OpenError::Sidecar(SidecarError::DuplicateRelationId {
                path: sidecar(),
                id: RelationId(2),
                line: None,
            })),
            open(OpenError::Sidecar(SidecarError::Project {
                path: PathBuf::from("/tmp/corpus/hamish-project.ron"),
                line: 1,
                column: 2,
                message: owner("Expected boolean"),
            })),
            open(OpenError::Schema(SidecarError::UnknownBundledSchema {
                id: owner("poetry"),
            })),
            ActionError::Sample {
                path: path(),
                source: kind(io::ErrorKind::StorageFull),
            },
            ActionError::InvalidSchema(vec![
                SavingProblem::Schema(problems[0].clone()),
                SavingProblem::SpacedLabelId(owner("my label")),
                SavingProblem::SpacedRelationId(owner("member of")),
            ]),
            ActionError::WriteSchema {
                path: path(),
                reason: SchemaWriteError::Save(save(
                    SaveStep::Write,
                    kind(io::ErrorKind::StorageFull),
                )),
            },
            ActionError::Page(RenderError::WritePng {
                path: path(),
                reason: owner("denied"),
            }),
            ActionError::Page(RenderError::Pdf {
                reason: owner("font subset"),
            }),
            ActionError::Page(RenderError::WritePage {
                path: path(),
                reason: owner("denied"),
            }),
            ActionError::Page(RenderError::PageTooLarge {
                width: 90_000,
                height: 90_000,
            }),
            ActionError::Session(SessionError::BadRecovery(SidecarError::Parse {
                path: sidecar(),
                line: 2,
                column: 1,
                message: owner("Unexpected end"),
            })),
            ActionError::Agreement(AgreementError::Discover(DiscoverError::Io {
                path: path(),
                source: kind(io::ErrorKind::NotFound),
            })),
            ActionError::Agreement(AgreementError::Discover(DiscoverError::NoSidecar {
                path: path(),
                sidecar: sidecar(),
            })),
            ActionError::Agreement(AgreementError::Measure(AgreeError::TooManyLabels {
                count: 200,
            })),
            ActionError::Agreement(AgreementError::Measure(AgreeError::TooFewAnnotators {
                count: 1,
            })),
            ActionError::Exchange(ExchangeError::Csv(csv::Error::from(kind(
                io::ErrorKind::PermissionDenied,
            )))),
        ];
        errors.extend(
            schema_errors
                .into_iter()
                .map(|err| open(OpenError::Sidecar(SidecarError::Schema(err)))),
        );
        let saves = [
            (SaveStep::CheckPermissions, io::ErrorKind::PermissionDenied),
            (SaveStep::CreateTemp, io::ErrorKind::PermissionDenied),
            (SaveStep::Rename, io::ErrorKind::ReadOnlyFilesystem),
            (SaveStep::CreateNew, io::ErrorKind::AlreadyExists),
            (SaveStep::SyncFile, io::ErrorKind::Interrupted),
            (SaveStep::Backup, io::ErrorKind::IsADirectory),
            (SaveStep::SyncFolder, io::ErrorKind::NotADirectory),
            (SaveStep::WriteConflictCopy, io::ErrorKind::InvalidData),
            (SaveStep::RemoveRecovery, io::ErrorKind::QuotaExceeded),
        ];
        errors.extend(saves.into_iter().map(|(step, error)| {
            ActionError::Session(SessionError::Save(save(step, kind(error))))
        }));
        // An error the kinds do not name: the OS's number (EIO), none of its English words.
        errors.push(ActionError::Session(SessionError::Save(save(
            SaveStep::Write,
            io::Error::from_raw_os_error(5),
        ))));
        let edits = [
            EditError::NoSuchAnnotation(AnnotationId(3)),
            EditError::NoSuchRelation(RelationId(3)),
            EditError::AnnotationIdTaken(AnnotationId(3)),
            EditError::RelationIdTaken(RelationId(3)),
            EditError::DanglingRelation {
                relation: RelationId(1),
                missing: AnnotationId(8),
            },
            EditError::AnchorCount {
                id: AnnotationId(3),
                ranges: 2,
                anchors: 1,
            },
        ];
        errors.extend(
            edits
                .into_iter()
                .map(|err| ActionError::Session(SessionError::Edit(err))),
        );
        let formats = vec![
            FormatError::Io {
                path: path(),
                source: kind(io::ErrorKind::NotFound),
            },
            FormatError::Input(InputError::TooLarge {
                path: path(),
                size: 70_000_000,
                limit: 67_108_864,
            }),
            FormatError::Decode(DecodeError::InvalidUtf8 {
                source_file: source(),
                byte: 3,
                line: 1,
            }),
            FormatError::Save(save(
                SaveStep::Rename,
                kind(io::ErrorKind::PermissionDenied),
            )),
            FormatError::Syntax {
                path: path(),
                line: 4,
                message: owner("expected a tab"),
            },
            FormatError::Exists { path: path() },
            FormatError::OutsideFolder {
                path: path(),
                why: owner("a folder is there"),
            },
            FormatError::Collision {
                path: path(),
                first: owner("a/x.txt"),
                second: owner("b/x.txt"),
            },
            FormatError::TextChanged { path: path() },
            FormatError::BadRanges {
                path: sidecar(),
                problems: owner("annotation 3 ends past the text"),
            },
            FormatError::Sidecar(SidecarError::NotUtf8 {
                path: sidecar(),
                line: 2,
            }),
        ];
        errors.extend(
            formats
                .into_iter()
                .map(|err| ActionError::Exchange(ExchangeError::Format(err))),
        );
        errors
    }

    fn argument_text(err: &ActionError) -> String {
        let (_, args) = error_key(err);
        args.iter()
            .map(|(_, value)| match value {
                FluentValue::String(text) => text.to_lowercase(),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// In Arabic every error is an Arabic sentence: none of the English message's words is left,
    /// but those of its arguments (paths, labels, the system's own words).
    #[test]
    fn every_error_reads_in_arabic_without_the_english_words() {
        set_language(Language::Arabic);
        for err in samples().into_iter().chain(nested_samples()) {
            let english = err.to_string();
            let arabic = error_text(&err);
            let args = argument_text(&err);
            crate::ui::i18n::assert_reads_in_arabic(&arabic, &english, &args);
        }
        set_language(Language::English);
        assert!(missing().is_empty(), "{:?}", missing());
    }

    /// Every problem Check can report reads in Arabic: its id has Arabic, no English word of
    /// the problem's own message is left besides its labels and values.
    #[test]
    fn every_check_problem_reads_in_arabic() {
        use crate::model::relation::RelationId;
        use crate::model::validate::{ExpectedValue, FoundValue, Owner, Problem};
        use crate::offset::CharRange;
        let (a, r) = (AnnotationId(7), RelationId(3));
        let range = CharRange::from_indices(5, 9);
        let problems = [
            Problem::UnknownLabel {
                id: a,
                label: "CLAIM".into(),
            },
            Problem::NoRanges(a),
            Problem::EmptyRange { id: a, range },
            Problem::ReversedRange { id: a, range },
            Problem::RangePastEnd {
                id: a,
                range,
                text_len: 4,
            },
            Problem::AnchorCount {
                id: a,
                ranges: 2,
                anchors: 1,
            },
            Problem::UnknownRelationType {
                id: r,
                kind: "cites".into(),
            },
            Problem::DanglingRelation {
                id: r,
                missing: AnnotationId(9),
            },
            Problem::RelationNotAllowed {
                id: r,
                kind: "cites".into(),
                from_label: "CLAIM".into(),
                to_label: "SOURCE".into(),
            },
            Problem::UnknownAttribute {
                owner: Owner::Annotation(a),
                attribute: "stance".into(),
            },
            Problem::BadAttributeValue {
                owner: Owner::Relation(r),
                attribute: "stance".into(),
                expected: ExpectedValue::OneOf(vec!["pro".into(), "con".into()]),
                found: FoundValue {
                    kind: "text",
                    value: "maybe".into(),
                },
            },
            Problem::BadAttributeValue {
                owner: Owner::Annotation(a),
                attribute: "weight".into(),
                expected: ExpectedValue::FiniteNumber,
                found: FoundValue {
                    kind: "number",
                    value: "NaN".into(),
                },
            },
            Problem::BadAttributeValue {
                owner: Owner::Document,
                attribute: "topic".into(),
                expected: ExpectedValue::Kind("text"),
                found: FoundValue {
                    kind: "bool",
                    value: "true".into(),
                },
            },
            Problem::UnknownAttribute {
                owner: Owner::Document,
                attribute: "topic".into(),
            },
        ];
        // Labels, relation types, attributes and values are the schema's and the file's own.
        let kept = "claim source cites stance topic weight maybe pro con nan true";
        set_language(Language::Arabic);
        for problem in &problems {
            let arabic =
                crate::ui::error_detail::worded(crate::ui::error_detail::problem_key(problem));
            crate::ui::i18n::assert_reads_in_arabic(&arabic, &problem.to_string(), kept);
        }
        set_language(Language::English);
        assert!(missing().is_empty(), "{:?}", missing());
    }

    /// English is the error's own message, exactly as before.
    #[test]
    fn english_errors_are_the_errors_own_messages() {
        set_language(Language::English);
        for err in samples().into_iter().chain(nested_samples()) {
            assert_eq!(error_text(&err), err.to_string());
        }
    }

    /// Every id this file can produce has an Arabic translation (also those without a sample).
    #[test]
    fn every_error_id_is_in_the_arabic_file() {
        let source = include_str!("error_text.rs");
        let ar = include_str!("../../assets/i18n/ar.ftl");
        let ids: Vec<&str> = source
            .split('"')
            .filter(|s| s.starts_with("error-") && !s.ends_with('-') && !s.contains(' '))
            .collect();
        assert!(ids.len() > 40, "{ids:?}");
        for id in ids {
            assert!(
                ar.lines().any(|line| line.starts_with(&format!("{id} ="))),
                "{id} has no Arabic"
            );
        }
    }

    /// What the system said reads in Arabic by its kind, each kind its own words; the kinds no
    /// phrase names give the OS's number; an I/O error carrying an input error is that error.
    #[test]
    fn io_errors_read_in_arabic_by_their_kind_with_the_os_number() {
        use super::super::error_detail::{io_key, worded};
        use io::ErrorKind as K;
        set_language(Language::Arabic);
        let said = |err: io::Error| worded(io_key(&err));
        let kinds = [
            (K::NotFound, "غير موجود"),
            (K::PermissionDenied, "لا إذن"),
            (K::AlreadyExists, "موجود من قبل"),
            (K::IsADirectory, "مجلد لا ملف"),
            (K::StorageFull, "القرص ممتلئ"),
            (K::QuotaExceeded, "القرص ممتلئ"),
            (K::ReadOnlyFilesystem, "للقراءة فقط"),
            (K::InvalidData, "غير صالحة"),
            (K::Interrupted, "انقطعت"),
            (K::TimedOut, "انتهت مهلتها"),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for (kind, words) in kinds {
            let text = said(io::Error::from(kind));
            assert!(text.contains(words), "{kind:?}: {text}");
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
            seen.insert(text);
        }
        // Storage full and quota, interrupted and timed out, share a phrase.
        assert_eq!(seen.len(), kinds.len() - 2, "one phrase per kind: {seen:?}");
        // The OS's own errors: ENOENT by its kind, EIO by its number.
        let enoent = said(io::Error::from_raw_os_error(2));
        assert_eq!(enoent, said(io::Error::from(K::NotFound)));
        let eio = said(io::Error::from_raw_os_error(5));
        assert!(eio.contains("خطأ من النظام") && eio.contains('5'), "{eio}");
        assert!(!eio.to_lowercase().contains("output"), "{eio}");
        assert!(!said(io::Error::other("boom")).contains("boom"));
        let input = crate::store::input::InputError::NotAFile {
            path: PathBuf::from("/tmp/fifo"),
            kind: "a named pipe (FIFO)",
        };
        let text = said(io::Error::from(input));
        assert!(
            text.contains("أنبوب مسمّى") && text.contains("/tmp/fifo"),
            "{text}"
        );
        set_language(Language::English);
        assert!(missing().is_empty(), "{:?}", missing());
    }

    /// Every Fluent id the nested errors' file can produce has Arabic.
    #[test]
    fn every_nested_error_id_is_in_the_arabic_file() {
        let source = include_str!("error_detail.rs");
        let ar = include_str!("../../assets/i18n/ar.ftl");
        let not_ids = ["fact-checking"];
        let ids: Vec<&str> = source
            .split('"')
            .filter(|s| {
                s.contains('-')
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                    && !s.starts_with('-')
                    && !not_ids.contains(s)
            })
            .collect();
        assert!(ids.len() > 80, "{}: {ids:?}", ids.len());
        for id in ids {
            assert!(
                ar.lines().any(|line| line.starts_with(&format!("{id} ="))),
                "{id} has no Arabic"
            );
        }
    }

    /// A path and a position keep their order inside the Arabic sentence: they are isolated.
    #[test]
    fn the_corrupt_sidecar_names_the_file_and_place_isolated() {
        set_language(Language::Arabic);
        let err = &samples()[5];
        let text = error_text(err);
        set_language(Language::English);
        assert!(
            text.starts_with(
                "\u{2068}/tmp/corpus/article.txt.ann.ron:1:1\u{2069}: تعذّرت قراءة ملف التعليقات"
            ),
            "{text}"
        );
        assert!(
            text.contains("\u{2068}Expected opening `(`\u{2069}"),
            "{text}"
        );
    }
}
