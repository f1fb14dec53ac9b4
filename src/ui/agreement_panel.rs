//! The agreement window of the open text (File > Agreement of This Text…): span F1 exact and
//! overlap, κ, α and αU for every pair of annotators and for all together, overall and per label,
//! as `hamish agree` computes them. Figures are read from the files on disk.

use super::i18n::{tr, tr_args};
use super::rtl_widgets as rtl;
use super::widgets::ArabicLabel;
use crate::agree::{AgreementReport, Scores};

/// The figures in the order the columns show them, "–" when undefined.
fn cells(scores: &Scores) -> [String; 5] {
    [
        scores.f1_exact,
        scores.f1_overlap,
        scores.kappa,
        scores.alpha,
        scores.alpha_u,
    ]
    .map(|x| x.map_or("–".into(), |v| format!("{v:.3}")))
}

/// Shows the window while `report` is `Some`; closing it sets `report` to `None`.
pub fn agreement_window_ui(ctx: &egui::Context, report: &mut Option<AgreementReport>) {
    let Some(shown) = report.as_ref() else {
        return;
    };
    let mut open = true;
    egui::Window::new(rtl::window_title(&tr("Agreement between annotators")))
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| agreement_ui(ui, shown));
    if !open {
        *report = None;
    }
}

fn agreement_ui(ui: &mut egui::Ui, report: &AgreementReport) {
    let names = report.annotators.join(", ");
    ui.add(
        ArabicLabel::interface(tr_args("agreement-annotators", &[("names", names.into())])).wrap(),
    );
    egui::Grid::new("agreement-figures")
        .striped(true)
        .show(ui, |ui| {
            for heading in [tr("pair"), tr("label")] {
                ui.add(ArabicLabel::interface(heading).strong());
            }
            for heading in ["F1 exact", "F1 overlap", "κ", "α", "αU"] {
                ui.strong(heading);
            }
            ui.end_row();
            for pair in &report.pairs {
                let who = format!("{} – {}", pair.a, pair.b);
                row_ui(ui, &who, &tr("all labels"), &pair.overall);
                for (label, scores) in &pair.labels {
                    row_ui(ui, "", label, scores);
                }
            }
            if let Some(all) = &report.all {
                row_ui(ui, &tr("everyone"), &tr("all labels"), &all.overall);
            }
        });
}

fn row_ui(ui: &mut egui::Ui, who: &str, label: &str, scores: &Scores) {
    ui.add(ArabicLabel::interface(who));
    // Label ids are the schema's; they may be Arabic in a user's schema.
    ui.add(ArabicLabel::new(label));
    for cell in cells(scores) {
        ui.label(cell);
    }
    ui.end_row();
}
