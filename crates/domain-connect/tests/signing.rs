//! A URL signed either way a signer lays out its query — the draft's canonical sorted
//! string or the order given — verifies by the one rule a verifier follows (the query
//! as received, without sig and key); and a private key's published TXT is its own.

use domain_connect::signature::{self, QueryOrder};
use domain_connect::test_url;
use domain_connect::verdict::{self, Verdict};
use domain_connect::{ApplyUrl, Template};

const PATH: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply";

fn template() -> Template {
    Template::from_json(
        r#"{"providerId": "exampleservice.domainconnect.org", "providerName": "Example", "serviceId": "template2", "serviceName": "Example",
            "version": 1, "syncPubKeyDomain": "exampleservice.domainconnect.org",
            "records": [{"type": "A", "host": "@", "pointsTo": "%IP%", "ttl": 600}, {"type": "TXT", "host": "@", "data": "%RANDOMTEXT%", "ttl": 600}]}"#,
    )
    .unwrap()
}

#[test]
fn both_layouts_verify_and_an_edit_after_signing_does_not() {
    let (pem, txt) = signature::generate_key(&mut rsa::rand_core::OsRng).unwrap();
    assert_eq!(signature::public_txt(&pem).unwrap(), txt, "the TXT to publish is read back from the private key");
    assert!(txt.iter().all(|t| t.len() <= 255), "each fragment fits one character-string: {txt:?}");
    let params = [("domain", "example.com"), ("RANDOMTEXT", "a b+c~"), ("IP", "192.0.2.1"), ("host", "www")];
    let t = template();
    for order in [QueryOrder::Canonical, QueryOrder::AsGiven] {
        let query = signature::signing_query(params, order);
        let signed = signature::sign_url(&format!("https://dns.example{PATH}?{query}"), &pem, "_dcwb").unwrap();
        let url = ApplyUrl::parse(&signed).unwrap();
        assert_eq!(url.signed_bytes(), query, "{order:?}: the bytes signed are the query sent");
        assert_eq!(url.variables.get("RANDOMTEXT"), Some("a b+c~"), "{order:?}");
        assert_eq!(verdict::check(&t, &url, &txt).verdict, Verdict::Valid, "{order:?}: {signed}");
        // Re-laid out after signing: the same values, other bytes, a failure.
        let other = match order {
            QueryOrder::Canonical => QueryOrder::AsGiven,
            _ => QueryOrder::Canonical,
        };
        let (_, tail) = signed.split_once("&sig=").unwrap();
        let moved = ApplyUrl::from_parts(PATH, &format!("{}&sig={tail}", signature::signing_query(params, other))).unwrap();
        assert!(matches!(verdict::check(&t, &moved, &txt).verdict, Verdict::Invalid(_)), "{order:?} re-laid out");
    }
}

#[test]
fn a_broken_private_key_is_named() {
    let e = signature::public_txt("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----").unwrap_err();
    assert!(e.to_string().starts_with("the private key could not be read"), "{e}");
}

#[test]
fn a_test_url_is_signed_for_its_template_and_verifies_with_the_txt_it_names() {
    let (pem, txt) = signature::generate_key(&mut rsa::rand_core::OsRng).unwrap();
    let t = template();
    let params: Vec<(String, String)> =
        [("domain", "example.com"), ("IP", "192.0.2.1"), ("RANDOMTEXT", "x y")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let made = test_url::sign_test_url(&t, "https://dns.example/manage/", &params, QueryOrder::Canonical, " _dcwb1 ", &pem).unwrap();
    assert_eq!(made.key_host, "_dcwb1.exampleservice.domainconnect.org");
    assert_eq!(made.txt, txt);
    assert!(made.url.starts_with(&format!("https://dns.example/manage{PATH}?IP=192.0.2.1&RANDOMTEXT=x%20y&domain=example.com&sig=")), "{}", made.url);
    let url = ApplyUrl::parse(&made.url).unwrap();
    assert_eq!(verdict::check(&t, &url, &made.txt).verdict, Verdict::Valid);
    let mut unsigned = t.clone();
    unsigned.sync_pub_key_domain = None;
    assert_eq!(test_url::sign_test_url(&unsigned, "https://x", &params, QueryOrder::Canonical, "_k", &pem), Err(test_url::TestUrlError::NoSyncPubKeyDomain));
    assert!(matches!(test_url::sign_test_url(&t, "https://x", &params, QueryOrder::Canonical, "a.b", &pem), Err(test_url::TestUrlError::KeyLabel(_))));
}
