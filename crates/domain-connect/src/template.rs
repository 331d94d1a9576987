//! The template model — spec section "Template Definition" and "Template Record"
//! (and `template.schema`).
//!
//! Parsing never panics: a malformed template gives a [`TemplateError`] whose `path`
//! names the JSON location (`records[3].pointsTo`) and whose message says what is wrong.

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

mod wire;

/// Templates larger than this are refused before parsing (real ones are a few KB).
pub const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;

/// A Domain Connect template (spec: "Template Definition").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    /// The DNS-side name of the Service Provider (`providerId`), as in the apply URL path.
    pub provider_id: String,
    /// The Service Provider's display name (`providerName`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<String>,
    /// The template's id within the provider (`serviceId`), as in the apply URL path.
    pub service_id: String,
    /// The service's display name (`serviceName`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// The template's version (`version`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// The Service Provider's logo (`logoUrl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// What the template does (`description`), for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the variables mean (`variableDescription`), for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_description: Option<String>,
    /// Deprecated form of `sharedProviderName` (`shared`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// The template may not be applied through the synchronous flow (`syncBlock`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_block: Option<bool>,
    /// The apply URL may name the provider (`sharedProviderName`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_provider_name: Option<bool>,
    /// The apply URL may name the service (`sharedServiceName`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_service_name: Option<bool>,
    /// Where the Service Provider publishes its signing keys (`syncPubKeyDomain`); requests must be signed when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_pub_key_domain: Option<String>,
    /// Domains an unsigned request may return to (`syncRedirectDomain`, a comma list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_redirect_domain: Option<String>,
    /// Several instances may coexist in one zone (`multiInstance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_instance: Option<bool>,
    /// Show a phishing warning for unverified requests (`warnPhishing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_phishing: Option<bool>,
    /// The template must be applied at a host, not the apex (`hostRequired`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_required: Option<bool>,
    /// The records the template writes (`records`).
    pub records: Vec<TemplateRecord>,
    /// Keys the spec does not define, kept so that lint can name them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A number-or-string template field (`ttl`, `priority`, `weight`, `port`), kept as
/// the text the reference engine sees (`1800`, `"1800"`, `"%ttl%"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct IntField(pub String);

impl<'de> Deserialize<'de> for IntField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(s) => Ok(IntField(s)),
            serde_json::Value::Number(n) => Ok(IntField(n.to_string())),
            other => Err(D::Error::custom(format!("expected a number or a string, found {}", json_kind(&other)))),
        }
    }
}

impl fmt::Display for IntField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<i64> for IntField {
    fn from(v: i64) -> Self {
        IntField(v.to_string())
    }
}

/// One record of a template (spec: "Template Record"). Which fields apply depends on
/// the type; all are optional here and checked where the engine uses them.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct TemplateRecord {
    /// The record type (`type`, read case-insensitively).
    #[serde(rename = "type")]
    pub rtype: crate::record_type::RecordType,
    /// The group the record belongs to (`groupId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// `Always` or `OnApply` (`essential`): whether removing this record removes the whole instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub essential: Option<String>,
    /// The owner, relative to the domain and host (`host`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The SRV owner (`name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The address or target host (`pointsTo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_to: Option<String>,
    /// The TTL in seconds (`ttl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<IntField>,
    /// TXT text or custom-type data (`data`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// `None`, `All` or `Prefix` (`txtConflictMatchingMode`); see [`TemplateRecord::txt_conflict_mode`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub txt_conflict_matching_mode: Option<String>,
    /// The prefix for `Prefix` mode (`txtConflictMatchingPrefix`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub txt_conflict_matching_prefix: Option<String>,
    /// MX/SRV priority (`priority`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<IntField>,
    /// SRV weight (`weight`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<IntField>,
    /// SRV port (`port`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<IntField>,
    /// SRV protocol (`protocol`, e.g. `_tcp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// SRV service (`service`, e.g. `_sip`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// SRV target host, or a redirect's URL (`target`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The SPF terms an SPFM record merges (`spfRules`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spf_rules: Option<String>,
    /// Keys the spec does not define, kept so that lint can name them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// The `templateSpecVersion` values this implementation supports (IETF draft §6.1.1;
/// a template without one is version 1).
pub const SUPPORTED_SPEC_VERSIONS: [u64; 1] = [1];

/// The template properties this implementation understands: the spec's, and the
/// draft's `templateSpecVersion` and `crit`. A vendor's `vnd.` property is ignored,
/// so never understood when `crit` lists it.
pub const UNDERSTOOD_PROPERTIES: [&str; 20] = [
    "providerId",
    "providerName",
    "serviceId",
    "serviceName",
    "version",
    "logoUrl",
    "description",
    "variableDescription",
    "shared",
    "syncBlock",
    "sharedProviderName",
    "sharedServiceName",
    "syncPubKeyDomain",
    "syncRedirectDomain",
    "multiInstance",
    "warnPhishing",
    "hostRequired",
    "records",
    "templateSpecVersion",
    "crit",
];

