//! Taking results home: a link that carries the answers in its fragment, its QR code, copy,
//! the phone's share sheet, and print.

use leptos::prelude::*;

use crate::browser;

use super::qr::qr_svg;
use super::state::use_state;

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let copied = RwSignal::new(false);
    let link = Memo::new(move |_| state.share_link());
    let can_share = browser::can_share();
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{s.share_title}</h2>
            <p>{s.share_help}</p>
            <div class="share-body">
                {move || qr_svg(&link.get(), s.qr_label.to_string())}
                <div>
                    <p class="scan">{s.scan_qr}</p>
                    <input class="link-field" type="text" readonly dir="ltr" aria-label=s.share_title prop:value=move || link.get() data-testid="share-link"/>
                    <div class="actions">
                        <Show when=move || !state.config.kiosk>
                            <button type="button" class="secondary" data-testid="copy-link" on:click=move |_| {
                                copied.set(browser::copy_text(&link.get_untracked()));
                            }>{move || if copied.get() { s.copied } else { s.copy_link }}</button>
                        </Show>
                        {(can_share && !state.config.kiosk).then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| browser::share(&link.get_untracked(), s.app_name)>{s.share}</button>
                        })}
                        <button type="button" class="secondary" data-testid="print" on:click=move |_| browser::print()>
                            <span aria-hidden="true">"🖨️ "</span>{s.print}
                        </button>
                    </div>
                </div>
            </div>
        </section>
    }
}
