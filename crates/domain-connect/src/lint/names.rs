//! Names: a domain name's syntax (DCTL1022) and underscored owner names against the
//! IANA "Underscored and Globally Scoped DNS Node Names" registry (RFC 8552; DCTL1021,
//! DCTL1025).

use super::Out;
use crate::record_type::RecordType;

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
        if !label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
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
const UNDERSCORED: &[(&str, &[RecordType])] = &[
    ("_acct", &[RecordType::Uri]),
    ("_acme-challenge", &[RecordType::Txt]),
    ("_dane", &[RecordType::Tlsa]),
    ("_dccp", &[RecordType::Srv, RecordType::Uri]),
    ("_dmarc", &[RecordType::Txt]),
    ("_dns", &[RecordType::Svcb]),
    ("_domainkey", &[RecordType::Txt]),
    ("_email", &[RecordType::Uri]),
    ("_ems", &[RecordType::Uri]),
    ("_fax", &[RecordType::Uri]),
    ("_ft", &[RecordType::Uri]),
    ("_h323", &[RecordType::Uri]),
    ("_http", &[RecordType::Srv]),
    ("_https", &[RecordType::Https]),
    ("_iax", &[RecordType::Uri]),
    ("_ical-access", &[RecordType::Uri]),
    ("_ical-sched", &[RecordType::Uri]),
    ("_ifax", &[RecordType::Uri]),
    ("_im", &[RecordType::Uri]),
    ("_ipv6", &[RecordType::Srv]),
    ("_ldap", &[RecordType::Srv]),
    ("_mms", &[RecordType::Uri]),
    ("_mta-sts", &[RecordType::Txt]),
    ("_ocsp", &[RecordType::Srv]),
    ("_openpgpkey", &[RecordType::Openpgpkey]),
    ("_pres", &[RecordType::Uri]),
    ("_pstn", &[RecordType::Uri]),
    ("_sctp", &[RecordType::Srv, RecordType::Tlsa, RecordType::Uri]),
    ("_sip", &[RecordType::Srv, RecordType::Uri]),
    ("_smimecert", &[RecordType::Smimea]),
    ("_sms", &[RecordType::Uri]),
    ("_spf", &[RecordType::Txt]),
    ("_sztp", &[RecordType::Txt]),
    ("_ta-*", &[RecordType::Null]),
    ("_tcp", &[RecordType::Txt, RecordType::Srv, RecordType::Tlsa, RecordType::Uri]),
    ("_udp", &[RecordType::Txt, RecordType::Srv, RecordType::Tlsa, RecordType::Uri]),
    ("_unifmsg", &[RecordType::Uri]),
    ("_validation-contactemail", &[RecordType::Txt]),
    ("_validation-contactphone", &[RecordType::Txt]),
    ("_vcard", &[RecordType::Uri]),
    ("_videomsg", &[RecordType::Uri]),
    ("_voice", &[RecordType::Uri]),
    ("_voicemsg", &[RecordType::Uri]),
    ("_vouch", &[RecordType::Txt]),
    ("_vpim", &[RecordType::Uri]),
    ("_web", &[RecordType::Uri]),
    ("_xmpp", &[RecordType::Srv, RecordType::Uri]),
];

/// Types that may sit under an underscored name at all (RFC 8552's list); NS and CNAME
/// may sit under any.
const UNDERSCORE_TYPES: [RecordType; 11] = [
    RecordType::Ns,
    RecordType::Cname,
    RecordType::Null,
    RecordType::Txt,
    RecordType::Srv,
    RecordType::Tlsa,
    RecordType::Smimea,
    RecordType::Openpgpkey,
    RecordType::Svcb,
    RecordType::Https,
    RecordType::Uri,
];

fn registered(label: &str) -> Option<&'static [RecordType]> {
    let l = label.to_ascii_lowercase();
    UNDERSCORED.iter().find(|(name, _)| *name == l || (*name == "_ta-*" && l.starts_with("_ta-"))).map(|(_, types)| *types)
}

/// A label with an underscore inside it (not first) that is not part of a `%variable%`.
fn inner_underscore(label: &str) -> bool {
    if label.find('_').is_none_or(|i| i <= 1) {
        return false;
    }
    label.split('%').step_by(2).any(|literal| literal.contains('_'))
}

/// DCTL1025 and DCTL1021 for the labels of a record's host.
pub(crate) fn check_host(rtype: &RecordType, host: &str, path: &str, out: &mut Out) {
    for label in host.split('.') {
        if inner_underscore(label) {
            out.add("DCTL1025", path, format!("{label:?}"));
            continue;
        }
        if !label.starts_with('_') {
            continue;
        }
        match registered(label) {
            None => out.add("DCTL1021", path, format!("{label:?} is not a registered underscored name")),
            Some(types) => {
                let fits = matches!(rtype, RecordType::Ns | RecordType::Cname) || (UNDERSCORE_TYPES.contains(rtype) && types.contains(rtype));
                if !fits {
                    out.add(
                        "DCTL1021",
                        path,
                        format!("{label:?} is registered for {} records, not {rtype}", types.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
                    );
                }
            }
        }
    }
}
