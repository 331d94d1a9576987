//! RS256 as a platform computes it ([`Rs256`]): RustCrypto's `rsa` and `sha2` here
//! ([`RustCrypto`]), or a browser's Web Crypto in the consent page, which then carries
//! no RSA implementation. The rest of a key and a signature is `signature`'s.

use super::SignatureError;
use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, RsaPublicKey};
use sha2::{Digest, Sha256};
use std::fmt;

/// RS256 as a platform computes it: [`RustCrypto`] (the CLI, the tools, a provider's
/// backend), or a browser's Web Crypto — so that the consent page need not carry an RSA
/// implementation of its own. Everything else about a key and a signature (fragments,
/// base64, sizes, what is refused) stays here.
pub trait Rs256: fmt::Debug + Sync {
    /// The modulus size, in bits, of the RSA key in a SubjectPublicKeyInfo DER; or why
    /// it is not one ([`SignatureError::KeyNotSpki`]).
    fn key_bits(&self, spki_der: &[u8]) -> Result<usize, SignatureError>;
    /// Whether `sig` is an RS256 signature (PKCS#1 v1.5, SHA-256) of `signed` under the key.
    fn verify(&self, spki_der: &[u8], signed: &[u8], sig: &[u8]) -> bool;
}

/// RS256 by RustCrypto's `rsa` and `sha2`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RustCrypto;

impl Rs256 for RustCrypto {
    fn key_bits(&self, spki_der: &[u8]) -> Result<usize, SignatureError> {
        let key = RsaPublicKey::from_public_key_der(spki_der).map_err(|e| SignatureError::KeyNotSpki(spki_problem(&e)))?;
        Ok(key.n().bits())
    }

    fn verify(&self, spki_der: &[u8], signed: &[u8], sig: &[u8]) -> bool {
        let Ok(key) = RsaPublicKey::from_public_key_der(spki_der) else { return false };
        key.verify(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(signed), sig).is_ok()
    }
}

/// What is wrong with a key's DER, in words of our own: formatting the `der` and
/// `spki` errors would bring every ASN.1 message they know into the consent page.
fn spki_problem(e: &rsa::pkcs8::spki::Error) -> String {
    use rsa::pkcs8::spki::Error;
    match e {
        Error::OidUnknown { .. } => "its algorithm is not RSA".into(),
        Error::KeyMalformed => "the RSA key inside it is malformed".into(),
        Error::Asn1(d) => match d.position() {
            Some(at) => format!("its DER cannot be read at byte {at}"),
            None => "its DER cannot be read".into(),
        },
        _ => "its algorithm identifier is incomplete".into(),
    }
}
