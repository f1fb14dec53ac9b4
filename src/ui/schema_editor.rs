//! The schema editor: labels (add; rename in Arabic and English; recolour; hotkey; description;
//! attributes), relation types (add, names, which labels they link, direction), checked as you
//! type (each problem listed; Save waits until there is none) and saved as the open text's
//! folder's `schema.ron` through the workspace (atomically, the old file kept as `.bak`). Ids of
//! labels that existed when the editor opened cannot be changed: annotations refer to them. A
//! label removed here is removed from the schema only; its annotations stay (flagged).
//! Every field is the text engine's [`TextField`], so Arabic names type and read correctly.

use super::commands::Command;
use super::i18n::{tr, tr_count};
use super::rtl_widgets as rtl;
use super::widgets::{ArabicLabel, TextField};
use crate::model::attribute::{AttributeDef, AttributeKind};
use crate::model::schema::{Colour, RelationType, Schema, SpanLabel};
use crate::workspace::schema_files::{problems_for_saving, SavingProblem};
use crate::workspace::Action;
use std::path::PathBuf;

/// One attribute as edited.
#[derive(Debug, Clone)]
struct AttributeDraft {
    id: String,
    name_ar: String,
    name_en: String,
    kind: usize,
    /// One-of values, comma-separated.
    values: String,
    description: String,
}

/// The kinds an attribute may have, in the editor's order.
pub(crate) const KINDS: [&str; 4] = ["yes/no", "one of", "text", "number"];

/// One label as edited.
#[derive(Debug, Clone)]
struct LabelDraft {
    id: String,
    /// True for labels that existed when the editor opened (their id is fixed).
    fixed: bool,
    name_ar: String,
    name_en: String,
    colour: [u8; 3],
    hotkey: String,
    description: String,
    description_ar: String,
    attributes: Vec<AttributeDraft>,
}

/// One relation type as edited.
#[derive(Debug, Clone)]
struct RelationDraft {
    id: String,
    fixed: bool,
    name_ar: String,
    name_en: String,
    /// Label ids, comma-separated (empty: any).
    from: String,
    to: String,
    directed: bool,
    original: Option<RelationType>,
}

/// What the editor holds while open.
#[derive(Debug)]
pub struct SchemaEditor {
    folder: PathBuf,
    base: Schema,
    name_ar: String,
    name_en: String,
    labels: Vec<LabelDraft>,
    relations: Vec<RelationDraft>,
}

/// What the user did in the editor this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorOutcome {
    /// Still editing.
    Open,
    /// Closed.
    Closed,
    /// Save this (the window stays open).
    Save(Command),
}

impl SchemaEditor {
    /// An editor of `schema`, saving into `folder`'s `schema.ron`.
    pub fn new(schema: &Schema, folder: PathBuf) -> Self {
        Self {
            folder,
            base: schema.clone(),
            name_ar: schema.name_ar.clone(),
            name_en: schema.name_en.clone(),
            labels: schema.labels.iter().map(label_draft).collect(),
            relations: schema.relations.iter().map(relation_draft).collect(),
        }
    }

    /// The folder whose `schema.ron` it saves.
    pub fn folder(&self) -> &std::path::Path {
        &self.folder
    }

    /// The schema as edited so far, and what is wrong with it (empty: it can be saved).
    pub fn schema(&self) -> (Schema, Vec<DraftProblem>) {
        let mut problems = Vec::new();
        let labels = self
            .labels
            .iter()
            .map(|d| label_of(d, &mut problems))
            .collect();
        let relations = self.relations.iter().map(relation_of).collect();
        let schema = Schema {
            name_ar: self.name_ar.trim().to_owned(),
            name_en: self.name_en.trim().to_owned(),
            labels,
            relations,
            ..self.base.clone()
        };
        problems.extend(
            problems_for_saving(&schema)
                .into_iter()
                .map(DraftProblem::Saving),
        );
        (schema, problems)
    }

