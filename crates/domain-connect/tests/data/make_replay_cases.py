#!/usr/bin/env python3
"""Writes replay-cases.json: the table of reported requests that `dconn replay`, the
core's `replay::diagnose` and the /replay page are each held to.

Not run by the tests (it makes a new key each time, so every signature changes):
run it by hand after changing a case, from the repository's root, with dconn built:
    cargo build -p dconn && python3 crates/domain-connect/tests/data/make_replay_cases.py
The private key lives in a temporary directory and is deleted; only the public TXT
records and the signed URLs are kept."""

import base64, json, os, subprocess, sys, tempfile, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
DCONN = os.environ.get("DCONN", os.path.join(ROOT, "target", "dev", "debug", "dconn"))
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "replay-cases.json")

TEMPLATES = {
    "signed": {"providerId": "replay.example", "providerName": "Replay Example", "serviceId": "mail", "serviceName": "Mail", "version": 3,
               "syncPubKeyDomain": "keys.replay.example", "syncRedirectDomain": "sp.replay.example",
               "records": [{"type": "A", "host": "@", "pointsTo": "%IP%", "ttl": 600},
                           {"type": "TXT", "host": "@", "data": "%TEXT%", "ttl": 600, "txtConflictMatchingMode": "None"}]},
    "unsigned": {"providerId": "replay.example", "providerName": "Replay Example", "serviceId": "web", "serviceName": "Web", "version": 1,
                 "syncRedirectDomain": "sp.replay.example",
                 "records": [{"type": "CNAME", "host": "www", "pointsTo": "%target%", "ttl": 3600}]},
    "hostreq": {"providerId": "replay.example", "providerName": "Replay Example", "serviceId": "sub", "serviceName": "Sub", "version": 1,
                "hostRequired": True, "records": [{"type": "A", "host": "@", "pointsTo": "%IP%", "ttl": 600}]},
    "blocked": {"providerId": "replay.example", "providerName": "Replay Example", "serviceId": "blocked", "serviceName": "Blocked", "version": 1,
                "syncBlock": True, "records": [{"type": "A", "host": "@", "pointsTo": "%IP%", "ttl": 600}]},
}
ZONE = '$ORIGIN example.com.\n@ 3600 IN A 192.0.2.80\n@ 3600 IN TXT "v=spf1 -all"\nwww 3600 IN A 192.0.2.81\n'
BASE = "https://dns.example/manage/v2/domainTemplates/providers/replay.example/services/"

tmp = tempfile.mkdtemp()
pem, txtfile = os.path.join(tmp, "k.pem"), os.path.join(tmp, "k.txt")
subprocess.run([DCONN, "keygen", "--private", pem, "--txt", txtfile], check=True, capture_output=True)
KEY = [l.strip().strip('"') for l in open(txtfile) if l.strip()]
pem2, txt2 = os.path.join(tmp, "o.pem"), os.path.join(tmp, "o.txt")
subprocess.run([DCONN, "keygen", "--private", pem2, "--txt", txt2], check=True, capture_output=True)
OTHER_KEY = [l.strip().strip('"') for l in open(txt2) if l.strip()]


def sig_over(query, key=pem):
    """The URL-encoded sig of exactly the bytes `query` (RS256, by OpenSSL: a signer
    other than ours, so the table also checks that we verify what others sign)."""
    raw = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=query.encode(), check=True, capture_output=True).stdout
    return urllib.parse.quote(base64.b64encode(raw).decode(), safe="")


def sig_over_urlsafe(query, key=pem):
    """The sig of `query` as some clients send it: URL-safe base64 without padding."""
    raw = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=query.encode(), check=True, capture_output=True).stdout
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def signed(query, service="mail", key_label="_dck1", sent=None, key=pem):
    """`sent` (default: `query`) with the signature of `query` and key appended."""
    return f"{BASE}{service}/apply?{sent if sent is not None else query}&sig={sig_over(query, key)}&key={key_label}"


canon = "IP=192.0.2.1&TEXT=hello%20world&domain=example.com"
legacy = "domain=example.com&IP=192.0.2.1&TEXT=hello+world"
cases = []


def case(name, url, template="signed", txt="key", zone=True, decision="ok", failing=None, steps=None, evidence=None, not_on_the_page=None):
    c = {"name": name, "url": url, "template": template, "txt": txt, "zone": zone, "decision": decision, "failing": failing}
    if not_on_the_page:
        c["not_on_the_page"] = not_on_the_page
    if steps:
        c["steps"] = steps
    if evidence:
        c["evidence"] = evidence
    cases.append(c)


case("signed in the draft's canonical form", signed(canon))
case("signed in the order given (v2.3)", signed(legacy))
case("a template without syncPubKeyDomain, unsigned", BASE + "web/apply?domain=example.com&target=shop.sp.example", template="unsigned", txt=None)
case("no zone given: the change set is against an empty zone", signed(canon), zone=False, decision="warn", steps={"changes": "warn"})
case("the key TXT not looked up", signed(canon), txt=None, decision="warn", steps={"key": "warn", "signature": "warn"},
     not_on_the_page="the page looks the key up whenever no TXT is pasted; only the CLI can leave it out")
case("a parameter the template does not use", signed(canon + "&extra=1"), decision="warn", steps={"variables": "warn"})
case("signed sorted, sent in another order", signed(canon, sent="domain=example.com&IP=192.0.2.1&TEXT=hello%20world"), decision="fail", failing="signature",
     evidence="the draft's canonical form")
