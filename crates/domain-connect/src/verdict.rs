//! The signature verdict of an apply request — spec "Digital Signatures" and the
//! template's `syncPubKeyDomain` — with every step recorded so a screen (or support
//! staff) can see which key host was asked, what came back and why it failed.
//!
//! The caller does the lookup: [`key_host`] names the TXT owner to query (if any), and
//! [`check`] takes the TXT strings that came back.

use crate::apply::SignatureGate;
use crate::apply_url::ApplyUrl;
use crate::signature::{self, Fragment, SignatureProblem};
use crate::template::Template;
use serde::Serialize;

/// The outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", content = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// Signed, and the signature verifies under the published key.
    Valid,
    /// Signed, but it does not verify (or the key cannot be used).
    Invalid(SignatureProblem),
    /// The template has no `syncPubKeyDomain`: signatures are not checked.
    NotRequired,
    /// The template requires a signature and the URL has no `sig` or no `key`.
    RequiredButMissing(SignatureProblem),
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Verdict::Valid => write!(f, "the signature verifies"),
            Verdict::Invalid(r) => write!(f, "the signature does not verify: {r}"),
            Verdict::NotRequired => write!(f, "this template does not use signatures"),
            Verdict::RequiredButMissing(r) => write!(f, "a signature is required: {r}"),
        }
    }
}

/// What was checked, step by step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureReport {
    /// The outcome.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// `{key}.{syncPubKeyDomain}`, when it was asked.
    pub key_host: Option<String>,
    /// The TXT strings that came back, as given.
    pub txt: Vec<String>,
    /// The fragments used, in `p` order.
    pub fragments: Vec<Fragment>,
    /// The key's algorithm (`RS256`), when a key was assembled.
    pub algorithm: Option<String>,
    /// The key's modulus size in bits.
    pub modulus_bits: Option<usize>,
    /// The exact bytes the signature covers.
    pub signed_bytes: String,
    /// Human-readable steps, in order.
    pub steps: Vec<String>,
}

impl SignatureReport {
    /// How the engine should treat the request.
    pub fn gate(&self) -> SignatureGate {
        match &self.verdict {
            Verdict::Valid => SignatureGate::Verified,
            Verdict::NotRequired => SignatureGate::NotVerified(SignatureProblem::NotTaken),
            Verdict::Invalid(r) | Verdict::RequiredButMissing(r) => SignatureGate::NotVerified(r.clone()),
        }
    }
    /// Signed, and the signature verifies.
    pub fn is_valid(&self) -> bool {
        self.verdict == Verdict::Valid
    }
}

/// The TXT owner to query for this request's key, or why none is queried.
pub fn key_host(template: &Template, url: &ApplyUrl) -> Result<String, Verdict> {
    let Some(domain) = template.sync_pub_key_domain.as_deref().filter(|d| !d.trim().is_empty()) else {
        return Err(Verdict::NotRequired);
    };
    let (Some(sig), Some(key)) = (url.sig.as_deref(), url.key.as_deref()) else {
        return Err(Verdict::RequiredButMissing(SignatureProblem::Unsigned {
            provider_id: template.provider_id.clone(),
            service_id: template.service_id.clone(),
            sync_pub_key_domain: domain.to_string(),
            has_sig: url.sig.is_some(),
            has_key: url.key.is_some(),
        }));
    };
    if sig.is_empty() {
        return Err(Verdict::RequiredButMissing(SignatureProblem::EmptySig));
    }
    signature::key_host(key, domain).map_err(|e| Verdict::Invalid(e.into()))
}

/// The key host of a signed query given apart from its URL — the compliance suites'
/// `qs`, `sig` and `key` — or why no key is looked up (the gate to use then).
pub fn query_key_host(template: &Template, key: Option<&str>) -> Result<String, SignatureGate> {
    if !template.requires_signature() {
        return Err(SignatureGate::Ignore);
    }
    let key = key.filter(|k| !k.is_empty()).ok_or(SignatureGate::NotVerified(SignatureProblem::NoKey))?;
    signature::key_host(key, template.sync_pub_key_domain.as_deref().unwrap_or("")).map_err(|e| SignatureGate::NotVerified(e.into()))
}

