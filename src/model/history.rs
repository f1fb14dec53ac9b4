//! Undo and redo over an [`AnnotationSet`], built from [`Edit`] values and their inverses.

use crate::model::edit::{Edit, EditError};
use crate::model::set::AnnotationSet;

/// One undoable step: the edit as done and the edit that undoes it.
#[derive(Debug, Clone)]
struct Step {
    forward: Edit,
    inverse: Edit,
}

/// The undo and redo stacks of one document.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Undo depth when the document was last saved; `None` if that state is no longer reachable.
    saved_at: Option<usize>,
}

impl History {
    /// Empty history; the current state counts as saved.
    pub fn new() -> Self {
        Self {
            saved_at: Some(0),
            ..Self::default()
        }
    }

    /// Applies `edit` to `set` as one undo step and clears the redo stack.
    pub fn apply(&mut self, set: &mut AnnotationSet, edit: Edit) -> Result<(), EditError> {
        let inverse = edit.apply(set)?;
        if self.saved_at.is_some_and(|s| s > self.undo.len()) {
            // The saved state was on the redo stack, which is now dropped.
            self.saved_at = None;
        }
        self.undo.push(Step {
            forward: edit,
            inverse,
        });
        self.redo.clear();
        Ok(())
    }

    /// Applies several edits as one undo step (all or nothing).
    pub fn apply_group(
        &mut self,
        set: &mut AnnotationSet,
        edits: Vec<Edit>,
    ) -> Result<(), EditError> {
        self.apply(set, Edit::Group(edits))
    }

    /// Undoes the last step; `Ok(false)` when there is nothing to undo.
    pub fn undo(&mut self, set: &mut AnnotationSet) -> Result<bool, EditError> {
        let Some(step) = self.undo.pop() else {
            return Ok(false);
        };
        match step.inverse.apply(set) {
            Ok(_) => {
                self.redo.push(step);
                Ok(true)
            }
            Err(err) => {
                // The set was changed behind the history's back; keep the step so nothing is lost.
                self.undo.push(step);
                Err(err)
            }
        }
    }

    /// Redoes the last undone step; `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, set: &mut AnnotationSet) -> Result<bool, EditError> {
        let Some(step) = self.redo.pop() else {
            return Ok(false);
        };
        match step.forward.apply(set) {
            Ok(inverse) => {
                self.undo.push(Step {
                    forward: step.forward,
                    inverse,
                });
                Ok(true)
            }
            Err(err) => {
                self.redo.push(step);
                Err(err)
            }
        }
    }

    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records that the current state has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.undo.len());
    }

    /// True when the state differs from the last saved one (by undo position).
    pub fn is_modified(&self) -> bool {
        self.saved_at != Some(self.undo.len())
    }
}
