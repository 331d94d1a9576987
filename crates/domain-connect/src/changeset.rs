//! The result of applying a template: what is added, what is deleted — each deletion
//! with the rule that removed it — what is kept as it was, and the final zone.

use crate::record::{sort_canonical, ZoneRecord};
use serde::Serialize;

/// Which conflict rule of the spec ("Record Types and Conflicts") removed a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConflictRule {
    /// A CNAME (or APEXCNAME) cannot share its name with other records: either the
    /// new record is a CNAME, or the removed record is a CNAME at the new record's name.
    Cname,
    /// A new A/AAAA replaces the A and AAAA records at its name; a new MX replaces
    /// the MX records at its name.
    SameType,
    /// A new SRV replaces every SRV with the same name (whatever its service and protocol).
    SrvSameName,
    /// A new TXT with `txtConflictMatchingMode: All` replaces every TXT at its name.
    TxtAll,
    /// A new TXT with `txtConflictMatchingMode: Prefix` replaces TXT records at its
    /// name whose text starts with the prefix.
    TxtPrefix {
        /// The template record's `txtConflictMatchingPrefix`.
        prefix: String,
    },
    /// An SPFM rule was merged into this SPF record; the merged record replaces it.
    SpfMerge,
    /// A new NS record delegates this name (or a parent of it) away.
    NsDelegation,
    /// This NS record delegated a name the template now writes at or below.
    NsAboveNewRecord,
    /// A REDIR301/REDIR302 replaces the records (A, AAAA, CNAME, other redirects) at its name.
    Redirect,
}

/// Why a record of the zone is deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeletionReason {
    /// A conflict with a record the template adds.
    Conflict {
        /// The rule.
        #[serde(flatten)]
        rule: ConflictRule,
        /// The new record that caused it.
        by: ZoneRecord,
        /// Index of the template record that produced `by`.
        template_record: usize,
    },
    /// The record belongs to an earlier application of the same template at the same
    /// host (multi-aware mode, template not `multiInstance`); it is replaced.
    PreviousInstance {
        /// The template's `providerId`.
        provider_id: String,
        /// The template's `serviceId`.
        service_id: String,
        /// The host it was applied at (`""`: the apex).
        host: String,
        /// The earlier instance's id (`_dc.id`), when it has one.
        instance_id: Option<String>,
    },
    /// Another record of the same template instance, marked `essential: Always`, was
    /// removed, so the whole instance goes (multi-aware cascade).
    EssentialCascade {
        /// The essential record whose removal started the cascade.
        trigger: ZoneRecord,
        /// The template's `providerId`.
        provider_id: String,
        /// The template's `serviceId`.
        service_id: String,
        /// The host it was applied at (`""`: the apex).
        host: String,
    },
}

impl DeletionReason {
    /// A sentence a user can read.
    pub fn explain(&self) -> String {
        match self {
            DeletionReason::Conflict { rule, by, .. } => {
                let by = format!("the new {} record at {}", by.rtype, by.name);
                match rule {
                    ConflictRule::Cname => format!("CNAME conflict: a CNAME cannot coexist with other records at a name ({by})"),
                    ConflictRule::SameType => format!("replaced by {by}"),
                    ConflictRule::SrvSameName => format!("replaced by {by} (a new SRV replaces all SRV records of that name)"),
                    ConflictRule::TxtAll => format!("replaced by {by} (txtConflictMatchingMode All)"),
                    ConflictRule::TxtPrefix { prefix } => {
                        format!("replaced by {by}: its text starts with \"{prefix}\" (txtConflictMatchingMode Prefix)")
                    }
                    ConflictRule::SpfMerge => format!("SPF rules merged into {by}, which replaces this SPF record"),
                    ConflictRule::NsDelegation => format!("{by} delegates this name away"),
                    ConflictRule::NsAboveNewRecord => format!("this delegation would hide {by}"),
                    ConflictRule::Redirect => format!("replaced by the redirect {by}"),
                }
            }
            DeletionReason::PreviousInstance { provider_id, service_id, host, .. } => {
                format!("earlier application of {provider_id}/{service_id} at host \"{host}\", replaced by this one")
            }
            DeletionReason::EssentialCascade { trigger, provider_id, service_id, .. } => {
                format!("part of an earlier application of {provider_id}/{service_id} whose essential record {} {} is removed", trigger.rtype, trigger.name)
            }
        }
    }
}

/// A record the template adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Addition {
    /// The record.
    pub record: ZoneRecord,
    /// Index of the template record that produced it.
    pub template_record: usize,
}

