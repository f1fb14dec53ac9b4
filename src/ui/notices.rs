//! Messages shown above the text until dismissed (file problems, re-anchoring results, save
//! conflicts), and the recovery offer with its three answers. Panels emit commands; nothing here
//! changes the document. Message text is drawn with [`ArabicLabel`] (file names may be Arabic).

use super::commands::Command;
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
                if ui.button(label).clicked() {
                    commands.push(command.clone());
                    commands.push(Command::DismissNotice(index));
                }
            }
            if ui.button("Dismiss").clicked() {
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
    let age = written
        .and_then(|t| t.elapsed().ok())
        .map(|d| format!(" ({} ago)", human_duration(d.as_secs())))
        .unwrap_or_default();
    let message = format!(
        "Unsaved annotations were found from a session that did not close{age}: {}. Restore \
         them, discard them, or decide later (they are offered again on the next open; autosave \
         waits until you decide).",
        file.display()
    );
    let warn = ui.visuals().warn_fg_color;
    ui.add(ArabicLabel::new(message).wrap().color(warn));
    ui.horizontal(|ui| {
        if ui.button("Restore").clicked() {
            commands.push(Command::RestoreRecovery);
        }
        if ui.button("Discard").clicked() {
            commands.push(Command::DiscardRecovery);
        }
        if ui.button("Decide later").clicked() {
            commands.push(Command::PostponeRecovery);
        }
    });
    ui.separator();
    commands
}

/// "42 s", "5 min", "3 h", "2 days".
fn human_duration(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min", secs / 60),
        3600..86400 => format!("{} h", secs / 3600),
        _ => format!("{} days", secs / 86400),
    }
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
}
