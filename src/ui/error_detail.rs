//! The Arabic text of the errors nested inside an [`ActionError`](crate::workspace::ActionError)
//! and of the system's own errors: each error type of the core (decoding, reading inputs,
//! sidecars, schemas and their problems, atomic saves, edits, page drawing, agreement, import and
//! export) matched exhaustively onto Fluent ids of `assets/i18n/ar.ftl`, and `std::io::Error`
//! described by its kind (the system's message is English) with the OS's error number. Paths,
//! positions and names are isolated (FSI … PDI) as in [`super::error_text`]. Used only when the
//! interface is Arabic; English shows each error's own message.

use super::error_text::{isolated, isolated_text, Keyed};
use super::i18n::{arg, tr_args};
use crate::agree::AgreeError;
use crate::model::edit::EditError;
use crate::model::schema::{SchemaError, SchemaProblem};
use crate::model::validate::{Owner, Problem};
use crate::offset::CharRange;
use crate::render::RenderError;
use crate::store::atomic::{SaveError, SaveStep};
use crate::store::decode::{DecodeError, Source};
use crate::store::formats::FormatError;
use crate::store::input::InputError;
use crate::store::sidecar::{DiscoverError, SidecarError};
use crate::store::walk::WalkError;
use crate::workspace::schema_files::SavingProblem;
use fluent_bundle::FluentValue;
use std::io;
use std::path::Path;

/// The text of a nested error, as the argument of the sentence around it (an Arabic sentence,
/// whose own paths are isolated, so it is not isolated itself).
pub fn said(keyed: Keyed) -> FluentValue<'static> {
    arg(worded(keyed))
}

/// A Fluent id with its arguments, worded in the interface language.
pub fn worded((id, args): Keyed) -> String {
    tr_args(id, &args)
}

fn path_arg(path: &Path) -> FluentValue<'static> {
    isolated(path.display())
}

/// `path:line` or `path:line:column`, isolated.
fn place(path: &Path, line: impl std::fmt::Display, column: Option<usize>) -> FluentValue<'static> {
    match column {
        Some(column) => isolated(format!("{}:{line}:{column}", path.display())),
        None => isolated(format!("{}:{line}", path.display())),
    }
}

/// What the system said, by its kind: not found, permission denied, … (the OS's number for the
/// rest). An I/O error that carries an [`InputError`] is that error's own text.
pub fn io_key(err: &io::Error) -> Keyed {
    if let Some(input) = err.get_ref().and_then(|e| e.downcast_ref::<InputError>()) {
        return input_key(input);
    }
    use io::ErrorKind as K;
    let id = match err.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::StorageFull | K::QuotaExceeded => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::InvalidData | K::InvalidInput => "io-invalid-data",
        K::Interrupted | K::TimedOut | K::WouldBlock => "io-interrupted",
        K::FileTooLarge => "io-too-large",
        _ => match err.raw_os_error() {
            Some(code) => return ("io-other", vec![("code", isolated(code))]),
            None => "io-other-no-code",
        },
    };
    (id, vec![])
}

/// What a path is instead of a regular file ("a folder", "a named pipe (FIFO)", …).
fn file_kind(kind: &str) -> FluentValue<'static> {
    let id = match kind {
        "a folder" => "file-kind-folder",
        "a named pipe (FIFO)" => "file-kind-fifo",
        "a device" => "file-kind-device",
        "a socket" => "file-kind-socket",
        other => return isolated(other),
    };
    said((id, vec![]))
}

/// An input file that could not be read.
pub fn input_key(err: &InputError) -> Keyed {
    match err {
        InputError::Io { path, source } => (
            "error-cannot-read-file",
            vec![("path", path_arg(path)), ("detail", said(io_key(source)))],
        ),
        InputError::NotAFile { path, kind } => (
            "input-not-a-file",
            vec![("path", path_arg(path)), ("kind", file_kind(kind))],
        ),
        InputError::TooLarge { path, size, limit } => (
            "input-too-large",
            vec![
                ("path", path_arg(path)),
                ("size", isolated(size)),
                ("limit", isolated(limit)),
            ],
        ),
    }
}

