//! The core's integration tests, one binary of modules (as ripgrep, uv and GitButler lay them out):
//! a change under `src/` relinks this one binary, not twenty. The CLI's tests, which run the
//! `trellis` binary, are in `cli/tests/it/`.

// Support shared by the modules below (the CLI's tests include some of them by path).
mod blueprint_support;
mod common;
mod shared_data;
mod workshop_support;

mod blueprint;
mod blueprint_layout;
mod crash;
mod diagnose;
mod export_formats;
mod fuzz_corpus;
mod import_case;
mod import_csv;
mod import_esco;
mod import_onet;
mod interchange;
mod layers;
mod method_doc;
mod module_graph;
mod scale_wording;
mod session;
mod store;
mod validation;
mod workshop;
mod workshop_page;
