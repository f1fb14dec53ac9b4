//! Writing the files of an export into a folder as one batch, so that a killed export leaves
//! whole documents and no stray files. Units: files and bytes.
//!
//! 1. Every output is checked first (inside the folder, no link followed; a different file in
//!    the way is refused unless forced): a refusal writes nothing.
//! 2. The files are written and flushed into a hidden staging folder
//!    `OUT/.hamish-export-<pid>-<n>.partial`, with a manifest of where each goes; the export
//!    holds the staging folder's lock while it runs.
//! 3. The staging folder is renamed `….ready`: from here on the batch is complete on disk.
//! 4. The files are put in place in the order given (a document's `.ann` before its `.txt`, so
//!    that a `.txt` — what brat lists — is never there without its annotations): a new file is
//!    hard-linked in (exclusive), an identical one left alone, a forced replacement keeps `.bak`.
//! 5. The staging folder is removed.
//!
//! A kill in 2 leaves a `.partial` folder, a kill in 4 a `.ready` one. The next export into the
//! folder ([`recover_batches`]) removes the first (nothing of it was in place) and completes the
//! second, and says which it found; a staging folder whose lock is held belongs to an export
//! still running and is left alone. A kill between a document's two renames (microseconds) can
//! leave its `.ann` alone until then.

use super::error::FormatError;
use super::files::{confined, Written};
use crate::store::atomic::{backup_path, folder_of, FolderLock};
use crate::store::input::read_input_file;
use std::collections::{BTreeSet, HashSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The start of a staging folder's name.
const PREFIX: &str = ".hamish-export-";
/// The manifest inside a staging folder: the relative paths, in order, and `force`.
const MANIFEST: &str = "manifest.json";

/// One output: its path relative to the folder, and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Output<'a> {
    /// Where it goes, relative to the output folder.
    pub rel: &'a Path,
    /// What it holds.
    pub bytes: &'a [u8],
}

/// One output as put in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Where it is.
    pub path: PathBuf,
    /// What happened there.
    pub written: Written,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Manifest {
    force: bool,
    files: Vec<PathBuf>,
}

/// Writes `outputs` into `root` (which exists) as one batch; see the module docs.
pub fn write_batch(
    root: &Path,
    outputs: &[Output],
    force: bool,
) -> Result<Vec<Placed>, FormatError> {
    let targets = check_outputs(root, outputs, force)?;
    let (stage, lock) = stage_outputs(root, outputs, force)?;
    let mut placed = Vec::new();
    for (i, target) in targets.into_iter().enumerate() {
        let written = put_in_place(&stage.join(i.to_string()), &target, &stage, force)?;
        placed.push(Placed {
            path: target,
            written,
        });
    }
    let folders: BTreeSet<PathBuf> = placed.iter().map(|p| folder_of(&p.path)).collect();
    for folder in folders {
        sync_dir(&folder).map_err(|source| FormatError::Io {
            path: folder,
            source,
        })?;
    }
    remove_stage(&stage, lock)?;
    Ok(placed)
}

/// The target of every output, after checking that none leaves `root`, no two share a path,
/// and (unless `force`) none would replace a different file.
fn check_outputs(
    root: &Path,
    outputs: &[Output],
    force: bool,
) -> Result<Vec<PathBuf>, FormatError> {
    let mut seen = HashSet::new();
    let mut targets = Vec::new();
    for out in outputs {
        let target = confined(root, out.rel)?;
        if !seen.insert(target.clone()) {
            return Err(FormatError::Collision {
                path: target,
                first: "one output of this run".into(),
                second: "another".into(),
            });
        }
        match read_input_file(&target) {
            Err(e) if e.is_not_found() => {}
            Err(e) => return Err(e.into()),
            Ok(existing) if existing == out.bytes => {}
            Ok(_) if !force => return Err(FormatError::Exists { path: target }),
            Ok(_) => {
                read_only_refused(&target)?;
            }
        }
        targets.push(target);
    }
    Ok(targets)
}

/// Steps 2 and 3: the outputs written, flushed and listed in a locked `.ready` folder.
fn stage_outputs(
    root: &Path,
    outputs: &[Output],
    force: bool,
) -> Result<(PathBuf, FolderLock), FormatError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| FormatError::Io { path, source }
    };
    let name =
        |n: u64, state: &str| root.join(format!("{PREFIX}{}-{n}.{state}", std::process::id()));
    let (partial, ready) = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let candidate = name(n, "partial");
        match std::fs::create_dir(&candidate) {
            Ok(()) => break (candidate, name(n, "ready")),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io(&candidate)(e)),
        }
    };
    let lock = FolderLock::try_acquire(&partial).unwrap_or_else(|| FolderLock::acquire(&partial));
    for (i, out) in outputs.iter().enumerate() {
        let path = partial.join(i.to_string());
        write_new(&path, out.bytes).map_err(io(&path))?;
    }
    // Flushed after all are written: the first fsync commits most of the others' data with it,
    // which is many times faster than writing and flushing one file after the other.
    for i in 0..outputs.len() {
        let path = partial.join(i.to_string());
        std::fs::File::open(&path)
            .and_then(|f| f.sync_all())
            .map_err(io(&path))?;
    }
    let manifest = Manifest {
        force,
        files: outputs.iter().map(|o| o.rel.to_path_buf()).collect(),
    };
    let json = serde_json::to_vec(&manifest).unwrap_or_default();
    let path = partial.join(MANIFEST);
    write_new(&path, &json)
        .and_then(|()| std::fs::File::open(&path)?.sync_all())
        .map_err(io(&path))?;
    sync_dir(&partial).map_err(io(&partial))?;
    // The lock stays with the open folder through the rename.
    std::fs::rename(&partial, &ready).map_err(io(&partial))?;
    sync_dir(root).map_err(io(root))?;
    Ok((ready, lock))
}

fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Step 4 for one file: `staged` (in the staging folder `stage`) becomes `target`.
fn put_in_place(
    staged: &Path,
    target: &Path,
    stage: &Path,
    force: bool,
) -> Result<Written, FormatError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| FormatError::Io { path, source }
    };
    let _lock = FolderLock::acquire(&folder_of(target));
    let bytes = std::fs::read(staged).map_err(io(staged))?;
    loop {
        match read_input_file(target) {
            Err(e) if e.is_not_found() => {
                match std::fs::hard_link(staged, target) {
                    Ok(()) => {}
                    // Someone wrote it meanwhile: look again.
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    // No hard links here: a rename, under the folder lock.
                    Err(_) => std::fs::rename(staged, target).map_err(io(target))?,
                }
                let _ = std::fs::remove_file(staged);
                return Ok(Written::Created);
            }
            Err(e) => return Err(e.into()),
            Ok(existing) if existing == bytes => {
                let _ = std::fs::remove_file(staged);
                return Ok(Written::Unchanged);
            }
            Ok(_) if !force => {
                return Err(FormatError::Exists {
                    path: target.to_owned(),
                })
            }
            Ok(_) => return replace(staged, target, stage),
        }
    }
}

/// A forced replacement: the old file becomes `.bak` (staged inside `stage`), the new one takes
/// its place with its permissions; a read-only file is refused.
fn replace(staged: &Path, target: &Path, stage: &Path) -> Result<Written, FormatError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| FormatError::Io { path, source }
    };
    let permissions = read_only_refused(target)?;
    std::fs::set_permissions(staged, permissions).map_err(io(staged))?;
    let bak = stage.join("bak");
    let _ = std::fs::remove_file(&bak);
    std::fs::hard_link(target, &bak)
        .or_else(|_| std::fs::copy(target, &bak).map(|_| ()))
        .map_err(io(target))?;
    let backup = backup_path(target);
    std::fs::rename(&bak, &backup).map_err(io(&backup))?;
    std::fs::rename(staged, target).map_err(io(target))?;
    Ok(Written::Replaced { backup })
}

/// The permissions of `target`, which is about to be replaced; a read-only file is refused.
fn read_only_refused(target: &Path) -> Result<std::fs::Permissions, FormatError> {
    let io = |source| FormatError::Io {
        path: target.to_owned(),
        source,
    };
    let permissions = std::fs::metadata(target).map_err(io)?.permissions();
    if permissions.readonly() {
        return Err(io(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only, so it is left as it is",
        )));
    }
    Ok(permissions)
}

fn remove_stage(stage: &Path, lock: FolderLock) -> Result<(), FormatError> {
    let removed = std::fs::remove_dir_all(stage);
    drop(lock);
    removed.map_err(|source| FormatError::Io {
        path: stage.to_owned(),
        source,
    })
}

/// Why a file an interrupted export left staged could not be put in place (shared: errors are
/// not `Clone`); equal when they say the same.
#[derive(Debug, Clone)]
pub struct Refusal(pub std::sync::Arc<FormatError>);

impl PartialEq for Refusal {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl Eq for Refusal {}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What [`recover_batches`] found in a folder and did about it, one per staging folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// Another export into the folder holds the staging folder's lock; it was left alone.
    Busy {
        /// The export folder.
        folder: PathBuf,
        /// The staging folder in use.
        stage: PathBuf,
    },
    /// An export was cut short while putting its files in place; the rest were put in place now.
    Completed {
        /// The export folder.
        folder: PathBuf,
        /// How many files were put in place now.
        done: usize,
        /// Why each file that could not be put in place was refused.
        refused: Vec<Refusal>,
    },
    /// An export was cut short while writing; nothing of it was in place and its staged files
    /// were removed.
    Cleared {
        /// The export folder.
        folder: PathBuf,
        /// How many staged files were removed.
        staged: usize,
    },
}

