//! The two web standards the protocol leans on, behind one seam: the WHATWG URL
//! parser (a `redirect_uri` is judged by the host a browser would go to) and UTS #46
//! ToASCII (an internationalised `domain` or `host` becomes the punycode a DNS
//! provider stores), as WHATWG URL's "domain to ASCII" runs it.
//!
//! Every browser carries both; [`RustWeb`] implements them with the `url` and `idna`
//! crates (which implement the same two standards) for the CLI, the tools and any
//! backend. The consent page passes the browser's own, so it does not ship a second
//! copy of the Unicode tables — the rules that use the answers stay here.
//!
//! Punycode *decoding*, for showing an A-label in Unicode beside it, needs no tables
//! and is always done here ([`to_unicode`]).

use serde::Serialize;

/// A URL as the WHATWG URL parser reads it: what the `redirect_uri` rules look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WebUrl {
    /// The serialised URL (`href`).
    pub href: String,
    /// The scheme, without `:`, lowercase.
    pub scheme: String,
    /// It carries a user name or password (`https://user@host/`).
    pub has_user_info: bool,
    /// The host as serialised (punycode, IPv6 in brackets); `None` when it has none.
    pub host: Option<String>,
    /// The path, percent-encoded as serialised.
    pub path: String,
}

/// The URL parser and IDNA mapping a front end provides.
pub trait WebStandards {
    /// UTS #46 ToASCII of a domain name (non-transitional, as WHATWG URL's "domain to
    /// ASCII"); `None` when it is not a valid name. Labels that are already `xn--`
    /// are checked to decode to a valid name.
    fn domain_to_ascii(&self, domain: &str) -> Option<String>;
    /// Parse an absolute URL; the error says why it is not one.
    fn parse_url(&self, input: &str) -> Result<WebUrl, String>;
}

/// [`WebStandards`] from the `url` and `idna` crates.
#[derive(Debug, Clone, Copy, Default)]
pub struct RustWeb;

impl WebStandards for RustWeb {
    fn domain_to_ascii(&self, domain: &str) -> Option<String> {
        idna::domain_to_ascii(domain).ok()
    }

    fn parse_url(&self, input: &str) -> Result<WebUrl, String> {
        let u = url::Url::parse(input).map_err(|e| e.to_string())?;
        Ok(WebUrl {
            href: u.as_str().to_string(),
            scheme: u.scheme().to_string(),
            has_user_info: !u.username().is_empty() || u.password().is_some(),
            host: u.host_str().map(str::to_string),
            path: u.path().to_string(),
        })
    }
}

/// A label in punycode form (`xn--…`, any case).
pub(crate) fn is_a_label(label: &str) -> bool {
    label.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
}

/// The Unicode form of an ASCII domain name for display: each `xn--` label decoded
/// from punycode, other labels as they are. `None` when a label does not decode.
pub fn to_unicode(ascii: &str) -> Option<String> {
    let labels: Option<Vec<String>> =
        ascii.split('.').map(|label| if is_a_label(label) { idna::punycode::decode_to_string(&label[4..]) } else { Some(label.to_string()) }).collect();
    labels.map(|l| l.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_decodes_a_labels_only() {
        assert_eq!(to_unicode("www.xn--bcher-kva.example").as_deref(), Some("www.bücher.example"));
        assert_eq!(to_unicode("plain.example").as_deref(), Some("plain.example"));
        assert_eq!(to_unicode("xn--zzzzzzzzzzzzzzzzzzzzzzzzzz.example"), None, "overflows");
    }

    #[test]
    fn rust_web_reads_user_info_and_host() {
        let u = RustWeb.parse_url("HTTPS://user@Example.COM./x?y#z").unwrap();
        assert_eq!((u.scheme.as_str(), u.has_user_info, u.host.as_deref()), ("https", true, Some("example.com.")));
        assert!(RustWeb.parse_url("/relative").is_err());
        assert_eq!(RustWeb.domain_to_ascii("Bücher.Example").as_deref(), Some("xn--bcher-kva.example"));
        assert_eq!(RustWeb.domain_to_ascii("xn--a.example"), None);
    }
}
