//! Returning the user to the Service Provider through the request's `redirect_uri` — spec "Same Browser Window" and the
//! open-redirect rule: "unless the request is digitally signed the redirect_uri must be
//! within the domains specified in the template in syncRedirectDomain".
//!
//! * A `redirect_uri` is followed only when the request's signature verified, or when
//!   its host is one of the template's `syncRedirectDomain` entries (a comma list) or a
//!   subdomain of one — at a label boundary (`evilexample.com` is not under
//!   `example.com`). Either way only `http`/`https`, no user-info (`https://good@evil/`).
//! * The return URL keeps the redirect_uri's own query and appends `state` (when the
//!   request had one) and, on cancel or failure, `error=access_denied` with
//!   `error_description=user_cancel` (or another description).

use crate::apply_url::ApplyUrl;
use crate::template::Template;
use crate::web::WebUrl;
use serde::Serialize;

/// Whether the user may be returned to the request's `redirect_uri`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReturnTo {
    /// No redirect_uri: close the window when done.
    None,
    /// Follow it.
    Allowed {
        /// The `redirect_uri`.
        uri: String,
        /// Why it may be followed.
        because: RedirectAllowed,
    },
    /// Never followed; the page says why.
    Refused {
        /// The `redirect_uri`.
        uri: String,
        /// Why it may not be followed.
        reason: RedirectRefusal,
    },
}

/// Why a `redirect_uri` may be followed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RedirectAllowed {
    /// The request is signed and its signature verified.
    Signed,
    /// Its host is the template's `syncRedirectDomain` entry, or below it.
    WithinDomain {
        /// The `redirect_uri`'s host (lowercase).
        host: String,
        /// The entry it falls under.
        domain: String,
    },
}

/// Why a `redirect_uri` may not be followed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RedirectRefusal {
    /// Not an absolute URL (the parser's words, when it gave any).
    NotAbsolute(Option<String>),
    /// A scheme other than http and https.
    Scheme(String),
    /// User-info before the host (`https://good@evil/`).
    UserInfo,
    /// No host.
    NoHost,
    /// Unsigned, and the template lists no `syncRedirectDomain`.
    NoTrustedDomain {
        /// The `redirect_uri`'s host.
        host: String,
    },
    /// Unsigned, and the host is outside every `syncRedirectDomain` entry.
    OutsideDomains {
        /// The `redirect_uri`'s host.
        host: String,
        /// The template's entries.
        domains: Vec<String>,
    },
}

impl std::fmt::Display for RedirectAllowed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Signed => write!(f, "the request is signed and the signature verified"),
            Self::WithinDomain { host, domain } => write!(f, "{host} is within the template's syncRedirectDomain {domain}"),
        }
    }
}

impl std::fmt::Display for RedirectRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotAbsolute(Some(e)) => write!(f, "not an absolute URL: {e}"),
            Self::NotAbsolute(None) => write!(f, "not an absolute URL"),
            Self::Scheme(s) => write!(f, "scheme {s:?} is not http or https"),
            Self::UserInfo => write!(f, "it carries user-info (user@host), a common way to disguise the real host"),
            Self::NoHost => write!(f, "it has no host"),
            Self::NoTrustedDomain { host } => {
                write!(f, "the request is not signed and verified, and the template lists no syncRedirectDomain; {host} cannot be trusted")
            }
            Self::OutsideDomains { host, domains } => write!(f, "{host} is not within the template's syncRedirectDomain ({})", domains.join(", ")),
        }
    }
}

/// Serialized as its sentence (the `because` of `dconn verify`'s `return_to`).
impl Serialize for RedirectAllowed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Serialized as its sentence (the `reason` of `dconn verify`'s `return_to`).
impl Serialize for RedirectRefusal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::fmt::Display for ReturnTo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReturnTo::None => write!(f, "no redirect_uri: the window closes when done"),
            ReturnTo::Allowed { uri, because } => write!(f, "returns to {uri} ({because})"),
            ReturnTo::Refused { uri, reason } => write!(f, "will not return to {uri}: {reason}"),
        }
    }
}

/// Decide whether the request's `redirect_uri` may be followed.
pub fn decide(template: &Template, url: &ApplyUrl, signature_verified: bool) -> ReturnTo {
    let Some(uri) = url.redirect_uri.clone() else { return ReturnTo::None };
    let refuse = |reason: RedirectRefusal| ReturnTo::Refused { uri: uri.clone(), reason };
    let parsed = match &url.redirect {
        Some(Ok(u)) => u,
        Some(Err(e)) => return refuse(RedirectRefusal::NotAbsolute(Some(e.to_string()))),
        None => return refuse(RedirectRefusal::NotAbsolute(None)),
    };
    if !matches!(parsed.scheme.as_str(), "http" | "https") {
        return refuse(RedirectRefusal::Scheme(parsed.scheme.clone()));
    }
    if parsed.has_user_info {
        return refuse(RedirectRefusal::UserInfo);
    }
    let Some(host) = parsed.host.as_deref().map(|h| h.trim_end_matches('.').to_ascii_lowercase()) else {
        return refuse(RedirectRefusal::NoHost);
    };
    if signature_verified {
        return ReturnTo::Allowed { uri, because: RedirectAllowed::Signed };
    }
    let domains: Vec<String> = template
        .sync_redirect_domain
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(|d| d.trim().trim_end_matches('.').to_ascii_lowercase())
        .filter(|d| !d.is_empty())
        .collect();
    match domains.iter().find(|d| host == **d || host.ends_with(&format!(".{d}"))) {
        Some(d) => ReturnTo::Allowed { uri, because: RedirectAllowed::WithinDomain { domain: d.clone(), host } },
        None if domains.is_empty() => refuse(RedirectRefusal::NoTrustedDomain { host }),
        None => refuse(RedirectRefusal::OutsideDomains { host, domains }),
    }
}