    /// Shows the editor window.
    pub fn ui(&mut self, ctx: &egui::Context) -> EditorOutcome {
        let mut outcome = EditorOutcome::Open;
        let mut open = true;
        egui::Window::new(rtl::window_title(&tr("Schema editor")))
            .open(&mut open)
            .default_size([760.0, 560.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(440.0)
                    .show(ui, |ui| self.body_ui(ui));
                ui.separator();
                let (schema, problems) = self.schema();
                for problem in &problems {
                    let colour = ui.visuals().error_fg_color;
                    ui.add(ArabicLabel::interface(problem.text()).wrap().color(colour));
                }
                super::i18n::row(ui, |ui| {
                    let enabled = problems.is_empty();
                    if rtl::button_enabled(ui, enabled, &tr("Save schema.ron")).clicked() {
                        outcome = EditorOutcome::Save(Command::Act(Action::SaveFolderSchema {
                            folder: self.folder.clone(),
                            schema: Box::new(schema),
                        }));
                    }
                    ui.add(
                        ArabicLabel::new(self.folder.join("schema.ron").display().to_string())
                            .direction(crate::text::BaseDirection::Ltr)
                            .color(ui.visuals().weak_text_color()),
                    );
                });
            });
        if !open {
            outcome = EditorOutcome::Closed;
        }
        outcome
    }

    fn body_ui(&mut self, ui: &mut egui::Ui) {
        super::i18n::row(ui, |ui| {
            ui.add(ArabicLabel::interface(tr("Schema name")));
            field(ui, &mut self.name_ar, "Schema name in Arabic", 200.0);
            field(ui, &mut self.name_en, "Schema name in English", 200.0);
        });
        ui.add(ArabicLabel::interface(tr("Labels")).size(18.0).strong());
        let mut remove = None;
        for (k, label) in self.labels.iter_mut().enumerate() {
            if label_ui(ui, k, label) {
                remove = Some(k);
            }
        }
        if let Some(k) = remove {
            self.labels.remove(k);
        }
        if rtl::button(ui, &tr("Add label")).clicked() {
            self.labels.push(new_label(self.labels.len()));
        }
        ui.add(
            ArabicLabel::interface(tr("Relation types"))
                .size(18.0)
                .strong(),
        );
        let mut remove = None;
        for (k, relation) in self.relations.iter_mut().enumerate() {
            if relation_ui(ui, k, relation) {
                remove = Some(k);
            }
        }
        if let Some(k) = remove {
            self.relations.remove(k);
        }
        if rtl::button(ui, &tr("Add relation type")).clicked() {
            self.relations.push(RelationDraft {
                id: format!("relation-{}", self.relations.len() + 1),
                fixed: false,
                name_ar: String::new(),
                name_en: String::new(),
                from: String::new(),
                to: String::new(),
                directed: true,
                original: None,
            });
        }
    }
}

/// A field of the editor, named (in English) for screen readers, scripts and tests; its hint
/// is the name in the interface language.
fn field(ui: &mut egui::Ui, text: &mut String, name: &str, width: f32) {
    TextField::singleline(text)
        .id_salt(name)
        .desired_width(width)
        .hint_text(field_hint(name))
        .accessible_name(name)
        .show(ui);
}

/// The words of the fields' names (between their numbers), translated for their hints (the
/// translation test checks them).
#[cfg(test)]
pub(crate) const FIELD_WORDS: [&str; 14] = [
    "Schema name in Arabic",
    "Schema name in English",
    "Label",
    "Relation",
    "attribute",
    "id",
    "Arabic name",
    "English name",
    "key",
    "description",
    "Arabic description",
    "values",
    "from labels",
    "to labels",
];

/// The hint of the field named `name` ("Label 3 Arabic name"): itself in English, in Arabic
/// made of the translated parts ("Label", "Arabic name") and the numbers.
fn field_hint(name: &str) -> String {
    if !super::i18n::is_rtl() {
        return name.to_owned();
    }
    let mut parts = Vec::new();
    let mut words = Vec::new();
    for word in name.split(' ') {
        if word.chars().all(|c| c.is_ascii_digit()) {
            if !words.is_empty() {
                parts.push(tr(&words.join(" ")));
                words.clear();
            }
            parts.push(word.to_owned());
        } else {
            words.push(word);
        }
    }
    if !words.is_empty() {
        parts.push(tr(&words.join(" ")));
    }
    parts.join(" ")
}

