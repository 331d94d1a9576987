//! Applying a mail template at the apex of zones of generated names
//! (`apply_mail_apex`: see [`mixed_zone`]), and a template with an SPFM and a CNAME
//! record to zones of 1k, 10k and 100k records: in one call from the records (`apply_spfm_cname`), and to a zone indexed
//! beforehand (`apply_spfm_cname_indexed`, with `index_zone` the cost of indexing it).
//! `scan_floor` is a bare loop that reads one field of every record: the least any
//! one-call engine over a record slice can cost, which shows how much of the scaling
//! from 10k to 100k is the memory hierarchy rather than the engine.

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use domain_connect::apply::{apply_template, apply_template_indexed, ApplyRequest, IndexedZone};
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

fn request(params: &Params) -> ApplyRequest<'_> {
    ApplyRequest::new("example.com", Some(""), params)
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A mail template (atlos.email/mail: MX and SPFM at the apex, `_dmarc`, DKIM,
/// autoconfig CNAMEs) at the apex of a zone of generated names (`h<i>`, `c<i>`,
/// `m<i>`). Below 10k records no generated name has six bytes; from 10k on most do, as
/// `_dmarc` does, so the one-call path reads their names (a memory access each, about
/// 7 ns at 100k) where at 10k their lengths alone rule them out: 10k→100k is 32× here.
/// With `same_length`, every generated name has six bytes at every size, so both
/// sizes read them: the growth within one regime (about 10×).
fn mixed_zone(n: usize, same_length: bool) -> Vec<ZoneRecord> {
    let mut z = vec![
        ZoneRecord::new("TXT", "@", "v=spf1 include:_spf.example.net ~all", Some(3600)),
        ZoneRecord::new("MX", "@", "mx.example.net", Some(3600)),
        ZoneRecord::new("A", "@", "192.0.2.1", Some(300)),
        ZoneRecord::new("TXT", "_dmarc", "v=DMARC1; p=none", Some(3600)),
        ZoneRecord::new("CNAME", "autoconfig", "old.example.net", Some(3600)),
        ZoneRecord::new("A", "www", "192.0.2.1", Some(300)),
        ZoneRecord::new("AAAA", "@", "2001:db8::1", Some(300)),
        ZoneRecord::new("TXT", "@", "google-site-verification=x", Some(3600)),
        ZoneRecord::new("NS", "@", "ns1.example.net", Some(3600)),
        ZoneRecord::new("CNAME", "autodiscover", "old.example.net", Some(3600)),
    ];
    for i in 0..n.saturating_sub(z.len()) {
        let name = |p: char| if same_length { format!("{p}{i:05}") } else { format!("{p}{i}") };
        let r = match i % 5 {
            0 => ZoneRecord::new("A", &name('h'), "198.51.100.1", Some(300)),
            1 => ZoneRecord::new("AAAA", &name('h'), "2001:db8::2", Some(300)),
            2 => ZoneRecord::new("TXT", &name('h'), "some text", Some(300)),
            3 => ZoneRecord::new("CNAME", &name('c'), "target.example.net", Some(300)),
            _ => ZoneRecord { priority: Some(10), ..ZoneRecord::new("MX", &name('m'), "mx.example.net", Some(300)) },
        };
        z.push(r);
    }
    z
}

fn bench(c: &mut Criterion) {
    let t = Template::from_json(
        r#"{"providerId":"bench.example","serviceId":"mail","records":[
        {"type":"SPFM","host":"@","spfRules":"include:mail.example.org"},
        {"type":"CNAME","host":"www","pointsTo":"sites.example.org","ttl":600}]}"#,
    )
    .unwrap();
    let params = Params::new();

    let mut g = c.benchmark_group("apply_spfm_cname");
    for n in SIZES {
        let z = zone(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &z, |b, z| {
            b.iter(|| {
                let cs = apply_template(&t, black_box(z), &request(&params)).unwrap();
                assert_eq!(cs.delete_count(), 2);
                cs
            })
        });
    }
    g.finish();

    let mail = Template::from_json(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/templates/atlos.email.mail.json")).unwrap())
        .unwrap();
    let mut dkim = Params::new();
    dkim.insert("dkimKey", "MCowBQYDK2VwAyEA");
    let mut g = c.benchmark_group("apply_mail_apex");
    for (shape, same_length) in [("generated_names", false), ("six_byte_names", true)] {
        for n in SIZES {
            let z = mixed_zone(n, same_length);
            g.bench_with_input(BenchmarkId::new(shape, n), &z, |b, z| {
                b.iter(|| {
                    let cs = apply_template(&mail, black_box(z), &request(&dkim)).unwrap();
                    assert_eq!(cs.delete_count(), 5, "{:?}", cs.deleted);
                    cs
                })
            });
        }
    }
    g.finish();

    let mut g = c.benchmark_group("apply_spfm_cname_indexed");
    for n in SIZES {
        let z = IndexedZone::new(zone(n)).unwrap();
        g.bench_with_input(BenchmarkId::from_parameter(n), &z, |b, z| {
            b.iter(|| {
                let cs = apply_template_indexed(&t, black_box(z), &request(&params)).unwrap();
                assert_eq!(cs.delete_count(), 2);
                cs
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("index_zone");
    for n in SIZES {
        let z = zone(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &z, |b, z| b.iter_batched(|| z.clone(), IndexedZone::new, BatchSize::LargeInput));
    }
    g.finish();

    let mut g = c.benchmark_group("scan_floor");
    for n in SIZES {
        let z = zone(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &z, |b, z| b.iter(|| black_box(z).iter().map(|r| r.name.len()).sum::<usize>()));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
