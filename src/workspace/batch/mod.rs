//! Use cases over many files (the command line's `check`, `stats`, `export`, `import`, and the
//! window's export and import of the open text, which are the same code with one document).

pub mod check;
pub mod export;
pub mod import;
pub mod stats;

use crate::store::sidecar::{find_sidecars, DiscoverError, SidecarPair};
use std::path::PathBuf;

/// Checks every sidecar under `paths` (see [`check::check_pair`]), in path order.
pub fn check_paths(
    paths: &[PathBuf],
    fix: bool,
) -> Result<Vec<(SidecarPair, check::FileCheck)>, DiscoverError> {
    let pairs = find_sidecars(paths)?;
    Ok(pairs
        .into_iter()
        .map(|pair| {
            let report = check::check_pair(&pair, fix);
            (pair, report)
        })
        .collect())
}
