//! QR codes drawn on the device as SVG (qrcodegen), so a holder at a kiosk takes a link home
//! with their phone's camera and nothing goes through a server.

use std::fmt::Write;

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

const BORDER: i32 = 4;

/// The SVG path of the dark modules, and the side of the square in modules. Never inlined:
/// one copy of the encoder for the share panel and the staff's export.
#[inline(never)]
pub(super) fn qr_path(text: &str) -> Option<(String, i32)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let mut d = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                let _ = write!(d, "M{},{}h1v1h-1z", x + BORDER, y + BORDER);
            }
        }
    }
    Some((d, qr.size() + 2 * BORDER))
}

pub fn qr_svg(text: &str, label: String) -> impl IntoView + use<> {
    qr_path(text).map(|(d, side)| {
        let view_box = format!("0 0 {side} {side}");
        view! {
            <svg class="qr" viewBox=view_box role="img" aria-label=label xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
                <rect width="100%" height="100%" fill="#ffffff"></rect>
                <path d=d fill="#000000"></path>
            </svg>
        }
    })
}
