//! Why a request's signature was not accepted, typed: the screens, the CLI and the
//! engine's `InvalidSignature` carry this, and only `Display` turns it into words.

use super::{KeyHostError, SignatureError};
use serde::{Serialize, Serializer};
use std::fmt;

/// Why a signature was not checked, or did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureProblem {
    /// The template requires a signed request (it names `syncPubKeyDomain`), and the
    /// URL lacks `sig`, `key` or both.
    Unsigned {
        /// The template's `providerId`.
        provider_id: String,
        /// The template's `serviceId`.
        service_id: String,
        /// Its `syncPubKeyDomain`.
        sync_pub_key_domain: String,
        /// The URL has a `sig`.
        has_sig: bool,
        /// The URL has a `key`.
        has_key: bool,
    },
    /// `sig` is there but empty.
    EmptySig,
    /// A signed query given apart from its URL (the suites' `qs`) lacks `qs` or `sig`.
    NoQueryOrSig,
    /// A signed query given apart from its URL has no `key`.
    NoKey,
    /// The key host cannot be built from `key`.
    KeyHost(KeyHostError),
    /// The key cannot be assembled, or the signature does not verify under it.
    Signature(SignatureError),
    /// The key could not be had (the CLI's key files, a lookup that failed).
    KeyUnavailable {
        /// `{key}.{syncPubKeyDomain}`.
        host: String,
        /// What went wrong, as the source said.
        reason: String,
    },
    /// The template does not take signatures (no `syncPubKeyDomain`).
    NotTaken,
}

impl fmt::Display for SignatureProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsigned { provider_id, service_id, sync_pub_key_domain, has_sig, has_key } => {
                let missing = match (has_sig, has_key) {
                    (false, false) => "the URL has neither sig nor key",
                    (false, true) => "the URL has a key but no sig",
                    _ => "the URL has a sig but no key",
                };
                write!(f, "template {provider_id}/{service_id} requires a signed request (syncPubKeyDomain {sync_pub_key_domain}); {missing}")
            }
            Self::EmptySig => write!(f, "the sig parameter is empty"),
            Self::NoQueryOrSig => write!(f, "the template requires a signature and the request has no qs or sig"),
            Self::NoKey => write!(f, "the request has no key"),
            Self::KeyHost(e) => write!(f, "{e}"),
            Self::Signature(e) => write!(f, "{e}"),
            Self::KeyUnavailable { host, reason } => write!(f, "key for {host}: {reason}"),
            Self::NotTaken => write!(f, "the template does not take signatures"),
        }
    }
}

/// Serialized as its sentence (the `reason` of `dconn verify`'s JSON).
impl Serialize for SignatureProblem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl From<SignatureError> for SignatureProblem {
    fn from(e: SignatureError) -> Self {
        Self::Signature(e)
    }
}

impl From<KeyHostError> for SignatureProblem {
    fn from(e: KeyHostError) -> Self {
        Self::KeyHost(e)
    }
}
