//! How config.json is read: serde reads the file flat ([`Raw`]), then each object's
//! kind takes its own fields and refuses the others, naming the key.

use crate::*;
use serde::{Deserialize, Deserializer};

/// Origins, `scheme://host[:port]` with nothing after (http or https).
fn origins<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    for o in &list {
        match o.strip_prefix("https://").or_else(|| o.strip_prefix("http://")) {
            Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ']) => {}
            _ => return Err(serde::de::Error::custom(format!("{o:?} is not an origin (scheme://host[:port], nothing after)"))),
        }
    }
    Ok(list)
}

/// The file as serde reads it: every `{"kind": …}` object flat, its kind typed and
/// every field any kind has, unknown fields refused. [`Raw::into_config`] then takes
/// the fields of each object's kind and refuses the others, naming the key. (Flat
/// rather than serde's `#[serde(tag = "kind")]`, whose buffering of each object costs
/// the consent page several KB of wasm and loses the path inside it.)
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Raw {
    templates: Option<Vec<RawTemplates>>,
    doh: Option<RawDoh>,
    records_api: Option<RawApi>,
    proxy_defaults: ProxyDefaults,
    branding: Branding,
    #[serde(deserialize_with = "origins")]
    dashboard_origins: Vec<String>,
    catalogue_dir: Option<String>,
    #[serde(deserialize_with = "seconds")]
    timeout_seconds: Option<u32>,
    locale: Option<String>,
    locales: Vec<String>,
    #[serde(deserialize_with = "pairs")]
    messages: Vec<(String, String)>,
}

/// An object of strings, as its pairs in order (a map type's code is not needed for a
/// handful of entries, and would cost the consent page several KB).
fn pairs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    struct Pairs;
    impl<'de> serde::de::Visitor<'de> for Pairs {
        type Value = Vec<(String, String)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of strings")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(pair) = map.next_entry::<String, String>()? {
                out.push(pair);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Pairs)
}

/// A language tag as BCP 47 spells one: letters and digits in hyphen-separated subtags
/// of 1–8, the first letters only (`de`, `pt-BR`, `zh-Hant-TW`).
fn is_tag(t: &str) -> bool {
    let mut parts = t.split('-');
    parts.next().is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A timeout: whole seconds, 1 to 600.
fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let s = u32::deserialize(d)?;
    if (1..=600).contains(&s) {
        Ok(Some(s))
    } else {
        Err(serde::de::Error::custom(format!("{s} is not between 1 and 600 seconds")))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplates {
    kind: TemplatesKind,
    base: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum TemplatesKind {
    Bundled,
    Url,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoh {
    kind: DohKind,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum DohKind {
    Sandbox,
    Wire,
    Json,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApi {
    kind: ApiKind,
    base: Option<String>,
    server_id: Option<String>,
    api_key: Option<String>,
    auth: Option<Auth>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ApiKind {
    Sandbox,
    Powerdns,
    Cloudflare,
}

/// The value of a field the object's kind needs, or why the object at `at` lacks it.
fn needed(value: Option<String>, at: &str, kind: &str, field: &str) -> Result<String, ConfigError> {
    value.ok_or_else(|| ConfigError { path: at.to_string(), message: format!("kind {kind:?} needs the field `{field}`") })
}

/// The first field given (of `given`: name, whether set) that the object's kind does
/// not have (`allowed`), named at its own path.
fn no_field(at: &str, kind: &str, given: &[(&str, bool)], allowed: &[&str]) -> Result<(), ConfigError> {
    match given.iter().find(|(f, set)| *set && !allowed.contains(f)) {
        Some((f, _)) => Err(ConfigError {
            path: format!("{at}.{f}"),
            message: format!("kind {kind:?} has no field `{f}` (it has: {})", if allowed.is_empty() { "none".to_string() } else { allowed.join(", ") }),
        }),
        None => Ok(()),
    }
}

impl Raw {
    pub(crate) fn into_config(self) -> Result<Config, ConfigError> {
        let templates = match self.templates {
            None => default_templates(),
            Some(list) => list
                .into_iter()
                .enumerate()
                .map(|(i, t)| {
                    let at = format!("templates[{i}]");
                    let given = [("base", t.base.is_some())];
                    Ok(match t.kind {
                        TemplatesKind::Bundled => {
                            no_field(&at, "bundled", &given, &[])?;
                            TemplateSource::Bundled {}
                        }
                        TemplatesKind::Url => TemplateSource::Url { base: needed(t.base, &at, "url", "base")? },
                    })
                })
                .collect::<Result<_, ConfigError>>()?,
        };
        let doh = match self.doh {
            None => Doh::default(),
            Some(d) => match d.kind {
                DohKind::Sandbox => {
                    no_field("doh", "sandbox", &[("url", d.url.is_some())], &[])?;
                    Doh::Sandbox {}
                }
                DohKind::Wire => Doh::Wire { url: needed(d.url, "doh", "wire", "url")? },
                DohKind::Json => Doh::Json { url: needed(d.url, "doh", "json", "url")? },
            },
        };
        let records_api = match self.records_api {
            None => RecordsApi::default(),
            Some(r) => {
                let given = [("base", r.base.is_some()), ("server_id", r.server_id.is_some()), ("api_key", r.api_key.is_some()), ("auth", r.auth.is_some())];
                match r.kind {
                    ApiKind::Sandbox => {
                        no_field("records_api", "sandbox", &given, &[])?;
                        RecordsApi::Sandbox {}
                    }
                    ApiKind::Powerdns => RecordsApi::Powerdns {
                        base: needed(r.base, "records_api", "powerdns", "base")?,
                        server_id: r.server_id.unwrap_or_else(localhost),
                        api_key: r.api_key,
                        auth: r.auth.unwrap_or_default(),
                    },
                    ApiKind::Cloudflare => {
                        no_field("records_api", "cloudflare", &given, &["base", "auth"])?;
                        RecordsApi::Cloudflare { base: r.base.unwrap_or_else(cloudflare_base), auth: r.auth.unwrap_or_default() }
                    }
                }
            }
        };
        // Language tags, checked here rather than by serde wrappers (each costs the
        // consent page a copy of the reader).
        let not_tag = |path: String, t: &str| Err(ConfigError { path, message: format!("{t:?} is not a language tag (de, pt-BR)") });
        if let Some(l) = self.locale.as_deref().filter(|l| !is_tag(l)) {
            return not_tag("locale".into(), l);
        }
        if let Some((i, l)) = self.locales.iter().enumerate().find(|(_, l)| !is_tag(l)) {
            return not_tag(format!("locales[{i}]"), l);
        }
        if let Some((bad, _)) = self.messages.iter().find(|(t, _)| !is_tag(t)) {
            return not_tag(format!("messages.{bad}"), bad);
        }
        if let (Some(l), false) = (&self.locale, self.locales.is_empty()) {
            if !self.locales.contains(l) {
                return Err(ConfigError { path: "locale".into(), message: format!("{l:?} is not one of `locales` ({})", self.locales.join(", ")) });
            }
        }
        Ok(Config {
            templates,
            doh,
            records_api,
            proxy_defaults: self.proxy_defaults,
            branding: self.branding,
            dashboard_origins: self.dashboard_origins,
            catalogue_dir: self.catalogue_dir,
            timeout_seconds: self.timeout_seconds.unwrap_or(DEFAULT_TIMEOUT_SECONDS),
            locale: self.locale,
            locales: self.locales,
            messages: self.messages,
        })
    }
}

fn localhost() -> String {
    "localhost".into()
}
fn cloudflare_base() -> String {
    "https://api.cloudflare.com/client/v4".into()
}