/// Settle the signature of such a query: `sig` over the signed bytes of `qs`, under
/// the key assembled from `txt` (the records at [`query_key_host`]).
pub fn query_gate(qs: Option<&str>, sig: Option<&str>, txt: &[String]) -> SignatureGate {
    let (Some(qs), Some(sig)) = (qs.filter(|s| !s.is_empty()), sig.filter(|s| !s.is_empty())) else {
        return SignatureGate::NotVerified(SignatureProblem::NoQueryOrSig);
    };
    match signature::assemble_key(txt).and_then(|key| signature::verify(&key, signature::signed_bytes(qs).as_bytes(), sig)) {
        Ok(()) => SignatureGate::Verified,
        Err(e) => SignatureGate::NotVerified(e.into()),
    }
}

/// Check the request's signature against the TXT strings found at [`key_host`].
pub fn check(template: &Template, url: &ApplyUrl, txt: &[String]) -> SignatureReport {
    check_with(&signature::RustCrypto, template, url, txt)
}

/// [`check`], RS256 computed by `rs` (a browser's Web Crypto, say).
pub fn check_with(rs: &dyn signature::Rs256, template: &Template, url: &ApplyUrl, txt: &[String]) -> SignatureReport {
    let mut report = SignatureReport {
        verdict: Verdict::NotRequired,
        key_host: None,
        txt: txt.to_vec(),
        fragments: Vec::new(),
        algorithm: None,
        modulus_bits: None,
        signed_bytes: url.signed_bytes(),
        steps: Vec::new(),
    };
    let host = match key_host(template, url) {
        Ok(h) => h,
        Err(v) => {
            report.steps.push(match &v {
                Verdict::NotRequired => "the template has no syncPubKeyDomain: no signature is checked".into(),
                Verdict::Invalid(r) | Verdict::RequiredButMissing(r) => r.to_string(),
                Verdict::Valid => unreachable!("key_host never returns Valid"),
            });
            report.verdict = v;
            return report;
        }
    };
    report.steps.push(format!("asked for the TXT records at {host}"));
    report.steps.push(format!("{} TXT record(s) came back", txt.len()));
    report.key_host = Some(host);
    report.steps.push(format!("signed bytes: the query without sig and key ({} bytes)", report.signed_bytes.len()));
    let key = match signature::assemble_key_with(rs, txt) {
        Ok(k) => k,
        Err(e) => {
            report.steps.push(format!("key not usable: {e}"));
            report.verdict = Verdict::Invalid(e.into());
            return report;
        }
    };
    report.fragments = key.fragments.clone();
    report.algorithm = Some("RS256".into());
    report.modulus_bits = Some(key.bits);
    report.steps.push(format!("assembled a {}-bit RSA key from {} fragment(s), ordered by p", key.bits, key.fragments.len()));
    let sig = url.sig.as_deref().unwrap_or_default();
    match signature::verify_with(rs, &key, report.signed_bytes.as_bytes(), sig) {
        Ok(()) => {
            report.steps.push("RS256 (PKCS#1 v1.5, SHA-256): the signature verifies".into());
            report.verdict = Verdict::Valid;
        }
        Err(e) => {
            report.steps.push(format!("RS256 check failed: {e}"));
            report.verdict = Verdict::Invalid(e.into());
        }
    }
    report
}

