//! The window's text for an error of the application layer ([`ActionError`]) in the interface
//! language: English is the error's own message; Arabic maps each variant to a Fluent id of
//! `assets/i18n/ar.ftl` with the file paths, positions, labels and the system's own words as
//! arguments, each wrapped in a Unicode isolate (FSI … PDI) so that a left-to-right path or a
//! number keeps its order inside an Arabic sentence in the text engine's bidi.

use super::i18n::{arg, language, tr_args};
use crate::search::SearchError;
use crate::store::decode::DecodeError;
use crate::store::session::{OpenError, SessionError};
use crate::store::sidecar::SidecarError;
use crate::workspace::batch::agree::AgreementError;
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
    arg(format!("\u{2068}{text}\u{2069}"))
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
            vec![("path", path_arg(path)), ("detail", isolated(source))],
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
        E::Folder { path, reason } => (
            "error-folder",
            vec![("path", path_arg(path)), ("detail", isolated(reason))],
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
        E::InvalidSchema(problems) => (
            "error-invalid-schema",
            vec![("problems", isolated(problems.join("; ")))],
        ),
        E::SchemaExists(path) => ("error-schema-exists", vec![("path", path_arg(path))]),
        E::WriteSchema { path, reason } => (
            "error-write-schema",
            vec![("path", path_arg(path)), ("detail", isolated(reason))],
        ),
        E::Search(err) => search_key(err),
        E::PageFormat(path) => ("error-page-format", vec![("path", path_arg(path))]),
        E::Page(err) => ("error-page", vec![("detail", isolated(err))]),
        E::Session(err) => session_key(err),
        E::Exchange(err) => exchange_key(err),
    }
}

fn open_key(path: &Path, err: &OpenError) -> Keyed {
    match err {
        OpenError::Text(err) => decode_key(path, err),
        OpenError::ReadSidecar(err) => (
            "error-read-sidecar",
            vec![("path", path_arg(path)), ("detail", isolated(&err.source))],
        ),
        OpenError::Sidecar(err) => sidecar_key(err),
        OpenError::Schema(err) => ("error-schema-load", vec![("detail", isolated(err))]),
    }
}

fn decode_key(path: &Path, err: &DecodeError) -> Keyed {
    match err {
        DecodeError::Io { error, .. } if error.kind() == std::io::ErrorKind::NotFound => {
            ("error-file-not-found", vec![("path", path_arg(path))])
        }
        DecodeError::Io { error, .. } => (
            "error-cannot-read-file",
            vec![("path", path_arg(path)), ("detail", isolated(error))],
        ),
        DecodeError::InvalidUtf8 { byte, line, .. } => (
            "error-invalid-utf8",
            vec![
                ("path", path_arg(path)),
                ("byte", isolated(byte)),
                ("line", isolated(line)),
            ],
        ),
        DecodeError::Binary { why, .. } => (
            "error-binary-file",
            vec![("path", path_arg(path)), ("detail", isolated(why))],
        ),
        // The rarer ones: the file named, the reader's own words as the detail.
        _ => (
            "error-cannot-open-text",
            vec![("path", path_arg(path)), ("detail", isolated(err))],
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
            vec![("path", path_arg(path)), ("detail", isolated(source))],
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
        _ => ("error-sidecar-other", vec![("detail", isolated(err))]),
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
    match err {
        AgreementError::NothingToCompare => ("error-nothing-to-compare", vec![]),
        _ => ("error-agreement", vec![("detail", isolated(err))]),
    }
}

fn session_key(err: &SessionError) -> Keyed {
    match err {
        SessionError::Edit(err) => ("error-edit", vec![("detail", isolated(err))]),
        SessionError::Save(err) => ("error-save", vec![("detail", isolated(err))]),
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
        SessionError::BadRecovery(err) => ("error-bad-recovery", vec![("detail", isolated(err))]),
    }
}

fn exchange_key(err: &ExchangeError) -> Keyed {
    match err {
        ExchangeError::Format(err) => ("error-exchange", vec![("detail", isolated(err))]),
        ExchangeError::Csv(err) => ("error-csv", vec![("detail", isolated(err))]),
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
    use crate::store::decode::Source;
    use crate::ui::i18n::{missing, set_language};
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
                reason: label("permission denied"),
            },
            ActionError::NoSuchPath(path()),
            ActionError::EmptyFolder(path()),
            ActionError::NoSuchPreset(label("poetry")),
            ActionError::InvalidSchema(vec![label("two labels are called PER")]),
            ActionError::SchemaExists(path()),
            ActionError::WriteSchema {
                path: path(),
                reason: label("disk full"),
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
        for err in samples() {
            let english = err.to_string();
            let arabic = error_text(&err);
            let args = argument_text(&err);
            assert!(
                arabic
                    .chars()
                    .any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
                "{arabic}"
            );
            for word in english
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 4)
                .map(str::to_lowercase)
                .filter(|w| !args.contains(w.as_str()))
            {
                assert!(
                    !arabic.to_lowercase().contains(&word),
                    "{word:?} left in {arabic:?} (from {english:?})"
                );
            }
        }
        set_language(Language::English);
        assert!(missing().is_empty(), "{:?}", missing());
    }

    /// English is the error's own message, exactly as before.
    #[test]
    fn english_errors_are_the_errors_own_messages() {
        set_language(Language::English);
        for err in samples() {
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
