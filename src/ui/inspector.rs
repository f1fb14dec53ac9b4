//! The inspector: a side panel showing the selected annotation — its text (shaped, right to
//! left), label (click another to relabel), the schema's attributes (value lists as drop-downs,
//! flags as check boxes, free text and numbers as the Arabic text field), a multi-line note,
//! relations in and out (click to jump, × to remove), author, times and the re-anchoring status
//! with "Accept" — or the document's attributes when nothing is selected. It emits commands and
//! keeps typed text as drafts until the field loses focus (or a save flushes them), so a note
//! is one undo step, not one per letter. Offsets are chars into the open text.

use super::commands::Command;
use super::highlights::label_colour;
use super::i18n::{is_rtl, tr, tr_args, tr_count, wrapped_row};
use super::rtl_widgets as rtl;
use super::widgets::{ArabicLabel, TextField};
use crate::model::annotation::{Annotation, AnnotationId, AnnotationStatus, Timestamp};
use crate::model::attribute::{AttributeDef, AttributeKind, AttributeMap, AttributeValue};
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::workspace::Action;
use egui::RichText;
use std::collections::HashMap;

/// Longest text of an annotation at the other end of a relation, in chars.
const OTHER_END_CHARS: usize = 30;

/// Which typed value a draft belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DraftKey {
    /// The note of an annotation.
    Note(AnnotationId),
    /// A text or number attribute of an annotation.
    Attribute(AnnotationId, String),
    /// A text or number document attribute.
    Document(String),
}

/// Text typed into the inspector's fields and not yet made an action.
#[derive(Debug, Clone, Default)]
pub struct Drafts {
    texts: HashMap<DraftKey, String>,
}

impl Drafts {
    /// True when nothing typed is waiting.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The actions that make every waiting draft real (only those that differ from `set`), and
    /// forgets the drafts.
    pub fn take_actions(&mut self, set: &AnnotationSet, schema: &Schema) -> Vec<Action> {
        let mut actions: Vec<Action> = self
            .texts
            .drain()
            .filter_map(|(key, text)| draft_action(set, schema, key, text))
            .collect();
        actions.sort_by_key(|a| format!("{a:?}"));
        actions
    }

    fn take_one(&mut self, set: &AnnotationSet, schema: &Schema, key: &DraftKey) -> Option<Action> {
        let text = self.texts.remove(key)?;
        draft_action(set, schema, key.clone(), text)
    }
}

/// The action for a draft, or `None` when it equals what is set.
fn draft_action(
    set: &AnnotationSet,
    schema: &Schema,
    key: DraftKey,
    text: String,
) -> Option<Action> {
    match key {
        DraftKey::Note(id) => {
            let note = &set.annotation(id)?.note;
            (*note != text).then_some(Action::SetNote { id, note: text })
        }
        DraftKey::Attribute(id, attribute) => {
            let a = set.annotation(id)?;
            let def = schema
                .label(&a.label)?
                .attributes
                .iter()
                .find(|d| d.id == attribute)?;
            let value = typed_value(&def.kind, &text)?;
            (a.attributes.get(&attribute) != value.as_ref()).then_some(Action::SetAttribute {
                id,
                attribute,
                value,
            })
        }
        DraftKey::Document(attribute) => {
            let def = schema
                .document_attributes
                .iter()
                .find(|d| d.id == attribute)?;
            let value = typed_value(&def.kind, &text)?;
            (set.document_attributes.get(&attribute) != value.as_ref())
                .then_some(Action::SetDocumentAttribute { attribute, value })
        }
    }
}

/// The value typed for a text or number attribute: `Some(None)` clears it (empty field);
/// `None` when a number does not parse (nothing is changed).
fn typed_value(kind: &AttributeKind, text: &str) -> Option<Option<AttributeValue>> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Some(None);
    }
    match kind {
        AttributeKind::Number => trimmed
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(|n| Some(AttributeValue::Number(n))),
        _ => Some(Some(AttributeValue::Text(text.to_owned()))),
    }
}

/// What the inspector shows: the open annotations, their schema and text.
pub struct InspectorInput<'a> {
    /// The open annotations.
    pub set: &'a AnnotationSet,
    /// Their schema.
    pub schema: &'a Schema,
    /// The open text.
    pub text: &'a str,
    /// The selected annotation, if any.
    pub selected: Option<AnnotationId>,
    /// The annotation being linked (waiting for the other end), if any.
    pub linking: Option<AnnotationId>,
}

