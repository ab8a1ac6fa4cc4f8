//! The queue number, as large as the screen allows (it is read from a distance and copied by
//! hand when the printer fails), the service, the wait, and where the ticket comes out.

use iced::widget::{Column, column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use crate::context::Context;
use crate::theme::{self, LINE_HEIGHT, space};
use crate::widget::picture;

use super::layout::{self, landscape};
use super::{Message, Printing, QueueTicketInfo, State, words};

/// A bold capital or digit of the kiosk's font is at most this wide per pixel of size (and a
/// line [`LINE_HEIGHT`] tall): the number's size follows from the space left for it.
const GLYPH_WIDTH: f32 = 0.72;
/// In portrait, the height the other lines of the screen need below the number, with standard
/// and with larger text (the fit checks of `tests/checkin_flow.rs` and `tests/walk_in_flow.rs`
/// hold them).
const PORTRAIT_REST: f32 = 880.0;
const PORTRAIT_REST_LARGE: f32 = 1080.0;

/// The largest text size at which `number` fits `width` x `height`.
fn number_size(number: &str, width: f32, height: f32) -> f32 {
    let chars = number.chars().count().max(1) as f32;
    let by_width = width / (chars * GLYPH_WIDTH);
    let by_height = height / LINE_HEIGHT;
    by_width.min(by_height).max(theme::size::COUNTDOWN)
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let Some(ticket) = &state.ticket else {
        return column![].into();
    };
    let ctx = *ctx;
    responsive(move |available| {
        let wide = landscape(available);
        let label = text(ctx.tr(title_id(ticket)))
            .size(ctx.size.body)
            .font(theme::BOLD);
        let service = layout::strong(
            &ctx,
            words::localized(&ticket.service, ctx.language).to_owned(),
        );
        // With larger text in landscape the wait and the printer's part take three fifths of
        // the screen; else half each.
        let crowded = wide && ctx.size.is_large();
        let (number_share, rest_share) = if crowded { (2, 3) } else { (1, 1) };
        // Crowded, Finished goes under the service, where the number leaves room: the wait
        // and the printer's part take the other side's height. Its room is kept while the
        // ticket prints too, so that the number does not change size.
        let finish_room = if crowded {
            theme::target_height(space::MIN_TARGET + 24.0, ctx.size.action, 16.0)
                + space::BETWEEN_TARGETS
        } else {
            0.0
        };
        let (width, height) = if wide {
            // The number's side, under the label and above the service.
            (
                available.width * f32::from(number_share) / f32::from(number_share + rest_share)
                    - space::PAGE,
                available.height
                    - 2.0 * (ctx.size.action * LINE_HEIGHT)
                    - 2.0 * space::BETWEEN_TARGETS
                    - finish_room,
            )
        } else {
            let rest = if ctx.size.is_large() {
                PORTRAIT_REST_LARGE
            } else {
                PORTRAIT_REST
            };
            (available.width, available.height - rest)
        };
        let number = text(ticket.number.clone())
            .size(number_size(&ticket.number, width, height))
            .font(theme::BOLD)
            .line_height(1.2)
            .width(Length::Fill)
            .align_x(Alignment::Center);
        let mut big = column![label, number, service]
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill);
        if crowded && state.printing != Printing::InFlight {
            big = big.push(finish(state, &ctx));
        }
        let rest = rest(state, &ctx, ticket, crowded);
        if wide {
            row![
                container(big).width(Length::FillPortion(number_share)),
                container(rest).width(Length::FillPortion(rest_share)),
            ]
            .spacing(space::PAGE)
            .into()
        } else {
            column![big, rest].spacing(space::PAGE).into()
        }
    })
    .into()
}

/// "Your number" for a new number; "You already have a number" for one the booking had.
pub fn title_id(ticket: &QueueTicketInfo) -> &'static str {
    if ticket.already {
        "checkin-already-title"
    } else {
        "checkin-ticket-title"
    }
}

