//! Use cases over many files (the command line's `check`, `stats`, `export`, `import`, and the
//! window's export and import of the open text, which are the same code with one document).

pub mod agree;
pub mod check;
pub mod export;
pub mod import;
pub mod stats;

use crate::store::sidecar::{find_sidecars_for, AnnotatorName, DiscoverError, SidecarPair};
use std::path::PathBuf;

/// Checks every sidecar of `annotator` (the gold ones with `None`) under `paths` (see
/// [`check::check_pair`]), in path order.
pub fn check_paths(
    paths: &[PathBuf],
    annotator: Option<&AnnotatorName>,
    fix: bool,
) -> Result<Vec<(SidecarPair, check::FileCheck)>, DiscoverError> {
    let pairs = find_sidecars_for(paths, annotator)?;
    Ok(pairs
        .into_iter()
        .map(|pair| {
            let report = check::check_pair(&pair, fix);
            (pair, report)
        })
        .collect())
}
