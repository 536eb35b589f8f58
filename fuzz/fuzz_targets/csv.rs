//! Fuzz target: a csv folder: the eight files split at NUL bytes; any input gives a result or an error, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = trellis::interop::fuzzing::csv(data);
});
