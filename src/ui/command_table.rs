//! The one table of the window's user commands: for each, its name (the menu label), its group in
//! the shortcut sheet, the keys or typed characters that trigger it, and whether it works while a
//! text field has keyboard focus. The key handler (`shortcuts.rs`), the menus (`menu.rs`), the
//! shortcut sheet (`shortcut_sheet.rs`) and the README's key table are all made from it.
//!
//! Keys are matched by the key egui reports and, when no command has that key, by the physical
//! key (its place on an English keyboard), so Ctrl+S works with an Arabic layout (Ctrl+س).

use super::commands::{Command, ZoomStep};
use crate::text::{Motion, VisualDirection};
use egui::Key;

/// Where a command is listed in the shortcut sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommandGroup {
    /// Opening, saving, quitting.
    File,
    /// Undo, selection, copy, deleting an annotation.
    Edit,
    /// The label keys.
    Annotate,
    /// Caret moves.
    Move,
    /// Selection moves (Shift and a move key).
    Select,
    /// Zoom.
    View,
    /// The shortcut sheet itself.
    Help,
}

impl CommandGroup {
    /// Every group, in the order the sheet shows them.
    pub const ALL: [CommandGroup; 7] = [
        CommandGroup::File,
        CommandGroup::Edit,
        CommandGroup::View,
        CommandGroup::Help,
        CommandGroup::Annotate,
        CommandGroup::Move,
        CommandGroup::Select,
    ];

    /// The group's heading.
    pub fn title(self) -> &'static str {
        match self {
            CommandGroup::File => "File",
            CommandGroup::Edit => "Edit",
            CommandGroup::Annotate => "Annotate the selection",
            CommandGroup::Move => "Move the caret",
            CommandGroup::Select => "Select (Shift + a move key)",
            CommandGroup::View => "View",
            CommandGroup::Help => "Help",
        }
    }
}

/// Modifier keys of a shortcut; `ctrl` is Ctrl, or Cmd on a Mac.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Mods {
    /// Ctrl (Cmd on a Mac).
    pub ctrl: bool,
    /// Shift.
    pub shift: bool,
    /// Alt.
    pub alt: bool,
}

impl Mods {
    /// The modifiers egui reports, with Ctrl and Cmd counted as one.
    pub fn from_egui(m: egui::Modifiers) -> Self {
        Self {
            ctrl: m.ctrl || m.command || m.mac_cmd,
            shift: m.shift,
            alt: m.alt,
        }
    }
}

/// A key with exactly these modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    /// The modifiers held.
    pub mods: Mods,
    /// The key (its English-keyboard name).
    pub key: Key,
}

impl Chord {
    /// The key alone.
    pub const fn plain(key: Key) -> Self {
        Self {
            mods: Mods {
                ctrl: false,
                shift: false,
                alt: false,
            },
            key,
        }
    }

    /// Ctrl and the key.
    pub const fn ctrl(key: Key) -> Self {
        Self {
            mods: Mods {
                ctrl: true,
                shift: false,
                alt: false,
            },
            key,
        }
    }

    /// The same chord with Shift held too.
    pub const fn shift(self) -> Self {
        Self {
            mods: Mods {
                shift: true,
                ..self.mods
            },
            key: self.key,
        }
    }

    /// The chord as matched: Shift is ignored on punctuation keys, since some layouts need Shift
    /// to type "+" or "=" at all.
    pub fn normalized(self) -> Self {
        let mods = if is_punctuation(self.key) {
            Mods {
                shift: false,
                ..self.mods
            }
        } else {
            self.mods
        };
        Self {
            mods,
            key: self.key,
        }
    }

    /// True when Ctrl or Alt is part of the chord.
    pub fn has_ctrl_or_alt(self) -> bool {
        self.mods.ctrl || self.mods.alt
    }

    /// As the sheet and the menus show it: "Ctrl+Shift+Left".
    pub fn label(self) -> String {
        let mut out = String::new();
        for (held, name) in [
            (self.mods.ctrl, "Ctrl+"),
            (self.mods.shift, "Shift+"),
            (self.mods.alt, "Alt+"),
        ] {
            if held {
                out.push_str(name);
            }
        }
        out.push_str(key_label(self.key));
        out
    }
}

