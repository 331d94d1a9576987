//! RS256 by the browser's Web Crypto, for the consent page's review: the core decides
//! everything about a key and a signature (fragments, base64, sizes, refusals) and asks
//! only "how many bits" and "does it verify" of an `Rs256`; Web Crypto answers those
//! asynchronously, the review is synchronous, so the answers are fetched first. The
//! core's check is run with what is known; what it asks and is not known is fetched;
//! again, until it asks nothing new (a key's size, then a verification). The consent
//! page then carries no RSA implementation of its own.

use crate::net::js_error;
use domain_connect::review::KeyAnswer;
use domain_connect::signature::{Rs256, SignatureError};
use domain_connect::{verdict, ApplyUrl, Template};
use std::sync::Mutex;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A verification: the key (DER), the signed bytes, the signature.
type Check = (Vec<u8>, Vec<u8>, Vec<u8>);

/// The answers Web Crypto gave, and the questions still open (a `Mutex` only because
/// the core's `Rs256` is `Sync`; the page has one thread).
#[derive(Debug, Default)]
pub struct WebCrypto {
    bits: Vec<(Vec<u8>, Result<usize, SignatureError>)>,
    verified: Vec<(Check, bool)>,
    asked_bits: Mutex<Vec<Vec<u8>>>,
    asked_verify: Mutex<Vec<Check>>,
}

fn take<T>(m: &Mutex<Vec<T>>) -> Vec<T> {
    m.lock().map(|mut v| std::mem::take(&mut *v)).unwrap_or_default()
}

impl Rs256 for WebCrypto {
    fn key_bits(&self, der: &[u8]) -> Result<usize, SignatureError> {
        match self.bits.iter().find(|(d, _)| d == der) {
            Some((_, answer)) => answer.clone(),
            None => {
                if let Ok(mut a) = self.asked_bits.lock() {
                    a.push(der.to_vec());
                }
                Err(SignatureError::KeyNotSpki("not read yet".into()))
            }
        }
    }

    fn verify(&self, der: &[u8], signed: &[u8], sig: &[u8]) -> bool {
        let q = (der.to_vec(), signed.to_vec(), sig.to_vec());
        match self.verified.iter().find(|(k, _)| *k == q) {
            Some((_, ok)) => *ok,
            None => {
                if let Ok(mut a) = self.asked_verify.lock() {
                    a.push(q);
                }
                false
            }
        }
    }
}

fn algorithm() -> js_sys::Object {
    let alg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&alg, &"name".into(), &"RSASSA-PKCS1-v1_5".into());
    let _ = js_sys::Reflect::set(&alg, &"hash".into(), &"SHA-256".into());
    alg
}

/// The key (SubjectPublicKeyInfo DER) imported for verifying, or why it cannot be.
async fn import(der: &[u8]) -> Result<web_sys::CryptoKey, String> {
    let subtle = web_sys::window().ok_or("no window")?.crypto().map_err(|e| js_error(&e))?.subtle();
    let data: js_sys::Object = js_sys::Uint8Array::from(der).unchecked_into();
    let usages = js_sys::Array::of1(&"verify".into());
    let promise = subtle.import_key_with_object("spki", &data, &algorithm(), false, &usages).map_err(|e| js_error(&e))?;
    JsFuture::from(promise).await.map(|k| k.unchecked_into()).map_err(|e| format!("the browser does not take it as an RSA key ({})", js_error(&e)))
}

async fn bits(der: &[u8]) -> Result<usize, SignatureError> {
    let key = import(der).await.map_err(SignatureError::KeyNotSpki)?;
    let alg = key.algorithm().map_err(|e| SignatureError::KeyNotSpki(js_error(&e)))?;
    let n = js_sys::Reflect::get(&alg, &"modulusLength".into()).ok().and_then(|n| n.as_f64());
    n.map(|n| n as usize).ok_or_else(|| SignatureError::KeyNotSpki("its algorithm is not RSA".into()))
}

async fn verify(der: &[u8], signed: &[u8], sig: &[u8]) -> bool {
    let Ok(key) = import(der).await else { return false };
    let Some(subtle) = web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.subtle()) else { return false };
    match subtle.verify_with_object_and_u8_array_and_u8_array(&algorithm(), &key, sig, signed) {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()).unwrap_or(false),
        Err(_) => false,
    }
}

/// What Web Crypto says of the key and signature the core's check of this request
/// asks about (nothing, when no key was found).
pub async fn answers(template: &Template, url: &ApplyUrl, key: &KeyAnswer) -> WebCrypto {
    let mut w = WebCrypto::default();
    let KeyAnswer::Found { txt, .. } = key else { return w };
    // A key's size, then a verification: two rounds at most; a third asks nothing.
    for _ in 0..3 {
        verdict::check_with(&w, template, url, txt);
        let (keys, checks) = (take(&w.asked_bits), take(&w.asked_verify));
        if keys.is_empty() && checks.is_empty() {
            break;
        }
        for der in keys {
            let answer = bits(&der).await;
            w.bits.push((der, answer));
        }
        for (der, signed, sig) in checks {
            let ok = verify(&der, &signed, &sig).await;
            w.verified.push(((der, signed, sig), ok));
        }
    }
    w
}
