//! Verify after apply: every added record asked for over the configured
//! DNS-over-HTTPS resolver until it answers as expected — a bounded number of rounds,
//! with a progress bar — then reported record by record.

use crate::config::Config;
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
pub(super) fn Verify(cfg: Config, records: Vec<domain_connect::ZoneRecord>, domain: String, title: &'static str) -> impl IntoView {
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
                    {move || if seen.with(|s| s[i]) { view! { <span class="seen">"✓ answers as expected"</span> }.into_any() }
                        else if state.with(|s| matches!(s, State::Checking(_))) { view! { <span>"waiting…"</span> }.into_any() }
                        else { view! { <span class="unseen">"not visible yet"</span> }.into_any() }}
                </li>
            }
        })
        .collect_view();
    let skipped = unchecked
        .into_iter()
        .map(|u| view! { <li><span class="mono wrap">{visible(&format!("{} {} {}", u.record.name, u.record.rtype, u.record.data)).into_owned()}</span>{format!(" not checked: {}", u.why)}</li> })
        .collect_view();
    view! {
        <section class="verify" data-testid="verify" aria-label=title>
            <h2>{title}</h2>
            <progress max=total value=count aria-label="records answering as expected"></progress>
            <p data-testid="verify-state">{move || match state.get() {
                State::Checking(n) => format!("{} of {total} answering; asking again (round {n} of {ROUNDS})…", count()),
                State::Done => format!("All {total} records answer as expected."),
                State::NotYet => format!(
                    "{} of {total} answer as expected so far. The rest are not visible yet: DNS answers can take a few minutes to change; nothing needs to be done.",
                    count()
                ),
                State::Unavailable(why) => format!("The records could not be checked: {}", visible(&why)),
            }}</p>
            <ul>{rows}{skipped}</ul>
        </section>
    }
}
