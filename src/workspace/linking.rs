//! Which links the schema allows between two annotations, whichever of the two was picked first:
//! the window asks before linking (one choice links at once, several give a menu, none a
//! message). Offsets play no part here; annotations are named by id.

use super::error::ActionError;
use super::open::OpenText;
use super::Workspace;
use crate::model::annotation::AnnotationId;

/// One relation type that fits a pair of annotations, with its ends in the schema's direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkChoice {
    /// The relation type id.
    pub kind: String,
    /// Its English name.
    pub name_en: String,
    /// Its Arabic name.
    pub name_ar: String,
    /// The source end (the schema's `from`).
    pub from: AnnotationId,
    /// The target end (the schema's `to`).
    pub to: AnnotationId,
}

impl Workspace {
    /// The links the schema allows between `first` (picked first) and `second`: each relation
    /// type whose `from`/`to` labels fit the pair, in `first → second` direction or, when only the
    /// other way fits (a source picked before its claim), reversed. Links that exist already are
    /// left out. An error when nothing fits, naming the labels.
    pub fn link_choices(
        &self,
        first: AnnotationId,
        second: AnnotationId,
    ) -> Result<Vec<LinkChoice>, ActionError> {
        let open = self.open_text().ok_or(ActionError::NothingOpen)?;
        open.link_choices(first, second)
    }
}

impl OpenText {
    fn link_choices(
        &self,
        first: AnnotationId,
        second: AnnotationId,
    ) -> Result<Vec<LinkChoice>, ActionError> {
        if first == second {
            return Err(ActionError::SelfLink);
        }
        let set = self.session.set();
        let label = |id| {
            set.annotation(id)
                .map(|a| a.label.clone())
                .ok_or(ActionError::NoSuchAnnotation(id))
        };
        let (first_label, second_label) = (label(first)?, label(second)?);
        let schema = self.session.schema();
        let mut fitting = Vec::new();
        let mut existing = Vec::new();
        for kind in &schema.relations {
            let ends = if kind.allows(&first_label, &second_label) {
                (first, second)
            } else if kind.allows(&second_label, &first_label) {
                (second, first)
            } else {
                continue;
            };
            let choice = LinkChoice {
                kind: kind.id.clone(),
                name_en: kind.name_en.clone(),
                name_ar: kind.name_ar.clone(),
                from: ends.0,
                to: ends.1,
            };
            if self.has_link(&choice.kind, choice.from, choice.to) {
                existing.push(choice);
            } else {
                fitting.push(choice);
            }
        }
        match (fitting.is_empty(), existing.into_iter().next()) {
            (true, Some(done)) => Err(ActionError::AlreadyLinked {
                from: done.from,
                to: done.to,
                kind: done.name_en,
            }),
            (true, None) => Err(ActionError::NoRelationFits {
                first_label: schema
                    .label(&first_label)
                    .map_or(first_label.clone(), |l| l.name_en.clone()),
                second_label: schema
                    .label(&second_label)
                    .map_or(second_label.clone(), |l| l.name_en.clone()),
                schema: schema.name_en.clone(),
            }),
            _ => Ok(fitting),
        }
    }

    /// True when a `kind` link from `from` to `to` exists.
    pub(super) fn has_link(&self, kind: &str, from: AnnotationId, to: AnnotationId) -> bool {
        self.session
            .set()
            .relations_of(from)
            .any(|r| r.kind == kind && r.from == from && r.to == to)
    }
}