fn source_arg(source: &Source) -> FluentValue<'static> {
    match &source.0 {
        Some(path) => path_arg(path),
        None => said(("text-in-memory", vec![])),
    }
}

/// A text that could not be read or decoded; `path` names it.
pub fn decode_key(path: FluentValue<'static>, err: &DecodeError) -> Keyed {
    match err {
        DecodeError::Io { error, .. } if error.kind() == io::ErrorKind::NotFound => {
            ("error-file-not-found", vec![("path", path)])
        }
        DecodeError::Io { error, .. } => (
            "error-cannot-read-file",
            vec![("path", path), ("detail", said(io_key(error)))],
        ),
        DecodeError::NotAFile { kind, .. } => (
            "decode-not-a-file",
            vec![("path", path), ("kind", file_kind(kind))],
        ),
        DecodeError::TooLarge { size, limit, .. } => (
            "decode-too-large",
            vec![
                ("path", path),
                ("size", isolated(size)),
                ("limit", isolated(limit)),
            ],
        ),
        DecodeError::InvalidUtf8 { byte, line, .. } => (
            "error-invalid-utf8",
            vec![
                ("path", path),
                ("byte", isolated(byte)),
                ("line", isolated(line)),
            ],
        ),
        DecodeError::Binary { why, .. } => (
            "error-binary-file",
            vec![("path", path), ("detail", isolated(why))],
        ),
        DecodeError::InvalidUtf16 { byte, why, .. } => {
            let why = match *why {
                "odd number of bytes" => said(("utf16-odd-bytes", vec![])),
                "unpaired surrogate" => said(("utf16-unpaired-surrogate", vec![])),
                other => isolated(other),
            };
            (
                "decode-invalid-utf16",
                vec![("path", path), ("byte", isolated(byte)), ("why", why)],
            )
        }
        DecodeError::UnsupportedEncoding { guess, .. } => (
            "decode-unsupported-encoding",
            vec![
                ("path", path),
                ("guess", isolated(guess)),
                ("command", isolated(format!("iconv -f {guess} -t UTF-8"))),
            ],
        ),
    }
}

/// A decoding error naming its own file.
pub fn decode_own_key(err: &DecodeError) -> Keyed {
    let source = match err {
        DecodeError::Io { source_file, .. }
        | DecodeError::NotAFile { source_file, .. }
        | DecodeError::TooLarge { source_file, .. }
        | DecodeError::Binary { source_file, .. }
        | DecodeError::InvalidUtf8 { source_file, .. }
        | DecodeError::InvalidUtf16 { source_file, .. }
        | DecodeError::UnsupportedEncoding { source_file, .. } => source_file,
    };
    decode_key(source_arg(source), err)
}

/// A sidecar (annotations file) that could not be read, in any context.
pub fn sidecar_detail_key(err: &SidecarError) -> Keyed {
    use SidecarError as S;
    match err {
        S::Io { path, source } => (
            "sidecar-io",
            vec![("path", path_arg(path)), ("detail", said(io_key(source)))],
        ),
        S::Input(err) => input_key(err),
        S::NotUtf8 { path, line } => ("sidecar-not-utf8", vec![("place", place(path, line, None))]),
        S::Parse {
            path,
            line,
            column,
            message,
        } => (
            "sidecar-parse",
            vec![
                ("place", place(path, line, Some(*column))),
                ("detail", isolated(message)),
            ],
        ),
        S::MergeConflict { path, line } => (
            "sidecar-merge-conflict",
            vec![("place", place(path, line, None))],
        ),
        S::Project {
            path,
            line,
            column,
            message,
        } => (
            "sidecar-project",
            vec![
                ("place", place(path, line, Some(*column))),
                ("detail", isolated(message)),
                ("shared", isolated("(shared: true)")),
                ("alone", isolated("(shared: false)")),
            ],
        ),
        S::NoFormat { path } => (
            "sidecar-no-format",
            vec![
                ("path", path_arg(path)),
                ("field", isolated("format:")),
                ("example", isolated("format: 1,")),
            ],
        ),
        S::NewerFormat {
            path,
            found,
            supported,
        } => (
            "sidecar-newer",
            vec![
                ("path", path_arg(path)),
                ("found", isolated(found)),
                ("supported", isolated(supported)),
            ],
        ),
        S::DuplicateAnnotationId { path, id, line } => (
            "sidecar-duplicate-annotation",
            vec![
                ("place", duplicate_place(path, *line)),
                ("id", isolated(id)),
            ],
        ),
        S::DuplicateRelationId { path, id, line } => (
            "sidecar-duplicate-relation",
            vec![
                ("place", duplicate_place(path, *line)),
                ("id", isolated(id)),
            ],
        ),
        S::UnknownBundledSchema { id } => (
            "sidecar-unknown-bundled-schema",
            vec![
                ("id", isolated(id)),
                ("default", isolated("fact-checking")),
                ("file", isolated("schema.ron")),
            ],
        ),
        S::Schema(err) => schema_error_key(err),
    }
}

