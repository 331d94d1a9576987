//! The conflict rules of each record type (spec "Record Types and Conflicts"; DCAZ
//! `process_*_record`), applied to the indexed zone.

use super::prepare::Resolved;
use super::Zone;
use crate::changeset::{Addition, ConflictRule, DeletionReason};
use crate::error::{ApplyError, Fault, Problem};
use crate::record::ZoneRecord;
use crate::record_type::{RecordType, TxtConflictMode};

/// What a template record does to the zone.
#[non_exhaustive]
pub enum Outcome {
    /// Add this record.
    Add(ZoneRecord),
    /// Nothing to add: the zone already holds it (SPFM rule already in the SPF record).
    AlreadyPresent { index: usize, record: ZoneRecord },
}

/// Which rule a deletion of `old_type` by `new_type` falls under.
fn rule_for(new_type: &RecordType, old_type: &RecordType) -> ConflictRule {
    if new_type.is_cname_like() || *old_type == RecordType::Cname {
        ConflictRule::Cname
    } else if new_type.is_redirect() || old_type.is_redirect() {
        ConflictRule::Redirect
    } else {
        ConflictRule::SameType
    }
}

fn base(r: &Resolved, data: &str) -> ZoneRecord {
    ZoneRecord::new(r.rtype.clone(), &r.host, data, r.ttl)
}

/// Apply one resolved template record: mark the zone records it removes and return
/// the record it adds.
pub fn process(r: &Resolved, index: usize, zone: &mut Zone<'_>) -> Result<Outcome, ApplyError> {
    let host = r.host.to_ascii_lowercase();
    let new = match &r.rtype {
        RecordType::Txt => {
            let new = base(r, &r.data);
            for i in zone.at(&host) {
                if zone.replaced(i) {
                    continue;
                }
                let rule = if zone.is(i, &RecordType::Cname) {
                    Some(ConflictRule::Cname)
                } else if zone.is(i, &RecordType::Txt) {
                    match &r.txt_mode {
                        TxtConflictMode::All => Some(ConflictRule::TxtAll),
                        TxtConflictMode::Prefix { prefix } => {
                            let Some(prefix) = prefix else {
                                return Err(ApplyError::InvalidTemplate(
                                    Fault::new(Problem::PrefixWithoutPrefix).in_field("txtConflictMatchingPrefix").at_record(index, &RecordType::Txt),
                                ));
                            };
                            zone.rec(i).data.starts_with(prefix.as_str()).then(|| ConflictRule::TxtPrefix { prefix: prefix.clone() })
                        }
                        _ => None,
                    }
                } else {
                    None
                };
                if let Some(rule) = rule {
                    mark(zone, i, rule, &new, index);
                }
            }
            new
        }
        RecordType::Redir301 | RecordType::Redir302 => {
            let new = ZoneRecord::new(r.rtype.clone(), &r.host, &r.target, None);
            for i in zone.at(&host) {
                let old = &zone.rec(i).rtype;
                if !zone.replaced(i) && (*old == RecordType::Cname || old.is_redirect()) {
                    let rule = rule_for(&r.rtype, old);
                    mark(zone, i, rule, &new, index);
                }
            }
            new
        }
        RecordType::Spfm => return Ok(process_spfm(r, &host, index, zone)),
        RecordType::Srv => {
            let new = ZoneRecord {
                protocol: Some(r.protocol.clone()),
                service: Some(r.service.clone()),
                priority: Some(r.priority),
                weight: Some(r.weight),
                port: Some(r.port),
                ..ZoneRecord::new(RecordType::Srv, &r.host, &r.target, r.ttl)
            };
            for i in zone.at(&host) {
                if !zone.replaced(i) && zone.is(i, &RecordType::Srv) {
                    mark(zone, i, ConflictRule::SrvSameName, &new, index);
                }
            }
            new
        }
        RecordType::Ns => {
            let new = base(r, &r.points_to);
            // Everything at the name or below it is delegated away.
            let below = zone.names_below(&host);
            let mut hit = zone.at(&host);
            for n in &below {
                hit.extend(zone.at(n));
            }
            hit.sort_unstable();
            for i in hit {
                if !zone.replaced(i) {
                    mark(zone, i, ConflictRule::NsDelegation, &new, index);
                }
            }
            new
        }
        RecordType::ApexCname => {
            let new = base(r, &r.points_to);
            for i in zone.at("@") {
                if !zone.replaced(i) && RecordType::ApexCname.deletes_at_name().contains(&zone.rec(i).rtype) {
                    mark(zone, i, ConflictRule::Cname, &new, index);
                }
            }
            new
        }
        t if t.is_custom() => base(r, &r.data),
        _ => {
            // A, AAAA, MX, CNAME.
            let mut new = base(r, &r.points_to);
            if r.rtype == RecordType::Mx {
                new.priority = Some(r.priority);
            }
            let del = r.rtype.deletes_at_name();
            for i in zone.at(&host) {
                let old = &zone.rec(i).rtype;
                if !zone.replaced(i) && del.contains(old) {
                    let rule = rule_for(&r.rtype, old);
                    mark(zone, i, rule, &new, index);
                }
            }
            new
        }
    };
    complete_cname_rule(&new, &host, index, zone);
    Ok(Outcome::Add(new))
}

