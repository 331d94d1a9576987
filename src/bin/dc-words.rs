//! The words bundle: Project Fluent's runtime (`fluent-bundle`, through `dc-i18n`'s
//! `Catalogue`) for a consent page that speaks another language than English. Loaded
//! on demand (`boot.js`'s `dcWords`), so an English page's first load does not carry it.
//! The page hands it the catalogue texts it fetched, then asks for each message.

#[cfg(target_arch = "wasm32")]
mod exports {
    use dc_i18n::{Catalogue, Value};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::wasm_bindgen;

    thread_local! {
        static CATALOGUE: RefCell<Option<Catalogue>> = const { RefCell::new(None) };
        static WARNED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    /// Speak `tag`, from its shipped catalogue and the operator's (either may be absent);
    /// what could not be read, one warning per line ("" when all could).
    #[wasm_bindgen]
    pub fn load(tag: &str, shipped: Option<String>, operator: Option<String>) -> String {
        let c = Catalogue::new(tag, shipped, operator);
        let warnings = c.warnings.join("\n");
        CATALOGUE.with(|cat| *cat.borrow_mut() = Some(c));
        warnings
    }

    /// The message `id` with `args` (a JSON object: strings and numbers) filled; a
    /// message the catalogue lacks or breaks comes in English, with one console warning.
    #[wasm_bindgen]
    pub fn format(id: &str, args: &str) -> String {
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(args).unwrap_or_default();
        let args: Vec<(&str, Value)> = map
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    serde_json::Value::Number(n) => Value::from(n.as_f64().unwrap_or_default()),
                    serde_json::Value::String(s) => Value::from(s.as_str()),
                    other => Value::from(other.to_string()),
                };
                (k.as_str(), v)
            })
            .collect();
        let (text, warning) = CATALOGUE.with(|c| match &*c.borrow() {
            Some(c) => c.text(id, &args),
            None => (id.to_string(), Some("no catalogue loaded".into())),
        });
        if let Some(w) = warning {
            let new = WARNED.with(|s| {
                let mut s = s.borrow_mut();
                let new = !s.contains(&w);
                if new {
                    s.push(w.clone());
                }
                new
            });
            if new {
                web_sys::console::warn_1(&w.into());
            }
        }
        text
    }
}

fn main() {}