fn duplicate_place(path: &Path, line: Option<usize>) -> FluentValue<'static> {
    match line {
        Some(line) => place(path, line, None),
        None => path_arg(path),
    }
}

/// A schema file that could not be loaded.
pub fn schema_error_key(err: &SchemaError) -> Keyed {
    match err {
        SchemaError::Io { path, source } => (
            "schema-io",
            vec![("path", path_arg(path)), ("detail", said(io_key(source)))],
        ),
        SchemaError::Parse {
            path,
            line,
            column,
            message,
        } => (
            "schema-parse",
            vec![
                ("place", place(path, line, Some(*column))),
                ("detail", isolated(message)),
            ],
        ),
        SchemaError::Inconsistent { path, problems } => {
            let listed: Vec<String> = problems
                .iter()
                .map(|p| worded(schema_problem_key(p)))
                .collect();
            (
                "schema-inconsistent",
                vec![
                    ("path", path_arg(path)),
                    ("n", FluentValue::from(problems.len())),
                    ("problems", arg(listed.join("؛ "))),
                ],
            )
        }
    }
}

/// Where in a schema a problem is: "label", `label "PER"`, "relation type", `relation type
/// "x"` or "document", as the model words it.
fn owner(place: &str) -> FluentValue<'static> {
    let unquoted = |rest: &str| isolated(rest.trim_matches('"'));
    if let Some(rest) = place.strip_prefix("label ") {
        return said(("owner-label-named", vec![("id", unquoted(rest))]));
    }
    if let Some(rest) = place.strip_prefix("relation type ") {
        return said(("owner-relation-named", vec![("id", unquoted(rest))]));
    }
    let id = match place {
        "label" => "owner-label",
        "relation type" => "owner-relation",
        "document" => "owner-document",
        other => return isolated(other),
    };
    said((id, vec![]))
}

/// A consistency problem of a schema.
pub fn schema_problem_key(problem: &SchemaProblem) -> Keyed {
    use SchemaProblem as P;
    match problem {
        P::EmptyId { place } => ("schema-problem-empty-id", vec![("place", owner(place))]),
        P::DuplicateLabel(id) => ("schema-problem-duplicate-label", vec![("id", isolated(id))]),
        P::DuplicateRelationType(id) => (
            "schema-problem-duplicate-relation",
            vec![("id", isolated(id))],
        ),
        P::DuplicateAttribute {
            owner: o,
            attribute,
        } => (
            "schema-problem-duplicate-attribute",
            vec![("owner", owner(o)), ("attribute", isolated(attribute))],
        ),
        P::BadChoices {
            owner: o,
            attribute,
        } => (
            "schema-problem-bad-choices",
            vec![("owner", owner(o)), ("attribute", isolated(attribute))],
        ),
        P::UnknownLabelInRelation { relation, label } => (
            "schema-problem-unknown-label",
            vec![("relation", isolated(relation)), ("label", isolated(label))],
        ),
        P::DuplicateHotkey { key, label } => (
            "schema-problem-duplicate-hotkey",
            vec![("key", isolated(key)), ("label", isolated(label))],
        ),
    }
}

