//! QR codes drawn on the device as SVG (qrcodegen), so a holder at a kiosk takes a link home
//! with their phone's camera and nothing goes through a server.

use std::fmt::Write;

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc, QrSegment};

const BORDER: i32 = 4;

/// The SVG path of the dark modules, and the side of the square in modules. Never inlined:
/// one copy of the encoder for the share panel and the staff's export.
/// Byte mode, which every text here takes anyway (links and the export have lowercase
/// letters): `encode_text`'s numeric and alphanumeric modes weighed ~1 KB of wasm for nothing.
#[inline(never)]
pub(super) fn qr_path(text: &str) -> Option<(String, i32)> {
    let bytes = [QrSegment::make_bytes(text.as_bytes())];
    let qr = QrCode::encode_segments(&bytes, QrCodeEcc::Medium).ok()?;
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
