//! Reading texts and writing outputs for imports and exports. Texts are decoded by the store's
//! decoder (UTF-8 with or without BOM, UTF-16, Windows-1256, ISO-8859-6; a BOM is not text, line
//! endings are kept). Every output goes through the store's atomic save, without a `.bak`.

use super::error::FormatError;
use crate::store::atomic::{save_atomic_with, Backup, RealFs};
use crate::store::decode::load_text_file;
use std::path::Path;

/// Reads and decodes a text file with the store's decoder; a leading byte-order mark is not part
/// of the text.
pub fn read_text(path: &Path) -> Result<String, FormatError> {
    Ok(load_text_file(path)?.text)
}

/// Writes `bytes` to `path` atomically (temp file, fsync, rename), creating its folder; refuses to
/// replace an existing file with other content unless `force` (an identical file is left as it
/// is). No `.bak` is kept: an export output can be made again from the sidecars.
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
    save_atomic_with(&RealFs, path, bytes, Backup::Skip)?;
    Ok(())
}
