//! Trellis core: model learning ecosystems, keep them in one-file engagements, diagnose them, exchange them, print blueprints.
//!
//! Layers, each using only those before it: `model` -> `graph` -> `diagnostics` -> `store` ->
//! `interop` -> `report` -> `api`; the live `workshop` server sits on `api`.
//! See ARCHITECTURE.md (at the repository root) for the map and the invariants.

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

pub use error::{Error, ErrorCode, ImportOption, Result};
