//! CoNLL IOB2 for named-entity training: one `token TAG` line per token (two columns separated by
//! a space), a blank line between sentences, and before each document the CoNLL-2003 separator
//! `-DOCSTART- -X- O O` and a blank line (the one spaCy's `convert` and CoNLL-2003 readers split
//! documents at). Tokens come from [`super::tokenize`]. Spans that
//! do not start and end on token boundaries, discontinuous spans and spans overlapping an earlier
//! one are not moved: they are left out and reported. Import rebuilds the text from the tokens
//! (tokens joined by one space, sentences by a line break).

use super::loss::{LossKind, LossReport};
use super::tokenize::{sentences, Token};
use super::uncarried::{report_uncarried, Carries};
use super::AnnotatedText;
use crate::model::annotation::{Annotation, AnnotationId, Timestamp};
use crate::model::quote::TextIndex;
use crate::model::set::AnnotationSet;
use crate::offset::{CharOffset, CharRange};
use std::path::Path;

/// The line that starts each document (CoNLL-2003's form, with its four columns).
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// The CoNLL text of one document (starting with [`DOCSTART`] and a blank line).
pub fn export(doc: &AnnotatedText, report: &mut LossReport) -> String {
    let sents = sentences(&doc.text);
    let tokens: Vec<&Token> = sents.iter().flatten().collect();
    // The sentence of each token: IOB2 tags do not run on across a sentence break.
    let sentence_of: Vec<usize> = sents
        .iter()
        .enumerate()
        .flat_map(|(k, s)| std::iter::repeat_n(k, s.len()))
        .collect();
    // Outermost first: by start, then longest, then id.
    let mut spans: Vec<&Annotation> = doc.set.annotations().collect();
    spans.sort_by_key(|a| {
        (
            a.first_start(),
            std::cmp::Reverse(a.ranges.iter().map(|r| r.end).max()),
            a.id,
        )
    });
    let mut tags: Vec<Option<(bool, &str)>> = vec![None; tokens.len()];
    for a in spans {
        let what = format!("{} ({})", a.id, a.label);
        let [range] = a.ranges.as_slice() else {
            report.add_kind(
                LossKind::DiscontinuousSpans,
                &doc.name,
                None,
                what,
                "discontinuous spans have no IOB2 form",
            );
            continue;
        };
        let first = token_at(&tokens, range.start, |t| t.range.start);
        let last = token_at(&tokens, range.end, |t| t.range.end);
        let (Some(first), Some(last)) = (first, last) else {
            report.add_kind(
                LossKind::UnalignedSpans,
                &doc.name,
                None,
                what,
                format!(
                    "{}..{} does not fall on token boundaries",
                    range.start.0, range.end.0
                ),
            );
            continue;
        };
        if last < first || a.label.contains(char::is_whitespace) {
            report.add(&doc.name, None, what, "empty span or a label with spaces");
            continue;
        }
        if sentence_of[first] != sentence_of[last] {
            report.add_kind(
                LossKind::UnalignedSpans,
                &doc.name,
                None,
                what,
                "crosses a sentence break; IOB2 tags cannot run on into the next sentence",
            );
            continue;
        }
        if tags[first..=last].iter().any(Option::is_some) {
            report.add_kind(
                LossKind::OverlappingSpans,
                &doc.name,
                None,
                what,
                "overlaps an earlier span; the outermost/first is kept",
            );
            continue;
        }
        for (k, tag) in tags[first..=last].iter_mut().enumerate() {
            *tag = Some((k == 0, a.label.as_str()));
        }
    }
    let all: Vec<&Annotation> = doc.set.annotations().collect();
    report_uncarried(doc, &all, "CoNLL IOB2", Carries::NOTHING, report);
    let mut out = format!("{DOCSTART}\n\n");
    let mut k = 0;
    for sentence in &sents {
        for token in sentence {
            let tag = match tags[k] {
                None => "O".to_owned(),
                Some((true, l)) => format!("B-{l}"),
                Some((false, l)) => format!("I-{l}"),
            };
            out.push_str(&token.text);
            out.push(' ');
            out.push_str(&tag);
            out.push('\n');
            k += 1;
        }
        out.push('\n');
    }
    out
}

/// Index of the token whose `key` is `at`; keys grow along the tokens (they are in text order and
/// do not overlap), so a binary search finds it (a scan per span was quadratic).
fn token_at(
    tokens: &[&Token],
    at: CharOffset,
    key: impl Fn(&Token) -> CharOffset,
) -> Option<usize> {
    let i = tokens.partition_point(|t| key(t) < at);
    (i < tokens.len() && key(tokens[i]) == at).then_some(i)
}

