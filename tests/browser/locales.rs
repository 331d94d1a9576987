//! The consent screen in the customer's language: the browser's languages choose it
//! (German, Arabic right to left, Japanese), an unknown one gets English without an
//! error, the embedding dashboard's `dc-locale` switches it, only the chosen catalogue
//! is fetched, and the longest strings fit at 360 px. Screenshots per language in
//! `target/screenshots/consent-{tag}[-360].png`.

use super::*;

/// `<html lang dir>` as the page set them.
async fn lang_dir(c: &Client) -> (String, String) {
    let v = c.execute("return [document.documentElement.lang, document.documentElement.dir]", vec![]).await.unwrap();
    (v[0].as_str().unwrap_or_default().to_string(), v[1].as_str().unwrap_or_default().to_string())
}

/// The catalogues (`/locales/*.ftl`) the page fetched.
async fn catalogues(c: &Client) -> Vec<String> {
    fetched(c).await.into_iter().filter(|p| p.starts_with("/locales/")).collect()
}

/// Open the signed example in a browser set to `languages`; wait for the records.
async fn open(c: &Client) {
    c.goto(&format!("{}{SIGNED}", env("DC_SANDBOX_APP"))).await.unwrap();
    wait_css(c, "[data-testid=changes]").await;
}

#[tokio::test]
async fn a_german_browser_gets_the_page_in_german_and_connects_in_german() {
    with_browser_in(Some("de-DE,de,en"), "locale_de", |c| async move {
        open(&c).await;
        assert_eq!(lang_dir(&c).await, ("de".to_string(), "ltr".to_string()));
        assert_eq!(text(&c, "[data-testid=connect]").await, "Verbinden");
        assert_eq!(text(&c, "[data-testid=cancel]").await, "Abbrechen");
        let summary = text(&c, "[data-testid=summary]").await;
        assert!(summary.contains("hinzuzufügen"), "{summary}");
        let lead = text(&c, ".lead").await;
        assert!(lead.contains("möchte") && lead.contains("arnoldblinn.com") && lead.contains("beim Host"), "{lead}");
        // Only German was fetched (English is in the page).
        assert_eq!(catalogues(&c).await, ["/locales/de.ftl"]);
        shot(&c, "consent-de").await;
        resize(&c, 360, 1400).await;
        assert_no_sideways_scroll(&c, 360, "German").await;
        shot(&c, "consent-de-360").await;
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let done = wait_text(&c, "[data-testid=outcome]", |t| t.contains("Fertig")).await;
        assert!(done.as_deref().is_ok_and(|t| t.contains("Die Änderungen wurden angewendet")), "{done:?}");
    })
    .await;
}

#[tokio::test]
async fn an_arabic_browser_gets_the_page_right_to_left_and_mirrored() {
    with_browser_in(Some("ar-EG,ar"), "locale_ar", |c| async move {
        open(&c).await;
        assert_eq!(lang_dir(&c).await, ("ar".to_string(), "rtl".to_string()));
        assert_eq!(text(&c, "[data-testid=connect]").await, "ربط");
        // Mirrored: Connect, the first button, sits at the right, Cancel to its left;
        // the table's first column is at the right; the domain stays left to right.
        let x = c
            .execute(
                "const r = s => document.querySelector(s).getBoundingClientRect(); \
                 const cells = document.querySelectorAll('table.records tbody tr:first-child td'); \
                 return [r('[data-testid=connect]').left, r('[data-testid=cancel]').left, cells[0].getBoundingClientRect().left, cells[1].getBoundingClientRect().left, \
                         getComputedStyle(document.querySelector('.lead .mono')).direction]",
                vec![],
            )
            .await
            .unwrap();
        let n = |i: usize| x[i].as_f64().unwrap();
        assert!(n(0) > n(1), "Connect right of Cancel: {x}");
        assert!(n(2) > n(3), "the first column right of the second: {x}");
        assert_eq!(x[4], json!("ltr"), "a DNS name reads left to right");
        shot(&c, "consent-ar").await;
        resize(&c, 360, 1400).await;
        assert_no_sideways_scroll(&c, 360, "Arabic").await;
        shot(&c, "consent-ar-360").await;
    })
    .await;
}

#[tokio::test]
async fn a_japanese_browser_gets_the_page_in_japanese() {
    with_browser_in(Some("ja-JP,ja"), "locale_ja", |c| async move {
        open(&c).await;
        assert_eq!(lang_dir(&c).await, ("ja".to_string(), "ltr".to_string()));
        assert_eq!(text(&c, "[data-testid=connect]").await, "接続");
        assert_eq!(text(&c, "[data-testid=cancel]").await, "キャンセル");
        let summary = text(&c, "[data-testid=summary]").await;
        assert!(summary.contains("追加"), "{summary}");
        shot(&c, "consent-ja").await;
        resize(&c, 360, 1400).await;
        assert_no_sideways_scroll(&c, 360, "Japanese").await;
    })
    .await;
}

