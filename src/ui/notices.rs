//! Messages shown above the text until dismissed (file problems, re-anchoring results, save
//! conflicts), and the recovery offer with its three answers. Panels emit commands; nothing here
//! changes the document. Message text is drawn with [`ArabicLabel`] (file names may be Arabic).

use super::commands::Command;
use super::error_text::isolated;
use super::i18n::{tr, tr_args};
use super::rtl_widgets as rtl;
use super::widgets::ArabicLabel;
use std::time::SystemTime;

/// How serious a message is (its colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something was not done (not opened, not saved).
    Error,
    /// Done, but the user should look (re-anchored, replaced bytes, conflict copy).
    Warning,
    /// Done as asked.
    Info,
}

/// One message for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// How serious it is.
    pub severity: Severity,
    /// What happened and what to do.
    pub text: String,
    /// An extra button (label, command), e.g. "Overwrite anyway" after a conflict.
    pub action: Option<(String, Command)>,
}

impl Notice {
    /// An error message.
    pub fn error(text: impl Into<String>) -> Self {
        Self::new(Severity::Error, text)
    }

    /// A warning.
    pub fn warning(text: impl Into<String>) -> Self {
        Self::new(Severity::Warning, text)
    }

    /// An information message.
    pub fn info(text: impl Into<String>) -> Self {
        Self::new(Severity::Info, text)
    }

    fn new(severity: Severity, text: impl Into<String>) -> Self {
        Self {
            severity,
            text: text.into(),
            action: None,
        }
    }

    /// The same message with an extra button.
    pub fn with_action(mut self, label: impl Into<String>, command: Command) -> Self {
        self.action = Some((label.into(), command));
        self
    }
}

/// Shows the messages, each with a Dismiss button; returns the commands clicked.
pub fn notices_ui(ui: &mut egui::Ui, notices: &[Notice]) -> Vec<Command> {
    let mut commands = Vec::new();
    for (index, notice) in notices.iter().enumerate() {
        let colour = match notice.severity {
            Severity::Error => ui.visuals().error_fg_color,
            Severity::Warning => ui.visuals().warn_fg_color,
            Severity::Info => ui.visuals().text_color(),
        };
        ui.add(ArabicLabel::new(&notice.text).wrap().color(colour));
        ui.horizontal(|ui| {
            if let Some((label, command)) = &notice.action {
                if rtl::button(ui, &tr(label)).clicked() {
                    commands.push(command.clone());
                    commands.push(Command::DismissNotice(index));
                }
            }
            if rtl::button(ui, &tr("Dismiss")).clicked() {
                commands.push(Command::DismissNotice(index));
            }
        });
        ui.separator();
    }
    commands
}

/// Shows the offer to restore unsaved annotations found after a crash; returns the answer.
pub fn recovery_offer_ui(
    ui: &mut egui::Ui,
    file: &std::path::Path,
    written: Option<SystemTime>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let age = written.and_then(|t| t.elapsed().ok()).map(|d| d.as_secs());
    let message = recovery_message(file, age);
    let warn = ui.visuals().warn_fg_color;
    ui.add(ArabicLabel::new(message).wrap().color(warn));
    ui.horizontal(|ui| {
        if rtl::button(ui, &tr("Restore")).clicked() {
            commands.push(Command::RestoreRecovery);
        }
        if rtl::button(ui, &tr("Discard")).clicked() {
            commands.push(Command::DiscardRecovery);
        }
        if rtl::button(ui, &tr("Decide later")).clicked() {
            commands.push(Command::PostponeRecovery);
        }
    });
    ui.separator();
    commands
}

/// The recovery offer's sentence in the interface language: the recovery file (isolated, so an
/// Arabic or Latin path keeps its order inside the sentence) and, when known, how long ago it was
/// written.
fn recovery_message(file: &std::path::Path, age_secs: Option<u64>) -> String {
    let file = isolated(file.display());
    match age_secs {
        Some(secs) => tr_args(
            "recovery-offer-aged",
            &[("file", file), ("age", human_duration(secs).into())],
        ),
        None => tr_args("recovery-offer", &[("file", file)]),
    }
}

/// "42 s", "5 min", "3 h", "2 days" (in Arabic with the number's plural form).
fn human_duration(secs: u64) -> String {
    let (id, n) = match secs {
        0..60 => ("duration-seconds", secs),
        60..3600 => ("duration-minutes", secs / 60),
        3600..86400 => ("duration-hours", secs / 3600),
        _ => ("duration-days", secs / 86400),
    };
    tr_args(id, &[("n", (n as i64).into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(42), "42 s");
        assert_eq!(human_duration(300), "5 min");
        assert_eq!(human_duration(3 * 3600 + 5), "3 h");
        assert_eq!(human_duration(2 * 86400), "2 days");
    }

    #[test]
    fn the_recovery_offer_reads_in_arabic_with_the_file_and_the_age() {
        use crate::ui::i18n::set_language;
        use crate::workspace::preferences::Language;
        let file = std::path::Path::new("/tmp/مقالات/خبر.txt.ann.ron.recovery");
        let english = recovery_message(file, Some(300));
        assert!(english.starts_with(
            "Unsaved annotations were found from a session that did not close (5 min ago): "
        ));
        set_language(Language::Arabic);
        let aged = recovery_message(file, Some(300));
        let plain = recovery_message(file, None);
        let days = [1, 2, 5, 11].map(|d| human_duration(d * 86400));
        set_language(Language::English);
        for text in [&aged, &plain] {
            assert!(
                text.contains("/tmp/مقالات/خبر.txt.ann.ron.recovery"),
                "{text}"
            );
            assert!(text.contains("استرجعها"), "{text}");
            let rest = text.replace("/tmp/مقالات/خبر.txt.ann.ron.recovery", "");
            assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
        }
        assert!(aged.contains("5 دقائق"), "{aged}");
        assert_eq!(
            days,
            ["يوم واحد", "يومين", "5 أيام", "11 يومًا"].map(String::from)
        );
    }
}
