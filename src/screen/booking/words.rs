//! Dates, times and names as residents read them, in their language. Every word comes from
//! `locales/*/booking.ftl` or `kiosk.ftl`.

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

use kiosk_core::i18n::FluentArgs;

use crate::context::Context;

pub use kiosk_core::i18n::localized;

pub use crate::widget::chrome::long_date;

/// "10:30" in the location's zone. The backend sends a fixed offset; converting keeps the
/// instant, so a time on a day that changes offset is never shown an hour off.
pub fn clock(time: &ZonedDateTime, tz: &TimeZone) -> String {
    let local = time.with_time_zone(tz.clone());
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// "15 minutes".
pub fn minutes(ctx: &Context<'_>, minutes: u32) -> String {
    let mut args = FluentArgs::new();
    args.set("minutes", minutes);
    ctx.tr_args("booking-minutes", &args)
}

/// "9:41": minutes and seconds left, never below zero.
pub fn countdown(seconds: i64) -> String {
    let seconds = seconds.max(0);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// "dinsdag 1 december om 10:30".
pub fn date_at(ctx: &Context<'_>, start: &ZonedDateTime, tz: &TimeZone) -> String {
    let local = start.with_time_zone(tz.clone());
    let mut args = FluentArgs::new();
    args.set("date", long_date(ctx, local.date()));
    args.set("time", clock(start, tz));
    ctx.tr_args("booking-date-at", &args)
}
