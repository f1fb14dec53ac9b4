//! GUI tests of the linguist's and student's workbench (egui_kittest, no window): the search bar
//! (Ctrl+F, typed Arabic with harakat, the count, Enter to the next hit and a label key on it,
//! label all hits and one undo); the schema legend; a folder in the browser (a preset chosen,
//! Ctrl+PageDown saving and moving on, the status); the in-window file picker; a dropped folder;
//! the Arabic interface, its errors (a missing file, a corrupt sidecar) and Escape closing Preferences.

use egui::{Event, Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use hamish::offset::CharRange;
use hamish::ui::file_picker::PickerPurpose;
use hamish::ui::{Command, HamishApp};
use hamish::workspace::Action;
use std::path::PathBuf;

const SAMPLE: &str = include_str!("../assets/samples/news-ar-001.txt");

/// A copy of the sample article in a temp folder (annotations are saved next to it).
fn sample_copy(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("news-ar-001.txt");
    std::fs::write(&path, SAMPLE).unwrap();
    path
}

fn app_harness(app: HamishApp) -> Harness<'static, HamishApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1100.0, 700.0))
        .with_context_setup(HamishApp::configure)
        .build_ui_state(|ui, app: &mut HamishApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// Types `text` one char per event, as a keyboard sends it.
fn type_chars(harness: &mut Harness<'_, HamishApp>, text: &str) {
    for ch in text.chars() {
        harness.event(Event::Text(ch.to_string()));
    }
    harness.run();
}

fn press(harness: &mut Harness<'_, HamishApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn labels(harness: &Harness<'_, HamishApp>, label: &str) -> Vec<CharRange> {
    let open = harness.state().document().unwrap();
    open.session
        .set()
        .annotations_in_text_order()
        .into_iter()
        .filter(|a| a.label == label)
        .map(|a| a.ranges[0])
        .collect()
}

#[test]
fn search_with_harakat_enter_to_a_hit_a_label_key_then_label_all_in_one_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(HamishApp::new(Some(&sample_copy(&dir))));
    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(harness.state_mut().search_bar().is_open());
    type_chars(&mut harness, "الْقَاعِدَةُ");
    assert_eq!(harness.state_mut().search_bar().query(), "الْقَاعِدَةُ");
    let hits = harness.state_mut().search_bar().hits().to_vec();
    assert_eq!(hits.len(), 11);
    harness.get_by_label("11 hits");
    // Enter in the field: the first hit is selected and the text has the keyboard.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().view().selection_range(), Some(hits[0]));
    harness.get_by_label("1 of 11");
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_eq!(labels(&harness, "source"), [hits[0]]);
    // Enter in the text goes on to the next hit, Shift+Enter back.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().view().selection_range(), Some(hits[1]));
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    assert_eq!(harness.state().view().selection_range(), Some(hits[10]));
    // Label all with the first label of the schema (Claim): eleven claims, one undo step.
    harness.get_by_label("Label all hits").click();
    harness.run();
    assert_eq!(labels(&harness, "claim"), hits);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(labels(&harness, "claim").is_empty());
    assert_eq!(
        labels(&harness, "source"),
        [hits[0]],
        "the earlier step stays"
    );
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state_mut().search_bar().is_open());
    assert!(harness.state().view().text().contains("القاعدة"));
}

