//! The claims table: each claim with its sources, cues, verdict, check-worthiness and note —
//! the rows of the claims CSV (`store::formats::csv_claims`) — in a window, sortable by any column
//! (click its heading), a click on a claim selecting it in the text. Cells that may be Arabic are
//! drawn with [`ArabicLabel`].

use super::commands::Command;
use super::i18n::tr;
use super::rtl_widgets as rtl;
use super::widgets::ArabicLabel;
use crate::model::annotation::AnnotationId;

/// The columns shown (indices into a claims CSV row) and their headings (in English, shown
/// through `tr`).
pub(crate) const COLUMNS: [(usize, &str, f32); 7] = [
    (2, "Claim", 220.0),
    (3, "Sources", 130.0),
    (4, "Cues", 80.0),
    (5, "Verdict", 80.0),
    (6, "Check-worthy", 80.0),
    (7, "Note", 160.0),
    (8, "Start", 50.0),
];

/// Which column the table is sorted by, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClaimsSort {
    /// Index into the CSV row (8: the start offset, text order).
    pub column: usize,
    /// Descending instead of ascending.
    pub descending: bool,
}

/// One claim: its id and its CSV cells.
pub type ClaimRow = (AnnotationId, [String; 10]);

/// `rows` sorted as `sort` says (numbers compared as numbers).
pub fn sorted(mut rows: Vec<ClaimRow>, sort: ClaimsSort) -> Vec<ClaimRow> {
    let column = if sort.column == 0 { 8 } else { sort.column };
    rows.sort_by(|a, b| {
        let (x, y) = (&a.1[column], &b.1[column]);
        let order = match (x.parse::<usize>(), y.parse::<usize>()) {
            (Ok(m), Ok(n)) => m.cmp(&n),
            _ => x.cmp(y),
        };
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
    rows
}

/// Shows the table window while `open`; returns the claims clicked.
pub fn claims_table_ui(
    ctx: &egui::Context,
    open: &mut bool,
    rows: Vec<ClaimRow>,
    sort: &mut ClaimsSort,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Window::new(rtl::window_title(&tr("Claims")))
        .open(open)
        .default_size([760.0, 300.0])
        .show(ctx, |ui| {
            if rows.is_empty() {
                let none = tr("No claims yet: select a claim in the text and press its key.");
                ui.add(ArabicLabel::interface(none));
                return;
            }
            egui::ScrollArea::both().show(ui, |ui| {
                egui::Grid::new("claims-grid").striped(true).show(ui, |ui| {
                    for (column, heading, _) in COLUMNS {
                        let mark = match (sort.column == column, sort.descending) {
                            (true, false) => " ▲",
                            (true, true) => " ▼",
                            _ => "",
                        };
                        let text = format!("{}{mark}", tr(heading));
                        if rtl::button(ui, &text).clicked() {
                            *sort = ClaimsSort {
                                column,
                                descending: sort.column == column && !sort.descending,
                            };
                        }
                    }
                    ui.end_row();
                    for (id, cells) in sorted(rows, *sort) {
                        for (column, _, width) in COLUMNS {
                            ui.scope(|ui| {
                                ui.set_max_width(width);
                                let label = ArabicLabel::new(cells[column].clone())
                                    .elide()
                                    .sense(egui::Sense::click());
                                if ui.add(label).clicked() {
                                    commands.push(Command::SelectAnnotation(id));
                                }
                            });
                        }
                        ui.end_row();
                    }
                });
            });
        });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u64, claim: &str, verdict: &str, start: usize) -> ClaimRow {
        let mut cells: [String; 10] = Default::default();
        cells[2] = claim.into();
        cells[5] = verdict.into();
        cells[8] = start.to_string();
        (AnnotationId(id), cells)
    }

    #[test]
    fn sorting_by_a_column_and_back_and_offsets_as_numbers() {
        let rows = vec![
            row(1, "ب", "true", 100),
            row(2, "أ", "false", 20),
            row(3, "ج", "", 3),
        ];
        let ids = |rows: Vec<ClaimRow>| rows.iter().map(|r| r.0 .0).collect::<Vec<_>>();
        assert_eq!(
            ids(sorted(rows.clone(), ClaimsSort::default())),
            vec![3, 2, 1]
        );
        let by_verdict = ClaimsSort {
            column: 5,
            descending: false,
        };
        assert_eq!(ids(sorted(rows.clone(), by_verdict)), vec![3, 2, 1]);
        let down = ClaimsSort {
            column: 8,
            descending: true,
        };
        assert_eq!(ids(sorted(rows, down)), vec![1, 2, 3]);
    }
}