/// What triggers a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Trigger {
    /// A key press with exactly these modifiers.
    Key(Chord),
    /// A typed character (`Event::Text`): for keys whose place differs between layouts, and for
    /// the Arabic-Indic digits.
    Char(char),
    /// The platform's copy event (egui-winit turns Ctrl+C and Ctrl+Insert into it).
    CopyEvent,
}

impl Trigger {
    /// As the sheet shows it.
    pub fn label(self) -> String {
        match self {
            Trigger::Key(chord) => chord.label(),
            Trigger::Char(c) => c.to_string(),
            Trigger::CopyEvent => "Ctrl+C".to_owned(),
        }
    }
}

/// One row of the table.
#[derive(Debug)]
pub struct CommandSpec {
    /// What the command does, as the menus and the sheet say it.
    pub name: &'static str,
    /// Where the sheet lists it.
    pub group: CommandGroup,
    /// Everything that triggers it; the first is the one the menus show.
    pub triggers: &'static [Trigger],
    /// True when it also works while a text field has keyboard focus (only shortcuts with Ctrl
    /// or Alt that mean nothing to a field, like Ctrl+S).
    pub in_text_field: bool,
    /// The command it emits.
    pub command: Command,
}

impl CommandSpec {
    /// The first trigger's label (for menus), or "" without triggers.
    pub fn shortcut_label(&self) -> String {
        self.triggers.first().map(|t| t.label()).unwrap_or_default()
    }

    /// Every trigger's label, without repeats (for the sheet): "Ctrl+Y, Ctrl+Shift+Z".
    pub fn all_shortcut_labels(&self) -> Vec<String> {
        let mut labels: Vec<String> = Vec::new();
        for label in self.triggers.iter().map(|t| t.label()) {
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        labels
    }
}

/// The row of `command`, if the table has one.
pub fn spec_for(command: &Command) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|spec| &spec.command == command)
}

/// The rows of `group`, in table order.
pub fn specs_in(group: CommandGroup) -> impl Iterator<Item = &'static CommandSpec> {
    COMMANDS.iter().filter(move |spec| spec.group == group)
}

/// True for punctuation keys, whose Shift state depends on the layout.
fn is_punctuation(key: Key) -> bool {
    matches!(
        key,
        Key::Plus
            | Key::Minus
            | Key::Equals
            | Key::Questionmark
            | Key::Slash
            | Key::Backslash
            | Key::Colon
            | Key::Semicolon
            | Key::Comma
            | Key::Period
            | Key::Quote
            | Key::Backtick
            | Key::Pipe
            | Key::Exclamationmark
            | Key::OpenBracket
            | Key::CloseBracket
            | Key::OpenCurlyBracket
            | Key::CloseCurlyBracket
    )
}

/// A key's short name for people ("Left", "Page Up", "0"); arrows are words because the fonts
/// egui draws menus with have no arrow glyphs.
fn key_label(key: Key) -> &'static str {
    match key {
        Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown => key.name(),
        Key::PageUp => "Page Up",
        Key::PageDown => "Page Down",
        Key::Escape => "Esc",
        Key::Minus => "-",
        other => other.symbol_or_name(),
    }
}

const fn key(chord: Chord) -> Trigger {
    Trigger::Key(chord)
}

/// A row of the table (a macro rather than a function: the trigger slices in a static must be
/// borrowed in the struct literal itself to live as long as the static).
macro_rules! row {
    ($name:expr, $group:expr, $triggers:expr, $in_text_field:expr, $command:expr $(,)?) => {
        CommandSpec {
            name: $name,
            group: $group,
            triggers: $triggers,
            in_text_field: $in_text_field,
            command: $command,
        }
    };
}

/// The label key rows: the key, then the Arabic-Indic and Eastern Arabic-Indic digits typed.
macro_rules! label_row {
    ($name:literal, $key:ident, $digit:literal, $arabic:literal, $eastern:literal) => {
        row!(
            $name,
            CommandGroup::Annotate,
            &[
                key(Chord::plain(Key::$key)),
                Trigger::Char($digit),
                Trigger::Char($arabic),
                Trigger::Char($eastern),
            ],
            false,
            Command::AnnotateWithHotkey($digit),
        )
    };
}

/// A caret move (`extend: false`, group Move) or the same move extending the selection.
macro_rules! move_row {
    ($name:literal, $chord:expr, $motion:expr, $extend:literal) => {
        row!(
            $name,
            if $extend {
                CommandGroup::Select
            } else {
                CommandGroup::Move
            },
            &[key(if $extend { $chord.shift() } else { $chord })],
            false,
            Command::MoveCaret {
                motion: $motion,
                extend: $extend,
            },
        )
    };
}

