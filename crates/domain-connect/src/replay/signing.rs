//! The signature steps of a replay: the key host as built, the public key found there,
//! and the signature over the exact bytes sent — and, when it fails, the other
//! constructions Service Providers commonly sign, tried one by one, so support can tell
//! them precisely what they signed.

use super::{Status, Step, StepId};
use crate::apply_url::ApplyUrl;
use crate::display::visible;
use crate::review::KeyAnswer;
use crate::signature::{self, search, PublicKey, SignatureError};
use crate::template::Template;
use crate::verdict::{SignatureReport, Verdict};

/// The key host, the key and the signature.
pub(super) fn steps(url: &ApplyUrl, sent: &str, t: &Template, key: &KeyAnswer, report: &SignatureReport) -> Vec<Step> {
    let Some(spkd) = t.sync_pub_key_domain.as_deref().filter(|d| !d.is_empty()) else {
        let detail = match (&url.sig, &url.key) {
            (None, None) => "The template has no syncPubKeyDomain and the URL is not signed: no signature is checked.",
            _ => "The template has no syncPubKeyDomain: the URL's sig and key are not checked (and do not vouch for it).",
        };
        return vec![Step::new(StepId::Signature, "Signature", Status::Ok, detail)];
    };
    let mut out = vec![key_host(url, spkd, report)];
    if report.key_host.is_none() {
        return out;
    }
    let host = report.key_host.clone().unwrap_or_default();
    // The key assembled once, for both steps that read it.
    let assembled = match key {
        KeyAnswer::Found { txt, .. } => Some(signature::assemble_key(txt)),
        _ => None,
    };
    out.push(public_key(&host, key, assembled.as_ref()));
    out.push(signature_step(url, sent, t, assembled.as_ref(), report));
    out
}

fn key_host(url: &ApplyUrl, spkd: &str, report: &SignatureReport) -> Step {
    let title = "Key host";
    match (&report.key_host, &report.verdict) {
        (Some(h), _) => Step::new(
            StepId::KeyHost,
            title,
            Status::Ok,
            format!("key={:?} under syncPubKeyDomain {spkd}: the TXT records are read at {h}.", url.key.as_deref().unwrap_or("")),
        ),
        (None, Verdict::Invalid(why)) => {
            let key = url.key.as_deref().unwrap_or("");
            let hint = if key.contains('.') {
                format!(" The key parameter is the label alone (e.g. {:?}); the DNS provider appends {spkd} itself.", key.split('.').next().unwrap_or(""))
            } else {
                String::new()
            };
            Step::new(StepId::KeyHost, title, Status::Fail, format!("The key host cannot be built from key={}: {why}.{hint}", visible(&format!("{key:?}"))))
        }
        (None, v) => Step::new(StepId::KeyHost, title, Status::Fail, format!("{v}.")),
    }
}

fn public_key(host: &str, key: &KeyAnswer, assembled: Option<&Result<PublicKey, SignatureError>>) -> Step {
    let title = "Public key";
    let (txt, source) = match key {
        KeyAnswer::NotAsked => {
            return Step::new(StepId::Key, title, Status::Warn, format!("The TXT records at {host} were not looked up: give them to check the signature."))
        }
        KeyAnswer::Failed { reason } => return Step::new(StepId::Key, title, Status::Fail, format!("The TXT records at {host} could not be read: {reason}.")),
        KeyAnswer::Found { txt, source } => (txt, source),
    };
    let mut step = match assembled {
        None => return Step::new(StepId::Key, title, Status::Warn, format!("The TXT records at {host} were not looked up: give them to check the signature.")),
        Some(Ok(k)) => {
            let ignored = txt.len() - k.fragments.len();
            let mut d = format!(
                "{} TXT record(s) at {host} from {source}: a {}-bit RSA key (RS256) from {} fragment(s), p={}.",
                txt.len(),
                k.bits,
                k.fragments.len(),
                positions(k)
            );
            if ignored > 0 {
                d += &format!(" {ignored} record(s) there are not key fragments and were passed over.");
            }
            Step::new(StepId::Key, title, Status::Ok, d)
        }
        Some(Err(e)) => Step::new(StepId::Key, title, Status::Fail, format!("{} TXT record(s) at {host} from {source}: {e}.", txt.len())),
    };
    for (i, t) in txt.iter().enumerate() {
        let what = if signature::is_key_fragment(t) { "fragment" } else { "not a key fragment" };
        step = step.with(format!("TXT {} ({what}, {} bytes)", i + 1, t.len()), visible(t));
    }
    step
}

