//! Applying a template with an SPFM and a CNAME record to zones of 1k, 10k and 100k records.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use domain_connect::apply::{apply_template, ApplyRequest, SignatureGate};
use domain_connect::{Params, Template, ZoneRecord};
use std::hint::black_box;

fn zone(n: usize) -> Vec<ZoneRecord> {
    let mut z = Vec::with_capacity(n);
    z.push(ZoneRecord::new("TXT", "@", "v=spf1 include:_spf.example.net ~all", Some(3600)));
    z.push(ZoneRecord::new("A", "www", "192.0.2.1", Some(300)));
    for i in 0..n.saturating_sub(2) {
        let t = ["A", "TXT", "CNAME", "MX"][i % 4];
        let mut r = ZoneRecord::new(t, &format!("h{i}"), "target.example.net", Some(300));
        if t == "A" {
            r.data = "198.51.100.1".into();
        }
        if t == "MX" {
            r.priority = Some(10);
        }
        z.push(r);
    }
    z
}

fn bench(c: &mut Criterion) {
    let t = Template::from_json(r#"{"providerId":"bench.example","serviceId":"mail","records":[
        {"type":"SPFM","host":"@","spfRules":"include:mail.example.org"},
        {"type":"CNAME","host":"www","pointsTo":"sites.example.org","ttl":600}]}"#)
    .unwrap();
    let params = Params::new();
    let mut g = c.benchmark_group("apply_spfm_cname");
    for n in [1_000usize, 10_000, 100_000] {
        let z = zone(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &z, |b, z| {
            b.iter(|| {
                let req = ApplyRequest {
                    domain: "example.com",
                    host: Some(""),
                    params: &params,
                    group_ids: &[],
                    signature: SignatureGate::Ignore,
                    multi_aware: false,
                    unique_id: None,
                    redirect_records: None,
                    provider_id: None,
                    service_id: None,
                    dialect: Default::default(),
                };
                let cs = apply_template(&t, black_box(z), &req).unwrap();
                assert_eq!(cs.delete_count(), 2);
                cs
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
