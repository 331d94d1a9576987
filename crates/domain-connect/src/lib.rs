//! # domain-connect — the pure Domain Connect protocol core
//!
//! No I/O, no clock, no randomness (instance ids are passed in): every rule the
//! protocol decides lives here, so a DNS provider's backend, the `dconn` CLI and the
//! consent screen (compiled to WebAssembly) all compute the same answer.
//!
//! ## Modules and the spec sections they implement
//! (`shared/spec/domain-connect-spec.adoc`)
//!
//! | module | spec section |
//! |---|---|
//! | [`web`] | the WHATWG URL parser and UTS #46 IDNA the rules lean on, as a seam (a browser passes its own) |
//! | [`json_path`] | where in a JSON text a parse error is, as a path |
//! | [`record_type`] | "Record Types and Conflicts": record types (typed, by name) and every rule about a type; TXT conflict modes |
//! | [`validate`] | value validation of substituted records (as the reference engine) |
//! | [`display`] | hostile text made safe to show: invisible and control characters written out |
//! | [`signature`] | "Digital Signatures": the signed bytes, key TXT assembly, RS256; why a signature does not hold ([`signature::SignatureProblem`]) |
//! | [`error`] | the reference engine's exceptions, each with a typed fault |
//! | [`record`] | zone records in the compliance suites' shape; normalisation; an owner's full name |
//! | [`variables`] | "Variables", host/`@`/`%fqdn%` resolution, "Case Sensitivity" |
//! | [`zone`] | zone import/export: JSON records, BIND zone files (hickory-proto), presentation rdata |
//! | [`template`] | "Template Definition", "Template Record" (`template.schema`) |
//! | [`changeset`] | the result: added / deleted (with the rule that deleted each) / kept |
//! | [`consequences`] | draft-04 §10.6: the services a removal would disable, from `_dc` provenance or a catalogue of templates |
//! | [`lint`] | every dc-template-linter rule (same codes and levels) and the draft's own (DCX…) |
//! | [`apply`] | "Apply Template", "Record Types and Conflicts", "SPF Record Merging", groups, "Multiple Templates" (`_dc`), APEXCNAME, REDIR301/302; the zone indexed by owner name per call, or once ([`IndexedZone`]) |
//! | [`names`] | draft-04 §10.6, §11.5: `providerName`/`serviceName` from the link in mixed scripts, or like another provider's name (UTS #39) |
//! | [`apply_url`] | "Apply Template URL": path, parameter table, "Case Sensitivity" |
//! | [`doh`] | DNS-over-HTTPS: TXT queries and answers, RFC 8484 wire and JSON dialects |
//! | [`return_uri`] | "Same Browser Window": `redirect_uri` policy (syncRedirectDomain, signature), the return URL |
//! | [`verdict`] | the signature verdict of a request, with its steps; the request's flags |
//! | [`records_api`] | DNS providers' records APIs, sans I/O: PowerDNS (one PATCH of whole RRsets) and Cloudflare (one batch); diff and settle around an apply |
//! | [`propagation`] | verify after apply: the DoH probe of each added record |
//! | [`review`] | the whole request: signature, flags, `redirect_uri`, change set, and whether it may be applied |
//! | [`test_url`] | a template's signed test URL, for authors |
//! | [`replay`] | support replay: a reported request (or a HAR file's) as an ordered checklist |
//!
//! The table runs from the lowest floor up: a module imports only modules listed on a
//! floor below its own (`xtask/tests/tidy.rs` holds the floors).
//!
//! ## Reference behaviour, and where we differ
//! The engine follows the reference engine DomainConnectApplyZone 4.7.2 ("DCAZ")
//! rule for rule, in the same order (so the same bad input raises the same
//! exception). It departs on purpose in these places, each with a test in
//! `tests/differences.rs` (numbers are the rows of `shared/reference/dcaz-behaviour.md`):
//!
//! 1. *(same as DCAZ)* loose A/AAAA forms (`132.148.25`, `10`, `0x7f000001`, `/32`) are
//!    accepted by the engine; [`validate::is_strict_ip`] lets the screen flag them.
//! 3. REDIR301/302 targets keep the case of their path and query (DCAZ lowercases the
//!    whole URL, which breaks real redirects); scheme and host are lowercased.
//! 4. A non-integer value for a TTL/priority/weight/port variable is `InvalidData`
//!    naming the field (DCAZ crashes with a Python ValueError).
//! 5. SRV at the apex (owner `_proto`) and SRV with `%protocol%` variables work (DCAZ
//!    validates `_proto.@` before substitution and always fails). **The reference
//!    compliance suites encode DCAZ's refusal of apex SRV**, so this one rule is switchable:
//!    [`Dialect::Reference`] reproduces it, and `dconn conformance` uses it by default.
//! 7. A multi-aware re-apply at the apex replaces the previous instance too (DCAZ's
//!    replace check needs a non-empty host).
//! 8. SPFM "already present" compares whole, whitespace-separated terms,
//!    case-insensitively (DCAZ's substring search counts `include:a.com` as present
//!    beside `include:a.com.evil`).
//! - The CNAME rule is complete: a new CNAME removes *every* record at its name, and any
//!   new record removes a CNAME at its name (DCAZ's per-type lists leave SRV, CAA/custom
//!   and SPFM-made TXT beside a CNAME). The final zone never holds a CNAME beside another
//!   record (a property test checks it).
//! - An absolute host is made relative at a label boundary only: `xfoo.com.` in zone
//!   `foo.com` is not the apex (DCAZ strips the text suffix and lands on `@`).
//! - Re-applying (multi-aware) a template with an SPFM record keeps the SPF record: the
//!   earlier instance's SPF record is written again (DCAZ deletes it and adds nothing).
//! - Template hosts are compared lowercased in the self-conflict and NS checks (DCAZ
//!   compares some of them before lowercasing).
//! - A template whose JSON repeats a key is refused (Python's `json` keeps the last).
//! - Owner names are matched as DNS matches them (RFC 4343): ASCII letters without
//!   regard to case, every other octet exactly. DCAZ lowercases with Python's Unicode
//!   rules, which also makes a zone name spelled with U+212A KELVIN SIGN equal to `k`
//!   (the one character that lowercases into ASCII; template hosts are validated ASCII,
//!   so that is the whole difference). It also lets the engine pass over a record whose
//!   name has the wrong length without reading the name. The same ASCII rule lowercases
//!   names and name-valued data (CNAME/MX/NS/SRV targets) when records are normalised,
//!   and uppercases record types.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// ApplyError carries what the user is shown (field, value as given and substituted,
// record and type); it is the cold path of every engine function, so it stays unboxed.
#![allow(clippy::result_large_err)]

pub mod apply;
pub mod apply_url;
pub mod changeset;
pub mod consequences;
pub mod display;
pub mod doh;
pub mod error;
pub mod json_path;
pub mod lint;
pub mod names;
pub mod propagation;
pub mod record;
pub mod record_type;
pub mod records_api;
pub mod replay;
pub mod return_uri;
pub mod review;
pub mod signature;
pub mod template;
pub mod test_url;
pub mod validate;
pub mod variables;
pub mod verdict;
pub mod web;
pub mod zone;

pub use apply::{
    apply_template, apply_template_indexed, process_records, process_records_indexed, ApplyRequest, Dialect, IndexedZone, ProcessOptions, SignatureGate,
};
pub use apply_url::{ApplyUrl, ApplyUrlError};
pub use changeset::{ChangeSet, ConflictRule, DeletionReason};
pub use error::{ApplyError, Fault, Problem};
pub use record::ZoneRecord;
pub use record_type::{RecordType, TxtConflictMode};
pub use review::{review, Approved, Decision, KeyAnswer, Policy, Refusal, Review, Signatures, ZoneInput};
pub use template::{Template, TemplateError, TemplateRecord};
pub use variables::Params;
pub use web::{RustWeb, WebStandards, WebUrl};
