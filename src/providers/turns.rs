//! Connect and Undo take turns across this site's tabs and windows. Each holds the
//! browser's Web Lock for the domain while it reads the zone again and changes it, so
//! a second tab reads the zone only after the first has changed it — and is told the
//! change is already in place, or refused with the difference, instead of sending a
//! second change. (A browser without Web Locks goes ahead: the re-read still refuses
//! a zone changed since the preview.) The browser lets go of a closed tab's lock.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Run `work` holding the lock `name`: first wait for every other tab's turn to end.
pub async fn in_turn<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    // `navigator.locks` through Reflect: web-sys has it only behind its unstable APIs.
    let locks = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| Reflect::get(&n, &"locks".into()).ok())
        .filter(JsValue::is_object);
    let request = locks.as_ref().and_then(|l| Reflect::get(l, &"request".into()).ok()).and_then(|r| r.dyn_into::<Function>().ok());
    let (Some(locks), Some(request)) = (locks, request) else { return work.await };
    // The lock is held until `release` is called: the callback's promise settles then.
    let (mut release, mut granted) = (None, None);
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let turn = Promise::new(&mut |resolve, _| granted = Some(resolve));
    let (Some(release), Some(granted)) = (release, granted) else { return work.await };
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let _ = granted.call0(&JsValue::NULL);
        held.into()
    });
    if request.call2(&locks, &name.into(), &callback).is_err() {
        return work.await;
    }
    let _ = JsFuture::from(turn).await;
    let out = work.await;
    let _ = release.call0(&JsValue::NULL);
    out
}
