//! Key TXT assembly from arbitrary TXT strings (one per line) must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let txt = domain_connect::signature::parse_txt_lines(&text);
    if let Ok(key) = domain_connect::signature::assemble_key(&txt) {
        let _ = domain_connect::signature::verify(&key, b"domain=example.com", "AAAA");
    }
});
