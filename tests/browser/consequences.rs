//! Consequences on the consent screen: the services a removal breaks, at the row and
//! above Connect; and a request already applied says so, offers the way back, and
//! sends nothing.

use super::*;

const O365: &str = "/v2/domainTemplates/providers/microsoft.com/services/O365/apply";
const TEMPLATE1: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template1/apply";

/// A zone holding Gmail's MX records; Office 365 replaces them: the rows and the
/// summary name Gmail Setup (from the catalogue, fetched only now), as mail.
#[tokio::test]
async fn replacing_gmails_mx_names_gmail_setup_at_the_row_and_above_connect() {
    with_browser("breaks_gmail", |c| async move {
        let base = env("DC_SANDBOX_APP");
        let zone = json!([
            {"type": "MX", "name": "@", "data": "aspmx.l.google.com", "priority": 1, "ttl": 3600},
            {"type": "MX", "name": "@", "data": "alt1.aspmx.l.google.com", "priority": 5, "ttl": 3600},
            {"type": "A", "name": "@", "data": "192.0.2.80", "ttl": 3600}
        ]);
        c.goto(&format!("{base}/no/such/page")).await.unwrap();
        c.execute("localStorage.setItem('dc-sandbox-zone:gmail.example', arguments[0])", vec![json!(zone.to_string())]).await.unwrap();
        let url = format!(
            "{base}{O365}?domain=gmail.example&MX=gmail-example.mail.protection.outlook.com&LOGINHOST=login.example&AUTODISCOVER=autodiscover.outlook.com&SPFRULES=include%3Aspf.protection.outlook.com&SIP=sip.example&LYNCDISCOVER=lync.example&SIPDIR=sip.example&SIPFED=fed.example&DKIMSEL1=s1.example&DKIMSEL2=s2.example&ENTENROLL=enroll.example&ENTREG=reg.example&MSOID=msoid.example&VERIFYTXT=MS%3Dms1234"
        );
        c.goto(&url).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        let row = wait_text(&c, "tr[data-change=remove][data-type=MX] [data-testid=breaks]", |t| !t.is_empty()).await;
        assert_eq!(row, Ok("This stops Gmail Setup — google.com.".to_string()));
        let rows = c.find_all(Locator::Css("tr[data-change=remove] [data-testid=breaks]")).await.unwrap();
        assert_eq!(rows.len(), 2, "the two MX records; the A record is nobody's");
        let summary = text(&c, "[data-testid=disables]").await;
        assert!(summary.starts_with("Connecting disables: Gmail Setup — google.com"), "{summary}");
        assert!(summary.contains("used for mail"), "{summary}");
        let class = wait_css(&c, "[data-testid=disables]").await.attr("class").await.unwrap().unwrap_or_default();
        assert!(class.contains("serious"), "mail is shown prominently: {class}");
        assert!(fetched(&c).await.iter().any(|f| f.ends_with("/catalogue.json")), "the catalogue is fetched when something is removed");
        resize(&c, 1280, 2400).await;
        shot(&c, "consent-breaks-gmail").await;
        resize(&c, 360, 3000).await;
        assert_no_sideways_scroll(&c, 360, "breaks").await;
        shot(&c, "consent-breaks-gmail-360").await;
    })
    .await;
}

