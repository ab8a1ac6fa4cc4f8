//! Without an appointment: which services give a number now, and the screen to choose one.

use iced::widget::Column;
use iced::{Element, Length};
use jiff::ZonedDateTime;
use jiff::tz::TimeZone;
use kiosk_api::{Catalogue, QueueService};

use crate::context::Context;
use crate::theme::space;
use crate::widget::page;

use super::{Message, State, words};

/// The queue services that give walk-in numbers at `location_id` at `now` (by the location's
/// own clock and closures), in catalogue order. The kiosk asks this of its cached catalogue,
/// so it answers the same offline; the backend checks the same rule (`kiosk_api::WalkIn`).
pub fn open_services(
    catalogue: &Catalogue,
    location_id: &str,
    now: &ZonedDateTime,
) -> Vec<QueueService> {
    let Some(location) = catalogue.locations.iter().find(|l| l.id == location_id) else {
        return Vec::new();
    };
    let tz = TimeZone::get(&location.timezone).unwrap_or_else(|_| now.time_zone().clone());
    let here = now.with_time_zone(tz).datetime();
    catalogue
        .queue_services
        .iter()
        .filter(|service| {
            service
                .walk_in
                .as_ref()
                .is_some_and(|w| w.offered_at(location_id) && w.is_open(here, &location.closures))
        })
        .cloned()
        .collect()
}

/// "What is your visit about?": one large button a service.
pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let buttons = state.walk_ins.iter().map(|service| {
        page::secondary(
            state,
            ctx,
            words::localized(&service.name, ctx.language).to_owned(),
            Message::ChooseService(service.id.clone()),
        )
    });
    let list = Column::with_children(buttons)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill);
    let body = Column::new()
        .push(page::body(ctx, ctx.tr("walkin-choose-hint")))
        .push(list)
        .spacing(space::PAGE);
    page::frame(
        state,
        ctx,
        ctx.tr("walkin-choose-title"),
        ctx.size.title,
        body.into(),
    )
}
