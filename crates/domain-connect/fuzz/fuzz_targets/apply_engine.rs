//! The apply engine on hostile templates, zones and variables: it must never panic,
//! and a zone indexed once (`IndexedZone`) must give exactly the one-call answer.
//!
//! Input: `template JSON \0 zone (JSON or BIND) \0 NAME=VALUE lines`; the first byte
//! of the variables part picks the host and multi-aware mode.
#![no_main]
use domain_connect::apply::{apply_template, apply_template_indexed, ApplyRequest, IndexedZone};
use domain_connect::{zone, Params, Template};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let (Some(t), Some(z)) = (parts.next(), parts.next()) else { return };
    let vars = parts.next().unwrap_or_default();
    let (Ok(t), Ok(z)) = (std::str::from_utf8(t), std::str::from_utf8(z)) else { return };
    let Ok(template) = Template::from_json(t) else { return };
    let records = match zone::from_json(z) {
        Ok(r) => r,
        Err(_) => match zone::from_bind(z, "example.com") {
            Ok(r) => r,
            Err(_) => return,
        },
    };
    let mode = vars.first().copied().unwrap_or(0);
    let vars = String::from_utf8_lossy(vars.get(1..).unwrap_or_default());
    let params: Params = vars.lines().filter_map(|l| l.split_once('=')).collect();
    let host = ["", "bar", "www", "a.b"][usize::from(mode & 3)];
    let groups: Vec<String> = if mode & 8 != 0 { vec!["a".into()] } else { vec![] };
    let req = ApplyRequest { group_ids: &groups, multi_aware: mode & 4 != 0, unique_id: Some("fuzz"), ..ApplyRequest::new("example.com", Some(host), &params) };
    let once = apply_template(&template, &records, &req);
    let indexed = IndexedZone::new(records).map(|z| apply_template_indexed(&template, &z, &req));
    if let Ok(indexed) = indexed {
        assert_eq!(once, indexed, "the indexed zone answers differently");
    }
});