/// The spec's CNAME rule, made complete: a CNAME may share its name with nothing. DCAZ's
/// per-type delete lists leave SRV, CAA/custom and SPF records beside a new CNAME (and a
/// CNAME beside a new SRV, custom or SPF record); we remove those too, so the final zone
/// never holds a CNAME beside another record (crate docs, "Where we differ").
fn complete_cname_rule(new: &ZoneRecord, host: &str, index: usize, zone: &mut Zone<'_>) {
    let new_is_cname = new.rtype == RecordType::Cname;
    for i in zone.at(host) {
        if zone.replaced(i) || zone.deleted(i) {
            continue;
        }
        if new_is_cname || zone.is(i, &RecordType::Cname) {
            mark(zone, i, ConflictRule::Cname, new, index);
        }
    }
}

fn mark(zone: &mut Zone<'_>, i: usize, rule: ConflictRule, by: &ZoneRecord, index: usize) {
    zone.mark(i, || DeletionReason::Conflict { rule, by: super::normalise(by), template_record: index });
}

/// SPF merging (spec "SPF Record Merging"): the rules go into the first SPF record at
/// the host, or a new `v=spf1 … ~all` record is made.
fn process_spfm(r: &Resolved, host: &str, index: usize, zone: &mut Zone<'_>) -> Outcome {
    let found = zone.at(host).into_iter().find(|&i| zone.is(i, &RecordType::Txt) && zone.rec(i).data.starts_with("v=spf1 "));
    let Some(i) = found else {
        let new = ZoneRecord::new(RecordType::Txt, &r.host, &format!("v=spf1 {} ~all", r.spf_rules), Some(r.ttl.unwrap_or(6000)));
        complete_cname_rule(&new, host, index, zone);
        return Outcome::Add(new);
    };
    let existing = super::normalise(zone.rec(i));
    let present = spf_contains(&existing.data, &r.spf_rules);
    let ttl = Some(existing.ttl.unwrap_or(6000));
    if zone.replaced(i) {
        // The SPF record is an earlier instance of this very template, being replaced:
        // write it again (merged if the rule is new). DCAZ drops it here instead,
        // losing the SPF record on a re-apply (crate docs, "Where we differ").
        let data = if present { existing.data.clone() } else { merged(&existing.data, &r.spf_rules) };
        return Outcome::Add(ZoneRecord::new(RecordType::Txt, &r.host, &data, ttl));
    }
    if present {
        return Outcome::AlreadyPresent { index: i, record: existing };
    }
    let new = ZoneRecord::new(RecordType::Txt, &r.host, &merged(&existing.data, &r.spf_rules), ttl);
    mark(zone, i, ConflictRule::SpfMerge, &new, index);
    Outcome::Add(new)
}

fn merged(spf: &str, rules: &str) -> String {
    format!("v=spf1 {} {}", rules, &spf["v=spf1 ".len()..])
}

/// Whether every term of `rules` is already a term of the SPF record — compared as
/// whole, whitespace-separated terms, case-insensitively. (DCAZ searches for the rules
/// as a substring, so `include:a.com` counted as present beside `include:a.com.evil`.)
pub fn spf_contains(spf: &str, rules: &str) -> bool {
    let terms: Vec<String> = spf.split_whitespace().map(str::to_ascii_lowercase).collect();
    let wanted: Vec<String> = rules.split_whitespace().map(str::to_ascii_lowercase).collect();
    !wanted.is_empty() && wanted.iter().all(|w| terms.contains(w))
}

