//! Hamish (هامش): annotating Arabic text. The library holds the core (text engine, annotation model,
//! storage), the application layer (`workspace`), the CPU renderer, the window and the command line;
//! `main.rs` only dispatches.

pub mod agree;
pub mod cli;
pub mod model;
pub mod offset;
pub mod render;
pub mod store;
pub mod text;
pub mod ui;
pub mod workspace;