/// A record of the zone that is deleted, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deletion {
    /// Position of the record in the zone the change set was computed from.
    pub index: usize,
    /// The record.
    pub record: ZoneRecord,
    /// Why it is deleted.
    pub reason: DeletionReason,
    /// The reason as a sentence.
    pub explanation: String,
}

/// A template record that needs no change: the zone already holds it (TTL aside) —
/// or, for SPFM, the SPF record already holds the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kept {
    /// Position of the record in the zone the change set was computed from.
    pub index: usize,
    /// The record.
    pub record: ZoneRecord,
    /// Index of the template record that produced or keeps it.
    pub template_record: usize,
}

/// Everything applying a template does to a zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ChangeSet {
    /// Records the template adds.
    pub added: Vec<Addition>,
    /// Records of the zone it deletes, each with its reason.
    pub deleted: Vec<Deletion>,
    /// Records the zone already holds as the template asks.
    pub kept: Vec<Kept>,
}

impl ChangeSet {
    /// How many records are added.
    pub fn new_count(&self) -> usize {
        self.added.len()
    }

    /// How many records are deleted.
    pub fn delete_count(&self) -> usize {
        self.deleted.len()
    }

    /// The zone after the change — the new records, then the untouched records of
    /// `zone` (normalised) — given the zone the change set was computed from.
    pub fn final_zone(&self, zone: &[ZoneRecord]) -> Vec<ZoneRecord> {
        let mut out: Vec<ZoneRecord> = self.added.iter().map(|a| a.record.clone()).collect();
        let mut gone = self.deleted.iter().map(|d| d.index).peekable();
        for (i, r) in zone.iter().enumerate() {
            if gone.peek() == Some(&i) {
                gone.next();
                continue;
            }
            out.push(crate::record::normalise(r));
        }
        out
    }

    /// The final zone in the suites' canonical order.
    pub fn sorted_final_zone(&self, zone: &[ZoneRecord]) -> Vec<ZoneRecord> {
        let mut v = self.final_zone(zone);
        sort_canonical(&mut v);
        v
    }

    /// The records of `zone` (the zone the change set was computed from) that the
    /// template does not touch — neither deleted nor kept as one of its records — with
    /// their positions, in zone order.
    pub fn untouched<'z>(&self, zone: &'z [ZoneRecord]) -> impl Iterator<Item = (usize, &'z ZoneRecord)> + 'z {
        let mut touched: Vec<usize> = self.deleted.iter().map(|d| d.index).chain(self.kept.iter().map(|k| k.index)).collect();
        touched.sort_unstable();
        touched.dedup();
        zone.iter().enumerate().filter(move |(i, _)| touched.binary_search(i).is_err())
    }

    /// True when applying changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.deleted.is_empty()
    }

    /// What the change does once records it would only rewrite are set aside: a deleted
    /// record that an added one writes again identically (type, name, data — an address
    /// however it is written —, priority,
    /// weight, port, service and protocol equal; TTL and provenance aside) is neither
    /// removed nor added but unchanged, as are the kept records. The reference engine's
    /// raw lists (`added`, `deleted`) stay as they are.
    pub fn net(&self) -> Net {
        let key = |r: &ZoneRecord| {
            let n = crate::record::normalise(r);
            let data = crate::record::canonical_address(&n).unwrap_or(n.data);
            (n.rtype, n.name, data, n.priority, n.weight, n.port, n.service, n.protocol)
        };
        let mut deleted: Vec<(usize, _)> = self.deleted.iter().enumerate().map(|(i, d)| (i, key(&d.record))).collect();
        let mut net = Net { unchanged: (0..self.kept.len()).map(Unchanged::Kept).collect(), ..Net::default() };
        for (a, add) in self.added.iter().enumerate() {
            let k = key(&add.record);
            match deleted.iter().position(|(_, d)| *d == k) {
                Some(at) => {
                    let (d, _) = deleted.swap_remove(at);
                    net.unchanged.push(Unchanged::Rewritten { added: a, deleted: d });
                }
                None => net.added.push(a),
            }
        }
        net.removed = deleted.into_iter().map(|(i, _)| i).collect();
        net.removed.sort_unstable();
        net
    }

    /// The change as a file to keep: `{"domain", "added", "removed", "why_removed"}`,
    /// the records in the zone-JSON shape, each removal's reason beside it by position.
    pub fn export_json(&self, domain: &str) -> String {
        let added: Vec<&ZoneRecord> = self.added.iter().map(|a| &a.record).collect();
        let removed: Vec<&ZoneRecord> = self.deleted.iter().map(|d| &d.record).collect();
        let why: Vec<&str> = self.deleted.iter().map(|d| d.explanation.as_str()).collect();
        serde_json::json!({"domain": domain, "added": added, "removed": removed, "why_removed": why}).to_string()
    }

    /// The change as zone-file text under `$ORIGIN domain`: the added records, then the
    /// removed ones commented out, each after its reason.
    pub fn export_bind(&self, domain: &str) -> String {
        let added: Vec<ZoneRecord> = self.added.iter().map(|a| a.record.clone()).collect();
        let mut out = format!("; added\n{}; removed\n", crate::zone::to_bind(&added, domain));
        for d in &self.deleted {
            out += &format!("; {}\n;   why: {}\n", crate::zone::bind_line(&d.record), d.explanation.replace('\n', " "));
        }
        out
    }
}

