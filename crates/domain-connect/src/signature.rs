//! Signatures of synchronous apply URLs — spec "Digital Signatures" (and
//! `shared/reference/signature-semantics.md`, which records how the reference signers
//! and verifiers behave).
//!
//! * [`signed_bytes`]: the raw query string with every `sig=` and `key=` parameter
//!   removed, nothing else changed (no decoding, re-encoding or re-ordering), so URLs
//!   from every known signer verify, and anything appended after signing breaks the
//!   signature.
//! * [`assemble_key`]: the public key from the TXT records at `{key}.{syncPubKeyDomain}`
//!   (`p=N,a=RS256,t=x509,d=…` fragments, ordered by `p`).
//! * [`verify`]: RSASSA-PKCS1-v1_5 with SHA-256 over the signed bytes.
//! * [`search::search`]: when it does not verify, what the Service Provider signed instead.

use base64::Engine;
use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey};
use rsa::{Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt;

mod canonical;
mod key_host;
mod problem;
mod rs256;
pub mod search;
pub use canonical::{rfc3986_query, signing_query, QueryOrder};
pub use key_host::{check_key_host, key_host, KeyHostError};
pub use problem::SignatureProblem;
pub use rs256::{Rs256, RustCrypto};

/// The bytes a Service Provider signs: the raw query string without its `sig` and
/// `key` parameters (wherever they stand), joined by `&` as they came.
pub fn signed_bytes(raw_query: &str) -> String {
    raw_query
        .split('&')
        .filter(|p| {
            let name = p.split_once('=').map(|(n, _)| n).unwrap_or(p);
            name != "sig" && name != "key"
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// One TXT fragment of a published key, as parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    /// Its position `p`.
    pub p: u32,
    /// `a`, defaulted to RS256.
    pub a: String,
    /// `t`, defaulted to x509.
    pub t: String,
    /// The base64 piece `d`.
    pub d: String,
}

/// The assembled key and what it was made of.
#[derive(Debug, Clone)]
pub struct PublicKey {
    /// The key's SubjectPublicKeyInfo, DER (what the TXT records' `d` fragments carry).
    pub der: Vec<u8>,
    /// The fragments it was assembled from, in `p` order.
    pub fragments: Vec<Fragment>,
    /// Modulus size in bits.
    pub bits: usize,
}

/// Why a key or a signature did not check out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "error", content = "detail", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignatureError {
    /// No TXT record at the key host.
    NoKeyRecords,
    /// TXT records at the key host, none of them a key fragment (how many there are).
    NoKeyFragments(usize),
    /// A TXT string that is not `k=v,k=v…` or lacks `p`/`d` (the string, why).
    BadFragment(String, String),
    /// Two fragments with the same `p`.
    DuplicatePosition(u32),
    /// Fragments `1..n` are not all there (the first missing position).
    MissingPosition(u32),
    /// `a` other than RS256.
    UnsupportedAlgorithm(String),
    /// `t` other than x509.
    UnsupportedKeyType(String),
    /// The joined fragments are not base64.
    KeyNotBase64(String),
    /// The decoded key is not an RSA SubjectPublicKeyInfo.
    KeyNotSpki(String),
    /// The RSA modulus is smaller than 2048 bits (its size).
    KeyTooSmall(usize),
    /// The `sig` value is empty.
    EmptySignature,
    /// The `sig` value is not base64.
    SignatureNotBase64(String),
    /// The signature has the wrong length for the key (its length, the key's).
    SignatureLength(usize, usize),
    /// The signature does not match the signed bytes under this key.
    Mismatch,
    /// A private key that could not be read (for signing).
    BadPrivateKey(String),
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use SignatureError::*;
        match self {
            NoKeyRecords => write!(f, "no TXT records were found at the key host"),
            NoKeyFragments(n) => write!(f, "the {n} TXT record(s) at the key host hold no key fragment (p=…,d=…)"),
            BadFragment(s, why) => write!(f, "TXT record {s:?}: {why}"),
            DuplicatePosition(p) => write!(f, "two TXT records claim position p={p}"),
            MissingPosition(p) => write!(f, "the TXT record for position p={p} is missing"),
            UnsupportedAlgorithm(a) => write!(f, "algorithm a={a:?} is not supported: only \"RS256\", written exactly so"),
            UnsupportedKeyType(t) => write!(f, "key type t={t:?} is not supported: only \"x509\", written exactly so"),
            KeyNotBase64(e) => write!(f, "the joined key is not valid base64: {e}"),
            KeyNotSpki(e) => write!(f, "the key is not an RSA public key (SubjectPublicKeyInfo): {e}"),
            KeyTooSmall(b) => write!(f, "the RSA key has only {b} bits (at least 2048 required)"),
            EmptySignature => write!(f, "the sig parameter is empty"),
            SignatureNotBase64(e) => write!(f, "the sig parameter is not valid base64: {e}"),
            SignatureLength(n, k) => write!(f, "the signature is {n} bytes, but a signature with this key is {k} bytes (truncated or from another key?)"),
            Mismatch => write!(f, "the signature does not match the signed bytes under this key (a parameter was changed, added or re-encoded after signing, or another key signed it)"),
            BadPrivateKey(e) => write!(f, "the private key could not be read: {e}"),
        }
    }
}

impl std::error::Error for SignatureError {}

/// Largest number of fragments we accept (a 4096-bit key needs about four).
const MAX_FRAGMENTS: usize = 64;

/// Parse one TXT string of a published key.
pub fn parse_fragment(txt: &str) -> Result<Fragment, SignatureError> {
    let bad = |why: &str| SignatureError::BadFragment(txt.chars().take(80).collect(), why.to_string());
    let (mut p, mut a, mut t, mut d) = (None, None, None, None);
    for part in txt.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some((k, v)) = part.split_once('=') else { return Err(bad("a field without '='")) };
        let slot = match k.trim() {
            "p" => &mut p,
            "a" => &mut a,
            "t" => &mut t,
            "d" => &mut d,
            _ => continue, // unknown fields are ignored, as the spec leaves room for them
        };
        if slot.is_some() {
            return Err(bad(&format!("field {k} appears twice")));
        }
        *slot = Some(v.trim().to_string());
    }
    let p = p.ok_or_else(|| bad("no p= (position)"))?;
    let p: u32 = p.parse().map_err(|_| bad("p= is not a whole number"))?;
    let d = d.ok_or_else(|| bad("no d= (key data)"))?;
    if d.is_empty() {
        return Err(bad("d= is empty"));
    }
    Ok(Fragment { p, a: a.unwrap_or_else(|| "RS256".into()), t: t.unwrap_or_else(|| "x509".into()), d })
}

