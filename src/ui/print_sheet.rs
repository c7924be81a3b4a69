//! What goes on paper: one A4 page with the best-fitting programs, what each gives, and the
//! door to go to (the same one the card shows) with why and its contacts, phone first, plus
//! the QR code of the share link. Hidden on screen.

use leptos::prelude::*;

use crate::engine::doors;
use crate::i18n::reasons::door_reason;
use crate::i18n::strings::fill;

use super::card::{amount_line, text_lang};
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
        let picked: Vec<_> = state
            .ranking
            .with(|r| r.fits.iter().take(ON_PAPER).cloned().collect());
        let catalog = state.catalog.get();
        let rows = picked
            .into_iter()
            .map(|r| {
                let p = r.program;
                let door = doors(catalog, p, &profile).into_iter().next();
                let contact = door.map(|door| {
                    let d = door.desk;
                    let mut parts = vec![d.name.get(lang).to_string(), door_reason(lang, door.why)];
                    parts.extend(
                        d.phone
                            .as_ref()
                            .map(|ph| format!("{}: \u{2066}{ph}\u{2069}", s.phone)),
                    );
                    parts.extend(d.address.clone());
                    parts.extend(d.website.clone());
                    parts.join(" · ")
                });
                view! {
                    <li>
                        <strong lang=text_lang()>{p.name.get(lang).to_string()}</strong>
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
                <h2>{s.group_fits}</h2>
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
