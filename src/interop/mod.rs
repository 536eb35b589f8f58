//! Importers and exporters: the Trellis JSON interchange, and merging what they bring into a model.

pub mod json;
mod merge;

pub use merge::{merge, ImportSummary, KindCount};
