//! Records APIs of DNS providers: request and response shapes only (no I/O), so the
//! app and a provider's backend map zones and change sets the same way.
//!
//! * [`powerdns`]: PowerDNS Authoritative's HTTP API (tested against a real server by
//!   the browser tier of `cargo xtask test`).

pub mod powerdns;

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
