//! QR codes drawn on the device as SVG (qrcodegen), so a holder at a kiosk takes a link home
//! with their phone's camera and nothing goes through a server.

use std::cell::RefCell;
use std::fmt::Write;

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc, QrSegment};

const BORDER: i32 = 4;

/// The SVG path of the dark modules, and the side of the square in modules.
type Drawn = (String, i32);

/// The code of `text`. Never inlined: one copy of the encoder for the share panel, the printed
/// sheet and the staff's export.
/// Byte mode, which every text here takes anyway (links and the export have lowercase
/// letters): `encode_text`'s numeric and alphanumeric modes weighed ~1 KB of wasm for nothing.
#[inline(never)]
pub(super) fn qr_path(text: &str) -> Option<Drawn> {
    // The results encode their link twice (the share panel and the printed sheet), and encoding
    // takes 28–48 ms on a desktop, four times that on a slow phone: the last one is kept.
    if let Some(hit) = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|(t, _)| t == text)
            .map(|(_, qr)| qr.clone())
    }) {
        return hit;
    }
    let qr = encode(text);
    LAST.set(Some((text.to_string(), qr.clone())));
    qr
}

thread_local! {
    /// The last text encoded, and its code.
    static LAST: RefCell<Option<(String, Option<Drawn>)>> = const { RefCell::new(None) };
}

fn encode(text: &str) -> Option<Drawn> {
    let bytes = [QrSegment::make_bytes(text.as_bytes())];
    let qr = QrCode::encode_segments(&bytes, QrCodeEcc::Medium).ok()?;
    // One rectangle per run of dark modules in a row, not one per module: half the path for
    // the browser to carry from the wasm, parse and paint (a results link: 839 rectangles and
    // 11.6 K characters instead of 1,682 and 23.2 K), the same pixels.
    let (size, mut d) = (qr.size(), String::new());
    for y in 0..size {
        let mut x = 0;
        while x < size {
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            if x > start {
                let run = x - start;
                let _ = write!(d, "M{},{}h{run}v1h-{run}z", start + BORDER, y + BORDER);
            } else {
                x += 1;
            }
        }
    }
    Some((d, size + 2 * BORDER))
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
