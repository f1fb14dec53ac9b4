//! Opening texts: a file with its annotations through [`AnnotationSession`] (any supported
//! encoding, the sidecar, re-anchoring, recovery), the open report turned into messages a user can
//! act on, and the bundled sample opened from a copy in the temp folder. Before another text
//! replaces the open one, its unsaved changes go to the recovery file.

use super::error::ActionError;
use super::outcome::{Changes, Message, MessageArg, Outcome};
use super::Workspace;
use crate::model::text_format::TextEncoding;
use crate::store::atomic::RealFs;
use crate::store::session::{
    AnnotationSession, OpenError, OpenOptions, OpenReport, ReanchorSummary,
};
use crate::store::sidecar::{
    annotator_sidecar_path, sidecar_for_session, sidecar_path, split_annotator_sidecar,
    AnnotatorName, SidecarError,
};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The text of the bundled sample article, so the window opens with something from any folder.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/samples/news-ar-001.txt");

/// The file name of the bundled sample.
pub const SAMPLE_FILE_NAME: &str = "news-ar-001.txt";

/// The open text: its annotation session and what the faces show about it.
#[derive(Debug)]
pub struct OpenText {
    /// The session (text, annotations, history, files).
    pub session: AnnotationSession,
    /// The file name shown in titles and status lines.
    pub name: String,
    /// True when the encoding was detected rather than chosen, recorded or certain.
    pub encoding_guessed: bool,
    /// True for the copy of the bundled sample.
    pub is_sample: bool,
    /// Whose annotations are open: an annotator's own file in a shared folder, `None` for the
    /// gold file.
    pub annotator: Option<AnnotatorName>,
    /// True when another annotator's version is open to look at: edits and saves are refused.
    pub read_only: bool,
}

impl OpenText {
    /// The encoding as a status line shows it: "Windows-1256 (guessed)".
    pub fn encoding_label(&self) -> String {
        let name = self.session.source().encoding.display_name();
        if self.encoding_guessed {
            format!("{name} (guessed)")
        } else {
            name.to_owned()
        }
    }
}

impl Workspace {
    /// Opens `path`; on failure the open text stays.
    pub(super) fn open_file(
        &mut self,
        path: &Path,
        encoding: Option<TextEncoding>,
        is_sample: bool,
    ) -> Result<Outcome, ActionError> {
        let options = OpenOptions {
            encoding,
            author: self.author.clone(),
        };
        let fail = |source| ActionError::Open {
            path: path.to_owned(),
            source,
        };
        let mut messages = Vec::new();
        let me = AnnotatorName::new(&self.author).ok();
        // In a folder a team shares, the annotator works on their own file.
        let sidecar = sidecar_for_session(path, me.as_ref()).unwrap_or_else(|err| {
            let text =
                format!("{err}. The shared annotations file is used until the project file reads.");
            messages.push(
                Message::warning(text)
                    .keyed("project-file-unreadable", vec![("error", err.into())]),
            );
            sidecar_path(path)
        });
        // The gold file `article.txt.ann.ron` splits like an annotator's file of "txt": only a
        // file other than the gold one is someone's own.
        let annotator = split_annotator_sidecar(&sidecar)
            .filter(|_| sidecar != sidecar_path(path))
            .map(|(_, name)| name);
        let (session, mut report) = open_session(path, &sidecar, &options).map_err(fail)?;
        messages.splice(0..0, self.keep_unsaved_work());
        messages.extend(report_messages(&mut report, &session));
        if is_sample {
            let copy = path.display().to_string();
            let text = format!(
                "This is the bundled sample, opened from a copy at {copy}; annotations are saved \
                 next to that copy. Open your own file to keep your work."
            );
            messages.push(Message::info(text).keyed("sample-opened", vec![("path", copy.into())]));
        }
        self.open = Some(OpenText {
            name: display_name(path),
            encoding_guessed: report.encoding_guessed,
            is_sample,
            annotator,
            read_only: false,
            session,
        });
        Ok(Outcome {
            changes: Changes {
                opened: true,
                ..Changes::everything()
            },
            messages,
            ..Outcome::default()
        })
    }