/// The records a template has added so far, in order, with what
/// [`check_conflict_with_self`] looks them up by: positions by name, and the NS
/// records' — so a template of 10,000 records is checked in linear time, not each
/// record against every earlier one. (The map is the zone index's type, so the consent
/// page carries its code once.)
#[derive(Default)]
pub struct AddedSoFar {
    list: Vec<Addition>,
    by_name: rustc_hash::FxHashMap<String, Vec<u32>>,
    ns: Vec<u32>,
}

impl AddedSoFar {
    /// Add a record (after [`check_conflict_with_self`]).
    pub fn push(&mut self, a: Addition) {
        let at = self.list.len() as u32;
        match self.by_name.get_mut(&a.record.name) {
            Some(v) => v.push(at),
            None => {
                self.by_name.insert(a.record.name.clone(), vec![at]);
            }
        }
        if a.record.rtype == RecordType::Ns {
            self.ns.push(at);
        }
        self.list.push(a);
    }

    /// The records added, in order.
    pub fn into_list(self) -> Vec<Addition> {
        self.list
    }
}

/// Template records may not conflict with each other (DCAZ `check_conflict_with_self`):
/// a CNAME beside anything at its name, an NS beside anything at or below its name.
/// The first record added that conflicts is named.
pub fn check_conflict_with_self(new: &ZoneRecord, index: usize, so_far: &AddedSoFar) -> Result<(), ApplyError> {
    let added = &so_far.list;
    let ns = |r: &ZoneRecord| r.rtype == RecordType::Ns;
    let clash = |a: &Addition| {
        let old = &a.record;
        let both_ns = ns(new) && ns(old);
        ((new.rtype.is_cname_like() || old.rtype.is_cname_like()) && old.name == new.name)
            || (ns(new) && !both_ns && (old.name == new.name || old.name.ends_with(&format!(".{}", new.name))))
            || (ns(old) && !both_ns && (old.name == new.name || new.name.ends_with(&format!(".{}", old.name))))
    };
    // A record other than NS can only clash with one at its name or with an NS.
    let first = if ns(new) {
        added.iter().position(clash)
    } else {
        let at_name = so_far.by_name.get(&new.name).into_iter().flatten();
        at_name.chain(&so_far.ns).map(|&p| p as usize).filter(|&p| clash(&added[p])).min()
    };
    match first {
        Some(p) => Err(ApplyError::InvalidData(
            Fault::new(Problem::ConflictsWithTemplateRecord { other: added[p].template_record })
                .in_field("host")
                .with_value(&new.name, None)
                .at_record(index, &new.rtype),
        )),
        None => Ok(()),
    }
}

/// Writing any record but NS at a name removes NS records at that name or a parent of
/// it (they would delegate the new record away).
pub fn delete_ns_above(new: &ZoneRecord, index: usize, zone: &mut Zone<'_>) {
    let mut name = new.name.as_str();
    loop {
        for i in zone.at(name) {
            if zone.is(i, &RecordType::Ns) && !zone.replaced(i) {
                mark(zone, i, ConflictRule::NsAboveNewRecord, new, index);
            }
        }
        match name.split_once('.') {
            Some((_, parent)) => name = parent,
            None => break,
        }
    }
}

/// The zone record identical to `new` (all fields but TTL and `_dc`), if it is not
/// already being removed.
pub fn find_identical(new: &ZoneRecord, zone: &Zone<'_>) -> Option<(usize, ZoneRecord)> {
    zone.at(&new.name)
        .into_iter()
        .filter(|&i| !zone.deleted(i) && !zone.replaced(i))
        .map(|i| (i, super::normalise(zone.rec(i))))
        .find(|(_, r)| same_but_ttl(r, new))
}

fn same_but_ttl(a: &ZoneRecord, b: &ZoneRecord) -> bool {
    a.rtype == b.rtype
        && a.name == b.name
        && a.data == b.data
        && a.priority == b.priority
        && a.protocol == b.protocol
        && a.service == b.service
        && a.weight == b.weight
        && a.port == b.port
}
