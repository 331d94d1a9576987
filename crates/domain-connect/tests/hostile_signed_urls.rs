//! Hostile variations of a genuinely signed apply URL (exampleservice's, verified
//! against its published key): every one is refused — by the URL parser, the
//! signature verdict or the redirect policy — with a specific reason.

use domain_connect::return_uri::{self as redirect, ReturnTo};
use domain_connect::verdict::{self, Verdict};
use domain_connect::{signature, ApplyUrl, Template};

mod common;

const PATH: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply";
const Q: &str = "domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar";
const SIG: &str = "LyCE%2B7H0zr%2FXHaxX36pdD1eSQENRiGTFxm79m7A5NLDPiUKLe71IrsEgnDLN76ndQcLTZlr4%2BHhpWzKZKyFl9ieEpNzZlDHRp35H83Erhm0eDctUmI1Zct51alZ8RuTL%2Baa29WC%2BAM7%2BgSpnL%2FAHl9mxckyeEuFFqXcl%2F3ShwK2F9x%2F7r%2BcICefiUEzsZN3EuqOvwqQkBSqcdVy%2FohjNAG%2FInYAYSX%2B0fUK9UNQfQYkuPqOAptPRjX%2BhUnYsXUk%2FeQq16aX7TzhZm%2BeEq%2BEn%2BoiEgh7qps1yvGbJm6QXKovan%2Fsqng40R6FBP3R3dvfZC6QrfCUtGpQ8c0D0S5oLBw%3D%3D";

/// The outcome of one URL: Ok(()) if everything passes, or the first refusal's reason.
fn judge(query: &str, template: &Template, txt: &[String]) -> Result<(), String> {
    let url = ApplyUrl::from_parts(PATH, query).map_err(|e| format!("url: {e}"))?;
    let report = verdict::check(template, &url, txt);
    match &report.verdict {
        Verdict::Valid => {}
        Verdict::Invalid(r) | Verdict::RequiredButMissing(r) => return Err(format!("signature: {r}")),
        other => return Err(format!("{other}")),
    }
    if let ReturnTo::Refused { reason, .. } = redirect::decide(template, &url, true) {
        return Err(format!("redirect: {reason}"));
    }
    Ok(())
}

#[test]
fn the_genuine_url_passes() {
    let t = Template::from_json(&common::shared_text("conformance/templates/exampleservice.domainconnect.org.template2.json")).unwrap();
    let txt = signature::parse_txt_lines(&common::shared_text("exampleservice-keys/_dck1.exampleservice.domainconnect.org.txt"));
    assert_eq!(judge(&format!("{Q}&sig={SIG}&key=_dck1"), &t, &txt), Ok(()));
    // Other TXT at the key host (SPF, a verification token) is passed over, not a failure.
    let mut crowded = vec!["v=spf1 -all".to_string()];
    crowded.extend(txt.iter().cloned());
    crowded.push("google-site-verification=abc123".into());
    assert_eq!(judge(&format!("{Q}&sig={SIG}&key=_dck1"), &t, &crowded), Ok(()));
    // sig and key may stand anywhere: they are removed wherever they are.
    assert_eq!(judge(&format!("sig={SIG}&key=_dck1&{Q}"), &t, &txt), Ok(()));
    // A sig left unencoded (its '+' read as spaces) or with '+' sent as %20 is still the
    // same signature (the sig is not among the signed bytes): spaces are read back as '+'.
    let raw_sig = SIG.replace("%2B", "+").replace("%2F", "/").replace("%3D", "=");
    assert_eq!(judge(&format!("{Q}&sig={raw_sig}&key=_dck1"), &t, &txt), Ok(()));
    assert_eq!(judge(&format!("{Q}&sig={}&key=_dck1", SIG.replace("%2B", "%20")), &t, &txt), Ok(()));
}

