//! One open document: its decoded text, its annotation set with undo history, its schema, and
//! the sidecar and recovery files it is saved to. Ties `model` to `store` for the window and the
//! CLI; no eframe here. Offsets are chars into the decoded text; ranges are half-open.
//!
//! Guarantees: the text file is never written; a sidecar that does not parse is never written
//! over (saving is refused while it stays unreadable); a sidecar changed on disk by someone else
//! is never overwritten (the save goes to a conflict copy); a failed save leaves the sidecar
//! byte-identical and the session modified; every edit reaches the recovery file through
//! [`AnnotationSession::autosave_tick`].

mod error;
mod reanchor;

pub use error::{OpenError, SessionError};
pub use reanchor::{orphan_misfits, reanchor_set, AnnotationFate, ReanchorSummary};

use crate::model::annotation::{Annotation, AnnotationId, Timestamp};
use crate::model::edit::Edit;
use crate::model::history::History;
use crate::model::quote::Quote;
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::model::source_text::SourceText;
use crate::model::text_format::TextEncoding;
use crate::offset::{CharCheckpoints, CharOffset, CharRange};
use crate::store::annotated::{read_annotated, AnnotatedFile, ReadAnnotatedError};
use crate::store::atomic::{
    folder_of, remove_stale_temps, save_checked, save_new, FileSystem, SaveOutcome, SidecarGuard,
    STALE_TEMP_AGE,
};
use crate::store::decode::decode_bytes;
use crate::store::recovery::{
    find_recovery_for_sidecar, recovery_path, remove_recovery, write_recovery, Autosaver, Recovery,
};
use crate::store::sidecar::{
    from_ron_str, resolve_schema, sidecar_path, to_ron_string, ProjectSettings, SchemaSource,
    SidecarData, SidecarError,
};
use std::path::Path;
use std::time::Instant;

/// How to open a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenOptions {
    /// Decode the text with this encoding instead of detecting it (the user's choice).
    pub encoding: Option<TextEncoding>,
    /// Written into annotations made in this session.
    pub author: String,
}

/// What the user should be told after opening.
#[derive(Debug)]
pub struct OpenReport {
    /// The encoding the text was decoded from.
    pub encoding: TextEncoding,
    /// True when the encoding was guessed (the window lets the user pick another).
    pub encoding_guessed: bool,
    /// Bytes the code page could not map, shown as U+FFFD.
    pub replaced_bytes: usize,
    /// True when a sidecar was found and read.
    pub sidecar_loaded: bool,
    /// Only from [`AnnotationSession::open_text_only`]: the sidecar that could not be read (it is
    /// left untouched and saving is refused until it reads or is moved away).
    pub unreadable_sidecar: Option<SidecarError>,
    /// Set when the text changed since the annotations were saved: what re-anchoring did.
    pub reanchored: Option<ReanchorSummary>,
    /// Annotations whose ranges did not fit the text (reversed, or past its end: a file edited
    /// by hand); they are now orphans, with their ranges kept, for the user to place again.
    pub misfits: Vec<crate::model::annotation::AnnotationId>,
    /// Unsaved work from a crash, newer than the sidecar; see
    /// [`AnnotationSession::restore_recovery`] and [`AnnotationSession::discard_recovery`].
    pub recovery: Option<Recovery>,
}

/// An open document with its annotations; see the module docs for what it guarantees.
pub struct AnnotationSession {
    fs: Box<dyn FileSystem>,
    document: SourceText,
    /// A byte offset every 256 chars of the text, for capturing anchor quotes without walking
    /// the text each time (a `Vec<char>` would take 4 bytes a char: 23 MB for a 10 MB text).
    checkpoints: CharCheckpoints,
    schema_source: SchemaSource,
    schema: Schema,
    set: AnnotationSet,
    history: History,
    guard: SidecarGuard,
    author: String,
    autosaver: Autosaver,
    /// Changes made outside the undo history (re-anchoring on open, a restored recovery file)
    /// that are not saved yet.
    changed_outside_history: bool,
    /// Why the sidecar on disk cannot be read, when opened with `open_text_only` over a bad one.
    unreadable_sidecar: Option<String>,
    /// The recovery file offered at open, until restored or discarded.
    recovery: Option<Recovery>,
    /// The text's folder is shared by a team (`hamish-project.ron`): new ids are random, so
    /// that annotations added on two git branches do not share an id after the merge.
    shared_folder: bool,
}

