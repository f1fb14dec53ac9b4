//! GUI tests of the fact-checker's workbench without a window (egui_kittest): linking a claim to
//! its source with L and a click, relabelling with a label key, a verdict and an Arabic note
//! saved and read back, deleting a linked source and undoing it, and clicks cycling through
//! overlapping spans. Each test works on its own copy of a short article and its own preferences
//! file.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, Pos2, Vec2};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use hamish::model::annotation::AnnotationId;
use hamish::model::attribute::AttributeValue;
use hamish::offset::CharRange;
use hamish::store::sidecar::{load_sidecar, sidecar_path};
use hamish::text::Point;
use hamish::ui::{Command, HamishApp};
use hamish::workspace::Action;
use std::path::PathBuf;

const ARTICLE: &str = "وقال الوزير إن الهدنة صامدة في كل المناطق.\nوأكد المتحدث الرسمي ذلك.\n";

struct Fixture {
    _dir: tempfile::TempDir,
    text: PathBuf,
    prefs: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("article.txt");
    std::fs::write(&text, ARTICLE).unwrap();
    let prefs = dir.path().join("config/preferences.ron");
    std::fs::create_dir_all(prefs.parent().unwrap()).unwrap();
    std::fs::write(&prefs, "(annotator: \"Layla\")\n").unwrap();
    Fixture {
        _dir: dir,
        text,
        prefs,
    }
}

fn open(f: &Fixture) -> Harness<'static, HamishApp> {
    let app = HamishApp::with_preferences(Some(&f.text), Some(f.prefs.clone()));
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1200.0, 700.0))
        .with_context_setup(HamishApp::configure)
        .build_ui_state(|ui, app: &mut HamishApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn range_of(needle: &str) -> CharRange {
    let byte = ARTICLE.find(needle).unwrap();
    let start = ARTICLE[..byte].chars().count();
    CharRange::from_indices(start, start + needle.chars().count())
}

fn act(harness: &mut Harness<'static, HamishApp>, action: Action) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_command(&ctx, Command::Act(action));
    harness.run();
}

/// Annotates `needle` with `label` and returns the new annotation's id.
fn annotate(harness: &mut Harness<'static, HamishApp>, label: &str, needle: &str) -> AnnotationId {
    act(
        harness,
        Action::Annotate {
            label: label.into(),
            range: range_of(needle),
        },
    );
    harness.state().selected_annotation().unwrap()
}

/// The screen point at the middle of `needle` in the text, as painted in the last frame.
fn point_on(harness: &Harness<'static, HamishApp>, needle: &str) -> Pos2 {
    let view = harness.state().view();
    let rect = view.layout().unwrap().range_rects(range_of(needle))[0];
    view.to_screen(Point::new(rect.center().x, rect.center().y))
}

fn click_text(harness: &mut Harness<'static, HamishApp>, needle: &str) {
    let at = point_on(harness, needle);
    harness.hover_at(at);
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
}

/// The annotations and relations in the saved sidecar.
fn saved(f: &Fixture) -> hamish::store::sidecar::SidecarData {
    load_sidecar(&sidecar_path(&f.text)).unwrap()
}

fn save(harness: &mut Harness<'static, HamishApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().title().starts_with('•'), "saved");
}

#[test]
fn a_claim_linked_to_its_source_with_l_and_a_click_is_saved_as_one_relation() {
    let f = fixture();
    let mut harness = open(&f);
    let source = annotate(&mut harness, "source", "الوزير");
    let claim = annotate(&mut harness, "claim", "الهدنة صامدة");
    // Select the claim by clicking it, press L, click the source.
    click_text(&mut harness, "الهدنة صامدة");
    assert_eq!(harness.state().selected_annotation(), Some(claim));
    harness.key_press(Key::L);
    harness.run();
    harness.get_by_label_contains("click the other annotation");
    click_text(&mut harness, "الوزير");
    let relations: Vec<_> = harness
        .state()
        .document()
        .unwrap()
        .session
        .set()
        .relations()
        .cloned()
        .collect();
    assert_eq!(relations.len(), 1, "{relations:?}");
    // The confirmation is drawn with the text's fonts: every char of it must have a glyph there.
    let linked = harness.state().status_message().unwrap_or_default();
    assert!(linked.starts_with("Linked"), "{linked}");
    let fonts = hamish::text::FontSet::embedded();
    let faces = hamish::text::faces::Faces::new(&fonts);
    for c in linked.chars() {
        assert!(
            fonts.fallback_order(false).any(|id| faces.has_glyph(id, c)),
            "{c:?} in «{linked}» has no glyph in the embedded fonts"
        );
    }
    assert_eq!(
        (
            relations[0].kind.as_str(),
            relations[0].from,
            relations[0].to
        ),
        ("attributed-to", claim, source)
    );
    // The arc is drawn, above the line, named.
    let arcs = harness.state().view().arcs();
    assert_eq!(arcs.len(), 1);
    let line_top = harness
        .state()
        .view()
        .layout()
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .top;
    assert!(arcs[0].path.iter().all(|p| p.y <= line_top));
    let painted: Vec<String> = {
        let resources = hamish::ui::widgets::text_resources(&harness.ctx);
        let resources = resources.lock().unwrap();
        resources
            .painted()
            .iter()
            .map(|p| p.text().to_owned())
            .collect()
    };
    assert!(painted.iter().any(|t| t == "منسوب إلى"), "{painted:?}");
    // A pair the schema does not allow gives a message and no relation.
    let cue = annotate(&mut harness, "cue", "وقال");
    act(
        &mut harness,
        Action::Relabel {
            id: cue,
            label: "quote".into(),
        },
    );
    click_text(&mut harness, "وقال");
    harness.key_press(Key::L);
    harness.run();
    click_text(&mut harness, "الوزير");
    let message = harness
        .state()
        .status_message()
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.contains("no link between a Quote and a Source"),
        "{message}"
    );
    save(&mut harness);
    let data = saved(&f);
    assert_eq!(data.set.relations().count(), 1);
    let author = &data.set.annotation(claim).unwrap().author;
    assert_eq!(author, "Layla", "the annotator name of the preferences");
}

