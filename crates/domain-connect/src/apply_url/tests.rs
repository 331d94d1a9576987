use super::*;

const P: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template1/apply";

fn ok(q: &str) -> ApplyUrl {
    ApplyUrl::from_parts(P, q).unwrap_or_else(|e| panic!("{q}: {e}"))
}

fn err(url: &str) -> ApplyUrlError {
    match ApplyUrl::parse(url) {
        Ok(u) => panic!("{url} parsed: {u:?}"),
        Err(e) => e,
    }
}

#[test]
fn parses_the_spec_example() {
    let u = ApplyUrl::parse(
        "https://web-connect.dnsprovider.example/v2/domainTemplates/providers/exampleservice.example/services/template1/apply?domain=example.com&IP=192.168.42.42&RANDOMTEXT=shm%3A1542108821%3AHello",
    )
    .unwrap();
    assert_eq!(u.provider_id, "exampleservice.example");
    assert_eq!(u.service_id, "template1");
    assert_eq!(u.domain.ascii, "example.com");
    assert_eq!(u.host, None);
    assert_eq!(u.variables.get("IP"), Some("192.168.42.42"));
    assert_eq!(u.variables.get("RANDOMTEXT"), Some("shm:1542108821:Hello"));
    assert_eq!(u.raw_query, "domain=example.com&IP=192.168.42.42&RANDOMTEXT=shm%3A1542108821%3AHello");
    assert!(u.notes.is_empty());
}

#[test]
fn reserved_parameters_are_typed() {
    let u = ok("domain=Example.COM.&host=WWW&groupId=a,%20b,,c&redirect_uri=https%3A%2F%2Fx.example%2Fdone&state=s+1&providerName=Acme&serviceName=Mail&X=1&sig=ab%2Bc%3D&key=_dck1");
    assert_eq!(u.domain.ascii, "example.com");
    assert_eq!(u.domain.given, "Example.COM.");
    assert_eq!(u.host_ascii(), "www");
    assert_eq!(u.fqdn(), "www.example.com");
    assert_eq!(u.group_ids, ["a", "b", "c"]);
    assert_eq!(u.redirect_uri.as_deref(), Some("https://x.example/done"));
    assert_eq!(u.state.as_deref(), Some("s 1"));
    assert_eq!(u.provider_name.as_deref(), Some("Acme"));
    assert_eq!(u.service_name.as_deref(), Some("Mail"));
    assert_eq!(u.sig.as_deref(), Some("ab+c="));
    assert_eq!(u.key.as_deref(), Some("_dck1"));
    // X, and `key`: a template may name `%key%` and take its value (the reference engine's way).
    assert_eq!(u.variables.len(), 2);
    assert_eq!(u.variables.get("key"), Some("_dck1"));
    assert_eq!(
        u.signed_bytes(),
        "domain=Example.COM.&host=WWW&groupId=a,%20b,,c&redirect_uri=https%3A%2F%2Fx.example%2Fdone&state=s+1&providerName=Acme&serviceName=Mail&X=1"
    );
}

#[test]
fn idn_domains_keep_both_forms() {
    let u = ok("domain=b%C3%BCcher.example&host=m%C3%BCnchen");
    assert_eq!(u.domain.ascii, "xn--bcher-kva.example");
    assert_eq!(u.domain.unicode, "bücher.example");
    assert!(u.domain.is_idn());
    assert_eq!(u.host_ascii(), "xn--mnchen-3ya");
    let p = ok("domain=xn--bcher-kva.example");
    assert_eq!(p.domain.unicode, "bücher.example");
}

#[test]
fn empty_host_is_the_apex_and_absent_host_is_none() {
    assert_eq!(ok("domain=a.com&host=").host.unwrap().ascii, "");
    assert_eq!(ok("domain=a.com&host=%40").host.unwrap().ascii, "");
    assert!(ok("domain=a.com").host.is_none());
    assert!(ok("domain=a.com&groupId=").group_ids.is_empty());
}

