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

/// Mounts the app into the page's `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
