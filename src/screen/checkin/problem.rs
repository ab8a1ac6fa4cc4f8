//! What went wrong, in plain words with what to do now, and the next step as a button:
//! Try again, Go to the desk, or Start again.

use iced::Element;
use jiff::ZonedDateTime;
use kiosk_core::i18n::FluentArgs;

use crate::context::Context;
use crate::widget::page;

use super::{Failure, Message, State, Step, words};

/// The buttons of the problem screen in reading order.
pub fn targets(state: &State) -> Vec<Message> {
    match state.failure {
        Failure::NotFound | Failure::Offline | Failure::KioskBusy | Failure::Other => {
            vec![Message::TryAgain, Message::Finish]
        }
        Failure::Cancelled
        | Failure::TooEarly { .. }
        | Failure::TooLate { .. }
        | Failure::WalkInClosed { .. }
        | Failure::WalkInFull { .. }
        | Failure::RateLimited => vec![Message::Finish],
    }
}

/// The label of the button that leaves: the desk helps with all but an early arrival, who
/// only needs to come back.
pub fn finish_label(state: &State) -> &'static str {
    match (state.step, &state.failure) {
        (Step::Problem, Failure::TooEarly { .. } | Failure::WalkInClosed { .. }) => {
            "checkin-start-again"
        }
        _ => "checkin-go-to-desk",
    }
}

/// What went wrong and what to do now, shown and spoken.
pub fn sentence(state: &State, ctx: &Context<'_>, now: &ZonedDateTime) -> String {
    if state.step == Step::PrinterDown {
        return ctx.tr("checkin-printer-down");
    }
    let tz = state.zone();
    match &state.failure {
        Failure::NotFound => ctx.tr("checkin-not-found"),
        Failure::Cancelled => ctx.tr("checkin-booking-cancelled"),
        Failure::TooEarly { window_start } => {
            let time = words::clock(window_start, &tz);
            let same_day = window_start.with_time_zone(tz.clone()).date()
                == now.with_time_zone(tz.clone()).date();
            if same_day {
                words::with(ctx, "checkin-too-early", "time", time)
            } else {
                // Another day: the time alone would send the resident back at the wrong day.
                let mut args = FluentArgs::new();
                args.set("date", words::day(ctx, window_start, &tz));
                args.set("time", time);
                ctx.tr_args("checkin-too-early-day", &args)
            }
        }
        Failure::TooLate { .. } => ctx.tr("checkin-too-late"),
        Failure::WalkInClosed { opens_at } => {
            opening(ctx, "walkin-closed", opens_at.as_ref(), &tz, now)
        }
        Failure::WalkInFull { opens_at } => {
            opening(ctx, "walkin-full", opens_at.as_ref(), &tz, now)
        }
        Failure::RateLimited => ctx.tr("checkin-rate-limited"),
        Failure::KioskBusy => ctx.tr("walkin-busy"),
        Failure::Offline => ctx.tr("checkin-offline"),
        Failure::Other => ctx.tr("checkin-other"),
    }
}

/// `id` with when the service opens again: `id-time` later today, `id-day` on another day, `id`
/// alone when nobody knows.
fn opening(
    ctx: &Context<'_>,
    id: &str,
    opens_at: Option<&ZonedDateTime>,
    tz: &jiff::tz::TimeZone,
    now: &ZonedDateTime,
) -> String {
    let Some(at) = opens_at else {
        return ctx.tr(id);
    };
    let time = words::clock(at, tz);
    let same_day = at.with_time_zone(tz.clone()).date() == now.with_time_zone(tz.clone()).date();
    if same_day {
        words::with(ctx, &format!("{id}-time"), "time", time)
    } else {
        let mut args = FluentArgs::new();
        args.set("date", words::day(ctx, at, tz));
        args.set("time", time);
        ctx.tr_args(&format!("{id}-day"), &args)
    }
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>, now: &ZonedDateTime) -> Element<'a, Message> {
    let targets = if state.step == Step::PrinterDown {
        vec![Message::Finish]
    } else {
        targets(state)
    };
    let buttons = targets
        .into_iter()
        .map(|message| {
            let label = match message {
                Message::TryAgain => ctx.tr("checkin-try-again"),
                _ => ctx.tr(finish_label(state)),
            };
            page::primary(state, ctx, label, message)
        })
        .collect();
    page::problem(ctx, sentence(state, ctx, now), buttons)
}
