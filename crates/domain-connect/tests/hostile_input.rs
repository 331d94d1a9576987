//! Bad input gets a clear error — never a panic, never an unbounded allocation.

use domain_connect::{Template, TemplateError};

#[test]
fn malformed_json_names_where() {
    let e = Template::from_json(r#"{"providerId":"p","serviceId":"s","records":[{"type":"A","host":"@","pointsTo":7,"ttl":1}]}"#).unwrap_err();
    assert_eq!(e.path, "records[0].pointsTo");
    let e = Template::from_json(r#"{"providerId":"p","serviceId":"s","records":[{"type":"A","ttl":true}]}"#).unwrap_err();
    assert_eq!(e.path, "records[0].ttl");
    assert!(Template::from_json("{").is_err());
    let e = Template::from_json(r#"{"serviceId":"s","records":[]}"#).unwrap_err();
    assert!(e.message.contains("providerId"), "{e}");
}

#[test]
fn ten_megabyte_template_is_refused_before_parsing() {
    let big = format!(r#"{{"providerId":"p","serviceId":"s","records":[],"description":"{}"}}"#, "x".repeat(10 * 1024 * 1024));
    let e: TemplateError = Template::from_json(&big).unwrap_err();
    assert!(e.message.contains("limit"), "{e}");
}

#[test]
fn invalid_utf8_and_nul_bytes() {
    let e = Template::from_json_bytes(b"{\"providerId\":\"\xff\"}").unwrap_err();
    assert!(e.message.contains("UTF-8"), "{e}");
    let e = Template::from_json("{\"providerId\":\"a\0b\",\"serviceId\":\"s\",\"records\":[]}").unwrap_err();
    assert!(!e.message.is_empty());
    // A NUL inside a zone file's TXT string must not panic, whatever the verdict.
    let _ = domain_connect::zone::from_bind("@ IN TXT \"a\0b\"\n", "example.com");
    assert!(domain_connect::zone::from_json("[\u{0}]").is_err());
}

#[test]
fn million_record_zone_is_refused() {
    let mut text = String::with_capacity(30_000_000);
    text.push('[');
    for i in 0..1_000_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(r#"{"type":"A","name":"a","data":"1.2.3.4"}"#);
    }
    text.push(']');
    let e = domain_connect::zone::from_json(&text).unwrap_err();
    assert_eq!(e, domain_connect::zone::ZoneError::TooManyRecords, "{e}");

    let mut bind = String::from("$ORIGIN example.com.\n");
    for i in 0..1_000_000 {
        bind.push_str(&format!("h{i} 60 IN A 192.0.2.1\n"));
    }
    let e = domain_connect::zone::from_bind(&bind, "example.com").unwrap_err();
    assert_eq!(e, domain_connect::zone::ZoneError::TooManyRecords, "{e}");
}