#[test]
fn the_legend_names_the_active_schema_describes_labels_on_hover_and_labels_on_click() {
    use hamish::model::schema::{Preset, NEWS_RHETORIC};
    let dir = tempfile::tempdir().unwrap();
    let preset = Preset::by_id(NEWS_RHETORIC).unwrap();
    std::fs::write(dir.path().join("schema.ron"), preset.ron).unwrap();
    let path = dir.path().join("مقال.txt");
    std::fs::write(&path, "هذا القرار كارثة على الجميع").unwrap();
    let mut harness = app_harness(HamishApp::new(Some(&path)));
    // A single text: the label bar names the schema; F9 shows the legend with its source.
    let legend = "Schema: News rhetoric (WANLP 2022 techniques)";
    assert!(harness.query_by_label(legend).is_none());
    press(&mut harness, Modifiers::NONE, Key::F9);
    harness.get_by_label(legend);
    harness.get_by_label("from the folder's schema.ron");
    // Hovering a technique shows its description in both languages.
    harness.get_by_label("Doubt التشكيك").hover();
    harness.run();
    harness.get_by_label("Questions the credibility of someone or something.");
    harness.get_by_label("التشكيك في مصداقية شخص أو شيء.");
    // A technique without a hotkey is applied by clicking it.
    press(&mut harness, Modifiers::COMMAND, Key::A);
    let red_herring = harness.get_by_label("Red herring صرف الانتباه");
    red_herring.scroll_to_me();
    harness.run();
    harness.get_by_label("Red herring صرف الانتباه").click();
    harness.run();
    let open = harness.state().document().unwrap();
    let labels: Vec<&str> = open
        .session
        .set()
        .annotations()
        .map(|a| a.label.as_str())
        .collect();
    assert_eq!(labels, ["red-herring"]);
}

/// A folder of three Arabic texts (names with harakat and hamza forms).
fn three_texts(dir: &tempfile::TempDir) -> PathBuf {
    let folder = dir.path().join("أخبار");
    std::fs::create_dir(&folder).unwrap();
    for (name, text) in [
        ("1-حلب.txt", "قاتلت جبهة النصرة قرب حلب."),
        ("2-القاهرة.txt", "زار الوزير القاهرة أمس."),
        ("3-إدلب.txt", "وصلت قافلة إلى إدلب."),
    ] {
        std::fs::write(folder.join(name), text).unwrap();
    }
    folder
}

fn annotation_count(harness: &Harness<'_, HamishApp>) -> usize {
    harness.state().document().unwrap().session.set().len()
}

#[test]
fn a_folder_opens_in_the_browser_and_ctrl_page_down_saves_and_moves_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = three_texts(&dir);
    let open = Action::OpenFolder {
        path: folder.clone(),
    };
    let mut harness = app_harness(HamishApp::with_action(open));
    assert_eq!(harness.state().file_name(), "1-حلب.txt");
    // The folder has no schema.ron: the presets are offered; choosing one writes it.
    let offer = "This folder has no schema.ron. Use a bundled schema:";
    harness.get_by_label(offer);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Named entities")
        .click();
    harness.run();
    assert!(folder.join("schema.ron").is_file());
    assert!(harness.query_by_label(offer).is_none(), "offer gone");
    harness.get_by_label("Schema: Named entities");
    // Annotate with the keyboard: Ctrl+A, 2 (ORG).
    press(&mut harness, Modifiers::COMMAND, Key::A);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_eq!(annotation_count(&harness), 1);
    harness.get_by_label("done").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    assert_eq!(harness.state().file_name(), "2-القاهرة.txt");
    let saved = std::fs::read_to_string(folder.join("1-حلب.txt.ann.ron")).unwrap();
    assert!(
        saved.contains("label: \"ORG\"") && saved.contains("status: Done"),
        "{saved}"
    );
    // The browser lists every text; filtering by status keeps the done one only.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "3-إدلب.txt")
        .click();
    harness.run();
    assert_eq!(harness.state().file_name(), "3-إدلب.txt");
    press(&mut harness, Modifiers::COMMAND, Key::PageUp);
    press(&mut harness, Modifiers::COMMAND, Key::PageUp);
    assert_eq!(harness.state().file_name(), "1-حلب.txt");
    assert_eq!(annotation_count(&harness), 1, "the work came back");
}

