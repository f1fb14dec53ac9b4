//! Output names for imports and exports: relative paths made from names read out of files, so
//! that nothing is ever written outside the chosen folder, and nothing imported takes a name that
//! means something else to Hamish (a folder schema, a project file, a sidecar, a by-product).

use crate::model::text_format::is_bidi_control;
use crate::store::sidecar::{FOLDER_SCHEMA_FILE, PROJECT_FILE, SIDECAR_SUFFIX};
use crate::store::walk::is_by_product;
use std::path::{Path, PathBuf};

/// Longest file name part written, in bytes (file systems allow 255).
const MAX_PART_BYTES: usize = 200;

/// A relative output path from a name read from a file: `..`, roots and empty parts are dropped
/// so that an import never writes outside its folder; control and bidi-control characters become
/// `_`; a part starting with `.` (hidden) gets a `_` in front; over-long parts are shortened.
pub fn safe_relative(name: &str) -> PathBuf {
    name.split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .map(|p| {
            let mut part: String = p
                .chars()
                .map(|c| {
                    if c.is_control() || is_bidi_control(c) {
                        '_'
                    } else {
                        c
                    }
                })
                .collect();
            if part.starts_with('.') {
                part.insert(0, '_');
            }
            shorten(part)
        })
        .collect()
}

/// `part` cut to [`MAX_PART_BYTES`] at a char boundary, keeping a short extension.
fn shorten(part: String) -> String {
    if part.len() <= MAX_PART_BYTES {
        return part;
    }
    let ext = Path::new(&part)
        .extension()
        .and_then(|e| e.to_str())
        .filter(|e| e.len() <= 16)
        .map(|e| format!(".{e}"))
        .unwrap_or_default();
    let mut cut = MAX_PART_BYTES - ext.len();
    while !part.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{ext}", &part[..cut])
}

/// True for a file name an imported text must not take: the folder's schema or project file,
/// brat's `annotation.conf` or a `.ann` file, a sidecar, or a by-product a folder walk skips.
pub fn is_reserved_name(name: &str) -> bool {
    name == FOLDER_SCHEMA_FILE
        || name == PROJECT_FILE
        || name == "annotation.conf"
        || name.ends_with(SIDECAR_SUFFIX)
        || name.ends_with(".ann")
        || is_by_product(name)
}

/// `rel` with `.txt` appended when its file name is reserved ([`is_reserved_name`]).
pub fn unreserved(rel: PathBuf) -> PathBuf {
    let reserved = rel
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(is_reserved_name);
    if reserved {
        let mut s = rel.into_os_string();
        s.push(".txt");
        PathBuf::from(s)
    } else {
        rel
    }
}

/// The `n`-th alternative of `rel` (n ≥ 2): `dir/name-n.ext`.
pub fn numbered(rel: &Path, n: usize) -> PathBuf {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let name = match rel.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    rel.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_climb_out_of_the_folder() {
        assert_eq!(safe_relative("../../etc/x.txt"), PathBuf::from("etc/x.txt"));
        assert_eq!(
            safe_relative("/abs\\win/./a.txt"),
            PathBuf::from("abs/win/a.txt")
        );
    }

    #[test]
    fn hidden_control_and_long_names_are_made_plain() {
        assert_eq!(
            safe_relative(".hidden/a\n\u{202E}b.txt"),
            PathBuf::from("_.hidden/a__b.txt")
        );
        let long = format!("{}.txt", "ب".repeat(300));
        let short = safe_relative(&long);
        let name = short.to_str().unwrap();
        assert!(
            name.len() <= MAX_PART_BYTES && name.ends_with("ب.txt"),
            "{name}"
        );
    }

    #[test]
    fn reserved_names_get_a_txt_and_numbers_go_before_the_extension() {
        for name in [
            "schema.ron",
            "hamish-project.ron",
            "a.txt.ann.ron",
            "a.txt.bak",
            "x.ann",
        ] {
            assert_eq!(
                unreserved(PathBuf::from(name)),
                PathBuf::from(format!("{name}.txt"))
            );
        }
        assert_eq!(unreserved(PathBuf::from("a.txt")), PathBuf::from("a.txt"));
        assert_eq!(
            numbered(Path::new("sub/dup.txt"), 2),
            PathBuf::from("sub/dup-2.txt")
        );
        assert_eq!(numbered(Path::new("dup"), 3), PathBuf::from("dup-3"));
    }
}
