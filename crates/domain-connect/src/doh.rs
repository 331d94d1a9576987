//! DNS-over-HTTPS messages for reading a Service Provider's key TXT records — RFC 8484
//! wireformat (GET `?dns=` base64url or POST `application/dns-message`) and the JSON
//! dialect (`application/dns-json`) of public resolvers. The wire messages are written
//! and read by [`wire`] (header, question, names, TXT character-strings); answer
//! records other than TXT and CNAME are skipped by their length. No I/O: the caller
//! sends the request this module builds and hands back the answer's bytes.
//!
//! Reading an answer: the ID and question must be ours; RCODE NXDOMAIN means "no
//! records" (the verdict then says no key was published); any other RCODE than
//! NOERROR, and a truncated answer, is an error. CNAMEs are followed within the
//! answer (at most [`MAX_CNAME_HOPS`]); each TXT record's strings are joined.

use base64::Engine;
use serde::Serialize;
use wire::{Reader, WireName};

mod wire;
use std::fmt;

/// The longest CNAME chain followed within one answer.
pub const MAX_CNAME_HOPS: usize = 8;
/// Largest answer read (a DNS message over HTTPS is at most 64 KiB).
pub const MAX_ANSWER: usize = 65_535;

/// Why a DNS-over-HTTPS answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DohError {
    /// The host is not a DNS name.
    BadName(String),
    /// The answer is larger than a DNS message can be.
    TooLarge(usize),
    /// The answer is not a DNS message (or JSON answer) at all.
    Malformed(String),
    /// The answer is a query.
    NotAResponse,
    /// The answer's ID is not the query's.
    IdMismatch {
        /// The query's ID.
        sent: u16,
        /// The answer's ID.
        got: u16,
    },
    /// The answer is for another question.
    QuestionMismatch(String),
    /// The answer is truncated (TC).
    Truncated,
    /// The resolver answered with an error RCODE (its number).
    Rcode(u16),
    /// The CNAME chain is too long or loops.
    CnameLoop,
}

impl fmt::Display for DohError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadName(e) => write!(f, "not a DNS name: {e}"),
            Self::TooLarge(n) => write!(f, "the answer is {n} bytes, more than a DNS message can be"),
            Self::Malformed(e) => write!(f, "the answer is not a DNS message: {e}"),
            Self::NotAResponse => write!(f, "the answer is a query, not a response"),
            Self::IdMismatch { sent, got } => write!(f, "the answer's ID {got} is not the query's {sent}"),
            Self::QuestionMismatch(q) => write!(f, "the answer is for another question ({q})"),
            Self::Truncated => write!(f, "the answer is truncated (TC set)"),
            Self::Rcode(r) => {
                // RFC 1035 §4.1.1's codes by name; others by number.
                let name = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"].get(usize::from(*r));
                write!(f, "the resolver answered RCODE {r}{}", name.map(|n| format!(" ({n})")).unwrap_or_default())
            }
            Self::CnameLoop => write!(f, "the answer's CNAME chain is longer than {MAX_CNAME_HOPS} or loops"),
        }
    }
}

impl std::error::Error for DohError {}

/// The wire query for the TXT records at `host` (recursion desired). RFC 8484 suggests
/// ID 0 for GET, so caches can share answers.
pub fn txt_query(host: &str, id: u16) -> Result<Vec<u8>, DohError> {
    query(host, wire::TXT, id)
}

/// The wire query for the records of type `qtype` (an RFC 1035 type number) at `host`.
pub fn query(host: &str, qtype: u16, id: u16) -> Result<Vec<u8>, DohError> {
    Ok(wire::query(&WireName::from_ascii(host)?, qtype, id))
}

/// The type numbers [`read_answer`] reads.
pub fn type_number(rtype: &crate::record_type::RecordType) -> Option<u16> {
    use crate::record_type::RecordType as T;
    matches!(rtype, T::A | T::Aaaa | T::Cname | T::Ns | T::Mx | T::Txt | T::Srv).then(|| rtype.number()).flatten()
}

/// The RFC 8484 GET URL for a wire query.
pub fn get_url(endpoint: &str, query: &[u8]) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    format!("{endpoint}{sep}dns={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(query))
}

/// An answer record this module reads: its owner, its type, and its data as text
/// ([`read_answer`] says which form); a CNAME's target also as a name, to follow.
struct Answer {
    owner: WireName,
    rtype: u16,
    text: String,
    cname: Option<WireName>,
}

/// The host name in a record's data at `at` (may point back into the whole message),
/// as text without the trailing dot.
fn data_name(msg: &[u8], at: usize) -> Result<(WireName, usize), DohError> {
    let mut r = Reader::at(msg, at);
    let name = r.name()?;
    Ok((name, r.pos()))
}

