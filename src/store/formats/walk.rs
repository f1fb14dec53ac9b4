//! Finding the files a batch works on: the paths given, and under folders every file whose name
//! matches, recursively, in sorted order. Each file comes with a name relative to its root.

use super::error::FormatError;
use std::path::{Path, PathBuf};

/// A file found for a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is.
    pub path: PathBuf,
    /// Its path relative to the folder it was found under (its file name when given directly),
    /// with `/` separators.
    pub name: String,
}

/// The files `paths` name: files as given, folders searched recursively for names that `wanted`
/// accepts. A path that does not exist is an error.
pub fn collect(
    paths: &[PathBuf],
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<Found>, FormatError> {
    let mut out = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|source| FormatError::Io {
            path: root.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(root, root, wanted, &mut out)?;
        } else {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push(Found {
                path: root.clone(),
                name,
            });
        }
    }
    Ok(out)
}

fn walk(
    root: &Path,
    dir: &Path,
    wanted: &dyn Fn(&str) -> bool,
    out: &mut Vec<Found>,
) -> Result<(), FormatError> {
    let io = |source| FormatError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(root, &path, wanted, out)?;
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(wanted)
        {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(Found { path, name });
        }
    }
    Ok(())
}

/// A relative output path from a name read from a file: `..`, roots and empty parts are dropped so
/// that an import never writes outside its folder.
pub fn safe_relative(name: &str) -> PathBuf {
    name.split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect()
}
