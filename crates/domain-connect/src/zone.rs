//! Zone import and export: the suites' JSON record array, and BIND zone-file text
//! (parsed with hickory-proto's zone-file parser, not by hand).
//!
//! Both readers refuse more than [`MAX_ZONE_RECORDS`] records with a clear error
//! instead of allocating without bound; `$INCLUDE` is refused (a zone text never
//! reaches for files).

use crate::record::ZoneRecord;

mod presentation;
use crate::record_type::RecordType;
use hickory_proto::rr::{Name, RData, RecordType as WireType};
use hickory_proto::serialize::txt::Parser;
pub use presentation::from_presentation;
use serde::de::{Deserializer, SeqAccess, Visitor};
use std::fmt;
use std::str::FromStr;

/// What the JSON reader says when a zone has too many records.
const TOO_MANY: &str = "the zone has more records than the limit";

/// The largest zone we read.
pub const MAX_ZONE_RECORDS: usize = 200_000;

/// A zone that could not be read: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ZoneError {
    /// JSON records that do not read: at which JSON path, and why.
    Json {
        /// The path (`[3].ttl`; empty for the whole document).
        path: String,
        /// What serde_json says.
        reason: String,
    },
    /// A zone file the parser refuses.
    ZoneFile {
        /// What the parser says.
        reason: String,
    },
    /// A zone file asks to `$INCLUDE` another file (never followed).
    Include {
        /// The line (1-based).
        line: usize,
    },
    /// More records than [`MAX_ZONE_RECORDS`].
    TooManyRecords,
    /// The zone's origin is not a DNS name.
    BadOrigin {
        /// The origin given.
        origin: String,
    },
    /// One record that cannot be read.
    Record {
        /// Its owner name as given.
        owner: String,
        /// Its type as given.
        rtype: String,
        /// Its data as given.
        rdata: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A records API's answer is not in the shape its documentation gives.
    Api {
        /// Which API.
        api: &'static str,
        /// What is wrong.
        reason: String,
    },
}

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json { path, reason } if path.is_empty() => write!(f, "{reason}"),
            Self::Json { path, reason } => write!(f, "{path}: {reason}"),
            Self::ZoneFile { reason } => write!(f, "zone file: {reason}"),
            Self::Include { line } => write!(f, "line {line}: $INCLUDE is not supported"),
            Self::TooManyRecords => write!(f, "the zone has more than {MAX_ZONE_RECORDS} records"),
            Self::BadOrigin { origin } => write!(f, "origin {origin:?} is not a DNS name"),
            Self::Record { owner, rtype, rdata, reason } => write!(f, "{owner} {rtype} {rdata:?}: {reason}"),
            Self::Api { api, reason } => write!(f, "{api}: {reason}"),
        }
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
                return Err(A::Error::custom(TOO_MANY));
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
        if e.to_string().starts_with(TOO_MANY) {
            return ZoneError::TooManyRecords;
        }
        ZoneError::Json { path, reason: e.to_string() }
    };
    let records = de.deserialize_seq(Limited).map_err(at)?;
    de.end().map_err(at)?;
    Ok(records)
}

/// Read a zone given as text of either form: a JSON array of records when it starts
/// with `[`, else BIND zone-file text for `origin`.
pub fn from_text(text: &str, origin: &str) -> Result<Vec<ZoneRecord>, ZoneError> {
    if text.trim_start().starts_with('[') {
        from_json(text)
    } else {
        from_bind(text, origin)
    }
}

/// Write a zone as pretty JSON.
pub fn to_json(records: &[ZoneRecord]) -> String {
    serde_json::to_string_pretty(records).unwrap_or_else(|_| "[]".into())
}

/// Read BIND zone-file text for the zone `origin`. Names become relative (`@` for the
/// apex), targets are written without their trailing dot, TXT strings are joined, and
/// types the engine has no field for keep their presentation form in `data`.
pub fn from_bind(text: &str, origin: &str) -> Result<Vec<ZoneRecord>, ZoneError> {
    // One pass before parsing, without copying a line: no $INCLUDE, and a cheap upper
    // bound on the records (every record needs a line).
    let mut lines = 0;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.get(..8).is_some_and(|d| d.eq_ignore_ascii_case("$INCLUDE")) {
            return Err(ZoneError::Include { line: n + 1 });
        }
        if !line.is_empty() && !line.starts_with(';') {
            lines += 1;
        }
    }
    if lines > MAX_ZONE_RECORDS * 2 {
        return Err(ZoneError::TooManyRecords);
    }
    let origin_name = Name::from_str(origin).map_err(|_| ZoneError::BadOrigin { origin: origin.to_string() })?;
    let parser = Parser::new(text, None, Some(origin_name.clone()));
    let (_, sets) = parser.parse().map_err(|e| ZoneError::ZoneFile { reason: e.to_string() })?;
    let mut fqdn_origin = origin_name.to_lowercase();
    fqdn_origin.set_fqdn(true);
    // `.example.com.`, lowercase: written once, not for each of 200,000 records.
    let suffix = format!(".{}", fqdn_origin.to_ascii());
    let mut out = Vec::new();
    for set in sets.values() {
        for rec in set.records_without_rrsigs() {
            if out.len() == MAX_ZONE_RECORDS {
                return Err(ZoneError::TooManyRecords);
            }
            out.push(convert(rec, &suffix)?);
        }
    }
    Ok(out)
}

