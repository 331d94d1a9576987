//! The synchronous apply URL — spec "Apply Template URL", its parameter table and
//! "Case Sensitivity":
//! `{urlSyncUX}/v2/domainTemplates/providers/{providerId}/services/{serviceId}/apply?…`
//!
//! Decisions (each has a test in this module):
//! * The path must end in the apply path; anything may precede it (`urlSyncUX` may
//!   carry a path). Its fixed words are case-sensitive like the rest of the path
//!   (`domaintemplates` is refused, with a hint); `providerId` and `serviceId` are
//!   percent-decoded and kept case-sensitive.
//! * Query parameters are decoded with `form_urlencoded` (`+` is a space). Names are
//!   case-sensitive: `Domain` is a variable, not the domain (the error says so).
//! * **Any repeated parameter is refused.** The signature covers both copies, but
//!   frameworks disagree on which one is used (Flask: the first, DCAZ's `qs2dict`:
//!   the last), so a repeated parameter could show one value and apply another.
//! * `domain` is required and non-empty. `domain` and `host` are DNS names and so
//!   case-insensitive: they are lowercased, a trailing dot removed, and Unicode names
//!   converted to their punycode (A-label) form, kept beside the form given.
//! * Invalid percent-encoding (bytes that are not UTF-8) is refused, naming the
//!   parameter, rather than silently replaced.
//! * `groupId` is a comma list; blanks are dropped, and an empty list means all groups.
//! * Parameters after `sig` stay in the signed bytes (see [`crate::signature`]), so they
//!   are covered; they are reported as a note because Cloudflare requires `sig` last.
//! * Every other parameter is a template variable (unknown ones are harmless; the
//!   verdict reports the ones the template does not use). A `#fragment` is ignored.

use crate::signature;
use crate::variables::Params;
use crate::web::{RustWeb, WebStandards, WebUrl};
use percent_encoding::percent_decode_str;
use serde::Serialize;

mod errors;
pub use errors::{ApplyUrlError, UrlNote};

/// Longest query string accepted (the signed bytes; real ones are well under 4 KiB).
pub const MAX_QUERY_LEN: usize = 32 * 1024;
/// Most parameters accepted in one URL.
pub const MAX_PARAMS: usize = 256;

/// The parameters the spec reserves; every other parameter is a template variable.
pub const RESERVED: [&str; 9] = ["domain", "host", "redirect_uri", "state", "providerName", "serviceName", "groupId", "sig", KEY_PARAM];

/// The parameter naming the signature's key host. It is also a variable: a template
/// may name `%key%`, and then it takes this value, as in the reference engine.
pub const KEY_PARAM: &str = "key";

/// A DNS name as given and in its ASCII (punycode) form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsName {
    /// As decoded from the URL.
    pub given: String,
    /// Lowercased ASCII (A-label) form, no trailing dot: what is applied.
    pub ascii: String,
    /// Unicode (U-label) form, for display beside the ASCII form.
    pub unicode: String,
}

impl DnsName {
    /// Whether the name has labels whose Unicode form differs from its ASCII form.
    pub fn is_idn(&self) -> bool {
        self.ascii != self.unicode
    }
}

/// One query parameter, in URL order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueryParam {
    /// The name, decoded.
    pub name: String,
    /// The value, decoded.
    pub value: String,
    /// The parameter exactly as it stands in the query string.
    pub raw: String,
    /// A reserved parameter (`domain`, `sig`…) rather than a template variable.
    pub reserved: bool,
}