/// A problem that stops an edited schema from being saved.
pub fn saving_problem_key(problem: &SavingProblem) -> Keyed {
    match problem {
        SavingProblem::Schema(problem) => schema_problem_key(problem),
        SavingProblem::SpacedLabelId(id) => {
            ("schema-problem-spaced-label", vec![("id", isolated(id))])
        }
        SavingProblem::UnnamedLabel(id) => {
            ("schema-problem-unnamed-label", vec![("id", isolated(id))])
        }
        SavingProblem::SpacedRelationId(id) => {
            ("schema-problem-spaced-relation", vec![("id", isolated(id))])
        }
    }
}

fn save_step(step: SaveStep) -> FluentValue<'static> {
    let id = match step {
        SaveStep::CreateTemp => "save-step-create-temp",
        SaveStep::Write => "save-step-write",
        SaveStep::SyncFile => "save-step-sync-file",
        SaveStep::Backup => "save-step-backup",
        SaveStep::Rename => "save-step-rename",
        SaveStep::SyncFolder => "save-step-sync-folder",
        SaveStep::CheckOnDisk => "save-step-check-on-disk",
        SaveStep::WriteConflictCopy => "save-step-conflict-copy",
        SaveStep::RemoveRecovery => "save-step-remove-recovery",
        SaveStep::CheckPermissions => "save-step-check-permissions",
        SaveStep::CreateNew => "save-step-create-new",
    };
    said((id, vec![]))
}

/// A save that did not happen: the step, what the system said, and what to do (as the English
/// advice, by the error's kind).
pub fn save_key(err: &SaveError) -> Keyed {
    use io::ErrorKind as K;
    let folder = path_arg(&crate::store::atomic::folder_of(&err.path));
    let advice = match err.source.kind() {
        K::PermissionDenied if err.step == SaveStep::CheckPermissions => (
            "save-advice-read-only-file",
            vec![("command", isolated("chmod u+w"))],
        ),
        K::AlreadyExists => ("save-advice-taken", vec![]),
        K::StorageFull | K::QuotaExceeded => ("save-advice-disk-full", vec![]),
        K::PermissionDenied => ("save-advice-no-permission", vec![("folder", folder)]),
        K::ReadOnlyFilesystem => ("save-advice-read-only-disk", vec![("folder", folder)]),
        _ => ("save-advice-other", vec![]),
    };
    (
        "save-failed",
        vec![
            ("path", path_arg(&err.path)),
            ("step", save_step(err.step)),
            ("detail", said(io_key(&err.source))),
            ("advice", said(advice)),
        ],
    )
}

/// An edit that does not apply to the annotations.
pub fn edit_key(err: &EditError) -> Keyed {
    match err {
        EditError::NoSuchAnnotation(id) => ("edit-no-such-annotation", vec![("id", isolated(id))]),
        EditError::NoSuchRelation(id) => ("edit-no-such-relation", vec![("id", isolated(id))]),
        EditError::AnnotationIdTaken(id) => {
            ("edit-annotation-id-taken", vec![("id", isolated(id))])
        }
        EditError::RelationIdTaken(id) => ("edit-relation-id-taken", vec![("id", isolated(id))]),
        EditError::DanglingRelation { relation, missing } => (
            "edit-dangling-relation",
            vec![
                ("relation", isolated(relation)),
                ("missing", isolated(missing)),
            ],
        ),
        EditError::AnchorCount {
            id,
            ranges,
            anchors,
        } => (
            "edit-anchor-count",
            vec![
                ("id", isolated(id)),
                ("ranges", isolated(ranges)),
                ("anchors", isolated(anchors)),
            ],
        ),
    }
}

/// A page that could not be drawn or written (the libraries' own reasons stay as they said them).
pub fn render_key(err: &RenderError) -> Keyed {
    match err {
        RenderError::BadFont { font, reason } => (
            "render-bad-font",
            vec![("font", isolated(font)), ("reason", isolated(reason))],
        ),
        RenderError::WritePng { path, reason } => (
            "render-write-png",
            vec![("path", path_arg(path)), ("reason", isolated(reason))],
        ),
        RenderError::Pdf { reason } => ("render-pdf", vec![("reason", isolated(reason))]),
        RenderError::WritePage { path, reason } => (
            "render-write-page",
            vec![("path", path_arg(path)), ("reason", isolated(reason))],
        ),
        RenderError::PageTooLarge { width, height } => (
            "render-too-large",
            vec![("width", isolated(width)), ("height", isolated(height))],
        ),
    }
}

