//! Records in presentation form as records APIs give them, read without the zone-file
//! parser (see [`from_presentation`]).

use super::ZoneError;
use crate::record::ZoneRecord;

/// One record as a records API gives it — an owner name, a TTL, a type and the rdata
/// in presentation form (`10 mail.example.com.`, `"v=spf1 " "-all"`) — read without
/// the zone-file parser, so the consent screen, which reads zones from APIs only, does
/// not carry it. The types the engine has fields for are read field by field; any other
/// type keeps its presentation form in `data`, as [`from_bind`] does. A test checks
/// both readers agree.
pub fn from_presentation(owner: &str, ttl: u32, rtype: &str, rdata: &str, origin: &str) -> Result<ZoneRecord, ZoneError> {
    use crate::record_type::RecordType as T;
    let bad = |reason: String| ZoneError::Record { owner: owner.to_string(), rtype: rtype.to_string(), rdata: rdata.to_string(), reason };
    if [owner, rtype, rdata].iter().any(|s| s.chars().any(|c| c.is_control() && c != '\t')) {
        return Err(bad("a control character or line break".into()));
    }
    let origin = origin.trim_end_matches('.').to_ascii_lowercase();
    let full = owner.trim_end_matches('.').to_ascii_lowercase();
    let name = if full == origin {
        "@".to_string()
    } else if let Some(p) = full.strip_suffix(&format!(".{origin}")).filter(|p| !p.is_empty()) {
        p.to_string()
    } else {
        return Err(bad(format!("the owner is not in the zone {origin}")));
    };
    if name.split('.').any(|l| l.is_empty() || l.contains(char::is_whitespace)) {
        return Err(bad("the owner name has an empty label or a space".into()));
    }
    let kind = T::parse(rtype);
    let mut r = ZoneRecord::new(kind.clone(), &name, "", Some(i64::from(ttl)));
    let words: Vec<&str> = rdata.split_whitespace().collect();
    let host = |w: &str| -> Result<String, ZoneError> {
        if w == "." {
            return Ok(String::new()); // the root: "no such service" for SRV
        }
        if w.is_empty() || w.starts_with('.') || w.contains("..") {
            return Err(bad(format!("{w:?} is not a host name")));
        }
        Ok(w.strip_suffix('.').unwrap_or(w).to_ascii_lowercase())
    };
    let number = |w: &str| w.parse::<u16>().map(i64::from).map_err(|_| bad(format!("{w:?} is not a number from 0 to 65535")));
    match (&kind, words.as_slice()) {
        (T::A, [a]) => r.data = a.parse::<std::net::Ipv4Addr>().map_err(|e| bad(e.to_string()))?.to_string(),
        (T::Aaaa, [a]) => r.data = a.parse::<std::net::Ipv6Addr>().map_err(|e| bad(e.to_string()))?.to_string(),
        (T::Cname | T::Ns, [t]) => r.data = host(t)?,
        (T::Mx, [p, t]) => {
            r.priority = Some(number(p)?);
            r.data = host(t)?;
        }
        (T::Srv, [p, w, port, t]) => {
            r.priority = Some(number(p)?);
            r.weight = Some(number(w)?);
            r.port = Some(number(port)?);
            r.data = host(t)?;
            let labels: Vec<&str> = name.splitn(3, '.').collect();
            if labels.len() >= 2 && labels[0].starts_with('_') && labels[1].starts_with('_') {
                r.service = Some(labels[0].to_string());
                r.protocol = Some(labels[1][1..].to_string());
                r.name = labels.get(2).map(|s| s.to_string()).unwrap_or_else(|| "@".into());
            }
        }
        (T::Txt, _) => r.data = character_strings(rdata).map_err(bad)?,
        (T::A | T::Aaaa | T::Cname | T::Ns | T::Mx | T::Srv, _) => return Err(bad(format!("{} fields", words.len()))),
        _ if words.is_empty() => return Err(bad("empty data".into())),
        _ => r.data = rdata.trim().to_string(),
    }
    Ok(r)
}

