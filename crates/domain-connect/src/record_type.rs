//! Record types as the spec names them ("Record Types and Conflicts"), and the TXT
//! conflict matching modes — typed, so that no front end compares strings such as
//! `"TXT"` and every rule about a type is written here once.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// A record type of a template or a zone. Read and written by its name (serde
/// included); ordered by its name, as the compliance suites sort records.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// Certification authority authorisation (RFC 8659). This and the types below it
    /// are custom types to the engine (their data opaque); lint knows where they may sit.
    Caa,
    /// DANE TLSA (RFC 6698).
    Tlsa,
    /// S/MIME certificate association (RFC 8162).
    Smimea,
    /// OpenPGP public key (RFC 7929).
    Openpgpkey,
    /// Service binding (RFC 9460).
    Svcb,
    /// HTTPS service binding (RFC 9460).
    Https,
    /// Uniform resource identifier (RFC 7553).
    Uri,
    /// NULL (RFC 1035).
    Null,
    /// Start of authority: a records API's own bookkeeping, never a template's.
    Soa,
    /// The obsolete SPF type (RFC 7208 §3.1): TXT-like text.
    Spf,
    /// A pointer (reverse zones).
    Ptr,
    /// A type by its number, written `TYPEnnn` (RFC 3597), opaque to the engine.
    Generic(u16),
    /// Any other type name (TLSA, `FOO`…), opaque to the engine; uppercased.
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
            "CAA" => Self::Caa,
            "TLSA" => Self::Tlsa,
            "SMIMEA" => Self::Smimea,
            "OPENPGPKEY" => Self::Openpgpkey,
            "SVCB" => Self::Svcb,
            "HTTPS" => Self::Https,
            "URI" => Self::Uri,
            "NULL" => Self::Null,
            "SOA" => Self::Soa,
            "SPF" => Self::Spf,
            "PTR" => Self::Ptr,
            _ => match upper.strip_prefix("TYPE").filter(|n| !n.starts_with('0')).and_then(|n| n.parse::<u16>().ok()) {
                // Kept as written (RFC 3597 generic form), even for a number that has a
                // name: its data is then in the generic `\# n hex` form too.
                Some(n) => Self::Generic(n),
                None => Self::Other(upper),
            },
        }
    }

    /// The type with this number (RFC 3597's `TYPEnnn`): a named variant where we
    /// have one, else [`RecordType::Generic`].
    pub fn from_number(n: u16) -> RecordType {
        NUMBERS.iter().find(|(_, k)| *k == n).map(|(t, _)| t.clone()).unwrap_or(Self::Generic(n))
    }

    /// The type's number in DNS messages, for the types that have one (not the spec's
    /// pseudo-types APEXCNAME, SPFM and the redirects, nor an unknown name).
    pub fn number(&self) -> Option<u16> {
        match self {
            Self::Generic(n) => Some(*n),
            t => NUMBERS.iter().find(|(k, _)| k == t).map(|(_, n)| *n),
        }
    }

    /// The type's name as the spec and zone files spell it.
    pub fn name(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Self::Generic(n) => std::borrow::Cow::Owned(format!("TYPE{n}")),
            other => std::borrow::Cow::Borrowed(other.as_str()),
        }
    }

    /// The type's name, as [`RecordType::name`], for every type but `TYPEnnn`
    /// (which is `"TYPE"` here: use `name`).
    fn as_str(&self) -> &str {
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
            Self::Caa => "CAA",
            Self::Tlsa => "TLSA",
            Self::Smimea => "SMIMEA",
            Self::Openpgpkey => "OPENPGPKEY",
            Self::Svcb => "SVCB",
            Self::Https => "HTTPS",
            Self::Uri => "URI",
            Self::Null => "NULL",
            Self::Soa => "SOA",
            Self::Spf => "SPF",
            Self::Ptr => "PTR",
            Self::Generic(_) => "TYPE",
            Self::Other(s) => s,
        }
    }

    /// One of the types the spec gives rules for (A, AAAA, CNAME, APEXCNAME, MX, NS,
    /// SRV, TXT, SPFM, REDIR301, REDIR302); every other type is a *custom* type, whose
    /// data the engine passes through.
    pub fn is_custom(&self) -> bool {
        !matches!(
            self,
            Self::A | Self::Aaaa | Self::Cname | Self::ApexCname | Self::Mx | Self::Ns | Self::Srv | Self::Txt | Self::Spfm | Self::Redir301 | Self::Redir302
        )
    }

    /// A CNAME, or the flattened APEXCNAME.
    pub fn is_cname_like(&self) -> bool {
        matches!(self, Self::Cname | Self::ApexCname)
    }

    /// The types a new record of this type removes at its name, as the reference engine
    /// does (DCAZ `_delete_map`): A/AAAA, MX, CNAME/APEXCNAME and the redirects. TXT,
    /// SRV, NS and SPFM have rules of their own; a custom type removes nothing.
    pub fn deletes_at_name(&self) -> &'static [RecordType] {
        use RecordType::*;
        match self {
            A | Aaaa => &[A, Aaaa, Cname, Redir301, Redir302],
            Mx => &[Mx, Cname],
            Cname | ApexCname => &[A, Aaaa, Cname, Mx, Txt, Redir301, Redir302],
            Redir301 | Redir302 => &[A, Aaaa, Cname],
            _ => &[],
        }
    }

    /// Whether the template record's `pointsTo` carries this type's data (A, AAAA,
    /// MX, CNAME, APEXCNAME, NS).
    pub fn uses_points_to(&self) -> bool {
        matches!(self, Self::A | Self::Aaaa | Self::Mx | Self::Cname | Self::ApexCname | Self::Ns)
    }

    /// Whether the record's data is text whose case matters (TXT, SPF, CAA and the
    /// custom types); host names and addresses compare without case.
    pub fn data_keeps_case(&self) -> bool {
        *self == Self::Txt || self.is_custom()
    }

    /// Whether a template record of this type needs a `ttl` (all but SPFM and the
    /// redirects, whose TTL the DNS provider chooses).
    pub fn needs_ttl(&self) -> bool {
        !matches!(self, Self::Spfm | Self::Redir301 | Self::Redir302)
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

/// The numbers of the named types (IANA's DNS parameters registry).
const NUMBERS: [(RecordType, u16); 18] = [
    (RecordType::A, 1),
    (RecordType::Ns, 2),
    (RecordType::Cname, 5),
    (RecordType::Soa, 6),
    (RecordType::Null, 10),
    (RecordType::Ptr, 12),
    (RecordType::Mx, 15),
    (RecordType::Txt, 16),
    (RecordType::Aaaa, 28),
    (RecordType::Srv, 33),
    (RecordType::Tlsa, 52),
    (RecordType::Smimea, 53),
    (RecordType::Openpgpkey, 61),
    (RecordType::Svcb, 64),
    (RecordType::Https, 65),
    (RecordType::Spf, 99),
    (RecordType::Uri, 256),
    (RecordType::Caa, 257),
];

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As `name()`, without building a string for `TYPEnnn`.
        match self {
            Self::Generic(n) => write!(f, "TYPE{n}"),
            other => f.write_str(other.as_str()),
        }
    }
}

