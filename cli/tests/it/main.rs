//! The `trellis` command's integration tests, one binary of modules: each runs the real binary
//! (`CARGO_BIN_EXE_trellis`) as users do and checks its exit code, stdout and stderr.

// The core's test support, shared by path so that both packages build the same fixtures; the
// core's own tests use the parts these modules leave unused.
#[allow(dead_code)]
#[path = "../../../tests/it/blueprint_support.rs"]
mod blueprint_support;
#[allow(dead_code)]
#[path = "../../../tests/it/shared_data.rs"]
mod shared_data;
#[allow(dead_code)]
#[path = "../../../tests/it/workshop_support.rs"]
mod workshop_support;

#[macro_use]
mod support;

mod blueprint;
mod cli;
mod diagnose;
mod import;
mod snapshots;
mod workshop;
mod workshop_crash;
