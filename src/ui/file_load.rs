//! Opening a text file for the window through [`AnnotationSession`]: any supported encoding, the
//! sidecar, re-anchoring and recovery, with the open report turned into messages a user can act
//! on. The bundled sample is opened from a copy in the temp folder, never next to the binary.

use super::notices::Notice;
use crate::model::text_format::TextEncoding;
use crate::store::atomic::RealFs;
use crate::store::session::{
    AnnotationSession, OpenError, OpenOptions, OpenReport, ReanchorSummary,
};
use std::path::{Path, PathBuf};

/// The text of the bundled sample article, so the window opens with something from any folder.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/samples/news-ar-001.txt");

/// The file name of the bundled sample.
pub const SAMPLE_FILE_NAME: &str = "news-ar-001.txt";

/// A document opened for the window, with what to tell the user about it.
#[derive(Debug)]
pub struct OpenedDocument {
    /// The session (text, annotations, history, sidecar).
    pub session: AnnotationSession,
    /// The encoding the text was decoded from.
    pub encoding: TextEncoding,
    /// True when the encoding was detected rather than chosen or certain.
    pub encoding_guessed: bool,
    /// Messages about the open (corrupt sidecar, re-anchoring, replaced bytes).
    pub notices: Vec<Notice>,
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
    let temp = folder.join(format!(".{SAMPLE_FILE_NAME}.{}.tmp", std::process::id()));
    std::fs::write(&temp, SAMPLE_TEXT)?;
    std::fs::rename(&temp, &path)?;
    Ok(path)
}

/// Opens `path` with its annotations. A sidecar that does not parse does not stop the text from
/// opening: the text opens without annotations and a message says where the file is broken and
/// that saving is refused. Errors that leave nothing to show come back as a message.
pub fn open_document(
    path: &Path,
    encoding: Option<TextEncoding>,
) -> Result<OpenedDocument, String> {
    let options = OpenOptions {
        encoding,
        author: author_name(),
    };
    let (session, report) = match AnnotationSession::open(RealFs, path, &options) {
        Ok(opened) => opened,
        Err(OpenError::Sidecar(_)) => AnnotationSession::open_text_only(RealFs, path, &options)
            .map_err(|err| open_error_message(path, &err))?,
        Err(err) => return Err(open_error_message(path, &err)),
    };
    let notices = report_notices(&report, &session);
    Ok(OpenedDocument {
        encoding: report.encoding,
        encoding_guessed: report.encoding_guessed,
        notices,
        session,
    })
}

/// The message for an open that failed.
fn open_error_message(path: &Path, err: &OpenError) -> String {
    match err {
        OpenError::Text(_) => format!("{err}"),
        _ => format!("{} could not be opened: {err}", path.display()),
    }
}

/// The messages an open report calls for.
fn report_notices(report: &OpenReport, session: &AnnotationSession) -> Vec<Notice> {
    let mut notices = Vec::new();
    if let Some(err) = &report.unreadable_sidecar {
        notices.push(Notice::error(format!(
            "{err}. The text is shown without its annotations; saving is refused until that \
             file reads again (fix it, or move it away and reopen)."
        )));
    }
    if report.replaced_bytes > 0 {
        notices.push(Notice::warning(format!(
            "{} byte(s) could not be decoded as {} and show as �. If the text looks wrong, \
             choose another encoding in View > Encoding.",
            report.replaced_bytes,
            report.encoding.display_name()
        )));
    }
    if let Some(summary) = &report.reanchored {
        notices.push(Notice::warning(reanchor_message(
            summary,
            session.sidecar_path(),
        )));
    }
    notices
}

/// "The text changed since the annotations were saved: …" with the four counts.
pub fn reanchor_message(summary: &ReanchorSummary, sidecar: &Path) -> String {
    format!(
        "The text changed since the annotations in {} were saved: {} stayed, {} moved, {} need \
         review (outlined), {} orphaned (listed in the side panel, not drawn). Save to keep the \
         new positions.",
        sidecar.display(),
        summary.stayed,
        summary.moved.len(),
        summary.needs_review.len(),
        summary.orphans.len()
    )
}

/// The name written into new annotations: the login name, if the environment has one.
fn author_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_arabic() {
        assert!(SAMPLE_TEXT.contains("17 أوكتوبر"));
    }

    #[test]
    fn a_windows_1256_file_opens_with_its_encoding_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.txt");
        // "سلام عليكم" in Windows-1256, CR LF.
        std::fs::write(&path, b"\xD3\xE1\xC7\xE3 \xDA\xE1\xED\xDF\xE3\r\n").unwrap();
        let opened = open_document(&path, None).unwrap();
        assert_eq!(opened.encoding, TextEncoding::Windows1256);
        assert_eq!(opened.session.source().text, "سلام عليكم\r\n");
    }

    #[test]
    fn a_binary_file_is_a_message_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("photo.png");
        std::fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00\x00").unwrap();
        let message = open_document(&path, None).unwrap_err();
        assert!(message.contains("photo.png") && message.contains("binary"));
    }
}
