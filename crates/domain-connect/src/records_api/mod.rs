//! Records APIs of DNS providers: request and response shapes only (no I/O), so the
//! app and a provider's backend map zones and change sets the same way.
//!
//! * [`powerdns`]: PowerDNS Authoritative's HTTP API (tested against a real server by
//!   the browser tier of `cargo xtask test`).

pub mod powerdns;
