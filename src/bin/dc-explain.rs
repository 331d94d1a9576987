//! The explain bundle: what the consent page asks only when it has something to explain
//! — which services a removal breaks (the catalogue's matching), and what a Service
//! Provider signed when its signature does not verify (a search of up to 2,000 RSA
//! verifications). Loaded on demand (`boot.js`'s `dcExplain`), so the consent page's
//! first load does not carry it. Strings in, JSON strings out: the consent page reads
//! them with the parser it already has.

#[cfg(target_arch = "wasm32")]
mod exports {
    use domain_connect::consequences::Catalogue;
    use domain_connect::signature::{self, search};
    use domain_connect::ZoneRecord;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// `catalogue`: catalogue.json's rows; `records`: a JSON array with, for each
    /// deleted record, the record or `null` (nothing to attribute). The answer: for each,
    /// the services its removal breaks, as [`Break::to_row`] rows.
    ///
    /// [`Break::to_row`]: domain_connect::consequences::Break::to_row
    #[wasm_bindgen]
    pub fn breaks(catalogue: &str, records: &str, own_provider: &str, own_service: &str) -> String {
        let catalogue = serde_json::from_str(catalogue).map(Catalogue::from_rows).unwrap_or_default();
        let records: Vec<Option<ZoneRecord>> = serde_json::from_str(records).unwrap_or_default();
        let breaks = catalogue.attribute_each(records.iter().map(Option::as_ref), own_provider, own_service);
        let rows: Vec<Vec<[String; 4]>> = breaks.iter().map(|b| b.iter().map(|b| b.to_row()).collect()).collect();
        serde_json::to_string(&rows).unwrap_or_default()
    }

    /// The flags of the names a link gives (`names`: a JSON array), each as a sentence.
    #[wasm_bindgen]
    pub fn names(catalogue: &str, own_provider: &str, names: &str) -> String {
        let catalogue = serde_json::from_str(catalogue).map(Catalogue::from_rows).unwrap_or_default();
        let names: Vec<String> = serde_json::from_str(names).unwrap_or_default();
        let flags: Vec<String> = names.iter().flat_map(|n| domain_connect::names::check(n, own_provider, &catalogue)).map(|f| f.to_string()).collect();
        serde_json::to_string(&flags).unwrap_or_default()
    }

    /// What `sig` signs (`known`: the template's variables, `txt`: the key's TXT strings,
    /// both JSON arrays): `[explanation, the bytes that verify or ""]`.
    #[wasm_bindgen]
    pub fn search(raw_query: &str, sig: &str, known: &str, txt: &str) -> String {
        let known: Vec<String> = serde_json::from_str(known).unwrap_or_default();
        let txt: Vec<String> = serde_json::from_str(txt).unwrap_or_default();
        let answer = match signature::assemble_key(&txt) {
            Ok(key) => {
                let s = search::search(raw_query, sig, &known, &key);
                [s.explain(), s.found.map(|f| f.bytes).unwrap_or_default()]
            }
            Err(e) => [format!("The key cannot be assembled: {e}."), String::new()],
        };
        serde_json::to_string(&answer).unwrap_or_default()
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("dc-explain is the web app's on-demand explain bundle; build and serve it with `cargo xtask serve`");
}