    /// Opens a copy of the bundled sample.
    pub(super) fn open_sample(&mut self) -> Result<Outcome, ActionError> {
        let path = ensure_sample_copy().map_err(|source| ActionError::Sample {
            path: sample_copy_path(),
            source,
        })?;
        self.open_file(&path, None, true)
    }

    /// Opens `annotator`'s version of the open text to look at, read-only. The current text's
    /// unsaved changes go to its recovery file first.
    pub(super) fn open_annotator_version(
        &mut self,
        annotator: &AnnotatorName,
    ) -> Result<Outcome, ActionError> {
        let open = self.open.as_ref().ok_or(ActionError::NothingOpen)?;
        let path = open.session.source().path.clone();
        let sidecar = annotator_sidecar_path(&path, annotator);
        if !sidecar.is_file() {
            return Err(ActionError::NoSuchVersion {
                annotator: annotator.to_string(),
                sidecar,
            });
        }
        let options = OpenOptions {
            encoding: None,
            author: self.author.clone(),
        };
        let fail = |source| ActionError::Open {
            path: path.clone(),
            source,
        };
        let (session, mut report) = open_session(&path, &sidecar, &options).map_err(fail)?;
        let mut messages = self.keep_unsaved_work();
        messages.extend(report_messages(&mut report, &session));
        let name = display_name(&path);
        let text = format!(
            "This is {annotator}'s version of {name}, opened to look at: it cannot be changed here."
        );
        messages.push(Message::info(text).keyed(
            "annotator-version-opened",
            vec![
                ("annotator", annotator.to_string().into()),
                ("name", name.into()),
            ],
        ));
        self.open = Some(OpenText {
            name: display_name(&path),
            encoding_guessed: report.encoding_guessed,
            is_sample: false,
            annotator: Some(annotator.clone()),
            read_only: true,
            session,
        });
        Ok(Outcome {
            changes: Changes {
                opened: true,
                ..Changes::everything()
            },
            messages,
            ..Outcome::default()
        })
    }

    /// Reopens the open text with `encoding` (refused while there are unsaved changes).
    pub(super) fn reopen(&mut self, encoding: TextEncoding) -> Result<Outcome, ActionError> {
        let open = self.open.as_ref().ok_or(ActionError::NothingOpen)?;
        if open.session.is_modified() {
            return Err(ActionError::UnsavedChanges);
        }
        let path = open.session.source().path.clone();
        let is_sample = open.is_sample;
        self.open_file(&path, Some(encoding), is_sample)
    }

    /// Writes the open text's unsaved changes to its recovery file now (not waiting for the
    /// autosave delay), so the next open of that file offers them; says so.
    pub(super) fn keep_unsaved_work(&mut self) -> Vec<Message> {
        let Some(open) = self.open.as_mut().filter(|o| o.session.is_modified()) else {
            return Vec::new();
        };
        // A time past any autosave delay makes the write due now.
        let due = Instant::now() + Duration::from_secs(24 * 3600);
        let name = || ("name", open.name.as_str().into());
        vec![match open.session.autosave_tick(due) {
            Ok(_) => Message::warning(format!(
                "{} had unsaved annotations; they are kept in its recovery file and offered when \
                 you open it again.",
                open.name
            ))
            .keyed("unsaved-kept", vec![name()]),
            Err(err) => Message::error(format!(
                "{} had unsaved annotations that could not be kept: {err}",
                open.name
            ))
            .keyed(
                "unsaved-not-kept",
                vec![name(), ("error", ActionError::Session(err).into())],
            ),
        }]
    }
}

/// Opens `path` with the annotations in `sidecar`; a sidecar that does not parse must not stop
/// the text from opening (it shows up in the report, and saving is refused).
fn open_session(
    path: &Path,
    sidecar: &Path,
    options: &OpenOptions,
) -> Result<(AnnotationSession, OpenReport), OpenError> {
    match AnnotationSession::open_at(RealFs, path, sidecar, options) {
        Err(OpenError::Sidecar(_)) => {
            AnnotationSession::open_text_only_at(RealFs, path, sidecar, options)
        }
        other => other,
    }
}

