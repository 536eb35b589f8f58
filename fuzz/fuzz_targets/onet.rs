//! Fuzz target: O*NET text files: Occupation Data, Skills, Knowledge and Content Model Reference split at NUL bytes; any input gives a result or an error, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = trellis::interop::fuzzing::onet(data);
});
