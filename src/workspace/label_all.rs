//! "Label all hits": every hit of a search in the open text gets an annotation with one label, as
//! one undo step; hits that already overlap an annotation with that label are skipped, so running
//! it twice adds nothing. Offsets are chars into the open text.

use super::error::ActionError;
use super::open::OpenText;
use super::outcome::{Changes, Message, Outcome};
use crate::model::edit::Edit;
use crate::search::{Query, SearchOptions};

impl OpenText {
    pub(super) fn label_all_hits(
        &mut self,
        label: &str,
        query: &str,
        options: SearchOptions,
    ) -> Result<Outcome, ActionError> {
        self.require_label(label)?;
        let query = Query::new(query, options)?;
        let hits = query.find_in(&self.session.source().text);
        let set = self.session.set();
        let (carrying, fresh): (Vec<_>, Vec<_>) = hits
            .into_iter()
            .partition(|hit| set.overlapping(*hit).iter().any(|a| a.label == label));
        if fresh.is_empty() {
            let message = match carrying.len() {
                0 => Message::info("No hits to label.").keyed("no-hits-to-label", vec![]),
                n => Message::info(format!("All {n} hit(s) already carry the label {label}."))
                    .keyed(
                        "hits-already-labelled",
                        vec![("n", n.into()), ("label", label.into())],
                    ),
            };
            return Ok(Outcome::default().with_message(message));
        }
        let ids = self.session.new_annotation_ids(fresh.len());
        let edits = fresh
            .iter()
            .zip(&ids)
            .map(|(hit, id)| {
                let mut annotation = self.session.new_annotation(label, vec![*hit]);
                annotation.id = *id;
                Edit::AddAnnotation(annotation)
            })
            .collect();
        self.session.apply(Edit::Group(edits))?;
        let mut text = format!("Labelled {} hit(s) as {label}", fresh.len());
        if !carrying.is_empty() {
            text.push_str(&format!(
                "; {} already carried it and were skipped",
                carrying.len()
            ));
        }
        text.push_str(". One undo removes them all.");
        let message = Message::info(text).keyed(
            "hits-labelled",
            vec![
                ("n", fresh.len().into()),
                ("label", label.into()),
                ("skipped", carrying.len().into()),
            ],
        );
        Ok(Outcome {
            changes: Changes {
                annotations: true,
                ranges: true,
                saved_state: true,
                ..Changes::default()
            },
            ..Outcome::default()
        }
        .with_message(message))
    }
}