const LEFT: VisualDirection = VisualDirection::Left;
const RIGHT: VisualDirection = VisualDirection::Right;

/// Every command of the window that has a name, a menu place or a key.
#[rustfmt::skip]
pub static COMMANDS: &[CommandSpec] = &[
    row!("Open…", CommandGroup::File, &[key(Chord::ctrl(Key::O))], true, Command::OpenFileDialog),
    row!("Save annotations", CommandGroup::File, &[key(Chord::ctrl(Key::S))], true, Command::Save),
    row!("Save As…", CommandGroup::File, &[key(Chord::ctrl(Key::S).shift())], true,
        Command::SaveAsDialog),
    row!("Export page (PNG, SVG, PDF)…", CommandGroup::File, &[], false, Command::ExportPageDialog),
    row!("Quit", CommandGroup::File, &[key(Chord::ctrl(Key::Q))], true, Command::Quit),
    row!("Undo", CommandGroup::Edit, &[key(Chord::ctrl(Key::Z))], false, Command::Undo),
    row!("Redo", CommandGroup::Edit, &[key(Chord::ctrl(Key::Y)), key(Chord::ctrl(Key::Z).shift())],
        false, Command::Redo),
    row!("Delete annotation", CommandGroup::Edit, &[key(Chord::plain(Key::Delete))], false,
        Command::DeleteSelectedAnnotation),
    row!("Link the selected annotation to…", CommandGroup::Edit, &[key(Chord::plain(Key::L))],
        false, Command::StartLinking),
    row!("Link to the annotation at the caret (after L)", CommandGroup::Edit,
        &[key(Chord::plain(Key::Enter))], false, Command::LinkAtCaret),
    row!("Preferences…", CommandGroup::Edit, &[], false, Command::ShowPreferences),
    row!("Select all", CommandGroup::Edit, &[key(Chord::ctrl(Key::A))], false, Command::SelectAll),
    row!("Copy", CommandGroup::Edit, &[key(Chord::ctrl(Key::C)), Trigger::CopyEvent], false,
        Command::CopySelection),
    row!("Clear the selection", CommandGroup::Edit, &[key(Chord::plain(Key::Escape))], false,
        Command::ClearSelection),
    row!("Zoom in", CommandGroup::View, &[key(Chord::ctrl(Key::Plus)), key(Chord::ctrl(Key::Equals))],
        true, Command::Zoom(ZoomStep::In)),
    row!("Zoom out", CommandGroup::View, &[key(Chord::ctrl(Key::Minus))], true,
        Command::Zoom(ZoomStep::Out)),
    row!("Actual size", CommandGroup::View, &[key(Chord::ctrl(Key::Num0))], true,
        Command::Zoom(ZoomStep::Reset)),
    row!("Show relation arcs", CommandGroup::View, &[], false, Command::ToggleArcs),
    row!("Claims table", CommandGroup::View, &[], false, Command::ToggleClaimsTable),
    row!("Choose font file…", CommandGroup::View, &[], false, Command::ChooseFontDialog),
    row!("Embedded fonts (Noto Naskh Arabic)", CommandGroup::View, &[], false,
        Command::UseEmbeddedFonts),
    row!("Keyboard shortcuts", CommandGroup::Help,
        &[key(Chord::plain(Key::F1)), Trigger::Char('?'), Trigger::Char('؟')], false,
        Command::ToggleShortcutSheet),
    label_row!("Label 1", Num1, '1', '١', '۱'),
    label_row!("Label 2", Num2, '2', '٢', '۲'),
    label_row!("Label 3", Num3, '3', '٣', '۳'),
    label_row!("Label 4", Num4, '4', '٤', '۴'),
    label_row!("Label 5", Num5, '5', '٥', '۵'),
    label_row!("Label 6", Num6, '6', '٦', '۶'),
    label_row!("Label 7", Num7, '7', '٧', '۷'),
    label_row!("Label 8", Num8, '8', '٨', '۸'),
    label_row!("Label 9", Num9, '9', '٩', '۹'),
    move_row!("One letter left", Chord::plain(Key::ArrowLeft), Motion::Grapheme(LEFT), false),
    move_row!("One letter right", Chord::plain(Key::ArrowRight), Motion::Grapheme(RIGHT), false),
    move_row!("One word left", Chord::ctrl(Key::ArrowLeft), Motion::Word(LEFT), false),
    move_row!("One word right", Chord::ctrl(Key::ArrowRight), Motion::Word(RIGHT), false),
    move_row!("Start of the line (right end in Arabic)", Chord::plain(Key::Home), Motion::LineStart, false),
    move_row!("End of the line", Chord::plain(Key::End), Motion::LineEnd, false),
    move_row!("Line up", Chord::plain(Key::ArrowUp), Motion::LineUp, false),
    move_row!("Line down", Chord::plain(Key::ArrowDown), Motion::LineDown, false),
    move_row!("Page up", Chord::plain(Key::PageUp), Motion::PageUp, false),
    move_row!("Page down", Chord::plain(Key::PageDown), Motion::PageDown, false),
    move_row!("Start of the text", Chord::ctrl(Key::Home), Motion::TextStart, false),
    move_row!("End of the text", Chord::ctrl(Key::End), Motion::TextEnd, false),
    move_row!("One letter left", Chord::plain(Key::ArrowLeft), Motion::Grapheme(LEFT), true),
    move_row!("One letter right", Chord::plain(Key::ArrowRight), Motion::Grapheme(RIGHT), true),
    move_row!("One word left", Chord::ctrl(Key::ArrowLeft), Motion::Word(LEFT), true),
    move_row!("One word right", Chord::ctrl(Key::ArrowRight), Motion::Word(RIGHT), true),
    move_row!("To the start of the line", Chord::plain(Key::Home), Motion::LineStart, true),
    move_row!("To the end of the line", Chord::plain(Key::End), Motion::LineEnd, true),
    move_row!("Line up", Chord::plain(Key::ArrowUp), Motion::LineUp, true),
    move_row!("Line down", Chord::plain(Key::ArrowDown), Motion::LineDown, true),
    move_row!("Page up", Chord::plain(Key::PageUp), Motion::PageUp, true),
    move_row!("Page down", Chord::plain(Key::PageDown), Motion::PageDown, true),
    move_row!("To the start of the text", Chord::ctrl(Key::Home), Motion::TextStart, true),
    move_row!("To the end of the text", Chord::ctrl(Key::End), Motion::TextEnd, true),
];

