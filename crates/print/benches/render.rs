//! Render times and sizes of tickets and PDFs (plain timing loop: no benchmark framework to build).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use kiosk_print::pdf::render_document;
use kiosk_print::{Columns, Layout, render_ticket};

fn time<T>(name: &str, runs: u32, mut f: impl FnMut() -> T, size: impl Fn(&T) -> usize) {
    let mut last = f();
    let start = Instant::now();
    for _ in 0..runs {
        last = std::hint::black_box(f());
    }
    let each = start.elapsed() / runs;
    println!(
        "{name:<34} {:>10.3?} per run, {:>7} bytes",
        each,
        size(&last)
    );
}

fn main() {
    let nl = common::FluentLabels::new("nl-BE");
    let layout = Layout {
        columns: Columns::MM80_42,
        logo: None,
    };
    let queue = common::queue_ticket("B007");
    let booking = common::booking_ticket("K7P9X2QA");
    time(
        "queue ticket, ESC/POS, 42 cols",
        2000,
        || render_ticket(&queue, &nl, &layout).unwrap(),
        Vec::len,
    );
    time(
        "booking ticket, ESC/POS, 42 cols",
        2000,
        || render_ticket(&booking, &nl, &layout).unwrap(),
        Vec::len,
    );
    let cert = common::certificate(0);
    time(
        "certificate PDF, 1 page",
        50,
        || render_document(&cert, &nl, "nl-BE").unwrap(),
        Vec::len,
    );
    let household = common::certificate(60);
    time(
        "household PDF, 3 pages",
        20,
        || render_document(&household, &nl, "nl-BE").unwrap(),
        Vec::len,
    );
}
