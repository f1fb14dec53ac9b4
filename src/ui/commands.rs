//! The commands panels and shortcuts emit; the app applies them once per frame, after all UI ran.

use crate::model::annotation::AnnotationId;
use crate::model::text_format::TextEncoding;
use crate::offset::CharOffset;
use crate::store::formats::{ExportFormat, ImportFormat};
use crate::text::{Cursor, Motion};
use crate::workspace::Action;
use std::path::PathBuf;

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the open-file dialog.
    OpenFileDialog,
    /// Open this text file.
    OpenFile(PathBuf),
    /// Show the font-file dialog.
    ChooseFontDialog,
    /// Use this font file for the text.
    UseFontFile(PathBuf),
    /// Go back to the embedded fonts.
    UseEmbeddedFonts,
    /// Change the zoom.
    Zoom(ZoomStep),
    /// Set the selection from `anchor` (where it started) to `focus` (where it ends now).
    Select {
        /// The fixed end.
        anchor: Cursor,
        /// The moving end.
        focus: Cursor,
    },
    /// Select the whole text.
    SelectAll,
    /// Move the caret (`extend`: only the selection's moving end, keeping the anchor).
    MoveCaret {
        /// How far and where.
        motion: Motion,
        /// True with Shift: the selection grows or shrinks instead of collapsing to the caret.
        extend: bool,
    },
    /// Copy the selection, in logical order, to the clipboard.
    CopySelection,
    /// Choose a folder and export the document there in this format.
    ExportDialog(ExportFormat),
    /// Export the document in `format` into `folder`.
    ExportTo {
        /// The format.
        format: ExportFormat,
        /// The folder the files go to.
        folder: PathBuf,
    },
    /// Choose a file and import its annotations of this text.
    ImportDialog(ImportFormat),
    /// Import the annotations of this text from `file`.
    ImportFrom {
        /// The format.
        format: ImportFormat,
        /// The file to read.
        file: PathBuf,
    },
    /// Reopen the current text decoded with this encoding (View > Encoding).
    ReopenWithEncoding(TextEncoding),
    /// Annotate the selection with the label bound to this schema hotkey (`'1'`–`'9'`).
    AnnotateWithHotkey(char),
    /// Select this annotation (in the text and the side panel).
    SelectAnnotation(AnnotationId),
    /// Clear the text selection and the selected annotation (Escape).
    ClearSelection,
    /// Remove the selected annotation.
    DeleteSelectedAnnotation,
    /// Start linking the selected annotation: the next annotation clicked is the other end (L).
    StartLinking,
    /// Link the annotation waiting for its other end to the one at the caret (Enter after L, so a
    /// link can be made with the keyboard alone).
    LinkAtCaret,
    /// Link the annotations at two chars (an Alt-drag from one highlight to another).
    LinkDrop {
        /// Where the drag started.
        from: CharOffset,
        /// Where it was dropped.
        to: CharOffset,
    },
    /// Link two annotations with the relation type the schema allows for them (a small menu
    /// when several fit, a message when none does); `first` is the one picked first.
    LinkPair {
        /// Picked first.
        first: AnnotationId,
        /// Picked second.
        second: AnnotationId,
    },
    /// Apply the label with this id: to the text selection, or to the selected annotation
    /// (relabelling it) when no other text is selected.
    ApplyLabel(String),
    /// Show or hide the relation arcs.
    ToggleArcs,
    /// Show or hide the claims table.
    ToggleClaimsTable,
    /// Show the preferences.
    ShowPreferences,
    /// Record this annotator name on new annotations from now on, and keep it between runs.
    SetAnnotator(String),
    /// Choose a file and draw the annotated text there as a page (PNG, SVG or PDF).
    ExportPageDialog,
    /// Draw the annotated text as a page into this file (its extension gives the format).
    ExportPageTo(PathBuf),
    /// Undo the last annotation edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Save the annotations next to the text.
    Save,
    /// Choose a new name and save a copy of the text with its annotations there (Save As).
    SaveAsDialog,
    /// Save a copy of the text with its annotations as this text file, and go on there.
    SaveAs(PathBuf),
    /// Execute an action of the application layer as it is (e.g. a message's follow-up).
    Act(Action),
    /// After a save conflict: overwrite the annotations file on disk anyway (it goes to `.bak`).
    OverwriteAfterConflict,
    /// Bring back the unsaved annotations found in the recovery file.
    RestoreRecovery,
    /// Delete the recovery file.
    DiscardRecovery,
    /// Hide the recovery offer for now; it comes back on the next open.
    PostponeRecovery,
    /// Hide message `index` of the message list.
    DismissNotice(usize),
    /// Show or hide the shortcut sheet (F1, ?).
    ToggleShortcutSheet,
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Answer to "save before closing?".
    CloseAnswer(CloseChoice),
}

/// What to do with unsaved changes when the window closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseChoice {
    /// Save, then close (stays open if saving fails).
    Save,
    /// Close without saving (the recovery file is removed, so it is not offered again).
    Discard,
    /// Keep the window open.
    Cancel,
}

/// A zoom change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoomStep {
    /// One step larger.
    In,
    /// One step smaller.
    Out,
    /// Back to 100 %.
    Reset,
}

/// Zoom factors from 50 % to 400 %.
pub const ZOOM_MIN: f32 = 0.5;
/// Largest zoom factor.
pub const ZOOM_MAX: f32 = 4.0;

impl ZoomStep {
    /// The zoom after this step from `zoom`, in 10 % steps, clamped to `ZOOM_MIN..=ZOOM_MAX`.
    pub fn apply(self, zoom: f32) -> f32 {
        let next = match self {
            ZoomStep::In => zoom + 0.1,
            ZoomStep::Out => zoom - 0.1,
            ZoomStep::Reset => 1.0,
        };
        // Round to whole percent so repeated steps do not drift (1.1 + 0.1 - 0.1 == 1.1).
        ((next * 100.0).round() / 100.0).clamp(ZOOM_MIN, ZOOM_MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_steps_are_clamped_and_do_not_drift() {
        let mut zoom = 1.0;
        for _ in 0..3 {
            zoom = ZoomStep::In.apply(zoom);
        }
        for _ in 0..3 {
            zoom = ZoomStep::Out.apply(zoom);
        }
        assert_eq!(zoom, 1.0);
        assert_eq!(ZoomStep::Out.apply(ZOOM_MIN), ZOOM_MIN);
        assert_eq!(ZoomStep::In.apply(ZOOM_MAX), ZOOM_MAX);
        assert_eq!(ZoomStep::Reset.apply(2.3), 1.0);
    }
}
