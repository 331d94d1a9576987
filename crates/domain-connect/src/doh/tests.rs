//! Every answer here is built with hickory-proto, so the hand-written reader is
//! checked against a second implementation of the wire format.

use super::*;
use hickory_proto::op::{Message, Query, ResponseCode};
use hickory_proto::rr::rdata::{CNAME, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};

fn name(s: &str) -> Result<Name, hickory_proto::ProtoError> {
    let mut n = Name::from_ascii(s)?;
    n.set_fqdn(true);
    Ok(n)
}

fn answer(id: u16, q: &str, records: Vec<Record>, rcode: ResponseCode, tc: bool) -> Vec<u8> {
    let mut m = Message::response(id, hickory_proto::op::OpCode::Query);
    m.add_query(Query::query(name(q).unwrap(), RecordType::TXT));
    m.metadata.response_code = rcode;
    m.metadata.truncation = tc;
    for r in records {
        m.add_answer(r);
    }
    m.to_vec().unwrap()
}

fn txt(owner: &str, parts: &[&str]) -> Record {
    Record::from_rdata(name(owner).unwrap(), 300, RData::TXT(TXT::new(parts.iter().map(|s| s.to_string()).collect())))
}

#[test]
fn query_round_trips_and_get_url_is_base64url() {
    let q = txt_query("_dck1.exampleservice.domainconnect.org", 0).unwrap();
    let m = Message::from_vec(&q).unwrap();
    assert_eq!(m.queries[0].query_type(), RecordType::TXT);
    assert!(m.metadata.recursion_desired);
    let url = get_url("https://doh.example/dns-query", &q);
    assert!(url.starts_with("https://doh.example/dns-query?dns="));
    assert!(!url["https://doh.example/dns-query?dns=".len()..].contains(['+', '/', '=']));
}

#[test]
fn reads_txt_joins_strings_and_follows_cnames() {
    let h = "_dck1.sp.example";
    let a = answer(7, h, vec![txt(h, &["p=1,d=ab", "cd"]), txt(h, &["p=2,d=ef"])], ResponseCode::NoError, false);
    assert_eq!(read_wire_answer(&a, h, 7).unwrap(), ["p=1,d=abcd", "p=2,d=ef"]);
    let c = Record::from_rdata(name(h).unwrap(), 300, RData::CNAME(CNAME(name("keys.cdn.example").unwrap())));
    let a = answer(7, h, vec![c, txt("keys.cdn.example", &["p=1,d=x"]), txt("other.example", &["p=9,d=evil"])], ResponseCode::NoError, false);
    assert_eq!(read_wire_answer(&a, h, 7).unwrap(), ["p=1,d=x"]);
    let a = answer(7, h, vec![], ResponseCode::NXDomain, false);
    assert!(read_wire_answer(&a, h, 7).unwrap().is_empty());
}

#[test]
fn hostile_wire_answers_are_errors() {
    let h = "_dck1.sp.example";
    let ok = answer(7, h, vec![txt(h, &["p=1,d=x"])], ResponseCode::NoError, false);
    assert!(matches!(read_wire_answer(&ok, h, 8), Err(DohError::IdMismatch { .. })));
    assert!(matches!(read_wire_answer(&ok, "_dck2.sp.example", 7), Err(DohError::QuestionMismatch(_))));
    assert!(matches!(read_wire_answer(&answer(7, h, vec![], ResponseCode::ServFail, false), h, 7), Err(DohError::Rcode(_))));
    assert!(matches!(read_wire_answer(&answer(7, h, vec![], ResponseCode::NoError, true), h, 7), Err(DohError::Truncated)));
    assert!(matches!(read_wire_answer(&txt_query(h, 7).unwrap(), h, 7), Err(DohError::NotAResponse)));
    let a = Record::from_rdata(name(h).unwrap(), 1, RData::CNAME(CNAME(name("b.example").unwrap())));
    let b = Record::from_rdata(name("b.example").unwrap(), 1, RData::CNAME(CNAME(name(h).unwrap())));
    assert_eq!(read_wire_answer(&answer(7, h, vec![a, b], ResponseCode::NoError, false), h, 7), Err(DohError::CnameLoop));
    // Truncated bytes, garbage, a compression pointer to itself, and oversize input.
    for bad in [&ok[..ok.len() - 3], &[0xff; 5][..], &[0, 7, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 16, 0, 1][..]] {
        assert!(read_wire_answer(bad, h, 7).is_err());
    }
    assert!(matches!(read_wire_answer(&vec![0; MAX_ANSWER + 1], h, 7), Err(DohError::TooLarge(_))));
}