/// Shows the inspector; returns the commands its widgets emit.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    drafts: &mut Drafts,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            match input.selected.and_then(|id| input.set.annotation(id)) {
                Some(a) => annotation_ui(ui, input, a, drafts, &mut commands),
                None => document_ui(ui, input, drafts, &mut commands),
            }
        });
    commands
}

fn annotation_ui(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    a: &Annotation,
    drafts: &mut Drafts,
    commands: &mut Vec<Command>,
) {
    rtl::heading(
        ui,
        &tr_args("annotation-heading", &[("id", a.id.to_string().into())]),
    );
    ui.add(ArabicLabel::new(a.covered_text(input.text)).wrap().strong());
    ui.separator();
    ui.add(ArabicLabel::interface(tr("Label (click to change):")));
    label_chips_ui(ui, input.schema, &a.label, a.id, commands);
    status_ui(ui, a, commands);
    let defs = input
        .schema
        .label(&a.label)
        .map(|l| l.attributes.as_slice())
        .unwrap_or_default();
    if !defs.is_empty() {
        ui.separator();
        let context = AttributeContext {
            values: &a.attributes,
            owner: Some(a.id),
        };
        attributes_ui(ui, defs, &context, input, drafts, commands);
    }
    ui.separator();
    ui.add(ArabicLabel::interface(tr("Note:")));
    let key = DraftKey::Note(a.id);
    let mut note = drafts
        .texts
        .get(&key)
        .cloned()
        .unwrap_or_else(|| a.note.clone());
    let output = TextField::multiline(&mut note)
        .id_salt(("inspector-note", a.id.0))
        .desired_rows(3)
        .hint_text(tr("A note (Arabic or Latin)"))
        .accessible_name("Annotation note")
        .show(ui);
    keep_draft(drafts, key, note, &output.response, input, commands);
    ui.separator();
    relations_ui(ui, input, a, commands);
    ui.separator();
    details_ui(ui, a);
    super::i18n::row(ui, |ui| {
        if rtl::button(ui, &tr("Delete annotation")).clicked() {
            commands.push(Command::DeleteSelectedAnnotation);
        }
    });
}

/// Keeps `text` as the draft of `key` while its field is used; when the field loses focus the
/// draft becomes an action.
fn keep_draft(
    drafts: &mut Drafts,
    key: DraftKey,
    text: String,
    response: &egui::Response,
    input: &InspectorInput<'_>,
    commands: &mut Vec<Command>,
) {
    if response.lost_focus() {
        drafts.texts.insert(key.clone(), text);
        if let Some(action) = drafts.take_one(input.set, input.schema, &key) {
            commands.push(Command::Act(action));
        }
    } else if response.has_focus() || response.changed() {
        drafts.texts.insert(key, text);
    } else {
        // Not being edited: show what is set (after an undo, say).
        drafts.texts.remove(&key);
    }
}

/// One clickable chip per label of the schema; the current one is framed.
fn label_chips_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    current: &str,
    id: AnnotationId,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        for label in &schema.labels {
            let colour = label_colour(schema, &label.id);
            let is_current = label.id == current;
            // A button, not a frame: a frame is placed after its contents and never wraps to
            // the next row, so a schema of nine or twenty labels ran off the panel.
            let chip = egui::Button::new(rtl::text_atom(ui, &label.name_ar))
                .corner_radius(3.0)
                .fill(colour.gamma_multiply(if is_current { 0.55 } else { 0.18 }))
                .stroke(egui::Stroke::new(
                    if is_current { 2.0 } else { 0.0 },
                    colour,
                ));
            let response = ui.add(chip).on_hover_text(&label.name_en);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, &label.name_ar)
            });
            if response.clicked() && !is_current {
                commands.push(Command::Act(Action::Relabel {
                    id,
                    label: label.id.clone(),
                }));
            }
        }
    });
}

/// The re-anchoring status, with "Accept" for an annotation flagged for review.
fn status_ui(ui: &mut egui::Ui, a: &Annotation, commands: &mut Vec<Command>) {
    let warn = ui.visuals().warn_fg_color;
    match a.status {
        AnnotationStatus::Ok => {}
        AnnotationStatus::NeedsReview => {
            wrapped_row(ui, |ui| {
                let moved = tr("Moved when the text changed: check where it sits.");
                ui.add(ArabicLabel::interface(moved).wrap().color(warn));
                if rtl::button(ui, &tr("Accept")).clicked() {
                    commands.push(Command::Act(Action::AcceptPlacement { id: a.id }));
                }
            });
        }
        AnnotationStatus::Orphan => {
            let lost =
                tr("Its text was not found after the text changed; it is kept but not shown.");
            ui.add(ArabicLabel::interface(lost).wrap().color(warn));
        }
    }
}

