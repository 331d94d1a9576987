//! The query a Service Provider signs, laid out either way a signer meets today:
//! the draft's canonical string (§8.3.2.1: every name and value percent-encoded as
//! RFC 3986 says, sorted by encoded name, joined with `&`) or the order the parameters
//! were given in, form-encoded, as v2.3 signers send it. A verifier needs neither: it
//! checks the query as it was received ([`super::signed_bytes`]).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// RFC 3986 §2.3: everything but the unreserved characters is percent-encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// How the parameters are laid out before signing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum QueryOrder {
    /// The draft's canonical string: RFC 3986 encoding, sorted by encoded name.
    #[default]
    Canonical,
    /// The order given, form-encoded (`application/x-www-form-urlencoded`, a space as
    /// `+`): what v2.3 signers sign.
    AsGiven,
}

/// The query string of `params` laid out as `order` says; `sig` and `key` are left
/// out wherever they stand (they are appended after signing).
pub fn signing_query<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>, order: QueryOrder) -> String {
    let params = params.into_iter().filter(|(n, _)| *n != "sig" && *n != "key");
    match order {
        QueryOrder::AsGiven => {
            let mut q = form_urlencoded::Serializer::new(String::new());
            q.extend_pairs(params);
            q.finish()
        }
        QueryOrder::Canonical => {
            let enc = |s: &str| utf8_percent_encode(s, UNRESERVED).to_string();
            let mut pairs: Vec<(String, String)> = params.map(|(n, v)| (enc(n), enc(v))).collect();
            // Stable: a repeated name keeps its values in the order given.
            pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            pairs.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("&")
        }
    }
}

/// Each name and value RFC 3986-encoded, in the order given (not the draft's form:
/// unsorted; some signers send it).
pub fn rfc3986_query<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let enc = |s: &str| utf8_percent_encode(s, UNRESERVED).to_string();
    params.into_iter().map(|(n, v)| format!("{}={}", enc(n), enc(v))).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drafts_example_is_sorted_and_encoded_as_rfc_3986() {
        let given = [("domain", "example.com"), ("text", "a+b"), ("b", "2"), ("ip", "192.0.2.1"), ("a", "1"), ("sig", "x"), ("key", "_dck1")];
        assert_eq!(signing_query(given, QueryOrder::Canonical), "a=1&b=2&domain=example.com&ip=192.0.2.1&text=a%2Bb");
        assert_eq!(signing_query(given, QueryOrder::AsGiven), "domain=example.com&text=a%2Bb&b=2&ip=192.0.2.1&a=1");
    }

    #[test]
    fn spaces_and_unicode_differ_between_the_two_forms() {
        let given = [("T", "a b~é"), ("A", "x")];
        assert_eq!(signing_query(given, QueryOrder::Canonical), "A=x&T=a%20b~%C3%A9");
        assert_eq!(signing_query(given, QueryOrder::AsGiven), "T=a+b%7E%C3%A9&A=x");
    }

    #[test]
    fn names_sort_by_their_bytes_and_a_repeated_name_keeps_its_order() {
        let given = [("b", "2"), ("B", "1"), ("a", "second"), ("a", "first")];
        assert_eq!(signing_query(given, QueryOrder::Canonical), "B=1&a=second&a=first&b=2");
    }
}