/// What else the screen must know about a request besides its signature — spec
/// "Template Definition" (`syncBlock`, `warnPhishing`, `sharedProviderName`,
/// `sharedServiceName`) and the apply URL's name/value pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestFlags {
    /// The template may not be applied through the synchronous flow at all.
    pub sync_blocked: bool,
    /// Show the phishing caution: the request is not signed and verified. The IETF
    /// draft (-04, §11) deprecates `warnPhishing` and treats every unsigned request as
    /// possibly crafted, so the template's flag no longer decides it.
    pub phishing_warning: bool,
    /// The template's `logoUrl` when it is an `https:` URL (anything else is not shown,
    /// and says so in `ignored`; the draft allows only https logos).
    pub logo_url: Option<String>,
    /// The labels of the request's host that start with `_` (`_dmarc`,
    /// `_acme-challenge`): names that hold settings for a service, not a web site.
    pub service_labels: Vec<String>,
    /// `providerName`/`serviceName` from the URL, when the template allows them.
    pub provider_name_extra: Option<String>,
    /// `serviceName` from the URL, when the template allows it.
    pub service_name_extra: Option<String>,
    /// Why a URL parameter is ignored (e.g. providerName without sharedProviderName).
    pub ignored: Vec<String>,
    /// Variables the template uses that the URL does not give.
    pub missing_variables: Vec<String>,
    /// Parameters the URL gives that the template does not use (harmless; shown).
    pub unused_variables: Vec<String>,
}

