//! Reading the corpus's summaries in the background: one thread reads each text's annotations
//! file in turn (never the texts, never writing) and sends each summary as it is read, so a folder
//! of a thousand texts shows its first one at once and its browser fills in. The thread stops
//! when cancelled or when the workspace drops the scan.

use super::DocumentSummary;
use crate::store::sidecar::{load_sidecar, sidecar_path, SidecarError};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;
use std::thread::JoinHandle;

/// How far the scan has got, as the browser shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanProgress {
    /// Texts whose summary is known.
    pub read: usize,
    /// All texts.
    pub total: usize,
    /// The thread is still reading.
    pub running: bool,
    /// It was cancelled before the end.
    pub cancelled: bool,
}

/// A running (or finished) background scan.
#[derive(Debug)]
pub struct Scan {
    cancel: Arc<AtomicBool>,
    read: Receiver<(usize, DocumentSummary)>,
    thread: Option<JoinHandle<()>>,
}

impl Scan {
    /// Starts reading the summaries of `texts` (index, path), in that order.
    pub fn start(texts: Vec<(usize, PathBuf)>) -> Self {
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, read) = channel();
        let stop = Arc::clone(&cancel);
        let thread = std::thread::Builder::new()
            .name("hamish-corpus-scan".into())
            .spawn(move || {
                for (index, path) in texts {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    // The receiver is gone when the corpus was closed: nothing left to do.
                    if send.send((index, summary_of(&path))).is_err() {
                        return;
                    }
                }
            })
            .ok();
        Self {
            cancel,
            read,
            thread,
        }
    }

    /// The summaries read since the last call.
    pub fn take_read(&self) -> Vec<(usize, DocumentSummary)> {
        self.read.try_iter().collect()
    }

    /// Asks the thread to stop after the text it is reading.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// True when the thread has ended (all read, cancelled, or it could not start).
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }
}

impl Drop for Scan {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The summary of the text at `path`: its annotations file read, or a new text without one.
pub fn summary_of(path: &std::path::Path) -> DocumentSummary {
    match load_sidecar(&sidecar_path(path)) {
        Ok(data) => DocumentSummary::of(&data.set),
        Err(SidecarError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            DocumentSummary::default()
        }
        Err(err) => DocumentSummary {
            problem: Some(err.to_string()),
            ..DocumentSummary::default()
        },
    }
}
