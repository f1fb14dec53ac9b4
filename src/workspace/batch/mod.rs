//! Use cases over many files (the command line's `check`, `stats`, `export`, `import`, `search`, and the
//! window's export and import of the open text, which are the same code with one document).

pub mod agree;
pub mod check;
pub mod export;
pub mod import;
pub mod note;
pub mod search;
pub mod stats;

use crate::store::sidecar::{find_sidecars_for, AnnotatorName, DiscoverError, SidecarPair};
use rayon::prelude::*;
use std::path::PathBuf;

/// Checks every sidecar of `annotator` (the gold ones with `None`) under `paths` (see
/// [`check::check_pair`]), in path order.
pub fn check_paths(
    paths: &[PathBuf],
    annotator: Option<&AnnotatorName>,
    fix: bool,
) -> Result<Vec<(SidecarPair, check::FileCheck)>, DiscoverError> {
    let pairs = find_sidecars_for(paths, annotator)?;
    Ok(check_pairs(pairs, fix, &|| {}))
}

/// Checks `pairs` on every core (each pair reads and writes only its own files), calling
/// `progress` once per pair as it is done; the reports come back in the order of `pairs`.
pub fn check_pairs(
    pairs: Vec<SidecarPair>,
    fix: bool,
    progress: &(dyn Fn() + Sync),
) -> Vec<(SidecarPair, check::FileCheck)> {
    pairs
        .into_par_iter()
        .map(|pair| {
            let report = check::check_pair(&pair, fix);
            progress();
            (pair, report)
        })
        .collect()
}
