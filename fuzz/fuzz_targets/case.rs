//! Fuzz target: a CASE JSON package; any input gives a result or an error, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = trellis::interop::fuzzing::case(data);
});