/// The URL to send the browser to: the parsed `redirect_uri` with `state` and, when
/// `error_description` is given, `error=access_denied&error_description=…` appended to
/// its query (form-encoded, before any `#fragment`, as WHATWG URL's `searchParams` would).
pub fn return_url(uri: &WebUrl, state: Option<&str>, error_description: Option<&str>) -> String {
    let (before, fragment) = match uri.href.find('#') {
        Some(i) => uri.href.split_at(i),
        None => (uri.href.as_str(), ""),
    };
    let mut q = match before.split_once('?') {
        Some((_, query)) => form_urlencoded::Serializer::for_suffix(before.to_string(), before.len() - query.len()),
        None => form_urlencoded::Serializer::for_suffix(format!("{before}?"), before.len() + 1),
    };
    if let Some(s) = state {
        q.append_pair("state", s);
    }
    if let Some(d) = error_description {
        q.append_pair("error", "access_denied");
        q.append_pair("error_description", d);
    }
    q.finish() + fragment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(domains: Option<&str>) -> Template {
        let mut t = Template::from_json(r#"{"providerId":"p.example","serviceId":"s","records":[]}"#).unwrap();
        t.sync_redirect_domain = domains.map(String::from);
        t
    }
    fn u(redirect: &str) -> ApplyUrl {
        let enc: String = form_urlencoded::byte_serialize(redirect.as_bytes()).collect();
        ApplyUrl::parse(&format!("/v2/domainTemplates/providers/p.example/services/s/apply?domain=a.com&redirect_uri={enc}&state=xyz")).unwrap()
    }
    fn allowed(r: ReturnTo) -> bool {
        matches!(r, ReturnTo::Allowed { .. })
    }

    #[test]
    fn sync_redirect_domain_at_label_boundaries() {
        let tpl = t(Some("example.com, sp.example.net"));
        assert!(allowed(decide(&tpl, &u("https://example.com/done"), false)));
        assert!(allowed(decide(&tpl, &u("https://app.EXAMPLE.com./done?x=1"), false)));
        assert!(allowed(decide(&tpl, &u("http://a.sp.example.net/"), false)));
        for bad in [
            "https://evilexample.com/",
            "https://example.com.evil.net/",
            "https://example.net/",
            "https://example.com@evil.net/",
            "https://user:pw@example.com/",
            "javascript:alert(1)//example.com",
            "data:text/html,example.com",
            "ftp://example.com/",
            "//example.com/",
            "example.com/done",
        ] {
            assert!(matches!(decide(&tpl, &u(bad), false), ReturnTo::Refused { .. }), "{bad}");
        }
        assert_eq!(decide(&tpl, &ApplyUrl::parse("/v2/domainTemplates/providers/p/services/s/apply?domain=a.com").unwrap(), false), ReturnTo::None);
    }

    #[test]
    fn a_verified_signature_allows_any_http_host_but_not_other_schemes() {
        let tpl = t(None);
        assert!(
            matches!(decide(&tpl, &u("https://anywhere.example/"), false), ReturnTo::Refused { reason, .. } if reason.to_string().contains("lists no syncRedirectDomain"))
        );
        assert!(allowed(decide(&tpl, &u("https://anywhere.example/"), true)));
        assert!(!allowed(decide(&tpl, &u("javascript:alert(1)"), true)));
    }

    fn ret(uri: &str, state: Option<&str>, error: Option<&str>) -> String {
        use crate::web::WebStandards;
        return_url(&crate::web::RustWeb.parse_url(uri).unwrap(), state, error)
    }

    #[test]
    fn return_url_appends_state_and_cancel() {
        assert_eq!(ret("https://sp.example/done?a=1", Some("x y&z"), None), "https://sp.example/done?a=1&state=x+y%26z");
        assert_eq!(
            ret("https://sp.example/done", Some("s"), Some("user_cancel")),
            "https://sp.example/done?state=s&error=access_denied&error_description=user_cancel"
        );
    }

    /// The return URL is what the `url` crate's `query_pairs_mut` (WHATWG
    /// `searchParams.append`) makes of the same URL, fragment and empty query included.
    #[test]
    fn return_url_agrees_with_the_url_crate() {
        for uri in [
            "https://sp.example/done",
            "https://sp.example/done?",
            "https://sp.example/done?a=1&",
            "https://sp.example/done#frag?x",
            "https://sp.example/d?q=1#f",
            "https://sp.example",
            "http://[::1]:8080/p?x=%20",
        ] {
            let mut theirs = url::Url::parse(uri).unwrap();
            theirs.query_pairs_mut().append_pair("state", "a b");
            assert_eq!(ret(uri, Some("a b"), None), theirs.as_str(), "{uri}");
        }
    }
}