#[test]
fn notes_params_after_sig_fragment_and_lookalikes() {
    let u = ApplyUrl::parse(&format!("{P}?domain=a.com&sig=x&key=k&state=later#frag")).unwrap();
    assert!(u.notes.contains(&UrlNote::ParamsAfterSig { names: vec!["state".into()] }));
    assert!(u.notes.contains(&UrlNote::FragmentIgnored));
    assert_eq!(u.signed_bytes(), "domain=a.com&state=later", "a parameter after sig stays signed");
    let l = ok("domain=a.com&Host=www");
    assert!(l.notes.contains(&UrlNote::CaseLookalike { name: "Host".into(), reserved: "host".into() }));
    assert!(l.host.is_none(), "Host is a variable, not the host");
    assert_eq!(ok("domain=a.com&&=x&").notes, [UrlNote::EmptyNameIgnored]);
    assert!(l.notes[0].to_string().contains("case-sensitive"), "{}", l.notes[0]);
}

#[test]
fn urlsyncux_may_have_a_path_prefix_and_a_trailing_slash() {
    let u = ApplyUrl::parse(&format!("https://dns.example/dc{P}/?domain=a.com")).unwrap();
    assert_eq!(u.service_id, "template1");
    let d = ApplyUrl::parse("/v2/domainTemplates/providers/a%2Eb/services/T%20x/apply?domain=a.com").unwrap();
    assert_eq!((d.provider_id.as_str(), d.service_id.as_str()), ("a.b", "T x"));
}

