//! The key host: the one label a request's `key` parameter may name under the
//! template's `syncPubKeyDomain`, and the one place `{key}.{syncPubKeyDomain}` is built.

use serde::Serialize;
use std::fmt;

/// Why a `key` parameter cannot name a key host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum KeyHostError {
    /// The `key` parameter is empty.
    Empty,
    /// The `key` parameter is longer than a DNS label.
    TooLong {
        /// Its length.
        len: usize,
    },
    /// The `key` parameter has a dot, so it is not one label.
    HasDot {
        /// The parameter.
        key: String,
    },
    /// The `key` parameter has characters other than letters, digits, `_` and `-`.
    BadCharacters {
        /// The parameter.
        key: String,
    },
    /// The template's `syncPubKeyDomain` is empty.
    NoDomain,
}

impl fmt::Display for KeyHostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the key parameter is empty"),
            Self::TooLong { .. } => write!(f, "the key parameter is longer than one DNS label (63)"),
            Self::HasDot { key } => write!(f, "the key parameter {key:?} contains a dot; it must be one label under syncPubKeyDomain"),
            Self::BadCharacters { key } => write!(f, "the key parameter {key:?} has characters other than letters, digits, '_' and '-'"),
            Self::NoDomain => write!(f, "the template's syncPubKeyDomain is empty"),
        }
    }
}

impl std::error::Error for KeyHostError {}

/// A `key` parameter must be a single label-like name under `syncPubKeyDomain`: no
/// dots (which could climb out of or reach elsewhere in the domain), no `..`, not
/// absolute, only letters, digits, `_` and `-`.
pub fn check_key_host(key: &str) -> Result<(), KeyHostError> {
    if key.is_empty() {
        return Err(KeyHostError::Empty);
    }
    if key.len() > 63 {
        return Err(KeyHostError::TooLong { len: key.len() });
    }
    if key.contains('.') {
        return Err(KeyHostError::HasDot { key: key.to_string() });
    }
    if !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
        return Err(KeyHostError::BadCharacters { key: key.to_string() });
    }
    Ok(())
}

/// The TXT owner a request's key is read from: `{key}.{syncPubKeyDomain}` — the key
/// checked by [`check_key_host`], the domain trimmed, lowercased and without its
/// trailing dot. The one place a key host is built.
pub fn key_host(key: &str, sync_pub_key_domain: &str) -> Result<String, KeyHostError> {
    check_key_host(key)?;
    let domain = sync_pub_key_domain.trim().trim_end_matches('.').to_ascii_lowercase();
    if domain.is_empty() {
        return Err(KeyHostError::NoDomain);
    }
    Ok(format!("{key}.{domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_host_rules() {
        assert!(check_key_host("_dck1").is_ok());
        assert!(check_key_host("../x").is_err());
        assert!(check_key_host("a.b.evil.example.").is_err());
        assert!(check_key_host("").is_err());
    }
}
