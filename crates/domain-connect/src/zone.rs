//! Zone import and export: the suites' JSON record array, and BIND zone-file text
//! (parsed with hickory-proto's zone-file parser, not by hand).
//!
//! Both readers refuse more than [`MAX_ZONE_RECORDS`] records with a clear error
//! instead of allocating without bound; `$INCLUDE` is refused (a zone text never
//! reaches for files).

use crate::record::ZoneRecord;
use hickory_proto::rr::{Name, RData, RecordType};
use hickory_proto::serialize::txt::Parser;
use serde::de::{Deserializer, SeqAccess, Visitor};
use std::fmt;
use std::str::FromStr;

/// The largest zone we read.
pub const MAX_ZONE_RECORDS: usize = 200_000;

/// A zone that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneError(pub String);

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ZoneError {}

struct Limited;

impl<'de> Visitor<'de> for Limited {
    type Value = Vec<ZoneRecord>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of at most {MAX_ZONE_RECORDS} zone records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(r) = seq.next_element::<ZoneRecord>()? {
            if out.len() == MAX_ZONE_RECORDS {
                return Err(A::Error::custom(format!("the zone has more than {MAX_ZONE_RECORDS} records")));
            }
            out.push(r);
        }
        Ok(out)
    }
}

/// Read a zone as a JSON array of records (`{type, name, data, ttl, …}`); `null` is
/// an empty zone.
pub fn from_json(text: &str) -> Result<Vec<ZoneRecord>, ZoneError> {
    if text.trim() == "null" {
        return Ok(Vec::new());
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let at = |e: serde_json::Error| {
        let path = crate::json_path::of_error(text, &e);
        ZoneError(if path.is_empty() { e.to_string() } else { format!("{path}: {e}") })
    };
    let records = de.deserialize_seq(Limited).map_err(at)?;
    de.end().map_err(at)?;
    Ok(records)
}

/// Write a zone as pretty JSON.
pub fn to_json(records: &[ZoneRecord]) -> String {
    serde_json::to_string_pretty(records).unwrap_or_else(|_| "[]".into())
}

/// Read BIND zone-file text for the zone `origin`. Names become relative (`@` for the
/// apex), targets are written without their trailing dot, TXT strings are joined, and
/// types the engine has no field for keep their presentation form in `data`.
pub fn from_bind(text: &str, origin: &str) -> Result<Vec<ZoneRecord>, ZoneError> {
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().to_ascii_uppercase().starts_with("$INCLUDE") {
            return Err(ZoneError(format!("line {}: $INCLUDE is not supported", n + 1)));
        }
    }
    // A cheap upper bound before parsing: every record needs a line.
    let lines = text.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with(';')).count();
    if lines > MAX_ZONE_RECORDS * 2 {
        return Err(ZoneError(format!("the zone has more than {MAX_ZONE_RECORDS} records")));
    }
    let origin_name = Name::from_str(origin).map_err(|e| ZoneError(format!("origin {origin:?}: {e}")))?;
    let parser = Parser::new(text, None, Some(origin_name.clone()));
    let (_, sets) = parser.parse().map_err(|e| ZoneError(format!("zone file: {e}")))?;
    let mut fqdn_origin = origin_name.to_lowercase();
    fqdn_origin.set_fqdn(true);
    let mut out = Vec::new();
    for set in sets.values() {
        for rec in set.records_without_rrsigs() {
            if out.len() == MAX_ZONE_RECORDS {
                return Err(ZoneError(format!("the zone has more than {MAX_ZONE_RECORDS} records")));
            }
            out.push(convert(rec, &fqdn_origin)?);
        }
    }
    Ok(out)
}

fn relative(name: &Name, origin: &Name) -> String {
    let lower = name.to_lowercase();
    let full = lower.to_ascii();
    let o = origin.to_ascii();
    if full == o {
        "@".to_string()
    } else if let Some(prefix) = full.strip_suffix(&format!(".{o}")) {
        prefix.to_string()
    } else {
        full
    }
}

fn target(name: &Name) -> String {
    let s = name.to_ascii();
    s.strip_suffix('.').unwrap_or(&s).to_string()
}