/// The wait, what to do next, and the printer's part, with Print again and Finished. When
/// `crowded` (landscape with larger text) Finished is on the number's side, and a number the
/// booking already had leaves out where to watch for it (said at its first check-in, and
/// still said aloud): the sentences of larger text take the whole height.
fn rest<'a>(
    state: &'a State,
    ctx: &Context<'_>,
    ticket: &QueueTicketInfo,
    crowded: bool,
) -> Element<'a, Message> {
    let mut lines: Vec<Element<'a, Message>> = Vec::new();
    if let Some(people) = ticket.people_ahead {
        lines.push(layout::body(
            ctx,
            words::count(ctx, "checkin-people-ahead", "people", people),
        ));
    }
    if let Some(minutes) = ticket.estimated_wait_min.filter(|m| *m > 0) {
        lines.push(layout::body(
            ctx,
            words::count(ctx, "checkin-wait", "minutes", minutes),
        ));
    }
    if !(crowded && ticket.already) {
        lines.push(layout::body(ctx, ctx.tr("checkin-watch-screen")));
    }
    let printing = ctx.tr(printing_id(state, ticket));
    lines.push(match state.printing {
        Printing::Failed(_) => layout::warning(printing, ctx.size.body),
        Printing::NotYet if ticket.already => layout::body(ctx, printing),
        Printing::InFlight | Printing::Printed | Printing::NotYet => printer(ctx, printing),
    });
    let mut buttons = Vec::new();
    if ticket.already && matches!(state.printing, Printing::NotYet | Printing::Failed(_)) {
        buttons.push(layout::secondary(
            state,
            ctx,
            ctx.tr("checkin-print-again"),
            Message::PrintAgain,
        ));
    }
    if state.printing != Printing::InFlight && !crowded {
        buttons.push(finish(state, ctx));
    }
    lines.extend(buttons);
    Column::with_children(lines)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}

fn finish<'a>(state: &'a State, ctx: &Context<'_>) -> Element<'a, Message> {
    layout::primary(state, ctx, ctx.tr("checkin-finish"), Message::Finish)
}

/// Where the ticket is: printing, to take, failed, or not printed for a number already had.
fn printing_id(state: &State, ticket: &QueueTicketInfo) -> &'static str {
    match state.printing {
        Printing::Failed(_) => "checkin-print-failed",
        Printing::InFlight => "checkin-printing",
        // Nothing printed for a number the booking already had, until it is asked for.
        Printing::NotYet if ticket.already => "checkin-already-body",
        Printing::Printed | Printing::NotYet => "checkin-take-ticket",
    }
}

/// The ticket screen aloud: the number spelled so that it is heard right, the service, the
/// wait and the printer's part, in the order the screen shows them.
pub fn spoken(state: &State, ctx: &Context<'_>, ticket: &QueueTicketInfo) -> Vec<String> {
    let mut args = kiosk_core::i18n::FluentArgs::new();
    args.set("number", crate::speech_mode::spell(&ticket.number));
    let mut lines = vec![
        ctx.tr(title_id(ticket)),
        ctx.tr_args("speech-ticket-number", &args),
        words::localized(&ticket.service, ctx.language).to_owned(),
    ];
    if let Some(people) = ticket.people_ahead {
        lines.push(words::count(ctx, "checkin-people-ahead", "people", people));
    }
    if let Some(minutes) = ticket.estimated_wait_min.filter(|m| *m > 0) {
        lines.push(words::count(ctx, "checkin-wait", "minutes", minutes));
    }
    lines.push(ctx.tr("checkin-watch-screen"));
    lines.push(ctx.tr(printing_id(state, ticket)));
    lines
}

fn printer<'a>(ctx: &Context<'_>, label: String) -> Element<'a, Message> {
    row![
        picture::icon(layout::PRINTER, 80.0),
        text(label)
            .size(ctx.size.body)
            .font(theme::BOLD)
            .width(Length::Fill)
    ]
    .spacing(space::BETWEEN_TARGETS)
    .align_y(Alignment::Center)
    .into()
}
