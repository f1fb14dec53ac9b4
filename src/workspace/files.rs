//! Actions on the open text's files: save, save as, overwriting after a conflict, and the
//! recovery file (restore, discard, forget unsaved work). The text file itself is never written.

use super::action::Action;
use super::error::ActionError;
use super::open::{display_name, reanchor_message, OpenText};
use super::outcome::{Changes, Message, Outcome};
use crate::store::atomic::{ConflictReason, RealFs, SaveOutcome};
use crate::store::recovery::remove_recovery;
use std::path::Path;

/// Changes of a save: only whether things are saved.
const SAVED: Changes = Changes {
    opened: false,
    annotations: false,
    relations: false,
    ranges: false,
    saved_state: true,
};

impl OpenText {
    pub(super) fn save(&mut self) -> Result<Outcome, ActionError> {
        let outcome = self.session.save()?;
        Ok(self.saved(outcome))
    }

    pub(super) fn save_as(&mut self, path: &Path) -> Result<Outcome, ActionError> {
        let outcome = self.session.save_as(path)?;
        if outcome == SaveOutcome::Saved {
            self.name = display_name(path);
            self.is_sample = false;
        }
        let mut result = self.saved(outcome);
        // The title and status line name another file now.
        result.changes.opened = true;
        Ok(result)
    }

    /// What a save did, as a message: where the annotations went, or the conflict copy.
    fn saved(&self, outcome: SaveOutcome) -> Outcome {
        let message = match outcome {
            SaveOutcome::Saved => {
                let n = self.session.set().len();
                let path = self.session.sidecar_path().display().to_string();
                Message::info(format!("Saved {n} annotation(s) to {path}.")).keyed(
                    "saved-annotations",
                    vec![("n", n.into()), ("path", path.into())],
                )
            }
            SaveOutcome::ConflictCopy { copy, reason } => {
                let why = match reason {
                    ConflictReason::ChangedOnDisk => "the annotations file changed on disk",
                    ConflictReason::CreatedOnDisk => {
                        "an annotations file appeared on disk after this one was opened"
                    }
                    ConflictReason::UnparseableOnDisk => {
                        "the annotations file on disk cannot be read"
                    }
                };
                let path = self.session.sidecar_path().display().to_string();
                let copy = copy.display().to_string();
                let message = Message::warning(format!(
                    "Not saved over {path}: {why}; your version was saved as {copy}. Compare the \
                     two, or overwrite the file on disk (it is kept as .bak)."
                ));
                let args = vec![("path", path.into()), ("copy", copy.into())];
                let message = match reason {
                    ConflictReason::ChangedOnDisk => message.keyed("conflict-changed", args),
                    ConflictReason::CreatedOnDisk => message.keyed("conflict-created", args),
                    ConflictReason::UnparseableOnDisk => {
                        message.keyed("conflict-unparseable", args)
                    }
                };
                if reason == ConflictReason::UnparseableOnDisk {
                    message
                } else {
                    message.with_offer("Overwrite anyway", Action::OverwriteAfterConflict)
                }
            }
        };
        Outcome::changed(SAVED).with_message(message)
    }

    pub(super) fn overwrite_after_conflict(&mut self) -> Result<Outcome, ActionError> {
        self.session.take_over_sidecar()?;
        self.save()
    }

    pub(super) fn restore_recovery(&mut self) -> Result<Outcome, ActionError> {
        let summary = self.session.restore_recovery()?;
        let message = match summary {
            None => {
                let n = self.session.set().len();
                Message::info(format!(
                    "Restored {n} annotation(s) from the recovery file; save to keep them."
                ))
                .keyed("restored-from-recovery", vec![("n", n.into())])
            }
            Some(summary) => reanchor_message(&summary, self.session.sidecar_path()),
        };
        Ok(Outcome::changed(Changes::everything()).with_message(message))
    }

    pub(super) fn discard_recovery(&mut self) -> Result<Outcome, ActionError> {
        self.session.discard_recovery()?;
        Ok(Outcome::default())
    }

    /// Closing without saving: the recovery file goes too, so the changes are not offered again.
    pub(super) fn discard_unsaved_work(&mut self) -> Outcome {
        match remove_recovery(&RealFs, self.session.sidecar_path()) {
            Ok(()) => Outcome::default(),
            Err(err) => Outcome::default().with_message(
                Message::warning(format!(
                    "The recovery file could not be removed ({err}); it will be offered again."
                ))
                .keyed(
                    "recovery-not-removed",
                    vec![(
                        "error",
                        ActionError::Session(crate::store::session::SessionError::Save(err)).into(),
                    )],
                ),
            ),
        }
    }
}
