//! Trellis core: model learning ecosystems, keep them in one-file engagements, and exchange them.
//!
//! Layers, each using only those before it: `model` -> `graph` -> `store` -> `interop` -> `api`.
//! See ARCHITECTURE.md for the map and the invariants.

pub mod api;
pub mod diagnostics;
mod error;
pub mod graph;
pub mod interop;
pub mod model;
pub mod report;
pub mod store;
pub mod templates;
pub mod workshop;

pub use error::{Error, Result};