/// One label's row (and its details); true when Delete was pressed.
fn label_ui(ui: &mut egui::Ui, k: usize, label: &mut LabelDraft) -> bool {
    let mut delete = false;
    let n = k + 1;
    super::i18n::row(ui, |ui| {
        let colour = egui::widgets::color_picker::color_edit_button_srgb(ui, &mut label.colour);
        let what = format!("Label {n} colour");
        colour.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &what));
        if label.fixed {
            ui.monospace(&label.id);
        } else {
            field(ui, &mut label.id, &format!("Label {n} id"), 90.0);
        }
        field(
            ui,
            &mut label.name_ar,
            &format!("Label {n} Arabic name"),
            150.0,
        );
        field(
            ui,
            &mut label.name_en,
            &format!("Label {n} English name"),
            150.0,
        );
        field(ui, &mut label.hotkey, &format!("Label {n} key"), 30.0);
        let delete_text = tr_count("delete-label", &[("n", n as i64)]);
        delete = rtl::button(ui, &delete_text).clicked();
    });
    ui.indent(("label-details", k), |ui| {
        let title = tr_count("label-details", &[("n", n as i64)]);
        egui::CollapsingHeader::new(rtl::window_title(&title))
            .id_salt(("label-more", k))
            .show(ui, |ui| details_ui(ui, n, label));
    });
    delete
}

/// A label's descriptions and attributes.
fn details_ui(ui: &mut egui::Ui, n: usize, label: &mut LabelDraft) {
    field(
        ui,
        &mut label.description,
        &format!("Label {n} description"),
        420.0,
    );
    field(
        ui,
        &mut label.description_ar,
        &format!("Label {n} Arabic description"),
        420.0,
    );
    let mut remove = None;
    for (a, attr) in label.attributes.iter_mut().enumerate() {
        let what = format!("Label {n} attribute {}", a + 1);
        super::i18n::row(ui, |ui| {
            field(ui, &mut attr.id, &format!("{what} id"), 90.0);
            field(ui, &mut attr.name_ar, &format!("{what} Arabic name"), 120.0);
            field(
                ui,
                &mut attr.name_en,
                &format!("{what} English name"),
                120.0,
            );
            let caption = ui.add(ArabicLabel::interface(tr("kind")));
            egui::ComboBox::from_id_salt((n, a, "kind"))
                .selected_text(rtl::text_atom(ui, &tr(KINDS[attr.kind])))
                .show_ui(ui, |ui| {
                    for (i, kind) in KINDS.iter().enumerate() {
                        rtl::selectable_value(ui, &mut attr.kind, i, &tr(kind));
                    }
                })
                .response
                .labelled_by(caption.id);
            if attr.kind == 1 {
                field(ui, &mut attr.values, &format!("{what} values"), 160.0);
            }
            let delete_text = tr_count("delete-attribute", &[("n", n as i64), ("a", a as i64 + 1)]);
            if rtl::button(ui, &delete_text).clicked() {
                remove = Some(a);
            }
        });
    }
    if let Some(a) = remove {
        label.attributes.remove(a);
    }
    if rtl::button(ui, &tr_count("add-attribute", &[("n", n as i64)])).clicked() {
        label.attributes.push(AttributeDraft {
            id: format!("attribute-{}", label.attributes.len() + 1),
            name_ar: String::new(),
            name_en: String::new(),
            kind: 0,
            values: String::new(),
            description: String::new(),
        });
    }
}

/// One relation type's row; true when Delete was pressed.
fn relation_ui(ui: &mut egui::Ui, k: usize, relation: &mut RelationDraft) -> bool {
    let n = k + 1;
    let mut delete = false;
    super::i18n::row(ui, |ui| {
        if relation.fixed {
            ui.monospace(&relation.id);
        } else {
            field(ui, &mut relation.id, &format!("Relation {n} id"), 100.0);
        }
        field(
            ui,
            &mut relation.name_ar,
            &format!("Relation {n} Arabic name"),
            120.0,
        );
        field(
            ui,
            &mut relation.name_en,
            &format!("Relation {n} English name"),
            120.0,
        );
        field(
            ui,
            &mut relation.from,
            &format!("Relation {n} from labels"),
            100.0,
        );
        field(
            ui,
            &mut relation.to,
            &format!("Relation {n} to labels"),
            100.0,
        );
        rtl::checkbox(ui, &mut relation.directed, &tr("directed"));
        let delete_text = tr_count("delete-relation", &[("n", n as i64)]);
        delete = rtl::button(ui, &delete_text).clicked();
    });
    delete
}

