//! A HAR file a customer sent support (any bytes) must never panic the reader: every
//! apply request it finds, or a named error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(found) = domain_connect::replay::har::apply_requests(text) {
            for r in found {
                assert!(domain_connect::replay::har::is_apply_url(&r.url), "{}", r.url);
            }
        }
    }
});
