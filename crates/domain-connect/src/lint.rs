//! Lint: what is wrong or doubtful in a template, before any DNS provider has it.
//!
//! Every rule of dc-template-linter is here under its own code and level (`DCTL0003`,
//! `DCTL1002`–`DCTL1040`, and with [`Options::cloudflare`] the Cloudflare profile
//! `DCTL5000`–`DCTL5011`), plus rules of our own (`DCX…`) for what the IETF draft
//! makes checkable and no linter checks: reserved variable names, identifier and
//! length limits, records of one RRset asking for different TTLs,
//! `templateSpecVersion` and `crit`. [`RULES`] is the catalogue. Each [`Finding`]
//! names its rule, level, JSON path, what is wrong and how to fix it.
//!
//! Files are linted one by one ([`Linter::lint`]); a broken file gives its findings and
//! never stops the next. Not checked here: dc-template-linter's `-logos` (an HTTP
//! request per logo; the core does no I/O) and `-merge-or-fail`'s DCTL1040.

mod catalogue;
mod cloudflare;
mod draft;
mod names;
mod records;
mod spf;
#[cfg(test)]
mod tests;

pub use catalogue::{Rule, RULES};

use crate::template::{Template, TemplateRecord};
use serde::Serialize;
use std::collections::HashSet;

/// How serious a finding is: dc-template-linter's levels.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth a look; the template works.
    Info,
    /// Probably a mistake.
    Warn,
    /// The template is wrong: a DNS provider may refuse it or apply something else.
    Error,
}

impl Level {
    /// `info`, `warn` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }
}

/// One thing lint found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's code (`DCTL1021`, `DCX004`).
    pub code: &'static str,
    /// How serious it is.
    pub level: Level,
    /// Where: a JSON path (`records[3].host`), or empty for the whole file.
    pub path: String,
    /// What is wrong, with the offending value.
    pub message: String,
    /// How to fix it.
    pub fix: &'static str,
}

impl Finding {
    /// A file that could not be read (DCTL0001), for front ends that read files.
    pub fn cannot_open(detail: impl AsRef<str>) -> Finding {
        let mut out = Out(Vec::new());
        out.add("DCTL0001", "", detail);
        out.0.remove(0)
    }

    /// The finding as one line of `dconn lint --json` (and the workbench's report):
    /// `{"template", "code", "level", "path", "message"}`, `template` a file name.
    pub fn json_line(&self, template: &str) -> String {
        serde_json::json!({"template": template, "code": self.code, "level": self.level, "path": self.path, "message": self.message}).to_string()
    }
}

/// What to check besides the common rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Cloudflare's profile (DCTL5000–5011): what Cloudflare's Domain Connect does not support.
    pub cloudflare: bool,
}

/// Lints template files one after another, remembering the providerId/serviceId
/// pairs seen (DCTL1004: two files for one template).
#[derive(Debug, Default)]
pub struct Linter {
    options: Options,
    seen: HashSet<(String, String)>,
}

pub(crate) struct Out(pub Vec<Finding>);

impl Out {
    /// A finding of rule `code` at `path`; `detail` is added to the rule's text.
    pub(crate) fn add(&mut self, code: &'static str, path: impl Into<String>, detail: impl AsRef<str>) {
        let rule = catalogue::rule(code);
        let detail = detail.as_ref();
        let message = if detail.is_empty() { rule.text.to_string() } else { format!("{}: {detail}", rule.text) };
        self.0.push(Finding { code, level: rule.level, path: path.into(), message, fix: rule.fix });
    }
}

/// A field given and not empty.
pub(crate) fn filled(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.is_empty())
}

/// `%…%` somewhere in `s` (dc-template-linter's test: two or more `%`).
pub(crate) fn has_variable(s: &str) -> bool {
    s.matches('%').count() > 1
}

impl Linter {
    /// A linter with these options.
    pub fn new(options: Options) -> Linter {
        Linter { options, seen: HashSet::new() }
    }