fn convert(rec: &hickory_proto::rr::Record, origin: &Name) -> Result<ZoneRecord, ZoneError> {
    let name = relative(&rec.name, origin);
    let ttl = Some(i64::from(rec.ttl));
    let rtype = rec.record_type();
    let mut r = ZoneRecord::new(&rtype.to_string(), &name, "", ttl);
    match &rec.data {
        RData::A(a) => r.data = a.0.to_string(),
        RData::AAAA(a) => r.data = a.0.to_string(),
        RData::CNAME(c) => r.data = target(&c.0),
        RData::NS(n) => r.data = target(&n.0),
        RData::MX(mx) => {
            r.data = target(&mx.exchange);
            r.priority = Some(i64::from(mx.preference));
        }
        RData::TXT(t) => {
            r.data = t.txt_data.iter().map(|s| String::from_utf8_lossy(s).into_owned()).collect::<Vec<_>>().join("");
        }
        RData::SRV(s) => {
            r.data = target(&s.target);
            r.priority = Some(i64::from(s.priority));
            r.weight = Some(i64::from(s.weight));
            r.port = Some(i64::from(s.port));
            // `_service._proto.rest` → service `_service`, protocol `proto`, name `rest`.
            let labels: Vec<&str> = name.splitn(3, '.').collect();
            if labels.len() >= 2 && labels[0].starts_with('_') && labels[1].starts_with('_') {
                r.service = Some(labels[0].to_string());
                r.protocol = Some(labels[1][1..].to_string());
                r.name = labels.get(2).map(|s| s.to_string()).unwrap_or_else(|| "@".into());
            }
        }
        other => {
            if rtype == RecordType::Unknown(0) {
                return Err(ZoneError(format!("{name}: unknown record type")));
            }
            r.data = other.to_string();
        }
    }
    Ok(r)
}

/// One record as a records API gives it — an owner name, a TTL, a type and the rdata
/// in presentation form (`10 mail.example.com.`, `"v=spf1 " "-all"`) — read without
/// the zone-file parser, so the consent screen, which reads zones from APIs only, does
/// not carry it. The types the engine has fields for are read field by field; any other
/// type keeps its presentation form in `data`, as [`from_bind`] does. A test checks
/// both readers agree.
pub fn from_presentation(owner: &str, ttl: u32, rtype: &str, rdata: &str, origin: &str) -> Result<ZoneRecord, ZoneError> {
    use crate::record_type::RecordType as T;
    let bad = |why: String| ZoneError(format!("{owner} {rtype} {rdata:?}: {why}"));
    if [owner, rtype, rdata].iter().any(|s| s.chars().any(|c| c.is_control() && c != '\t')) {
        return Err(bad("a control character or line break".into()));
    }
    let origin = origin.trim_end_matches('.').to_ascii_lowercase();
    let full = owner.trim_end_matches('.').to_ascii_lowercase();
    let name = if full == origin {
        "@".to_string()
    } else if let Some(p) = full.strip_suffix(&format!(".{origin}")).filter(|p| !p.is_empty()) {
        p.to_string()
    } else {
        return Err(bad(format!("the owner is not in the zone {origin}")));
    };
    if name.split('.').any(|l| l.is_empty() || l.contains(char::is_whitespace)) {
        return Err(bad("the owner name has an empty label or a space".into()));
    }
    let kind = T::parse(rtype);
    let mut r = ZoneRecord::new(kind.as_str(), &name, "", Some(i64::from(ttl)));
    let words: Vec<&str> = rdata.split_whitespace().collect();
    let host = |w: &str| -> Result<String, ZoneError> {
        if w == "." {
            return Ok(String::new()); // the root: "no such service" for SRV
        }
        if w.is_empty() || w.starts_with('.') || w.contains("..") {
            return Err(bad(format!("{w:?} is not a host name")));
        }
        Ok(w.strip_suffix('.').unwrap_or(w).to_ascii_lowercase())
    };
    let number = |w: &str| w.parse::<u16>().map(i64::from).map_err(|_| bad(format!("{w:?} is not a number from 0 to 65535")));
    match (&kind, words.as_slice()) {
        (T::A, [a]) => r.data = a.parse::<std::net::Ipv4Addr>().map_err(|e| bad(e.to_string()))?.to_string(),
        (T::Aaaa, [a]) => r.data = a.parse::<std::net::Ipv6Addr>().map_err(|e| bad(e.to_string()))?.to_string(),
        (T::Cname | T::Ns, [t]) => r.data = host(t)?,
        (T::Mx, [p, t]) => {
            r.priority = Some(number(p)?);
            r.data = host(t)?;
        }
        (T::Srv, [p, w, port, t]) => {
            r.priority = Some(number(p)?);
            r.weight = Some(number(w)?);
            r.port = Some(number(port)?);
            r.data = host(t)?;
            let labels: Vec<&str> = name.splitn(3, '.').collect();
            if labels.len() >= 2 && labels[0].starts_with('_') && labels[1].starts_with('_') {
                r.service = Some(labels[0].to_string());
                r.protocol = Some(labels[1][1..].to_string());
                r.name = labels.get(2).map(|s| s.to_string()).unwrap_or_else(|| "@".into());
            }
        }
        (T::Txt, _) => r.data = character_strings(rdata).map_err(bad)?,
        (T::A | T::Aaaa | T::Cname | T::Ns | T::Mx | T::Srv, _) => return Err(bad(format!("{} fields", words.len()))),
        _ if words.is_empty() => return Err(bad("empty data".into())),
        _ => r.data = rdata.trim().to_string(),
    }
    Ok(r)
}