impl Default for RecordType {
    /// An empty type name (a template record that names none).
    fn default() -> Self {
        Self::Other(String::new())
    }
}

impl From<&str> for RecordType {
    fn from(name: &str) -> Self {
        Self::parse(name)
    }
}

impl Ord for RecordType {
    fn cmp(&self, other: &Self) -> Ordering {
        self.name().cmp(&other.name())
    }
}

impl PartialOrd for RecordType {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for RecordType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for RecordType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Self::parse(&name))
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
            assert_eq!(RecordType::parse(&n.to_lowercase()).to_string(), n);
        }
        assert_eq!(RecordType::parse("caa"), RecordType::Caa);
        assert_eq!((RecordType::parse("type65"), RecordType::from_number(65)), (RecordType::Generic(65), RecordType::Https));
        assert_eq!(RecordType::parse("TYPE999"), RecordType::Generic(999));
        assert_eq!((RecordType::Generic(999).to_string(), RecordType::Generic(999).number()), ("TYPE999".into(), Some(999)));
        assert_eq!((RecordType::Cname.number(), RecordType::Spfm.number()), (Some(5), None));
        assert_eq!(RecordType::parse("TYPE065"), RecordType::Other("TYPE065".into()));
        assert_eq!((RecordType::parse("tlsa"), RecordType::parse("x-foo")), (RecordType::Tlsa, RecordType::Other("X-FOO".into())));
        let t: RecordType = serde_json::from_str("\"cname\"").unwrap();
        assert_eq!((t.clone(), serde_json::to_string(&t).unwrap()), (RecordType::Cname, "\"CNAME\"".to_string()));
        let mut sorted = vec![RecordType::Txt, RecordType::A, RecordType::Generic(999), RecordType::Cname];
        sorted.sort();
        assert_eq!(sorted, [RecordType::A, RecordType::Cname, RecordType::Txt, RecordType::Generic(999)]);
        let proxiable: Vec<&str> =
            ["A", "AAAA", "CNAME", "MX", "TXT", "APEXCNAME", "REDIR301"].into_iter().filter(|t| RecordType::parse(t).is_proxiable()).collect();
        assert_eq!(proxiable, ["A", "AAAA", "CNAME"]);
        assert!(RecordType::Mx.not_proxiable_because().is_some());
    }
}
