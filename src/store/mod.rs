//! Storage: reading inputs (`input`, the one guarded reader), decoding text files, sidecar files with atomic saves, recovery, re-anchoring, formats.
//! No eframe here.

pub mod anchor;
pub mod annotated;
pub mod atomic;
pub mod decode;
pub mod formats;
pub mod input;
pub mod recovery;
pub mod session;
pub mod sidecar;
pub mod walk;
