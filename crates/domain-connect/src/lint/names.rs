//! Names: a domain name's syntax (DCTL1022) and underscored owner names against the
//! IANA "Underscored and Globally Scoped DNS Node Names" registry (RFC 8552; DCTL1021,
//! DCTL1025).

use super::Out;

/// Why `name` is not a fully qualified domain name, if it is not.
pub(crate) fn check_fqdn(name: &str) -> Result<(), &'static str> {
    let n = name.strip_suffix('.').unwrap_or(name);
    if n.is_empty() || n.len() > 253 {
        return Err("a domain name has 1 to 253 characters");
    }
    for label in n.split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err("each label has 1 to 63 characters");
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err("a label holds letters, digits, '-' and '_'");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("a label does not start or end with '-'");
        }
    }
    if !n.contains('.') {
        return Err("a top-level domain alone is not allowed");
    }
    Ok(())
}

/// The record types the registry allows under each underscored name. `_ta-*` stands
/// for every name that starts `_ta-` (RFC 8145 key tags).
const UNDERSCORED: &[(&str, &[&str])] = &[
    ("_acct", &["URI"]),
    ("_acme-challenge", &["TXT"]),
    ("_dane", &["TLSA"]),
    ("_dccp", &["SRV", "URI"]),
    ("_dmarc", &["TXT"]),
    ("_dns", &["SVCB"]),
    ("_domainkey", &["TXT"]),
    ("_email", &["URI"]),
    ("_ems", &["URI"]),
    ("_fax", &["URI"]),
    ("_ft", &["URI"]),
    ("_h323", &["URI"]),
    ("_http", &["SRV"]),
    ("_https", &["HTTPS"]),
    ("_iax", &["URI"]),
    ("_ical-access", &["URI"]),
    ("_ical-sched", &["URI"]),
    ("_ifax", &["URI"]),
    ("_im", &["URI"]),
    ("_ipv6", &["SRV"]),
    ("_ldap", &["SRV"]),
    ("_mms", &["URI"]),
    ("_mta-sts", &["TXT"]),
    ("_ocsp", &["SRV"]),
    ("_openpgpkey", &["OPENPGPKEY"]),
    ("_pres", &["URI"]),
    ("_pstn", &["URI"]),
    ("_sctp", &["SRV", "TLSA", "URI"]),
    ("_sip", &["SRV", "URI"]),
    ("_smimecert", &["SMIMEA"]),
    ("_sms", &["URI"]),
    ("_spf", &["TXT"]),
    ("_sztp", &["TXT"]),
    ("_ta-*", &["NULL"]),
    ("_tcp", &["TXT", "SRV", "TLSA", "URI"]),
    ("_udp", &["TXT", "SRV", "TLSA", "URI"]),
    ("_unifmsg", &["URI"]),
    ("_validation-contactemail", &["TXT"]),
    ("_validation-contactphone", &["TXT"]),
    ("_vcard", &["URI"]),
    ("_videomsg", &["URI"]),
    ("_voice", &["URI"]),
    ("_voicemsg", &["URI"]),
    ("_vouch", &["TXT"]),
    ("_vpim", &["URI"]),
    ("_web", &["URI"]),
    ("_xmpp", &["SRV", "URI"]),
];

/// Types that may sit under an underscored name at all (RFC 8552's list); NS and CNAME
/// may sit under any.
const UNDERSCORE_TYPES: [&str; 11] = [
    "NS",
    "CNAME",
    "NULL",
    "TXT",
    "SRV",
    "TLSA",
    "SMIMEA",
    "OPENPGPKEY",
    "SVCB",
    "HTTPS",
    "URI",
];

fn registered(label: &str) -> Option<&'static [&'static str]> {
    let l = label.to_ascii_lowercase();
    UNDERSCORED
        .iter()
        .find(|(name, _)| *name == l || (*name == "_ta-*" && l.starts_with("_ta-")))
        .map(|(_, types)| *types)
}

/// A label with an underscore inside it (not first) that is not part of a `%variable%`.
fn inner_underscore(label: &str) -> bool {
    if label.find('_').is_none_or(|i| i <= 1) {
        return false;
    }
    label
        .split('%')
        .step_by(2)
        .any(|literal| literal.contains('_'))
}

/// DCTL1025 and DCTL1021 for the labels of a record's host.
pub(crate) fn check_host(rtype: &str, host: &str, path: &str, out: &mut Out) {
    let rtype = rtype.to_ascii_uppercase();
    for label in host.split('.') {
        if inner_underscore(label) {
            out.add("DCTL1025", path, format!("{label:?}"));
            continue;
        }
        if !label.starts_with('_') {
            continue;
        }
        match registered(label) {
            None => out.add(
                "DCTL1021",
                path,
                format!("{label:?} is not a registered underscored name"),
            ),
            Some(types) => {
                let fits = matches!(rtype.as_str(), "NS" | "CNAME")
                    || (UNDERSCORE_TYPES.contains(&rtype.as_str())
                        && types.contains(&rtype.as_str()));
                if !fits {
                    out.add(
                        "DCTL1021",
                        path,
                        format!(
                            "{label:?} is registered for {} records, not {rtype}",
                            types.join(", ")
                        ),
                    );
                }
            }
        }
    }
}
