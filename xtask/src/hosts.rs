//! The same headers, caching and single-page fallback as `dist/_headers` and `cargo
//! xtask serve`, written for the two web servers providers run most: nginx and Caddy.
//! `cargo xtask headers --for nginx|caddy [--config FILE]` prints them; the README
//! shows them for the default configuration (a test keeps it so), and the browser tier
//! serves `dist/` with each and loads the consent screen through it.

use crate::web::page_headers;

/// Hashed file names (`dc-…`, `tools/dc-…`, `main-…`): cached for a year.
const HASHED: &str = "^/(tools/|explain/|words/)?(dc-|main-)";

/// Where a snippet serves from.
pub struct Place<'a> {
    /// The `dist/` directory on the server.
    pub root: &'a str,
    /// nginx's `listen`.
    pub listen: &'a str,
    /// Caddy's site address.
    pub site: &'a str,
}

/// README's example: a host named by the operator, `dist/` copied to `/srv/dist`.
pub const EXAMPLE: Place<'static> = Place { root: "/srv/dist", listen: "443 ssl", site: "dc.example.net" };

/// An nginx `server` block. `brotli_static` needs the `ngx_brotli` module (Debian:
/// `libnginx-mod-http-brotli-static`); `gzip_static` is built in.
pub fn nginx(config: Option<&str>, at: &Place) -> Result<String, String> {
    // add_header in a location replaces the server's: every location lists them all.
    let headers = |cache: &str| -> Result<String, String> {
        let mut out = String::new();
        for (k, v) in page_headers(config)? {
            out += &format!("        add_header {k} \"{v}\" always;\n");
        }
        Ok(out + &format!("        add_header Cache-Control \"{cache}\" always;\n"))
    };
    Ok(format!(
        "# Written by `cargo xtask headers --for nginx` from config.json.\n\
         server {{\n    listen {listen};\n{tls}    root {root};\n    types {{ application/wasm wasm; text/javascript js; text/css css; application/json json; text/html html; }}\n\
         \x20   # Files the build compressed beside each asset (name.br, name.gz).\n    brotli_static on;\n    gzip_static on;\n\
         \x20   location ~ /\\. {{ return 404; }}\n\
         \x20   location ~ {HASHED} {{\n{hashed}        try_files $uri =404;\n    }}\n\
         \x20   location / {{\n{page}        # The app's routes (the apply URL among them) are the page.\n        try_files $uri /index.html;\n    }}\n}}\n",
        listen = at.listen,
        tls = if at.listen.contains("ssl") { "    # server_name, ssl_certificate and ssl_certificate_key: as for your other sites.\n" } else { "" },
        root = at.root,
        hashed = headers("public, max-age=31536000, immutable")?,
        page = headers("no-cache")?,
    ))
}

/// A Caddyfile site block.
pub fn caddy(config: Option<&str>, at: &Place) -> Result<String, String> {
    let mut headers = String::new();
    for (k, v) in page_headers(config)? {
        headers += &format!("        {k} \"{v}\"\n");
    }
    Ok(format!(
        "# Written by `cargo xtask headers --for caddy` from config.json.\n\
         {listen} {{\n    root * {root}\n    header {{\n{headers}    }}\n\
         \x20   @hashed path_regexp {HASHED}\n    header @hashed Cache-Control \"public, max-age=31536000, immutable\"\n\
         \x20   @revalidated not path_regexp {HASHED}\n    header @revalidated Cache-Control \"no-cache\"\n\
         \x20   @hidden path_regexp /\\.\n    respond @hidden 404\n\
         \x20   # The app's routes (the apply URL among them) are the page.\n    try_files {{path}} /index.html\n\
         \x20   # Files the build compressed beside each asset (name.br, name.gz).\n    file_server {{\n        precompressed br gzip\n    }}\n}}\n",
        listen = at.site,
        root = at.root,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README shows what these functions write for the default configuration.
    #[test]
    fn the_readme_shows_the_snippets_these_functions_write() {
        let readme = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
        for (name, text) in [("nginx", nginx(None, &EXAMPLE).unwrap()), ("caddy", caddy(None, &EXAMPLE).unwrap())] {
            assert!(readme.contains(&text), "README.md lacks the {name} snippet `cargo xtask headers --for {name}` prints:\n{text}");
        }
    }

    #[test]
    fn every_location_carries_every_header() {
        let n = nginx(Some(r#"{"dashboard_origins": ["https://dash.example"]}"#), &EXAMPLE).unwrap();
        assert_eq!(n.matches("frame-ancestors 'self' https://dash.example\"").count(), 2, "{n}");
        assert_eq!(n.matches("add_header X-Content-Type-Options").count(), 2, "{n}");
    }
}
