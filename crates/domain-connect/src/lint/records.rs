//! The rules of each record (DCTL0008–0009, DCTL1009–1040) and Cloudflare's profile.

use super::{filled, has_variable, names, shorten, Options, Out};
use crate::record_type::RecordType;
use crate::template::{Template, TemplateRecord};

/// The record fields that may hold variables, by JSON name.
fn variable_fields(r: &TemplateRecord) -> Vec<(&'static str, &str)> {
    [
        ("host", &r.host),
        ("name", &r.name),
        ("pointsTo", &r.points_to),
        ("data", &r.data),
        ("txtConflictMatchingPrefix", &r.txt_conflict_matching_prefix),
        ("service", &r.service),
        ("target", &r.target),
        ("spfRules", &r.spf_rules),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
    .collect()
}

/// Every record of `t`.
pub(crate) fn check(t: &Template, options: Options, out: &mut Out) {
    // Per owner (group and host): whether a record was seen there, and a CNAME. And
    // the records seen per type and host, for exact duplicates. (Maps, not scans of
    // the records before: a template of 10,000 records is linted in linear time.)
    let mut owners: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    let mut seen: std::collections::HashMap<(&RecordType, &str), Vec<&crate::template::TemplateRecord>> = std::collections::HashMap::new();
    for (i, r) in t.records.iter().enumerate() {
        let at = |field: &str| format!("records[{i}].{field}");
        let rtype = &r.rtype;
        let host = r.host.as_deref().unwrap_or("");
        for (key, _) in r.extra.iter().filter(|(k, _)| !k.starts_with("vnd.")) {
            out.add("DCTL0003", at(key), format!("unknown record property {key:?}"));
        }
        record_schema(r, rtype, &at, out);
        target_check(r, rtype, &at, out);
        // CNAME beside anything at the same group and host.
        let owner = format!("{}/{host}", r.group_id.as_deref().unwrap_or(""));
        let cname = *rtype == RecordType::Cname;
        match owners.get_mut(&owner) {
            Some(had_cname) => {
                if *had_cname || cname {
                    out.add("DCTL1011", at("host"), format!("{host:?}"));
                }
                *had_cname |= cname;
            }
            None => {
                owners.insert(owner, cname);
            }
        }
        let same = seen.entry((rtype, host)).or_default();
        if same.contains(&r) {
            out.add("DCTL1023", format!("records[{i}]"), "");
        }
        same.push(r);
        type_rules(t, r, rtype, options, &at, out);
        names::check_host(rtype, host, &at("host"), out);
        if !matches!(host, "" | "@" | "*") && host.chars().any(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '%'))) {
            out.add("DCTL1027", at("host"), format!("{host:?}"));
        }
        let type_name = r.rtype.to_string();
        for (key, value) in
            [("type", Some(type_name.as_str())), ("groupId", r.group_id.as_deref()), ("txtConflictMatchingPrefix", r.txt_conflict_matching_prefix.as_deref())]
        {
            if let Some(v) = value.filter(|v| has_variable(v)) {
                out.add("DCTL1009", at(key), format!("{v:?}"));
            }
        }
        if let Some(ttl) = &r.ttl {
            if !has_variable(&ttl.0) && ttl.0.parse::<u64>().is_ok_and(|n| n > 2_147_483_647) {
                out.add("DCTL1015", at("ttl"), format!("ttl {}", ttl.0));
            }
        }
        for (key, value) in variable_fields(r) {
            if value.matches('%').count() % 2 == 1 {
                out.add("DCTL1020", at(key), format!("{:?}", shorten(value)));
                continue;
            }
            let bad = value.split('%').skip(1).step_by(2).find(|v| v.chars().any(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')));
            if let Some(v) = bad {
                out.add("DCTL1019", at(key), format!("%{v}%"));
            } else if value.contains("%host%") {
                out.add("DCTL1024", at(key), "");
            }
        }
        if options.cloudflare {
            super::cloudflare::cloudflare_record(r, rtype, &at, out);
        }
    }
}

/// The field limits dc-template-linter validates (DCTL1005).
fn record_schema(r: &TemplateRecord, rtype: &RecordType, at: &dyn Fn(&str) -> String, out: &mut Out) {
    let len = |s: &Option<String>| s.as_deref().map_or(0, |s| s.chars().count());
    let name = rtype.to_string();
    if name.is_empty() || name.chars().count() > 16 {
        out.add("DCTL1005", at("type"), "1 to 16 characters");
    }
    if let Some(e) = r.essential.as_deref().filter(|e| !matches!(*e, "Always" | "OnApply")) {
        out.add("DCTL1005", at("essential"), format!("{e:?} is not Always or OnApply"));
    }
    for (key, value, max) in [("host", &r.host, 255), ("name", &r.name, 63), ("pointsTo", &r.points_to, 255)] {
        if len(value) > max {
            out.add("DCTL1005", at(key), format!("at most {max} characters, not {}", len(value)));
        }
    }
    if r.ttl.as_ref().is_some_and(|t| t.0.is_empty()) {
        out.add("DCTL1005", at("ttl"), "empty");
    }
    if *rtype == RecordType::Txt && r.data.is_none() {
        out.add("DCTL1005", at("data"), "required for TXT");
    }
    if let Some(m) = r.txt_conflict_matching_mode.as_deref().filter(|m| !matches!(*m, "None" | "All" | "Prefix")) {
        out.add("DCTL1005", at("txtConflictMatchingMode"), format!("{m:?} is not None, All or Prefix"));
    }
    if *rtype == RecordType::Srv {
        let ints = [("priority", r.priority.is_some()), ("weight", r.weight.is_some()), ("port", r.port.is_some())];
        let texts = [("protocol", filled(&r.protocol)), ("service", filled(&r.service)), ("target", filled(&r.target))];
        for (key, present) in ints.into_iter().chain(texts) {
            if !present {
                out.add("DCTL1005", at(key), "required for SRV");
            }
        }
    }
    if r.spf_rules.as_deref() == Some("") {
        out.add("DCTL1005", at("spfRules"), "empty");
    }
}

/// DCTL0008 (the type's target field is empty) and DCTL0009 (another target field is set).
fn target_check(r: &TemplateRecord, rtype: &RecordType, at: &dyn Fn(&str) -> String, out: &mut Out) {
    let required = match rtype {
        RecordType::Cname | RecordType::Ns | RecordType::Mx => "pointsTo",
        RecordType::Txt => "data",
        RecordType::Srv => "target",
        t if t.is_redirect() && filled(&r.host) => "target",
        _ => return,
    };
    let fields = [("data", &r.data), ("name", &r.name), ("pointsTo", &r.points_to), ("target", &r.target)];
    for (key, value) in fields {
        if key == required {
            if !filled(value) {
                out.add("DCTL0008", at(key), format!("{rtype} needs {key}"));
            }
        } else if filled(value) && !(*rtype == RecordType::Srv && key == "name") {
            out.add("DCTL0009", at(key), format!("{rtype} does not use {key}"));
        }
    }
}

fn parse_ip(s: &str) -> Option<std::net::IpAddr> {
    s.parse().ok()
}

fn type_rules(t: &Template, r: &TemplateRecord, rtype: &RecordType, options: Options, at: &dyn Fn(&str) -> String, out: &mut Out) {
    let host = r.host.as_deref().unwrap_or("");
    let int_ok = |v: &Option<crate::template::IntField>, max: u64| v.as_ref().is_none_or(|f| has_variable(&f.0) || f.0.parse::<u64>().is_ok_and(|n| n <= max));
    // The types whose records are written at `host`: it must be given (@ for the apex).
    use RecordType::*;
    if host.is_empty() && matches!(rtype, Cname | Ns | A | Aaaa | Txt | Mx | Spfm) {
        out.add("DCTL1013", at("host"), "host");
    }
    match rtype {
        Cname | Ns if host == "@" => {
            if *rtype == Cname && t.multi_instance == Some(true) {
                out.add("DCTL1033", at("host"), "");
            }
            if options.cloudflare {
                out.add("DCTL5007", at("host"), format!("{rtype} at @"));
            } else if t.host_required != Some(true) {
                out.add("DCTL1012", at("host"), format!("{rtype} at @"));
            }
        }
        A | Aaaa => {
            let to = r.points_to.as_deref().unwrap_or("");
            if !has_variable(to) {
                match parse_ip(to) {
                    None => out.add("DCTL1034", at("pointsTo"), format!("{to:?}")),
                    Some(ip) if *rtype == A && ip.is_ipv6() => out.add("DCTL1035", at("pointsTo"), format!("{to:?}")),
                    Some(ip) if *rtype == Aaaa && ip.is_ipv4() => out.add("DCTL1036", at("pointsTo"), format!("{to:?}")),
                    _ => {}
                }
            }
        }
        Txt => {
            if !options.cloudflare && r.txt_conflict_matching_mode.as_deref() == Some("Prefix") && !filled(&r.txt_conflict_matching_prefix) {
                out.add("DCTL1013", at("txtConflictMatchingPrefix"), "Prefix mode needs a prefix");
            }
            if r.data.as_deref().is_some_and(|d| d.contains("v=spf1")) {
                out.add("DCTL1014", at("data"), "");
            }
        }
        Mx if !int_ok(&r.priority, 2_147_483_647) => {
            out.add("DCTL1015", at("priority"), format!("priority {:?}", r.priority.as_ref().map(|p| p.0.as_str()).unwrap_or("")));
        }
        Srv => {
            for (key, v, max) in [("priority", &r.priority, 2_147_483_647), ("weight", &r.weight, 2_147_483_647), ("port", &r.port, 65_535)] {
                if !int_ok(v, max) {
                    out.add("DCTL1015", at(key), format!("{key} {:?}", v.as_ref().map(|p| p.0.as_str()).unwrap_or("")));
                }
            }
            if !filled(&r.service) {
                out.add("DCTL1013", at("service"), "service");
            }
            if let Some(p) = r.protocol.as_deref().filter(|p| !p.contains('%') && !matches!(p.to_ascii_lowercase().as_str(), "_tcp" | "_udp" | "_tls")) {
                out.add("DCTL1015", at("protocol"), format!("protocol {p:?}"));
            }
        }
        Spfm => match r.spf_rules.as_deref().filter(|s| !s.is_empty()) {
            None => out.add("DCTL1013", at("spfRules"), "spfRules"),
            Some(rules) => super::spf::spf_rules(rules, &at("spfRules"), out),
        },
        ApexCname => {
            if options.cloudflare {
                out.add("DCTL5009", at("type"), "");
            } else {
                out.add("DCTL1038", at("type"), rtype.to_string());
            }
            if !filled(&r.points_to) {
                out.add("DCTL1013", at("pointsTo"), "pointsTo");
            }
        }
        Redir301 | Redir302 => {
            out.add("DCTL1038", at("type"), rtype.to_string());
            if !filled(&r.target) {
                out.add("DCTL1013", at("target"), "target");
            }
        }
        _ => {}
    }
    if rtype.is_custom() {
        out.add("DCTL1016", at("type"), format!("{:?}", rtype.to_string()));
    }
}
