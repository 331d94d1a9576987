//! Records APIs of DNS providers: request and response shapes only (no I/O), so the
//! app, the CLI (`dconn apply --emit`) and a provider's backend map zones and change
//! sets the same way.
//!
//! * [`powerdns`]: PowerDNS Authoritative's HTTP API (tested against a real server by
//!   the browser tier of `cargo xtask test`).
//! * [`cloudflare`]: Cloudflare's v4 DNS records API (no open-source server exists:
//!   shapes tested against the documented examples).
//!
//! Around one apply, [`diff`] compares two readings of a zone (has it changed since the
//! preview?) and [`settle`] says, from a reading after an apply whose answer was lost
//! or unclear, whether the change was applied, not applied, or neither.

pub mod cloudflare;
pub mod powerdns;

use crate::record::ZoneRecord;
use crate::record_type::RecordType;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// A request a records API adapter sends as described: the core says what to send,
/// the caller sends it (sans-IO).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// `GET`, `PATCH`, `POST`….
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// (name, value) pairs; credentials travel here, never in `url`.
    pub headers: Vec<(String, String)>,
    /// The body, if any.
    pub body: Option<Vec<u8>>,
}

/// Header names that carry a credential.
const SECRET_HEADERS: [&str; 3] = ["authorization", "x-api-key", "x-auth-key"];

impl HttpRequest {
    /// The request as JSON a person can read, store or download — `{method, url,
    /// headers, body}` with every credential header's value replaced by `<redacted>`
    /// and a JSON body as JSON (`dconn apply --emit`, the page's "request sent").
    pub fn redacted_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.redacted()).unwrap_or_default()
    }

    /// [`HttpRequest::redacted_json`] as JSON text, written without parsing the body
    /// (a JSON body, as every body the core describes is, goes in as it is).
    pub fn redacted(&self) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|(k, v)| {
                let v = if SECRET_HEADERS.contains(&k.to_ascii_lowercase().as_str()) { "<redacted>" } else { v.as_str() };
                format!("{}:{}", q(k), q(v))
            })
            .collect();
        let body = match self.body.as_deref().map(String::from_utf8_lossy) {
            None => "null".to_string(),
            Some(b) if b.trim_start().starts_with(['{', '[']) => b.into_owned(),
            Some(b) => q(&b),
        };
        format!("{{\"method\":{},\"url\":{},\"headers\":{{{}}},\"body\":{body}}}", q(self.method), q(&self.url), headers.join(","))
    }
}

/// Why a records API did not do what was asked, as far as its answer tells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ApiFailure {
    /// The provider refused the request (HTTP 4xx, or an answer saying it failed):
    /// nothing was applied, since both APIs apply a change all or nothing.
    Refused {
        /// The HTTP status.
        status: u16,
        /// The provider's own messages, verbatim.
        messages: Vec<String>,
    },
    /// The provider failed (HTTP 5xx) or answered what cannot be read: whether the
    /// change was applied is not known until the zone is read again.
    Unknown {
        /// The HTTP status.
        status: u16,
        /// The provider's own messages, verbatim, or what could not be read.
        messages: Vec<String>,
    },
}

impl ApiFailure {
    /// The answer of a failed request: 4xx refused, anything else unknown.
    pub(crate) fn from_status(status: u16, messages: Vec<String>) -> ApiFailure {
        if (400..500).contains(&status) {
            ApiFailure::Refused { status, messages }
        } else {
            ApiFailure::Unknown { status, messages }
        }
    }

    /// The provider's messages.
    pub fn messages(&self) -> &[String] {
        match self {
            ApiFailure::Refused { messages, .. } | ApiFailure::Unknown { messages, .. } => messages,
        }
    }
}

impl fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (status, messages, what) = match self {
            ApiFailure::Refused { status, messages } => (status, messages, "refused"),
            ApiFailure::Unknown { status, messages } => (status, messages, "failed"),
        };
        write!(f, "the records API {what} the request (HTTP {status})")?;
        if !messages.is_empty() {
            write!(f, ": {}", messages.join("; "))?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiFailure {}

/// Whether an answer refuses the credential itself — HTTP 401 or 403, as PowerDNS (a
/// wrong `X-API-Key`) and Cloudflare (its "Authentication error", or a token without the
/// zone's permission) answer — rather than the request: a client that can replace the
/// credential (one typed, or handed over by a dashboard) asks for a new one.
pub fn refuses_credential(status: u16) -> bool {
    matches!(status, 401 | 403)
}

/// How two readings of a zone differ, record by record (TTL included).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ZoneDiff {
    /// Records the first reading has and the second has not.
    pub gone: Vec<ZoneRecord>,
    /// Records the second reading has and the first had not.
    pub new: Vec<ZoneRecord>,
}

impl ZoneDiff {
    /// True when both readings hold the same records.
    pub fn is_empty(&self) -> bool {
        self.gone.is_empty() && self.new.is_empty()
    }
}

/// What identifies a record across readings: the owner (lowercase), the type, the
/// rdata in presentation form (host names lowercase), the TTL. Redirect
/// pseudo-records, which no records API holds as DNS records, have none; nor has the
/// SOA, whose serial a provider bumps on every change (its bookkeeping, not content).
fn identity(r: &ZoneRecord) -> Option<(String, RecordType, String, Option<i64>)> {
    let (owner, rdata) = crate::zone::presentation(r)?;
    if r.rtype == RecordType::Soa {
        return None;
    }
    // An address is the same address however it is written (a server gives back its one form).
    let rdata = match crate::record::canonical_address(r) {
        Some(a) => a,
        None if r.rtype.data_keeps_case() => rdata,
        None => rdata.to_ascii_lowercase(),
    };
    Some((owner.to_ascii_lowercase(), r.rtype.clone(), rdata, r.ttl))
}

