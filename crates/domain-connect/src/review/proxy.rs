//! Cloudflare-style proxy toggles for the A, AAAA and CNAME records a template adds:
//! their initial state from the provider's `proxy_defaults`, and what is worth warning
//! about in the user's choices.

use crate::changeset::ChangeSet;
use crate::record_type::RecordType;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Initial proxy state per template (`providerId/serviceId`, then `*`), per record
/// type — Cloudflare-style "proxied" toggles for A, AAAA and CNAME records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct ProxyDefaults(pub BTreeMap<String, BTreeMap<RecordType, bool>>);

impl ProxyDefaults {
    /// The initial toggle of a record of `rtype` added by template `provider_id/service_id`:
    /// `None` when the type cannot be proxied; otherwise the template's own entry, then
    /// `*`'s, then DNS-only (`false`).
    pub fn initial(&self, provider_id: &str, service_id: &str, rtype: &RecordType) -> Option<bool> {
        if !rtype.is_proxiable() {
            return None;
        }
        let key = format!("{provider_id}/{service_id}");
        let pick = |k: &str| self.0.get(k).and_then(|m| m.get(rtype).copied());
        Some(pick(&key).or_else(|| pick("*")).unwrap_or(false))
    }
}

/// Something about the proxy choices worth a warning; none of them refuses the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProxyWarning {
    /// Proxied and DNS-only records would share one name: visitors reach the proxy or
    /// the origin depending on which record their resolver picks.
    MixedAtName {
        /// The owner name, as in the change set (`@`, `www`).
        name: String,
    },
    /// A proxied record points at an address the proxy cannot reach from the Internet.
    UnreachableAddress {
        /// The owner name.
        name: String,
        /// The address.
        address: String,
        /// What kind of address it is (`private`, `loopback`…).
        kind: &'static str,
    },
}

impl fmt::Display for ProxyWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MixedAtName { name } => {
                write!(f, "{name}: proxied and DNS-only records would share this name, so some visitors reach the proxy and others the server directly")
            }
            Self::UnreachableAddress { name, address, kind } => {
                write!(f, "{name}: the proxied record points at {address}, a {kind} address the proxy cannot reach from the Internet")
            }
        }
    }
}

/// What kind of address the proxy cannot reach, if it is one.
fn unreachable_kind(ip: IpAddr) -> Option<&'static str> {
    let v4 = |a: Ipv4Addr| {
        let [x, y, ..] = a.octets();
        if a.is_loopback() {
            Some("loopback")
        } else if a.is_private() {
            Some("private")
        } else if a.is_link_local() {
            Some("link-local")
        } else if x == 100 && (64..128).contains(&y) {
            Some("shared (carrier-grade NAT)")
        } else if a.is_unspecified() || x == 0 {
            Some("unspecified")
        } else {
            None
        }
    };
    match ip {
        IpAddr::V4(a) => v4(a),
        IpAddr::V6(a) => match a.to_ipv4_mapped() {
            Some(m) => v4(m),
            None if a.is_loopback() => Some("loopback"),
            None if a.is_unspecified() => Some("unspecified"),
            None if a.is_unique_local() => Some("private (unique local)"),
            None if a.is_unicast_link_local() => Some("link-local"),
            None => None,
        },
    }
}

/// The warnings for these proxy choices (in `changes.added` order, as
/// [`crate::review::Review::proxy`]), in the order of the added records.
pub fn warnings(changes: &ChangeSet, proxied: &[Option<bool>]) -> Vec<ProxyWarning> {
    let mut out = Vec::new();
    let choice = |i: usize| proxied.get(i).copied().flatten();
    for (i, a) in changes.added.iter().enumerate() {
        let r = &a.record;
        let name = r.name.to_ascii_lowercase();
        if choice(i).is_some() && !out.iter().any(|w| matches!(w, ProxyWarning::MixedAtName { name: n } if *n == name)) {
            let at_name = changes.added.iter().enumerate().filter(|(_, b)| b.record.name.eq_ignore_ascii_case(&name));
            let states: Vec<bool> = at_name.filter_map(|(j, _)| choice(j)).collect();
            if states.contains(&true) && states.contains(&false) {
                out.push(ProxyWarning::MixedAtName { name: name.clone() });
            }
        }
        if choice(i) == Some(true) {
            let ip = match &r.rtype {
                RecordType::A => r.data.parse::<Ipv4Addr>().ok().map(IpAddr::V4),
                RecordType::Aaaa => r.data.parse::<Ipv6Addr>().ok().map(IpAddr::V6),
                _ => None,
            };
            if let Some(kind) = ip.and_then(unreachable_kind) {
                out.push(ProxyWarning::UnreachableAddress { name, address: r.data.clone(), kind });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changeset::Addition;
    use crate::record::ZoneRecord;

    fn add(rtype: &str, name: &str, data: &str) -> Addition {
        let json = format!(r#"{{"type":"{rtype}","name":"{name}","data":"{data}","ttl":300}}"#);
        Addition { record: serde_json::from_str::<ZoneRecord>(&json).unwrap(), template_record: 0 }
    }

    #[test]
    fn mixed_names_and_unreachable_addresses() {
        let cs = ChangeSet {
            added: vec![add("A", "www", "10.1.2.3"), add("AAAA", "WWW", "2001:db8::1"), add("A", "@", "192.0.2.1"), add("TXT", "www", "x")],
            ..ChangeSet::default()
        };
        assert!(warnings(&cs, &[Some(false), Some(false), Some(true), None]).is_empty(), "all DNS-only at www; a public proxied apex");
        let w = warnings(&cs, &[Some(true), Some(false), Some(false), None]);
        assert_eq!(
            w,
            [
                ProxyWarning::MixedAtName { name: "www".into() },
                ProxyWarning::UnreachableAddress { name: "www".into(), address: "10.1.2.3".into(), kind: "private" }
            ]
        );
        for (ip, kind) in
            [("127.0.0.2", Some("loopback")), ("100.100.0.1", Some("shared (carrier-grade NAT)")), ("169.254.1.1", Some("link-local")), ("8.8.8.8", None)]
        {
            assert_eq!(unreachable_kind(ip.parse().unwrap()), kind, "{ip}");
        }
        for (ip, kind) in [
            ("::1", Some("loopback")),
            ("fd00::1", Some("private (unique local)")),
            ("fe80::1", Some("link-local")),
            ("::ffff:192.168.0.1", Some("private")),
            ("2606:4700::1", None),
        ] {
            assert_eq!(unreachable_kind(ip.parse().unwrap()), kind, "{ip}");
        }
    }
}
