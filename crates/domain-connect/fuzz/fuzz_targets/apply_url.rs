//! The apply-URL parser (and what the screen then asks of it) must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(u) = domain_connect::ApplyUrl::parse(s) {
            let _ = u.signed_bytes();
            let _ = u.fqdn();
        }
        let _ = domain_connect::ApplyUrl::from_parts("/v2/domainTemplates/providers/p/services/s/apply", s);
    }
});