/// Whose attributes are edited: an annotation's or the document's.
struct AttributeContext<'a> {
    values: &'a AttributeMap,
    owner: Option<AnnotationId>,
}

impl AttributeContext<'_> {
    fn action(&self, attribute: &str, value: Option<AttributeValue>) -> Action {
        match self.owner {
            Some(id) => Action::SetAttribute {
                id,
                attribute: attribute.to_owned(),
                value,
            },
            None => Action::SetDocumentAttribute {
                attribute: attribute.to_owned(),
                value,
            },
        }
    }

    fn draft_key(&self, attribute: &str) -> DraftKey {
        match self.owner {
            Some(id) => DraftKey::Attribute(id, attribute.to_owned()),
            None => DraftKey::Document(attribute.to_owned()),
        }
    }
}

/// One row per attribute definition, its widget by kind.
fn attributes_ui(
    ui: &mut egui::Ui,
    defs: &[AttributeDef],
    context: &AttributeContext<'_>,
    input: &InspectorInput<'_>,
    drafts: &mut Drafts,
    commands: &mut Vec<Command>,
) {
    for def in defs {
        let current = context.values.get(&def.id);
        super::i18n::row(ui, |ui| {
            ui.add(ArabicLabel::new(&def.name_ar));
            if !is_rtl() {
                ui.label(RichText::new(&def.name_en).weak());
            }
        })
        .response
        .on_hover_text(&def.description);
        match &def.kind {
            AttributeKind::OneOf(values) => {
                let shown = current.map_or_else(|| "—".to_owned(), |v| v.to_string());
                let salt = ("attribute", &def.id, context.owner.map(|i| i.0));
                let caption = if is_rtl() { "" } else { def.name_en.as_str() };
                egui::ComboBox::new(salt, caption)
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_none(), "—").clicked()
                            && current.is_some()
                        {
                            commands.push(Command::Act(context.action(&def.id, None)));
                        }
                        for value in values {
                            let chosen =
                                matches!(current, Some(AttributeValue::Choice(c)) if c == value);
                            if ui.selectable_label(chosen, value).clicked() && !chosen {
                                let v = AttributeValue::Choice(value.clone());
                                commands.push(Command::Act(context.action(&def.id, Some(v))));
                            }
                        }
                    });
            }
            AttributeKind::Bool => {
                let mut on = matches!(current, Some(AttributeValue::Bool(true)));
                let name = if is_rtl() { &def.name_ar } else { &def.name_en };
                if rtl::checkbox(ui, &mut on, name).changed() {
                    let v = AttributeValue::Bool(on);
                    commands.push(Command::Act(context.action(&def.id, Some(v))));
                }
            }
            AttributeKind::Text | AttributeKind::Number => {
                let key = context.draft_key(&def.id);
                let mut text = drafts
                    .texts
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| current.map(|v| v.to_string()).unwrap_or_default());
                let output = TextField::singleline(&mut text)
                    .id_salt(("attribute-field", &def.id, context.owner.map(|i| i.0)))
                    .accessible_name(def.name_en.clone())
                    .show(ui);
                keep_draft(drafts, key, text, &output.response, input, commands);
            }
        }
    }
}

/// Relations out of and into the annotation: click the other end to select it, × to remove.
fn relations_ui(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    a: &Annotation,
    commands: &mut Vec<Command>,
) {
    super::i18n::row(ui, |ui| {
        ui.add(ArabicLabel::interface(tr("Relations")).strong());
        let linking = input.linking == Some(a.id);
        let button = if linking {
            tr("Click the other end… (Esc)")
        } else {
            tr("Link to…  (L)")
        };
        if rtl::button(ui, &button).clicked() && !linking {
            commands.push(Command::StartLinking);
        }
    });
    let mut any = false;
    for outgoing in [true, false] {
        let relations: Vec<_> = input
            .set
            .relations_of(a.id)
            .filter(|r| (r.from == a.id) == outgoing)
            .collect();
        if relations.is_empty() {
            continue;
        }
        any = true;
        // No arrows in the rows: the text fonts lack them, and their direction would flip in RTL.
        let side = if outgoing {
            tr("Out (from this one):")
        } else {
            tr("In (to this one):")
        };
        rtl::weak(ui, &side);
        for r in relations {
            let other = if outgoing { r.to } else { r.from };
            let kind = input.schema.relation_type(&r.kind);
            let name = kind.map_or(r.kind.as_str(), |k| k.name_ar.as_str());
            let other_text = input
                .set
                .annotation(other)
                .map(|o| shorten(&o.covered_text(input.text)))
                .unwrap_or_default();
            super::i18n::row(ui, |ui| {
                if rtl::hover_text(ui.small_button("×"), &tr("Remove this link")).clicked() {
                    commands.push(Command::Act(Action::Unlink { id: r.id }));
                }
                let line = format!("{name}: {other_text} ({other})");
                let response = ui
                    .add(ArabicLabel::new(line).sense(egui::Sense::click()).elide())
                    .on_hover_text(kind.map_or(r.kind.as_str(), |k| k.name_en.as_str()));
                if response.clicked() {
                    commands.push(Command::SelectAnnotation(other));
                }
            });
        }
    }
    if !any {
        rtl::weak(ui, &tr("No links yet."));
    }
}

