//! Agreement between annotators, for `hamish agree` (and the window's agreement panel): every
//! text under some paths with two or more annotators' files (`<text>.<annotator>.ann.ron`) is read
//! — re-anchored on a copy when its text changed, as `check` does — and measured by `agree`.
//! Offsets are chars.

use super::note::BatchNote;
use crate::agree::{measure, AgreeError, AgreementReport, DocumentVersions};
use crate::store::annotated::decode_for_sidecar;
use crate::store::decode::DecodeError;
use crate::store::session::{orphan_misfits, reanchor_set};
use crate::store::sidecar::{
    find_annotated_texts, load_sidecar, AnnotatorName, DiscoverError, SidecarError, TextVersions,
};
use crate::workspace::outcome::{ErrorArg, Message, MessageArg};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// Why nothing could be measured.
#[derive(Debug, thiserror::Error)]
pub enum AgreementError {
    /// The paths could not be searched.
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    /// No text has files of two or more (of the wanted) annotators.
    #[error("no text under the given paths has files of two or more annotators (<text>.<annotator>.ann.ron)")]
    NothingToCompare,
    /// The measures refused the input.
    #[error(transparent)]
    Measure(#[from] AgreeError),
}

/// The agreement over some paths, and what could not be read or was re-anchored on the way.
#[derive(Debug, Clone)]
pub struct AgreementRun {
    /// The figures.
    pub report: AgreementReport,
    /// Texts left out because a file could not be read.
    pub failed: Vec<LeftOut>,
    /// Notes about texts whose annotations were re-anchored for this run.
    pub notes: Vec<BatchNote>,
}

/// A text an agreement run left out because one of its files could not be read.
#[derive(Debug, Clone)]
pub enum LeftOut {
    /// An annotator's file.
    Sidecar(Arc<SidecarError>),
    /// The text itself.
    Text(Arc<DecodeError>),
}

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sidecar(err) => err.fmt(f),
            Self::Text(err) => err.fmt(f),
        }
    }
}

impl LeftOut {
    /// The warning for the window: the error's English text, keyed with the error itself so
    /// that the window words it in its language.
    pub fn message(&self) -> Message {
        let error = match self {
            Self::Sidecar(err) => MessageArg::Error(ErrorArg::Sidecar(Arc::clone(err))),
            Self::Text(err) => MessageArg::Error(ErrorArg::Decode(Arc::clone(err))),
        };
        Message::warning(self.to_string()).keyed("agreement-left-out", vec![("error", error)])
    }
}

/// Measures agreement between the `wanted` annotators (everyone with a file when empty) over
/// every text under `paths` that two or more of them annotated.
pub fn agreement(
    paths: &[PathBuf],
    wanted: &[AnnotatorName],
) -> Result<AgreementRun, AgreementError> {
    let texts = find_annotated_texts(paths)?;
    let texts = chosen_files(&texts, wanted);
    if texts.is_empty() {
        return Err(AgreementError::NothingToCompare);
    }
    let annotators: Vec<String> = if wanted.is_empty() {
        let all: BTreeSet<&AnnotatorName> = texts
            .iter()
            .flat_map(|(_, f)| f.iter().map(|(n, _)| n))
            .collect();
        all.into_iter().map(|n| n.to_string()).collect()
    } else {
        wanted.iter().map(|n| n.to_string()).collect()
    };
    let (mut failed, mut notes) = (Vec::new(), Vec::new());
    let documents: Vec<DocumentVersions> = texts
        .iter()
        .filter_map(
            |(text, files)| match load_document(text, files, &mut notes) {
                Ok(doc) => Some(doc),
                Err(err) => {
                    failed.push(err);
                    None
                }
            },
        )
        .collect();
    let report = measure(&documents, &annotators)?;
    Ok(AgreementRun {
        report,
        failed,
        notes,
    })
}

/// Each text with the files of the `wanted` annotators (everyone's when empty), when there are
/// two or more.
fn chosen_files(
    texts: &[TextVersions],
    wanted: &[AnnotatorName],
) -> Vec<(PathBuf, Vec<(AnnotatorName, PathBuf)>)> {
    texts
        .iter()
        .map(|t| {
            let files = t
                .annotators
                .iter()
                .filter(|(n, _)| wanted.is_empty() || wanted.contains(n))
                .map(|(n, p)| (n.clone(), p.clone()))
                .collect::<Vec<_>>();
            (t.text.clone(), files)
        })
        .filter(|(_, files)| files.len() >= 2)
        .collect()
}

/// Reads a text and its annotators' files. Annotations saved against another version of the
/// text are re-anchored on a copy (nothing is written), as `hamish check` does.
fn load_document(
    text: &std::path::Path,
    files: &[(AnnotatorName, PathBuf)],
    notes: &mut Vec<BatchNote>,
) -> Result<DocumentVersions, LeftOut> {
    let mut data = Vec::new();
    for (name, path) in files {
        data.push((
            name,
            load_sidecar(path).map_err(|e| LeftOut::Sidecar(Arc::new(e)))?,
            path,
        ));
    }
    let decoded = decode_for_sidecar(text, None, data.first().map(|(_, d, _)| d))
        .map_err(|e| LeftOut::Text(Arc::new(e)))?;
    let mut versions = BTreeMap::new();
    for (name, mut sidecar, path) in data {
        if !sidecar.matches_text(&decoded.text) {
            let summary = reanchor_set(&mut sidecar.set, &decoded.text);
            notes.push(BatchNote::Reanchored {
                path: path.clone(),
                stayed: summary.stayed,
                moved: summary.moved.len(),
                review: summary.needs_review.len(),
                orphans: summary.orphans.len(),
            });
        }
        let misfits = orphan_misfits(&mut sidecar.set, decoded.text.chars().count());
        if !misfits.is_empty() {
            notes.push(BatchNote::Misfits {
                path: path.clone(),
                ids: misfits,
            });
        }
        versions.insert(name.to_string(), sidecar.set);
    }
    Ok(DocumentVersions {
        name: text.display().to_string(),
        text: decoded.text,
        versions,
    })
}