impl std::fmt::Debug for AnnotationSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnnotationSession")
            .field("text", &self.document.path)
            .field("sidecar", &self.guard.path())
            .field("annotations", &self.set.len())
            .field("modified", &self.is_modified())
            .field("unreadable_sidecar", &self.unreadable_sidecar)
            .finish_non_exhaustive()
    }
}

/// What to do with a sidecar that does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnBadSidecar {
    Fail,
    OpenTextOnly,
}

impl AnnotationSession {
    /// Opens the text at `text_path` with its sidecar, if any. A sidecar that does not parse is an
    /// error ([`OpenError::Sidecar`], naming file, line and column); if the text changed since
    /// the sidecar was saved, every annotation is re-anchored and the report says how it went.
    pub fn open(
        fs: impl FileSystem + 'static,
        text_path: &Path,
        options: &OpenOptions,
    ) -> Result<(Self, OpenReport), OpenError> {
        let sidecar = sidecar_path(text_path);
        Self::open_with(
            Box::new(fs),
            text_path,
            sidecar,
            options,
            OnBadSidecar::Fail,
        )
    }

    /// Like [`Self::open`], with the annotations in `sidecar` instead of the text's gold sidecar
    /// (an annotator's own file, see [`crate::store::sidecar::sidecar_for_session`]).
    pub fn open_at(
        fs: impl FileSystem + 'static,
        text_path: &Path,
        sidecar: &Path,
        options: &OpenOptions,
    ) -> Result<(Self, OpenReport), OpenError> {
        let sidecar = sidecar.to_path_buf();
        Self::open_with(
            Box::new(fs),
            text_path,
            sidecar,
            options,
            OnBadSidecar::Fail,
        )
    }

    /// Like [`Self::open`], but a sidecar that does not parse only shows up in
    /// [`OpenReport::unreadable_sidecar`]: the text opens with an empty set, the file stays
    /// untouched, and [`Self::save`] refuses to write while it stays unreadable.
    pub fn open_text_only(
        fs: impl FileSystem + 'static,
        text_path: &Path,
        options: &OpenOptions,
    ) -> Result<(Self, OpenReport), OpenError> {
        let sidecar = sidecar_path(text_path);
        Self::open_with(
            Box::new(fs),
            text_path,
            sidecar,
            options,
            OnBadSidecar::OpenTextOnly,
        )
    }

    /// Like [`Self::open_text_only`], with the annotations in `sidecar`.
    pub fn open_text_only_at(
        fs: impl FileSystem + 'static,
        text_path: &Path,
        sidecar: &Path,
        options: &OpenOptions,
    ) -> Result<(Self, OpenReport), OpenError> {
        let sidecar = sidecar.to_path_buf();
        Self::open_with(
            Box::new(fs),
            text_path,
            sidecar,
            options,
            OnBadSidecar::OpenTextOnly,
        )
    }