/// Whether a TXT string is meant as a key fragment: it has both a `p=` and a `d=`
/// field. Anything else at the key host (an SPF string, a verification token) is
/// ignored, as the reference engine ignores it, rather than failing the key.
pub fn is_key_fragment(txt: &str) -> bool {
    let has = |name: &str| txt.split(',').any(|part| part.split_once('=').is_some_and(|(k, _)| k.trim() == name));
    has("p") && has("d")
}

/// Assemble the public key from the TXT strings at the key host (any order; each
/// element one TXT record with its character-strings already joined). Strings that
/// are not key fragments ([`is_key_fragment`]) are skipped; `a` and `t` must be
/// written exactly `RS256` and `x509` (or left out).
pub fn assemble_key(txt_records: &[String]) -> Result<PublicKey, SignatureError> {
    assemble_key_with(&RustCrypto, txt_records)
}

/// [`assemble_key`], the key read by `rs`.
pub fn assemble_key_with(rs: &dyn Rs256, txt_records: &[String]) -> Result<PublicKey, SignatureError> {
    if txt_records.is_empty() {
        return Err(SignatureError::NoKeyRecords);
    }
    let fragments: Vec<&String> = txt_records.iter().filter(|t| is_key_fragment(t)).collect();
    if fragments.is_empty() {
        return Err(SignatureError::NoKeyFragments(txt_records.len()));
    }
    if fragments.len() > MAX_FRAGMENTS {
        return Err(SignatureError::BadFragment(format!("{} records", fragments.len()), "too many TXT records for a key".into()));
    }
    let mut frags = fragments.iter().map(|t| parse_fragment(t)).collect::<Result<Vec<_>, _>>()?;
    frags.sort_by_key(|f| f.p);
    for w in frags.windows(2) {
        if w[0].p == w[1].p {
            return Err(SignatureError::DuplicatePosition(w[0].p));
        }
    }
    let first = frags[0].p;
    for (i, f) in frags.iter().enumerate() {
        let want = first + i as u32;
        if f.p != want {
            return Err(SignatureError::MissingPosition(want));
        }
    }
    if first > 1 {
        return Err(SignatureError::MissingPosition(1));
    }
    for f in &frags {
        if f.a != "RS256" {
            return Err(SignatureError::UnsupportedAlgorithm(f.a.clone()));
        }
        if f.t != "x509" {
            return Err(SignatureError::UnsupportedKeyType(f.t.clone()));
        }
    }
    let b64: String = frags.iter().flat_map(|f| f.d.chars().filter(|c| !c.is_whitespace())).collect();
    let der = base64::engine::general_purpose::STANDARD.decode(b64.as_bytes()).map_err(|e| SignatureError::KeyNotBase64(e.to_string()))?;
    let bits = rs.key_bits(&der)?;
    if bits < 2048 {
        return Err(SignatureError::KeyTooSmall(bits));
    }
    Ok(PublicKey { der, fragments: frags, bits })
}