/// `https://` followed by a host, with nothing a browser would read differently
/// (whitespace, controls, a backslash).
fn is_https_url(url: &str) -> bool {
    let rest = match url.get(..8) {
        Some(scheme) if scheme.eq_ignore_ascii_case("https://") => &url[8..],
        _ => return false,
    };
    !rest.is_empty() && !rest.starts_with(['/', '?', '#']) && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

/// Evaluate the template's flags for this request and its signature report.
pub fn flags(template: &Template, url: &ApplyUrl, report: &SignatureReport) -> RequestFlags {
    let verified = report.is_valid();
    let used = template.variables(&url.group_ids);
    let missing_variables: Vec<String> = used.iter().filter(|v| url.variables.get(v).is_none()).cloned().collect();
    let unused_variables: Vec<String> =
        url.variables.iter().map(|(k, _)| k.to_string()).filter(|k| !used.contains(k) && k != crate::apply_url::KEY_PARAM).collect();
    let mut ignored = Vec::new();
    let shared_provider = template.shared_provider_name == Some(true) || template.shared == Some(true);
    let shared_service = template.shared_service_name == Some(true);
    let provider_name_extra = match (&url.provider_name, shared_provider) {
        (Some(n), true) => Some(n.clone()),
        (Some(_), false) => {
            ignored.push("providerName: the template does not set sharedProviderName".into());
            None
        }
        _ => None,
    };
    let service_name_extra = match (&url.service_name, shared_service) {
        (Some(n), true) => Some(n.clone()),
        (Some(_), false) => {
            ignored.push("serviceName: the template does not set sharedServiceName".into());
            None
        }
        _ => None,
    };
    let logo_url = match template.logo_url.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) if is_https_url(l) => Some(l.to_string()),
        Some(_) => {
            ignored.push("logoUrl: not an https URL, so no logo is shown".into());
            None
        }
        None => None,
    };
    let service_labels = url.host_ascii().split('.').filter(|l| l.starts_with('_')).map(String::from).collect();
    RequestFlags {
        sync_blocked: template.sync_block == Some(true),
        phishing_warning: !verified,
        logo_url,
        service_labels,
        provider_name_extra,
        service_name_extra,
        ignored,
        missing_variables,
        unused_variables,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(p: &str) -> String {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(p)).unwrap()
    }
    const SIG: &str = "LyCE%2B7H0zr%2FXHaxX36pdD1eSQENRiGTFxm79m7A5NLDPiUKLe71IrsEgnDLN76ndQcLTZlr4%2BHhpWzKZKyFl9ieEpNzZlDHRp35H83Erhm0eDctUmI1Zct51alZ8RuTL%2Baa29WC%2BAM7%2BgSpnL%2FAHl9mxckyeEuFFqXcl%2F3ShwK2F9x%2F7r%2BcICefiUEzsZN3EuqOvwqQkBSqcdVy%2FohjNAG%2FInYAYSX%2B0fUK9UNQfQYkuPqOAptPRjX%2BhUnYsXUk%2FeQq16aX7TzhZm%2BeEq%2BEn%2BoiEgh7qps1yvGbJm6QXKovan%2Fsqng40R6FBP3R3dvfZC6QrfCUtGpQ8c0D0S5oLBw%3D%3D";

    fn setup(extra: &str) -> (Template, ApplyUrl, Vec<String>) {
        let t = Template::from_json(&shared("conformance/templates/exampleservice.domainconnect.org.template2.json")).unwrap();
        let u = ApplyUrl::parse(&format!(
            "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar{extra}"
        ))
        .unwrap();
        let txt = signature::parse_txt_lines(&shared("exampleservice-keys/_dck1.exampleservice.domainconnect.org.txt"));
        (t, u, txt)
    }

    #[test]
    fn the_exampleservice_signature_is_valid_with_steps() {
        let (t, u, txt) = setup(&format!("&sig={SIG}&key=_dck1"));
        let r = check(&t, &u, &txt);
        assert_eq!(r.verdict, Verdict::Valid, "{r:?}");
        assert_eq!(r.key_host.as_deref(), Some("_dck1.exampleservice.domainconnect.org"));
        assert_eq!(r.modulus_bits, Some(2048));
        assert_eq!(r.fragments.len(), 3);
        assert_eq!(r.signed_bytes, "domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar");
        assert!(r.gate() == SignatureGate::Verified);
    }

    /// The platform is asked only how many bits a key has and whether a signature
    /// verifies; what it answers decides, and the rest is the core's (the consent page's
    /// Web Crypto answers stand in for RustCrypto's).
    #[test]
    fn rs256_is_asked_only_the_keys_size_and_the_verification() {
        #[derive(Debug)]
        struct Says(Result<usize, signature::SignatureError>, bool, std::sync::Mutex<Vec<usize>>);
        impl signature::Rs256 for Says {
            fn key_bits(&self, der: &[u8]) -> Result<usize, signature::SignatureError> {
                assert_eq!(signature::RustCrypto.key_bits(der), Ok(2048), "the key's DER as the TXT records carry it");
                self.0.clone()
            }
            fn verify(&self, der: &[u8], signed: &[u8], sig: &[u8]) -> bool {
                self.2.lock().unwrap().push(sig.len());
                assert!(signature::RustCrypto.verify(der, signed, sig));
                self.1
            }
        }
        let (t, u, txt) = setup(&format!("&sig={SIG}&key=_dck1"));
        let yes = Says(Ok(2048), true, Default::default());
        assert_eq!(check_with(&yes, &t, &u, &txt).verdict, Verdict::Valid);
        assert_eq!(*yes.2.lock().unwrap(), [256]);
        let no = Says(Ok(2048), false, Default::default());
        assert!(matches!(check_with(&no, &t, &u, &txt).verdict, Verdict::Invalid(r) if r.to_string().contains("does not match")));
        // A key the platform finds small is refused before any verification.
        let small = Says(Ok(1024), true, Default::default());
        assert!(matches!(check_with(&small, &t, &u, &txt).verdict, Verdict::Invalid(r) if r.to_string().contains("1024")));
        assert!(small.2.lock().unwrap().is_empty());
    }

    #[test]
    fn tampering_missing_and_bad_keys_are_explained() {
        let (t, u, txt) = setup(&format!("&sig={SIG}&key=_dck1&IP2=6.6.6.6"));
        assert!(matches!(check(&t, &u, &txt).verdict, Verdict::Invalid(r) if r.to_string().contains("does not match")));
        let (t, u, txt) = setup("");
        assert!(matches!(check(&t, &u, &txt).verdict, Verdict::RequiredButMissing(r) if r.to_string().contains("neither sig nor key")));
        let (t, u, _) = setup(&format!("&sig={SIG}&key=_dck1"));
        assert!(matches!(check(&t, &u, &[]).verdict, Verdict::Invalid(r) if r.to_string().contains("no TXT records")));
        let (t, u, txt) = setup(&format!("&sig={SIG}&key=_dck1.evil.example"));
        assert!(matches!(check(&t, &u, &txt).verdict, Verdict::Invalid(r) if r.to_string().contains("dot")));
        let (mut t, u, txt) = setup(&format!("&sig={SIG}&key=_dck1"));
        t.sync_pub_key_domain = None;
        assert_eq!(check(&t, &u, &txt).verdict, Verdict::NotRequired);
    }

    #[test]
    fn flags_phishing_sharing_and_variables() {
        let (t, u, txt) = setup(&format!("&sig={SIG}&key=_dck1"));
        let f = flags(&t, &u, &check(&t, &u, &txt));
        assert!(!f.phishing_warning && f.missing_variables.is_empty() && f.unused_variables.is_empty(), "verified: {f:?}");
        // Anything added to a signed URL breaks the signature, so the warning is back.
        let (t, u, txt) = setup(&format!("&sig={SIG}&key=_dck1&providerName=Reseller&EXTRA=1"));
        let f = flags(&t, &u, &check(&t, &u, &txt));
        assert!(f.phishing_warning);
        assert_eq!(f.unused_variables, ["EXTRA"]);
        assert_eq!(f.provider_name_extra, None);
        assert!(f.ignored[0].contains("sharedProviderName"));
        let (mut t, u, _) = setup("&providerName=Reseller");
        t.sync_pub_key_domain = None;
        t.shared_provider_name = Some(true);
        let f = flags(&t, &u, &check(&t, &u, &[]));
        assert!(f.phishing_warning, "unsigned");
        assert_eq!(f.provider_name_extra.as_deref(), Some("Reseller"));
        let (t, u, _) = setup("");
        let u2 = ApplyUrl::parse(&format!("/v2/domainTemplates/providers/p/services/s/apply?{}", u.raw_query.replace("&IP=132.148.25.185", ""))).unwrap();
        assert_eq!(flags(&t, &u2, &check(&t, &u2, &[])).missing_variables, ["IP"]);
        // With groupId given, records without a groupId still apply (as in the engine).
        let g = Template::from_json(
            r#"{"providerId":"p","serviceId":"s","records":[{"type":"A","host":"@","pointsTo":"%IP%","ttl":1},
               {"type":"TXT","host":"@","data":"%A%","ttl":1,"groupId":"a"},{"type":"TXT","host":"@","data":"%B%","ttl":1,"groupId":"b"}]}"#,
        )
        .unwrap();
        let gu = ApplyUrl::parse("/v2/domainTemplates/providers/p/services/s/apply?domain=a.com&groupId=a&B=1").unwrap();
        let f = flags(&g, &gu, &check(&g, &gu, &[]));
        assert_eq!((f.missing_variables, f.unused_variables), (vec!["IP".to_string(), "A".to_string()], vec!["B".to_string()]));
        // Unsigned and without variables: still the caution (draft-04 §11).
        let plain = Template::from_json(r#"{"providerId":"p","serviceId":"s","records":[{"type":"TXT","host":"@","data":"x","ttl":1}]}"#).unwrap();
        let pu = ApplyUrl::parse("/v2/domainTemplates/providers/p/services/s/apply?domain=a.com&host=_dmarc.mail").unwrap();
        let f = flags(&plain, &pu, &check(&plain, &pu, &[]));
        assert!(f.phishing_warning);
        assert_eq!(f.service_labels, ["_dmarc"]);
    }

    #[test]
    fn logo_only_from_https() {
        let (mut t, u, _) = setup("");
        for (logo, shown) in [
            ("https://sp.example/logo.png", true),
            ("HTTPS://sp.example/l.svg", true),
            ("http://sp.example/logo.png", false),
            ("javascript:alert(1)", false),
            ("https:///logo.png", false),
            ("https://sp.example/a b.png", false),
            ("//sp.example/logo.png", false),
        ] {
            t.logo_url = Some(logo.into());
            let f = flags(&t, &u, &check(&t, &u, &[]));
            assert_eq!(f.logo_url.is_some(), shown, "{logo}");
            assert_eq!(f.ignored.iter().any(|i| i.starts_with("logoUrl")), !shown, "{logo}");
        }
    }
}