/// The change once identical rewrites are set aside ([`ChangeSet::net`]): positions in
/// the change set's `added` and `deleted` lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Net {
    /// Added records that the zone does not already hold.
    pub added: Vec<usize>,
    /// Deleted records that nothing writes again.
    pub removed: Vec<usize>,
    /// Records that stay as they are.
    pub unchanged: Vec<Unchanged>,
}

impl Net {
    /// True when applying would leave the zone's records as they are (TTLs and
    /// provenance aside): the request is already set up.
    pub fn is_nothing(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }

    /// Whether the `i`th deleted record is only rewritten.
    pub fn rewrites_deleted(&self, i: usize) -> bool {
        self.unchanged.iter().any(|u| matches!(u, Unchanged::Rewritten { deleted, .. } if *deleted == i))
    }

    /// Whether the `i`th added record only rewrites one the zone holds.
    pub fn rewrites_added(&self, i: usize) -> bool {
        self.unchanged.iter().any(|u| matches!(u, Unchanged::Rewritten { added, .. } if *added == i))
    }
}

/// A record the change leaves as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unchanged {
    /// A kept record: its position in the change set's `kept`.
    Kept(usize),
    /// A record deleted and written again identically: its positions in `added` and `deleted`.
    Rewritten {
        /// Position in the change set's `added`.
        added: usize,
        /// Position in the change set's `deleted`.
        deleted: usize,
    },
}

#[cfg(test)]
mod tests {
    use crate::apply::{apply_template, ApplyRequest};
    use crate::{zone, Params, Template};

    #[test]
    fn exports_hold_what_is_added_and_what_is_removed_with_why() {
        let t =
            Template::from_json(r#"{"providerId": "p.example", "serviceId": "s", "records": [{"type": "A", "host": "@", "pointsTo": "%ip%", "ttl": 300}]}"#)
                .unwrap();
        let before = zone::from_bind("$ORIGIN example.com.\n@ 3600 IN A 192.0.2.80\nwww 3600 IN A 192.0.2.81\n", "example.com").unwrap();
        let mut params = Params::new();
        params.insert("ip", "192.0.2.7");
        let req = ApplyRequest::new("example.com", Some(""), &params);
        let cs = apply_template(&t, &before, &req).unwrap();
        let json: serde_json::Value = serde_json::from_str(&cs.export_json("example.com")).unwrap();
        assert_eq!(json["added"][0]["data"], "192.0.2.7");
        assert_eq!(json["removed"][0]["data"], "192.0.2.80");
        assert!(json["why_removed"][0].as_str().is_some_and(|w| !w.is_empty()), "{json}");
        let bind = cs.export_bind("example.com");
        // The added record reads back as a zone; the removed one is a comment, with why.
        assert_eq!(zone::from_bind(&bind, "example.com").unwrap().len(), 1, "{bind}");
        assert!(bind.contains("; @\t3600\tIN\tA\t192.0.2.80\n;   why: "), "{bind}");
        assert!(!bind.contains("192.0.2.81"), "untouched records are not part of the change: {bind}");
    }

    #[test]
    fn an_address_written_another_way_is_unchanged_not_removed_and_added() {
        // Shopify's template writes 2620:0127:f00f:5::; PowerDNS gives it back as 2620:127:f00f:5::.
        let t = Template::from_json(
            r#"{"providerId": "p.example", "serviceId": "s", "records": [{"type": "AAAA", "host": "@", "pointsTo": "2620:0127:f00f:5::", "ttl": 3600}]}"#,
        )
        .unwrap();
        let zone = zone::from_json(r#"[{"type": "AAAA", "name": "@", "data": "2620:127:f00f:5::", "ttl": 3600}]"#).unwrap();
        let params = Params::new();
        let cs = apply_template(&t, &zone, &ApplyRequest::new("example.com", Some(""), &params)).unwrap();
        assert!(cs.net().is_nothing(), "{cs:?}");
    }
}