impl std::fmt::Display for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Busy { folder, stage } => write!(
                f,
                "{}: another export into this folder is running ({}); left alone",
                folder.display(),
                stage.display()
            ),
            Self::Completed {
                folder,
                done,
                refused,
            } => {
                write!(
                    f,
                    "{}: an earlier export was cut short while putting its files in place; {done} remaining file(s) were put in place now",
                    folder.display()
                )?;
                refused
                    .iter()
                    .try_for_each(|r| write!(f, "; not put in place: {r}"))
            }
            Self::Cleared { folder, staged } => write!(
                f,
                "{}: an earlier export was cut short while writing; none of its files had been put in place, and its {staged} staged file(s) were removed",
                folder.display()
            ),
        }
    }
}

/// Finishes or clears what killed exports left in `root` (see the module docs); one
/// [`Recovery`] per batch found, saying what it was and what was done.
pub fn recover_batches(root: &Path) -> Vec<Recovery> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut stages: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX))
        })
        .collect();
    stages.sort();
    stages
        .into_iter()
        .map(|stage| recover_one(root, &stage))
        .collect()
}

fn recover_one(root: &Path, stage: &Path) -> Recovery {
    let folder = root.to_owned();
    let Some(lock) = FolderLock::try_acquire(stage) else {
        return Recovery::Busy {
            folder,
            stage: stage.to_owned(),
        };
    };
    let ready = stage.extension().is_some_and(|e| e == "ready");
    let manifest: Option<Manifest> = std::fs::read(stage.join(MANIFEST))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let recovery = match (ready, manifest) {
        (true, Some(manifest)) => {
            let (done, refused) = complete(root, stage, &manifest);
            Recovery::Completed {
                folder,
                done,
                refused,
            }
        }
        _ => Recovery::Cleared {
            folder,
            staged: std::fs::read_dir(stage).map_or(0, |d| d.count()),
        },
    };
    let _ = remove_stage(stage, lock);
    recovery
}

/// Puts the files still in a `.ready` staging folder in place; returns how many, and why each
/// file that could not be was refused.
fn complete(root: &Path, stage: &Path, manifest: &Manifest) -> (usize, Vec<Refusal>) {
    let (mut done, mut refused) = (0, Vec::new());
    for (i, rel) in manifest.files.iter().enumerate() {
        let staged = stage.join(i.to_string());
        if !staged.exists() {
            continue;
        }
        let result = confined(root, rel)
            .and_then(|target| put_in_place(&staged, &target, stage, manifest.force));
        match result {
            Ok(_) => done += 1,
            Err(e) => refused.push(Refusal(std::sync::Arc::new(e))),
        }
    }
    (done, refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_batch_lands_whole_and_leaves_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let outputs = [
            Output {
                rel: Path::new("sub/a.ann"),
                bytes: b"T1",
            },
            Output {
                rel: Path::new("sub/a.txt"),
                bytes: b"text",
            },
        ];
        let placed = write_batch(dir.path(), &outputs, false).unwrap();
        assert_eq!(placed.len(), 2);
        assert_eq!(names(dir.path()), ["sub"]);
        assert_eq!(names(&dir.path().join("sub")), ["a.ann", "a.txt"]);
        // Again: identical, nothing to do; a different version is refused without force.
        let again = write_batch(dir.path(), &outputs, false).unwrap();
        assert!(again.iter().all(|p| p.written == Written::Unchanged));
        let other = [Output {
            rel: Path::new("sub/a.txt"),
            bytes: b"other",
        }];
        assert!(matches!(
            write_batch(dir.path(), &other, false),
            Err(FormatError::Exists { .. })
        ));
        let forced = write_batch(dir.path(), &other, true).unwrap();
        assert!(matches!(forced[0].written, Written::Replaced { .. }));
        assert_eq!(
            std::fs::read(dir.path().join("sub/a.txt.bak")).unwrap(),
            b"text"
        );
        assert_eq!(names(dir.path()), ["sub"]);
    }

    #[test]
    fn a_cut_short_batch_is_completed_or_cleared_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // A batch killed while putting files in place: one file placed, one still staged.
        let ready = root.join(format!("{PREFIX}1-0.ready"));
        std::fs::create_dir(&ready).unwrap();
        let manifest = Manifest {
            force: false,
            files: vec!["a.ann".into(), "a.txt".into()],
        };
        std::fs::write(ready.join(MANIFEST), serde_json::to_vec(&manifest).unwrap()).unwrap();
        std::fs::write(root.join("a.ann"), "T1").unwrap();
        std::fs::write(ready.join("1"), "text").unwrap();
        // And one killed while staging.
        let partial = root.join(format!("{PREFIX}1-1.partial"));
        std::fs::create_dir(&partial).unwrap();
        std::fs::write(partial.join("0"), "half").unwrap();
        let notes = recover_batches(root);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            notes[0]
                .to_string()
                .contains("1 remaining file(s) were put in place"),
            "{notes:?}"
        );
        assert!(
            notes[1]
                .to_string()
                .contains("1 staged file(s) were removed"),
            "{notes:?}"
        );
        assert_eq!(names(root), ["a.ann", "a.txt"]);
        assert_eq!(std::fs::read(root.join("a.txt")).unwrap(), b"text");
        assert!(recover_batches(root).is_empty());
    }
}