    fn open_with(
        fs: Box<dyn FileSystem>,
        text_path: &Path,
        sidecar: std::path::PathBuf,
        options: &OpenOptions,
        on_bad: OnBadSidecar,
    ) -> Result<(Self, OpenReport), OpenError> {
        // Leftovers of saves killed mid-way; failing to clear them costs nothing.
        let _ = remove_stale_temps(&sidecar, STALE_TEMP_AGE);
        let _ = remove_stale_temps(&recovery_path(&sidecar), STALE_TEMP_AGE);
        let (guard, bytes) = SidecarGuard::open(&*fs, &sidecar).map_err(OpenError::ReadSidecar)?;
        let mut unreadable = None;
        let data = match bytes.map(|b| parse_sidecar(&b, &sidecar)) {
            None => None,
            Some(Ok(data)) => Some(data),
            Some(Err(err)) if on_bad == OnBadSidecar::OpenTextOnly => {
                unreadable = Some(err);
                None
            }
            Some(Err(err)) => return Err(OpenError::Sidecar(err)),
        };
        let file = read_annotated(text_path, data, options.encoding).map_err(|e| match e {
            ReadAnnotatedError::Text(e) => OpenError::Text(e),
            ReadAnnotatedError::Schema(e) => OpenError::Schema(e),
        })?;
        let changed = file.text_changed();
        let mut report = OpenReport {
            encoding: file.source.encoding,
            encoding_guessed: file.encoding_guessed,
            replaced_bytes: file.replaced_bytes,
            sidecar_loaded: file.saved_text.is_some(),
            unreadable_sidecar: None,
            reanchored: None,
            misfits: Vec::new(),
            recovery: None,
        };
        let AnnotatedFile {
            source: document,
            schema_source,
            schema,
            mut set,
            ..
        } = file;
        if changed {
            report.reanchored = Some(reanchor_set(&mut set, &document.text));
        }
        report.misfits = orphan_misfits(&mut set, document.char_len);
        let recovery = find_recovery_for_sidecar(&*fs, &sidecar);
        report.recovery = recovery.clone();
        report.unreadable_sidecar = unreadable;
        let session = Self {
            fs,
            checkpoints: CharCheckpoints::new(&document.text),
            document,
            schema_source,
            schema,
            set,
            history: History::new(),
            guard,
            author: options.author.clone(),
            autosaver: Autosaver::default(),
            changed_outside_history: changed || !report.misfits.is_empty(),
            unreadable_sidecar: report.unreadable_sidecar.as_ref().map(|e| e.to_string()),
            recovery,
            // An unreadable project file only costs the branch-safe ids; the folder still opens.
            shared_folder: ProjectSettings::of_folder(&folder_of(text_path))
                .is_ok_and(|p| p.shared),
        };
        Ok((session, report))
    }

    /// The document (path, decoded text, encoding, fingerprint).
    pub fn source(&self) -> &SourceText {
        &self.document
    }

    /// The annotations, relations and document attributes.
    pub fn set(&self) -> &AnnotationSet {
        &self.set
    }

    /// The schema the annotations follow.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// Where the schema comes from (written into the sidecar).
    pub fn schema_source(&self) -> &SchemaSource {
        &self.schema_source
    }

    /// Follows a schema that changed outside the session (a preset written as the folder's
    /// `schema.ron`, or that file edited): annotations are kept as they are, even those whose
    /// label the new schema lacks (validation flags them). When a sidecar exists, the change
    /// counts as unsaved, so the next save records the new source.
    pub fn replace_schema(&mut self, source: SchemaSource, schema: Schema) {
        if self.guard.loaded_state().is_some() || !self.set.is_empty() {
            self.changed_outside_history |= source != self.schema_source;
        }
        self.schema_source = source;
        self.schema = schema;
    }

    /// The sidecar file this session saves to.
    pub fn sidecar_path(&self) -> &Path {
        self.guard.path()
    }

    /// The author written into new annotations.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// Changes the author written into annotations made from now on.
    pub fn set_author(&mut self, author: String) {
        self.author = author;
    }

    /// The undo history (for enabling Undo/Redo).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The recovery file offered at open, until restored or discarded.
    pub fn pending_recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// Why saving is refused, when the sidecar on disk could not be read at open.
    pub fn unreadable_sidecar(&self) -> Option<&str> {
        self.unreadable_sidecar.as_deref()
    }