/// The answer section's records of the types [`type_number`] names; others are
/// skipped by length.
fn read_answers(msg: &[u8], d: &mut Reader<'_>, count: u16) -> Result<Vec<Answer>, DohError> {
    let mut out = Vec::new();
    for _ in 0..count {
        let r = d.record()?;
        let mut data = Reader::at(&msg[..r.data.end], r.data.start);
        let short = || DohError::Malformed(format!("a record's data is not {} bytes long", r.data.len()));
        let host = |at: usize| -> Result<(WireName, String), DohError> {
            let (name, end) = data_name(msg, at)?;
            if end != r.data.end {
                return Err(short());
            }
            let text = name.to_text();
            let text = text.strip_suffix('.').filter(|t| !t.is_empty()).unwrap_or(&text).to_string();
            Ok((name, text))
        };
        let mut cname = None;
        let text = match r.rtype {
            wire::TXT => {
                let mut text = Vec::new();
                while data.pos() < r.data.end {
                    let len = usize::from(data.u8()?);
                    text.extend_from_slice(data.bytes(len)?);
                }
                String::from_utf8_lossy(&text).into_owned()
            }
            wire::A | wire::AAAA => {
                let b = data.bytes(r.data.len())?;
                match b.len() {
                    4 => std::net::Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
                    16 => std::net::Ipv6Addr::from(<[u8; 16]>::try_from(b).map_err(|_| short())?).to_string(),
                    _ => return Err(short()),
                }
            }
            wire::CNAME | wire::NS => {
                let (name, text) = host(r.data.start)?;
                if r.rtype == wire::CNAME {
                    cname = Some(name);
                }
                text
            }
            wire::MX => {
                let pref = data.u16()?;
                format!("{pref} {}", host(r.data.start + 2)?.1)
            }
            wire::SRV => {
                let (p, w, port) = (data.u16()?, data.u16()?, data.u16()?);
                format!("{p} {w} {port} {}", host(r.data.start + 6)?.1)
            }
            _ => continue,
        };
        out.push(Answer { owner: r.owner, rtype: r.rtype, text, cname });
    }
    Ok(out)
}

/// The TXT strings (one per record, its strings joined) in a wire answer to [`txt_query`].
pub fn read_wire_answer(bytes: &[u8], host: &str, id: u16) -> Result<Vec<String>, DohError> {
    read_answer(bytes, host, wire::TXT, id)
}

/// The records of type `qtype` at `host` in a wire answer to [`query`], following
/// CNAMEs (unless CNAME is asked), each as text: an address as Rust writes it, a host
/// name lowercase without the trailing dot (MX `pref host`, SRV `prio weight port
/// host`), a TXT record's strings joined.
pub fn read_answer(bytes: &[u8], host: &str, qtype: u16, id: u16) -> Result<Vec<String>, DohError> {
    if bytes.len() > MAX_ANSWER {
        return Err(DohError::TooLarge(bytes.len()));
    }
    let mut d = Reader::new(bytes);
    let header = d.header()?;
    if !header.response {
        return Err(DohError::NotAResponse);
    }
    if header.id != id {
        return Err(DohError::IdMismatch { sent: id, got: header.id });
    }
    let want = WireName::from_ascii(host)?;
    let want_type = qtype;
    let mut questions = Vec::new();
    for _ in 0..header.questions {
        questions.push(d.question()?);
    }
    match questions.as_slice() {
        [(qname, qtype)] if *qname == want => {
            if *qtype != want_type {
                return Err(DohError::QuestionMismatch(format!("{} TYPE{qtype}", qname.to_text())));
            }
        }
        qs => return Err(DohError::QuestionMismatch(qs.iter().map(|(n, _)| n.to_text()).collect::<Vec<_>>().join(", "))),
    }
    if header.truncated {
        return Err(DohError::Truncated);
    }
    match header.rcode {
        0 => {}
        3 => return Ok(Vec::new()), // NXDOMAIN
        r => return Err(DohError::Rcode(r)),
    }
    let answers = read_answers(bytes, &mut d, header.answers)?;
    let mut current = want;
    for _ in 0..=MAX_CNAME_HOPS {
        let found: Vec<String> = answers.iter().filter(|a| a.owner == current && a.rtype == qtype).map(|a| a.text.clone()).collect();
        if !found.is_empty() || qtype == wire::CNAME {
            return Ok(found);
        }
        match answers.iter().find_map(|a| a.cname.as_ref().filter(|_| a.owner == current)) {
            Some(next) => current = next.clone(),
            None => return Ok(Vec::new()),
        }
    }
    Err(DohError::CnameLoop)
}

/// The JSON-dialect URL (`?name=…&type=TXT`).
pub fn json_url(endpoint: &str, host: &str) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    let q: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("name", host)
        .append_pair("type", &crate::record_type::RecordType::Txt.to_string())
        .finish();
    format!("{endpoint}{sep}{q}")
}

/// The TXT strings in a JSON-dialect answer (`{"Status":0,"TC":false,"Answer":[{"name","type":16,"data"}]}`).
pub fn read_json_answer(text: &str, host: &str) -> Result<Vec<String>, DohError> {
    if text.len() > MAX_ANSWER * 4 {
        return Err(DohError::TooLarge(text.len()));
    }
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| DohError::Malformed(e.to_string()))?;
    if v["TC"].as_bool() == Some(true) {
        return Err(DohError::Truncated);
    }
    match v["Status"].as_u64() {
        Some(0) => {}
        Some(3) => return Ok(Vec::new()),
        Some(s) => return Err(DohError::Rcode(u16::try_from(s).unwrap_or(u16::MAX))),
        None => return Err(DohError::Malformed("no Status".into())),
    }
    let norm = |s: &str| s.trim_end_matches('.').to_ascii_lowercase();
    let answers = v["Answer"].as_array().cloned().unwrap_or_default();
    let mut current = norm(host);
    for _ in 0..=MAX_CNAME_HOPS {
        let at = |t: u64| answers.iter().filter(move |a| a["type"].as_u64() == Some(t));
        let txt: Vec<String> = at(16)
            .filter(|a| a["name"].as_str().map(norm).as_deref() == Some(current.as_str()))
            // JSON resolvers give TXT data as quoted strings (`"a" "b"`), or bare.
            .filter_map(|a| a["data"].as_str().map(crate::signature::join_txt_strings))
            .collect();
        if !txt.is_empty() {
            return Ok(txt);
        }
        match at(5).find(|a| a["name"].as_str().map(norm).as_deref() == Some(current.as_str())) {
            Some(c) => current = norm(c["data"].as_str().unwrap_or_default()),
            None => return Ok(Vec::new()),
        }
    }
    Err(DohError::CnameLoop)
}

#[cfg(test)]
mod tests;
