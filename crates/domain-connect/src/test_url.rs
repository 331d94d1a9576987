//! A signed test URL for a template, made as its Service Provider would make it: the
//! parameters laid out ([`crate::signature::signing_query`]), the apply path of the template on a
//! DNS provider's base URL, signed, `sig` and `key` appended; with the key host and the
//! TXT strings to publish there. For template authors (the workbench) and tests.

use crate::apply_url::ApplyUrl;
use crate::signature::{key_host, public_txt, sign_url, signing_query, KeyHostError, QueryOrder, SignatureError};
use crate::template::Template;
use std::fmt;

/// A signed test URL and what to publish for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestUrl {
    /// The apply URL, signed.
    pub url: String,
    /// `{key}.{syncPubKeyDomain}`.
    pub key_host: String,
    /// The TXT strings to publish at the key host.
    pub txt: Vec<String>,
}

/// Why no test URL could be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TestUrlError {
    /// The template has no `syncPubKeyDomain`: no DNS provider checks a signature.
    NoSyncPubKeyDomain,
    /// The key label cannot make a key host.
    KeyLabel(KeyHostError),
    /// The private key cannot be read, or cannot sign.
    Key(SignatureError),
}

impl fmt::Display for TestUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSyncPubKeyDomain => write!(f, "this template has no syncPubKeyDomain, so no DNS provider checks a signature: add one to sign"),
            Self::KeyLabel(e) => write!(f, "key label: {e}"),
            Self::Key(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for TestUrlError {}

/// Sign a test URL of `template` on `base` (the DNS provider's `urlSyncUX`) with the
/// parameters given, laid out as `order` says, under `key_label`.
pub fn sign_test_url(
    template: &Template,
    base: &str,
    params: &[(String, String)],
    order: QueryOrder,
    key_label: &str,
    private_key_pem: &str,
) -> Result<TestUrl, TestUrlError> {
    let domain = template.sync_pub_key_domain.as_deref().filter(|d| !d.is_empty()).ok_or(TestUrlError::NoSyncPubKeyDomain)?;
    let key_label = key_label.trim();
    let host = key_host(key_label, domain).map_err(TestUrlError::KeyLabel)?;
    let txt = public_txt(private_key_pem).map_err(TestUrlError::Key)?;
    let query = signing_query(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), order);
    let path = ApplyUrl::path(&template.provider_id, &template.service_id);
    let url = sign_url(&format!("{}{path}?{query}", base.trim().trim_end_matches('/')), private_key_pem, key_label).map_err(TestUrlError::Key)?;
    Ok(TestUrl { url, key_host: host, txt })
}
