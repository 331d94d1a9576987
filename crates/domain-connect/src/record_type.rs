//! Record types as the spec names them ("Record Types and Conflicts"), and the TXT
//! conflict matching modes — typed, so that no front end compares strings such as
//! `"TXT"` and every rule about a type is written here once.

use serde::{Serialize, Serializer};
use std::fmt;

/// A record type of a template or a zone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RecordType {
    /// An IPv4 address.
    A,
    /// An IPv6 address.
    Aaaa,
    /// An alias.
    Cname,
    /// A CNAME at the apex, flattened by the DNS provider.
    ApexCname,
    /// A mail exchanger.
    Mx,
    /// A delegation.
    Ns,
    /// A service location.
    Srv,
    /// Text.
    Txt,
    /// An SPF merge rule: merged into the TXT `v=spf1` record at its host.
    Spfm,
    /// An HTTP 301 redirect served by the DNS provider.
    Redir301,
    /// An HTTP 302 redirect served by the DNS provider.
    Redir302,
    /// Any other type (CAA, TLSA, `TYPE65`…), its data opaque to the engine; uppercased.
    Other(String),
}

impl RecordType {
    /// Read a type name, case-insensitively (the engine uppercases types).
    pub fn parse(name: &str) -> RecordType {
        let upper = name.trim().to_ascii_uppercase();
        match upper.as_str() {
            "A" => Self::A,
            "AAAA" => Self::Aaaa,
            "CNAME" => Self::Cname,
            "APEXCNAME" => Self::ApexCname,
            "MX" => Self::Mx,
            "NS" => Self::Ns,
            "SRV" => Self::Srv,
            "TXT" => Self::Txt,
            "SPFM" => Self::Spfm,
            "REDIR301" => Self::Redir301,
            "REDIR302" => Self::Redir302,
            _ => Self::Other(upper),
        }
    }

    /// The type's name as the spec and zone files spell it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::A => "A",
            Self::Aaaa => "AAAA",
            Self::Cname => "CNAME",
            Self::ApexCname => "APEXCNAME",
            Self::Mx => "MX",
            Self::Ns => "NS",
            Self::Srv => "SRV",
            Self::Txt => "TXT",
            Self::Spfm => "SPFM",
            Self::Redir301 => "REDIR301",
            Self::Redir302 => "REDIR302",
            Self::Other(s) => s,
        }
    }

    /// Whether a DNS provider with a proxy (Cloudflare's "proxied") can put it in front
    /// of this type: A, AAAA and CNAME records only.
    pub fn is_proxiable(&self) -> bool {
        matches!(self, Self::A | Self::Aaaa | Self::Cname)
    }

    /// A REDIR301 or REDIR302 pseudo-record.
    pub fn is_redirect(&self) -> bool {
        matches!(self, Self::Redir301 | Self::Redir302)
    }

    /// Why a proxy toggle does not apply to this type (`None` for A/AAAA/CNAME).
    pub fn not_proxiable_because(&self) -> Option<&'static str> {
        match self {
            Self::A | Self::Aaaa | Self::Cname => None,
            Self::ApexCname => Some("an apex CNAME is flattened by the DNS provider; it is not proxied"),
            Self::Redir301 | Self::Redir302 => Some("the DNS provider serves the redirect itself"),
            _ => Some("only A, AAAA and CNAME records can be proxied"),
        }
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RecordType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// How a new TXT record conflicts with the TXT records at its name (the template
/// record's `txtConflictMatchingMode`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TxtConflictMode {
    /// No TXT record is removed (the default).
    #[default]
    None,
    /// Every TXT record at the name is replaced.
    All,
    /// TXT records whose text starts with the prefix are replaced. A template that
    /// names the mode without `txtConflictMatchingPrefix` has `None` here; the engine
    /// refuses it (InvalidTemplate) when a TXT record stands at the name, as the
    /// reference engine does.
    Prefix {
        /// `txtConflictMatchingPrefix`, if the template gives one.
        prefix: Option<String>,
    },
}

impl TxtConflictMode {
    /// From the template record's fields, as the reference engine reads them: the
    /// mode compared exactly; an unknown mode removes nothing.
    pub fn from_fields(mode: Option<&str>, prefix: Option<&str>) -> TxtConflictMode {
        match mode {
            Some("All") => Self::All,
            Some("Prefix") => Self::Prefix { prefix: prefix.map(str::to_string) },
            _ => Self::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_proxy_rule() {
        for n in ["A", "AAAA", "CNAME", "APEXCNAME", "MX", "NS", "SRV", "TXT", "SPFM", "REDIR301", "REDIR302", "CAA"] {
            assert_eq!(RecordType::parse(&n.to_lowercase()).as_str(), n);
        }
        assert_eq!(RecordType::parse("caa"), RecordType::Other("CAA".into()));
        let proxiable: Vec<&str> = ["A", "AAAA", "CNAME", "MX", "TXT", "APEXCNAME", "REDIR301"]
            .into_iter()
            .filter(|t| RecordType::parse(t).is_proxiable())
            .collect();
        assert_eq!(proxiable, ["A", "AAAA", "CNAME"]);
        assert!(RecordType::Mx.not_proxiable_because().is_some());
    }
}