/// The file name of `path`, or the whole path when it has none.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The messages an open report calls for (the unreadable sidecar's error moves into its message).
fn report_messages(report: &mut OpenReport, session: &AnnotationSession) -> Vec<Message> {
    let mut messages = Vec::new();
    if let Some(err) = report.unreadable_sidecar.take() {
        let message = Message::error(format!(
            "{err}. The text is shown without its annotations; saving is refused until that \
             file reads again (fix it, or move it away and reopen)."
        ));
        messages.push(match &err {
            SidecarError::Parse {
                path,
                line,
                column,
                message: detail,
            } => message.keyed(
                "sidecar-unreadable-text-shown",
                vec![
                    (
                        "place",
                        MessageArg::Text(format!("{}:{line}:{column}", path.display())),
                    ),
                    ("detail", MessageArg::Text(detail.clone())),
                ],
            ),
            _ => message.keyed("sidecar-unreadable-shown", vec![("error", err.into())]),
        });
    }
    if report.replaced_bytes > 0 {
        let (n, encoding) = (report.replaced_bytes, report.encoding.display_name());
        let text = format!(
            "{n} byte(s) could not be decoded as {encoding} and show as �. If the text looks \
             wrong, reopen it with another encoding."
        );
        messages.push(Message::warning(text).keyed(
            "bytes-replaced",
            vec![("n", n.into()), ("encoding", encoding.into())],
        ));
    }
    if !report.misfits.is_empty() {
        let ids: Vec<String> = report.misfits.iter().map(|id| id.to_string()).collect();
        let (n, path, ids) = (ids.len(), session.sidecar_path().display(), ids.join(", "));
        let text = format!(
            "{n} annotation(s) in {path} have ranges that do not fit the text (reversed, or past \
             its end): {ids}. They are listed as orphans, not drawn; place them again or remove \
             them."
        );
        messages.push(Message::warning(text).keyed(
            "ranges-misfit",
            vec![
                ("n", n.into()),
                ("path", path.to_string().into()),
                ("ids", ids.into()),
            ],
        ));
    }
    if let Some(summary) = &report.reanchored {
        messages.push(reanchor_message(summary, session.sidecar_path()));
    }
    messages
}

/// "The text changed since the annotations were saved: …" with the four counts (a warning).
pub fn reanchor_message(summary: &ReanchorSummary, sidecar: &Path) -> Message {
    let counts = [
        summary.stayed,
        summary.moved.len(),
        summary.needs_review.len(),
        summary.orphans.len(),
    ];
    let [stayed, moved, review, orphans] = counts;
    let path = sidecar.display().to_string();
    let text = format!(
        "The text changed since the annotations in {path} were saved: {stayed} stayed, {moved} \
         moved, {review} need review (outlined), {orphans} orphaned (listed, not drawn). Save to \
         keep the new positions."
    );
    Message::warning(text).keyed(
        "text-changed-reanchored",
        vec![
            ("path", path.into()),
            ("stayed", stayed.into()),
            ("moved", moved.into()),
            ("review", review.into()),
            ("orphans", orphans.into()),
        ],
    )
}

/// Where the copy of the bundled sample lives: a `hamish-sample` folder in the temp folder (the
/// same each run, so recovery after a crash works for the sample too).
pub fn sample_copy_path() -> PathBuf {
    std::env::temp_dir()
        .join("hamish-sample")
        .join(SAMPLE_FILE_NAME)
}

/// Writes the bundled sample to [`sample_copy_path`] unless an identical copy is there, and
/// returns the path. The copy is written to a unique temp name and renamed, so windows opening it
/// at the same time never read half a file.
pub fn ensure_sample_copy() -> std::io::Result<PathBuf> {
    let path = sample_copy_path();
    if std::fs::read(&path).is_ok_and(|b| b == SAMPLE_TEXT.as_bytes()) {
        return Ok(path);
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    // Unique per call: threads of one process (tests, two windows) must not share a temp file.
    static COPIES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COPIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temp = folder.join(format!(
        ".{SAMPLE_FILE_NAME}.{}-{n}.tmp",
        std::process::id()
    ));
    std::fs::write(&temp, SAMPLE_TEXT)?;
    std::fs::rename(&temp, &path)?;
    Ok(path)
}