/// A parsed synchronous apply URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplyUrl {
    /// `providerId` from the path, decoded, case kept.
    pub provider_id: String,
    /// `serviceId` from the path, decoded, case kept.
    pub service_id: String,
    /// The `domain` parameter.
    pub domain: DnsName,
    /// `None` when there is no `host` parameter; an empty `host=` is the apex too.
    pub host: Option<DnsName>,
    /// Every non-reserved parameter, by name.
    #[serde(skip)]
    pub variables: Params,
    /// `groupId`, split at commas (empty: all groups).
    pub group_ids: Vec<String>,
    /// Where to return the user (`redirect_uri`), not yet judged; see [`crate::return_uri`].
    pub redirect_uri: Option<String>,
    /// `redirect_uri` as the URL parser read it, or why it is not a URL.
    #[serde(skip)]
    pub redirect: Option<Result<WebUrl, String>>,
    /// Passed back to the Service Provider (`state`).
    pub state: Option<String>,
    /// `providerName`, for shared templates.
    pub provider_name: Option<String>,
    /// `serviceName`, for shared templates.
    pub service_name: Option<String>,
    /// Decoded (standard base64, as signed).
    pub sig: Option<String>,
    /// The key host label under `syncPubKeyDomain` (`key`).
    pub key: Option<String>,
    /// The query string exactly as it came (the signature covers it).
    pub raw_query: String,
    /// Every parameter, in URL order.
    pub params: Vec<QueryParam>,
    /// What is worth showing about the URL that does not stop it.
    pub notes: Vec<UrlNote>,
}

/// What a path segment must percent-encode (RFC 3986 `pchar` aside from sub-delims).
pub(crate) const PATH_SEGMENT: &percent_encoding::AsciiSet =
    &percent_encoding::CONTROLS.add(b' ').add(b'"').add(b'#').add(b'%').add(b'/').add(b'<').add(b'>').add(b'?').add(b'`').add(b'{').add(b'}');

const FIXED: [(usize, &str); 5] = [(0, "v2"), (1, "domainTemplates"), (2, "providers"), (4, "services"), (6, "apply")];

impl ApplyUrl {
    /// Parse an absolute URL, or a path with its query (`/v2/…/apply?domain=…`).
    pub fn parse(input: &str) -> Result<ApplyUrl, ApplyUrlError> {
        Self::parse_with(input, &RustWeb)
    }

    /// [`ApplyUrl::parse`] with a given URL parser and IDNA mapping (a browser's own).
    pub fn parse_with(input: &str, web: &dyn WebStandards) -> Result<ApplyUrl, ApplyUrlError> {
        let input = input.trim();
        let (before_fragment, fragment) = match input.split_once('#') {
            Some((b, _)) => (b, true),
            None => (input, false),
        };
        let (path, query) = before_fragment.split_once('?').unwrap_or((before_fragment, ""));
        let path = if path.starts_with('/') {
            path.to_string()
        } else {
            let url = web.parse_url(before_fragment).map_err(|reason| ApplyUrlError::Malformed { reason })?;
            if !matches!(url.scheme.as_str(), "http" | "https") {
                return Err(ApplyUrlError::Malformed { reason: format!("scheme {:?} is not http or https", url.scheme) });
            }
            url.path
        };
        let mut out = Self::from_parts_with(&path, query, web)?;
        if fragment {
            out.notes.push(UrlNote::FragmentIgnored);
        }
        Ok(out)
    }

    /// Parse from a path and a raw query string (without `?`), as a browser's
    /// `location.pathname` and `location.search` give them.
    pub fn from_parts(path: &str, raw_query: &str) -> Result<ApplyUrl, ApplyUrlError> {
        Self::from_parts_with(path, raw_query, &RustWeb)
    }

