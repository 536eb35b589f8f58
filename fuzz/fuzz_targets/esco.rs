//! Fuzz target: an ESCO export: occupations, skills, relations, broader relations and skill groups split at NUL bytes; any input gives a result or an error, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = trellis::interop::fuzzing::esco(data);
});