#[test]
fn hostile_variations_are_refused_with_a_specific_reason() {
    let t = Template::from_json(&common::shared_text("conformance/templates/exampleservice.domainconnect.org.template2.json")).unwrap();
    let txt = signature::parse_txt_lines(&common::shared_text("exampleservice-keys/_dck1.exampleservice.domainconnect.org.txt"));
    let s = |q: &str| format!("{q}&sig={SIG}&key=_dck1");
    let big = format!("{Q}&X={}&sig={SIG}&key=_dck1", "a".repeat(1 << 20));
    let cases: Vec<(String, &str)> = vec![
        (s(&Q.replace("132.148.25.185", "6.6.6.6")), "does not match"),
        (s(&Q.replace("arnoldblinn.com", "victim.example")), "does not match"),
        (s(&Q.replace("host=bar", "host=www")), "does not match"),
        (s(&Q.replace("hello", "HELLO")), "does not match"),
        (s("RANDOMTEXT=shm%3A1551036164%3Ahello&domain=arnoldblinn.com&IP=132.148.25.185&host=bar"), "does not match"),
        (s(&format!("{Q}&IP=6.6.6.6")), "more than once"),
        (s(&format!("{Q}&domain=evil.example")), "more than once"),
        (format!("{Q}&sig={SIG}&sig={SIG}&key=_dck1"), "more than once"),
        (format!("{Q}&sig={SIG}&key=_dck1&key=_dck2"), "more than once"),
        (format!("{Q}&sig={SIG}&key=_dck1&EXTRA=1"), "does not match"),
        (format!("{Q}&sig={SIG}&key=_dck1&state=abc"), "does not match"),
        (format!("{Q}&sig={SIG}&key=_dck1&redirect_uri=https%3A%2F%2Fevil.example%2F"), "does not match"),
        (format!("{Q}&sig={SIG}&key=../x"), "key parameter"),
        (format!("{Q}&sig={SIG}&key=a.b.evil.example."), "key parameter"),
        (format!("{Q}&sig={SIG}&key=_dck1.evil.example"), "key parameter"),
        (format!("{Q}&sig={SIG}&key=%2E%2E"), "key parameter"),
        (format!("{Q}&sig={SIG}&key="), "key parameter"),
        (format!("{Q}&sig={SIG}&key=_dck1%00"), "key parameter"),
        (format!("{Q}&sig={SIG}"), "has a sig but no key"),
        (format!("{Q}&key=_dck1"), "has a key but no sig"),
        (Q.to_string(), "neither sig nor key"),
        (format!("{Q}&sig=&key=_dck1"), "sig parameter is empty"),
        (format!("{Q}&sig=%21%21not-base64%21%21&key=_dck1"), "not valid base64"),
        (format!("{Q}&sig={}&key=_dck1", &SIG[..SIG.len() - 40]), "signature is"),
        (format!("{Q}&sig=AAAA&key=_dck1"), "signature is"),
        (format!("{Q}&sig={}&key=_dck1", SIG.replacen("LyCE", "LyCF", 1)), "does not match"),
        (format!("{Q}&sig={}%3D%3D&key=_dck1", "A".repeat(342)), "does not match"),
        (s(&Q.replace("%3A", ":")), "does not match"),
        (s(&Q.replace("shm%3A1551036164%3Ahello", "shm%3a1551036164%3ahello")), "does not match"),
        (s(&format!("{Q}&Domain=evil.example")), "does not match"),
        (format!("{}&sig={SIG}&key=_dck1", Q.replace("domain=", "DOMAIN=")), "domain"),
        (s(&format!("{Q}&RANDOMTEXT%00=x")), "does not match"),
        (s(&format!("{Q}&x=%FF")), "percent-encoded"),
        (big, "query string is"),
        (s(&format!("{Q}&redirect_uri=javascript%3Aalert(1)")), "does not match"),
        (s(&Q.replace("host=bar", "host=bar%2F..")), "not a DNS name"),
        (s(&Q.replace("domain=arnoldblinn.com", "domain=arnoldblinn.com%0Aevil")), "not a DNS name"),
        (s(&Q.replace("domain=arnoldblinn.com", "domain=")), "domain"),
        (s(&format!("{Q}&groupId=a&groupId=b")), "more than once"),
        (s(&format!("{Q}&providerName=Bank%20of%20Example")), "does not match"),
        (format!("{Q}&sig={SIG}&key=_dck9"), "no TXT records"),
    ];
    assert!(cases.len() >= 40, "{}", cases.len());
    for (q, why) in &cases {
        // _dck9 has no published records: judge it with no TXT, as a lookup would return.
        let txt = if q.ends_with("key=_dck9") { Vec::new() } else { txt.clone() };
        match judge(q, &t, &txt) {
            Ok(()) => panic!("accepted: {q:.160}"),
            Err(reason) => assert!(reason.contains(why), "{q:.160}\n  expected a reason with {why:?}, got {reason:?}"),
        }
    }
}

#[test]
fn foreign_or_script_redirects_are_refused_even_when_signed() {
    let mut t = Template::from_json(&common::shared_text("conformance/templates/exampleservice.domainconnect.org.template2.json")).unwrap();
    t.sync_redirect_domain = Some("exampleservice.domainconnect.org".into());
    let parse = |r: &str| ApplyUrl::from_parts(PATH, &format!("{Q}&redirect_uri={r}")).unwrap();
    for (r, signed, why) in [
        ("javascript%3Aalert(1)", true, "scheme"),
        ("data%3Atext%2Fhtml%2Cx", true, "scheme"),
        ("https%3A%2F%2Fevil.example%2F", false, "not within"),
        ("https%3A%2F%2Fexampleservice.domainconnect.org.evil.example%2F", false, "not within"),
        ("https%3A%2F%2Fexampleservice.domainconnect.org%40evil.example%2F", true, "user-info"),
    ] {
        match redirect::decide(&t, &parse(r), signed) {
            ReturnTo::Refused { reason, .. } => assert!(reason.to_string().contains(why), "{r}: {reason}"),
            other => panic!("{r}: {other:?}"),
        }
    }
}