    /// A new annotation over `ranges` with the next free id, anchors captured from the text,
    /// this session's author and the current time; apply it with [`Edit::AddAnnotation`].
    pub fn new_annotation(&self, label: impl Into<String>, ranges: Vec<CharRange>) -> Annotation {
        let mut a = Annotation::new(
            self.new_annotation_id(),
            label,
            Vec::new(),
            &self.document.text,
            Timestamp::now(),
        );
        a.anchors = self.capture_anchors(&ranges);
        a.ranges = ranges;
        a.author = self.author.clone();
        a
    }

    /// An unused annotation id: the next one after the largest, or in a shared folder a random
    /// one, so that annotations added to the same file on two git branches keep their own ids
    /// when the branches merge.
    pub fn new_annotation_id(&self) -> AnnotationId {
        if !self.shared_folder {
            return self.set.next_annotation_id();
        }
        loop {
            let id = AnnotationId(u64::from(fastrand::u32(1..)));
            if self.set.annotation(id).is_none() {
                return id;
            }
        }
    }

    /// `n` distinct unused annotation ids (for several annotations added in one step), chosen
    /// as [`Self::new_annotation_id`] chooses one.
    pub fn new_annotation_ids(&self, n: usize) -> Vec<AnnotationId> {
        let mut ids: Vec<AnnotationId> = Vec::with_capacity(n);
        if !self.shared_folder {
            let first = self.set.next_annotation_id().0;
            return (0..n as u64).map(|k| AnnotationId(first + k)).collect();
        }
        while ids.len() < n {
            let id = self.new_annotation_id();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// One anchor quote per range, from the document's text (for [`Edit::SetRanges`]).
    pub fn capture_anchors(&self, ranges: &[CharRange]) -> Vec<Quote> {
        ranges.iter().map(|r| self.capture_anchor(*r)).collect()
    }

    /// The anchor quote of `range` (clamped to the text), cut through the checkpoints.
    fn capture_anchor(&self, range: CharRange) -> Quote {
        let text = &self.document.text;
        let len = self.checkpoints.char_len();
        let start = range.start.0.min(len);
        let end = range.end.0.min(len).max(start);
        let context = crate::model::quote::QUOTE_CONTEXT_CHARS;
        let slice = |a: usize, b: usize| {
            let byte = |c: usize| self.checkpoints.to_byte(text, CharOffset(c)).map(|b| b.0);
            match (byte(a), byte(b)) {
                (Some(a), Some(b)) => text.get(a..b).unwrap_or_default().to_owned(),
                _ => String::new(),
            }
        };
        Quote {
            exact: slice(start, end),
            prefix: slice(start.saturating_sub(context), start),
            suffix: slice(end, (end + context).min(len)),
        }
    }

    /// Applies `edit` as one undo step (now).
    pub fn apply(&mut self, edit: Edit) -> Result<(), SessionError> {
        self.apply_at(edit, Instant::now())
    }

    /// Applies `edit` as one undo step made at `now` (for the autosave clock).
    pub fn apply_at(&mut self, edit: Edit, now: Instant) -> Result<(), SessionError> {
        self.history.apply(&mut self.set, edit)?;
        self.autosaver.note_change(now);
        Ok(())
    }

    /// Undoes the last step; `Ok(false)` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<bool, SessionError> {
        let done = self.history.undo(&mut self.set)?;
        if done {
            self.autosaver.note_change(Instant::now());
        }
        Ok(done)
    }

    /// Redoes the last undone step; `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<bool, SessionError> {
        let done = self.history.redo(&mut self.set)?;
        if done {
            self.autosaver.note_change(Instant::now());
        }
        Ok(done)
    }

    /// True when the set differs from what the sidecar on disk holds.
    pub fn is_modified(&self) -> bool {
        self.history.is_modified() || self.changed_outside_history
    }

    /// The sidecar text the set would be saved as now.
    pub fn to_sidecar_text(&self) -> String {
        to_ron_string(&SidecarData::new(
            &self.document,
            self.schema_source.clone(),
            self.set.clone(),
        ))
    }