/// Decode a `sig` value (already percent-decoded). A `+` that became a space on the
/// way (form decoding of an unencoded sig) is put back.
pub fn decode_sig(sig: &str) -> Result<Vec<u8>, SignatureError> {
    let cleaned: String = sig.trim().replace(' ', "+");
    if cleaned.is_empty() {
        return Err(SignatureError::EmptySignature);
    }
    base64::engine::general_purpose::STANDARD.decode(cleaned.as_bytes()).map_err(|e| SignatureError::SignatureNotBase64(e.to_string()))
}

/// Verify RS256 over `signed` with the key.
pub fn verify(key: &PublicKey, signed: &[u8], sig: &str) -> Result<(), SignatureError> {
    verify_bytes(key, signed, &decode_sig(sig)?)
}

/// Verify RS256 over `signed` with the key, the signature already decoded.
pub fn verify_bytes(key: &PublicKey, signed: &[u8], sig: &[u8]) -> Result<(), SignatureError> {
    verify_bytes_with(&RustCrypto, key, signed, sig)
}

/// [`verify`], computed by `rs`.
pub fn verify_with(rs: &dyn Rs256, key: &PublicKey, signed: &[u8], sig: &str) -> Result<(), SignatureError> {
    verify_bytes_with(rs, key, signed, &decode_sig(sig)?)
}

/// [`verify_bytes`], computed by `rs`.
pub fn verify_bytes_with(rs: &dyn Rs256, key: &PublicKey, signed: &[u8], sig: &[u8]) -> Result<(), SignatureError> {
    let size = key.bits.div_ceil(8);
    if sig.len() != size {
        return Err(SignatureError::SignatureLength(sig.len(), size));
    }
    match rs.verify(&key.der, signed, sig) {
        true => Ok(()),
        false => Err(SignatureError::Mismatch),
    }
}

/// Sign `data` with a PKCS#8 PEM private key; returns standard base64.
pub fn sign(private_key_pem: &str, data: &[u8]) -> Result<String, SignatureError> {
    let key = private_key(private_key_pem)?;
    let digest = Sha256::digest(data);
    let sig = key.sign(Pkcs1v15Sign::new::<Sha256>(), &digest).map_err(|e| SignatureError::BadPrivateKey(e.to_string()))?;
    Ok(base64::engine::general_purpose::STANDARD.encode(sig))
}

/// A private key from PEM, PKCS#8 or PKCS#1.
fn private_key(pem: &str) -> Result<RsaPrivateKey, SignatureError> {
    RsaPrivateKey::from_pkcs8_pem(pem.trim())
        .or_else(|_| {
            use rsa::pkcs1::DecodeRsaPrivateKey;
            RsaPrivateKey::from_pkcs1_pem(pem.trim())
        })
        .map_err(|e| SignatureError::BadPrivateKey(e.to_string()))
}

/// The TXT strings to publish for the public half of a private key (PEM).
pub fn public_txt(private_key_pem: &str) -> Result<Vec<String>, SignatureError> {
    Ok(txt_fragments(&private_key(private_key_pem)?.to_public_key()))
}

/// A new RSA-2048 key pair for a Service Provider: the private key as PKCS#8 PEM and
/// the TXT strings to publish. The caller supplies the randomness.
pub fn generate_key<R: rsa::rand_core::CryptoRngCore>(rng: &mut R) -> Result<(String, Vec<String>), SignatureError> {
    use rsa::pkcs8::EncodePrivateKey;
    let key = RsaPrivateKey::new(rng, 2048).map_err(|e| SignatureError::BadPrivateKey(e.to_string()))?;
    let pem = key.to_pkcs8_pem(rsa::pkcs8::LineEnding::LF).map_err(|e| SignatureError::BadPrivateKey(e.to_string()))?.to_string();
    Ok((pem, txt_fragments(&key.to_public_key())))
}

