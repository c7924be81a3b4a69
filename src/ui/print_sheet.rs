//! What goes on paper: one A4 page with the best-fitting programs, what each gives, and the
//! desk to go to with its contacts, plus the QR code of the share link. Hidden on screen.

use leptos::prelude::*;

use crate::i18n::strings::fill;

use super::card::amount_line;
use super::qr::qr_svg;
use super::state::use_state;

/// Programs on the sheet: enough to act on, few enough for one page.
const ON_PAPER: usize = 8;

#[component]
pub fn PrintSheet() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    move || {
        let profile = state.profile.get();
        let picked: Vec<_> = state.ranking.with(|r| {
            r.fits
                .iter()
                .filter(|x| x.serves_needs)
                .take(ON_PAPER)
                .cloned()
                .collect()
        });
        let catalog = state.catalog.get();
        let rows = picked
            .into_iter()
            .map(|r| {
                let p = r.program;
                let desk = catalog
                    .desks_for(p, profile.effective_region(), profile.province)
                    .into_iter()
                    .next();
                let contact = desk.map(|d| {
                    let mut parts = vec![d.name.get(lang).to_string()];
                    parts.extend(d.address.clone());
                    parts.extend(d.phone.clone());
                    parts.extend(d.website.clone());
                    parts.join(" · ")
                });
                view! {
                    <li>
                        <strong>{p.name.get(lang).to_string()}</strong>
                        {amount_line(p, lang, s).map(|a| view! { " — "{a} })}
                        <br/>
                        <span class="k">{s.where_to_go}": "</span>
                        {contact.unwrap_or_else(|| s.no_desk.to_string())}
                    </li>
                }
            })
            .collect_view();
        let link = state.share_link();
        view! {
            <section class="print-sheet" aria-hidden="true">
                <h2>{s.results_title}</h2>
                <ol>{rows}</ol>
                <div class="print-qr">
                    {qr_svg(&link, s.qr_label.to_string())}
                    <p>{s.scan_qr}</p>
                </div>
                <p class="verified">{fill(s.footer_note, &[])}</p>
            </section>
        }
    }
}