#[test]
fn the_in_window_picker_opens_a_folder_and_a_dropped_folder_opens_too() {
    let dir = tempfile::tempdir().unwrap();
    let folder = three_texts(&dir);
    let mut harness = app_harness(HamishApp::new(Some(&sample_copy(&dir))));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_command(&ctx, Command::ShowFilePicker(PickerPurpose::OpenFolder));
    harness.run();
    // It starts in the open text's folder, which holds the folder of texts.
    harness.get_by_label("أخبار/").click();
    harness.run();
    assert_eq!(harness.state().file_picker().unwrap().folder(), folder);
    harness.get_by_label("Open this folder").click();
    harness.run();
    assert!(harness.state().file_picker().is_none());
    assert_eq!(harness.state().file_name(), "1-حلب.txt");
    assert_eq!(
        harness
            .state()
            .workspace()
            .corpus()
            .unwrap()
            .entries()
            .len(),
        3
    );

    let mut harness = app_harness(HamishApp::new(Some(&sample_copy(&dir))));
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(folder.clone())));
    harness.run();
    assert_eq!(harness.state().file_name(), "1-حلب.txt");
}

/// A folder dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder".into())
    }
}

#[test]
fn search_across_the_folder_lists_hits_and_a_click_opens_the_text_at_the_hit() {
    let dir = tempfile::tempdir().unwrap();
    let folder = three_texts(&dir);
    let mut harness = app_harness(HamishApp::with_action(Action::OpenFolder { path: folder }));
    press(&mut harness, Modifiers::COMMAND, Key::F);
    type_chars(&mut harness, "الْوزير");
    assert!(
        harness.state_mut().search_bar().hits().is_empty(),
        "not in the first text"
    );
    harness.get_by_label("In all texts").click();
    harness.run();
    assert_eq!(
        harness
            .state_mut()
            .search_bar()
            .folder_hits()
            .unwrap()
            .len(),
        1
    );
    harness.get_by_label("1 hit(s) in the folder");
    harness.get_by_label("2-القاهرة.txt: الوزير (4–10)").click();
    harness.run();
    assert_eq!(harness.state().file_name(), "2-القاهرة.txt");
    assert_eq!(
        harness.state().view().selection_range(),
        Some(CharRange::from_indices(4, 10))
    );
    harness.get_by_label("1 of 1");
}

#[test]
fn preferences_are_kept_between_runs_theme_zoom_annotator_and_recent_files() {
    use hamish::workspace::preferences::{Preferences, Theme};
    let dir = tempfile::tempdir().unwrap();
    let prefs_path = dir.path().join("config/preferences.ron");
    let text = sample_copy(&dir);
    let open = Action::Open {
        path: text.clone(),
        encoding: None,
    };
    let mut harness = app_harness(HamishApp::for_window(
        open.clone(),
        Some(prefs_path.clone()),
    ));
    press(&mut harness, Modifiers::COMMAND, Key::Comma);
    harness.get_by_label("Light").click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Annotator")
        .click();
    harness.run();
    type_chars(&mut harness, "ليلى");
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    let saved = Preferences::load(&prefs_path).unwrap();
    assert_eq!(saved.theme, Theme::Light);
    assert_eq!(saved.annotator, "ليلى");
    assert!((saved.zoom - 1.1).abs() < 1e-6, "{}", saved.zoom);
    assert_eq!(saved.recent_files, std::slice::from_ref(&text));
    // The next run starts with them: the theme, the zoom, the name in new annotations.
    let harness2 = app_harness(HamishApp::for_window(open, Some(prefs_path.clone())));
    assert_eq!(harness2.ctx.theme(), egui::Theme::Light);
    assert!((harness2.state().view().zoom() - 1.1).abs() < 1e-6);
    assert_eq!(harness2.state().workspace().author(), "ليلى");
    // A file that does not read is reported and left as it is.
    std::fs::write(&prefs_path, "(theme: ").unwrap();
    let harness3 = app_harness(HamishApp::for_window(
        Action::OpenSample,
        Some(prefs_path.clone()),
    ));
    assert!(harness3
        .state()
        .error()
        .unwrap()
        .contains("preferences.ron:1:"));
    drop(harness3);
    assert_eq!(std::fs::read_to_string(&prefs_path).unwrap(), "(theme: ");
}