/// Sign an apply URL: any `sig`/`key` already there are dropped, the remaining query is
/// signed as it stands (no re-encoding), and `&sig=…&key=…` are appended, `sig` URL-encoded.
pub fn sign_url(url: &str, private_key_pem: &str, key_host: &str) -> Result<String, SignatureError> {
    check_key_host(key_host).map_err(|e| SignatureError::BadPrivateKey(format!("key host: {e}")))?;
    let (base, fragment) = url.split_once('#').unwrap_or((url, ""));
    let _ = fragment;
    let (path, query) = base.split_once('?').unwrap_or((base, ""));
    let signed = signed_bytes(query);
    let sig = sign(private_key_pem, signed.as_bytes())?;
    let sig_enc: String = form_urlencoded::byte_serialize(sig.as_bytes()).collect();
    let sep = if signed.is_empty() { "" } else { "&" };
    Ok(format!("{path}?{signed}{sep}sig={sig_enc}&key={key_host}"))
}

/// The TXT strings a Service Provider publishes for a public key: `p=1,a=RS256,d=…`,
/// each short enough for one 255-byte character-string.
pub fn txt_fragments(public_key: &RsaPublicKey) -> Vec<String> {
    let der = public_key.to_public_key_der().map(|d| d.as_bytes().to_vec()).unwrap_or_default();
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let chunk = 200;
    b64.as_bytes().chunks(chunk).enumerate().map(|(i, c)| format!("p={},a=RS256,t=x509,d={}", i + 1, String::from_utf8_lossy(c))).collect()
}

/// One TXT record in presentation form — one or more quoted strings (`"a" "b"`, with
/// `\` escapes), or a bare string — as the text of its strings joined.
pub fn join_txt_strings(record: &str) -> String {
    let t = record.trim();
    if !t.starts_with('"') {
        return t.to_string();
    }
    let mut out = String::new();
    let mut inside = false;
    let mut chars = t.chars();
    while let Some(c) = chars.next() {
        match (c, inside) {
            ('"', _) => inside = !inside,
            ('\\', true) => out.extend(chars.next()),
            (c, true) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Parse the TXT lines of a file as `dig +short` prints them: one record per line,
/// each record one or more quoted strings (joined), or a bare string; `#` comments.
pub fn parse_txt_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !(l.is_empty() || l.starts_with('#') || l.starts_with(';'))).map(join_txt_strings).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_bytes_remove_sig_and_key_anywhere() {
        assert_eq!(signed_bytes("a=1&sig=x&b=2&key=k"), "a=1&b=2");
        assert_eq!(signed_bytes("sig=x&key=k&a=1"), "a=1");
        assert_eq!(signed_bytes("a=1&sig=x&key=k&state=appended"), "a=1&state=appended");
        assert_eq!(signed_bytes("a=%20+b&signature=1"), "a=%20+b&signature=1");
    }

    #[test]
    fn fragments_default_and_reject() {
        let f = parse_fragment("p=2,d=abc").unwrap();
        assert_eq!((f.p, f.a.as_str(), f.t.as_str()), (2, "RS256", "x509"));
        assert!(parse_fragment("a=RS256,d=abc").is_err());
        assert!(parse_fragment("p=x,d=abc").is_err());
        assert!(matches!(assemble_key(&["p=1,a=ES256,d=abc".into()]), Err(SignatureError::UnsupportedAlgorithm(_))));
        assert!(matches!(assemble_key(&["p=1,d=a".into(), "p=1,d=b".into()]), Err(SignatureError::DuplicatePosition(1))));
        assert!(matches!(assemble_key(&["p=1,d=a".into(), "p=3,d=b".into()]), Err(SignatureError::MissingPosition(2))));
        assert!(matches!(assemble_key(&[]), Err(SignatureError::NoKeyRecords)));
        // A near miss of a=/t= is not the value the spec writes.
        assert_eq!(assemble_key(&["p=1,a=rs256,d=abc".into()]).unwrap_err(), SignatureError::UnsupportedAlgorithm("rs256".into()));
        assert_eq!(assemble_key(&["p=1,t=X509,d=abc".into()]).unwrap_err(), SignatureError::UnsupportedKeyType("X509".into()));
        // What is not a fragment at all is passed over; with nothing else, that is said.
        let others = ["v=spf1 include:_spf.example.net ~all".to_string(), "google-site-verification=abc".into()];
        assert_eq!(assemble_key(&others).unwrap_err(), SignatureError::NoKeyFragments(2));
        assert!(is_key_fragment("p=1,a=RS256,d=abc") && !is_key_fragment(&others[0]) && !is_key_fragment("p=1"));
    }

    #[test]
    fn txt_lines() {
        assert_eq!(parse_txt_lines("\"p=1,\" \"d=ab\"\n# c\np=2,d=cd\n"), vec!["p=1,d=ab".to_string(), "p=2,d=cd".to_string()]);
    }
}