    /// [`ApplyUrl::from_parts`] with a given URL parser and IDNA mapping (a browser's own).
    pub fn from_parts_with(path: &str, raw_query: &str, web: &dyn WebStandards) -> Result<ApplyUrl, ApplyUrlError> {
        let raw_query = raw_query.strip_prefix('?').unwrap_or(raw_query);
        let (provider_id, service_id) = parse_path(path)?;
        if raw_query.len() > MAX_QUERY_LEN {
            return Err(ApplyUrlError::TooLong { len: raw_query.len(), max: MAX_QUERY_LEN });
        }
        let mut notes = Vec::new();
        let params = parse_query(raw_query, &mut notes)?;
        let get = |n: &str| params.iter().find(|p| p.name == n).map(|p| p.value.clone());

        let domain = match get("domain").filter(|d| !d.trim().is_empty()) {
            Some(d) => dns_name("domain", &d, false, web)?,
            None => {
                let hint =
                    params.iter().find(|p| p.name.eq_ignore_ascii_case("domain")).map(|p| format!("found {:?}: parameter names are case-sensitive", p.name));
                return Err(ApplyUrlError::MissingDomain { hint });
            }
        };
        let host = match get("host") {
            Some(h) => Some(dns_name("host", &h, true, web)?),
            None => None,
        };
        let mut variables = Params::new();
        for p in params.iter().filter(|p| !p.reserved) {
            if let Some(r) = RESERVED.iter().find(|r| r.eq_ignore_ascii_case(&p.name)) {
                notes.push(UrlNote::CaseLookalike { name: p.name.clone(), reserved: (*r).to_string() });
            }
            variables.insert(p.name.clone(), p.value.clone());
        }
        // The reference engine hands the template every parameter: a template that names
        // `%key%` (mail.pohjoistech.fi/email) takes the key parameter's value.
        if let Some(k) = params.iter().find(|p| p.name == KEY_PARAM) {
            variables.insert(KEY_PARAM, k.value.clone());
        }
        let group_ids = get("groupId").map(|g| g.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()).unwrap_or_default();
        if let Some(at) = params.iter().position(|p| p.name == "sig") {
            let names: Vec<String> = params[at + 1..].iter().filter(|p| p.name != "key").map(|p| p.name.clone()).collect();
            if !names.is_empty() {
                notes.push(UrlNote::ParamsAfterSig { names });
            }
        }
        let redirect_uri = get("redirect_uri");
        let redirect = redirect_uri.as_deref().map(|r| web.parse_url(r));
        Ok(ApplyUrl {
            provider_id,
            service_id,
            domain,
            host,
            variables,
            group_ids,
            redirect_uri,
            redirect,
            state: get("state"),
            provider_name: get("providerName"),
            service_name: get("serviceName"),
            sig: get("sig"),
            key: get("key"),
            raw_query: raw_query.to_string(),
            params,
            notes,
        })
    }

    /// The apply URL a request for template `provider_id/service_id` would come as —
    /// for front ends that start from a form rather than a link (the template
    /// preview, `dconn apply`). The query is written in this order: `domain`, `host`
    /// (when given), the variables, `groupId` (when any); then parsed as a link is,
    /// so the same rules hold (IDNs converted, names checked, duplicates refused).
    pub fn build<'v>(
        provider_id: &str,
        service_id: &str,
        domain: &str,
        host: Option<&str>,
        variables: impl IntoIterator<Item = (&'v str, &'v str)>,
        group_ids: &[String],
    ) -> Result<ApplyUrl, ApplyUrlError> {
        let path = Self::path(provider_id, service_id);
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("domain", domain);
        if let Some(h) = host {
            q.append_pair("host", h);
        }
        for (k, v) in variables {
            q.append_pair(k, v);
        }
        if !group_ids.is_empty() {
            q.append_pair("groupId", &group_ids.join(","));
        }
        Self::from_parts(&path, &q.finish())
    }

    /// The apply path of a template, `/v2/domainTemplates/providers/{providerId}/services/{serviceId}/apply`,
    /// each id percent-encoded as a path segment.
    pub fn path(provider_id: &str, service_id: &str) -> String {
        let segment = |s: &str| percent_encoding::utf8_percent_encode(s, PATH_SEGMENT).to_string();
        format!("/v2/domainTemplates/providers/{}/services/{}/apply", segment(provider_id), segment(service_id))
    }

    /// The bytes the signature covers (the raw query without `sig` and `key`).
    pub fn signed_bytes(&self) -> String {
        signature::signed_bytes(&self.raw_query)
    }

    /// The host to apply at: `""` for the apex.
    pub fn host_ascii(&self) -> &str {
        self.host.as_ref().map(|h| h.ascii.as_str()).unwrap_or("")
    }

    /// The fully qualified name the template is applied at.
    pub fn fqdn(&self) -> String {
        crate::record::full_name(self.host_ascii(), &self.domain.ascii)
    }
}