/// Connect, open the same URL again: "already set up", no add or remove rows, the way
/// back with `state`, and the zone as Connect left it (nothing sent). A page that
/// removes nothing does not fetch the catalogue.
#[tokio::test]
async fn a_request_already_applied_says_so_and_sends_nothing() {
    with_browser("already_set_up", |c| async move {
        let base = env("DC_SANDBOX_APP");
        let request = format!(
            "{TEMPLATE1}?domain=again.example&IP=192.0.2.10&RANDOMTEXT=shm%3A1%3Ax&redirect_uri=https%3A%2F%2Fexampleservice.domainconnect.org%2Fdone&state=abc"
        );
        c.goto(&format!("{base}/no/such/page")).await.unwrap();
        c.execute("localStorage.removeItem('dc-sandbox-zone:again.example')", vec![]).await.unwrap();
        c.goto(&format!("{base}{request}")).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        assert!(c.find(Locator::Css("[data-testid=already-set-up]")).await.is_err());
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let back = "https://exampleservice.domainconnect.org/done?state=abc";
        assert_eq!(super::decide::wait_url(&c, back).await, back);
        // Again.
        c.goto(&format!("{base}{request}")).await.unwrap();
        let said = wait_text(&c, "[data-testid=already-set-up]", |t| !t.is_empty()).await;
        assert!(said.as_deref().is_ok_and(|s| s.contains("is already set up on again.example: nothing would change")), "{said:?}");
        let stored = super::decide::stored(&c, "dc-sandbox-zone:again.example").await.expect("Connect stored the zone");
        for change in ["add", "remove"] {
            let rows = c.find_all(Locator::Css(&format!("tr[data-change={change}]"))).await.unwrap();
            assert!(rows.is_empty(), "no {change} rows after Connect");
        }
        assert!(c.find(Locator::Css("[data-testid=connect]")).await.is_err(), "no Connect when nothing would change");
        assert!(c.find_all(Locator::Css("[data-testid=proxy-toggle]")).await.unwrap().is_empty(), "no proxy switches: nothing would be applied");
        assert!(!fetched(&c).await.iter().any(|f| f.ends_with("/catalogue.json")), "nothing removed, no catalogue");
        shot(&c, "consent-already-set-up").await;
        wait_css(&c, "[data-testid=return]").await.click().await.unwrap();
        assert_eq!(super::decide::wait_url(&c, back).await, back);
        c.goto(&format!("{base}/no/such/page")).await.unwrap();
        assert_eq!(super::decide::stored(&c, "dc-sandbox-zone:again.example").await.as_deref(), Some(stored.as_str()), "nothing was written");
    })
    .await;
}

/// A signed request with a parameter appended after signing: the consent page refuses
/// it, and "How this was checked" (searched only when opened) says what was signed.
#[tokio::test]
async fn how_this_was_checked_says_what_the_client_signed() {
    with_browser("consent_forensic", |c| async move {
        c.goto(&format!("{}{SIGNED}&ts=1712345678", env("DC_SANDBOX_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        assert!(text(&c, "[data-testid=signature]").await.contains("does not verify"));
        assert!(c.find(Locator::Css("[data-testid=signature-search]")).await.is_err(), "not searched before it is opened");
        wait_css(&c, "details.steps summary").await.click().await.unwrap();
        let said = wait_text(&c, "[data-testid=signature-search]", |t| !t.is_empty()).await;
        assert!(said.as_deref().is_ok_and(|s| s.contains("exactly as sent") && s.contains("Not signed, though the URL carries them: ts.")), "{said:?}");
        let signed = SIGNED.split_once('?').unwrap().1.split("&sig=").next().unwrap();
        assert_eq!(text(&c, "[data-testid=signature-found]").await, signed);
    })
    .await;
}

/// A shared template's providerName from the link, in mixed scripts and made to look
/// like Google's: shown beside the template's own, and flagged.
#[tokio::test]
async fn a_provider_name_made_to_look_like_another_is_flagged() {
    with_browser("name_flags", |c| async move {
        let url = format!("{}{O365}?domain=names.example&providerName=G%D0%BE%D0%BEgle&MX=mx.example", env("DC_SANDBOX_APP"));
        c.goto(&url).await.unwrap();
        let provider = wait_text(&c, "[data-testid=provider]", |t| t.contains('(')).await;
        assert!(provider.as_deref().is_ok_and(|p| p.contains("Microsoft") && p.contains("G\u{43e}\u{43e}gle")), "both names: {provider:?}");
        let flags = wait_text(&c, "[data-testid=name-flag]", |t| !t.is_empty()).await;
        assert!(flags.as_deref().is_ok_and(|f| f.contains("mixes letters of different alphabets") && f.contains("U+043E Cyrillic")), "{flags:?}");
        let all = c.find_all(Locator::Css("[data-testid=name-flag]")).await.unwrap();
        let last = all.last().unwrap().text().await.unwrap();
        assert!(last.contains("looks like \"Google\""), "{last}");
        shot(&c, "consent-name-flags").await;
    })
    .await;
}
