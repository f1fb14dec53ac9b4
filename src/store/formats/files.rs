//! Reading texts and writing outputs for imports and exports. Texts are decoded by the store's
//! decoder (UTF-8 with or without BOM, UTF-16, Windows-1256, ISO-8859-6; a BOM is not text, line
//! endings are kept). Outputs are confined to the folder the user chose — a symlink inside it is
//! never followed — and written without clobbering: a new file is created exclusively, an
//! identical one is left alone, a different one is refused unless forced, and a forced
//! replacement keeps the previous version as `.bak`.

use super::error::FormatError;
use crate::store::atomic::{backup_path, save_atomic, save_new, RealFs};
use crate::store::decode::load_text_file;
use crate::store::input::read_input_file;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Reads and decodes a text file with the store's decoder; a leading byte-order mark is not part
/// of the text.
pub fn read_text(path: &Path) -> Result<String, FormatError> {
    Ok(load_text_file(path)?.text)
}

/// What [`write_file`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A new file.
    Created,
    /// The file held these bytes already.
    Unchanged,
    /// A different file was replaced (with `force`); its previous version is in `backup`.
    Replaced {
        /// `<path>.bak`.
        backup: PathBuf,
    },
}

/// Writes `bytes` to `path` (whose folder exists): created exclusively when there is no file,
/// left as it is when it holds `bytes`, refused when it holds something else unless `force`, and
/// then replaced atomically keeping `<path>.bak`. Each write is atomic (temp file, fsync, link or
/// rename), so a crash never leaves half a file.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<Written, FormatError> {
    loop {
        match read_input_file(path) {
            Err(e) if e.is_not_found() => match save_new(&RealFs, path, bytes) {
                Ok(()) => return Ok(Written::Created),
                // Another writer took the name meanwhile: look at what it wrote.
                Err(e) if e.source.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e.into()),
            },
            Err(e) => return Err(e.into()),
            Ok(existing) if existing == bytes => return Ok(Written::Unchanged),
            Ok(_) if !force => {
                return Err(FormatError::Exists {
                    path: path.to_owned(),
                })
            }
            Ok(_) => {
                save_atomic(&RealFs, path, bytes)?;
                return Ok(Written::Replaced {
                    backup: backup_path(path),
                });
            }
        }
    }
}

/// `root/rel`, with the folders on the way created, when that path stays inside `root`: `rel`
/// must be relative without `..`, and no part of it inside `root` may be a symbolic link (a link
/// in an output folder could lead anywhere) or, for the last part, anything but a file.
pub fn confined(root: &Path, rel: &Path) -> Result<PathBuf, FormatError> {
    let outside = |path: PathBuf, why: &str| FormatError::OutsideFolder {
        path,
        why: why.to_owned(),
    };
    let parts: Vec<&std::ffi::OsStr> = rel
        .components()
        .map(|c| match c {
            Component::Normal(part) => Ok(part),
            _ => Err(outside(
                root.join(rel),
                "the name is not a plain relative path",
            )),
        })
        .collect::<Result<_, _>>()?;
    let Some((last, folders)) = parts.split_last() else {
        return Err(outside(root.join(rel), "the name is empty"));
    };
    let mut path = root.to_path_buf();
    for part in folders {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Err(outside(
                path,
                "is a symbolic link; Hamish does not write through links inside the output folder",
            )),
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(outside(path, "is a file, where a folder is needed")),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                match std::fs::create_dir(&path) {
                    Ok(()) => {}
                    // Made by a parallel writer meanwhile: checked again below.
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                    Err(source) => return Err(FormatError::Io { path, source }),
                }
                let made = std::fs::symlink_metadata(&path);
                if !made.is_ok_and(|m| m.is_dir()) {
                    return Err(outside(path, "is not a folder"));
                }
            }
            Err(source) => return Err(FormatError::Io { path, source }),
        }
    }
    path.push(last);
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => Err(outside(
            path,
            "is a symbolic link; Hamish does not write through links inside the output folder",
        )),
        Ok(m) if !m.is_file() => Err(outside(path, "is not a regular file")),
        _ => Ok(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_new_files_keeps_identical_ones_and_backs_up_forced_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        assert_eq!(write_file(&path, b"one", false).unwrap(), Written::Created);
        assert_eq!(
            write_file(&path, b"one", false).unwrap(),
            Written::Unchanged
        );
        assert!(matches!(
            write_file(&path, b"two", false),
            Err(FormatError::Exists { .. })
        ));
        let backup = backup_path(&path);
        assert_eq!(
            write_file(&path, b"two", true).unwrap(),
            Written::Replaced {
                backup: backup.clone()
            }
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(backup).unwrap(), b"one");
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_folder_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let (root, elsewhere) = (dir.path().join("out"), dir.path().join("elsewhere"));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("sub")).unwrap();
        std::os::unix::fs::symlink(elsewhere.join("f"), root.join("f.txt")).unwrap();
        for rel in ["sub/a.txt", "f.txt", "../a.txt", "/etc/a.txt"] {
            let err = confined(&root, Path::new(rel)).unwrap_err();
            assert!(
                matches!(err, FormatError::OutsideFolder { .. }),
                "{rel}: {err}"
            );
        }
        let ok = confined(&root, Path::new("new/deep/a.txt")).unwrap();
        assert_eq!(ok, root.join("new/deep/a.txt"));
        assert!(root.join("new/deep").is_dir());
        assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    }
}