fn label_draft(label: &SpanLabel) -> LabelDraft {
    LabelDraft {
        id: label.id.clone(),
        fixed: true,
        name_ar: label.name_ar.clone(),
        name_en: label.name_en.clone(),
        colour: [label.colour.r, label.colour.g, label.colour.b],
        hotkey: label.hotkey.map(String::from).unwrap_or_default(),
        description: label.description.clone(),
        description_ar: label.description_ar.clone(),
        attributes: label.attributes.iter().map(attribute_draft).collect(),
    }
}

fn attribute_draft(def: &AttributeDef) -> AttributeDraft {
    let (kind, values) = match &def.kind {
        AttributeKind::Bool => (0, String::new()),
        AttributeKind::OneOf(values) => (1, values.join(", ")),
        AttributeKind::Text => (2, String::new()),
        AttributeKind::Number => (3, String::new()),
    };
    AttributeDraft {
        id: def.id.clone(),
        name_ar: def.name_ar.clone(),
        name_en: def.name_en.clone(),
        kind,
        values,
        description: def.description.clone(),
    }
}

fn relation_draft(relation: &RelationType) -> RelationDraft {
    RelationDraft {
        id: relation.id.clone(),
        fixed: true,
        name_ar: relation.name_ar.clone(),
        name_en: relation.name_en.clone(),
        from: relation.from.join(", "),
        to: relation.to.join(", "),
        directed: relation.directed,
        original: Some(relation.clone()),
    }
}

/// A new label with an unused-looking id and a colour from a fixed palette.
fn new_label(n: usize) -> LabelDraft {
    const PALETTE: [[u8; 3]; 6] = [
        [31, 119, 180],
        [214, 39, 40],
        [44, 160, 44],
        [148, 103, 189],
        [255, 127, 14],
        [23, 190, 207],
    ];
    LabelDraft {
        id: format!("label-{}", n + 1),
        fixed: false,
        name_ar: String::new(),
        name_en: String::new(),
        colour: PALETTE[n % PALETTE.len()],
        hotkey: String::new(),
        description: String::new(),
        description_ar: String::new(),
        attributes: Vec::new(),
    }
}

/// What stops a draft from being saved, listed under the editor as it is typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftProblem {
    /// A label's key field holds more than one character.
    #[error("the key of label {0:?} must be one character")]
    LongKey(String),
    /// The schema the draft describes cannot be saved.
    #[error(transparent)]
    Saving(SavingProblem),
}

impl DraftProblem {
    /// The problem in the interface language.
    pub fn text(&self) -> String {
        if !super::i18n::is_rtl() {
            return self.to_string();
        }
        use super::error_detail::{saving_problem_key, worded};
        use super::error_text::isolated;
        worded(match self {
            Self::LongKey(id) => ("schema-problem-long-key", vec![("id", isolated(id))]),
            Self::Saving(problem) => saving_problem_key(problem),
        })
    }
}

/// The label a draft describes; a hotkey of more than one char is a problem.
fn label_of(d: &LabelDraft, problems: &mut Vec<DraftProblem>) -> SpanLabel {
    let key = d.hotkey.trim();
    let mut chars = key.chars();
    let hotkey = match (chars.next(), chars.next()) {
        (None, _) => None,
        (Some(c), None) => Some(c),
        _ => {
            problems.push(DraftProblem::LongKey(d.id.clone()));
            None
        }
    };
    SpanLabel {
        id: d.id.trim().to_owned(),
        name_ar: d.name_ar.trim().to_owned(),
        name_en: d.name_en.trim().to_owned(),
        colour: Colour {
            r: d.colour[0],
            g: d.colour[1],
            b: d.colour[2],
        },
        hotkey,
        description: d.description.trim().to_owned(),
        description_ar: d.description_ar.trim().to_owned(),
        attributes: d.attributes.iter().map(attribute_of).collect(),
    }
}

fn attribute_of(d: &AttributeDraft) -> AttributeDef {
    let kind = match d.kind {
        0 => AttributeKind::Bool,
        1 => AttributeKind::OneOf(list(&d.values)),
        2 => AttributeKind::Text,
        _ => AttributeKind::Number,
    };
    AttributeDef {
        id: d.id.trim().to_owned(),
        name_ar: d.name_ar.trim().to_owned(),
        name_en: d.name_en.trim().to_owned(),
        kind,
        description: d.description.trim().to_owned(),
    }
}

