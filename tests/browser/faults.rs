//! Faults injected for real between the page and PowerDNS: a proxy the tests control
//! stands in front of PowerDNS's API (the `DC_PROXY_APP` site, whose config.json gives
//! up on a request after `DC_PROXY_TIMEOUT` seconds). It drops, loses and holds requests
//! and answers; the tests open the page in two windows at once and close one mid-Connect.
//! In every case the zone ends as the page says it is, and never half-changed.

use super::records::{pdns_zone, reset_zone, template2, DOMAIN};
use super::*;
use domain_connect::records_api::{self, powerdns};
use domain_connect::{review, ApplyUrl, KeyAnswer, Policy, Signatures, ZoneInput, ZoneRecord};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Mutex, OnceLock};

/// What the proxy does with a PATCH.
#[derive(Clone, Copy, PartialEq, Debug)]
enum OnPatch {
    /// Send it on and answer: a healthy server.
    Pass,
    /// Close the connection without sending it on: PowerDNS stopped.
    Drop,
    /// Send it on, then close without the answer: the answer is lost.
    LoseAnswer,
    /// Send it on at once; answer only after this long.
    HoldAnswer(Duration),
    /// Keep it unsent this long, then send it on (`true`) or drop it.
    HoldRequest(Duration, bool),
}

/// The proxy's switches and counters, shared with the tests.
struct Faults {
    on_patch: Mutex<OnPatch>,
    /// The next this many GETs are closed unanswered (a read lost on the way).
    drop_gets: AtomicUsize,
    /// The next this many GETs are held unanswered past the page's timeout.
    hold_gets: AtomicUsize,
    gets: AtomicUsize,
    /// PATCHes received, and PATCHes that reached PowerDNS.
    patches: AtomicUsize,
    sent_on: AtomicUsize,
}

impl Faults {
    /// A healthy proxy again, counters at 0, PATCHes handled as `on_patch` says.
    fn reset(&self, on_patch: OnPatch) {
        *self.on_patch.lock().unwrap() = on_patch;
        for n in [&self.drop_gets, &self.hold_gets, &self.gets, &self.patches, &self.sent_on] {
            n.store(0, SeqCst);
        }
    }
}

/// The page's timeout on the proxy site.
fn timeout() -> Duration {
    Duration::from_secs(env("DC_PROXY_TIMEOUT").parse().unwrap())
}

/// The proxy on `DC_PROXY_PORT`, started on first use; it runs until the test process ends.
fn proxy() -> &'static Faults {
    static FAULTS: OnceLock<&'static Faults> = OnceLock::new();
    FAULTS.get_or_init(|| {
        let faults: &'static Faults = Box::leak(Box::new(Faults {
            on_patch: Mutex::new(OnPatch::Pass),
            drop_gets: AtomicUsize::new(0),
            hold_gets: AtomicUsize::new(0),
            gets: AtomicUsize::new(0),
            patches: AtomicUsize::new(0),
            sent_on: AtomicUsize::new(0),
        }));
        let listener = std::net::TcpListener::bind(format!("127.0.0.1:{}", env("DC_PROXY_PORT"))).expect("the proxy port is free");
        let api = env("DC_PDNS_API").trim_start_matches("http://").to_string();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let api = api.clone();
                std::thread::spawn(move || pass_on(faults, client, &api));
            }
        });
        faults
    })
}

