//! The Leptos interface: welcome, one question per screen, results, program detail.
//! Components derive everything from the answers signal and a memo of the engine's ranking.

mod adviser;
mod answers;
mod app;
mod card;
mod chunk;
mod counting;
mod header;
mod history;
mod kiosk;
mod listen;
mod notices;
mod picks;
mod print_sheet;
mod qr;
mod question;
mod ranked;
mod results;
mod review;
mod share;
mod sources;
mod staff;
mod state;
mod welcome;
mod widgets;

pub(crate) use question::title as question_title;

use leptos::prelude::set_timeout;

/// Mounts the app into the page's `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    // A task of its own: the browser's work on the freshly compiled module and the app's first
    // drawing would otherwise make one long task that blocks a slow phone.
    set_timeout(
        || leptos::mount::mount_to_body(app::App),
        std::time::Duration::ZERO,
    );
}