/// Hostile or broken URLs: each must be refused with the stated kind of error, never
/// a panic and never a silently different request.
#[test]
fn hostile_urls_are_refused_precisely() {
    let long = format!("{P}?domain=a.com&x={}", "a".repeat(MAX_QUERY_LEN));
    let many = format!("{P}?domain=a.com{}", (0..300).map(|i| format!("&v{i}=1")).collect::<String>());
    let deep = format!("{P}?domain={}.com", "a.".repeat(200));
    let label = format!("{P}?domain={}.com", "a".repeat(64));
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "malformed"),
        ("not a url".into(), "malformed"),
        ("javascript:alert(1)".into(), "malformed"),
        ("ftp://x.example/v2/domainTemplates/providers/p/services/s/apply?domain=a.com".into(), "malformed"),
        ("data:text/html,<script>".into(), "malformed"),
        ("/".into(), "not_an_apply_path"),
        ("/v2/domainTemplates/providers/p/services/s?domain=a.com".into(), "not_an_apply_path"),
        ("/v2/domainTemplates/providers/p/services/s/apply/extra?domain=a.com".into(), "not_an_apply_path"),
        ("/v2/domaintemplates/providers/p/services/s/apply?domain=a.com".into(), "not_an_apply_path"),
        ("/V2/domainTemplates/providers/p/services/s/apply?domain=a.com".into(), "not_an_apply_path"),
        ("/v2/domainTemplates/providers/p/services/s/APPLY?domain=a.com".into(), "not_an_apply_path"),
        ("/v2/domainTemplates/providers//services/s/apply?domain=a.com".into(), "not_an_apply_path"),
        ("/v2/domainTemplates/providers/p/services/%0A/apply?domain=a.com".into(), "not_an_apply_path"),
        ("/v2/domainTemplates/providers/a%2Fb/services/s/apply?domain=a.com".into(), "not_an_apply_path"),
        ("/v2/domainTemplates/providers/%FF/services/s/apply?domain=a.com".into(), "bad_encoding"),
        ("/v2/domainTemplates/providers/p/services/s/query?domain=a.com".into(), "not_an_apply_path"),
        (P.to_string(), "missing_domain"),
        (format!("{P}?"), "missing_domain"),
        (format!("{P}?domain="), "missing_domain"),
        (format!("{P}?domain=%20"), "missing_domain"),
        (format!("{P}?Domain=a.com"), "missing_domain"),
        (format!("{P}?DOMAIN=a.com"), "missing_domain"),
        (format!("{P}?domain=a.com&domain=evil.com"), "duplicate"),
        (format!("{P}?domain=a.com&IP=1.2.3.4&IP=6.6.6.6"), "duplicate"),
        (format!("{P}?domain=a.com&sig=a&sig=b"), "duplicate"),
        (format!("{P}?domain=a.com&host=www&host=mail"), "duplicate"),
        (format!("{P}?domain=a.com&X=%FF"), "bad_encoding"),
        (format!("{P}?domain=a.com&%C3%28=1"), "bad_encoding"),
        (format!("{P}?domain=%FF.com"), "bad_encoding"),
        (format!("{P}?domain=a.com%00evil"), "bad_name"),
        (format!("{P}?domain=a.com%0D%0ASet-Cookie:x"), "bad_name"),
        (format!("{P}?domain=a%20b.com"), "bad_name"),
        (format!("{P}?domain=a.com/evil"), "bad_name"),
        (format!("{P}?domain=evil.com%23.a.com"), "bad_name"),
        (format!("{P}?domain=user%40evil.com"), "bad_name"),
        (format!("{P}?domain=a..com"), "bad_name"),
        (format!("{P}?domain=.a.com"), "bad_name"),
        (format!("{P}?domain=%3Cscript%3E.com"), "bad_name"),
        (format!("{P}?domain=a.com:8080"), "bad_name"),
        (format!("{P}?domain=a.com&host=www%2F..%2F"), "bad_name"),
        (format!("{P}?domain=a.com&host=a%09b"), "bad_name"),
        (format!("{P}?domain=a.com&host=x%25y"), "bad_name"),
        (format!("{P}?domain=xn--a.com"), "bad_name"),
        (deep, "bad_name"),
        (label, "bad_name"),
        (long, "too_long"),
        (many, "too_many_params"),
    ];
    assert!(cases.len() >= 40);
    for (url, kind) in cases {
        let e = err(&url);
        let got = serde_json::to_value(&e).unwrap()["kind"].as_str().unwrap().to_string();
        assert_eq!(got, kind, "{url:.120}: {e}");
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn messages_point_at_the_problem() {
    let e = err("/v2/domaintemplates/providers/p/services/s/apply?domain=a.com").to_string();
    assert!(e.contains("case-sensitive") && e.contains("domainTemplates"), "{e}");
    let e = err(&format!("{P}?Domain=a.com")).to_string();
    assert!(e.contains("\"Domain\""), "{e}");
    let e = err(&format!("{P}?domain=a.com&IP=1&IP=2")).to_string();
    assert!(e.contains("\"IP\"") && e.contains("more than once"), "{e}");
}

#[test]
fn values_that_are_hostile_for_display_are_kept_verbatim() {
    // Escaping is the screen's job; the parser must not alter or drop them.
    let u = ok("domain=a.com&TXT=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&N=%E2%80%AEevil");
    assert_eq!(u.variables.get("TXT"), Some("<img src=x onerror=alert(1)>"));
    assert_eq!(u.variables.get("N"), Some("\u{202e}evil"));
}

#[test]
fn build_round_trips_through_the_parser() {
    let u = ApplyUrl::build("p.example", "svc.v2", "Bücher.Example", Some("WWW"), [("IP", "192.0.2.1"), ("T", "a&b=c %")], &["g1".to_string()]).unwrap();
    assert_eq!((u.provider_id.as_str(), u.service_id.as_str()), ("p.example", "svc.v2"));
    assert_eq!(u.domain.ascii, "xn--bcher-kva.example");
    assert_eq!(u.host_ascii(), "www");
    assert_eq!(u.variables.get("T"), Some("a&b=c %"));
    assert_eq!(u.group_ids, ["g1"]);
    let odd = ApplyUrl::build("p x", "s?y#", "a.com", None, [], &[]).unwrap();
    assert_eq!((odd.provider_id.as_str(), odd.service_id.as_str(), odd.host.is_none()), ("p x", "s?y#", true));
    assert!(ApplyUrl::build("p/x", "s", "a.com", None, [], &[]).is_err(), "a '/' cannot be an id");
    assert!(matches!(ApplyUrl::build("p", "s", "a.com", None, [("domain", "b.com")], &[]), Err(ApplyUrlError::Duplicate { .. })));
}
