//! DNS-over-HTTPS messages for reading a Service Provider's key TXT records — RFC 8484
//! wireformat (GET `?dns=` base64url or POST `application/dns-message`) and the JSON
//! dialect (`application/dns-json`) of public resolvers. The wire messages are written
//! and read with hickory-proto's header, question, name and character-string codecs;
//! answer records other than TXT and CNAME are skipped by their length, so the consent
//! screen does not carry a decoder for every record type. No I/O: the caller sends the request this module builds and hands back
//! the answer's bytes.
//!
//! Reading an answer: the ID and question must be ours; RCODE NXDOMAIN means "no
//! records" (the verdict then says no key was published); any other RCODE than
//! NOERROR, and a truncated answer, is an error. CNAMEs are followed within the
//! answer (at most [`MAX_CNAME_HOPS`]); each TXT record's strings are joined.

use base64::Engine;
use hickory_proto::op::{Header, HeaderCounts, Message, MessageType, Metadata, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RecordType};
use hickory_proto::serialize::binary::{BinDecodable, BinDecoder, BinEncodable, BinEncoder};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

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
    /// The resolver answered with an error RCODE.
    Rcode(String),
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
    let mut metadata = Metadata::new(id, MessageType::Query, OpCode::Query);
    metadata.recursion_desired = true;
    let header = Header { metadata, counts: HeaderCounts { queries: 1, ..HeaderCounts::default() } };
    let mut buf = Vec::with_capacity(64);
    let mut enc = BinEncoder::new(&mut buf);
    header.emit(&mut enc).map_err(|e| DohError::Malformed(e.to_string()))?;
    Query::query(name(host)?, RecordType::TXT).emit(&mut enc).map_err(|e| DohError::Malformed(e.to_string()))?;
    Ok(buf)
}

/// The RFC 8484 GET URL for a wire query.
pub fn get_url(endpoint: &str, query: &[u8]) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    format!("{endpoint}{sep}dns={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(query))
}

/// An answer record this module reads.
enum Answer {
    Txt(Name, String),
    Cname(Name, Name),
}

/// The answer section's TXT and CNAME records; other records are skipped by length.
fn read_answers(d: &mut BinDecoder<'_>, count: u16) -> Result<Vec<Answer>, DohError> {
    let bad = |e: hickory_proto::serialize::binary::DecodeError| DohError::Malformed(e.to_string());
    let mut out = Vec::new();
    for _ in 0..count {
        let owner = Name::read(d).map_err(bad)?;
        let rtype = d.read_u16().map_err(bad)?.unverified(/*compared only*/);
        let _class = d.read_u16().map_err(bad)?;
        let _ttl = d.read_u32().map_err(bad)?;
        let len = usize::from(d.read_u16().map_err(bad)?.unverified(/*checked against what is read*/));
        let end = d.index() + len;
        match RecordType::from(rtype) {
            RecordType::TXT => {
                let mut text = Vec::new();
                while d.index() < end {
                    text.extend_from_slice(d.read_character_data().map_err(bad)?.unverified(/*any bytes*/));
                }
                out.push(Answer::Txt(owner, String::from_utf8_lossy(&text).into_owned()));
            }
            RecordType::CNAME => out.push(Answer::Cname(owner, Name::read(d).map_err(bad)?)),
            _ => {
                d.read_slice(len).map_err(bad)?;
            }
        }
        if d.index() != end {
            return Err(DohError::Malformed(format!("a record's data is not {len} bytes long")));
        }
    }
    Ok(out)
}

/// The TXT strings (one per record, its strings joined) in a wire answer to [`txt_query`].
pub fn read_wire_answer(bytes: &[u8], host: &str, id: u16) -> Result<Vec<String>, DohError> {
    if bytes.len() > MAX_ANSWER {
        return Err(DohError::TooLarge(bytes.len()));
    }
    let bad = |e: hickory_proto::serialize::binary::DecodeError| DohError::Malformed(e.to_string());
    let mut d = BinDecoder::new(bytes);
    let header = Header::read(&mut d).map_err(bad)?;
    if header.metadata.message_type != MessageType::Response {
        return Err(DohError::NotAResponse);
    }
    if header.metadata.id != id {
        return Err(DohError::IdMismatch { sent: id, got: header.metadata.id });
    }
    let want = name(host)?;
    let queries = Message::read_queries(&mut d, usize::from(header.counts.queries)).map_err(|e| DohError::Malformed(e.to_string()))?;
    match queries.as_slice() {
        [q] if q.name().eq_case(&want) || *q.name() == want => {
            if q.query_type() != RecordType::TXT {
                return Err(DohError::QuestionMismatch(format!("{} {}", q.name(), q.query_type())));
            }
        }
        qs => return Err(DohError::QuestionMismatch(qs.iter().map(|q| q.name().to_string()).collect::<Vec<_>>().join(", "))),
    }
    if header.metadata.truncation {
        return Err(DohError::Truncated);
    }
    match header.metadata.response_code {
        ResponseCode::NoError => {}
        ResponseCode::NXDomain => return Ok(Vec::new()),
        r => return Err(DohError::Rcode(r.to_string())),
    }
    let answers = read_answers(&mut d, header.counts.answers)?;
    let mut current = want;
    for _ in 0..=MAX_CNAME_HOPS {
        let txt: Vec<String> = answers
            .iter()
            .filter_map(|a| match a {
                Answer::Txt(n, t) if *n == current => Some(t.clone()),
                _ => None,
            })
            .collect();
        if !txt.is_empty() {
            return Ok(txt);
        }
        match answers.iter().find_map(|a| match a {
            Answer::Cname(n, target) if *n == current => Some(target.clone()),
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