/// Where the generated key table sits in the README.
pub const README_KEYS_START: &str = "<!-- keys: generated from src/ui/command_table.rs -->";
/// Where it ends.
pub const README_KEYS_END: &str = "<!-- end of keys -->";

/// The key table as Markdown, one row per command with keys, by group (for the README). A move's
/// row also gives the Shift key that selects, so the Select group is not repeated.
pub fn markdown_key_table() -> String {
    let mut out = String::from("| group | command | keys |\n| --- | --- | --- |\n");
    for group in CommandGroup::ALL
        .into_iter()
        .filter(|g| *g != CommandGroup::Select)
    {
        for spec in specs_in(group).filter(|s| !s.triggers.is_empty()) {
            let mut keys = spec.all_shortcut_labels().join(", ");
            if let Some(twin) = selecting_twin(spec) {
                keys.push_str(&format!(" (selecting: {})", twin.shortcut_label()));
            }
            out.push_str(&format!("| {} | {} | {keys} |\n", group.title(), spec.name));
        }
    }
    out
}

/// For a caret move, the row that makes the same move extending the selection.
pub fn selecting_twin(spec: &CommandSpec) -> Option<&'static CommandSpec> {
    match spec.command {
        Command::MoveCaret {
            motion,
            extend: false,
        } => spec_for(&Command::MoveCaret {
            motion,
            extend: true,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Every key or character that two rows of `specs` share, as "key: first / second".
    fn shared_triggers(specs: &[CommandSpec]) -> Vec<String> {
        let mut owner: HashMap<Trigger, &str> = HashMap::new();
        let mut shared = Vec::new();
        for spec in specs {
            for trigger in spec.triggers {
                let matched = match *trigger {
                    Trigger::Key(chord) => Trigger::Key(chord.normalized()),
                    other => other,
                };
                if let Some(first) = owner.insert(matched, spec.name) {
                    shared.push(format!("{}: {first} / {}", trigger.label(), spec.name));
                }
            }
        }
        // A typed character must not trigger one command while its key triggers another.
        for spec in specs {
            for trigger in spec.triggers {
                let Trigger::Char(c) = *trigger else { continue };
                let key = Key::from_name(&c.to_string());
                match key.and_then(|k| owner.get(&Trigger::Key(Chord::plain(k)))) {
                    Some(other) if *other != spec.name => {
                        shared.push(format!("{c}: {other} / {}", spec.name));
                    }
                    _ => {}
                }
            }
        }
        shared
    }

    #[test]
    fn no_two_commands_share_a_key_or_a_character() {
        assert_eq!(shared_triggers(COMMANDS), Vec::<String>::new());
    }

    #[test]
    fn the_shared_key_check_catches_duplicates() {
        static SPECS: [CommandSpec; 4] = [
            row!(
                "Zoom in",
                CommandGroup::View,
                &[key(Chord::ctrl(Key::Plus))],
                true,
                Command::Zoom(ZoomStep::In)
            ),
            // Ctrl+Shift++ is matched as Ctrl++.
            row!(
                "Bigger",
                CommandGroup::View,
                &[key(Chord::ctrl(Key::Plus).shift())],
                true,
                Command::Zoom(ZoomStep::In)
            ),
            row!(
                "Label 1",
                CommandGroup::Annotate,
                &[key(Chord::plain(Key::Num1))],
                false,
                Command::AnnotateWithHotkey('1')
            ),
            row!(
                "Other",
                CommandGroup::Annotate,
                &[Trigger::Char('1')],
                false,
                Command::AnnotateWithHotkey('2')
            ),
        ];
        assert_eq!(
            shared_triggers(&SPECS),
            ["Ctrl+Shift++: Zoom in / Bigger", "1: Label 1 / Other"]
        );
    }

    #[test]
    fn only_ctrl_or_alt_shortcuts_work_in_a_text_field() {
        for spec in COMMANDS.iter().filter(|s| s.in_text_field) {
            for trigger in spec.triggers {
                assert!(
                    matches!(trigger, Trigger::Key(c) if c.has_ctrl_or_alt()),
                    "{}: {} would type into a field",
                    spec.name,
                    trigger.label()
                );
            }
        }
        // The field's own editing keys stay the field's.
        for command in [
            Command::Undo,
            Command::Redo,
            Command::CopySelection,
            Command::SelectAll,
        ] {
            assert!(!spec_for(&command).unwrap().in_text_field, "{command:?}");
        }
    }

    #[test]
    fn every_move_has_a_shift_variant_that_extends() {
        for spec in specs_in(CommandGroup::Move) {
            let Command::MoveCaret { motion, .. } = spec.command else {
                panic!("{} is not a move", spec.name);
            };
            let extend = spec_for(&Command::MoveCaret {
                motion,
                extend: true,
            })
            .unwrap();
            let (Trigger::Key(plain), Trigger::Key(shifted)) =
                (spec.triggers[0], extend.triggers[0])
            else {
                panic!("moves are keys");
            };
            assert_eq!(plain.shift(), shifted);
        }
    }

    #[test]
    fn labels_read_as_people_write_them() {
        let redo = spec_for(&Command::Redo).unwrap();
        assert_eq!(redo.all_shortcut_labels(), ["Ctrl+Y", "Ctrl+Shift+Z"]);
        let label = spec_for(&Command::AnnotateWithHotkey('1')).unwrap();
        assert_eq!(label.all_shortcut_labels(), ["1", "١", "۱"]);
        let word = spec_for(&Command::MoveCaret {
            motion: Motion::Word(VisualDirection::Left),
            extend: true,
        })
        .unwrap();
        assert_eq!(word.shortcut_label(), "Ctrl+Shift+Left");
    }

    #[test]
    fn the_readme_key_table_is_the_command_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (Some(start), Some(end)) =
            (readme.find(README_KEYS_START), readme.find(README_KEYS_END))
        else {
            panic!("README.md lacks the markers {README_KEYS_START} … {README_KEYS_END}");
        };
        let body = start + README_KEYS_START.len();
        let expected = format!("\n\n{}\n", markdown_key_table());
        if readme[body..end] != expected {
            if std::env::var_os("HAMISH_UPDATE_README").is_some() {
                let updated = format!("{}{expected}{}", &readme[..body], &readme[end..]);
                std::fs::write(path, updated).unwrap();
            } else {
                panic!(
                    "README.md's key table is out of date; run with HAMISH_UPDATE_README=1 to \
                     rewrite it:\n{expected}"
                );
            }
        }
    }
}
