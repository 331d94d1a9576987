//! What the apply-URL parser says about a URL: notes that do not stop it, and the
//! reasons it refuses one.

use serde::Serialize;
use std::fmt;

/// Something about the URL worth showing that does not stop it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum UrlNote {
    /// These parameters come after `sig`; they are covered by the signature here, but
    /// some providers (Cloudflare) require `sig` to be last.
    ParamsAfterSig {
        /// The parameters after `sig`, in order.
        names: Vec<String>,
    },
    /// The URL had a `#fragment`, which is not part of the request.
    FragmentIgnored,
    /// A parameter with an empty name (`&=x`) was ignored.
    EmptyNameIgnored,
    /// A reserved parameter name differs from a variable only by case.
    CaseLookalike {
        /// The variable as written.
        name: String,
        /// The reserved parameter it resembles.
        reserved: String,
    },
}

impl fmt::Display for UrlNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ParamsAfterSig { names } => {
                write!(f, "{} come after sig: they are covered by the signature here, but some providers (Cloudflare) require sig to be last", names.join(", "))
            }
            Self::FragmentIgnored => write!(f, "the #fragment is not part of the request and was ignored"),
            Self::EmptyNameIgnored => write!(f, "a parameter with an empty name was ignored"),
            Self::CaseLookalike { name, reserved } => {
                write!(f, "{name:?} is a template variable, not the reserved {reserved:?}: parameter names are case-sensitive")
            }
        }
    }
}

/// Why an apply URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ApplyUrlError {
    /// Not a URL or path we can read at all.
    Malformed {
        /// Why it cannot be read.
        reason: String,
    },
    /// The path is not `…/v2/domainTemplates/providers/{p}/services/{s}/apply`.
    NotAnApplyPath {
        /// The path as given.
        path: String,
        /// What is wrong with it.
        hint: String,
    },
    /// The query string is longer than accepted.
    TooLong {
        /// Its length in bytes.
        len: usize,
        /// The most accepted ([`super::MAX_QUERY_LEN`]).
        max: usize,
    },
    /// The URL has more parameters than accepted.
    TooManyParams {
        /// How many it has.
        count: usize,
        /// The most accepted ([`super::MAX_PARAMS`]).
        max: usize,
    },
    /// A parameter's percent-encoding does not decode to UTF-8.
    BadEncoding {
        /// The parameter.
        name: String,
    },
    /// A parameter appears more than once.
    Duplicate {
        /// The parameter.
        name: String,
    },
    /// No `domain` parameter, or an empty one.
    MissingDomain {
        /// A `Domain` or other case variant that was given instead, if any.
        hint: Option<String>,
    },
    /// `domain` or `host` is not a DNS name.
    BadName {
        /// `domain` or `host`.
        param: String,
        /// The value as given.
        value: String,
        /// Why it is not a DNS name.
        reason: String,
    },
}

impl fmt::Display for ApplyUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed { reason } => write!(f, "not an apply URL: {reason}"),
            Self::NotAnApplyPath { path, hint } => write!(
                f,
                "{path:?} is not an apply path (…/v2/domainTemplates/providers/{{providerId}}/services/{{serviceId}}/apply){}",
                if hint.is_empty() { String::new() } else { format!(": {hint}") }
            ),
            Self::TooLong { len, max } => write!(f, "the query string is {len} bytes; at most {max} are accepted"),
            Self::TooManyParams { count, max } => write!(f, "the URL has {count} parameters; at most {max} are accepted"),
            Self::BadEncoding { name } => write!(f, "parameter {name:?} is not valid percent-encoded UTF-8"),
            Self::Duplicate { name } => write!(f, "parameter {name:?} appears more than once; which copy applies is ambiguous, so the URL is refused"),
            Self::MissingDomain { hint } => {
                write!(f, "the required parameter \"domain\" is missing or empty{}", hint.as_deref().map(|h| format!(" ({h})")).unwrap_or_default())
            }
            Self::BadName { param, value, reason } => write!(f, "{param}={value:?} is not a DNS name: {reason}"),
        }
    }
}

impl std::error::Error for ApplyUrlError {}