/// `name` relative to the origin whose lowercase `suffix` is `.example.com.`.
fn relative(name: &Name, suffix: &str) -> String {
    // The parser's names are ASCII (IDNs in their xn-- form), so lowercasing the text
    // is lowercasing the name.
    let mut full = name.to_ascii();
    full.make_ascii_lowercase();
    if full == suffix[1..] {
        "@".to_string()
    } else if let Some(prefix) = full.strip_suffix(suffix) {
        prefix.to_string()
    } else {
        full
    }
}

fn target(name: &Name) -> String {
    let s = name.to_ascii();
    s.strip_suffix('.').unwrap_or(&s).to_string()
}

fn convert(rec: &hickory_proto::rr::Record, origin_suffix: &str) -> Result<ZoneRecord, ZoneError> {
    let name = relative(&rec.name, origin_suffix);
    let ttl = Some(i64::from(rec.ttl));
    let rtype = rec.record_type();
    let mut r = ZoneRecord::new(RecordType::from_number(u16::from(rtype)), &name, "", ttl);
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
            if rtype == WireType::Unknown(0) {
                return Err(ZoneError::Record { owner: name, rtype: rtype.to_string(), rdata: other.to_string(), reason: "unknown record type".into() });
            }
            r.data = other.to_string();
        }
    }
    Ok(r)
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
    parts.iter().map(|p| format!("\"{}\"", p.replace('\\', "\\\\").replace('"', "\\\""))).collect::<Vec<_>>().join(" ")
}

/// A record's owner (relative, `@` for the apex; SRV service and protocol folded in)
/// and its rdata in zone-file presentation form; `None` for the redirect
/// pseudo-records (REDIR301/302, APEXCNAME), which have no DNS form.
pub fn presentation(r: &ZoneRecord) -> Option<(String, String)> {
    let mut owner = if r.name.is_empty() { "@".to_string() } else { r.name.clone() };
    let fq = |d: &str| if d.ends_with('.') { d.to_string() } else { format!("{d}.") };
    let rdata = match r.rtype {
        RecordType::Cname | RecordType::Ns | RecordType::Ptr => fq(&r.data),
        RecordType::Mx => format!("{} {}", r.priority.unwrap_or(0), fq(&r.data)),
        RecordType::Txt => quote_txt(&r.data),
        RecordType::Srv => {
            if let (Some(svc), Some(proto)) = (&r.service, &r.protocol) {
                if svc.starts_with('_') {
                    owner = if owner == "@" { format!("{svc}._{proto}") } else { format!("{svc}._{proto}.{owner}") };
                }
            }
            format!("{} {} {} {}", r.priority.unwrap_or(0), r.weight.unwrap_or(0), r.port.unwrap_or(0), fq(&r.data))
        }
        RecordType::Redir301 | RecordType::Redir302 | RecordType::ApexCname => return None,
        _ => r.data.clone(),
    };
    Some((owner, rdata))
}

/// Write records as BIND zone-file text for `origin`. Redirect pseudo-records
/// (REDIR301/302, APEXCNAME) have no DNS form and are written as comments.
pub fn to_bind(records: &[ZoneRecord], origin: &str) -> String {
    let mut out = format!("$ORIGIN {}.\n", origin.trim_end_matches('.'));
    for r in records {
        out += &bind_line(r);
        out.push('\n');
    }
    out
}

/// One record as a line of zone-file text (owner relative to the origin, no newline);
/// a redirect pseudo-record as a comment.
pub fn bind_line(r: &ZoneRecord) -> String {
    let ttl = r.ttl.map(|t| t.to_string()).unwrap_or_default();
    match presentation(r) {
        Some((owner, rdata)) => format!("{owner}\t{ttl}\tIN\t{}\t{rdata}", r.rtype),
        None => format!("; {} {} {} (not a DNS record type)", r.name, r.rtype, r.data),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZONE: &str = "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1.example.com. host.example.com. 1 7200 3600 1209600 3600\n@ IN NS ns1.example.net.\n@ 300 IN A 192.0.2.1\nwww IN CNAME example.com.\n@ IN MX 10 mail.example.com.\n@ IN TXT \"v=spf1 \" \"include:_spf.example.net ~all\"\n_sip._tcp IN SRV 10 20 5060 sip.example.com.\n";

    #[test]
    fn text_of_either_form() {
        assert_eq!(from_text(" [{\"type\": \"A\", \"name\": \"@\", \"data\": \"192.0.2.1\", \"ttl\": 60}]", "example.com").unwrap()[0].data, "192.0.2.1");
        assert_eq!(from_text(ZONE, "example.com").unwrap(), from_bind(ZONE, "example.com").unwrap());
        assert!(matches!(from_text("[{", "example.com"), Err(ZoneError::Json { .. })), "a JSON start is read as JSON, and its error is JSON's");
    }

    #[test]
    fn bind_import() {
        let z = from_bind(ZONE, "example.com").unwrap();
        let find = |t: &str| z.iter().find(|r| r.rtype.to_string() == t).unwrap().clone();
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
        assert_eq!(e, ZoneError::Include { line: 1 });
    }

    #[test]
    fn bad_bind_is_an_error() {
        assert!(from_bind("@ IN A not-an-ip\n", "example.com").is_err());
        assert!(from_bind("@ IN A 1.2.3.4 (\n", "example.com").is_err());
    }

    #[test]
    fn json_errors_name_the_path() {
        let e = from_json(r#"[{"type":"A","name":"@","data":"1.2.3.4","ttl":"x"}]"#).unwrap_err();
        assert!(matches!(&e, ZoneError::Json { path, reason } if path == "[0].ttl" && reason.contains("expected an integer")), "{e}");
        assert!(from_json("[1,").is_err());
        assert_eq!(from_json("null").unwrap(), vec![]);
    }
}
