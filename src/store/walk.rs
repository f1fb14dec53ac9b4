//! The one way Hamish walks folders, for every command and the window: the paths given, and under
//! each folder every file whose name the caller wants, recursively, in name order. Symlinked folders
//! are never entered (so links cannot loop or lead outside the tree), and Hamish's own by-products
//! (`.bak`, `.recovery`, conflict copies, hidden temp files) and hidden entries are skipped. Each file
//! comes with its name relative to the folder it was found under, with `/` separators.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A file found by a walk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its path relative to the folder it was found under (its file name when it was given
    /// directly), with `/` separators.
    pub name: String,
}

/// Why the given paths could not be walked.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    /// A given path does not exist or a folder cannot be read.
    #[error("{}: {source}; check the path", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// True for names Hamish writes beside the files it works on and that no walk should pick up:
/// hidden entries (temp files of atomic saves start with `.`), `.bak` copies, recovery files and
/// conflict copies of sidecars.
pub fn is_by_product(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with(".bak")
        || name.ends_with(".recovery")
        || (name.contains(".conflict-") && name.ends_with(".ron"))
}

/// The files `paths` name: files as given (whatever their name), folders walked recursively for
/// names `wanted` accepts. Sorted by path within each folder, without repeats.
pub fn walk_files(
    paths: &[PathBuf],
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<FoundFile>, WalkError> {
    let mut out = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|source| WalkError::Io {
            path: root.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk_folder(root, wanted, &mut out)?;
        } else {
            out.push(FoundFile {
                path: root.clone(),
                name: file_name(root),
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|f| seen.insert(f.path.clone()));
    Ok(out)
}

fn walk_folder(
    root: &Path,
    wanted: &dyn Fn(&str) -> bool,
    out: &mut Vec<FoundFile>,
) -> Result<(), WalkError> {
    // follow_links(false): a symlinked folder is yielded as a link and not entered.
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_by_product(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = entry.map_err(|err| {
            let path = err.path().unwrap_or(root).to_owned();
            WalkError::Io {
                path,
                source: err.into(),
            }
        })?;
        if entry.depth() == 0 || !is_wanted_file(&entry, wanted) {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push(FoundFile {
            path: entry.into_path(),
            name,
        });
    }
    Ok(())
}

/// A file (or a link to a file, never to a folder) whose name `wanted` accepts.
fn is_wanted_file(entry: &walkdir::DirEntry, wanted: &dyn Fn(&str) -> bool) -> bool {
    let is_file = if entry.path_is_symlink() {
        std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file())
    } else {
        entry.file_type().is_file()
    };
    is_file && entry.file_name().to_str().is_some_and(wanted)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, rel: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }

    #[test]
    fn walks_in_name_order_skipping_hidden_entries_and_by_products() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            "b.txt",
            "a.txt",
            "sub/c.txt",
            ".git/d.txt",
            "a.txt.ann.ron.bak",
            "a.txt.ann.ron.recovery",
            "a.txt.ann.conflict-20260101T000000Z.ron",
            ".a.txt.ann.ron.save.1-1.tmp",
            "notes.md",
        ] {
            touch(root, rel);
        }
        let found = walk_files(&[root.to_owned()], &|_| true).unwrap();
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt", "notes.md", "sub/c.txt"]);
        let txt = walk_files(&[root.to_owned()], &|n| n.ends_with(".txt")).unwrap();
        assert_eq!(txt.len(), 3);
    }

    #[test]
    fn a_file_given_directly_is_taken_and_a_missing_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "x.ann");
        let given = dir.path().join("x.ann");
        let found = walk_files(&[given.clone(), given.clone()], &|_| false).unwrap();
        assert_eq!(found.len(), 1, "a file given twice is found once");
        assert_eq!(found[0].name, "x.ann");
        let err = walk_files(&[dir.path().join("gone")], &|_| true).unwrap_err();
        assert!(err.to_string().contains("gone"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_folders_are_not_entered_so_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "a.txt");
        touch(root, "sub/b.txt");
        std::os::unix::fs::symlink(root, root.join("self")).unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("link.txt")).unwrap();
        let found = walk_files(&[root.to_owned()], &|n| n.ends_with(".txt")).unwrap();
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "link.txt", "sub/b.txt"]);
    }
}
