//! Variable substitution and host/name resolution — spec sections "Variables",
//! "Host/Domain/Target Resolution" (`@`, `%host%`, `%domain%`, `%fqdn%`, relative and
//! absolute names) and "Case Sensitivity".
//!
//! This follows the reference engine exactly (DCAZ `resolve_variables`): variable
//! names are case-sensitive (`%FQDN%` is not `%fqdn%`), every occurrence of a
//! variable is replaced at once, and scanning resumes after the inserted value so a
//! value containing `%` is not re-expanded at that spot.

use crate::error::{ApplyError, Fault, Problem};
use std::collections::BTreeMap;

/// A substituted value longer than this is refused (a value that expands itself
/// could otherwise grow without bound).
pub const MAX_SUBSTITUTED_LEN: usize = 64 * 1024;

/// Variable values for one application of a template (the apply URL's parameters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    values: BTreeMap<String, ParamValue>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ParamValue {
    Text(String),
    /// A value that is not a string (a number, a boolean) in a JSON/YAML input; the
    /// reference engine raises TypeError when such a value is substituted.
    NotText(String),
}

impl Params {
    /// No variables.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set a variable to a text value.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.values.insert(name.into(), ParamValue::Text(value.into()));
    }

    /// Record a variable whose value is not text (kept for a faithful TypeError).
    pub fn insert_non_text(&mut self, name: impl Into<String>, shown: impl Into<String>) {
        self.values.insert(name.into(), ParamValue::NotText(shown.into()));
    }

    /// The text value of a variable, if it has one.
    pub fn get(&self, name: &str) -> Option<&str> {
        match self.values.get(name) {
            Some(ParamValue::Text(v)) => Some(v),
            _ => None,
        }
    }

    /// How many variables.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// No variables at all.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Names and text values, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().filter_map(|(k, v)| match v {
            ParamValue::Text(t) => Some((k.as_str(), t.as_str())),
            ParamValue::NotText(_) => None,
        })
    }

    fn lookup(&self, name: &str) -> Result<Option<&str>, ApplyError> {
        match self.values.get(name) {
            None => Ok(None),
            Some(ParamValue::Text(v)) => Ok(Some(v)),
            Some(ParamValue::NotText(shown)) => Err(ApplyError::TypeError(Fault::new(Problem::NotText { variable: name.to_string() }).with_value(shown, None))),
        }
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut p = Params::new();
        for (k, v) in iter {
            p.insert(k, v);
        }
        p
    }
}

/// Which template field a value comes from; decides how `@`, empty values and
/// relative names are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Field {
    /// `host` (or the SRV `name`): an owner name relative to the applied host.
    Host,
    /// `pointsTo` or `target`: a target; `@` means the fqdn, never relative.
    Target,
    /// Anything else (`data`, `spfRules`, `ttl`, `protocol`…): plain substitution.
    Plain,
}

