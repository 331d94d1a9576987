//! Verify after apply: every added record asked for over the configured
//! DNS-over-HTTPS resolver until it answers as expected — a bounded number of rounds,
//! with a progress bar — then reported record by record.

use crate::config::Config;
use crate::i18n::{t, tr};
use crate::providers;
use domain_connect::display::visible;
use domain_connect::propagation;
use leptos::prelude::*;

/// Rounds of questions, and the wait before each next round (ms).
const ROUNDS: usize = 8;
const WAIT_MS: [i32; ROUNDS] = [0, 500, 1000, 1500, 2000, 3000, 4000, 5000];

#[derive(Clone, PartialEq)]
enum State {
    Checking(usize),
    Done,
    NotYet,
    Unavailable(String),
}

#[component]
pub(super) fn Verify(cfg: Config, records: Vec<domain_connect::ZoneRecord>, domain: String, title: String) -> impl IntoView {
    let (probes, unchecked) = propagation::probes_for(&records, &domain);
    let total = probes.len();
    let seen = RwSignal::new(vec![false; total]);
    let state = RwSignal::new(State::Checking(1));
    {
        let probes = probes.clone();
        leptos::task::spawn_local(async move {
            for (round, wait) in WAIT_MS.iter().enumerate() {
                state.set(State::Checking(round + 1));
                crate::net::sleep(*wait).await;
                for (i, p) in probes.iter().enumerate() {
                    if seen.with_untracked(|s| s[i]) {
                        continue;
                    }
                    match providers::probe(&cfg, p).await {
                        Ok(true) => seen.update(|s| s[i] = true),
                        Ok(false) => {}
                        Err(e) => {
                            state.set(State::Unavailable(e));
                            return;
                        }
                    }
                }
                if seen.with_untracked(|s| s.iter().all(|x| *x)) {
                    state.set(State::Done);
                    return;
                }
            }
            state.set(State::NotYet);
        });
    }
    let count = move || seen.with(|s| s.iter().filter(|x| **x).count());
    let rows = probes
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let what = visible(&format!("{} {} {}", p.name, p.rtype, p.expected)).into_owned();
            view! {
                <li>
                    <span class="mono wrap">{what}</span>" "
                    {move || if seen.with(|s| s[i]) { view! { <span class="seen">"✓ "{t("verify-seen")}</span> }.into_any() }
                        else if state.with(|s| matches!(s, State::Checking(_))) { view! { <span>{t("verify-waiting")}</span> }.into_any() }
                        else { view! { <span class="unseen">{t("verify-unseen")}</span> }.into_any() }}
                </li>
            }
        })
        .collect_view();
    let skipped = unchecked
        .into_iter()
        .map(|u| view! { <li><span class="mono wrap">{visible(&format!("{} {} {}", u.record.name, u.record.rtype, u.record.data)).into_owned()}</span>" "{tr("verify-not-checked", &[("why", u.why.to_string().into())])}</li> })
        .collect_view();
    view! {
        <section class="verify" data-testid="verify" aria-label=title.clone()>
            <h2>{title.clone()}</h2>
            <progress max=total value=count aria-label=t("verify-progress")></progress>
            <p data-testid="verify-state" role="status">{move || match state.get() {
                State::Checking(n) => tr("verify-checking", &[("count", count().into()), ("total", total.into()), ("round", n.into()), ("rounds", ROUNDS.into())]),
                State::Done => tr("verify-done", &[("total", total.into())]),
                State::NotYet => tr("verify-not-yet", &[("count", count().into()), ("total", total.into())]),
                State::Unavailable(why) => tr("verify-unavailable", &[("why", visible(&why).as_ref().into())]),
            }}</p>
            <ul>{rows}{skipped}</ul>
        </section>
    }
}