/// A template that could not be read: where (a JSON path such as `records[3].ttl`,
/// empty for the whole document) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Where: a JSON path such as `records[3].ttl` (empty for the whole document).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// Parse a template from JSON bytes (UTF-8 required), refusing anything over
    /// [`MAX_TEMPLATE_BYTES`].
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Template, TemplateError> {
        if bytes.len() > MAX_TEMPLATE_BYTES {
            return Err(TemplateError {
                path: String::new(),
                message: format!("template is {} bytes; the limit is {} bytes", bytes.len(), MAX_TEMPLATE_BYTES),
            });
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|e| TemplateError { path: String::new(), message: format!("template is not valid UTF-8 (byte {})", e.valid_up_to()) })?;
        Self::from_json(text)
    }

    /// Parse a template from JSON text.
    pub fn from_json(text: &str) -> Result<Template, TemplateError> {
        if text.len() > MAX_TEMPLATE_BYTES {
            return Self::from_json_bytes(text.as_bytes());
        }
        let t: Template = serde_json::from_str(text).map_err(|e| TemplateError { path: crate::json_path::of_error(text, &e), message: e.to_string() })?;
        if t.provider_id.is_empty() {
            return Err(TemplateError { path: "providerId".into(), message: "must not be empty".into() });
        }
        if t.service_id.is_empty() {
            return Err(TemplateError { path: "serviceId".into(), message: "must not be empty".into() });
        }
        if let Some(refusal) = t.spec_refusals().into_iter().next() {
            return Err(refusal);
        }
        Ok(t)
    }

    /// The IETF draft's two refusals (§6.1.1), every one found: a `templateSpecVersion`
    /// this implementation does not support, and a property named in `crit` that it does
    /// not understand (a listed property absent from the template counts as understood).
    /// Other unknown properties are ignored, as the draft says. [`Template::from_json`]
    /// refuses a template with any; lint reports them all (DCX005, DCX006).
    pub fn spec_refusals(&self) -> Vec<TemplateError> {
        let mut out = Vec::new();
        let mut refuse = |path: String, message: String| out.push(TemplateError { path, message });
        // A value as a message shows it: a hostile one is cut short.
        let shown = |v: &serde_json::Value| {
            let text = v.to_string();
            if text.chars().count() > 40 {
                format!("{}…", text.chars().take(39).collect::<String>())
            } else {
                text
            }
        };
        if let Some(v) = self.extra.get("templateSpecVersion") {
            if !v.as_u64().is_some_and(|n| SUPPORTED_SPEC_VERSIONS.contains(&n)) {
                let message =
                    format!("templateSpecVersion {} is not supported here (only {SUPPORTED_SPEC_VERSIONS:?}): the template must not be applied", shown(v));
                refuse("templateSpecVersion".into(), message);
            }
        }
        if let Some(crit) = self.extra.get("crit") {
            match crit.as_array().filter(|l| !l.is_empty()) {
                None => refuse("crit".into(), "crit must be a non-empty list of property names".into()),
                Some(list) => {
                    for (i, name) in list.iter().enumerate() {
                        match name.as_str() {
                            None => refuse(format!("crit[{i}]"), format!("{} is not a property name", shown(name))),
                            Some(n) if self.extra.contains_key(n) && !UNDERSTOOD_PROPERTIES.contains(&n) => {
                                let message = format!("the critical property {} is not understood here: the template must not be applied", shown(name));
                                refuse(format!("crit[{i}]"), message);
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        out
    }

    /// The file name a template store uses: `{providerId}.{serviceId}.json`, lowercased.
    pub fn file_name(provider_id: &str, service_id: &str) -> String {
        format!("{}.{}.json", provider_id.to_ascii_lowercase(), service_id.to_ascii_lowercase())
    }

    /// The distinct `groupId` values in record order.
    pub fn group_ids(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in &self.records {
            if let Some(g) = &r.group_id {
                if !out.contains(g) {
                    out.push(g.clone());
                }
            }
        }
        out
    }

    /// The variables (other than the built-in `domain`, `host`, `fqdn`) the records
    /// use, in first-use order; with `group_ids`, those of the records that apply (listed
    /// groups and records without a groupId, as the engine applies them).
    pub fn variables(&self, group_ids: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.records {
            if !r.in_groups(group_ids) {
                continue;
            }
            for value in r.text_fields() {
                for name in crate::variables::variable_names(value) {
                    if !matches!(name.as_str(), "domain" | "host" | "fqdn") && !out.contains(&name) {
                        out.push(name);
                    }
                }
            }
        }
        out
    }

    /// True when the template demands a signed request (it names `syncPubKeyDomain`).
    pub fn requires_signature(&self) -> bool {
        self.sync_pub_key_domain.as_deref().is_some_and(|s| !s.is_empty())
    }
}

impl TemplateRecord {
    /// How a TXT record conflicts with the TXT records at its name.
    pub fn txt_conflict_mode(&self) -> crate::record_type::TxtConflictMode {
        crate::record_type::TxtConflictMode::from_fields(self.txt_conflict_matching_mode.as_deref(), self.txt_conflict_matching_prefix.as_deref())
    }

    /// Whether this record applies when the request selects `group_ids` (spec
    /// "Groups"): every record applies when none are selected, and a record without a
    /// `groupId` always applies. The one place the group filter is written.
    pub fn in_groups(&self, group_ids: &[String]) -> bool {
        match (&self.group_id, group_ids.is_empty()) {
            (Some(g), false) => group_ids.contains(g),
            _ => true,
        }
    }

    /// Every field of the record that may hold `%variables%`.
    pub fn text_fields(&self) -> Vec<&str> {
        let mut v = Vec::new();
        for f in [&self.host, &self.name, &self.points_to, &self.data, &self.target, &self.protocol, &self.service, &self.spf_rules].into_iter().flatten() {
            v.push(f.as_str());
        }
        for f in [&self.ttl, &self.priority, &self.weight, &self.port].into_iter().flatten() {
            v.push(f.0.as_str());
        }
        v
    }
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}
