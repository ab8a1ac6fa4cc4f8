//! Dates, times and waits as residents read them, in their language. Every word comes from
//! `locales/*/checkin.ftl`, the weekday and month names from `kiosk.ftl`.

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

use kiosk_core::i18n::FluentArgs;

use crate::context::Context;
use crate::widget::chrome;

pub use kiosk_core::i18n::localized;

/// "10:30" in `tz`. Converting keeps the instant, so a time on a day that changes offset is
/// never shown an hour off.
pub fn clock(time: &ZonedDateTime, tz: &TimeZone) -> String {
    let local = time.with_time_zone(tz.clone());
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// "dinsdag 3 december".
pub fn day(ctx: &Context<'_>, time: &ZonedDateTime, tz: &TimeZone) -> String {
    chrome::long_date(ctx, time.with_time_zone(tz.clone()).date())
}

/// "dinsdag 3 december, 10:30".
pub fn when(ctx: &Context<'_>, time: &ZonedDateTime, tz: &TimeZone) -> String {
    let mut args = FluentArgs::new();
    args.set("date", day(ctx, time, tz));
    args.set("time", clock(time, tz));
    ctx.tr_args("checkin-when", &args)
}

/// A message with one argument.
pub fn with(ctx: &Context<'_>, id: &str, name: &'static str, value: impl ToString) -> String {
    let mut args = FluentArgs::new();
    args.set(name, value.to_string());
    ctx.tr_args(id, &args)
}

/// A message with a count: Fluent picks the plural by number, so it is passed as one.
pub fn count(ctx: &Context<'_>, id: &str, name: &'static str, value: u32) -> String {
    let mut args = FluentArgs::new();
    args.set(name, value);
    ctx.tr_args(id, &args)
}
