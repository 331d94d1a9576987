//! Lint over any template text (both profiles) must never panic: findings only.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for cloudflare in [false, true] {
            let _ = domain_connect::lint::lint(text, domain_connect::lint::Options { cloudflare });
        }
    }
});