#[test]
fn a_label_key_on_a_selected_annotation_relabels_it_in_one_undo_step() {
    let f = fixture();
    let mut harness = open(&f);
    let id = annotate(&mut harness, "claim", "الهدنة صامدة");
    click_text(&mut harness, "الهدنة صامدة");
    assert_eq!(harness.state().selected_annotation(), Some(id));
    harness.key_press(Key::Num4);
    harness.run();
    let set = || harness.state().document().unwrap().session.set().clone();
    assert_eq!(set().len(), 1, "no second annotation");
    assert_eq!(set().annotation(id).unwrap().label, "quote");
    // The label bar does the same.
    // The label bar comes first (the inspector's label chips have the same names).
    harness.get_all_by_label("دليل").next().unwrap().click();
    harness.run();
    let set = harness.state().document().unwrap().session.set().clone();
    assert_eq!(
        (set.len(), set.annotation(id).unwrap().label.as_str()),
        (1, "evidence")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let set = harness.state().document().unwrap().session.set().clone();
    assert_eq!(set.annotation(id).unwrap().label, "quote");
}

#[test]
fn a_verdict_and_an_arabic_note_are_saved_and_read_back_identically() {
    let f = fixture();
    let mut harness = open(&f);
    let id = annotate(&mut harness, "claim", "الهدنة صامدة");
    harness
        .get_by_role_and_label(Role::ComboBox, "Verdict")
        .click();
    harness.run();
    harness.get_by_label("false").click();
    harness.run();
    let note = "ادعاء كاذب: الهدنة انهارت في 3 مناطق (Reuters).";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Annotation note")
        .click();
    harness.run();
    harness.event(Event::Text(note.to_owned()));
    harness.run();
    save(&mut harness);
    let data = saved(&f);
    let claim = data.set.annotation(id).unwrap();
    assert_eq!(claim.note, note);
    assert_eq!(
        claim.attributes.get("verdict"),
        Some(&AttributeValue::Choice("false".into()))
    );
    // Reopened: the inspector shows the same note and verdict.
    drop(harness);
    let mut harness = open(&f);
    click_text(&mut harness, "الهدنة صامدة");
    let verdict = harness.get_by_role_and_label(Role::ComboBox, "Verdict");
    assert_eq!(verdict.value().as_deref(), Some("false"));
    let shown = harness
        .get_by_role_and_label(Role::MultilineTextInput, "Annotation note")
        .value()
        .unwrap_or_default();
    assert_eq!(shown, note);
}

#[test]
fn deleting_a_linked_source_removes_its_link_and_undo_brings_both_back() {
    let f = fixture();
    let mut harness = open(&f);
    let source = annotate(&mut harness, "source", "الوزير");
    let claim = annotate(&mut harness, "claim", "الهدنة صامدة");
    act(
        &mut harness,
        Action::Link {
            from: claim,
            to: source,
            kind: "attributed-to".into(),
        },
    );
    click_text(&mut harness, "الوزير");
    assert_eq!(harness.state().selected_annotation(), Some(source));
    harness.key_press(Key::Delete);
    harness.run();
    let message = harness
        .state()
        .status_message()
        .unwrap_or_default()
        .to_owned();
    assert!(message.contains("1 link"), "{message}");
    let set = harness.state().document().unwrap().session.set().clone();
    assert!(set.annotation(source).is_none());
    assert_eq!(set.relations().count(), 0);
    assert!(harness.state().view().arcs().is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let set = harness.state().document().unwrap().session.set().clone();
    assert!(set.annotation(source).is_some());
    assert_eq!(set.relations().count(), 1);
    assert_eq!(harness.state().view().arcs().len(), 1, "the arc is back");
}

#[test]
fn clicking_again_where_two_spans_overlap_selects_each_in_turn() {
    let f = fixture();
    let mut harness = open(&f);
    let claim = annotate(&mut harness, "claim", "الهدنة صامدة في كل المناطق");
    let quote = annotate(&mut harness, "quote", "الهدنة صامدة");
    let evidence = annotate(&mut harness, "evidence", "الهدنة صامدة");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected_annotation(), None);
    let mut seen = Vec::new();
    for _ in 0..4 {
        click_text(&mut harness, "صامدة");
        seen.push(harness.state().selected_annotation().unwrap());
    }
    // The shortest first (the two identical spans by id), then the claim around them, then again.
    assert_eq!(seen, vec![quote, evidence, claim, quote]);
    // Every one stays visible: its own lane, and the identical pair says how many they are.
    let highlights = harness.state().view().highlights();
    let lanes: Vec<usize> = [claim, quote, evidence]
        .iter()
        .map(|id| {
            highlights
                .iter()
                .find(|h| h.annotation == *id)
                .unwrap()
                .lane
        })
        .collect();
    assert_eq!(lanes, vec![0, 1, 2]);
    assert!(highlights.iter().any(|h| h.count == 2));
    // The inspector shows the selected one.
    harness.get_by_label(&format!("Annotation {quote}"));
}

#[test]
fn the_probe_file_tells_a_script_where_things_are_and_what_is_selected() {
    let f = fixture();
    let probe = f.text.with_file_name("probe.txt");
    let mut harness = open(&f);
    hamish::ui::probe::install(&harness.ctx, probe.clone());
    let claim = annotate(&mut harness, "claim", "الهدنة صامدة");
    harness.run();
    let read = || std::fs::read_to_string(&probe).unwrap();
    let line = |text: &str, name: &str| -> Vec<String> {
        let found = text.lines().find(|l| l.split('\t').next() == Some(name));
        let found = found.unwrap_or_else(|| panic!("no {name} line in\n{text}"));
        found.split('\t').skip(1).map(str::to_owned).collect()
    };
    let text = read();
    assert_eq!(line(&text, "selected"), [claim.to_string()]);
    assert_eq!(line(&text, "counts"), ["1", "0"]);
    assert_eq!(line(&text, "modified"), ["yes"]);
    // The layout line gives what `hamish layout` needs to lay the text out the same way.
    let view = harness.state().view();
    let (width, size) = view.layout_size().unwrap();
    assert_eq!(line(&text, "layout"), [width.to_string(), size.to_string()]);
    let origin = view.document_origin();
    assert_eq!(
        line(&text, "origin"),
        [format!("{:.1}", origin.x), format!("{:.1}", origin.y)]
    );
    // The verdict's drop-down is listed with its rectangle where the harness finds it.
    let verdict = harness.get_by_role_and_label(Role::ComboBox, "Verdict");
    let bounds = verdict.rect();
    let row = text
        .lines()
        .find(|l| l.starts_with("widget\tComboBox\t") && l.contains("\tVerdict\t"))
        .unwrap_or_else(|| panic!("no verdict widget in\n{text}"));
    let corners: Vec<f64> = row
        .split('\t')
        .skip(2)
        .take(4)
        .map(|v| v.parse().unwrap())
        .collect();
    assert!((corners[0] - f64::from(bounds.min.x)).abs() < 0.1);
    assert!((corners[3] - f64::from(bounds.max.y)).abs() < 0.1);
    // A keyboard move shows up as the caret's offset and the selection.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    let text = read();
    let caret = line(&text, "caret");
    let selection = line(&text, "selection");
    assert_eq!(selection.len(), 2, "{text}");
    assert_eq!(
        caret[0], selection[1],
        "the caret is the selection's moving end"
    );
}
