//! Reading texts and writing outputs for imports and exports. Texts are read as UTF-8 (a BOM is
//! dropped, as it is not text). All writes go through [`write_file`], the one place to switch to
//! `store::atomic` once it is merged.

use super::error::FormatError;
use std::path::Path;

/// Reads a UTF-8 text file; a leading byte-order mark is not part of the text.
pub fn read_text(path: &Path) -> Result<String, FormatError> {
    let bytes = std::fs::read(path).map_err(|source| FormatError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        FormatError::NotUtf8 {
            path: path.to_owned(),
            line,
        }
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// Writes `bytes` to `path`, creating its folder; refuses to replace an existing file with other
/// content unless `force` (an identical file is left as it is).
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), FormatError> {
    let io = |source| FormatError::Io {
        path: path.to_owned(),
        source,
    };
    if path.exists() {
        if std::fs::read(path).map_err(io)? == bytes {
            return Ok(());
        }
        if !force {
            return Err(FormatError::Exists {
                path: path.to_owned(),
            });
        }
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(path, bytes).map_err(io)
}