/// Clicks the text field named `name` and types `text` into it.
fn type_into(harness: &mut Harness<'_, HamishApp>, name: &str, text: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, name)
        .click();
    harness.run();
    type_chars(harness, text);
}

#[test]
fn the_schema_editor_adds_a_label_checks_as_you_type_and_saves_the_folder_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(&dir);
    let mut harness = app_harness(HamishApp::new(Some(&path)));
    press(&mut harness, Modifiers::NONE, Key::F9);
    harness.get_by_label("Edit schema…").click();
    harness.run();
    harness.get_by_label("Add label").click();
    harness.run();
    harness.get_by_label("label \"label-6\" needs an Arabic and an English name");
    type_into(&mut harness, "Label 6 Arabic name", "رأي");
    type_into(&mut harness, "Label 6 English name", "Opinion");
    type_into(&mut harness, "Label 6 key", "2");
    harness.get_by_label_contains("hotkey '2' of label \"label-6\"");
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    type_chars(&mut harness, "6");
    assert!(harness.query_by_label_contains("hotkey").is_none());
    harness.get_by_label("Save schema.ron").click();
    harness.run();
    let written = std::fs::read_to_string(dir.path().join("schema.ron")).unwrap();
    assert!(written.contains("name_ar: \"رأي\"") && written.contains("hotkey: Some('6')"));
    // The open text uses it: key 6 labels the selection as an opinion.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    let open = harness.state().document().unwrap();
    assert_eq!(
        open.session.schema().label("label-6").unwrap().name_en,
        "Opinion"
    );
    harness.get_by_label("Opinion رأي");
}

#[test]
fn the_charts_show_every_technique_for_the_text_and_the_folder() {
    use hamish::model::schema::{Preset, NEWS_RHETORIC};
    use hamish::search::SearchOptions;
    let dir = tempfile::tempdir().unwrap();
    let folder = three_texts(&dir);
    let preset = Preset::by_id(NEWS_RHETORIC).unwrap();
    std::fs::write(folder.join("schema.ron"), preset.ron).unwrap();
    let mut harness = app_harness(HamishApp::with_action(Action::OpenFolder {
        path: folder.clone(),
    }));
    let ctx = harness.ctx.clone();
    let label_all = |label: &str, query: &str| {
        Command::Act(Action::LabelAllHits {
            label: label.into(),
            query: query.into(),
            options: SearchOptions::default(),
        })
    };
    let state = harness.state_mut();
    state.apply_command(&ctx, label_all("loaded-language", "قاتلت"));
    state.apply_command(&ctx, label_all("smears", "جبهة النصرة"));
    state.apply_command(&ctx, Command::StepDocument(true));
    state.apply_command(&ctx, label_all("loaded-language", "الوزير"));
    harness.run();
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.get_by_label("Label charts");
    harness.get_by_label("1 (100 %)");
    assert_eq!(
        harness.query_all_by_label("0 (0 %)").count(),
        19,
        "every other technique"
    );
    harness.get_by_label("Folder").click();
    harness.run();
    harness.get_by_label("2 (67 %)");
    harness.get_by_label("1 (33 %)");
    harness.get_by_label("Per text");
}

