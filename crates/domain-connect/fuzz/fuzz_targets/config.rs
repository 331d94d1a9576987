//! config.json (any bytes an operator or a broken host serves) must never panic the
//! typed reader the app and xtask share: a configuration, or an error naming the key.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = dc_config::Config::from_json(text) {
            assert!(!e.to_string().is_empty());
        }
    }
});
