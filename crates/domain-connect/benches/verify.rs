//! Signature verification as the consent page does it: parse the apply URL, assemble
//! the key from its TXT fragments, verify RS256 (the exampleservice signed URL).

use criterion::{criterion_group, criterion_main, Criterion};
use domain_connect::{signature, verdict, ApplyUrl, Template};

const URL: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar&sig=LyCE%2B7H0zr%2FXHaxX36pdD1eSQENRiGTFxm79m7A5NLDPiUKLe71IrsEgnDLN76ndQcLTZlr4%2BHhpWzKZKyFl9ieEpNzZlDHRp35H83Erhm0eDctUmI1Zct51alZ8RuTL%2Baa29WC%2BAM7%2BgSpnL%2FAHl9mxckyeEuFFqXcl%2F3ShwK2F9x%2F7r%2BcICefiUEzsZN3EuqOvwqQkBSqcdVy%2FohjNAG%2FInYAYSX%2B0fUK9UNQfQYkuPqOAptPRjX%2BhUnYsXUk%2FeQq16aX7TzhZm%2BeEq%2BEn%2BoiEgh7qps1yvGbJm6QXKovan%2Fsqng40R6FBP3R3dvfZC6QrfCUtGpQ8c0D0S5oLBw%3D%3D&key=_dck1";

fn shared(p: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(p)).unwrap()
}

fn bench(c: &mut Criterion) {
    let template = Template::from_json(&shared("conformance/templates/exampleservice.domainconnect.org.template2.json")).unwrap();
    let txt = signature::parse_txt_lines(&shared("exampleservice-keys/_dck1.exampleservice.domainconnect.org.txt"));
    c.bench_function("parse_url_assemble_key_verify_rs256", |b| {
        b.iter(|| {
            let url = ApplyUrl::parse(URL).unwrap();
            let r = verdict::check(&template, &url, &txt);
            assert!(r.is_valid());
        })
    });
    c.bench_function("parse_apply_url", |b| b.iter(|| ApplyUrl::parse(URL).unwrap()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