#[test]
fn the_arabic_interface_is_translated_everywhere_shown_and_laid_out_from_the_right() {
    use hamish::ui::i18n;
    let dir = tempfile::tempdir().unwrap();
    let folder = three_texts(&dir);
    let prefs = dir.path().join("config/preferences.ron");
    std::fs::create_dir_all(prefs.parent().unwrap()).unwrap();
    std::fs::write(&prefs, "(language: Some(Arabic))").unwrap();
    let open = Action::OpenFolder { path: folder };
    let mut harness = app_harness(HamishApp::for_window(open, Some(prefs)));
    // Menus, panels and the status bar speak Arabic.
    harness.get_by_label("ملف");
    harness.get_by_label("تحرير");
    harness.get_by_label("ليس في هذا المجلد ملف schema.ron. استعمل مخططًا مرفقًا:");
    harness.get_by_label("التعليقات (لا شيء)");
    harness.get_by_label("3 من 3 نصوص معروضة");
    harness.get_by_label("لا تعليقات، محفوظ");
    // Mirrored: the annotation list and the folder panel are on the right, the inspector left.
    let x = |label: &str| harness.get_by_label(label).rect().center().x;
    let width = 1100.0;
    assert!(
        x("التعليقات (لا شيء)") > width / 2.0,
        "annotations on the right"
    );
    assert!(x("أخبار") > width / 2.0, "folder panel on the right");
    assert!(x("ملف") > x("مساعدة"), "menus from the right");
    // Every window and panel that has words: none is left untranslated.
    press(&mut harness, Modifiers::COMMAND, Key::F);
    type_chars(&mut harness, "الوزير");
    press(&mut harness, Modifiers::NONE, Key::F1);
    press(&mut harness, Modifiers::NONE, Key::F1);
    press(&mut harness, Modifiers::COMMAND, Key::Comma);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.get_by_label(&hamish::ui::rtl_widgets::window_title("مخططات الوسوم"));
    harness.get_by_label("التفضيلات");
    // A message of the application layer, in Arabic: the save's confirmation.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = harness
        .state()
        .status_message()
        .unwrap_or_default()
        .to_owned();
    assert!(saved.starts_with("حُفظ"), "{saved}");
    assert_eq!(i18n::missing(), Vec::<String>::new());
    i18n::set_language(hamish::workspace::preferences::Language::English);
}

#[test]
fn switching_the_language_in_preferences_changes_the_words_and_mirrors_the_panels() {
    use hamish::workspace::preferences::Language;
    let dir = tempfile::tempdir().unwrap();
    let folder = three_texts(&dir);
    let prefs = dir.path().join("config/preferences.ron");
    std::fs::create_dir_all(prefs.parent().unwrap()).unwrap();
    std::fs::write(&prefs, "(language: Some(English))").unwrap();
    let open = Action::OpenFolder { path: folder };
    let mut harness = app_harness(HamishApp::for_window(open, Some(prefs.clone())));
    let width = 1100.0;
    let x = |harness: &Harness<'_, HamishApp>, label: &str| {
        harness.get_by_label(label).rect().center().x
    };
    assert!(x(&harness, "Annotations (0)") < width / 2.0);
    assert!(
        x(&harness, "Document") > width / 2.0,
        "inspector on the right"
    );
    assert!(x(&harness, "File") < x(&harness, "Help"));
    // Edit > Preferences, the language's own name.
    press(&mut harness, Modifiers::COMMAND, Key::Comma);
    harness.get_by_label("العربية").click();
    harness.run();
    harness.run();
    assert!(
        harness.query_by_label("File").is_none(),
        "no English menu left"
    );
    assert!(harness.query_by_label("Annotations (0)").is_none());
    assert!(
        x(&harness, "التعليقات (لا شيء)") > width / 2.0,
        "annotations moved right"
    );
    assert!(x(&harness, "المستند") < width / 2.0, "inspector moved left");
    assert!(
        x(&harness, "ملف") > x(&harness, "مساعدة"),
        "menus from the right"
    );
    harness.get_by_label("اللغة");
    // Kept between runs.
    let saved = std::fs::read_to_string(&prefs).unwrap();
    assert!(saved.contains("Arabic"), "{saved}");
    // And back.
    harness.get_by_label("English").click();
    harness.run();
    harness.run();
    assert!(x(&harness, "Annotations (0)") < width / 2.0);
    assert!(harness.query_by_label("ملف").is_none());
    assert_eq!(hamish::ui::i18n::language(), Language::English);
}

