//! Import and export of the open text, through the same code as `hamish import` and `hamish
//! export` (`batch::import`, `batch::export`): export writes the files a one-document run writes;
//! import reads another tool's annotations of the same text and adds them as one undo step (ids
//! renumbered, anchors captured from this text). Offsets are chars into the open text.

use super::batch::export::{export_files, write_outputs};
use super::batch::import::{read_source, read_webanno_onto, ImportSchema};
use super::batch::note::BatchNote;
use super::error::{ActionError, ExchangeError};
use super::open::OpenText;
use super::outcome::{Changes, Outcome, Report};
use crate::model::annotation::{AnnotationId, Timestamp};
use crate::model::edit::Edit;
use crate::model::relation::RelationId;
use crate::model::set::AnnotationSet;
use crate::store::formats::jsonl::JsonlFlavor;
use crate::store::formats::{AnnotatedText, ExportFormat, ImportFormat, LossReport};
use crate::store::walk::FoundFile;
use std::collections::HashMap;
use std::path::Path;

impl OpenText {
    /// The open text as the exporters take it.
    pub fn annotated_text(&self) -> AnnotatedText {
        AnnotatedText {
            name: self.name.clone(),
            text: self.session.source().text.clone(),
            set: self.session.set().clone(),
        }
    }

    pub(super) fn export(
        &mut self,
        format: ExportFormat,
        folder: &Path,
    ) -> Result<Outcome, ActionError> {
        let mut losses = LossReport::new();
        let docs = [(self.annotated_text(), self.session.schema().clone())];
        let files = export_files(&docs, format, JsonlFlavor::Hamish, &mut losses)?;
        let written = write_outputs(folder, &files, false).map_err(ExchangeError::from)?;
        Ok(Outcome {
            messages: written.notes.iter().map(BatchNote::message).collect(),
            report: Some(Report::Exported {
                files: written.paths,
                losses,
            }),
            ..Outcome::default()
        })
    }

    pub(super) fn import(
        &mut self,
        format: ImportFormat,
        file: &Path,
    ) -> Result<Outcome, ActionError> {
        let mut losses = LossReport::new();
        let schema = ImportSchema {
            source: self.session.schema_source().clone(),
            schema: self.session.schema().clone(),
            use_brat_conf: false,
        };
        let found = FoundFile {
            path: file.to_owned(),
            name: super::open::display_name(file),
        };
        let text = &self.session.source().text;
        let now = Timestamp::now();
        // A W3C file annotates the open text wherever it is; the other formats bring their text.
        let texts = match format {
            ImportFormat::Webanno => {
                read_webanno_onto(file, text.clone(), &schema, now, &mut losses).map(|d| vec![d])
            }
            _ => read_source(format, &found, &schema, now, &mut losses),
        }
        .map_err(ExchangeError::from)?;
        let count = texts.len();
        let Some(imported) = texts.into_iter().find(|d| d.text == *text) else {
            return Err(ExchangeError::OtherText {
                path: file.to_owned(),
                found: count,
            }
            .into());
        };
        if !imported.set.standoff.is_empty() {
            // One group edit adds spans and relations; events and the other brat extras are
            // whole-corpus data that `hamish import` brings in with their ids.
            let doc = AnnotatedText {
                name: found.name.clone(),
                text: imported.text.clone(),
                set: imported.set.clone(),
            };
            crate::store::formats::uncarried::report_standoff(
                &doc,
                "an import into an open text (use `hamish import` for brat corpora)",
                &mut losses,
            );
        }
        let added = imported.set.len();
        if added > 0 || imported.set.relations().next().is_some() {
            let edit = self.renumbered_additions(&imported.set);
            self.session.apply(edit)?;
        }
        Ok(Outcome {
            changes: if added > 0 {
                Changes::everything()
            } else {
                Changes::default()
            },
            report: Some(Report::Imported {
                annotations: added,
                losses,
            }),
            ..Outcome::default()
        })
    }

    /// One group edit adding `imported`'s annotations and relations under fresh ids.
    fn renumbered_additions(&self, imported: &AnnotationSet) -> Edit {
        let session = &self.session;
        let first = session.set().next_annotation_id().0;
        let mut ids: HashMap<AnnotationId, AnnotationId> = HashMap::new();
        let mut edits = Vec::new();
        for (next, a) in (first..).zip(imported.annotations()) {
            let mut a = a.clone();
            let id = AnnotationId(next);
            ids.insert(a.id, id);
            a.id = id;
            a.anchors = session.capture_anchors(&a.ranges);
            edits.push(Edit::AddAnnotation(a));
        }
        let mut next_relation = session.set().next_relation_id().0;
        for r in imported.relations() {
            let (Some(from), Some(to)) = (ids.get(&r.from), ids.get(&r.to)) else {
                continue;
            };
            let mut r = r.clone();
            r.id = RelationId(next_relation);
            next_relation += 1;
            r.from = *from;
            r.to = *to;
            edits.push(Edit::AddRelation(r));
        }
        Edit::Group(edits)
    }
}
