//! The replay page's parts, each a component over the signals `Replay` holds: the
//! template, TXT and zone given in place of what is fetched, and the permalink.

use super::State;
use crate::components::open_file::{OpenFile, ZONE_MB};
use crate::components::text_editor::TextEditor;
use crate::context::ConfigReady;
use crate::providers;
use domain_connect::zone;
use leptos::prelude::*;

/// *Use another template, key or zone*: pasted or opened in place of what the consent
/// page would fetch; the zone may be read from the records API where the operator may.
#[component]
pub(super) fn OtherInputs(
    template_text: RwSignal<String>,
    txt_text: RwSignal<String>,
    zone_text: RwSignal<String>,
    /// The reported URL's domain (ASCII), when it reads.
    domain: Signal<Option<String>>,
    config: Signal<ConfigReady>,
) -> impl IntoView {
    let zone_note = RwSignal::new(None::<String>);
    let on_zone_file = Callback::new(move |r: Result<String, String>| match r {
        Ok(t) => zone_text.set(t),
        Err(e) => zone_note.set(Some(e)),
    });
    let read_zone = move |_| {
        let (Some(domain), ConfigReady::Ready(cfg)) = (domain.get_untracked(), config.get_untracked()) else { return };
        leptos::task::spawn_local(async move {
            match providers::read_zone(&cfg, &domain).await {
                Ok((records, from)) => {
                    zone_text.set(zone::to_json(&records));
                    zone_note.set(Some(format!("Read from {from}.")));
                }
                Err(e) => zone_note.set(Some(format!("The zone could not be read: {e}."))),
            }
        });
    };
    view! {
        <details class="inputs">
            <summary>"Use another template, key or zone"</summary>
            <div class="grid">
                <TextEditor id="replay-template" label="Template JSON (empty: fetched by the URL's ids)" rows=4 testid="replay-template" value=template_text/>
                <TextEditor id="replay-txt" label="TXT records at the key host, one per line (empty: looked up)" rows=3 testid="replay-txt" value=txt_text/>
                <TextEditor id="replay-zone" label="The customer's zone, BIND or JSON (empty: none)" rows=4 testid="replay-zone" value=zone_text/>
            </div>
            <p class="files"><OpenFile label="Open a zone file" accept=".zone,.txt,.json,.db,text/plain,application/json" testid="replay-zone-file" max_mb=ZONE_MB on_text=on_zone_file/></p>
            <p><button type="button" data-testid="replay-read-zone" on:click=read_zone disabled=move || domain.get().is_none()>"Read the zone from the records API"</button>
                " "{move || zone_note.get()}</p>
        </details>
    }
}

/// *Make a permalink*: the URL, the pasted template, TXT and zone in the link's fragment.
#[component]
pub(super) fn Permalink(state: Callback<(), State>) -> impl IntoView {
    view! {
        <crate::permalink::MakePermalink state=state input_id="replay-link"
            what="The URL, the pasted template, TXT and zone go into the link's fragment, which browsers never send to a server."/>
    }
}
