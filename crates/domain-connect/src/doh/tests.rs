use super::*;
use hickory_proto::rr::rdata::{CNAME, TXT};
use hickory_proto::rr::{RData, Record};

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
