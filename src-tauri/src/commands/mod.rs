//! The commands the web view invokes over IPC, one module per area of the studio.

pub mod engagement;