    /// Saves the set to the sidecar: atomically, keeping `.bak`, removing the recovery file, and
    /// marking the history saved. If the sidecar changed on disk since it was loaded, or does not
    /// parse, the file is left as it is and the set goes to a conflict copy next to it (the
    /// outcome names it; the session stays modified). On error nothing on disk changed and the
    /// session stays modified.
    pub fn save(&mut self) -> Result<SaveOutcome, SessionError> {
        let path = self.guard.path().to_path_buf();
        if self.unreadable_sidecar.is_some() {
            if let Some(reason) = self.sidecar_still_unreadable(&path) {
                return Err(SessionError::SidecarUnreadable { path, reason });
            }
        }
        let bytes = self.to_sidecar_text();
        let parses = |b: &[u8]| parse_sidecar(b, &path).is_ok();
        let outcome = save_checked(&*self.fs, &mut self.guard, bytes.as_bytes(), &parses)?;
        if outcome == SaveOutcome::Saved {
            // The recovery file is now older than the sidecar, so it is not offered again even if
            // removing it fails; the save itself succeeded.
            let _ = remove_recovery(&*self.fs, &path);
            self.history.mark_saved();
            self.autosaver.mark_saved();
            self.changed_outside_history = false;
            self.unreadable_sidecar = None;
            self.recovery = None;
        }
        Ok(outcome)
    }

    /// Saves a copy of the text and its annotations under `text_path` and goes on working there:
    /// the text file's bytes are copied unchanged (refused when they no longer decode to the text
    /// that is open), the annotations are written to the new sidecar, and later saves go to it.
    /// An existing different file at `text_path`, or an existing sidecar next to it, is never
    /// replaced. The old files are left as they are (only their recovery file is removed, since
    /// its work is now saved). A schema taken from the old folder's `schema.ron` is written
    /// into the new sidecar when the folder changes.
    pub fn save_as(&mut self, text_path: &Path) -> Result<SaveOutcome, SessionError> {
        if text_path == self.document.path {
            return self.save();
        }
        let old_sidecar = self.guard.path().to_path_buf();
        let bytes = self.checked_text_bytes()?;
        let new_sidecar = sidecar_path(text_path);
        if self.fs.read(&new_sidecar).is_ok() {
            return Err(SessionError::SaveAsTaken { path: new_sidecar });
        }
        match self.fs.read(text_path) {
            Ok(existing) if existing != bytes => {
                return Err(SessionError::SaveAsTaken {
                    path: text_path.to_owned(),
                })
            }
            Ok(_) => {}
            // Created exclusively: a file that appears meanwhile (or a FIFO, which cannot be
            // read) is never replaced.
            Err(_) => save_new(&*self.fs, text_path, &bytes)?,
        }
        if folder_of(text_path) != folder_of(&self.document.path)
            && self.schema_source == SchemaSource::Folder
        {
            self.schema_source = SchemaSource::Inline(self.schema.clone());
        }
        let (guard, _) = SidecarGuard::open(&*self.fs, &new_sidecar)?;
        let previous = (
            std::mem::replace(&mut self.guard, guard),
            std::mem::replace(&mut self.document.path, text_path.to_owned()),
            self.unreadable_sidecar.take(),
        );
        match self.save() {
            Ok(outcome) => {
                let _ = remove_recovery(&*self.fs, &old_sidecar);
                Ok(outcome)
            }
            Err(err) => {
                (self.guard, self.document.path, self.unreadable_sidecar) = previous;
                Err(err)
            }
        }
    }

    /// The text file's bytes as on disk, when they still decode to the open text.
    fn checked_text_bytes(&self) -> Result<Vec<u8>, SessionError> {
        let path = &self.document.path;
        let changed = || SessionError::TextChangedOnDisk { path: path.clone() };
        let bytes = self.fs.read(path).map_err(|_| changed())?;
        let decoded = decode_bytes(&bytes, Some(self.document.encoding)).map_err(|_| changed())?;
        if decoded.text != self.document.text {
            return Err(changed());
        }
        Ok(bytes)
    }

