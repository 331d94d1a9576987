//! Zone records in the shape the compliance suites, the reference engine and our
//! records-API adapters share: `{type, name, data, ttl, priority, protocol, service,
//! weight, port, _dc}` with `name` relative to the zone and `@` for the apex.

use crate::record_type::RecordType;

mod normalise;
pub use normalise::{canonical_address, normalise};
use serde::{Deserialize, Deserializer, Serialize};
use std::cmp::Ordering;

/// Provenance of a record written by a template applied in multi-aware mode
/// (spec: "Multiple Templates", the `_dc` field of the reference engine).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Provenance {
    /// The instance id of this application of the template.
    #[serde(default, deserialize_with = "de_opt_string")]
    pub id: Option<String>,
    /// The template's `providerId`.
    #[serde(rename = "providerId", default, deserialize_with = "de_opt_string")]
    pub provider_id: Option<String>,
    /// The template's `serviceId`.
    #[serde(rename = "serviceId", default, deserialize_with = "de_opt_string")]
    pub service_id: Option<String>,
    /// The host the template was applied to ("" for the apex).
    #[serde(default, deserialize_with = "de_opt_string")]
    pub host: Option<String>,
    /// `Always` or `OnApply`.
    #[serde(default, deserialize_with = "de_opt_string")]
    pub essential: Option<String>,
}

/// One DNS record of a zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneRecord {
    /// The record type (`type`, read case-insensitively).
    #[serde(rename = "type")]
    pub rtype: RecordType,
    /// Owner name relative to the zone, `@` for the apex.
    pub name: String,
    /// Record data: an address, a target host name, TXT text, a redirect URL…
    #[serde(default)]
    pub data: String,
    /// TTL in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "de_opt_int")]
    pub ttl: Option<i64>,
    /// MX/SRV priority.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "de_opt_int")]
    pub priority: Option<i64>,
    /// SRV protocol, without its underscore (`tcp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// SRV service, with its underscore (`_sip`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// SRV weight.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "de_opt_int")]
    pub weight: Option<i64>,
    /// SRV port.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "de_opt_int")]
    pub port: Option<i64>,
    /// Which template instance wrote the record (multi-aware mode, `_dc`).
    #[serde(rename = "_dc", default, skip_serializing_if = "Option::is_none")]
    pub dc: Option<Provenance>,
}

impl ZoneRecord {
    /// A record with just type, name, data and TTL.
    pub fn new(rtype: impl Into<RecordType>, name: &str, data: &str, ttl: Option<i64>) -> Self {
        ZoneRecord {
            rtype: rtype.into(),
            name: name.to_string(),
            data: data.to_string(),
            ttl,
            priority: None,
            protocol: None,
            service: None,
            weight: None,
            port: None,
            dc: None,
        }
    }

    /// The canonical order of the compliance suites: (type, name, ttl, data), then
    /// the remaining fields so that the order is total.
    pub fn canonical_cmp(&self, other: &Self) -> Ordering {
        (&self.rtype, &self.name, self.ttl.unwrap_or(0), &self.data)
            .cmp(&(&other.rtype, &other.name, other.ttl.unwrap_or(0), &other.data))
            .then_with(|| {
                (self.priority, &self.protocol, &self.service, self.weight, self.port).cmp(&(
                    other.priority,
                    &other.protocol,
                    &other.service,
                    other.weight,
                    other.port,
                ))
            })
            .then_with(|| self.dc.cmp(&other.dc))
    }

    /// True for the owner name of the zone apex (`@` or empty).
    pub fn is_apex(&self) -> bool {
        self.name.is_empty() || self.name == "@"
    }

    /// A short one-line rendering, e.g. `CNAME www → example.net (TTL 600)`.
    pub fn summary(&self) -> String {
        let mut s = format!("{} {} {}", self.rtype, self.name, self.data);
        if let Some(p) = self.priority {
            s.push_str(&format!(" priority {p}"));
        }
        if let Some(t) = self.ttl {
            s.push_str(&format!(" (TTL {t})"));
        }
        s
    }
}

/// The full name of an owner of `domain`: `www` → `www.example.com`, the apex (`@` or
/// empty) → `example.com`; no final dot (a trailing one on `domain` is dropped). The one
/// place a relative owner name becomes a full one (records APIs, DoH probes, screens).
pub fn full_name(owner: &str, domain: &str) -> String {
    let domain = domain.trim_end_matches('.');
    match owner {
        "" | "@" => domain.to_string(),
        o => format!("{o}.{domain}"),
    }
}

/// Sort records in the suites' canonical order.
pub fn sort_canonical(records: &mut [ZoneRecord]) {
    records.sort_by(|a, b| a.canonical_cmp(b));
}

fn de_opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    use serde::de::Error;
    let v = Option::<serde_json::Value>::deserialize(d)?;
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) => n.as_i64().map(Some).ok_or_else(|| D::Error::custom(format!("expected an integer, found {n}"))),
        Some(serde_json::Value::String(s)) => s.trim().parse::<i64>().map(Some).map_err(|_| D::Error::custom(format!("expected an integer, found {s:?}"))),
        Some(other) => Err(D::Error::custom(format!("expected an integer, found {other}"))),
    }
}

fn de_opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}
