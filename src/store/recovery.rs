//! Autosave to a recovery file and recovery after a crash.
