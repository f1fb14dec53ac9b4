//! Searching many texts, for `hamish search` and the window's search across the open folder:
//! files given by name are searched whatever their name, folders are walked (the one walker)
//! for text files ([`is_text_file_name`]); each text is decoded as the window decodes it (the
//! encoding its annotations record wins over a guess). Hits are chars into each text.

use crate::search::Query;
use crate::store::annotated::decode_for_sidecar;
use crate::store::sidecar::{load_sidecar, sidecar_path};
use crate::store::walk::{is_text_file_name, walk_files, WalkError};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One hit: where, and the text as it is in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileHit {
    /// The text file, as given or found under a given folder.
    pub file: String,
    /// First char of the hit.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The chars of the hit, exactly as in the file (harakat included).
    pub text: String,
}

/// A text that could not be searched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnsearchedFile {
    /// The file.
    pub file: String,
    /// Why (names the file and what to do).
    pub error: String,
}

/// The hits of a search over many texts, in path order then text order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SearchReport {
    /// Every hit.
    pub hits: Vec<FileHit>,
    /// How many texts were searched.
    pub files: usize,
    /// Texts that could not be read.
    pub unsearched: Vec<UnsearchedFile>,
}

/// Searches every text under `paths` for `query` (texts in parallel, results in path order).
pub fn search_paths(paths: &[PathBuf], query: &Query) -> Result<SearchReport, WalkError> {
    let found = walk_files(paths, &is_text_file_name)?;
    let results: Vec<Result<Vec<FileHit>, UnsearchedFile>> = found
        .par_iter()
        .map(|f| search_file(&f.path, query))
        .collect();
    let mut report = SearchReport {
        files: found.len(),
        ..SearchReport::default()
    };
    for result in results {
        match result {
            Ok(hits) => report.hits.extend(hits),
            Err(unsearched) => report.unsearched.push(unsearched),
        }
    }
    Ok(report)
}

/// The hits of `query` in the text file at `path`.
pub fn search_file(path: &Path, query: &Query) -> Result<Vec<FileHit>, UnsearchedFile> {
    // The encoding recorded with the annotations wins, so offsets match the window's.
    let sidecar = load_sidecar(&sidecar_path(path)).ok();
    let decoded =
        decode_for_sidecar(path, None, sidecar.as_ref()).map_err(|err| UnsearchedFile {
            file: path.display().to_string(),
            error: err.to_string(),
        })?;
    Ok(hits_in(&path.display().to_string(), &decoded.text, query))
}

/// The hits of `query` in `text`, named `file`.
pub fn hits_in(file: &str, text: &str, query: &Query) -> Vec<FileHit> {
    let ranges = query.find_in(text);
    if ranges.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    ranges
        .into_iter()
        .map(|r| FileHit {
            file: file.to_owned(),
            start: r.start.0,
            end: r.end.0,
            text: chars[r.start.0..r.end.0].iter().collect(),
        })
        .collect()
}