/// Texts that could not be searched for annotators' files.
pub fn discover_key(err: &DiscoverError) -> Keyed {
    match err {
        DiscoverError::Io { path, source } => (
            "path-unreadable",
            vec![("path", path_arg(path)), ("detail", said(io_key(source)))],
        ),
        DiscoverError::NoSidecar { path, sidecar } => (
            "agree-no-sidecar",
            vec![("path", path_arg(path)), ("sidecar", path_arg(sidecar))],
        ),
    }
}

/// Agreement measures that refused their input.
pub fn agree_key(err: &AgreeError) -> Keyed {
    match err {
        AgreeError::TooManyLabels { count } => (
            "agree-too-many-labels",
            vec![
                ("count", isolated(count)),
                ("max", isolated(crate::agree::spans::MAX_LABELS)),
            ],
        ),
        AgreeError::TooFewAnnotators { count } => {
            ("agree-too-few-annotators", vec![("count", isolated(count))])
        }
    }
}

/// A folder that could not be walked.
pub fn walk_key(err: &WalkError) -> Keyed {
    match err {
        WalkError::Io { path, source } => (
            "path-unreadable",
            vec![("path", path_arg(path)), ("detail", said(io_key(source)))],
        ),
    }
}

/// An import or export that could not be done at all.
pub fn format_key(err: &FormatError) -> Keyed {
    use FormatError as F;
    match err {
        F::Io { path, source } => (
            "format-io",
            vec![("path", path_arg(path)), ("detail", said(io_key(source)))],
        ),
        F::Input(err) => input_key(err),
        F::Decode(err) => decode_own_key(err),
        F::Save(err) => save_key(err),
        F::Syntax {
            path,
            line,
            message,
        } => (
            "format-syntax",
            vec![
                ("place", place(path, line, None)),
                ("detail", isolated(message)),
            ],
        ),
        F::Exists { path } => ("format-exists", vec![("path", path_arg(path))]),
        F::OutsideFolder { path, why } => (
            "format-outside-folder",
            vec![("path", path_arg(path)), ("why", isolated(why))],
        ),
        F::Collision {
            path,
            first,
            second,
        } => (
            "format-collision",
            vec![
                ("path", path_arg(path)),
                ("first", isolated(first)),
                ("second", isolated(second)),
            ],
        ),
        F::TextChanged { path } => ("format-text-changed", vec![("path", path_arg(path))]),
        F::BadRanges { path, problems } => (
            "format-bad-ranges",
            vec![
                ("path", path_arg(path)),
                ("problems", isolated(problems)),
                ("command", isolated("hamish check")),
            ],
        ),
        F::Sidecar(err) => sidecar_detail_key(err),
    }
}

/// The CSV writer's error: what the system said when it is an I/O error, else its own words.
pub fn csv_detail(err: &csv::Error) -> FluentValue<'static> {
    match err.kind() {
        csv::ErrorKind::Io(io) => said(io_key(io)),
        _ => isolated(err),
    }
}

/// A font file that could not be used, in the interface language (English: its own message).
pub fn font_text(err: &crate::text::FontError) -> String {
    use crate::text::FontError as F;
    if !super::i18n::is_rtl() {
        return err.to_string();
    }
    worded(match err {
        F::Read { path, source } => (
            "font-unreadable",
            vec![("path", path_arg(path)), ("detail", said(io_key(source)))],
        ),
        F::Parse { name } => ("font-not-a-font", vec![("name", isolated(name))]),
        F::TooMany { name, limit } => (
            "font-too-many",
            vec![("name", isolated(name)), ("limit", isolated(limit))],
        ),
    })
}