/// The difference between two readings of a zone, as multisets of records.
pub fn diff(before: &[ZoneRecord], after: &[ZoneRecord]) -> ZoneDiff {
    let mut count: BTreeMap<_, (Vec<&ZoneRecord>, Vec<&ZoneRecord>)> = BTreeMap::new();
    for r in before {
        if let Some(k) = identity(r) {
            count.entry(k).or_default().0.push(r);
        }
    }
    for r in after {
        if let Some(k) = identity(r) {
            count.entry(k).or_default().1.push(r);
        }
    }
    let mut d = ZoneDiff::default();
    for (_, (b, a)) in count {
        d.gone.extend(b.iter().skip(a.len()).map(|r| (*r).clone()));
        d.new.extend(a.iter().skip(b.len()).map(|r| (*r).clone()));
    }
    d
}

/// What a reading of the zone after an apply says happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Settled {
    /// The zone is exactly the expected final zone.
    Applied,
    /// The zone is exactly as it was before.
    NotApplied,
    /// Neither: the zone differs from both (someone else changed it too). The
    /// difference from the expected final zone.
    Neither {
        /// From the expected final zone to what was read.
        from_expected: ZoneDiff,
    },
}

/// Compare a reading taken after an apply with the zone before and the expected final
/// zone. An empty change set reads as applied.
pub fn settle(before: &[ZoneRecord], expected: &[ZoneRecord], now: &[ZoneRecord]) -> Settled {
    let from_expected = diff(expected, now);
    if from_expected.is_empty() {
        Settled::Applied
    } else if diff(before, now).is_empty() {
        Settled::NotApplied
    } else {
        Settled::Neither { from_expected }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(t: &str, n: &str, d: &str, ttl: i64) -> ZoneRecord {
        ZoneRecord::new(t, n, d, Some(ttl))
    }

    #[test]
    fn only_401_and_403_refuse_the_credential() {
        assert!(refuses_credential(401) && refuses_credential(403));
        for status in [200, 204, 400, 404, 409, 422, 429, 500, 502] {
            assert!(!refuses_credential(status), "{status}");
        }
    }

    #[test]
    fn diff_is_a_multiset_difference_that_ignores_name_case() {
        let a = vec![r("A", "www", "192.0.2.1", 60), r("A", "www", "192.0.2.1", 60), r("CNAME", "m", "X.example.", 60)];
        let b = vec![r("A", "WWW", "192.0.2.1", 60), r("CNAME", "m", "x.example", 60), r("TXT", "@", "Hello", 60)];
        let d = diff(&a, &b);
        assert_eq!(d.gone, vec![r("A", "www", "192.0.2.1", 60)]);
        assert_eq!(d.new, vec![r("TXT", "@", "Hello", 60)]);
        assert!(!diff(&[r("TXT", "@", "Hello", 60)], &[r("TXT", "@", "hello", 60)]).is_empty(), "TXT text keeps its case");
        assert!(!diff(&[r("A", "a", "192.0.2.1", 60)], &[r("A", "a", "192.0.2.1", 61)]).is_empty(), "a TTL change is a change");
        let soa = |serial: u32| r("SOA", "@", &format!("ns1.example. h.example. {serial} 10800 3600 604800 3600"), 3600);
        assert!(diff(&[soa(1)], &[soa(2)]).is_empty(), "the provider's serial is its bookkeeping");
    }

    #[test]
    fn settle_tells_applied_from_not_applied_from_neither() {
        let before = vec![r("A", "www", "192.0.2.1", 60)];
        let expected = vec![r("CNAME", "www", "x.example", 60)];
        assert_eq!(settle(&before, &expected, &expected), Settled::Applied);
        assert_eq!(settle(&before, &expected, &before), Settled::NotApplied);
        let other = vec![r("A", "www", "192.0.2.7", 60)];
        let Settled::Neither { from_expected } = settle(&before, &expected, &other) else { panic!() };
        assert_eq!((from_expected.gone, from_expected.new), (expected.clone(), other));
    }

    #[test]
    fn redacted_requests_keep_no_credential() {
        let req = HttpRequest {
            method: "PATCH",
            url: "http://h/x".into(),
            headers: vec![("X-API-Key".into(), "s3cret".into()), ("Authorization".into(), "Bearer t0ken".into()), ("Accept".into(), "application/json".into())],
            body: Some(br#"{"a":1}"#.to_vec()),
        };
        let j = req.redacted_json();
        let s = j.to_string();
        assert!(!s.contains("s3cret") && !s.contains("t0ken"), "{s}");
        assert_eq!(j["body"]["a"], 1);
        assert_eq!(j["headers"]["Accept"], "application/json");
    }
}

/// Why a zone could not be read from a records API.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadFailure {
    /// The API answered with an error.
    Api(ApiFailure),
    /// The API's answer is not a zone we can read.
    Zone(crate::zone::ZoneError),
}

impl fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadFailure::Api(ApiFailure::Refused { status, messages } | ApiFailure::Unknown { status, messages }) => {
                write!(f, "the records API answered HTTP {status}")?;
                if !messages.is_empty() {
                    write!(f, ": {}", messages.join("; "))?;
                }
                Ok(())
            }
            ReadFailure::Zone(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadFailure {}