/// One request from the page: passed on to PowerDNS, or not, as the switches say.
fn pass_on(faults: &Faults, mut client: std::net::TcpStream, api: &str) {
    use std::io::{Read, Write};
    let Some(req) = Request::read(&client) else { return };
    // One request per connection: the browser opens another.
    let mut head = format!("{}\r\n", req.line);
    for (k, v) in req.headers.iter().filter(|(k, _)| !k.eq_ignore_ascii_case("connection")) {
        head += &format!("{k}: {v}\r\n");
    }
    let take = |n: &AtomicUsize| n.fetch_update(SeqCst, SeqCst, |n| n.checked_sub(1)).is_ok();
    let mut hold_answer = Duration::ZERO;
    if head.starts_with("GET ") {
        faults.gets.fetch_add(1, SeqCst);
        if take(&faults.drop_gets) {
            return; // closed: a read lost on the way
        }
        if take(&faults.hold_gets) {
            std::thread::sleep(timeout() * 2);
            return; // never answered
        }
    }
    let is_patch = head.starts_with("PATCH ");
    if is_patch {
        faults.patches.fetch_add(1, SeqCst);
        match *faults.on_patch.lock().unwrap() {
            OnPatch::Pass | OnPatch::LoseAnswer => {}
            OnPatch::Drop => return, // closed: nothing reached PowerDNS
            OnPatch::HoldAnswer(d) => hold_answer = d,
            OnPatch::HoldRequest(d, send) => {
                std::thread::sleep(d);
                if !send {
                    return;
                }
            }
        }
    }
    let head = head + "Connection: close\r\n\r\n";
    let mut upstream = std::net::TcpStream::connect(api).unwrap();
    upstream.write_all(head.as_bytes()).unwrap();
    upstream.write_all(&req.body).unwrap();
    let mut answer = Vec::new();
    let _ = upstream.read_to_end(&mut answer);
    if is_patch {
        faults.sent_on.fetch_add(1, SeqCst);
        if *faults.on_patch.lock().unwrap() == OnPatch::LoseAnswer {
            return; // applied, but the page never hears so
        }
    }
    std::thread::sleep(hold_answer);
    let _ = client.write_all(&answer);
}

