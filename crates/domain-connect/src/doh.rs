//! DNS-over-HTTPS messages for reading a Service Provider's key TXT records — RFC 8484
//! wireformat (hickory-proto's message types; GET `?dns=` base64url or POST
//! `application/dns-message`) and the JSON dialect (`application/dns-json`) of public
//! resolvers. No I/O: the caller sends the request this module builds and hands back
//! the answer's bytes.
//!
//! Reading an answer: the ID and question must be ours; RCODE NXDOMAIN means "no
//! records" (the verdict then says no key was published); any other RCODE than
//! NOERROR, and a truncated answer, is an error. CNAMEs are followed within the
//! answer (at most [`MAX_CNAME_HOPS`]); each TXT record's strings are joined.

use base64::Engine;
use hickory_proto::op::{Message, MessageType, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

pub const MAX_CNAME_HOPS: usize = 8;
/// Largest answer read (a DNS message over HTTPS is at most 64 KiB).
pub const MAX_ANSWER: usize = 65_535;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum DohError {
    BadName(String),
    TooLarge(usize),
    Malformed(String),
    NotAResponse,
    IdMismatch { sent: u16, got: u16 },
    QuestionMismatch(String),
    Truncated,
    Rcode(String),
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
            Self::Rcode(r) => write!(f, "the resolver answered {r}"),
            Self::CnameLoop => write!(f, "the answer's CNAME chain is longer than {MAX_CNAME_HOPS} or loops"),
        }
    }
}

impl std::error::Error for DohError {}

fn name(s: &str) -> Result<Name, DohError> {
    let mut n = Name::from_str(s.trim_end_matches('.')).map_err(|e| DohError::BadName(e.to_string()))?;
    n.set_fqdn(true);
    Ok(n)
}

/// The wire query for the TXT records at `host` (recursion desired). RFC 8484 suggests
/// ID 0 for GET, so caches can share answers.
pub fn txt_query(host: &str, id: u16) -> Result<Vec<u8>, DohError> {
    let mut m = Message::query();
    m.metadata.id = id;
    m.metadata.recursion_desired = true;
    m.add_query(Query::query(name(host)?, RecordType::TXT));
    m.to_vec().map_err(|e| DohError::Malformed(e.to_string()))
}

/// The RFC 8484 GET URL for a wire query.
pub fn get_url(endpoint: &str, query: &[u8]) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    format!("{endpoint}{sep}dns={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(query))
}

/// The TXT strings (one per record, its strings joined) in a wire answer to [`txt_query`].
pub fn read_wire_answer(bytes: &[u8], host: &str, id: u16) -> Result<Vec<String>, DohError> {
    if bytes.len() > MAX_ANSWER {
        return Err(DohError::TooLarge(bytes.len()));
    }
    let m = Message::from_vec(bytes).map_err(|e| DohError::Malformed(e.to_string()))?;
    if m.metadata.message_type != MessageType::Response {
        return Err(DohError::NotAResponse);
    }
    if m.metadata.id != id {
        return Err(DohError::IdMismatch { sent: id, got: m.metadata.id });
    }
    let want = name(host)?;
    match m.queries.as_slice() {
        [q] if q.name().eq_case(&want) || *q.name() == want => {
            if q.query_type() != RecordType::TXT {
                return Err(DohError::QuestionMismatch(format!("{} {}", q.name(), q.query_type())));
            }
        }
        qs => return Err(DohError::QuestionMismatch(qs.iter().map(|q| q.name().to_string()).collect::<Vec<_>>().join(", "))),
    }
    if m.metadata.truncation {
        return Err(DohError::Truncated);
    }
    match m.metadata.response_code {
        ResponseCode::NoError => {}
        ResponseCode::NXDomain => return Ok(Vec::new()),
        r => return Err(DohError::Rcode(r.to_string())),
    }
    let mut current = want;
    for _ in 0..=MAX_CNAME_HOPS {
        let txt: Vec<String> = m
            .answers
            .iter()
            .filter(|r| r.name == current)
            .filter_map(|r| match &r.data {
                RData::TXT(t) => Some(t.txt_data.iter().map(|s| String::from_utf8_lossy(s).into_owned()).collect()),
                _ => None,
            })
            .collect();
        if !txt.is_empty() {
            return Ok(txt);
        }
        match m.answers.iter().find_map(|r| match &r.data {
            RData::CNAME(c) if r.name == current => Some(c.0.clone()),
            _ => None,
        }) {
            Some(next) => current = next,
            None => return Ok(Vec::new()),
        }
    }
    Err(DohError::CnameLoop)
}

/// The JSON-dialect URL (`?name=…&type=TXT`).
pub fn json_url(endpoint: &str, host: &str) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    let q: String = form_urlencoded::Serializer::new(String::new()).append_pair("name", host).append_pair("type", "TXT").finish();
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
        Some(s) => return Err(DohError::Rcode(ResponseCode::from(0, s as u8).to_string())),
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