fn relation_of(d: &RelationDraft) -> RelationType {
    let base = d.original.clone().unwrap_or(RelationType {
        id: String::new(),
        name_ar: String::new(),
        name_en: String::new(),
        from: Vec::new(),
        to: Vec::new(),
        directed: true,
        description: String::new(),
        attributes: Vec::new(),
    });
    RelationType {
        id: d.id.trim().to_owned(),
        name_ar: d.name_ar.trim().to_owned(),
        name_en: d.name_en.trim().to_owned(),
        from: list(&d.from),
        to: list(&d.to),
        directed: d.directed,
        ..base
    }
}

/// Comma-separated items (Arabic comma too), trimmed, empty ones left out.
fn list(text: &str) -> Vec<String> {
    text.split([',', '،'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_draft_is_the_schema_and_problems_show_as_typed() {
        for preset in crate::model::schema::PRESETS {
            let schema = preset.schema();
            let editor = SchemaEditor::new(&schema, PathBuf::from("/f"));
            assert_eq!(editor.schema(), (schema, Vec::new()), "{}", preset.id);
        }
        let mut editor = SchemaEditor::new(&Schema::fact_checking(), PathBuf::from("/f"));
        editor.labels.push(new_label(5));
        let (_, problems) = editor.schema();
        assert!(
            problems
                .iter()
                .any(|p| p.to_string().contains("needs an Arabic")),
            "{problems:?}"
        );
        let new = editor.labels.last_mut().unwrap();
        new.name_ar = "رأي".into();
        new.name_en = "Opinion".into();
        new.hotkey = "12".into();
        let (_, problems) = editor.schema();
        assert_eq!(problems, [DraftProblem::LongKey("label-6".into())]);
        assert_eq!(
            problems[0].to_string(),
            "the key of label \"label-6\" must be one character"
        );
        editor.labels.last_mut().unwrap().hotkey = "1".into();
        assert!(editor.schema().1[0].to_string().contains("hotkey '1'"));
        editor.labels.last_mut().unwrap().hotkey = "٦".into();
        let (schema, problems) = editor.schema();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(schema.label("label-6").unwrap().hotkey, Some('٦'));
        editor.relations[0].to = "source، opinion".into();
        assert!(editor.schema().1[0].to_string().contains("\"opinion\""));
    }

    /// In Arabic each problem of the draft reads in Arabic: no English word is left, only the
    /// ids and keys the user typed.
    #[test]
    fn the_drafts_problems_read_in_arabic() {
        use crate::model::schema::SchemaProblem;
        use crate::ui::i18n::{missing, set_language};
        use crate::workspace::preferences::Language;
        let id = |s: &str| s.to_owned();
        let problems = [
            DraftProblem::LongKey(id("PER")),
            DraftProblem::Saving(SavingProblem::SpacedLabelId(id("PER"))),
            DraftProblem::Saving(SavingProblem::UnnamedLabel(id("PER"))),
            DraftProblem::Saving(SavingProblem::SpacedRelationId(id("PER"))),
            DraftProblem::Saving(SavingProblem::Schema(SchemaProblem::DuplicateLabel(id(
                "PER",
            )))),
            DraftProblem::Saving(SavingProblem::Schema(SchemaProblem::DuplicateHotkey {
                key: '1',
                label: id("PER"),
            })),
            DraftProblem::Saving(SavingProblem::Schema(SchemaProblem::EmptyId {
                place: id("label \"PER\""),
            })),
            DraftProblem::Saving(SavingProblem::Schema(SchemaProblem::BadChoices {
                owner: id("document"),
                attribute: id("PER"),
            })),
        ];
        set_language(Language::Arabic);
        let texts: Vec<String> = problems.iter().map(DraftProblem::text).collect();
        set_language(Language::English);
        for text in &texts {
            let rest = text.replace("PER", "");
            assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
            assert!(text.contains("PER"), "{text}");
        }
        assert!(texts[0].contains("حرفًا واحدًا"), "{}", texts[0]);
        assert_eq!(problems[0].text(), problems[0].to_string());
        assert!(missing().is_empty(), "{:?}", missing());
    }
}
