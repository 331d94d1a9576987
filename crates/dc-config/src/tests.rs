use super::*;

fn err(text: &str) -> (String, String) {
    let e = Config::from_json(text).unwrap_err();
    (e.path, e.message)
}

#[test]
fn the_empty_file_is_the_embedded_default() {
    let c = Config::from_json("{}").unwrap();
    assert_eq!(c, Config::default());
    assert_eq!(c.templates, [TemplateSource::Bundled {}]);
    assert_eq!((c.doh, c.records_api, c.branding.name.as_str()), (Doh::Sandbox {}, RecordsApi::Sandbox {}, "Domain Connect"));
}

/// The file `cargo xtask build` and `trunk serve` put beside the page when none is
/// given is the embedded default, written out.
#[test]
fn the_default_file_is_the_embedded_default() {
    assert_eq!(Config::from_json(include_str!("../../../public/config.json")).unwrap(), Config::default());
}

#[test]
fn every_kind_reads_with_its_defaults() {
    let c = Config::from_json(
        r##"{"templates": [{"kind": "bundled"}, {"kind": "url", "base": "https://t.example/"}],
            "doh": {"kind": "wire", "url": "http://127.0.0.1:5380/dns-query"},
            "records_api": {"kind": "powerdns", "base": "http://127.0.0.1:8081", "auth": "dashboard"},
            "proxy_defaults": {"*": {"cname": true}},
            "branding": {"name": "Example DNS", "accent": "#1d4ed8"},
            "dashboard_origins": ["https://dash.example"]}"##,
    )
    .unwrap();
    assert_eq!(c.templates[1], TemplateSource::Url { base: "https://t.example/".into() });
    assert_eq!(
        c.records_api,
        RecordsApi::Powerdns { base: "http://127.0.0.1:8081".into(), server_id: "localhost".into(), api_key: None, auth: Auth::Dashboard }
    );
    assert_eq!(c.adapter(), Some("powerdns"));
    assert_eq!(c.fetched_urls(), ["https://t.example/", "http://127.0.0.1:5380/dns-query", "http://127.0.0.1:8081"]);
    assert_eq!(c.proxy_defaults.initial("p", "s", &domain_connect::RecordType::Cname), Some(true));
    assert_eq!(c.branding.accent.as_deref(), Some("#1d4ed8"));
    assert_eq!(c.dashboard_origins, ["https://dash.example"]);
    let cf = Config::from_json(r#"{"records_api": {"kind": "cloudflare"}}"#).unwrap();
    assert_eq!(cf.records_api, RecordsApi::Cloudflare { base: "https://api.cloudflare.com/client/v4".into(), auth: Auth::Typed });
    assert_eq!(
        Config::from_json(r#"{"doh": {"kind": "json", "url": "https://dns.example/resolve"}}"#).unwrap().doh,
        Doh::Json { url: "https://dns.example/resolve".into() }
    );
}

/// Files serde refuses (a wrong type, an unknown key or kind), each with what its
/// message must say: the path is the one serde_path_to_error names.
const REFUSED_BY_SERDE: &[(&str, &str)] = &[
    (r#"{"records_api": {"kind": "bind"}}"#, "unknown variant `bind`, expected one of `sandbox`, `powerdns`, `cloudflare`"),
    (r#"{"records_api": {"base": "http://x"}}"#, "missing field `kind`"),
    (r#"{"records_api": {"kind": "powerdns", "base": "x", "auth": "cookie"}}"#, "unknown variant `cookie`"),
    (r#"{"records_api": {"kind": "powerdns", "base": "x", "token": "t"}}"#, "unknown field `token`"),
    (r#"{"records_api": {"kind": "powerdns", "base": 8081}}"#, "invalid type: integer `8081`, expected a string"),
    (r#"{"templates": [{"kind": "bundled"}, {"kind": "ftp"}]}"#, "unknown variant `ftp`"),
    (r#"{"templates": {"kind": "bundled"}}"#, "expected a sequence"),
    (r#"{"doh": {"kind": "wire", "url": ["u"]}}"#, "invalid type: sequence, expected a string"),
    (r#"{"branding": {"accent": "blue"}}"#, "\"blue\" is not a #rgb or #rrggbb colour"),
    (r##"{"branding": {"name": "X", "colour": "#fff"}}"##, "unknown field `colour`"),
    (r#"{"dashboard_origins": ["https://dash.example", "https://dash.example/path"]}"#, "\"https://dash.example/path\" is not an origin"),
    (r#"{"proxy_defaults": {"*": {"A": "yes"}}}"#, "invalid type: string \"yes\", expected a boolean"),
    (r#"{"record_api": {}}"#, "unknown field `record_api`, expected one of"),
    ("true", "invalid type: boolean `true`"),
    (r#"{"doh": "#, "EOF while parsing"),
];

/// The path a tracking deserializer names for the same text.
fn tracked(text: &str) -> Option<String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, crate::raw::Raw>(de).err().map(|e| match e.path().to_string() {
        p if p == "." => "the top level".to_string(),
        p => p,
    })
}

#[test]
fn an_error_of_serde_names_the_key_as_a_tracking_deserializer_would() {
    for (text, says) in REFUSED_BY_SERDE {
        let (path, message) = err(text);
        assert!(message.contains(says), "{text}: {message:?} should say {says:?}");
        assert_eq!(Some(path), tracked(text), "{text}: the path, against serde_path_to_error's");
    }
    assert_eq!(err(r#"{"records_api": {"kind": "bind"}}"#).0, "records_api.kind");
    assert_eq!(err(r#"{"branding": {"accent": "blue"}}"#).0, "branding.accent");
    assert_eq!(err(r#"{"proxy_defaults": {"*": {"A": "yes"}}}"#).0, "proxy_defaults.*.A");
    assert_eq!(err(r#"{"templates": [{"kind": "bundled"}, {"kind": "ftp"}]}"#).0, "templates[1].kind");
    assert_eq!(err("true").0, "the top level");
}

#[test]
fn a_field_its_kind_lacks_or_has_not_is_named() {
    for (text, path, says) in [
        (r#"{"records_api": {"kind": "powerdns"}}"#, "records_api", "kind \"powerdns\" needs the field `base`"),
        (r#"{"records_api": {"kind": "sandbox", "base": "x"}}"#, "records_api.base", "kind \"sandbox\" has no field `base` (it has: none)"),
        (
            r#"{"records_api": {"kind": "cloudflare", "server_id": "x"}}"#,
            "records_api.server_id",
            "kind \"cloudflare\" has no field `server_id` (it has: base, auth)",
        ),
        (r#"{"templates": [{"kind": "bundled"}, {"kind": "url"}]}"#, "templates[1]", "kind \"url\" needs the field `base`"),
        (r#"{"templates": [{"kind": "bundled", "base": "b"}]}"#, "templates[0].base", "kind \"bundled\" has no field `base`"),
        (r#"{"doh": {"kind": "wire"}}"#, "doh", "kind \"wire\" needs the field `url`"),
        (r#"{"doh": {"kind": "sandbox", "url": "u"}}"#, "doh.url", "kind \"sandbox\" has no field `url`"),
    ] {
        let (p, message) = err(text);
        assert_eq!(p, path, "{text}");
        assert!(message.starts_with(says), "{text}: {message:?}");
    }
    assert_eq!(Config::from_json(r#"{"doh": {"kind": "wire"}}"#).unwrap_err().to_string(), "config.json, at doh: kind \"wire\" needs the field `url`");
}

#[test]
fn no_input_panics() {
    for text in
        ["", "null", "{\"templates\": null}", "{\"doh\": {\"kind\": 1}}", "{\"templates\": [[]]}", "\u{0}", "{\"doh\": {\"kind\": \"wire\", \"url\": null}}"]
    {
        let _ = Config::from_json(text);
    }
}

#[test]
fn the_timeout_is_whole_seconds_from_1_to_600() {
    assert_eq!(Config::from_json("{}").unwrap().timeout_seconds, 30);
    assert_eq!(Config::from_json(r#"{"timeout_seconds": 5}"#).unwrap().timeout_seconds, 5);
    for text in [r#"{"timeout_seconds": 0}"#, r#"{"timeout_seconds": 601}"#, r#"{"timeout_seconds": 2.5}"#, r#"{"timeout_seconds": "30"}"#] {
        let (path, _) = err(text);
        assert_eq!(path, "timeout_seconds", "{text}");
    }
    assert!(err(r#"{"timeout_seconds": 0}"#).1.contains("not between 1 and 600 seconds"));
}

#[test]
fn languages_are_tags_and_the_default_is_allowed() {
    let c = Config::from_json(r#"{"locale": "de", "locales": ["de", "fr", "pt-BR"], "messages": {"de": "https://l10n.example/de.ftl"}}"#).unwrap();
    assert_eq!((c.locale.as_deref(), c.locales.len()), (Some("de"), 3));
    assert_eq!(c.fetched_urls(), ["https://l10n.example/de.ftl"]);
    for (text, at) in [
        (r#"{"locale": "de_DE"}"#, "locale"),
        (r#"{"locale": "x"}"#, "locale"),
        (r#"{"locales": ["de", "e n"]}"#, "locales[1]"),
        (r#"{"messages": {"../de": "https://l10n.example/de.ftl"}}"#, "messages.../de"),
        (r#"{"locale": "ja", "locales": ["de"]}"#, "locale"),
    ] {
        assert_eq!(err(text).0, at, "{text}");
    }
}
