//! What a client signed: the search finds the construction a real Service Provider
//! client signed (base64url, raw sorted values, an unsigned extra parameter…), names
//! what was not signed, and stops at its bound.

use base64::Engine;
use domain_connect::signature::search::{search, Layout, SigEncoding, MAX_VERIFIES};
use domain_connect::signature::{self, PublicKey};

fn key() -> (String, PublicKey) {
    let (pem, txt) = signature::generate_key(&mut rsa::rand_core::OsRng).unwrap();
    let key = signature::assemble_key(&txt).unwrap();
    (pem, key)
}

fn sig_bytes(pem: &str, data: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD.decode(signature::sign(pem, data.as_bytes()).unwrap()).unwrap()
}

fn known(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn base64url_over_sorted_raw_values_with_an_unsigned_timestamp() {
    let (pem, key) = key();
    // The client signs the raw values sorted by name, sends them in another order with
    // a timestamp it did not sign, and encodes sig URL-safe without padding.
    let signed = "IP=192.0.2.1&RANDOMTEXT=a b&domain=example.com";
    let sig = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sig_bytes(&pem, signed));
    let query = format!("domain=example.com&RANDOMTEXT=a%20b&ts=1712345678&IP=192.0.2.1&sig={sig}&key=_dck1");
    let s = search(&query, &sig, &known(&["IP", "RANDOMTEXT"]), &key);
    let f = s.found.as_ref().unwrap_or_else(|| panic!("{s:?}"));
    assert_eq!(f.bytes, signed);
    assert_eq!(f.layout, Layout::RawSorted);
    assert_eq!(f.sig_encoding, SigEncoding::UrlSafeUnpadded);
    assert_eq!(f.unsigned, ["ts"]);
    assert!(s.verifies <= 40, "{}", s.verifies);
    let text = s.explain();
    assert!(
        text.contains("decoded (raw, not encoded), sorted by name")
            && text.contains("URL-safe")
            && text.contains("Not signed, though the URL carries them: ts."),
        "{text}"
    );
}

#[test]
fn the_drafts_form_with_redirect_and_state_added_after_signing() {
    let (pem, key) = key();
    let params = [("domain", "example.com"), ("IP", "192.0.2.1"), ("RANDOMTEXT", "shm:1:x y")];
    let signed = signature::signing_query(params, signature::QueryOrder::Canonical);
    let sig = signature::sign(&pem, signed.as_bytes()).unwrap();
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let query =
        format!("domain=example.com&IP=192.0.2.1&RANDOMTEXT=shm%3A1%3Ax+y&redirect_uri=https%3A%2F%2Fsp.example%2Fback&state=s1&sig={}&key=_dck1", enc(&sig));
    // The parser hands the sig on decoded; a + sent unencoded would read as a space.
    let s = search(&query, &sig.replace('+', " "), &known(&["IP", "RANDOMTEXT"]), &key);
    let f = s.found.as_ref().unwrap_or_else(|| panic!("{s:?}"));
    assert_eq!((f.layout, f.bytes.as_str()), (Layout::Canonical, signed.as_str()));
    assert_eq!(f.unsigned, ["redirect_uri", "state"]);
    let plus = sig.contains('+');
    assert_eq!(f.sig_encoding == SigEncoding::PlusAsSpace, plus, "{:?}", f.sig_encoding);
}

#[test]
fn a_repeated_group_id_is_named_with_the_drafts_form() {
    let (pem, key) = key();
    let signed = "domain=example.com&groupId=a&groupId=b";
    let sig = signature::sign(&pem, signed.as_bytes()).unwrap();
    let s = search(&format!("{signed}&sig=x"), &sig, &[], &key);
    assert_eq!(s.found.as_ref().map(|f| f.layout), Some(Layout::AsSent));
    assert_eq!(s.repeated, [("groupId".to_string(), 2)]);
    assert!(s.explain().contains("groupId appears 2 times (once per group); the draft's form is one groupId"), "{}", s.explain());
}

#[test]
fn another_key_finds_nothing_and_a_search_is_bounded() {
    let (pem, _) = key();
    let (_, other) = key();
    let sig = signature::sign(&pem, b"domain=example.com").unwrap();
    let s = search("domain=example.com&a=1", &sig, &[], &other);
    assert!(s.found.is_none() && !s.cut && s.verifies > 0, "{s:?}");
    assert!(s.explain().contains("No construction verifies"), "{}", s.explain());
    // Twelve parameters the template does not know: 4,096 subsets, more than the bound allows.
    let many: Vec<String> = (0..12).map(|i| format!("v{i}={i}")).collect();
    let s = search(&format!("domain=example.com&{}", many.join("&")), &sig, &[], &other);
    assert!(s.cut && s.verifies == MAX_VERIFIES, "{} {}", s.cut, s.verifies);
    assert!(s.explain().contains("cut at the limit"), "{}", s.explain());
}
