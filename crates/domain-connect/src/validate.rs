//! Validation of substituted values, as the reference engine does it (DCAZ
//! `validate.py`): host labels, target host names, IP addresses, redirect URLs and
//! custom record type names.

/// One DNS label as DCAZ accepts it: 1–63 of `[A-Za-z0-9_-]`, not starting or ending
/// with `-`.
pub fn is_label(l: &str) -> bool {
    !l.is_empty() && l.len() <= 63 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') && !l.starts_with('-') && !l.ends_with('-')
}

fn all_labels(s: &str) -> bool {
    s.split('.').all(is_label)
}

/// A `pointsTo`/`target`/`service` host name; one trailing dot allowed.
pub fn is_target_host(h: &str) -> bool {
    if h.len() > 253 {
        return false;
    }
    all_labels(h.strip_suffix('.').unwrap_or(h))
}

fn strip_wildcard(s: &str) -> (bool, &str) {
    if s == "*" {
        (true, "")
    } else if let Some(r) = s.strip_prefix("*.") {
        (true, r)
    } else {
        (false, s)
    }
}

/// The owner name of an A, AAAA, MX, TXT, SPFM, REDIR or custom record: empty or `@`
/// (the apex), or labels, optionally under a leftmost wildcard.
pub fn is_host_other(h: &str) -> bool {
    if h.is_empty() || h == "@" {
        return true;
    }
    if h.len() > 253 {
        return false;
    }
    let (wild, rest) = strip_wildcard(h);
    if wild && rest.is_empty() {
        return true;
    }
    all_labels(rest)
}

/// The owner name of a CNAME or NS record: like [`is_host_other`] but never the apex.
pub fn is_host_cname_or_ns(h: &str) -> bool {
    if h.len() > 253 {
        return false;
    }
    let (wild, rest) = strip_wildcard(h);
    if wild && rest.is_empty() {
        return true;
    }
    all_labels(rest)
}

/// The full SRV owner `_proto.name`.
pub fn is_host_srv(h: &str) -> bool {
    h.len() <= 253 && all_labels(h)
}

/// The SRV `name` field; `@` is the apex.
pub fn is_name_srv(h: &str) -> bool {
    h == "@" || all_labels(h)
}

/// An IP address of the given version as the reference engine (Python IPy) accepts
/// it: besides the usual forms, a dotted quad with fewer parts (`132.148.25`), a
/// decimal or `0x` integer, and a `/32` (`/128`) single-address prefix. Such loose
/// forms are accepted here as in DCAZ; the consent screen flags them (see
/// [`is_strict_ip`]).
pub fn is_ip_loose(s: &str, version: u8) -> bool {
    parse_ip_loose(s) == Some(version)
}

/// A plain, canonical-form IPv4/IPv6 address (what a records API accepts).
pub fn is_strict_ip(s: &str, version: u8) -> bool {
    match version {
        4 => s.parse::<std::net::Ipv4Addr>().is_ok(),
        6 => s.parse::<std::net::Ipv6Addr>().is_ok(),
        _ => false,
    }
}

fn parse_ip_loose(s: &str) -> Option<u8> {
    let (addr, prefix) = match s.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (s, None),
    };
    let version = if addr.contains(':') {
        addr.parse::<std::net::Ipv6Addr>().ok()?;
        6
    } else if let Some(hex) = addr.strip_prefix("0x").or_else(|| addr.strip_prefix("0X")) {
        let v = u128::from_str_radix(hex, 16).ok()?;
        if v <= u32::MAX as u128 {
            4
        } else {
            6
        }
    } else if addr.contains('.') {
        let parts: Vec<&str> = addr.split('.').collect();
        if parts.len() > 4 {
            return None;
        }
        for p in parts {
            if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if p.parse::<u16>().ok()? > 255 {
                return None;
            }
        }
        4
    } else if !addr.is_empty() && addr.len() <= 39 && addr.bytes().all(|b| b.is_ascii_digit()) {
        let v: u128 = addr.parse().ok()?;
        if v <= u32::MAX as u128 {
            4
        } else {
            6
        }
    } else {
        return None;
    };
    if let Some(p) = prefix {
        let bits: u32 = p.parse().ok()?;
        let full = if version == 4 { 32 } else { 128 };
        if bits != full {
            return None;
        }
    }
    Some(version)
}