    /// After a conflict: accepts the sidecar as it is on disk now as the one this session
    /// replaces, so the next [`Self::save`] overwrites it ("save anyway"; the disk version goes to
    /// `.bak`). A sidecar that does not parse is still never overwritten.
    pub fn take_over_sidecar(&mut self) -> Result<(), SessionError> {
        self.guard.refresh(&*self.fs)?;
        Ok(())
    }

    /// Writes the recovery file when the autosave policy says it is due at `now`; returns whether
    /// it wrote. Call every frame (or when [`Self::next_autosave`] comes).
    pub fn autosave_tick(&mut self, now: Instant) -> Result<bool, SessionError> {
        if !self.autosaver.due(now) {
            return Ok(false);
        }
        let bytes = self.to_sidecar_text();
        write_recovery(&*self.fs, self.guard.path(), bytes.as_bytes())?;
        self.autosaver.mark_written(now);
        Ok(true)
    }

    /// When the next autosave is due, if there are unwritten changes.
    pub fn next_autosave(&self) -> Option<Instant> {
        self.autosaver.next_due()
    }

    /// Replaces the set with the one in the recovery file offered at open (re-anchored if it was
    /// written against another text). The recovery file stays until the next successful save;
    /// the undo history starts afresh. Returns the re-anchoring summary, if one was needed.
    pub fn restore_recovery(&mut self) -> Result<Option<ReanchorSummary>, SessionError> {
        let recovery = self.recovery.as_ref().ok_or(SessionError::NoRecovery)?;
        let mut data =
            parse_sidecar(&recovery.bytes, &recovery.path).map_err(SessionError::BadRecovery)?;
        let folder = folder_of(&self.document.path);
        let schema =
            schema_of(&folder, &self.document, &data.schema).map_err(SessionError::BadRecovery)?;
        let summary = if data.matches_text(&self.document.text) {
            None
        } else {
            Some(reanchor_set(&mut data.set, &self.document.text))
        };
        // A recovery file is a sidecar too: ranges that do not fit become orphans, never wraps.
        orphan_misfits(&mut data.set, self.document.char_len);
        self.set = data.set;
        self.schema_source = data.schema;
        self.schema = schema;
        self.history = History::new();
        self.changed_outside_history = true;
        self.recovery = None;
        Ok(summary)
    }

    /// Deletes the recovery file offered at open (the user declined it).
    pub fn discard_recovery(&mut self) -> Result<(), SessionError> {
        let recovery = self.recovery.take().ok_or(SessionError::NoRecovery)?;
        if let Err(err) = recovery.discard(&*self.fs) {
            self.recovery = Some(recovery);
            return Err(err.into());
        }
        Ok(())
    }

    /// `Some(reason)` when the sidecar on disk exists and still does not parse.
    fn sidecar_still_unreadable(&self, path: &Path) -> Option<String> {
        let bytes = self.fs.read(path).ok()?;
        parse_sidecar(&bytes, path).err().map(|e| e.to_string())
    }
}

/// Parses sidecar bytes; `path` names the file in errors.
fn parse_sidecar(bytes: &[u8], path: &Path) -> Result<SidecarData, SidecarError> {
    let text = std::str::from_utf8(bytes).map_err(|e| SidecarError::NotUtf8 {
        path: path.to_owned(),
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
    })?;
    from_ron_str(text, path)
}

/// Resolves a schema source for a document in `folder`.
fn schema_of(
    folder: &Path,
    document: &SourceText,
    source: &SchemaSource,
) -> Result<Schema, SidecarError> {
    resolve_schema(
        folder,
        &SidecarData::new(document, source.clone(), AnnotationSet::new()),
    )
}
