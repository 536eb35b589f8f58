//! Importers and exporters: the Trellis JSON interchange, csv folders, ESCO, O*NET, CASE, GraphML, Kumu, DOT and responses; merging what imports bring into a model.

pub mod case;
pub mod case_export;
pub mod csv;
pub mod dot;
mod encoding;
pub mod esco;
mod esco_concepts;
mod esco_hierarchy;
mod format;
pub mod formula;
pub mod fuzzing;
pub mod graphml;
mod increment;
pub mod json;
pub mod kumu;
mod merge;
pub mod onet;
mod options;
mod progress;
mod quotes;
pub mod responses;
pub mod source;

pub use format::{export_text, read, write, ExportFormat, ImportFormat};
pub use increment::{Increment, MergeMode, Skipped};
pub use merge::{apply, merge, merge_by_refs, ImportSummary, KindCount, IDENTITY_PREFIXES};
pub use options::{ImportOptions, DEFAULT_MIN_IMPORTANCE};
pub use progress::{Progress, ProgressSink};
