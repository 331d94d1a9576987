//! Turning template records into resolved values: redirect expansion, variable
//! substitution and the reference engine's validation, in the reference engine's order
//! (so that the same bad input raises the same exception).

use super::ProcessOptions;
use crate::error::{ApplyError, Fault, Problem};
use crate::record_type::{RecordType, TxtConflictMode};
use crate::template::{IntField, TemplateRecord};
use crate::validate;
use crate::variables::{resolve, Field, Params};

/// A template record with every value substituted and checked.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub rtype: RecordType,
    /// Owner name relative to the zone (`@` for the apex); for SRV the `name` field.
    pub host: String,
    pub points_to: String,
    pub data: String,
    pub target: String,
    pub ttl: Option<i64>,
    pub priority: i64,
    pub weight: i64,
    pub port: i64,
    pub protocol: String,
    pub service: String,
    pub spf_rules: String,
    pub txt_mode: TxtConflictMode,
}

/// Insert the backing A/AAAA records before every REDIR301/REDIR302 record; each
/// takes the redirect record's attributes (host, ttl, groupId, essential…).
pub fn expand_redirects(records: &[TemplateRecord], redirect_records: Option<&[TemplateRecord]>) -> Result<Vec<(usize, TemplateRecord)>, ApplyError> {
    let mut out = Vec::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        if r.rtype.is_redirect() {
            let Some(backing) = redirect_records else {
                return Err(ApplyError::InvalidTemplate(Fault::new(Problem::NoRedirectRecords).at_record(i, &r.rtype)));
            };
            for b in backing {
                // The backing record keeps its type and value; every other attribute
                // the redirect record has (host, ttl, groupId, essential…) overrides.
                let mut copy = b.clone();
                copy.group_id = r.group_id.clone().or(copy.group_id);
                copy.essential = r.essential.clone().or(copy.essential);
                copy.host = r.host.clone().or(copy.host);
                copy.name = r.name.clone().or(copy.name);
                copy.ttl = r.ttl.clone().or(copy.ttl);
                copy.txt_conflict_matching_mode = r.txt_conflict_matching_mode.clone().or(copy.txt_conflict_matching_mode);
                copy.txt_conflict_matching_prefix = r.txt_conflict_matching_prefix.clone().or(copy.txt_conflict_matching_prefix);
                copy.priority = r.priority.clone().or(copy.priority);
                copy.weight = r.weight.clone().or(copy.weight);
                copy.port = r.port.clone().or(copy.port);
                copy.protocol = r.protocol.clone().or(copy.protocol);
                copy.service = r.service.clone().or(copy.service);
                copy.spf_rules = r.spf_rules.clone().or(copy.spf_rules);
                out.push((i, copy));
            }
        }
        out.push((i, r.clone()));
    }
    Ok(out)
}

fn missing(index: usize, rtype: &RecordType, field: &'static str) -> ApplyError {
    ApplyError::InvalidTemplate(Fault::new(Problem::MissingField).in_field(field).at_record(index, rtype))
}

fn req<'a>(v: &'a Option<String>, index: usize, rtype: &RecordType, field: &'static str) -> Result<&'a str, ApplyError> {
    v.as_deref().ok_or_else(|| missing(index, rtype, field))
}

fn req_int<'a>(v: &'a Option<IntField>, index: usize, rtype: &RecordType, field: &'static str) -> Result<&'a str, ApplyError> {
    v.as_ref().map(|f| f.0.as_str()).ok_or_else(|| missing(index, rtype, field))
}

/// Python's `int(str)`: surrounding whitespace, a sign, digits with single underscores.
pub fn py_int(s: &str) -> Option<i64> {
    let t = s.trim();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
        return None;
    }
    let v: i64 = digits.replace('_', "").parse().ok()?;
    Some(if neg { -v } else { v })
}

/// DCAZ `_is_int_field`: an integer, or exactly one `%variable%`.
fn is_int_field(s: &str) -> bool {
    if py_int(s).is_some() {
        return true;
    }
    s.len() > 2 && s.starts_with('%') && s.ends_with('%') && !s[1..s.len() - 1].contains('%')
}

struct Ctx<'a> {
    opts: &'a ProcessOptions<'a>,
    params: &'a Params,
    index: usize,
    rtype: &'a RecordType,
}

impl Ctx<'_> {
    fn resolve(&self, v: &str, field: Field, name: &'static str) -> Result<String, ApplyError> {
        resolve(v, self.opts.domain, self.opts.host, self.params, field, name).map_err(|e| e.at_record(self.index, self.rtype))
    }

    /// InvalidData: `field` of this record is `value` (from the template's `orig`).
    fn invalid(&self, field: &'static str, problem: Problem, value: &str, orig: Option<&str>) -> ApplyError {
        ApplyError::InvalidData(Fault::new(problem).in_field(field).with_value(value, orig).at_record(self.index, self.rtype))
    }

    /// An integer field: checked as DCAZ does before substitution, then converted.
    fn int_field(&self, raw: &str, name: &'static str) -> Result<i64, ApplyError> {
        if !is_int_field(raw) {
            return Err(self.invalid(name, Problem::NotAnIntegerField, raw, None));
        }
        let v = self.resolve(raw, Field::Plain, name)?;
        // DCAZ crashes with a Python ValueError here; we name the field instead.
        py_int(&v).ok_or_else(|| self.invalid(name, Problem::NotAnInteger, &v, Some(raw)))
    }
}

