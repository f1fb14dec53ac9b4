//! Actions that change the open annotations: annotate, relabel, delete, link, unlink, attributes
//! and notes, undo and redo — each one undo step through the session's history — and the
//! read-only check and counts of the open text. Offsets are chars into the open text.

use super::batch::agree::agreement;
use super::batch::note::BatchNote;
use super::batch::stats::DocumentStats;
use super::error::ActionError;
use super::open::OpenText;
use super::outcome::{Changes, Message, Outcome, Report};
use crate::model::annotation::{AnnotationId, AnnotationStatus, Timestamp};
use crate::model::attribute::AttributeValue;
use crate::model::edit::Edit;
use crate::model::relation::{Relation, RelationId};
use crate::model::validate::validate;
use crate::offset::CharRange;
use crate::store::sidecar::{find_annotated_texts, AnnotatorName};

/// Changes of an edit to annotations only.
const ANNOTATIONS: Changes = Changes {
    opened: false,
    annotations: true,
    relations: false,
    ranges: false,
    saved_state: true,
};

/// Changes of an edit to relations only.
const RELATIONS: Changes = Changes {
    opened: false,
    annotations: false,
    relations: true,
    ranges: false,
    saved_state: true,
};

impl OpenText {
    /// The label of annotation `id`, or the error saying it is gone.
    fn label_of(&self, id: AnnotationId) -> Result<String, ActionError> {
        self.session
            .set()
            .annotation(id)
            .map(|a| a.label.clone())
            .ok_or(ActionError::NoSuchAnnotation(id))
    }

    pub(super) fn require_label(&self, label: &str) -> Result<(), ActionError> {
        let schema = self.session.schema();
        match schema.label(label) {
            Some(_) => Ok(()),
            None => Err(ActionError::UnknownLabel {
                label: label.to_owned(),
                schema: schema.name_en.clone(),
            }),
        }
    }

    pub(super) fn annotate(
        &mut self,
        label: &str,
        range: CharRange,
    ) -> Result<Outcome, ActionError> {
        self.require_label(label)?;
        let range = trim_white_space(&self.session.source().text, range);
        if range.is_empty() {
            return Err(ActionError::EmptyRange);
        }
        let annotation = self.session.new_annotation(label, vec![range]);
        let id = annotation.id;
        self.session.apply(Edit::AddAnnotation(annotation))?;
        Ok(Outcome {
            changes: Changes {
                ranges: true,
                ..ANNOTATIONS
            },
            select: Some(id),
            ..Outcome::default()
        })
    }

    pub(super) fn relabel(
        &mut self,
        id: AnnotationId,
        label: &str,
    ) -> Result<Outcome, ActionError> {
        self.require_label(label)?;
        if self.label_of(id)? == label {
            return Ok(Outcome {
                select: Some(id),
                ..Outcome::default()
            });
        }
        let edit = Edit::SetLabel {
            id,
            label: label.to_owned(),
        };
        let by = self.session.author().to_owned();
        self.session.apply(edit.stamped(Timestamp::now(), &by))?;
        Ok(Outcome {
            changes: ANNOTATIONS,
            select: Some(id),
            ..Outcome::default()
        })
    }

    pub(super) fn delete(&mut self, id: AnnotationId) -> Result<Outcome, ActionError> {
        self.label_of(id)?;
        let links = self.session.set().relations_of(id).count();
        self.session.apply(Edit::RemoveAnnotation(id))?;
        let mut outcome = Outcome::changed(Changes {
            ranges: true,
            relations: links > 0,
            ..ANNOTATIONS
        });
        if links > 0 {
            let text = format!(
                "Deleted annotation {id} and the {links} link(s) it had; undo brings them back."
            );
            let args = vec![("id", id.to_string().into()), ("links", links.into())];
            outcome
                .messages
                .push(Message::info(text).keyed("deleted-with-links", args));
        }
        Ok(outcome)
    }

    pub(super) fn link(
        &mut self,
        from: AnnotationId,
        to: AnnotationId,
        kind: &str,
    ) -> Result<Outcome, ActionError> {
        if from == to {
            return Err(ActionError::SelfLink);
        }
        let (from_label, to_label) = (self.label_of(from)?, self.label_of(to)?);
        let schema = self.session.schema();
        let Some(relation_type) = schema.relation_type(kind) else {
            return Err(ActionError::UnknownRelationType {
                kind: kind.to_owned(),
                schema: schema.name_en.clone(),
            });
        };
        if !relation_type.allows(&from_label, &to_label) {
            return Err(ActionError::RelationNotAllowed {
                kind: kind.to_owned(),
                from_label,
                to_label,
            });
        }
        let name = relation_type.name_en.clone();
        let name_ar = relation_type.name_ar.clone();
        if self.has_link(kind, from, to) {
            return Err(ActionError::AlreadyLinked {
                from,
                to,
                kind: name,
            });
        }
        let relation = Relation::new(self.session.set().next_relation_id(), kind, from, to);
        self.session.apply(Edit::AddRelation(relation))?;
        let text = format!("Linked {from} to {to} ({name}); Ctrl+Z undoes it.");
        let args = vec![
            ("from", from.to_string().into()),
            ("to", to.to_string().into()),
            ("name", name_ar.into()),
        ];
        Ok(Outcome::changed(RELATIONS).with_message(Message::info(text).keyed("linked", args)))
    }

