//! An agreement study: several documents, each with the annotation sets of two or more
//! annotators, measured per pair and for all annotators together, per document and over all
//! documents. Offsets are chars into each document's decoded text.

use super::report::{AgreementReport, AllReport, DocumentReport, PairReport};
use super::spans::{spans_of, LabelIndex, MAX_LABELS};
use super::tally::{GroupTally, PairTally, Version};
use crate::model::set::AnnotationSet;
use std::collections::{BTreeMap, BTreeSet};

/// One document as several annotators annotated it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentVersions {
    /// The document's name in reports (its path).
    pub name: String,
    /// The decoded text all versions annotate.
    pub text: String,
    /// Each annotator's annotations, by annotator name.
    pub versions: BTreeMap<String, AnnotationSet>,
}

/// Why a study cannot be measured.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AgreeError {
    /// Too many labels to tell apart per char.
    #[error("the annotations use {count} different labels, but agreement tells at most {MAX_LABELS} apart; compare fewer documents at once")]
    TooManyLabels {
        /// How many labels there are.
        count: usize,
    },
    /// Fewer than two annotators.
    #[error("agreement needs two or more annotators, but {count} were given; name at least two")]
    TooFewAnnotators {
        /// How many were given.
        count: usize,
    },
}

/// Measures agreement among `annotators` (pairs in their order) over `documents`. Documents
/// with fewer than two of them are left out; the whole-study "all annotators" figures use the
/// documents every one of them annotated.
pub fn measure(
    documents: &[DocumentVersions],
    annotators: &[String],
) -> Result<AgreementReport, AgreeError> {
    if annotators.len() < 2 {
        return Err(AgreeError::TooFewAnnotators {
            count: annotators.len(),
        });
    }
    let index = label_index(documents, annotators)?;
    let labels = index.labels().len();
    let pair_ids: Vec<(usize, usize)> = (0..annotators.len())
        .flat_map(|i| (i + 1..annotators.len()).map(move |j| (i, j)))
        .collect();
    let mut pairs: Vec<PairTally> = pair_ids.iter().map(|_| PairTally::empty(labels)).collect();
    let mut group = GroupTally::empty(annotators.len(), labels);
    let mut reports = Vec::new();
    for doc in documents {
        let text_len = doc.text.chars().count();
        let versions: Vec<Option<Version>> = annotators
            .iter()
            .map(|name| {
                doc.versions.get(name).map(|set| {
                    let spans = spans_of(set, text_len);
                    let cover = index.coverage(spans.iter().map(|(_, s)| s), text_len);
                    Version { set, spans, cover }
                })
            })
            .collect();
        let present: Vec<usize> = (0..annotators.len())
            .filter(|&i| versions[i].is_some())
            .collect();
        if present.len() < 2 {
            continue;
        }
        let mut doc_pairs = Vec::new();
        for (k, &(i, j)) in pair_ids.iter().enumerate() {
            if let (Some(a), Some(b)) = (&versions[i], &versions[j]) {
                let tally = PairTally::of_document(&doc.text, a, b, &index);
                pairs[k].merge(&tally);
                doc_pairs.push(pair_report(annotators, (i, j), &tally, &index));
            }
        }
        let here: Vec<&Version> = versions.iter().flatten().collect();
        let doc_group = GroupTally::of_document(&doc.text, &here, &index);
        let names: Vec<String> = present.iter().map(|&i| annotators[i].clone()).collect();
        if present.len() == annotators.len() {
            group.merge(&doc_group);
        }
        reports.push(DocumentReport {
            path: doc.name.clone(),
            annotators: names.clone(),
            pairs: doc_pairs,
            all: Some(all_report(names, &doc_group, &index)),
        });
    }
    Ok(AgreementReport {
        annotators: annotators.to_vec(),
        pairs: pair_ids
            .iter()
            .zip(&pairs)
            .filter(|(_, t)| t.documents() > 0)
            .map(|(&ids, t)| pair_report(annotators, ids, t, &index))
            .collect(),
        all: (group.documents() > 0).then(|| all_report(annotators.to_vec(), &group, &index)),
        documents: reports,
    })
}

/// Every label any of `annotators` used in `documents`.
fn label_index(
    documents: &[DocumentVersions],
    annotators: &[String],
) -> Result<LabelIndex, AgreeError> {
    let labels: BTreeSet<String> = documents
        .iter()
        .flat_map(|d| {
            annotators
                .iter()
                .filter_map(|n| d.versions.get(n))
                .flat_map(|s| s.annotations().map(|a| a.label.clone()))
        })
        .collect();
    let count = labels.len();
    LabelIndex::new(labels).ok_or(AgreeError::TooManyLabels { count })
}

fn pair_report(
    annotators: &[String],
    (i, j): (usize, usize),
    tally: &PairTally,
    index: &LabelIndex,
) -> PairReport {
    let (overall, labels) = tally.scores(index);
    PairReport {
        a: annotators[i].clone(),
        b: annotators[j].clone(),
        documents: tally.documents(),
        overall,
        labels,
        relations: tally.relation_scores(),
        attributes: tally.attributes().scores(),
    }
}

fn all_report(annotators: Vec<String>, tally: &GroupTally, index: &LabelIndex) -> AllReport {
    let (overall, labels) = tally.scores(index);
    AllReport {
        annotators,
        documents: tally.documents(),
        overall,
        labels,
    }
}