#[tokio::test]
async fn an_unknown_language_gets_english_without_an_error() {
    with_browser_in(Some("tlh,xx-YY"), "locale_unknown", |c| async move {
        open(&c).await;
        assert_eq!(lang_dir(&c).await, ("en".to_string(), "ltr".to_string()));
        assert_eq!(text(&c, "[data-testid=connect]").await, "Connect");
        assert!(catalogues(&c).await.is_empty(), "English is in the page: nothing fetched");
        let problems: Vec<Value> = console(&c)
            .await
            .into_iter()
            // (A Service Provider's logo cannot load offline: that is the network's, not the page's.)
            .filter(|e| {
                e["level"] == "SEVERE" && e["source"] != "network" || e["message"].as_str().is_some_and(|m| m.contains("catalogue") || m.contains(".ftl"))
            })
            .collect();
        assert!(problems.is_empty(), "{problems:?}");
    })
    .await;
}

/// The pseudo-locale (accented, a third longer) at a phone's width: nothing runs off
/// the screen.
#[tokio::test]
async fn the_longest_strings_fit_a_phone() {
    with_browser_in(Some("en-XA"), "locale_pseudo", |c| async move {
        c.set_window_size(360, 1400).await.unwrap();
        open(&c).await;
        assert_eq!(lang_dir(&c).await.0, "en-XA");
        let connect = text(&c, "[data-testid=connect]").await;
        assert!(connect.contains('ǫ') && connect.len() > "Connect".len(), "{connect}");
        assert_no_sideways_scroll(&c, 360, "en-XA").await;
        shot(&c, "consent-en-XA-360").await;
    })
    .await;
}

/// The dashboard chooses the language: `dc-locale` from a listed origin switches the
/// page (the sign-in first, then the records); from the page itself it is ignored.
#[tokio::test]
async fn the_dashboards_dc_locale_switches_the_page() {
    with_browser_in(Some("en-US,en"), "locale_dashboard", |c| async move {
        c.goto(&env("DC_EXAMPLE_DASHBOARD")).await.unwrap();
        let src = format!("{}{SIGNED}", env("DC_DASH_APP"));
        c.execute(
            "document.body.innerHTML = ''; const f = document.createElement('iframe'); f.src = arguments[0]; f.style.width = '900px'; f.style.height = '700px'; document.body.appendChild(f);",
            vec![json!(src)],
        )
        .await
        .unwrap();
        c.enter_frame(0).await.unwrap();
        wait_css(&c, "[data-testid=credential]").await;
        assert_eq!(text(&c, "#consent-title").await, "Sign in to your DNS provider");
        // The framed page posting to itself is not the dashboard: ignored.
        c.execute("postMessage({type: 'dc-locale', locale: 'ja'}, '*')", vec![]).await.unwrap();
        tokio::time::sleep(Duration::from_millis(700)).await;
        assert_eq!(lang_dir(&c).await.0, "en");
        c.enter_parent_frame().await.unwrap();
        c.execute("document.querySelector('iframe').contentWindow.postMessage({type: 'dc-locale', locale: 'fr-CA'}, '*')", vec![]).await.unwrap();
        c.enter_frame(0).await.unwrap();
        let title = wait_text(&c, "#consent-title", |t| t.contains("Connectez-vous")).await;
        assert!(title.is_ok(), "{title:?}");
        assert_eq!(lang_dir(&c).await.0, "fr");
        c.enter_parent_frame().await.unwrap();
        c.execute("document.querySelector('iframe').contentWindow.postMessage({type: 'dc-credential', token: arguments[0]}, '*')", vec![json!(env("DC_PDNS_KEY"))])
            .await
            .unwrap();
        c.enter_frame(0).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        assert_eq!(text(&c, "[data-testid=connect]").await, "Connecter");
        shot(&c, "consent-fr-dashboard").await;
        // Once the user has acted, the language stays: a switch would render the
        // outcome anew mid-change.
        super::records::reset_zone();
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let done = wait_text(&c, "[data-testid=outcome]", |t| t.contains("Terminé")).await;
        assert!(done.is_ok(), "{done:?}");
        c.enter_parent_frame().await.unwrap();
        c.execute("document.querySelector('iframe').contentWindow.postMessage({type: 'dc-locale', locale: 'de'}, '*')", vec![]).await.unwrap();
        c.enter_frame(0).await.unwrap();
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(lang_dir(&c).await.0, "fr");
        assert!(text(&c, "[data-testid=outcome]").await.contains("Terminé"));
        super::records::reset_zone();
    })
    .await;
}

/// An operator's own catalogue (config.json `messages`, from another origin) rewords
/// what it has; a message it breaks stays as shipped; config's `locale` wins over the
/// browser's Japanese.
#[tokio::test]
async fn an_operators_catalogue_overrides_message_by_message() {
    with_browser_in(Some("ja-JP,ja"), "locale_operator", |c| async move {
        c.goto(&format!("{}{SIGNED}", env("DC_LOCALE_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        assert_eq!(lang_dir(&c).await.0, "de");
        assert_eq!(text(&c, "[data-testid=connect]").await, "Jetzt verbinden");
        assert_eq!(text(&c, "[data-testid=cancel]").await, "Nicht verbinden");
        let summary = text(&c, "[data-testid=summary]").await;
        assert!(summary.contains("hinzuzufügen"), "the rest as shipped: {summary}");
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let done = wait_text(&c, "[data-testid=outcome]", |t| t.contains("Fertig")).await;
        assert!(done.is_ok(), "{done:?}");
        let log = console(&c).await;
        assert!(log.iter().any(|m| m["message"].as_str().is_some_and(|m| m.contains("operator"))), "the broken message is said in the console: {log:?}");
    })
    .await;
}
