//! The interface language: English or Arabic, for menus, panels, the shortcut sheet and the
//! window's own messages. Strings are written in English in the code and looked up in Arabic by a
//! key made from the English ([`key_of`]: "Open folder…" → `open-folder`) in
//! `assets/i18n/ar.ftl`, a Project Fluent file; messages with numbers (hit counts, annotation
//! counts) have their own ids in `en.ftl` and `ar.ftl`, with Arabic's six plural forms. A string
//! without an Arabic translation shows in English and is remembered ([`missing`]), which a test
//! checks. The language is per thread (the window runs on one), so tests do not disturb each
//! other. Arabic also mirrors the layout: [`is_rtl`] tells panels and menus to start on the right.

use crate::workspace::preferences::Language;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The English messages that take numbers.
const EN_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// Every string of the interface in Arabic.
const AR_FTL: &str = include_str!("../../assets/i18n/ar.ftl");

struct Localizer {
    language: Language,
    en: FluentBundle<FluentResource>,
    ar: FluentBundle<FluentResource>,
    missing: BTreeSet<String>,
}

fn bundle(locale: &str, ftl: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = locale.parse().expect("a valid language id");
    let mut bundle = FluentBundle::new(vec![id]);
    // The text engine does its own bidi; isolation marks would show in egui's text.
    bundle.set_use_isolating(false);
    // The files are bundled and parsed by a unit test: an error here is a build defect.
    let resource = FluentResource::try_new(ftl.to_owned()).expect("bundled .ftl files parse");
    bundle
        .add_resource(resource)
        .expect("bundled .ftl files have no duplicate ids");
    bundle
}

thread_local! {
    static LOCALIZER: RefCell<Localizer> = RefCell::new(Localizer {
        language: Language::English,
        en: bundle("en", EN_FTL),
        ar: bundle("ar", AR_FTL),
        missing: BTreeSet::new(),
    });
}

/// Sets the interface language of this thread.
pub fn set_language(language: Language) {
    LOCALIZER.with(|l| l.borrow_mut().language = language);
}

/// The interface language of this thread.
pub fn language() -> Language {
    LOCALIZER.with(|l| l.borrow().language)
}

/// True when the interface reads right to left (Arabic): panels and menus start on the right.
pub fn is_rtl() -> bool {
    language() == Language::Arabic
}

/// A side panel on the side where lines start: the left in English, the right in Arabic.
pub fn start_panel(id: &'static str) -> egui::Panel {
    if is_rtl() {
        egui::Panel::right(id)
    } else {
        egui::Panel::left(id)
    }
}

/// A side panel on the side where lines end: the right in English, the left in Arabic.
pub fn end_panel(id: &'static str) -> egui::Panel {
    if is_rtl() {
        egui::Panel::left(id)
    } else {
        egui::Panel::right(id)
    }
}

/// The layout of a panel's contents: from the top, aligned where lines start.
pub fn panel_layout() -> egui::Layout {
    let align = if is_rtl() {
        egui::Align::Max
    } else {
        egui::Align::Min
    };
    egui::Layout::top_down(align)
}

/// The layout of a row: from where lines start.
pub fn row_layout() -> egui::Layout {
    if is_rtl() {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    }
}

/// Like `ui.horizontal`, from where lines start (the right in Arabic).
pub fn row<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> egui::InnerResponse<R> {
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, row_layout(), add)
}

/// Like `ui.horizontal_wrapped`, from where lines start.
pub fn wrapped_row<R>(
    ui: &mut egui::Ui,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::InnerResponse<R> {
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, row_layout().with_main_wrap(true), add)
}

/// The Fluent id of an English string: lower-case ASCII letters and digits, other runs as `-`.
pub fn key_of(english: &str) -> String {
    let mut key = String::with_capacity(english.len());
    for c in english.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.ends_with('-') && !key.is_empty() {
            key.push('-');
        }
    }
    while key.ends_with('-') {
        key.pop();
    }
    if key.is_empty() || key.starts_with(|c: char| c.is_ascii_digit()) {
        key.insert(0, 'x');
        key.insert(1, '-');
    }
    key
}

/// `english` in the interface language.
pub fn tr(english: &str) -> String {
    LOCALIZER.with(|l| {
        let mut l = l.borrow_mut();
        if l.language == Language::English || english.trim().is_empty() {
            return english.to_owned();
        }
        let key = key_of(english);
        match format(&l.ar, &key, None) {
            Some(text) => text,
            None => {
                l.missing.insert(english.to_owned());
                english.to_owned()
            }
        }
    })
}

/// Message `id` (defined in both `.ftl` files) with numeric arguments, in the interface language.
pub fn tr_count(id: &str, args: &[(&str, i64)]) -> String {
    let values: Vec<(&str, FluentValue)> = args
        .iter()
        .map(|(name, value)| (*name, FluentValue::from(*value)))
        .collect();
    tr_args(id, &values)
}

