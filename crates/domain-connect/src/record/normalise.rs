//! Record normalisation (DCAZ `_normalise_record`): the type is uppercased and every
//! text field lowercased, except TXT data and custom-type data (case matters there)
//! and — where we differ from DCAZ — the path and query of a REDIR301/302 URL.

use super::ZoneRecord;

/// A normalised copy of a record (its type is typed, so already in one case).
pub fn normalise(r: &ZoneRecord) -> ZoneRecord {
    let data = if r.rtype.data_keeps_case() {
        r.data.clone()
    } else if r.rtype.is_redirect() {
        lowercase_url_origin(&r.data)
    } else {
        r.data.to_ascii_lowercase()
    };
    ZoneRecord {
        name: r.name.to_ascii_lowercase(),
        data,
        protocol: r.protocol.as_ref().map(|s| s.to_ascii_lowercase()),
        service: r.service.as_ref().map(|s| s.to_ascii_lowercase()),
        ..r.clone()
    }
}

/// An A or AAAA record's address in its one canonical text (`2620:127:f00f:5::` for
/// `2620:0127:f00f:5::`), as a server that stores addresses gives it back; `None` for
/// other types, or data that is not an address.
pub fn canonical_address(r: &ZoneRecord) -> Option<String> {
    matches!(r.rtype, crate::record_type::RecordType::A | crate::record_type::RecordType::Aaaa)
        .then(|| r.data.trim().parse::<std::net::IpAddr>().ok().map(|a| a.to_string()))
        .flatten()
}

/// Lowercase a URL's scheme and authority (case-insensitive by definition) and keep
/// its path, query and fragment as they are.
fn lowercase_url_origin(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else { return url.to_ascii_lowercase() };
    let after = scheme_end + 3;
    let path_start = url[after..].find(['/', '?', '#']).map(|i| i + after).unwrap_or(url.len());
    format!("{}{}", url[..path_start].to_ascii_lowercase(), &url[path_start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_have_one_canonical_text() {
        assert_eq!(canonical_address(&ZoneRecord::new("AAAA", "@", "2620:0127:f00f:5::", None)).as_deref(), Some("2620:127:f00f:5::"));
        assert_eq!(canonical_address(&ZoneRecord::new("A", "@", "192.0.2.1", None)).as_deref(), Some("192.0.2.1"));
        assert_eq!(canonical_address(&ZoneRecord::new("TXT", "@", "192.0.2.1", None)), None);
    }

    #[test]
    fn redirect_path_keeps_case() {
        let r = ZoneRecord::new("redir301", "WWW", "HTTPS://Example.COM/Path?Q=A", None);
        let n = normalise(&r);
        assert_eq!(n.rtype.to_string(), "REDIR301");
        assert_eq!(n.name, "www");
        assert_eq!(n.data, "https://example.com/Path?Q=A");
    }

    #[test]
    fn txt_and_custom_data_keep_case() {
        assert_eq!(normalise(&ZoneRecord::new("TXT", "@", "Hello", None)).data, "Hello");
        assert_eq!(normalise(&ZoneRecord::new("caa", "@", "0 issue \"X.org\"", None)).data, "0 issue \"X.org\"");
        assert_eq!(normalise(&ZoneRecord::new("CNAME", "@", "X.org", None)).data, "x.org");
    }
}
