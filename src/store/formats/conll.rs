//! CoNLL IOB2 for named-entity training: one `token TAG` line per token (two columns separated by
//! a space), a blank line between sentences, and before each document the CoNLL-2003 separator
//! `-DOCSTART- -X- O O` and a blank line (the one spaCy's `convert` and CoNLL-2003 readers split
//! documents at). Tokens come from [`super::tokenize`], cut where a span begins or ends inside a
//! word, so a span after a proclitic is tagged (و O, جبهة B-ORG, النصرة I-ORG), and with
//! [`ConllOptions::split_clitics`] also before the article everywhere. Spans whose edge falls
//! between a letter and its harakat, discontinuous spans, spans across a sentence break and spans
//! overlapping an earlier one are not moved: they are left out and reported. Import rebuilds the text from the tokens
//! (tokens joined by one space, sentences by a line break).

use super::loss::{LossKind, LossReport};
use super::tokenize::{is_grapheme_boundary, sentences, split_at, split_proclitics, Token};
use super::uncarried::{report_uncarried, Carries};
use super::AnnotatedText;
use crate::model::annotation::{Annotation, AnnotationId, Timestamp};
use crate::model::quote::TextIndex;
use crate::model::set::AnnotationSet;
use crate::offset::{CharOffset, CharRange};
use std::collections::BTreeSet;
use std::path::Path;

/// The line that starts each document (CoNLL-2003's form, with its four columns).
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// How the CoNLL export tokenizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConllOptions {
    /// Also cut the one-letter proclitics (و ف ب ك ل) off every word that has the article after
    /// them (والقاعدة → و + القاعدة), not only where a span begins.
    pub split_clitics: bool,
}

/// The CoNLL text of one document (starting with [`DOCSTART`] and a blank line).
pub fn export(doc: &AnnotatedText, report: &mut LossReport) -> String {
    export_with(doc, ConllOptions::default(), report)
}

/// The CoNLL text of one document tokenized as `options` say.
pub fn export_with(doc: &AnnotatedText, options: ConllOptions, report: &mut LossReport) -> String {
    let words: Vec<Vec<Token>> = sentences(&doc.text)
        .into_iter()
        .map(|s| {
            if options.split_clitics {
                split_proclitics(s)
            } else {
                s
            }
        })
        .collect();
    let tagged = spans_to_tag(doc, &words, report);
    // Words are cut at the edges of the spans that are tagged, and only there.
    let edges: BTreeSet<usize> = tagged
        .iter()
        .flat_map(|(r, _)| [r.start.0, r.end.0])
        .collect();
    let sents: Vec<Vec<Token>> = words.into_iter().map(|s| split_at(s, &edges)).collect();
    let tokens: Vec<&Token> = sents.iter().flatten().collect();
    let mut tags: Vec<Option<(bool, &str)>> = vec![None; tokens.len()];
    for (range, label) in tagged {
        let first = token_at(&tokens, range.start, |t| t.range.start);
        let last = token_at(&tokens, range.end, |t| t.range.end);
        // Both exist: the words were cut at exactly these edges.
        if let (Some(first), Some(last)) = (first, last) {
            for (k, tag) in tags[first..=last].iter_mut().enumerate() {
                *tag = Some((k == 0, label));
            }
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

/// The spans that get tags, outermost first (by start, then longest, then id), each with its
/// label; every other span is reported: discontinuous, empty or with a spaced label, an edge that
/// is neither a word's edge nor a cut between two letters of a word, across a sentence break, or
/// overlapping one taken before.
fn spans_to_tag<'a>(
    doc: &'a AnnotatedText,
    words: &[Vec<Token>],
    report: &mut LossReport,
) -> Vec<(CharRange, &'a str)> {
    let tokens: Vec<&Token> = words.iter().flatten().collect();
    // The sentence of each token: IOB2 tags do not run on across a sentence break.
    let sentence_of: Vec<usize> = words
        .iter()
        .enumerate()
        .flat_map(|(k, s)| std::iter::repeat_n(k, s.len()))
        .collect();
    let mut spans: Vec<&Annotation> = doc.set.annotations().collect();
    spans.sort_by_key(|a| {
        (
            a.first_start(),
            std::cmp::Reverse(a.ranges.iter().map(|r| r.end).max()),
            a.id,
        )
    });
    let mut taken: Vec<(CharRange, &str)> = Vec::new();
    // Spans come by start, so one overlaps a span taken before exactly when it starts before the
    // furthest end taken so far (a scan of those taken was quadratic).
    let mut furthest = 0;
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
        if range.is_empty() || a.label.is_empty() || a.label.contains(char::is_whitespace) {
            report.add(&doc.name, None, what, "empty span or a label with spaces");
            continue;
        }
        let first = word_at_edge(&tokens, range.start.0, Edge::Start);
        let last = word_at_edge(&tokens, range.end.0, Edge::End);
        let (kind, why) = match (first, last) {
            (Some(first), Some(last)) if sentence_of[first] == sentence_of[last] => {
                if range.start.0 >= furthest {
                    taken.push((*range, a.label.as_str()));
                    furthest = range.end.0;
                    continue;
                }
                let why = "overlaps an earlier span; the outermost/first is kept";
                (LossKind::OverlappingSpans, why.to_owned())
            }
            (Some(_), Some(_)) => (
                LossKind::UnalignedSpans,
                "crosses a sentence break; IOB2 tags cannot run on into the next sentence"
                    .to_owned(),
            ),
            _ => (
                LossKind::UnalignedSpans,
                format!(
                    "{}..{} does not fall on token boundaries",
                    range.start.0, range.end.0
                ),
            ),
        };
        report.add_kind(kind, &doc.name, None, what, why);
    }
    taken
}

/// Which end of a span an edge is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// The index of the word a span's edge at char `at` falls in or on: a word starting (`Start`)
/// or ending (`End`) there, or a word it cuts between two grapheme clusters. `None` when the edge
/// is in white space or between a letter and its harakat.
fn word_at_edge(tokens: &[&Token], at: usize, edge: Edge) -> Option<usize> {
    // The first word ending after `at` (Start) or at/after `at` (End).
    let k = tokens.partition_point(|t| match edge {
        Edge::Start => t.range.end.0 <= at,
        Edge::End => t.range.end.0 < at,
    });
    let token = tokens.get(k)?;
    let (start, end) = (token.range.start.0, token.range.end.0);
    let on_edge = match edge {
        Edge::Start => at == start,
        Edge::End => at == end,
    };
    let inside = start < at && at < end && is_grapheme_boundary(&token.text, at - start);
    (on_edge || inside).then_some(k)
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
