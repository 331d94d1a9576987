//! Verify after apply: which DNS questions show that each added record is really
//! served, and whether an answer shows it. The caller asks them over DNS-over-HTTPS
//! ([`crate::doh::query`], [`crate::doh::read_answer`]) as often as it likes; this
//! module only says what to ask and what counts as seen.

use crate::changeset::ChangeSet;
use crate::record::ZoneRecord;
use crate::record_type::RecordType;
use crate::{doh, zone};
use serde::Serialize;

/// One added record, and the question that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Probe {
    /// The record added.
    pub record: ZoneRecord,
    /// The name asked, absolute without the final dot (`www.example.com`).
    pub name: String,
    /// The type asked (`A`, `TXT`…).
    pub rtype: RecordType,
    /// The answer text that shows the record, in [`doh::read_answer`]'s form.
    pub expected: String,
}

/// A record that cannot be checked over DNS, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unchecked {
    /// The record added.
    pub record: ZoneRecord,
    /// Why it is not checked.
    pub why: &'static str,
}

fn host(s: &str) -> String {
    s.trim_end_matches('.').to_ascii_lowercase()
}

/// The probes for every record a change set adds to `domain`, and the records that
/// cannot be probed (redirects, which are not DNS records; types the DoH reader does
/// not read).
pub fn probes(changes: &ChangeSet, domain: &str) -> (Vec<Probe>, Vec<Unchecked>) {
    let added: Vec<ZoneRecord> = changes.added.iter().map(|a| a.record.clone()).collect();
    probes_for(&added, domain)
}

/// The probes for records of `domain` that should answer (after an Undo: the records
/// the apply had removed).
pub fn probes_for(records: &[ZoneRecord], domain: &str) -> (Vec<Probe>, Vec<Unchecked>) {
    let domain = host(domain);
    let mut probes = Vec::new();
    let mut unchecked = Vec::new();
    for r in records {
        let rtype = r.rtype.clone();
        let Some((owner, _)) = zone::presentation(r) else {
            unchecked.push(Unchecked { record: r.clone(), why: "a redirect is served by the provider's web servers, not as a DNS record" });
            continue;
        };
        if doh::type_number(&rtype).is_none() {
            unchecked.push(Unchecked { record: r.clone(), why: "this record type is not checked over DNS here" });
            continue;
        }
        let expected = match rtype {
            RecordType::Aaaa => r.data.parse::<std::net::Ipv6Addr>().map(|a| a.to_string()).unwrap_or_else(|_| r.data.clone()),
            RecordType::Cname | RecordType::Ns => host(&r.data),
            RecordType::Mx => format!("{} {}", r.priority.unwrap_or(0), host(&r.data)),
            RecordType::Srv => format!("{} {} {} {}", r.priority.unwrap_or(0), r.weight.unwrap_or(0), r.port.unwrap_or(0), host(&r.data)),
            _ => r.data.clone(),
        };
        let name = crate::record::full_name(&owner.to_ascii_lowercase(), &domain);
        probes.push(Probe { record: r.clone(), name, rtype, expected });
    }
    (probes, unchecked)
}

impl Probe {
    /// The wire query for this probe.
    pub fn query(&self, id: u16) -> Result<Vec<u8>, doh::DohError> {
        doh::query(&self.name, doh::type_number(&self.rtype).unwrap_or(0), id)
    }

    /// Read a wire answer to [`Probe::query`]: does it show the record?
    pub fn seen_in(&self, answer: &[u8], id: u16) -> Result<bool, doh::DohError> {
        let got = doh::read_answer(answer, &self.name, doh::type_number(&self.rtype).unwrap_or(0), id)?;
        Ok(got.contains(&self.expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{apply::ProcessOptions, process_records, TemplateRecord};

    #[test]
    fn every_added_record_has_a_probe_or_a_reason() {
        let recs: Vec<TemplateRecord> = serde_json::from_str(
            r#"[{"type":"A","host":"@","pointsTo":"192.0.2.1","ttl":60},
                {"type":"AAAA","host":"www","pointsTo":"2001:DB8:0:0::1","ttl":60},
                {"type":"CNAME","host":"shop","pointsTo":"Shops.Example.NET","ttl":60},
                {"type":"MX","host":"@","pointsTo":"mx.example.net","priority":5,"ttl":60},
                {"type":"SRV","name":"@","service":"_sip","protocol":"_tls","priority":1,"weight":2,"port":443,"target":"sip.example.net","ttl":60},
                {"type":"TXT","host":"_dmarc","data":"v=DMARC1; p=none","ttl":60},
                {"type":"CAA","host":"@","data":"0 issue \"ca.example\"","ttl":60},
                {"type":"REDIR301","host":"go","target":"https://example.net/"}]"#,
        )
        .unwrap();
        let opts = ProcessOptions { domain: "Example.com", host: Some(""), redirect_records: Some(&[]), ..Default::default() };
        let cs = process_records(&recs, &[], &opts).unwrap();
        let (p, u) = probes(&cs, "Example.com.");
        let find = |t: &str| p.iter().find(|p| p.rtype.to_string() == t).unwrap_or_else(|| panic!("{t}: {p:?}"));
        assert_eq!((find("A").name.as_str(), find("A").expected.as_str()), ("example.com", "192.0.2.1"));
        assert_eq!(find("AAAA").expected, "2001:db8::1");
        assert_eq!((find("CNAME").name.as_str(), find("CNAME").expected.as_str()), ("shop.example.com", "shops.example.net"));
        assert_eq!(find("MX").expected, "5 mx.example.net");
        assert_eq!((find("SRV").name.as_str(), find("SRV").expected.as_str()), ("_sip._tls.example.com", "1 2 443 sip.example.net"));
        assert_eq!((find("TXT").name.as_str(), find("TXT").expected.as_str()), ("_dmarc.example.com", "v=DMARC1; p=none"));
        let why: Vec<String> = u.iter().map(|u| u.record.rtype.to_string()).collect();
        assert_eq!(why, ["CAA", "REDIR301"]);
        assert!(p.iter().all(|p| p.query(0).is_ok()));
    }
}