    pub(super) fn accept_placement(&mut self, id: AnnotationId) -> Result<Outcome, ActionError> {
        let status = self
            .session
            .set()
            .annotation(id)
            .map(|a| a.status)
            .ok_or(ActionError::NoSuchAnnotation(id))?;
        if status == AnnotationStatus::Ok {
            return Ok(Outcome::default());
        }
        let edit = Edit::SetStatus {
            id,
            status: AnnotationStatus::Ok,
        };
        let by = self.session.author().to_owned();
        self.session.apply(edit.stamped(Timestamp::now(), &by))?;
        Ok(Outcome {
            changes: ANNOTATIONS,
            select: Some(id),
            ..Outcome::default()
        })
    }

    pub(super) fn unlink(&mut self, id: RelationId) -> Result<Outcome, ActionError> {
        self.session.apply(Edit::RemoveRelation(id))?;
        Ok(Outcome::changed(RELATIONS))
    }

    pub(super) fn set_attribute(
        &mut self,
        id: AnnotationId,
        attribute: String,
        value: Option<AttributeValue>,
    ) -> Result<Outcome, ActionError> {
        let edit = Edit::SetAttribute {
            id,
            attribute,
            value,
        };
        let by = self.session.author().to_owned();
        self.session.apply(edit.stamped(Timestamp::now(), &by))?;
        Ok(Outcome::changed(ANNOTATIONS))
    }

    pub(super) fn set_document_attribute(
        &mut self,
        attribute: String,
        value: Option<AttributeValue>,
    ) -> Result<Outcome, ActionError> {
        self.session
            .apply(Edit::SetDocumentAttribute { attribute, value })?;
        Ok(Outcome::changed(ANNOTATIONS))
    }

    pub(super) fn set_note(
        &mut self,
        id: AnnotationId,
        note: String,
    ) -> Result<Outcome, ActionError> {
        let edit = Edit::SetNote { id, note };
        let by = self.session.author().to_owned();
        self.session.apply(edit.stamped(Timestamp::now(), &by))?;
        Ok(Outcome::changed(ANNOTATIONS))
    }

    /// Undoes (`redo == false`) or redoes one step; says so when there is nothing to do.
    pub(super) fn undo_redo(&mut self, redo: bool) -> Result<Outcome, ActionError> {
        let done = if redo {
            self.session.redo()?
        } else {
            self.session.undo()?
        };
        if done {
            return Ok(Outcome::changed(Changes::everything()));
        }
        let message = if redo {
            Message::info("Nothing to redo.").keyed("nothing-to-redo", vec![])
        } else {
            Message::info("Nothing to undo.").keyed("nothing-to-undo", vec![])
        };
        Ok(Outcome::default().with_message(message))
    }

    /// Draws the open text with its annotations as a page into `path` (format by extension).
    pub(super) fn export_page(&self, path: &std::path::Path) -> Result<Outcome, ActionError> {
        use super::report::{report_page, write_page, PageContent, PageFormat};
        use super::report::{EXPORT_FONT_SIZE, EXPORT_PAGE_WIDTH};
        let format =
            PageFormat::from_path(path).ok_or_else(|| ActionError::PageFormat(path.to_owned()))?;
        let content = PageContent {
            text: &self.session.source().text,
            set: self.session.set(),
            schema: self.session.schema(),
            legend: true,
        };
        let bytes = report_page(
            &content,
            EXPORT_PAGE_WIDTH,
            EXPORT_FONT_SIZE,
            crate::text::BaseDirection::Auto,
            format,
        )?;
        write_page(path, &bytes)?;
        let path = path.display().to_string();
        let message = Message::info(format!("Page written to {path}."))
            .keyed("page-written", vec![("path", path.into())]);
        Ok(Outcome::default().with_message(message))
    }

    /// The open annotations validated against the schema and the text.
    pub(super) fn check(&self) -> Outcome {
        let problems = validate(
            self.session.set(),
            self.session.schema(),
            self.session.source().char_len,
        );
        Outcome {
            report: Some(Report::Checked(problems)),
            ..Outcome::default()
        }
    }

    /// Agreement between the annotators' files of the open text (as on disk: save first to
    /// include unsaved changes).
    pub(super) fn agreement(&self) -> Result<Outcome, ActionError> {
        let path = self.session.source().path.clone();
        let run = agreement(&[path], &[])?;
        let mut outcome = Outcome {
            report: Some(Report::Agreement(run.report)),
            ..Outcome::default()
        };
        outcome
            .messages
            .extend(run.notes.iter().map(BatchNote::message));
        outcome
            .messages
            .extend(run.failed.iter().map(|left_out| left_out.message()));
        Ok(outcome)
    }

    /// The annotators who have a file for the open text, in name order.
    pub fn annotator_versions(&self) -> Vec<AnnotatorName> {
        let path = self.session.source().path.clone();
        find_annotated_texts(&[path])
            .ok()
            .and_then(|texts| texts.into_iter().next())
            .map(|t| t.annotators.into_keys().collect())
            .unwrap_or_default()
    }

    /// Counts of the open annotations.
    pub(super) fn stats(&self) -> Outcome {
        let path = self.session.source().path.display().to_string();
        Outcome {
            report: Some(Report::Stats(DocumentStats::of(path, self.session.set()))),
            ..Outcome::default()
        }
    }
}

/// `range` without white space at either end (an empty range when it holds only white space).
pub fn trim_white_space(text: &str, range: CharRange) -> CharRange {
    let chars: Vec<char> = text.chars().skip(range.start.0).take(range.len()).collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    if lead == chars.len() {
        return CharRange::from_indices(range.start.0, range.start.0);
    }
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    CharRange::from_indices(range.start.0 + lead, range.start.0 + chars.len() - trail)
}