/// Wait (up to 20 s) until `ok` holds.
async fn until(what: &str, ok: impl Fn() -> bool) {
    for _ in 0..200 {
        if ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("waited 20 s for {what}");
}

/// The zone Connect on the signed example makes of `before`, as the core computes it.
fn expected_after(before: &[ZoneRecord]) -> Vec<ZoneRecord> {
    let url = ApplyUrl::parse(&format!("https://dns.example{SIGNED}")).unwrap();
    let policy = Policy { signatures: Signatures::Preview, ..Policy::default() };
    let changes = review(&url, &template2(), &KeyAnswer::NotAsked, ZoneInput::Records(before), &policy).changes.unwrap();
    powerdns::expected_zone(&changes, before, DOMAIN)
}

/// Open the signed example through the proxy and wait for Connect.
async fn open(c: &Client) {
    c.goto(&format!("{}{SIGNED}", env("DC_PROXY_APP"))).await.unwrap();
    wait_css(c, "[data-testid=changes]").await;
    wait_css(c, "[data-testid=connect]").await;
}

async fn connect(c: &Client) {
    wait_css(c, "[data-testid=connect]").await.click().await.unwrap();
}

/// The outcome once Connect has finished, either way.
async fn outcome(c: &Client) -> String {
    let done = |t: &str| t.contains("Done") || t.contains("not");
    for _ in 0..3 {
        if let Ok(t) = wait_text(c, "[data-testid=outcome]", done).await {
            return t;
        }
    }
    panic!("no outcome after 30 s: {:?}", text(c, "[data-testid=outcome]").await)
}

#[tokio::test]
async fn a_stopped_server_or_a_lost_answer_is_settled_by_reading_the_zone_again() {
    with_browser("powerdns_dropped", |c| async move {
        reset_zone();
        let before = pdns_zone();
        // First PowerDNS "stops" at the PATCH, so nothing is applied.
        let faults = proxy();
        faults.reset(OnPatch::Drop);
        open(&c).await;
        connect(&c).await;
        let failed = wait_text(&c, "[data-testid=apply-failed]", |t| t.contains("Nothing was changed")).await;
        let failed = failed.unwrap_or_else(|t| panic!("no clear 'not applied': {t:?}"));
        assert!(failed.contains("The changes were not applied") && failed.contains("unchanged"), "{failed}");
        assert_eq!(faults.patches.load(SeqCst), 1);
        assert!(records_api::diff(&before, &pdns_zone()).is_empty(), "nothing half-applied");

        // Then the answer to a PATCH that PowerDNS applied is lost: the page reads the
        // zone again and says the change is in place.
        *faults.on_patch.lock().unwrap() = OnPatch::LoseAnswer;
        open(&c).await;
        connect(&c).await;
        let outcome = outcome(&c).await;
        assert!(outcome.contains("Done") && outcome.contains("reading the zone again shows every change in place"), "{outcome}");
        assert_eq!(faults.patches.load(SeqCst), 2);

        // A read lost on the way (the zone's GET, closed unanswered, twice) is tried
        // again: the page still shows the request.
        reset_zone();
        faults.reset(OnPatch::Pass);
        faults.drop_gets.store(2, SeqCst);
        open(&c).await;
        assert_eq!(faults.drop_gets.load(SeqCst), 0, "both dropped reads were tried again");
        assert_eq!(faults.gets.load(SeqCst), 3);
        assert!(c.find(Locator::Css("[data-testid=load-error]")).await.is_err());
        reset_zone();
    })
    .await;
}

#[tokio::test]
async fn a_held_answer_is_given_up_after_the_timeout_and_what_happened_is_read_from_the_zone() {
    with_browser("powerdns_held", |c| async move {
        let faults = proxy();
        let secs = timeout().as_secs();
        // 1. The zone's read held unanswered: given up after the timeout, said so, not
        //    tried again (it already waited), nothing offered to apply.
        reset_zone();
        let before = pdns_zone();
        faults.reset(OnPatch::Pass);
        faults.hold_gets.store(1, SeqCst);
        c.goto(&format!("{}{SIGNED}", env("DC_PROXY_APP"))).await.unwrap();
        let mut error = Err(String::new());
        for _ in 0..3 {
            error = wait_text(&c, "[data-testid=load-error]", |t| t.contains("no answer")).await;
            if error.is_ok() {
                break;
            }
        }
        let error = error.unwrap_or_else(|t| panic!("no timeout said: {t:?}"));
        assert!(error.contains(&format!("no answer within {secs} s")) && error.contains("Nothing has been changed"), "{error}");
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert_eq!(faults.gets.load(SeqCst), 1, "a read given up after the timeout is not tried again");
        assert!(c.find(Locator::Css("[data-testid=connect]")).await.is_err());

        // 2. PowerDNS applies the PATCH but its answer is held past the timeout: the page
        //    gives up, reads the zone again and finds the change in place.
        faults.reset(OnPatch::HoldAnswer(timeout() + Duration::from_secs(3)));
        open(&c).await;
        connect(&c).await;
        let said = outcome(&c).await;
        assert!(said.contains("Done") && said.contains(&format!("no answer within {secs} s")) && said.contains("every change in place"), "{said}");
        assert!(records_api::diff(&expected_after(&before), &pdns_zone()).is_empty());

        // 3. The PATCH itself is held past the timeout, then sent on: when the page reads
        //    the zone again it is still unchanged, yet the change may still come — so the
        //    page says it is not known, never "nothing was changed". It comes; opening
        //    the page again shows the request already set up.
        reset_zone();
        faults.reset(OnPatch::HoldRequest(timeout() + Duration::from_secs(3), true));
        open(&c).await;
        connect(&c).await;
        let failed = wait_text(&c, "[data-testid=apply-failed]", |t| t.contains("not known")).await;
        let failed = failed.unwrap_or_else(|t| panic!("{t:?}"));
        assert!(failed.contains("unchanged so far") && failed.contains("may still carry out"), "{failed}");
        assert!(!failed.contains("Nothing was changed"), "{failed}");
        shot(&c, "timeout-not-known").await;
        until("the held PATCH to reach PowerDNS", || faults.sent_on.load(SeqCst) == 1).await;
        assert!(records_api::diff(&expected_after(&before), &pdns_zone()).is_empty(), "all of the change, not part");
        c.goto(&format!("{}{SIGNED}", env("DC_PROXY_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=already-set-up]").await;
        reset_zone();
    })
    .await;
}

#[tokio::test]
async fn two_windows_connecting_at_once_change_the_zone_once() {
    with_browser("powerdns_two_windows", |c| async move {
        reset_zone();
        let before = pdns_zone();
        let faults = proxy();
        // The first window's PATCH is slow to reach PowerDNS, so the second Connect
        // comes while the zone still reads as before: without taking turns, the second
        // window would send its own PATCH.
        faults.reset(OnPatch::HoldRequest(Duration::from_secs(2), true));
        let first = c.window().await.unwrap();
        open(&c).await;
        let second = c.new_window(true).await.unwrap().handle;
        c.switch_to_window(second.clone()).await.unwrap();
        open(&c).await;

        c.switch_to_window(first.clone()).await.unwrap();
        connect(&c).await;
        until("the first window's PATCH", || faults.patches.load(SeqCst) == 1).await;
        c.switch_to_window(second.clone()).await.unwrap();
        connect(&c).await;
        // The second waits its turn, reads the zone again, finds the change made and
        // sends nothing.
        let second_said = outcome(&c).await;
        assert!(second_said.contains("already hold these changes") && second_said.contains("nothing was sent"), "{second_said}");
        shot(&c, "second-window-already").await;
        c.switch_to_window(first).await.unwrap();
        let first_said = outcome(&c).await;
        assert!(first_said.contains("Done: the changes were applied"), "{first_said}");
        assert_eq!(faults.patches.load(SeqCst), 1, "one change sent, not two");
        assert!(records_api::diff(&expected_after(&before), &pdns_zone()).is_empty());
        reset_zone();
    })
    .await;
}

#[tokio::test]
async fn a_page_closed_in_the_middle_of_connect_shows_the_zone_as_it_now_is_when_opened_again() {
    with_browser("powerdns_closed", |c| async move {
        let faults = proxy();
        let main = c.window().await.unwrap();
        // Closed while PowerDNS applies (its answer held): opened again, the page finds
        // the request already set up. Closed while the PATCH is held unsent, which then
        // never arrives: opened again, the page offers the same change.
        for (on_patch, applied) in [(OnPatch::HoldAnswer(Duration::from_secs(3)), true), (OnPatch::HoldRequest(Duration::from_secs(3), false), false)] {
            reset_zone();
            let before = pdns_zone();
            faults.reset(on_patch);
            let tab = c.new_window(true).await.unwrap().handle;
            c.switch_to_window(tab).await.unwrap();
            open(&c).await;
            connect(&c).await;
            until("the PATCH", || faults.patches.load(SeqCst) == 1).await;
            c.close_window().await.unwrap();
            c.switch_to_window(main.clone()).await.unwrap();
            tokio::time::sleep(Duration::from_secs(4)).await; // the held PATCH settles
            assert_eq!(faults.sent_on.load(SeqCst), usize::from(applied), "{on_patch:?}");
            let now = pdns_zone();
            c.goto(&format!("{}{SIGNED}", env("DC_PROXY_APP"))).await.unwrap();
            if applied {
                assert!(records_api::diff(&expected_after(&before), &now).is_empty(), "all of the change");
                wait_css(&c, "[data-testid=already-set-up]").await;
                assert!(c.find(Locator::Css("[data-testid=connect]")).await.is_err());
            } else {
                assert!(records_api::diff(&before, &now).is_empty(), "none of the change");
                wait_css(&c, "[data-testid=connect]").await;
                assert!(c.find(Locator::Css("[data-testid=already-set-up]")).await.is_err());
            }
        }
        reset_zone();
    })
    .await;
}
