//! The browser's own WHATWG URL parser and IDNA mapping, for the core's
//! [`WebStandards`] seam: the consent page does not ship a second copy of the
//! Unicode tables the browser already has.

use domain_connect::{WebStandards, WebUrl};

/// The browser's `URL` class.
pub struct Browser;

impl WebStandards for Browser {
    fn domain_to_ascii(&self, domain: &str) -> Option<String> {
        // The URL parser runs "domain to ASCII" (UTS #46) on a special URL's host.
        let u = web_sys::Url::new(&format!("http://{domain}/")).ok()?;
        let host = u.hostname();
        (!host.is_empty()).then_some(host)
    }

    fn parse_url(&self, input: &str) -> Result<WebUrl, String> {
        let u = web_sys::Url::new(input).map_err(|_| "the browser's URL parser cannot read it".to_string())?;
        let scheme = u.protocol();
        let host = u.host();
        Ok(WebUrl {
            href: u.href(),
            scheme: scheme.strip_suffix(':').unwrap_or(&scheme).to_string(),
            has_user_info: !u.username().is_empty() || !u.password().is_empty(),
            host: (!host.is_empty()).then(|| u.hostname()),
            path: u.pathname(),
        })
    }
}
