//! HAR files (HTTP Archive 1.2, what a browser's network panel saves): the apply
//! requests in one, with the URL exactly as the browser sent it.

use serde_json::Value;
use std::fmt;

/// One apply request found in a HAR file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HarRequest {
    /// Its position among the file's entries (from 0).
    pub entry: usize,
    /// When it started (`startedDateTime`, as written).
    pub started: String,
    /// `GET`, usually.
    pub method: String,
    /// The URL as sent.
    pub url: String,
    /// The response status, when there was one (0 in a HAR: none).
    pub status: Option<u16>,
}

/// Why a file is not a HAR file we can read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HarError {
    /// Not JSON (the parser's words).
    NotJson(String),
    /// JSON, but without `log.entries`.
    NotHar,
}

impl fmt::Display for HarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HarError::NotJson(e) => write!(f, "the file is not JSON: {e}"),
            HarError::NotHar => write!(f, "the file is JSON but not a HAR file (it has no log.entries)"),
        }
    }
}

impl std::error::Error for HarError {}

/// Whether a URL's path is an apply path (`…/v2/domainTemplates/providers/…/apply`).
pub fn is_apply_url(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
    path.contains("/v2/domainTemplates/providers/") && path.ends_with("/apply")
}

/// The apply requests of a HAR file, in the file's order.
pub fn apply_requests(text: &str) -> Result<Vec<HarRequest>, HarError> {
    let v: Value = serde_json::from_str(text).map_err(|e| HarError::NotJson(e.to_string()))?;
    let entries = v.get("log").and_then(|l| l.get("entries")).and_then(Value::as_array).ok_or(HarError::NotHar)?;
    let s = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    Ok(entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let req = e.get("request")?;
            let url = s(req.get("url"));
            is_apply_url(&url).then(|| HarRequest {
                entry: i,
                started: s(e.get("startedDateTime")),
                method: s(req.get("method")),
                url,
                status: e.get("response").and_then(|r| r.get("status")).and_then(Value::as_u64).and_then(|c| u16::try_from(c).ok()).filter(|c| *c != 0),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_apply_requests_among_the_others() {
        let har = r#"{"log": {"version": "1.2", "entries": [
            {"startedDateTime": "2026-11-30T10:00:00Z", "request": {"method": "GET", "url": "https://sp.example/connect"}, "response": {"status": 302}},
            {"startedDateTime": "2026-11-30T10:00:01Z", "request": {"method": "GET", "url": "https://dns.example/manage/v2/domainTemplates/providers/p/services/s/apply?domain=a.com&x=%20"}, "response": {"status": 200}},
            {"startedDateTime": "2026-11-30T10:00:02Z", "request": {"method": "GET", "url": "https://dns.example/v2/domainTemplates/providers/p/services/s"}, "response": {"status": 200}},
            {"startedDateTime": "2026-11-30T10:00:03Z", "request": {"method": "GET", "url": "https://dns.example/v2/domainTemplates/providers/p/services/s/apply/?domain=b.com"}, "response": {"status": 0}}]}}"#;
        let found = apply_requests(har).unwrap();
        assert_eq!(found.iter().map(|r| r.entry).collect::<Vec<_>>(), vec![1, 3]);
        assert!(found[0].url.ends_with("domain=a.com&x=%20"), "the URL as sent");
        assert_eq!((found[0].status, found[1].status), (Some(200), None));
        assert_eq!(apply_requests("[1]").unwrap_err(), HarError::NotHar);
        assert!(matches!(apply_requests("{"), Err(HarError::NotJson(_))));
    }
}
