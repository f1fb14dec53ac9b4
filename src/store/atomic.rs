//! Atomic file replacement (temp file, fsync, rename, fsync folder) behind a file-system trait that tests can make fail.
