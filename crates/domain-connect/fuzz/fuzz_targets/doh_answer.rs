//! DoH answers (wire and JSON) from a hostile resolver must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = domain_connect::doh::read_wire_answer(data, "_dck1.example.com", 0);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = domain_connect::doh::read_json_answer(s, "_dck1.example.com");
    }
});