fn positions(k: &PublicKey) -> String {
    k.fragments.iter().map(|f| f.p.to_string()).collect::<Vec<_>>().join(",")
}

fn signature_step(url: &ApplyUrl, sent: &str, t: &Template, assembled: Option<&Result<PublicKey, SignatureError>>, report: &SignatureReport) -> Step {
    let known = t.variables(&[]);
    let title = "Signature";
    let signed = &report.signed_bytes;
    let base = |status, detail: String| {
        Step::new(StepId::Signature, title, status, detail).with("Signed bytes (the query as sent, without sig and key)", visible(signed))
    };
    match &report.verdict {
        Verdict::Valid => base(Status::Ok, format!("RS256 over the {} bytes sent verifies.", signed.len())),
        Verdict::NotRequired => base(Status::Ok, "Not required.".into()),
        Verdict::RequiredButMissing(why) => base(Status::Fail, format!("{why}.")),
        Verdict::Invalid(why) => {
            let k = match assembled {
                None => return base(Status::Warn, "Not checked: no public key was read.".into()),
                Some(Err(_)) => return base(Status::Fail, "Cannot be checked: there is no usable public key.".into()),
                Some(Ok(k)) => k,
            };
            let sig = url.sig.as_deref().unwrap_or_default();
            let search = search::search(&url.raw_query, sig, &known, k);
            if let Some(f) = &search.found {
                let mut step = base(
                    Status::Fail,
                    format!("It does not verify over the bytes sent, but it does over {}: the Service Provider signed that and sent something else. A DNS provider checks the query exactly as received.", f.layout),
                )
                .with(format!("What verifies: {}", f.layout), visible(&f.bytes))
                .with("Signature encoding", f.sig_encoding.to_string());
                if !f.unsigned.is_empty() {
                    step = step.with("Parameters the URL carries that were not signed", f.unsigned.join(", "));
                }
                return step.with("What was searched", search.explain());
            }
            // Beyond the layouts: a signature over the query with key (or sig) in it, or
            // over the path too.
            match extra_alternatives(url, sent).into_iter().find(|(_, bytes)| bytes != signed && signature::verify(k, bytes.as_bytes(), sig).is_ok()) {
                Some((name, bytes)) => base(
                    Status::Fail,
                    format!("It does not verify over the bytes sent, but it does over {name}: the Service Provider signed that and sent something else. A DNS provider checks the query exactly as received."),
                )
                .with(format!("What verifies: {name}"), visible(&bytes)),
                None => base(
                    Status::Fail,
                    format!("{why}. None of the other constructions Service Providers sign verifies either (the draft's canonical form, re-encodings, sorted, decoded, parameters added after signing left out, sig encodings, key left in, the path): the key or the values differ from what was signed."),
                )
                .with("What was searched", search.explain()),
            }
        }
    }
}

/// The byte strings some signers sign beyond the parameters themselves, each with its name.
fn extra_alternatives(url: &ApplyUrl, sent: &str) -> Vec<(&'static str, String)> {
    let without = |drop: &str| url.raw_query.split('&').filter(|p| p.split_once('=').map(|(n, _)| n).unwrap_or(p) != drop).collect::<Vec<_>>().join("&");
    let path_and_query = match sent.split_once('?') {
        Some((before, _)) => {
            let path = before.find("/v2/domainTemplates").map(|i| &before[i..]).unwrap_or(before);
            format!("{path}?{}", url.signed_bytes())
        }
        None => String::new(),
    };
    vec![
        ("the query with key still in it (signed after key was added)", without("sig")),
        ("the whole query, sig and key included", url.raw_query.clone()),
        ("the path and query", path_and_query),
    ]
}