/// A REDIR301/REDIR302 target: an absolute http(s) URL whose host is a domain name
/// with a dot, or an IP literal.
pub fn is_redirect_target(s: &str) -> bool {
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let rest = match s.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => rest,
        _ => return false,
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let hostport = match authority.rsplit_once('@') {
        Some((userinfo, hp)) => {
            if userinfo.contains('@') || userinfo.is_empty() {
                return false;
            }
            hp
        }
        None => authority,
    };
    let (host, port) = if let Some(r) = hostport.strip_prefix('[') {
        // An IPv6 literal: `[addr]` or `[addr]:port`.
        let Some((h, rest)) = r.split_once(']') else { return false };
        if h.parse::<std::net::Ipv6Addr>().is_err() {
            return false;
        }
        let port = if rest.is_empty() {
            None
        } else {
            match rest.strip_prefix(':') {
                Some(p) => Some(p),
                None => return false,
            }
        };
        (None, port)
    } else {
        match hostport.split_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(hostport), None),
        }
    };
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.parse::<u32>().map_or(true, |v| v > 65535) {
            return false;
        }
    }
    if let Some(h) = host {
        if h.parse::<std::net::Ipv4Addr>().is_ok() {
            return true;
        }
        let h = h.strip_suffix('.').unwrap_or(h);
        if !h.contains('.') || h.len() > 253 {
            return false;
        }
        let labels_ok = h
            .split('.')
            .all(|l| !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
        let tld = h.rsplit('.').next().unwrap_or("");
        return labels_ok && !tld.chars().all(|c| c.is_ascii_digit());
    }
    true
}

/// A custom record type name (RFC 3597 `TYPEnnn`, or an IANA-style mnemonic of
/// letters, digits and `-`).
pub fn is_custom_type(t: &str) -> bool {
    let mut bytes = t.bytes();
    match bytes.next() {
        Some(b) if b.is_ascii_alphanumeric() => bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_ips_like_ipy() {
        assert!(is_ip_loose("127.0.0.1", 4));
        assert!(is_ip_loose("132.148.25", 4));
        assert!(is_ip_loose("10", 4));
        assert!(is_ip_loose("0x7f000001", 4));
        assert!(is_ip_loose("1.2.3.4/32", 4));
        assert!(!is_ip_loose("1.2.3.0/24", 4));
        assert!(!is_ip_loose("::1", 4));
        assert!(is_ip_loose("::1", 6));
        assert!(!is_ip_loose("1.2.3.256", 4));
        assert!(!is_ip_loose("abc", 4));
        assert!(!is_ip_loose("", 4));
        assert!(!is_strict_ip("132.148.25", 4));
    }

    #[test]
    fn redirect_targets() {
        assert!(is_redirect_target("http://www.foo.com"));
        assert!(is_redirect_target("https://example.com/Path?Q=1"));
        assert!(!is_redirect_target(""));
        assert!(!is_redirect_target("http://ijfjiör@@@a:43244434::"));
        assert!(!is_redirect_target("javascript:alert(1)"));
        assert!(!is_redirect_target("http://localhost"));
        assert!(is_redirect_target("http://[2001:db8::1]/x"));
        assert!(is_redirect_target("http://[2001:db8::1]:8080/x"));
        assert!(!is_redirect_target("http://[2001:db8::1]x/"));
        assert!(!is_redirect_target("http://[2001:db8::1]:/"));
        assert!(!is_redirect_target("http://[not-ip]/"));
        assert!(!is_redirect_target("http://[2001:db8::1"));
    }

    #[test]
    fn hosts() {
        assert!(is_host_other("@"));
        assert!(is_host_other("*.x"));
        assert!(!is_host_other("a..b"));
        assert!(!is_host_other("-a"));
        assert!(!is_host_cname_or_ns("@"));
        assert!(is_target_host("bar.com."));
        assert!(!is_target_host("bar.com.."));
    }
}