#[test]
fn a_label_key_keeps_a_proclitic_out_of_the_span_but_still_grows_cut_words() {
    use hamish::text::Cursor;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("حلب.txt");
    let text = "قاتلت القوات الحكومية وَجبهة النصرة قرب حلب.";
    std::fs::write(&path, text).unwrap();
    let mut harness = app_harness(HamishApp::new(Some(&path)));
    let at = |phrase: &str| {
        let start = text[..text.find(phrase).unwrap()].chars().count();
        CharRange::from_indices(start, start + phrase.chars().count())
    };
    let select = |harness: &mut Harness<'_, HamishApp>, range: CharRange| {
        let ctx = harness.ctx.clone();
        let anchor = Cursor::after(range.start);
        let focus = Cursor::before(range.end);
        harness
            .state_mut()
            .apply_command(&ctx, Command::Select { anchor, focus });
        harness.run();
    };
    // After the و (and its fatha): the span starts at جبهة.
    select(&mut harness, at("جبهة النصرة"));
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert_eq!(labels(&harness, "claim"), [at("جبهة النصرة")]);
    // Inside a word after other letters (الحكو|مية): the span grows to the whole word.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    let word = at("الحكومية");
    select(
        &mut harness,
        CharRange::from_indices(word.start.0 + 5, word.end.0),
    );
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_eq!(labels(&harness, "source"), [at("الحكومية")]);
}

/// A preferences file choosing the Arabic interface, in `dir`.
fn arabic_preferences(dir: &tempfile::TempDir) -> PathBuf {
    let prefs = dir.path().join("config/preferences.ron");
    std::fs::create_dir_all(prefs.parent().unwrap()).unwrap();
    std::fs::write(&prefs, "(language: Some(Arabic))").unwrap();
    prefs
}

#[test]
fn in_arabic_a_missing_file_and_a_corrupt_sidecar_give_arabic_errors_naming_the_file() {
    use hamish::ui::i18n;
    let dir = tempfile::tempdir().unwrap();
    let prefs = arabic_preferences(&dir);
    let open = |path: PathBuf| Action::Open {
        path,
        encoding: None,
    };
    let missing = dir.path().join("gone.txt");
    let harness = app_harness(HamishApp::for_window(open(missing), Some(prefs.clone())));
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("gone.txt"), "{error}");
    assert!(error.contains("غير موجود"), "{error}");
    assert!(!error.contains("check"), "English left: {error}");
    harness.get_by_label_contains("gone.txt");

    let text = sample_copy(&dir);
    std::fs::write(dir.path().join("news-ar-001.txt.ann.ron"), "garbage\n").unwrap();
    let harness = app_harness(HamishApp::for_window(open(text), Some(prefs)));
    let error = harness.state().error().unwrap().to_owned();
    assert!(
        error.contains("news-ar-001.txt.ann.ron:1:"),
        "the file and the place: {error}"
    );
    assert!(error.contains("تعذّرت قراءة ملف التعليقات"), "{error}");
    assert!(error.contains("لن يكتب هامش فوق هذا الملف"), "{error}");
    assert!(!error.contains("will not write"), "English left: {error}");
    harness.get_by_label_contains("news-ar-001.txt.ann.ron");
    assert_eq!(i18n::missing(), Vec::<String>::new());
    i18n::set_language(hamish::workspace::preferences::Language::English);
}

#[test]
fn escape_closes_the_preferences_window() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_copy(&dir);
    let mut harness = app_harness(HamishApp::new(Some(&text)));
    press(&mut harness, Modifiers::COMMAND, Key::Comma);
    harness.get_by_label("Preferences");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Preferences").is_none());
    // And it opens again.
    press(&mut harness, Modifiers::COMMAND, Key::Comma);
    harness.get_by_label("Preferences");
}