    /// Lint one template file: `file_name` (its base name, for DCTL1003; `None` when read
    /// from standard input or pasted) and its text. Findings in document order.
    pub fn lint(&mut self, file_name: Option<&str>, text: &str) -> Vec<Finding> {
        let mut out = Out(Vec::new());
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                out.add("DCTL0003", crate::json_path::of_error(text, &e), format!("line {}, column {}: {e}", e.line(), e.column()));
                return out.0;
            }
        };
        let Some(mut object) = value.as_object().cloned() else {
            out.add("DCTL0003", "", "a template is a JSON object");
            return out.0;
        };
        // Required fields are reported as dc-template-linter does (DCTL1005, DCTL1030),
        // and the rest of the template is still checked.
        for key in ["providerId", "serviceId"] {
            if !object.contains_key(key) {
                object.insert(key.into(), serde_json::Value::String(String::new()));
            }
        }
        if !object.contains_key("records") {
            object.insert("records".into(), serde_json::Value::Array(Vec::new()));
        }
        // Read from text, as `Template::from_json` reads (one deserializer in the wasm,
        // not a second one for `Value`), but without its refusals: lint reports those.
        let patched = serde_json::Value::Object(object.clone()).to_string();
        let template = match serde_json::from_str::<Template>(&patched) {
            Ok(t) => t,
            Err(_) => match serde_json::from_str::<Template>(text) {
                Err(e) => {
                    out.add("DCTL0003", crate::json_path::of_error(text, &e), e.to_string());
                    return out.0;
                }
                Ok(t) => t,
            },
        };
        draft::check(&template, &object, &mut out);
        self.check_template(file_name, &template, &mut out);
        records::check(&template, self.options, &mut out);
        draft::check_rrset_ttls(&template, &mut out);
        out.0
    }

    fn check_template(&mut self, file_name: Option<&str>, t: &Template, out: &mut Out) {
        for (key, value) in &t.extra {
            if !draft::understood(key) {
                out.add("DCTL0003", key.clone(), format!("unknown property {key:?} = {}", shorten(&value.to_string())));
            }
        }
        for (key, id) in [("providerId", &t.provider_id), ("serviceId", &t.service_id)] {
            if id.chars().any(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))) {
                out.add("DCTL1002", key, format!("{id:?}"));
            }
        }
        if let Some(name) = file_name {
            let expected = Template::file_name(&t.provider_id, &t.service_id);
            if name != expected {
                out.add("DCTL1003", "", format!("{name:?} should be {expected:?}"));
            }
        }
        if !self.seen.insert((t.provider_id.clone(), t.service_id.clone())) {
            out.add("DCTL1004", "", format!("{}/{}", t.provider_id, t.service_id));
        }
        let len = |s: &str| s.chars().count();
        let mut require = |key: &str, value: Option<&str>, max: usize| match value {
            None | Some("") => out.add("DCTL1005", key, "required"),
            Some(v) if len(v) > max => out.add("DCTL1005", key, format!("at most {max} characters, not {}", len(v))),
            _ => {}
        };
        require("providerId", Some(&t.provider_id), 64);
        require("providerName", t.provider_name.as_deref(), 64);
        require("serviceId", Some(&t.service_id), 64);
        require("serviceName", t.service_name.as_deref(), 255);
        if let Some(logo) = t.logo_url.as_deref().filter(|l| !l.is_empty()) {
            if !is_http_url(logo) {
                out.add("DCTL1005", "logoUrl", format!("not an http(s) URL: {logo:?}"));
            }
        }
        if let Some(k) = &t.sync_pub_key_domain {
            if len(k) > 255 {
                out.add("DCTL1005", "syncPubKeyDomain", format!("at most 255 characters, not {}", len(k)));
            }
        }
        if t.version.unwrap_or(0) == 0 {
            out.add("DCTL1006", "version", "");
        }
        let yes = |b: Option<bool>| b == Some(true);
        if yes(t.shared) && !yes(t.shared_provider_name) {
            out.add("DCTL1007", "shared", "");
        }
        if yes(t.shared_provider_name) && !yes(t.shared) {
            out.add("DCTL1008", "sharedProviderName", "");
        }
        for (key, value) in [("providerName", &t.provider_name), ("serviceName", &t.service_name)] {
            if let Some(v) = value.as_deref().filter(|v| has_variable(v)) {
                out.add("DCTL1009", key, format!("{v:?}"));
            }
        }
        if let Some(k) = t.sync_pub_key_domain.as_deref().filter(|k| !k.is_empty()) {
            if let Err(why) = names::check_fqdn(k) {
                out.add("DCTL1022", "syncPubKeyDomain", format!("{k:?}: {why}"));
            }
        }
        if let Some(list) = t.sync_redirect_domain.as_deref().filter(|l| !l.is_empty()) {
            for item in list.split(',') {
                if item != item.trim() {
                    out.add("DCTL1026", "syncRedirectDomain", format!("{item:?}"));
                }
                if let Err(why) = names::check_fqdn(item.trim()) {
                    out.add("DCTL1022", "syncRedirectDomain", format!("{:?}: {why}", item.trim()));
                }
            }
        }
        if yes(t.warn_phishing) && t.requires_signature() {
            out.add("DCTL1028", "warnPhishing", "");
        }
        if !yes(t.sync_block) && !t.requires_signature() {
            out.add("DCTL1029", "syncPubKeyDomain", "");
        }
        if t.records.is_empty() {
            out.add("DCTL1030", "records", "");
        }
        let mut groups: Vec<&str> = Vec::new();
        for r in &t.records {
            let g = r.group_id.as_deref().unwrap_or("");
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        if groups.len() == 1 && !groups[0].is_empty() {
            out.add("DCTL1031", "records", format!("{:?}", groups[0]));
        }
        if groups.len() > 1 && groups.contains(&"") {
            out.add("DCTL1032", "records", "");
        }
        let apex_alias = |r: &TemplateRecord| {
            matches!(r.rtype, crate::record_type::RecordType::Ns | crate::record_type::RecordType::Cname) && matches!(r.host.as_deref().unwrap_or(""), "" | "@")
        };
        if yes(t.host_required) && !t.records.iter().any(apex_alias) {
            out.add("DCTL1037", "hostRequired", "");
        }
        if let Some(var) = same_trailing_variable(&t.records) {
            out.add("DCTL1039", "records", format!("%{var}%"));
        }
        if self.options.cloudflare {
            cloudflare::cloudflare_template(t, out);
        }
    }
}

/// The variable every record's host ends with, if they all end with the same one
/// (greedy: from the first `%` to the last).
fn same_trailing_variable(records: &[TemplateRecord]) -> Option<String> {
    let mut found: Option<String> = None;
    for r in records {
        let host = r.host.as_deref().unwrap_or("");
        if !host.ends_with('%') {
            return None;
        }
        let start = host.find('%')?;
        let inner = host.get(start + 1..host.len() - 1)?.to_string();
        if inner.is_empty() || found.as_ref().is_some_and(|f| *f != inner) {
            return None;
        }
        found = Some(inner);
    }
    found
}

fn is_http_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| r.split(['/', '?', '#']).next().is_some_and(|h| !h.is_empty()) && !r.contains(char::is_whitespace))
}

/// A value as shown in a message: at most 80 characters.
pub(crate) fn shorten(s: &str) -> String {
    if s.chars().count() <= 80 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(79).collect::<String>())
    }
}

/// Lint one template text (no file name, no other files).
pub fn lint(text: &str, options: Options) -> Vec<Finding> {
    Linter::new(options).lint(None, text)
}
