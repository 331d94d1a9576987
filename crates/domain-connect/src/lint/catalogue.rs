//! Every lint rule: code, level, what it says, how to fix it. dc-template-linter's
//! rules keep its codes and levels (its texts with their typos mended); ours are `DCX…`.

use super::Level::{self, Error, Info, Warn};

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// `DCTL1021`, `DCX004`.
    pub code: &'static str,
    /// The level of its findings.
    pub level: Level,
    /// What it says.
    pub text: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

const fn r(code: &'static str, level: Level, text: &'static str, fix: &'static str) -> Rule {
    Rule { code, level, text, fix }
}

/// The catalogue, in code order.
pub const RULES: &[Rule] = &[
    r("DCTL0001", Error, "cannot open file", "Check the path and that the file is readable UTF-8 text."),
    r("DCTL0003", Error, "json error", "Write the template as JSON with only the properties the spec defines (vendor properties start with \"vnd.\")."),
    r("DCTL0008", Error, "required field is missing", "Give the record the field its type needs: pointsTo (CNAME, NS, MX), data (TXT), target (SRV, REDIR)."),
    r("DCTL0009", Info, "unnecessary field found", "Remove the field: this record type does not use it."),
    r("DCTL1002", Error, "id contains invalid characters", "Use only letters, digits, '-', '.' and '_' in providerId and serviceId."),
    r("DCTL1003", Error, "file name does not use required pattern", "Name the file {providerId}.{serviceId}.json, lowercased."),
    r("DCTL1004", Error, "duplicate providerId + serviceId detected", "Give each template its own providerId/serviceId pair, or remove the copy."),
    r("DCTL1005", Error, "template field validation", "Fill the field within its limits (see the message)."),
    r("DCTL1006", Info, "missing or zero version number", "Set \"version\" to a positive integer and raise it with each change."),
    r("DCTL1007", Error, "shared flag is deprecated, use sharedProviderName", "Set \"sharedProviderName\": true (keep \"shared\" only for old DNS providers)."),
    r("DCTL1008", Info, "sharedProviderName is in use without 'shared' compatibility", "Also set \"shared\": true for DNS providers that predate sharedProviderName."),
    r("DCTL1009", Error, "variable in invalid context", "Variables work only in record values; write this field literally."),
    r("DCTL1011", Error, "CNAME cannot be mixed with other record types", "Give the CNAME a host of its own, or put the records in different groups."),
    r("DCTL1012", Error, "record host must not be @ when template hostRequired is false", "Set \"hostRequired\": true, or give the record a host other than @."),
    r("DCTL1013", Error, "key must not be empty", "Fill the field: the record cannot be written without it."),
    r("DCTL1014", Info, "use SPFM instead of bare SPF record", "Write the SPF terms as an SPFM record so they merge with the domain's existing SPF."),
    r("DCTL1015", Error, "invalid value", "Use a number in range (priority, weight: 0–2147483647; port: 0–65535; ttl: up to 2147483647), a variable, or for protocol _tcp, _udp or _tls."),
    r("DCTL1016", Info, "unexpected record type", "DNS providers need support beyond the spec's types for this one; check yours have it."),
    r("DCTL1017", Error, "spfRules contain invalid data", "List only SPF mechanisms and redirect=/exp= modifiers, without v=spf1 and without the final all."),
    r("DCTL1018", Error, "spfRules contain duplicate fields", "Keep one redirect= and one exp=."),
    r("DCTL1019", Warn, "variable contains invalid character", "Name variables with letters, digits, '-' and '_' only."),
    r("DCTL1020", Error, "variable is not terminated", "Close every %variable% with a second '%'."),
    r("DCTL1021", Info, "missing from IANA definitions", "Use an underscored name from the IANA registry (RFC 8552) with a record type it allows, or check that the name is meant."),
    r("DCTL1022", Error, "invalid hostname", "Write a fully qualified domain name with at least one dot."),
    r("DCTL1023", Warn, "duplicate record entry", "Remove the repeated record."),
    r("DCTL1024", Info, "use of %host% variable name is problematic", "Rename the variable: %host% is the apply URL's host parameter."),
    r("DCTL1025", Info, "use of underscore detected in a host: element", "Hostnames take letters, digits and '-'; an underscore belongs only at the start of a service label."),
    r("DCTL1026", Warn, "syncRedirectDomain must be a comma separated values without whitespaces", "Remove the spaces around the commas."),
    r("DCTL1027", Error, "record host contains illegal character(s)", "Use letters, digits, '-', '_', '.', %variables%, or exactly @ or *."),
    r("DCTL1028", Error, "warnPhishing and syncPubKeyDomain are mutually exclusive", "Remove warnPhishing: a signed template needs no phishing warning."),
    r("DCTL1029", Info, "template does not have syncPubKeyDomain", "Sign requests: publish a key and set syncPubKeyDomain, so DNS providers can tell your requests from forgeries."),
    r("DCTL1030", Error, "template does not have any records", "Add the records the service needs."),
    r("DCTL1031", Info, "all record groupId values are the same", "Remove groupId: one group is the same as none."),
    r("DCTL1032", Info, "mix of empty and defined record groupId values", "Give every record a groupId, or none."),
    r("DCTL1033", Warn, "multiInstance with CNAME on @ does not make sense", "Remove multiInstance, or move the CNAME off @."),
    r("DCTL1034", Error, "address record must point to a valid IP or a variable", "Write an IP address or a %variable% in pointsTo."),
    r("DCTL1035", Error, "A record points to IPv6 address", "Use an AAAA record for an IPv6 address."),
    r("DCTL1036", Error, "AAAA record points to IPv4 address", "Use an A record for an IPv4 address."),
    r("DCTL1037", Info, "hostRequired template should be combined with NS or CNAME record that uses host @ or empty", "Remove hostRequired, unless the service truly cannot work at the apex."),
    r("DCTL1038", Info, "APEXCNAME and REDIRxxx records are not widely supported", "Expect some DNS providers to refuse the template; the IETF draft reserves these types."),
    r("DCTL1039", Info, "all records use the same variable as suffix, consider using host parameter instead", "Drop the variable and let the apply URL's host parameter place the records."),
    r("DCTL5000", Error, "syncBlock is not supported", "Cloudflare applies only synchronous templates: remove syncBlock."),
    r("DCTL5001", Error, "syncPubKeyDomain is required", "Cloudflare applies only signed templates: publish a key and set syncPubKeyDomain."),
    r("DCTL5002", Info, "sharedServiceName is not supported", "Cloudflare ignores sharedServiceName."),
    r("DCTL5003", Info, "syncRedirectDomain is not supported", "Cloudflare ignores syncRedirectDomain; sign redirect_uri instead."),
    r("DCTL5004", Info, "multiInstance is not supported", "Cloudflare ignores multiInstance."),
    r("DCTL5005", Info, "warnPhishing is omitted", "Cloudflare ignores warnPhishing."),
    r("DCTL5006", Info, "hostRequired is not supported", "Cloudflare ignores hostRequired."),
    r("DCTL5007", Info, "domains must use Cloudflare's CNAME flattening setting", "A CNAME or NS at @ works on Cloudflare only through CNAME flattening."),
    r("DCTL5008", Info, "conflict matching is not supported", "Cloudflare ignores txtConflictMatchingMode and txtConflictMatchingPrefix."),
    r("DCTL5009", Error, "APEXCNAME is not supported", "Use a CNAME at @ (Cloudflare flattens it) instead of APEXCNAME."),
    r("DCTL5010", Info, "zero ttl is not honoured", "Give a TTL of at least 1 (Cloudflare's Auto)."),
    r("DCTL5011", Info, "essential is not supported", "Cloudflare ignores essential."),
    r("DCX001", Error, "variable name is reserved", "Rename the variable: the draft (§9.1.2) reserves the apply URL's own parameter names and the dc. and vnd. prefixes."),
    r("DCX002", Error, "identifier outside the draft's limits", "Use 1–63 characters from letters, digits, '.', '_' and '-' (draft §3, dc-id)."),
    r("DCX003", Warn, "text longer than the draft allows", "Shorten it: names up to 255 characters, descriptions up to 2048 (draft §3)."),
    r("DCX004", Warn, "records of one RRset ask for different TTLs", "Give every record of one name and type the same TTL: an RRset has one, and DNS providers pick different ones."),
    r("DCX005", Error, "unsupported templateSpecVersion", "Use templateSpecVersion 1 (or leave it out): a DNS provider must refuse a version it does not support (draft §6.1.1)."),
    r("DCX006", Error, "crit names a property that is not understood", "List in crit only properties a DNS provider must understand, and that this spec defines; every DNS provider refuses the template otherwise (draft §6.1.1)."),
    r("DCX007", Warn, "vendor property name is malformed", "Name vendor properties vnd.<vendor>.<name>, letters only in each part (draft §6.1.1)."),
    r("DCX008", Info, "warnPhishing is deprecated", "Remove warnPhishing: DNS providers now warn about every unsigned request (draft §6.1)."),
];

/// The rule of `code`. Every code the linter emits is in [`RULES`] (a test checks).
pub(crate) fn rule(code: &str) -> &'static Rule {
    RULES.iter().find(|r| r.code == code).unwrap_or(&RULES[0])
}