/// The 20 techniques of the rhetoric preset in the label bar of a 1240-point window: every label
/// button lies inside the window (the bar wraps onto more rows), in Arabic and in English, and
/// the last one takes a click.
#[test]
fn every_label_of_the_rhetoric_preset_is_in_the_window_and_clickable_in_both_languages() {
    use egui::accesskit::Role;
    use hamish::model::schema::Schema;
    use hamish::ui::i18n;
    use hamish::workspace::preferences::Language;
    let preset = include_str!("../assets/schemas/news-rhetoric.ron");
    let schema = Schema::from_ron_str(preset, "news-rhetoric.ron").unwrap();
    assert_eq!(schema.labels.len(), 20);
    for language in [Language::Arabic, Language::English] {
        let dir = tempfile::tempdir().unwrap();
        let folder = three_texts(&dir);
        std::fs::write(folder.join("schema.ron"), preset).unwrap();
        let prefs = dir.path().join("config/preferences.ron");
        std::fs::create_dir_all(prefs.parent().unwrap()).unwrap();
        std::fs::write(&prefs, format!("(language: Some({language:?}))")).unwrap();
        let open = Action::OpenFolder { path: folder };
        let size = Vec2::new(1240.0, 800.0);
        let mut harness = Harness::builder()
            .with_size(size)
            .with_context_setup(HamishApp::configure)
            .build_ui_state(
                |ui, app: &mut HamishApp| app.frame_ui(ui),
                HamishApp::for_window(open, Some(prefs)),
            );
        harness.run();
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
        for label in &schema.labels {
            let name = match language {
                Language::Arabic => label.name_ar.as_str(),
                Language::English => label.name_en.as_str(),
            };
            let rect = harness.get_by_role_and_label(Role::Button, name).rect();
            assert!(
                window.contains_rect(rect),
                "{language:?}: {name} at {rect:?}, outside the window"
            );
        }
        // The last label of the bar takes a click: the first word becomes a bandwagon.
        let ctx = harness.ctx.clone();
        let first_word = CharRange::from_indices(0, 5);
        harness.state_mut().apply_command(
            &ctx,
            Command::Select {
                anchor: hamish::text::Cursor::after(first_word.start),
                focus: hamish::text::Cursor::before(first_word.end),
            },
        );
        harness.run();
        let last = schema.labels.last().unwrap();
        let name = match language {
            Language::Arabic => last.name_ar.as_str(),
            Language::English => last.name_en.as_str(),
        };
        harness.get_by_role_and_label(Role::Button, name).click();
        harness.run();
        assert_eq!(labels(&harness, &last.id), [first_word], "{language:?}");
        assert_eq!(i18n::missing(), Vec::<String>::new());
    }
    i18n::set_language(Language::English);
}

/// In Arabic the application layer's warnings read in Arabic: bytes an encoding cannot map
/// (a Windows-1256 file reopened as ISO-8859-6), with the count's plural form and the
/// encoding's name; "nothing to undo" too.
#[test]
fn in_arabic_the_replaced_bytes_warning_and_nothing_to_undo_read_in_arabic() {
    use hamish::model::text_format::TextEncoding;
    use hamish::ui::i18n;
    let dir = tempfile::tempdir().unwrap();
    let prefs = arabic_preferences(&dir);
    let path = dir.path().join("a.txt");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/encodings/sentence.windows-1256.crlf.txt"
    );
    std::fs::copy(sample, &path).unwrap();
    let open = Action::Open {
        path,
        encoding: Some(TextEncoding::Iso8859_6),
    };
    let mut harness = app_harness(HamishApp::for_window(open, Some(prefs)));
    let notices: Vec<String> = harness
        .state()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    let warning = notices
        .iter()
        .find(|t| t.contains("تعذّر فك ترميز"))
        .unwrap_or_else(|| panic!("no Arabic warning in {notices:?}"));
    assert!(warning.contains("ISO-8859-6"), "{warning}");
    assert!(!warning.contains("could not be decoded"), "{warning}");
    harness.get_by_label_contains("تعذّر فك ترميز");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let status = harness.state().status_message().unwrap_or_default();
    assert_eq!(status, "لا شيء للتراجع عنه.");
    assert_eq!(i18n::missing(), Vec::<String>::new());
    i18n::set_language(hamish::workspace::preferences::Language::English);
}