fn parse_path(path: &str) -> Result<(String, String), ApplyUrlError> {
    let trimmed = path.trim_end_matches('/');
    let segments: Vec<&str> = trimmed.split('/').collect();
    let Some(start) = segments.len().checked_sub(7) else {
        return Err(ApplyUrlError::NotAnApplyPath { path: path.into(), hint: "too few path segments".into() });
    };
    let tail = &segments[start..];
    for (i, word) in FIXED {
        if tail[i] != word {
            let hint = if tail[i].eq_ignore_ascii_case(word) {
                format!("path segments are case-sensitive: expected {word:?}, found {:?}", tail[i])
            } else {
                format!("expected {word:?} where {:?} stands", tail[i])
            };
            return Err(ApplyUrlError::NotAnApplyPath { path: path.into(), hint });
        }
    }
    let decode = |what: &str, s: &str| -> Result<String, ApplyUrlError> {
        let v = percent_decode_str(s).decode_utf8().map_err(|_| ApplyUrlError::BadEncoding { name: what.into() })?.into_owned();
        if v.is_empty() || v.chars().any(|c| c.is_control() || c == '/') {
            return Err(ApplyUrlError::NotAnApplyPath { path: path.into(), hint: format!("{what} {v:?} is empty or has control characters or '/'") });
        }
        Ok(v)
    };
    Ok((decode("providerId", tail[3])?, decode("serviceId", tail[5])?))
}

fn parse_query(raw: &str, notes: &mut Vec<UrlNote>) -> Result<Vec<QueryParam>, ApplyUrlError> {
    let pieces: Vec<&str> = raw.split('&').filter(|p| !p.is_empty()).collect();
    if pieces.len() > MAX_PARAMS {
        return Err(ApplyUrlError::TooManyParams { count: pieces.len(), max: MAX_PARAMS });
    }
    let mut out: Vec<QueryParam> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        // form_urlencoded does the decoding; it replaces invalid UTF-8 silently, so
        // check the bytes first and refuse instead.
        let (name, value) = form_urlencoded::parse(piece.as_bytes()).next().map(|(n, v)| (n.into_owned(), v.into_owned())).unwrap_or_default();
        for part in piece.splitn(2, '=') {
            if percent_decode_str(part).decode_utf8().is_err() {
                return Err(ApplyUrlError::BadEncoding { name: name.clone() });
            }
        }
        if name.is_empty() {
            notes.push(UrlNote::EmptyNameIgnored);
            continue;
        }
        if out.iter().any(|p| p.name == name) {
            return Err(ApplyUrlError::Duplicate { name });
        }
        let reserved = RESERVED.contains(&name.as_str());
        out.push(QueryParam { name, value, raw: piece.to_string(), reserved });
    }
    Ok(out)
}

/// A `domain`/`host` value as a DNS name: lowercased, trailing dot removed, IDNs in
/// both forms. `allow_empty`: an empty host is the apex.
fn dns_name(param: &str, value: &str, allow_empty: bool, web: &dyn WebStandards) -> Result<DnsName, ApplyUrlError> {
    let bad = |reason: String| ApplyUrlError::BadName { param: param.into(), value: value.into(), reason };
    let trimmed = value.strip_suffix('.').unwrap_or(value);
    if trimmed.is_empty() || trimmed == "@" {
        return if allow_empty { Ok(DnsName { given: value.into(), ascii: String::new(), unicode: String::new() }) } else { Err(bad("empty".into())) };
    }
    if trimmed.chars().any(|c| c.is_control() || c.is_whitespace() || "/\\?#@:%\"'<>".contains(c)) {
        return Err(bad("it contains whitespace, a control character or one of / \\ ? # @ : % \" ' < >".into()));
    }
    if trimmed.split('.').any(str::is_empty) {
        return Err(bad("it has an empty label".into()));
    }
    let ascii = if trimmed.is_ascii() && !trimmed.split('.').any(crate::web::is_a_label) {
        trimmed.to_ascii_lowercase()
    } else {
        web.domain_to_ascii(trimmed).ok_or_else(|| bad("it is not a valid internationalised name".into()))?
    };
    if ascii.len() > 253 || ascii.split('.').any(|l| l.len() > 63) {
        return Err(bad("it is longer than DNS allows (253 in all, 63 per label)".into()));
    }
    let unicode = crate::web::to_unicode(&ascii).ok_or_else(|| bad("its punycode labels do not decode".into()))?;
    Ok(DnsName { given: value.into(), ascii, unicode })
}

#[cfg(test)]
mod tests;