case("signed with key in the query", signed(canon + "&key=_dck1", sent=canon), decision="fail", failing="signature", evidence="with key still in it")
case("signed decoded, sent encoded", f"{BASE}mail/apply?{canon}&sig={sig_over('IP=192.0.2.1&TEXT=hello world&domain=example.com')}&key=_dck1",
     decision="fail", failing="signature", evidence="decoded")
case("signed base64url over sorted raw values, an unsigned timestamp",
     f"{BASE}mail/apply?domain=example.com&IP=192.0.2.1&TEXT=hello%20world&ts=1712345678&sig={sig_over_urlsafe('IP=192.0.2.1&TEXT=hello world&domain=example.com')}&key=_dck1",
     decision="fail", failing="signature", evidence="What verifies: the parameters decoded (raw, not encoded), sorted by name")
case("signed RFC 3986, sent form-encoded", signed("domain=example.com&IP=192.0.2.1&TEXT=hello%20world", sent=legacy), decision="fail", failing="signature",
     evidence="RFC 3986-encoded (a space as %20)")
case("a value changed after signing", signed(canon, sent="IP=192.0.2.66&TEXT=hello%20world&domain=example.com"), decision="fail", failing="signature")
case("a parameter appended after signing", signed(canon) + "&state=added", decision="fail", failing="signature")
case("a signed template, an unsigned URL", BASE + "mail/apply?" + canon, decision="fail", failing="key_host")
case("an empty sig", BASE + "mail/apply?" + canon + "&sig=&key=_dck1", decision="fail", failing="key_host")
case("the key host given whole instead of its label", signed(canon, key_label="_dck1.keys.replay.example"), decision="fail", failing="key_host")
case("no TXT at the key host", signed(canon), txt=[], decision="fail", failing="key")
case("SPF and a token beside the key fragments", signed(canon), txt=["v=spf1 -all"] + KEY + ["google-site-verification=abc123"])
case("only SPF at the key host", signed(canon), txt=["v=spf1 -all"], decision="fail", failing="key")
case("a=rs256, a near miss", signed(canon), txt=[t.replace("a=RS256", "a=rs256") for t in KEY], decision="fail", failing="key")
case("t=X509, a near miss", signed(canon), txt=[t.replace("t=x509", "t=X509") for t in KEY], decision="fail", failing="key")
case("a fragment missing", signed(canon), txt=KEY[1:], decision="fail", failing="key")
case("another key published", signed(canon), txt=OTHER_KEY, decision="fail", failing="signature")
case("signed by another key", signed(canon, key=pem2), decision="fail", failing="signature")
case("the URL names another template than the one checked", BASE + "mail/apply?domain=example.com&target=x.sp.example", template="unsigned", txt=None,
     decision="fail", failing="template")
case("a variable missing", signed("IP=192.0.2.1&domain=example.com"), decision="fail", failing="variables")
case("a value the engine rejects", signed("IP=999.1.1.1&TEXT=x&domain=example.com"), decision="fail", failing="variables")
case("a javascript: redirect_uri, validly signed", signed(canon + "&redirect_uri=javascript%3Aalert(1)"), decision="fail", failing="redirect_uri")
case("an unsigned redirect outside syncRedirectDomain", BASE + "web/apply?domain=example.com&target=shop.sp.example&redirect_uri=https%3A%2F%2Fevil.example%2F",
     template="unsigned", txt=None, decision="fail", failing="redirect_uri")
case("a redirect inside syncRedirectDomain", BASE + "web/apply?domain=example.com&target=shop.sp.example&redirect_uri=https%3A%2F%2Fsp.replay.example%2Fdone&state=s1",
     template="unsigned", txt=None)
case("a control character in a value, signed", signed("IP=192.0.2.1&TEXT=bell%07&domain=example.com"), decision="fail", failing="url")
case("not an apply path", "https://dns.example/v2/domainTemplates/providers/replay.example/services/mail?domain=example.com", decision="fail", failing="url")
case("a parameter given twice", BASE + "mail/apply?domain=example.com&domain=example.net&IP=192.0.2.1&TEXT=x", decision="fail", failing="url")
case("no template to be had", signed(canon), template=None, decision="fail", failing="template")
case("a template that does not load", signed(canon), template='{"providerId": "replay.example", "records": [', decision="fail", failing="template")
case("hostRequired and no host", BASE + "sub/apply?domain=example.com&IP=192.0.2.1", template="hostreq", txt=None, decision="fail", failing="template")
case("syncBlock", BASE + "blocked/apply?domain=example.com&IP=192.0.2.1", template="blocked", txt=None, decision="fail", failing="template")
case("Host, a variable that looks like host", BASE + "web/apply?domain=example.com&target=shop.sp.example&Host=www", template="unsigned", txt=None,
     decision="warn", steps={"url": "warn", "variables": "warn"})
broken = signed(canon)
case("a signed URL broken across lines by a mail client", broken[:70] + "\n" + broken[70:200] + "\r\n" + broken[200:], decision="warn", steps={"url": "warn", "signature": "ok"})
case("host doubling the domain", BASE + "web/apply?domain=example.com&host=shop.example.com&target=shop.sp.example", template="unsigned", txt=None,
     decision="warn", steps={"url": "warn"})

json.dump({"templates": TEMPLATES, "key": KEY, "zone": ZONE, "cases": cases}, open(OUT, "w"), indent=1)
print(f"{len(cases)} cases written to {OUT}")