/// TXT rdata in presentation form — quoted or bare character-strings, `\"`, `\\` and
/// `\DDD` escapes — as the text of its strings joined.
fn character_strings(rdata: &str) -> Result<String, String> {
    let mut out: Vec<u8> = Vec::new();
    let bytes = rdata.trim().as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' => i += 1,
            b'"' => {
                i += 1;
                loop {
                    match bytes.get(i) {
                        None => return Err("an unterminated quoted string".into()),
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(b'\\') => i = escape(bytes, i, &mut out)?,
                        Some(&b) => {
                            out.push(b);
                            i += 1;
                        }
                    }
                }
            }
            _ => {
                while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t') {
                    if bytes[i] == b'\\' {
                        i = escape(bytes, i, &mut out)?;
                    } else {
                        out.push(bytes[i]);
                        i += 1;
                    }
                }
            }
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// One `\` escape at `i`; returns the position after it.
fn escape(bytes: &[u8], i: usize, out: &mut Vec<u8>) -> Result<usize, String> {
    let digits = bytes.get(i + 1..i + 4).filter(|d| d.iter().all(u8::is_ascii_digit));
    match (digits, bytes.get(i + 1)) {
        (Some(d), _) => {
            let v: u32 = std::str::from_utf8(d).unwrap_or("999").parse().unwrap_or(999);
            out.push(u8::try_from(v).map_err(|_| format!("the escape \\{v} is over 255"))?);
            Ok(i + 4)
        }
        (None, Some(&c)) => {
            out.push(c);
            Ok(i + 2)
        }
        (None, None) => Err("a trailing backslash".into()),
    }
}