/// Substitute and validate one template record.
pub fn resolve_record(tr: &TemplateRecord, index: usize, opts: &ProcessOptions<'_>, params: &Params) -> Result<Resolved, ApplyError> {
    let rtype = &tr.rtype;
    let ctx = Ctx { opts, params, index, rtype };
    let custom = rtype.is_custom();
    if custom && !validate::is_custom_type(&rtype.to_string()) {
        return Err(ApplyError::TypeError(Fault::new(Problem::UnknownType).at_record(index, rtype)));
    }
    let mut out = Resolved { rtype: rtype.clone(), ..Default::default() };

    // The owner name.
    if *rtype == RecordType::Srv {
        let name = ctx.resolve(req(&tr.name, index, rtype, "name")?, Field::Host, "name")?;
        if !validate::is_name_srv(&name) {
            return Err(ctx.invalid("name", Problem::InvalidValue, &name, None));
        }
        out.host = name;
    } else if *rtype == RecordType::ApexCname {
        let h = tr.host.as_deref().unwrap_or("@");
        if h != "@" {
            return Err(ctx.invalid("host", Problem::ApexCnameNotAtApex, h, None));
        }
        out.host = "@".into();
    } else {
        let orig = req(&tr.host, index, rtype, "host")?;
        let host = ctx.resolve(orig, Field::Host, "host")?;
        let ok = if *rtype == RecordType::Cname { validate::is_host_cname_or_ns(&host) } else { validate::is_host_other(&host) };
        if !ok {
            return Err(ctx.invalid("host", Problem::InvalidValue, &host, Some(orig)));
        }
        out.host = host;
    }

    // pointsTo.
    if rtype.uses_points_to() {
        let orig = req(&tr.points_to, index, rtype, "pointsTo")?;
        if *rtype == RecordType::Ns && orig == "@" {
            return Err(ctx.invalid("pointsTo", Problem::CircularDelegation, "@", None));
        }
        let v = ctx.resolve(orig, Field::Target, "pointsTo")?;
        let ok = match rtype {
            RecordType::A => validate::is_ip_loose(&v, 4),
            RecordType::Aaaa => validate::is_ip_loose(&v, 6),
            _ => validate::is_target_host(&v),
        };
        if !ok {
            return Err(ctx.invalid("pointsTo", Problem::InvalidValue, &v, Some(orig)));
        }
        out.points_to = v;
    }

    if *rtype == RecordType::Mx {
        out.priority = ctx.int_field(req_int(&tr.priority, index, rtype, "priority")?, "priority")?;
    } else if *rtype == RecordType::Srv {
        let orig = req(&tr.target, index, rtype, "target")?;
        let v = ctx.resolve(orig, Field::Target, "target")?;
        if !validate::is_target_host(&v) {
            return Err(ctx.invalid("target", Problem::InvalidValue, &v, Some(orig)));
        }
        out.target = v;
    } else if rtype.is_redirect() {
        let orig = req(&tr.target, index, rtype, "target")?;
        let v = ctx.resolve(orig, Field::Target, "target")?;
        if !validate::is_redirect_target(&v) {
            return Err(ctx.invalid("target", Problem::InvalidValue, &v, Some(orig)));
        }
        out.target = v;
    }

    if let Some(ttl) = &tr.ttl {
        out.ttl = Some(ctx.int_field(&ttl.0, "ttl")?);
    }

    if *rtype == RecordType::Srv {
        let orig = req(&tr.protocol, index, rtype, "protocol")?;
        let p = ctx.resolve(orig, Field::Plain, "protocol")?.to_ascii_lowercase();
        let p = p.strip_prefix('_').unwrap_or(&p).to_string();
        if !matches!(p.as_str(), "tcp" | "udp" | "tls") {
            return Err(ctx.invalid("protocol", Problem::InvalidValue, &p, Some(orig)));
        }
        // DCAZ checks `_proto.name` before substituting, so SRV at the apex or with
        // variables always failed there; we check the substituted owner.
        let owner = if out.host == "@" && opts.dialect == super::Dialect::Ours { format!("_{p}") } else { format!("_{p}.{}", out.host) };
        if !validate::is_host_srv(&owner) {
            return Err(ctx.invalid("name", Problem::InvalidValue, &owner, None));
        }
        out.protocol = p;
        let orig = req(&tr.service, index, rtype, "service")?;
        let s = ctx.resolve(orig, Field::Plain, "service")?;
        if !validate::is_target_host(&s) {
            return Err(ctx.invalid("service", Problem::InvalidValue, &s, Some(orig)));
        }
        out.service = s;
        out.priority = ctx.int_field(req_int(&tr.priority, index, rtype, "priority")?, "priority")?;
        out.weight = ctx.int_field(req_int(&tr.weight, index, rtype, "weight")?, "weight")?;
        out.port = ctx.int_field(req_int(&tr.port, index, rtype, "port")?, "port")?;
    }

    if *rtype == RecordType::Txt {
        out.data = ctx.resolve(req(&tr.data, index, rtype, "data")?, Field::Plain, "data")?;
        out.txt_mode = tr.txt_conflict_mode();
    }
    if *rtype == RecordType::Spfm {
        out.spf_rules = ctx.resolve(req(&tr.spf_rules, index, rtype, "spfRules")?, Field::Plain, "spfRules")?;
    }
    if custom {
        let d = ctx.resolve(tr.data.as_deref().unwrap_or(""), Field::Plain, "data")?;
        if d.is_empty() {
            return Err(ctx.invalid("data", Problem::EmptyCustomData, &d, None));
        }
        if d == "@" {
            return Err(ctx.invalid("data", Problem::EmptyCustomData, "@", None));
        }
        out.data = d;
    }

    // Every type but SPFM (default 6000) and the redirects (no TTL) needs a TTL.
    if out.ttl.is_none() && rtype.needs_ttl() {
        return Err(missing(index, rtype, "ttl"));
    }
    Ok(out)
}