#[test]
fn json_dialect() {
    let h = "_dck1.sp.example";
    let j = r#"{"Status":0,"TC":false,"Answer":[{"name":"_dck1.sp.example.","type":5,"data":"k.cdn.example."},
        {"name":"k.cdn.example.","type":16,"data":"\"p=1,d=ab\" \"cd\""},{"name":"k.cdn.example.","type":16,"data":"p=2,d=ef"}]}"#;
    assert_eq!(read_json_answer(j, h).unwrap(), ["p=1,d=abcd", "p=2,d=ef"]);
    assert!(read_json_answer(r#"{"Status":3}"#, h).unwrap().is_empty());
    assert!(matches!(read_json_answer(r#"{"Status":2}"#, h), Err(DohError::Rcode(_))));
    assert!(matches!(read_json_answer(r#"{"Status":0,"TC":true}"#, h), Err(DohError::Truncated)));
    assert!(read_json_answer("<html>", h).is_err());
    assert_eq!(json_url("https://dns.example/resolve", h), "https://dns.example/resolve?name=_dck1.sp.example&type=TXT");
}

#[test]
fn other_records_are_skipped_and_a_lying_length_is_malformed() {
    use hickory_proto::rr::rdata::{A, MX};
    let h = "_dck1.sp.example";
    let a_rec = Record::from_rdata(name(h).unwrap(), 300, RData::A(A::new(192, 0, 2, 1)));
    let mx = Record::from_rdata(name(h).unwrap(), 300, RData::MX(MX::new(10, name("mx.sp.example").unwrap())));
    let a = answer(7, h, vec![a_rec, mx, txt(h, &["p=1,d=ab"])], ResponseCode::NoError, false);
    assert_eq!(read_wire_answer(&a, h, 7).unwrap(), ["p=1,d=ab"]);
    // The TXT record's RDLENGTH (the two bytes before its data) claims one byte more.
    let mut bad = answer(7, h, vec![txt(h, &["p=1,d=ab"])], ResponseCode::NoError, false);
    let at = bad.len() - "p=1,d=ab".len() - 1 - 2;
    bad[at + 1] += 1;
    assert!(matches!(read_wire_answer(&bad, h, 7), Err(DohError::Malformed(_))), "{:?}", read_wire_answer(&bad, h, 7));
}

#[test]
fn query_bytes_are_hickorys() {
    let h = "_dck1.Sp-1.example";
    let mut m = Message::query();
    m.metadata.id = 0x1234;
    m.metadata.recursion_desired = true;
    m.add_query(Query::query(name(&h.to_ascii_lowercase()).unwrap(), RecordType::TXT));
    assert_eq!(txt_query(h, 0x1234).unwrap(), m.to_vec().unwrap());
    for bad in ["", "a..b", "sp example", "bücher.example", &"a".repeat(64), &["a"; 130].join(".")] {
        assert!(matches!(txt_query(bad, 0), Err(DohError::BadName(_))), "{bad:?}");
    }
}

#[test]
fn forward_and_looping_pointers_are_malformed() {
    let h = "_dck1.sp.example";
    let ok = answer(7, h, vec![txt(h, &["p=1,d=x"])], ResponseCode::NoError, false);
    // The answer's owner is a pointer to the question's name (offset 12): point it at
    // itself, and past itself.
    let at = 12 + h.len() + 2 + 4;
    assert_eq!(&ok[at..at + 2], &[0xc0, 12]);
    for target in [at as u8, at as u8 + 2] {
        let mut bad = ok.clone();
        bad[at + 1] = target;
        assert!(matches!(read_wire_answer(&bad, h, 7), Err(DohError::Malformed(_))), "{target}");
    }
}

proptest::proptest! {
    /// Whatever hickory writes — names in any case, compressed or not, any bytes in the
    /// strings, other records between — the reader gives back the TXT strings at the name.
    #[test]
    fn reads_what_hickory_writes(
        labels in proptest::collection::vec("[a-zA-Z0-9_][a-zA-Z0-9_-]{0,19}", 1..5),
        strings in proptest::collection::vec(proptest::collection::vec(proptest::collection::vec(0x20u8..0x7f, 0..300), 1..4), 1..4),
        others in 0usize..4,
    ) {
        let h = labels.join(".");
        let mut records: Vec<Record> = (0..others)
            .map(|i| Record::from_rdata(name(&format!("o{i}.{h}")).unwrap(), 60, RData::TXT(TXT::new(vec!["x".into()]))))
            .collect();
        let mut want = Vec::new();
        for parts in &strings {
            let texts: Vec<String> = parts.iter().map(|b| String::from_utf8(b.chunks(255).next().unwrap_or(&[]).to_vec()).unwrap()).collect();
            want.push(texts.concat());
            records.push(Record::from_rdata(name(&h.to_ascii_uppercase()).unwrap(), 60, RData::TXT(TXT::new(texts))));
        }
        let a = answer(9, &h, records, ResponseCode::NoError, false);
        proptest::prop_assert_eq!(read_wire_answer(&a, &h, 9).unwrap(), want);
    }
}

#[test]
fn reads_addresses_hosts_mx_and_srv_as_text() {
    use hickory_proto::rr::rdata::{A, AAAA, MX, SRV};
    let ask = |q: &str, t: RecordType, records: Vec<Record>| {
        let mut m = Message::response(3, hickory_proto::op::OpCode::Query);
        m.add_query(Query::query(name(q).unwrap(), t));
        for r in records {
            m.add_answer(r);
        }
        m.to_vec().unwrap()
    };
    let rec = |owner: &str, d: RData| Record::from_rdata(name(owner).unwrap(), 60, d);
    let a = ask(
        "www.example.com",
        RecordType::A,
        vec![rec("www.example.com", RData::CNAME(CNAME(name("Edge.CDN.example").unwrap()))), rec("edge.cdn.example", RData::A(A::new(192, 0, 2, 7)))],
    );
    assert_eq!(read_answer(&a, "www.example.com", 1, 3).unwrap(), ["192.0.2.7"], "CNAMEs are followed");
    assert_eq!(
        read_answer(
            &ask("www.example.com", RecordType::CNAME, vec![rec("www.example.com", RData::CNAME(CNAME(name("Edge.CDN.example").unwrap())))]),
            "www.example.com",
            5,
            3
        )
        .unwrap(),
        ["edge.cdn.example"]
    );
    let six = ask("v6.example.com", RecordType::AAAA, vec![rec("v6.example.com", RData::AAAA(AAAA::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)))]);
    assert_eq!(read_answer(&six, "v6.example.com", 28, 3).unwrap(), ["2001:db8::1"]);
    let mx = ask("example.com", RecordType::MX, vec![rec("example.com", RData::MX(MX::new(5, name("mx.example.net").unwrap())))]);
    assert_eq!(read_answer(&mx, "example.com", 15, 3).unwrap(), ["5 mx.example.net"]);
    let srv =
        ask("_sip._tls.example.com", RecordType::SRV, vec![rec("_sip._tls.example.com", RData::SRV(SRV::new(1, 2, 443, name("sip.example.net").unwrap())))]);
    assert_eq!(read_answer(&srv, "_sip._tls.example.com", 33, 3).unwrap(), ["1 2 443 sip.example.net"]);
    // A probe sees its record, and not another.
    let recs: Vec<crate::TemplateRecord> = serde_json::from_str(r#"[{"type":"MX","host":"@","pointsTo":"MX.example.net","priority":5,"ttl":60}]"#).unwrap();
    let cs = crate::process_records(&recs, &[], &crate::ProcessOptions { domain: "example.com", host: Some(""), ..Default::default() }).unwrap();
    let (p, _) = crate::propagation::probes(&cs, "example.com");
    assert!(p[0].seen_in(&mx, 3).unwrap());
    let other = ask("example.com", RecordType::MX, vec![rec("example.com", RData::MX(MX::new(10, name("mx.example.net").unwrap())))]);
    assert!(!p[0].seen_in(&other, 3).unwrap());
    assert!(matches!(p[0].seen_in(&a, 3), Err(DohError::QuestionMismatch(_))));
}
