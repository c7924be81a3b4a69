//! Taking results home: a link that carries the answers in its fragment, its QR code, copy,
//! the phone's share sheet, and print.

use leptos::prelude::*;

use crate::browser;

use super::chunk::in_chunk;
use super::qr::{qr_path, qr_svg};
use super::state::use_state;
use super::when::when;

in_chunk!(
    extras,
    preload_sharing,
    pub fn share_panel() {
        view! { <SharePanel/> }
    }
);

// The link's QR code encoded a step before the panel draws it (`qr_path` keeps the last code):
// encoding, and compiling the encoder on first use, took half of the panel's task, which was
// over Lighthouse's 50 ms on a slowed phone. Draws nothing.
in_chunk!(
    extras,
    preload_share_code,
    pub fn encode_share_code(link: String) {
        let _ = qr_path(&link);
    }
);

#[component]
fn SharePanel() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    // 0 until a copy is tried; then 1 when the browser said it copied, 2 when it refused.
    let copied = RwSignal::new(0u8);
    let link = Memo::new(move |_| state.share_link());
    let can_share = browser::can_share();
    if state.config.counts {
        // Office counts: the QR code came on screen (once drawn, after a paint).
        request_animation_frame(|| {
            browser::once_visible("share-body", super::counting::saw_qr);
        });
    }
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{s.share_title}</h2>
            <p>{s.share_help}</p>
            <div class="share-body" id="share-body">
                {move || qr_svg(&link.get(), s.qr_label.to_string())}
                <div>
                    <p class="scan">{s.scan_qr}</p>
                    <input id="share-link-field" class="link-field" type="text" readonly dir="ltr" aria-label=s.share_title prop:value=move || link.get() data-testid="share-link"/>
                    <div class="actions">
                        {when(move || !state.config.kiosk, move || view! {
                            <button type="button" class="secondary" data-testid="copy-link" on:click=move |_| {
                                let text = link.get_untracked();
                                leptos::task::spawn_local(async move {
                                    let ok = browser::copy_text(&text).await;
                                    if !ok {
                                        // Blocked (an iframe without the permission, plain
                                        // http): the link selected, to copy by hand.
                                        browser::select_text("share-link-field");
                                    }
                                    copied.set(if ok { 1 } else { 2 });
                                });
                            }>{move || if copied.get() == 1 { s.copied } else { s.copy_link }}</button>
                        })}
                        {(can_share && !state.config.kiosk).then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| browser::share(&link.get_untracked(), s.app_name)>{s.share}</button>
                        })}
                        <button type="button" class="secondary" data-testid="print" on:click=move |_| browser::print()>
                            <span aria-hidden="true">"🖨️ "</span>{s.print}
                        </button>
                    </div>
                    {when(move || copied.get() == 2, move || view! {
                        <p class="notice" role="status" data-testid="copy-by-hand">{s.copy_by_hand}</p>
                    })}
                </div>
            </div>
        </section>
    }
}