/// The Fluent id and arguments of a problem found by Check (annotation and relation ids,
/// ranges, labels and values isolated). Exhaustive over [`Problem`].
pub fn problem_key(problem: &Problem) -> Keyed {
    use Problem as P;
    let range = |r: &CharRange| isolated(format!("{}..{}", r.start.0, r.end.0));
    let owner = |o: &Owner| match o {
        Owner::Annotation(id) => ("check-owner-annotation", isolated(id)),
        Owner::Relation(id) => ("check-owner-relation", isolated(id)),
        Owner::Document => ("check-owner-document", isolated("")),
    };
    let owned = |o: &Owner| {
        let (id, value) = owner(o);
        arg(tr_args(id, &[("id", value)]))
    };
    match problem {
        P::UnknownLabel { id, label } => (
            "check-unknown-label",
            vec![("id", isolated(id)), ("label", isolated(label))],
        ),
        P::NoRanges(id) => ("check-no-ranges", vec![("id", isolated(id))]),
        P::EmptyRange { id, range: r } => (
            "check-empty-range",
            vec![("id", isolated(id)), ("range", range(r))],
        ),
        P::ReversedRange { id, range: r } => (
            "check-reversed-range",
            vec![("id", isolated(id)), ("range", range(r))],
        ),
        P::RangePastEnd {
            id,
            range: r,
            text_len,
        } => (
            "check-range-past-end",
            vec![
                ("id", isolated(id)),
                ("range", range(r)),
                ("chars", (*text_len as i64).into()),
            ],
        ),
        P::AnchorCount {
            id,
            ranges,
            anchors,
        } => (
            "check-anchor-count",
            vec![
                ("id", isolated(id)),
                ("ranges", (*ranges as i64).into()),
                ("anchors", (*anchors as i64).into()),
            ],
        ),
        P::UnknownRelationType { id, kind } => (
            "check-unknown-relation-type",
            vec![("id", isolated(id)), ("kind", isolated(kind))],
        ),
        P::DanglingRelation { id, missing } => (
            "check-dangling-relation",
            vec![("id", isolated(id)), ("missing", isolated(missing))],
        ),
        P::RelationNotAllowed {
            id,
            kind,
            from_label,
            to_label,
        } => (
            "check-relation-not-allowed",
            vec![
                ("id", isolated(id)),
                ("kind", isolated(kind)),
                ("from", isolated(from_label)),
                ("to", isolated(to_label)),
            ],
        ),
        P::UnknownAttribute {
            owner: o,
            attribute,
        } => (
            "check-unknown-attribute",
            vec![("owner", owned(o)), ("attribute", isolated(attribute))],
        ),
        P::BadAttributeValue {
            owner: o,
            attribute,
            expected,
            found,
        } => (
            "check-bad-attribute-value",
            vec![
                ("owner", owned(o)),
                ("attribute", isolated(attribute)),
                ("expected", said(expected_key(expected))),
                ("found", said(found_key(found))),
            ],
        ),
    }
}

/// What an attribute's definition asks for, in the interface language (the values isolated).
fn expected_key(expected: &crate::model::validate::ExpectedValue) -> Keyed {
    use crate::model::validate::ExpectedValue as E;
    match expected {
        E::OneOf(allowed) => {
            let values: Vec<String> = allowed.iter().map(isolated_text).collect();
            (
                "expected-one-of",
                vec![(
                    "values",
                    values
                        .join(&crate::ui::i18n::tr_args("value-separator", &[]))
                        .into(),
                )],
            )
        }
        E::FiniteNumber => ("expected-finite-number", Vec::new()),
        E::Kind(kind) => ("expected-kind", vec![("kind", said(kind_key(kind)))]),
    }
}

/// An attribute value that does not fit, in the interface language: its kind and the value.
fn found_key(found: &crate::model::validate::FoundValue) -> Keyed {
    (
        "found-value",
        vec![
            ("kind", said(kind_key(found.kind))),
            ("value", isolated(&found.value)),
        ],
    )
}

/// An attribute kind's name (`bool`, `one-of`, `text`, `number`) in the interface language.
fn kind_key(kind: &str) -> Keyed {
    match kind {
        "bool" => ("attribute-kind-bool", Vec::new()),
        "one-of" => ("attribute-kind-one-of", Vec::new()),
        "text" => ("attribute-kind-text", Vec::new()),
        "number" => ("attribute-kind-number", Vec::new()),
        other => ("attribute-kind-other", vec![("kind", isolated(other))]),
    }
}
