//! A folder's schema file `schema.ron`: written from a bundled preset when a folder has none, or
//! from the schema editor, and the open text following it. After a preset, a text without
//! annotations under another schema takes the folder's schema at once; one with them keeps the
//! schema its annotations file names, and the message says so. After the editor, the open text
//! takes the edited schema (that is what was edited): annotations whose label was removed are kept
//! and flagged (the legend lists them, `check` reports them), never dropped. Files are written
//! atomically; a preset never replaces an existing `schema.ron`, the editor keeps the previous one
//! as `schema.ron.bak`.

use super::error::{ActionError, SchemaWriteError};
use super::outcome::{Changes, Message, Outcome};
use super::Workspace;
use crate::model::schema::{Preset, Schema, SchemaProblem};
use crate::store::atomic::{save_atomic_with, Backup, RealFs};
use crate::store::sidecar::{SchemaSource, FOLDER_SCHEMA_FILE};
use std::path::Path;

/// One thing that stops a schema from being saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SavingProblem {
    /// The schema contradicts itself (duplicate ids or keys, unknown labels in relations, …).
    #[error("{0}")]
    Schema(SchemaProblem),
    /// A label id has white space in it (it would break brat and CoNLL lines).
    #[error("label id {0:?} has white space in it")]
    SpacedLabelId(String),
    /// A label lacks its Arabic or its English name.
    #[error("label {0:?} needs an Arabic and an English name")]
    UnnamedLabel(String),
    /// A relation type id has white space in it.
    #[error("relation type id {0:?} has white space in it")]
    SpacedRelationId(String),
}

/// Everything that stops `schema` from being saved: its consistency problems, and ids with
/// white space (they would break brat and CoNLL lines) or without names.
pub fn problems_for_saving(schema: &Schema) -> Vec<SavingProblem> {
    let mut problems: Vec<SavingProblem> = schema
        .consistency_problems()
        .into_iter()
        .map(SavingProblem::Schema)
        .collect();
    let spaced = |id: &str| id.chars().any(char::is_whitespace);
    for label in &schema.labels {
        if spaced(&label.id) {
            problems.push(SavingProblem::SpacedLabelId(label.id.clone()));
        }
        if label.name_en.trim().is_empty() || label.name_ar.trim().is_empty() {
            problems.push(SavingProblem::UnnamedLabel(label.id.clone()));
        }
    }
    for relation in &schema.relations {
        if spaced(&relation.id) {
            problems.push(SavingProblem::SpacedRelationId(relation.id.clone()));
        }
    }
    problems
}

/// `schema` as the RON text of a `schema.ron`, with a first line saying where it came from.
pub fn schema_file_text(schema: &Schema) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .escape_strings(false);
    // Plain strings, chars, options and lists: serialising cannot fail.
    let body = ron::ser::to_string_pretty(schema, config).expect("schemas serialize to RON");
    format!("// Edited in Hamish's schema editor.\n{body}\n")
}