/// TXT rdata in presentation form — quoted or bare character-strings, `\"`, `\\` and
/// `\DDD` escapes — as the text of its strings joined.
fn character_strings(rdata: &str) -> Result<String, String> {
    let mut out: Vec<u8> = Vec::new();
    let bytes = rdata.trim().as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' => i += 1,
            b'"' => {
                i += 1;
                loop {
                    match bytes.get(i) {
                        None => return Err("an unterminated quoted string".into()),
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(b'\\') => i = escape(bytes, i, &mut out)?,
                        Some(&b) => {
                            out.push(b);
                            i += 1;
                        }
                    }
                }
            }
            _ => {
                while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t') {
                    if bytes[i] == b'\\' {
                        i = escape(bytes, i, &mut out)?;
                    } else {
                        out.push(bytes[i]);
                        i += 1;
                    }
                }
            }
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// One `\` escape at `i`; returns the position after it.
fn escape(bytes: &[u8], i: usize, out: &mut Vec<u8>) -> Result<usize, String> {
    let digits = bytes.get(i + 1..i + 4).filter(|d| d.iter().all(u8::is_ascii_digit));
    match (digits, bytes.get(i + 1)) {
        (Some(d), _) => {
            let v = d.iter().fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
            out.push(u8::try_from(v).map_err(|_| format!("the escape \\{v} is over 255"))?);
            Ok(i + 4)
        }
        (None, Some(&c)) => {
            out.push(c);
            Ok(i + 2)
        }
        (None, None) => Err("a trailing backslash".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::from_bind;

    #[test]
    fn presentation_reader_agrees_with_the_zone_file_parser() {
        let lines = [
            ("example.com.", "A", "192.0.2.1"),
            ("WWW.Example.com.", "AAAA", "2001:db8:0:0::1"),
            ("www.example.com.", "CNAME", "Target.example.net."),
            ("example.com.", "NS", "ns1.example.net."),
            ("example.com.", "MX", "10 mail.example.com."),
            ("example.com.", "TXT", "\"v=spf1 \" \"include:_spf.example.net ~all\""),
            ("t.example.com.", "TXT", "\"a\\\"b\\\\cd\" bare"),
            ("_sip._tcp.example.com.", "SRV", "10 20 5060 sip.example.com."),
            ("_sip._tls.x.example.com.", "SRV", "0 0 443 ."),
        ];
        for (owner, t, rdata) in lines {
            let ours = from_presentation(owner, 300, t, rdata, "example.com").unwrap_or_else(|e| panic!("{e}"));
            let bind = from_bind(&format!("{owner} 300 IN {t} {rdata}\n"), "example.com").unwrap();
            assert_eq!(vec![ours], bind, "{owner} {t} {rdata}");
        }
        for (owner, t, rdata) in [
            ("a.example.com.", "A", "not-an-ip"),
            ("a.example.com.", "A", "1.2.3.4 5.6.7.8"),
            ("a.example.com.", "MX", "70000 mx.example.com."),
            ("a.example.org.", "A", "1.2.3.4"),
            ("a.example.com.", "TXT", "\"open"),
            ("a.example.com.", "TXT", "\"\\300\""),
            ("a.example.com.", "A", "1.2.3.4\nevil 1 IN A 6.6.6.6"),
            ("a.example.com.", "CAA", ""),
        ] {
            assert!(from_presentation(owner, 1, t, rdata, "example.com").is_err(), "{owner} {t} {rdata:?}");
        }
        // RFC 1035 5.1: `\DDD` is a decimal octet (hickory-proto 0.26 reads these
        // differently, so this one is checked on its own).
        let t = from_presentation("t.example.com.", 1, "TXT", "\"a\\059b caf\\195\\169\"", "example.com").unwrap();
        assert_eq!(t.data, "a;b café");
        let caa = from_presentation("example.com.", 1, "caa", "0 issue \"letsencrypt.org\"", "example.com").unwrap();
        assert_eq!((caa.rtype.to_string().as_str(), caa.data.as_str()), ("CAA", "0 issue \"letsencrypt.org\""));
    }
}