/// The names of the `%variables%` in a value, in order (an unpaired `%` ends the scan).
pub fn variable_names(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(start) = rest.find('%') {
        let after = &rest[start + 1..];
        match after.find('%') {
            Some(end) => {
                out.push(after[..end].to_string());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

/// Substitute the variables of `input` and resolve it as the given field, relative to
/// `domain` and `host` (`None`: no host parameter at all; `Some("")`: the apex).
///
/// `field_name` only names the field in error messages.
pub fn resolve(input: &str, domain: &str, host: Option<&str>, params: &Params, field: Field, field_name: &'static str) -> Result<String, ApplyError> {
    let mut s = input.to_string();
    let mut ci = 0usize;
    let host_nonempty = host.filter(|h| !h.is_empty());
    while let Some(pos) = s[ci..].find('%').map(|p| p + ci) {
        let start = pos + 1;
        let end = match s[start..].find('%') {
            Some(e) => start + e,
            None => return Err(ApplyError::InvalidTemplate(Fault::new(Problem::UnpairedDelimiter).in_field(field_name).with_value(input, None))),
        };
        let name = s[start..end].to_string();
        let value: String = match name.as_str() {
            "fqdn" => match host_nonempty {
                Some(h) => format!("{h}.{domain}"),
                None => domain.to_string(),
            },
            "domain" => domain.to_string(),
            "host" => match host {
                Some(h) => h.to_string(),
                None => {
                    return Err(ApplyError::MissingParameter(
                        Fault::new(Problem::NoValue { variable: "host".into() }).in_field(field_name).with_value(input, None),
                    ))
                }
            },
            other => match params.lookup(other)? {
                Some(v) => v.to_string(),
                None => {
                    return Err(ApplyError::MissingParameter(
                        Fault::new(Problem::NoValue { variable: other.to_string() }).in_field(field_name).with_value(input, None),
                    ))
                }
            },
        };
        let token = format!("%{name}%");
        let count = s.matches(&token).count();
        let new_len = s.len() - count * token.len() + count * value.len();
        if new_len > MAX_SUBSTITUTED_LEN {
            return Err(ApplyError::InvalidData(
                Fault::new(Problem::TooLongAfterSubstitution { limit: MAX_SUBSTITUTED_LEN, variable: name }).in_field(field_name),
            ));
        }
        s = s.replace(&token, &value);
        ci = pos + value.len();
    }

    if s.is_empty() || s == "@" {
        match field {
            Field::Host => {
                return Ok(match host_nonempty {
                    Some(h) => h.to_string(),
                    None => "@".to_string(),
                })
            }
            Field::Target if s == "@" => {
                return Ok(match host_nonempty {
                    Some(h) => format!("{h}.{domain}"),
                    None => domain.to_string(),
                })
            }
            _ => {}
        }
    }

    if field == Field::Host {
        return relative_to_host(&s, domain, host_nonempty);
    }
    Ok(s)
}

/// Make a resolved template host relative to the zone: `www` under host `bar` is
/// `www.bar`; an absolute `www.example.com.` in zone `example.com` is `www`; the zone
/// itself is `@`. A wildcard is allowed only as the leftmost label.
fn relative_to_host(input: &str, domain: &str, host: Option<&str>) -> Result<String, ApplyError> {
    let domain_dot = format!("{domain}.");
    let (wildcard, remainder) = if input == "*" {
        (true, String::new())
    } else if let Some(r) = input.strip_prefix("*.") {
        if r == "@" || r.is_empty() {
            return Err(ApplyError::InvalidData(Fault::new(Problem::BadWildcard).in_field("host").with_value(input, None)));
        }
        (true, r.to_string())
    } else {
        (false, input.to_string())
    };

    let relativise = |name: String| -> String {
        if !name.ends_with('.') {
            match host {
                Some(h) if name.is_empty() => h.to_string(),
                Some(h) => format!("{name}.{h}"),
                None => name,
            }
        } else if name == domain_dot {
            "@".to_string()
        } else if let Some(prefix) = name.strip_suffix(&format!(".{domain_dot}")) {
            // DCAZ strips by string suffix, so `xfoo.com.` in zone `foo.com` became the
            // apex; we strip only at a label boundary (crate docs, "Where we differ").
            prefix.to_string()
        } else {
            name
        }
    };

    if wildcard {
        let rem = relativise(remainder);
        if rem.is_empty() || rem == "@" {
            Ok(match host {
                Some(h) => format!("*.{h}"),
                None => "*".to_string(),
            })
        } else {
            Ok(format!("*.{rem}"))
        }
    } else {
        // Without a wildcard an empty name never reaches here (handled by the caller).
        Ok(relativise(remainder))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Params {
        pairs.iter().map(|(k, v)| (*k, *v)).collect()
    }

    #[test]
    fn builtins_and_params() {
        let params = p(&[("IP", "1.2.3.4")]);
        assert_eq!(resolve("%IP%", "foo.com", Some("bar"), &params, Field::Plain, "x").unwrap(), "1.2.3.4");
        assert_eq!(resolve("%fqdn%", "foo.com", Some("bar"), &params, Field::Plain, "x").unwrap(), "bar.foo.com");
        assert_eq!(resolve("%fqdn%", "foo.com", Some(""), &params, Field::Plain, "x").unwrap(), "foo.com");
        assert_eq!(resolve("@", "foo.com", Some("bar"), &params, Field::Target, "x").unwrap(), "bar.foo.com");
        assert_eq!(resolve("@", "foo.com", Some("bar"), &params, Field::Host, "x").unwrap(), "bar");
        assert_eq!(resolve("", "foo.com", None, &params, Field::Host, "x").unwrap(), "@");
    }

    #[test]
    fn names_are_case_sensitive() {
        let params = p(&[("ip", "1.2.3.4")]);
        let e = resolve("%IP%", "foo.com", Some(""), &params, Field::Plain, "pointsTo").unwrap_err();
        assert_eq!(e.name(), "MissingParameter");
        let e = resolve("%FQDN%", "foo.com", Some(""), &params, Field::Plain, "pointsTo").unwrap_err();
        assert_eq!(e.name(), "MissingParameter");
    }

    #[test]
    fn unpaired_delimiter_is_invalid_template() {
        let e = resolve("50%", "foo.com", Some(""), &Params::new(), Field::Plain, "data").unwrap_err();
        assert_eq!(e.name(), "InvalidTemplate");
    }

    #[test]
    fn value_with_percent_is_not_reexpanded() {
        let params = p(&[("a", "%b%")]);
        assert_eq!(resolve("x%a%y", "d.com", Some(""), &params, Field::Plain, "data").unwrap(), "x%b%y");
    }

    #[test]
    fn self_expanding_value_is_bounded() {
        let params = p(&[("a", "%a%%a%")]);
        let e = resolve("%a%%a%", "d.com", Some(""), &params, Field::Plain, "data").unwrap_err();
        assert_eq!(e.name(), "InvalidData");
    }

    #[test]
    fn host_relative_and_absolute() {
        let params = Params::new();
        let r = |h: &str, host: Option<&str>| resolve(h, "foo.com", host, &params, Field::Host, "host").unwrap();
        assert_eq!(r("www", Some("bar")), "www.bar");
        assert_eq!(r("www", Some("")), "www");
        assert_eq!(r("foo.com.", Some("bar")), "@");
        assert_eq!(r("www.foo.com.", Some("bar")), "www");
        assert_eq!(r("*", Some("bar")), "*.bar");
        assert_eq!(r("*", Some("")), "*");
        assert_eq!(r("*.x", Some("bar")), "*.x.bar");
        assert!(resolve("*.@", "foo.com", Some(""), &params, Field::Host, "host").is_err());
    }
}