impl Workspace {
    /// Saves `schema` as `folder`'s `schema.ron` (the old one kept as `.bak`) and makes the open
    /// text in that folder use it.
    pub(super) fn save_folder_schema(
        &mut self,
        folder: &Path,
        schema: Schema,
    ) -> Result<Outcome, ActionError> {
        let problems = problems_for_saving(&schema);
        if !problems.is_empty() {
            return Err(ActionError::InvalidSchema(problems));
        }
        let path = folder.join(FOLDER_SCHEMA_FILE);
        let text = schema_file_text(&schema);
        // What is written must read back as the same schema.
        match Schema::from_ron_str(&text, &path) {
            Ok(back) if back == schema => {}
            other => {
                return Err(ActionError::WriteSchema {
                    path,
                    reason: SchemaWriteError::NotReadBack(format!("{other:?}")),
                })
            }
        }
        save_atomic_with(&RealFs, &path, text.as_bytes(), Backup::Keep).map_err(|e| {
            ActionError::WriteSchema {
                path: path.clone(),
                reason: e.into(),
            }
        })?;
        let saved = Message::info(format!(
            "Saved the schema “{}” to {}.",
            schema.name_en,
            path.display()
        ))
        .keyed(
            "schema-saved",
            vec![
                ("schema", schema.name_ar.as_str().into()),
                ("path", path.display().to_string().into()),
            ],
        );
        let mut outcome = Outcome::default().with_message(saved);
        let in_folder = self
            .open
            .as_ref()
            .is_some_and(|o| o.session.source().path.parent() == Some(folder));
        if let (true, Some(open)) = (in_folder, self.open.as_mut()) {
            let missing = open
                .session
                .set()
                .annotations()
                .filter(|a| schema.label(&a.label).is_none())
                .count();
            open.session.replace_schema(SchemaSource::Folder, schema);
            outcome.changes = Changes::everything();
            if missing > 0 {
                let text = format!(
                    "{missing} annotation(s) have a label the schema no longer has: they are \
                     kept, drawn grey and listed under the labels."
                );
                let args = vec![("n", missing.into())];
                outcome
                    .messages
                    .push(Message::warning(text).keyed("labels-left-out-of-schema", args));
            }
        }
        Ok(outcome)
    }

    /// Writes preset `id` as `folder`'s `schema.ron` (refused when the folder has one).
    pub(super) fn use_schema_preset(
        &mut self,
        folder: &Path,
        id: &str,
    ) -> Result<Outcome, ActionError> {
        let preset = Preset::by_id(id).ok_or_else(|| ActionError::NoSuchPreset(id.to_owned()))?;
        let path = folder.join(FOLDER_SCHEMA_FILE);
        if path.exists() {
            return Err(ActionError::SchemaExists(path));
        }
        save_atomic_with(&RealFs, &path, preset.ron.as_bytes(), Backup::Skip).map_err(|e| {
            ActionError::WriteSchema {
                path: path.clone(),
                reason: e.into(),
            }
        })?;
        let schema = preset.schema();
        let chosen = Message::info(format!(
            "The folder's schema is now “{}” ({}), written to {}.",
            schema.name_en,
            schema.name_ar,
            path.display()
        ))
        .keyed(
            "preset-chosen",
            vec![
                ("schema", schema.name_ar.as_str().into()),
                ("path", path.display().to_string().into()),
            ],
        );
        let mut outcome = Outcome::default().with_message(chosen);
        if let Some(message) = self.follow_folder_schema(folder, schema) {
            outcome.changes = Changes::everything();
            outcome.messages.push(message);
        }
        Ok(outcome)
    }

    /// The open text takes `schema` when it is in `folder` and nothing ties it to another one
    /// (no annotations, or annotations under the folder's schema already); `Some` message when
    /// it changed or was left alone for a reason.
    fn follow_folder_schema(&mut self, folder: &Path, schema: Schema) -> Option<Message> {
        let open = self.open.as_mut()?;
        let text_folder = open.session.source().path.parent()?.to_path_buf();
        if text_folder != folder {
            return None;
        }
        let session = &mut open.session;
        let follows = *session.schema_source() == SchemaSource::Folder || session.set().is_empty();
        if follows {
            session.replace_schema(SchemaSource::Folder, schema);
            let text = format!(
                "The open text uses it now, and the folder's other texts will when they open \
                 ({}).",
                open.name
            );
            let args = vec![("name", open.name.as_str().into())];
            return Some(Message::info(text).keyed("schema-followed", args));
        }
        let text = format!(
            "The open text keeps the schema “{}”: its annotations were made with it ({}). Texts \
             without annotations use the folder's schema.",
            session.schema().name_en,
            open.name
        );
        let args = vec![
            ("schema", session.schema().name_ar.as_str().into()),
            ("name", open.name.as_str().into()),
        ];
        Some(Message::warning(text).keyed("schema-kept", args))
    }
}
