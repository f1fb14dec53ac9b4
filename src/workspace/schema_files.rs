//! A folder's schema file `schema.ron`: written from a bundled preset when a folder has none, and
//! the open text following it (a text without annotations under another schema takes the folder's
//! schema at once; one with them keeps the schema its annotations file names, and the message
//! says so). Files are written atomically; an existing `schema.ron` is never replaced by a preset.

use super::error::ActionError;
use super::outcome::{Changes, Message, Outcome};
use super::Workspace;
use crate::model::schema::{Preset, Schema};
use crate::store::atomic::{save_atomic_with, Backup, RealFs};
use crate::store::sidecar::{SchemaSource, FOLDER_SCHEMA_FILE};
use std::path::Path;

impl Workspace {
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
                reason: e.to_string(),
            }
        })?;
        let schema = preset.schema();
        let mut outcome = Outcome::default().with_message(Message::info(format!(
            "The folder's schema is now “{}” ({}), written to {}.",
            schema.name_en,
            schema.name_ar,
            path.display()
        )));
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
            return Some(Message::info(format!(
                "The open text uses it now, and the folder's other texts will when they open \
                 ({}).",
                open.name
            )));
        }
        Some(Message::warning(format!(
            "The open text keeps the schema “{}”: its annotations were made with it ({}). Texts \
             without annotations use the folder's schema.",
            session.schema().name_en,
            open.name
        )))
    }
}