/// One document read back from CoNLL: its rebuilt text and spans.
#[derive(Debug, Clone, PartialEq)]
pub struct ConllDoc {
    /// Tokens joined by spaces, sentences by line breaks.
    pub text: String,
    /// One annotation per B/I run, ids from 1 in text order.
    pub set: AnnotationSet,
}

/// Reads a CoNLL file: documents split at `-DOCSTART-` lines (a file without them is one
/// document); the token is the first column, the tag the last. An `I-` tag without a `B-` before
/// it starts a span (and is reported); unknown tags are reported and read as `O`.
pub fn import(conll: &str, path: &Path, now: Timestamp, report: &mut LossReport) -> Vec<ConllDoc> {
    let mut docs = Vec::new();
    let mut current: Option<Builder> = None;
    for (i, line) in conll.lines().enumerate() {
        let n = i + 1;
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first() == Some(&"-DOCSTART-") {
            if let Some(b) = current.take() {
                docs.push(b.finish(now));
            }
            current = Some(Builder::default());
            continue;
        }
        let b = current.get_or_insert_with(Builder::default);
        match cols.as_slice() {
            [] => b.end_sentence(),
            [token] => {
                report.add(
                    path,
                    Some(n),
                    format!("token `{token}`"),
                    "no tag column; read as O",
                );
                b.token(token, "O");
            }
            [token, .., tag] => {
                let typed = |p: &str| tag.strip_prefix(p).is_some_and(|t| !t.trim().is_empty());
                let tag = if *tag == "O" || typed("B-") || typed("I-") {
                    *tag
                } else if *tag == "B-" || *tag == "I-" {
                    report.add(
                        path,
                        Some(n),
                        format!("tag `{tag}`"),
                        "the tag has no entity type (the label is empty); read as O",
                    );
                    "O"
                } else {
                    report.add(
                        path,
                        Some(n),
                        format!("tag `{tag}`"),
                        "not an IOB2 tag; read as O",
                    );
                    "O"
                };
                if tag.starts_with("I-") && b.open_label() != Some(&tag[2..]) {
                    report.add(
                        path,
                        Some(n),
                        format!("tag `{tag}`"),
                        "I- without a B- before it; starts a new span",
                    );
                }
                b.token(token, tag);
            }
        }
    }
    if let Some(b) = current {
        if !b.text.is_empty() {
            docs.push(b.finish(now));
        }
    }
    docs
}

#[derive(Default)]
struct Builder {
    text: String,
    chars: usize,
    at_line_start: bool,
    open: Option<(String, usize, usize)>,
    spans: Vec<(String, usize, usize)>,
}

impl Builder {
    fn open_label(&self) -> Option<&str> {
        self.open.as_ref().map(|(l, _, _)| l.as_str())
    }

    fn close(&mut self) {
        if let Some(span) = self.open.take() {
            self.spans.push(span);
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        if !self.text.is_empty() && !self.at_line_start {
            self.text.push('\n');
            self.chars += 1;
            self.at_line_start = true;
        }
    }

    fn token(&mut self, token: &str, tag: &str) {
        if !self.text.is_empty() && !self.at_line_start {
            self.text.push(' ');
            self.chars += 1;
        }
        self.at_line_start = false;
        let start = self.chars;
        self.text.push_str(token);
        self.chars += token.chars().count();
        let continues = tag.starts_with("I-") && self.open_label() == Some(&tag[2..]);
        if continues {
            if let Some(open) = self.open.as_mut() {
                open.2 = self.chars;
            }
        } else {
            self.close();
            if let Some(label) = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) {
                self.open = Some((label.to_owned(), start, self.chars));
            }
        }
    }

    fn finish(mut self, now: Timestamp) -> ConllDoc {
        self.close();
        if self.text.ends_with('\n') {
            self.text.pop();
        }
        let mut set = AnnotationSet::new();
        let index = TextIndex::new(&self.text);
        for (k, (label, s, e)) in self.spans.into_iter().enumerate() {
            let id = AnnotationId(k as u64 + 1);
            set.insert_annotation(Annotation::new_in(
                id,
                label,
                vec![CharRange::from_indices(s, e)],
                &index,
                now,
            ));
        }
        ConllDoc {
            text: self.text,
            set,
        }
    }
}