fn quote_txt(s: &str) -> String {
    // Split into character-strings of at most 255 bytes, at char boundaries.
    let mut parts = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if cur.len() + c.len_utf8() > 255 {
            parts.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    parts.push(cur);
    parts
        .iter()
        .map(|p| format!("\"{}\"", p.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A record's owner (relative, `@` for the apex; SRV service and protocol folded in)
/// and its rdata in zone-file presentation form; `None` for the redirect
/// pseudo-records (REDIR301/302, APEXCNAME), which have no DNS form.
pub fn presentation(r: &ZoneRecord) -> Option<(String, String)> {
    let mut owner = if r.name.is_empty() { "@".to_string() } else { r.name.clone() };
    let fq = |d: &str| if d.ends_with('.') { d.to_string() } else { format!("{d}.") };
    let rdata = match r.rtype.as_str() {
        "CNAME" | "NS" => fq(&r.data),
        "MX" => format!("{} {}", r.priority.unwrap_or(0), fq(&r.data)),
        "TXT" => quote_txt(&r.data),
        "SRV" => {
            if let (Some(svc), Some(proto)) = (&r.service, &r.protocol) {
                if svc.starts_with('_') {
                    owner = if owner == "@" { format!("{svc}._{proto}") } else { format!("{svc}._{proto}.{owner}") };
                }
            }
            format!("{} {} {} {}", r.priority.unwrap_or(0), r.weight.unwrap_or(0), r.port.unwrap_or(0), fq(&r.data))
        }
        "REDIR301" | "REDIR302" | "APEXCNAME" => return None,
        _ => r.data.clone(),
    };
    Some((owner, rdata))
}

/// Write records as BIND zone-file text for `origin`. Redirect pseudo-records
/// (REDIR301/302, APEXCNAME) have no DNS form and are written as comments.
pub fn to_bind(records: &[ZoneRecord], origin: &str) -> String {
    let mut out = format!("$ORIGIN {}.\n", origin.trim_end_matches('.'));
    for r in records {
        let ttl = r.ttl.map(|t| t.to_string()).unwrap_or_default();
        match presentation(r) {
            Some((owner, rdata)) => out.push_str(&format!("{owner}\t{ttl}\tIN\t{}\t{rdata}\n", r.rtype)),
            None => out.push_str(&format!("; {} {} {} (not a DNS record type)\n", r.name, r.rtype, r.data)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZONE: &str = "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1.example.com. host.example.com. 1 7200 3600 1209600 3600\n@ IN NS ns1.example.net.\n@ 300 IN A 192.0.2.1\nwww IN CNAME example.com.\n@ IN MX 10 mail.example.com.\n@ IN TXT \"v=spf1 \" \"include:_spf.example.net ~all\"\n_sip._tcp IN SRV 10 20 5060 sip.example.com.\n";

    #[test]
    fn bind_import() {
        let z = from_bind(ZONE, "example.com").unwrap();
        let find = |t: &str| z.iter().find(|r| r.rtype == t).unwrap().clone();
        assert_eq!(find("A").data, "192.0.2.1");
        assert_eq!(find("A").ttl, Some(300));
        assert_eq!(find("CNAME").name, "www");
        assert_eq!(find("CNAME").data, "example.com");
        assert_eq!(find("MX").priority, Some(10));
        assert_eq!(find("TXT").data, "v=spf1 include:_spf.example.net ~all");
        let srv = find("SRV");
        assert_eq!((srv.name.as_str(), srv.service.as_deref(), srv.protocol.as_deref(), srv.port), ("@", Some("_sip"), Some("tcp"), Some(5060)));
        assert_eq!(z.len(), 7);
    }

    #[test]
    fn bind_round_trip() {
        let z = from_bind(ZONE, "example.com").unwrap();
        let text = to_bind(&z, "example.com");
        let mut again = from_bind(&text, "example.com").unwrap();
        let mut z = z;
        crate::record::sort_canonical(&mut z);
        crate::record::sort_canonical(&mut again);
        assert_eq!(z, again);
    }

    #[test]
    fn include_is_refused() {
        let e = from_bind("$INCLUDE /etc/passwd\n", "example.com").unwrap_err();
        assert!(e.0.contains("$INCLUDE"), "{e}");
    }

    #[test]
    fn bad_bind_is_an_error() {
        assert!(from_bind("@ IN A not-an-ip\n", "example.com").is_err());
        assert!(from_bind("@ IN A 1.2.3.4 (\n", "example.com").is_err());
    }

    #[test]
    fn presentation_reader_agrees_with_the_zone_file_parser() {
        let lines = [
            ("example.com.", "A", "192.0.2.1"),
            ("WWW.Example.com.", "AAAA", "2001:db8:0:0::1"),
            ("www.example.com.", "CNAME", "Target.example.net."),
            ("example.com.", "NS", "ns1.example.net."),
            ("example.com.", "MX", "10 mail.example.com."),
            ("example.com.", "TXT", "\"v=spf1 \" \"include:_spf.example.net ~all\""),
            ("t.example.com.", "TXT", "\"a\\\"b\\\\cd\" bare"),
            ("_sip._tcp.example.com.", "SRV", "10 20 5060 sip.example.com."),
            ("_sip._tls.x.example.com.", "SRV", "0 0 443 ."),
        ];
        for (owner, t, rdata) in lines {
            let ours = from_presentation(owner, 300, t, rdata, "example.com").unwrap_or_else(|e| panic!("{e}"));
            let bind = from_bind(&format!("{owner} 300 IN {t} {rdata}\n"), "example.com").unwrap();
            assert_eq!(vec![ours], bind, "{owner} {t} {rdata}");
        }
        for (owner, t, rdata) in [
            ("a.example.com.", "A", "not-an-ip"),
            ("a.example.com.", "A", "1.2.3.4 5.6.7.8"),
            ("a.example.com.", "MX", "70000 mx.example.com."),
            ("a.example.org.", "A", "1.2.3.4"),
            ("a.example.com.", "TXT", "\"open"),
            ("a.example.com.", "TXT", "\"\\300\""),
            ("a.example.com.", "A", "1.2.3.4\nevil 1 IN A 6.6.6.6"),
            ("a.example.com.", "CAA", ""),
        ] {
            assert!(from_presentation(owner, 1, t, rdata, "example.com").is_err(), "{owner} {t} {rdata:?}");
        }
        // RFC 1035 5.1: `\DDD` is a decimal octet (hickory-proto 0.26 reads these
        // differently, so this one is checked on its own).
        let t = from_presentation("t.example.com.", 1, "TXT", "\"a\\059b caf\\195\\169\"", "example.com").unwrap();
        assert_eq!(t.data, "a;b café");
        let caa = from_presentation("example.com.", 1, "caa", "0 issue \"letsencrypt.org\"", "example.com").unwrap();
        assert_eq!((caa.rtype.as_str(), caa.data.as_str()), ("CAA", "0 issue \"letsencrypt.org\""));
    }

    #[test]
    fn json_errors_name_the_path() {
        let e = from_json(r#"[{"type":"A","name":"@","data":"1.2.3.4","ttl":"x"}]"#).unwrap_err();
        assert!(e.0.starts_with("[0].ttl: ") && e.0.contains("expected an integer"), "{e}");
        assert!(from_json("[1,").is_err());
        assert_eq!(from_json("null").unwrap(), vec![]);
    }
}
