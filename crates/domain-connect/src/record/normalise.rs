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