/// Author, created and modified.
fn details_ui(ui: &mut egui::Ui, a: &Annotation) {
    let author = if a.author.is_empty() {
        "—"
    } else {
        a.author.as_str()
    };
    super::i18n::row(ui, |ui| {
        ui.add(ArabicLabel::interface(tr("Author:")));
        ui.add(ArabicLabel::new(author));
    });
    let created = utc_time(a.created);
    let modified = utc_time(a.modified);
    ui.add(ArabicLabel::interface(tr_args(
        "created-at",
        &[("time", created.into())],
    )));
    ui.add(ArabicLabel::interface(tr_args(
        "modified-at",
        &[("time", modified.into())],
    )));
    if !a.modified_by.is_empty() {
        super::i18n::row(ui, |ui| {
            ui.add(ArabicLabel::interface(tr("Last edited by:")));
            ui.add(ArabicLabel::new(&a.modified_by));
        });
    }
}

/// The document's attributes, when no annotation is selected.
fn document_ui(
    ui: &mut egui::Ui,
    input: &InspectorInput<'_>,
    drafts: &mut Drafts,
    commands: &mut Vec<Command>,
) {
    rtl::heading(ui, &tr("Document"));
    let hint = tr("Click an annotation to see and edit its label, attributes, note and links.");
    ui.add(
        ArabicLabel::interface(hint)
            .wrap()
            .color(ui.visuals().weak_text_color()),
    );
    ui.separator();
    let context = AttributeContext {
        values: &input.set.document_attributes,
        owner: None,
    };
    attributes_ui(
        ui,
        &input.schema.document_attributes,
        &context,
        input,
        drafts,
        commands,
    );
    ui.separator();
    let counts = tr_count(
        "document-counts",
        &[
            ("annotations", input.set.len() as i64),
            ("relations", input.set.relations().count() as i64),
        ],
    );
    ui.add(ArabicLabel::interface(counts));
}

fn shorten(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= OTHER_END_CHARS {
        return flat;
    }
    let mut out: String = flat.chars().take(OTHER_END_CHARS).collect();
    out.push('…');
    out
}

/// A timestamp as `YYYY-MM-DD HH:MM UTC` ("—" for an unknown time).
pub fn utc_time(t: Timestamp) -> String {
    if t.0 == 0 {
        return "—".to_owned();
    }
    let u = t.utc();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        u.year, u.month, u.day, u.hour, u.minute
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::Annotation;
    use crate::offset::CharRange;

    #[test]
    fn utc_time_reads_as_a_calendar_date() {
        assert_eq!(utc_time(Timestamp(0)), "—");
        assert_eq!(utc_time(Timestamp(951_782_400)), "2000-02-29 00:00 UTC");
        assert_eq!(utc_time(Timestamp(1_700_000_000)), "2023-11-14 22:13 UTC");
    }

    #[test]
    fn drafts_become_actions_only_when_they_change_something() {
        let schema = Schema::fact_checking();
        let text = "قال الوزير";
        let mut set = AnnotationSet::new();
        let id = AnnotationId(1);
        set.insert_annotation(Annotation::new(
            id,
            "claim",
            vec![CharRange::from_indices(4, 10)],
            text,
            Timestamp(0),
        ));
        let mut drafts = Drafts::default();
        drafts.texts.insert(DraftKey::Note(id), String::new());
        drafts
            .texts
            .insert(DraftKey::Document("topic".into()), "سياسة".into());
        let actions = drafts.take_actions(&set, &schema);
        assert_eq!(
            actions,
            vec![Action::SetDocumentAttribute {
                attribute: "topic".into(),
                value: Some(AttributeValue::Text("سياسة".into())),
            }]
        );
        assert!(drafts.is_empty());
        drafts.texts.insert(DraftKey::Note(id), "ملاحظة".into());
        assert_eq!(
            drafts.take_actions(&set, &schema),
            vec![Action::SetNote {
                id,
                note: "ملاحظة".into()
            }]
        );
    }
}