/// Message `id` (defined in both `.ftl` files) with arguments (numbers or text such as file
/// names), in the interface language.
pub fn tr_args(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    LOCALIZER.with(|l| {
        let mut l = l.borrow_mut();
        let bundle = match l.language {
            Language::English => &l.en,
            Language::Arabic => &l.ar,
        };
        if let Some(text) = format(bundle, id, Some(&fluent_args)) {
            return text;
        }
        l.missing.insert(id.to_owned());
        format(&l.en, id, Some(&fluent_args)).unwrap_or_else(|| id.to_owned())
    })
}

/// A text argument for [`tr_args`].
pub fn arg(text: impl ToString) -> FluentValue<'static> {
    FluentValue::from(text.to_string())
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The strings shown in Arabic that had no translation (shown in English instead).
pub fn missing() -> Vec<String> {
    LOCALIZER.with(|l| l.borrow().missing.iter().cloned().collect())
}

/// Asserts that `arabic` is an Arabic sentence in which no word of four letters or more of
/// `english` is left, except words found in `kept` (paths, labels, values: the arguments).
#[cfg(test)]
pub(crate) fn assert_reads_in_arabic(arabic: &str, english: &str, kept: &str) {
    assert!(
        arabic
            .chars()
            .any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
        "no Arabic in {arabic:?}"
    );
    let (arabic_lower, kept) = (arabic.to_lowercase(), kept.to_lowercase());
    for word in english
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !kept.contains(w.as_str()))
    {
        assert!(
            !arabic_lower.contains(&word),
            "{word:?} left in {arabic:?} (from {english:?})"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_made_from_the_english() {
        assert_eq!(key_of("Open folder…"), "open-folder");
        assert_eq!(key_of("Save As…"), "save-as");
        assert_eq!(
            key_of("Start of the line (right end in Arabic)"),
            "start-of-the-line-right-end-in-arabic"
        );
        assert_eq!(key_of("1 of 2"), "x-1-of-2");
    }

    #[test]
    fn arabic_counts_take_their_plural_forms() {
        set_language(Language::Arabic);
        assert_eq!(tr("File"), "ملف");
        let hits = |n| tr_count("search-hits", &[("n", n)]);
        assert_eq!(hits(0), "لا نتائج");
        assert_eq!(hits(1), "نتيجة واحدة");
        assert_eq!(hits(2), "نتيجتان");
        assert_eq!(hits(5), "5 نتائج");
        assert_eq!(hits(11), "11 نتيجة");
        assert_eq!(hits(100), "100 نتيجة");
        set_language(Language::English);
        assert_eq!(tr("File"), "File");
        assert_eq!(tr_count("search-hits", &[("n", 1)]), "1 hit");
        assert_eq!(tr_count("search-hits", &[("n", 11)]), "11 hits");
        assert!(missing().is_empty(), "{:?}", missing());
    }

    #[test]
    fn label_all_says_how_many_in_either_language() {
        let args = |n: i64, skipped: i64| {
            [
                ("n", FluentValue::from(n)),
                ("label", arg("ORG")),
                ("skipped", FluentValue::from(skipped)),
            ]
        };
        set_language(Language::English);
        assert_eq!(
            tr_args("hits-labelled", &args(3, 0)),
            "Labelled 3 hit(s) as ORG. One undo removes them all."
        );
        assert_eq!(
            tr_args("hits-labelled", &args(3, 2)),
            "Labelled 3 hit(s) as ORG; 2 already carried it and were skipped. One undo removes them all."
        );
        set_language(Language::Arabic);
        assert_eq!(
            tr_args("hits-labelled", &args(2, 0)),
            "وُسمت نتيجتان بالوسم ORG. تراجعٌ واحد يزيلها كلها."
        );
        assert_eq!(
            tr_args("hits-labelled", &args(11, 1)),
            "وُسمت 11 نتيجة بالوسم ORG، وتُركت 1 موسومة من قبل. تراجعٌ واحد يزيلها كلها."
        );
        set_language(Language::English);
        assert!(missing().is_empty(), "{:?}", missing());
    }

    /// Every string the code passes to `tr("…")` has an Arabic translation.
    #[test]
    fn every_string_of_the_interface_is_translated() {
        let ar = bundle("ar", AR_FTL);
        let en = bundle("en", EN_FTL);
        let mut untranslated = Vec::new();
        for (file, source) in crate::ui::i18n_sources::SOURCES {
            for english in literals_after(source, "tr(") {
                if ar.get_message(&key_of(&english)).is_none() {
                    untranslated.push(format!("{file}: {english:?} ({})", key_of(&english)));
                }
            }
            let ids = literals_after(source, "tr_count(");
            let keyed = literals_after(source, "keyed(");
            for id in ids
                .into_iter()
                .chain(literals_after(source, "tr_args("))
                .chain(keyed)
            {
                if ar.get_message(&id).is_none() || en.get_message(&id).is_none() {
                    untranslated.push(format!("{file}: count message {id}"));
                }
            }
        }
        // Strings the code passes through `tr` by value: the command table's names and groups,
        // the statuses, the schema's sources.
        let mut dynamic: Vec<&str> = crate::ui::command_table::COMMANDS
            .iter()
            .map(|spec| spec.name)
            .collect();
        dynamic.extend(crate::ui::command_table::CommandGroup::ALL.map(|g| g.title()));
        dynamic.extend(crate::model::set::DocumentStatus::ALL.map(|s| s.name()));
        dynamic.extend(["needs review", "orphan: text not found", "no selection"]);
        // The follow-ups the application layer offers with a message.
        dynamic.push("Overwrite anyway");
        // The prefixes of error messages (`action_context`, linking).
        dynamic.extend([
            "Not saved: ",
            "Not imported: ",
            "Not exported: ",
            "Could not restore: ",
            "Could not delete the recovery file: ",
            "Not linked: ",
        ]);
        dynamic.extend(crate::ui::claims_table::COLUMNS.map(|(_, heading, _)| heading));
        dynamic.extend(crate::ui::schema_editor::KINDS);
        dynamic.extend(crate::ui::schema_editor::FIELD_WORDS);
        dynamic.extend(
            [
                crate::store::sidecar::SchemaSource::Folder,
                crate::store::sidecar::SchemaSource::Bundled(String::new()),
                crate::store::sidecar::SchemaSource::Inline(
                    crate::model::schema::Schema::fact_checking(),
                ),
            ]
            .iter()
            .map(crate::ui::schema_legend::source_text),
        );
        for english in dynamic {
            if ar.get_message(&key_of(english)).is_none() {
                untranslated.push(format!("{english:?} ({})", key_of(english)));
            }
        }
        assert!(untranslated.is_empty(), "{}", untranslated.join("\n"));
    }

    /// Every message of the application layer with a key (`.keyed("id", vec![…])`) has that id
    /// in both files, and the arguments the code gives are exactly those both files use; no
    /// `Message::` of the application layer is left without a key but those listed.
    #[test]
    fn every_workspace_message_key_has_the_same_arguments_in_both_languages() {
        let mut checked = 0;
        for (file, source) in crate::ui::i18n_sources::SOURCES {
            if !file.starts_with("workspace/") {
                continue;
            }
            for (at, _) in source.match_indices(".keyed(") {
                let call = &source[at + ".keyed(".len()..];
                let call = &call[..closing_paren(call)];
                let id = call.trim_start().trim_start_matches('"');
                let id = &id[..id.find('"').expect("a literal id")];
                let en = variables(EN_FTL, id);
                let ar = variables(AR_FTL, id);
                assert!(en.is_some() && ar.is_some(), "{file}: {id} missing");
                assert_eq!(en, ar, "{file}: {id}: English and Arabic arguments differ");
                // Arguments given in place (`vec![("n", …)]`) are those the files use.
                let compact: String = call.split_whitespace().collect();
                if compact.contains("vec![(") || compact.contains("vec![]") {
                    let given: BTreeSet<String> = compact
                        .split("(\"")
                        .skip(1)
                        .filter_map(|s| s.split_once('"').map(|(name, _)| name.to_owned()))
                        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                        .collect();
                    assert_eq!(Some(given), en, "{file}: {id}: the code's arguments");
                }
                checked += 1;
            }
        }
        assert!(checked >= 30, "{checked} keyed messages");
        // Messages built as `Message::warning(…)` etc. must have a key, except the conflict and
        // unreadable-annotations messages, keyed per case below them.
        let unkeyed_allowed = [
            "Not saved over",
            "The text is shown without its annotations",
        ];
        for (file, source) in crate::ui::i18n_sources::SOURCES {
            if !file.starts_with("workspace/") {
                continue;
            }
            for (at, _) in source.match_indices("Message::") {
                let rest = &source[at..];
                let name_end = rest.find(|c: char| !(c.is_alphanumeric() || c == ':' || c == '_'));
                let Some(open) = name_end.filter(|&i| rest[i..].starts_with('(')) else {
                    continue; // a path (`.map(Message::warning)`), not a call
                };
                let close = open + 1 + closing_paren(&rest[open + 1..]);
                let call = &rest[..=close.min(rest.len() - 1)];
                let after = rest[close + 1..].trim_start();
                let keyed = after.starts_with(".keyed(") || call.starts_with("Message::keyed");
                let allowed = unkeyed_allowed.iter().any(|a| call.contains(a));
                assert!(keyed || allowed, "{file}: a message without a key: {call}");
            }
        }
    }

    /// In Arabic every note of a batch run (re-anchored files, left-out annotations, replaced,
    /// renamed and recovered files) reads as Arabic: none of its English words is left but
    /// those of its arguments (paths, ids, the system's errors).
    #[test]
    fn every_batch_note_reads_in_arabic_without_the_english_words() {
        use crate::workspace::MessageArg;
        set_language(Language::Arabic);
        for note in crate::workspace::batch::note::samples() {
            let message = note.message();
            let english = note.to_string();
            let arabic = crate::ui::app::message_text(&message);
            let key = message.key.expect("a keyed note");
            let args: Vec<String> = key
                .args
                .iter()
                .filter_map(|(_, value)| match value {
                    MessageArg::Text(text) => Some(text.to_lowercase()),
                    _ => None,
                })
                .collect();
            // The files named inside the errors a note carries are arguments too.
            let paths: Vec<String> = key
                .args
                .iter()
                .filter_map(|(_, value)| match value {
                    MessageArg::Error(crate::workspace::ErrorArg::Formats(errs)) => Some(errs),
                    _ => None,
                })
                .flatten()
                .filter_map(|e| match e.as_ref() {
                    crate::store::formats::FormatError::Io { path, .. } => {
                        Some(path.display().to_string())
                    }
                    _ => None,
                })
                .collect();
            let allowed = format!("{} {}", args.join(" "), paths.join(" "));
            assert_reads_in_arabic(&arabic, &english, &allowed);
            for arg in &args {
                assert!(
                    arabic.to_lowercase().contains(arg.as_str()),
                    "{arg} not in {arabic}"
                );
            }
        }
        set_language(Language::English);
        assert!(missing().is_empty(), "{:?}", missing());
    }

    #[test]
    fn a_text_the_agreement_left_out_reads_in_arabic() {
        use crate::store::decode::{DecodeError, Source};
        use crate::store::sidecar::SidecarError;
        use crate::workspace::batch::agree::LeftOut;
        use std::sync::Arc;
        let path = std::path::PathBuf::from("corpus/a.txt");
        let left_out = [
            LeftOut::Text(Arc::new(DecodeError::Io {
                source_file: Source(Some(path.clone())),
                error: std::io::Error::from(std::io::ErrorKind::NotFound),
            })),
            LeftOut::Sidecar(Arc::new(SidecarError::MergeConflict {
                path: path.with_extension("txt.Salma.ann.ron"),
                line: 4,
            })),
        ];
        set_language(Language::Arabic);
        for left in &left_out {
            let message = left.message();
            assert_eq!(message.text, left.to_string());
            assert_eq!(
                message.key.as_ref().map(|k| k.id),
                Some("agreement-left-out")
            );
            let arabic = crate::ui::app::message_text(&message);
            assert!(arabic.contains("a.txt"), "{arabic}");
            assert_reads_in_arabic(&arabic, &message.text, "corpus salma");
        }
        set_language(Language::English);
        assert!(missing().is_empty(), "{:?}", missing());
    }

    /// Where the parenthesis opened just before `text` closes.
    fn closing_paren(text: &str) -> usize {
        let mut depth = 1;
        for (i, c) in text.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return i;
                    }
                }
                _ => {}
            }
        }
        text.len()
    }

    /// The variables message `id` of `ftl` uses (`None`: no such message).
    fn variables(ftl: &str, id: &str) -> Option<BTreeSet<String>> {
        let start = ftl
            .lines()
            .position(|l| l.starts_with(&format!("{id} =")))?;
        let body: Vec<&str> = ftl
            .lines()
            .skip(start)
            .enumerate()
            .take_while(|(i, l)| *i == 0 || l.starts_with([' ', '}', '[', '*']))
            .map(|(_, l)| l)
            .collect();
        Some(
            body.join("\n")
                .split('$')
                .skip(1)
                .map(|s| {
                    s.chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect()
                })
                .collect(),
        )
    }

    /// The string literals that follow `opening` (a call such as `tr(`, then maybe a line
    /// break) in `source` (no escapes in them), where `opening` starts a name (`str(` is not
    /// `tr(`).
    fn literals_after(source: &str, opening: &str) -> Vec<String> {
        source
            .match_indices(opening)
            .filter(|(at, _)| {
                let before = source[..*at].chars().next_back();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
            .filter_map(|(at, _)| {
                let rest = source[at + opening.len()..].trim_start();
                let rest = rest.strip_prefix('"')?;
                rest.find('"').map(|end| rest[..end].to_owned())
            })
            .collect()
    }

    #[test]
    fn literals_are_found_after_a_line_break_too() {
        let source = "tr(\"One\"); x.str(\"No\"); tr(\n    \"Two\",\n); tr(name)";
        assert_eq!(literals_after(source, "tr("), ["One", "Two"]);
    }
}
