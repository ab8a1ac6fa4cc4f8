//! What stays in the same place on every screen: the header with name, logo and time, the
//! language bar, and Back / Start again at the bottom.

use iced::widget::{button, container, row, space, text};
use iced::{Alignment, Element, Length};
use jiff::ZonedDateTime;

use kiosk_core::i18n::{FluentArgs, Language};

use crate::context::Context;
use crate::focus::FocusId;
use crate::theme::{self, size, space as gap};
use crate::widget::buttons;
use crate::widget::picture::{self, Logo};

/// The municipality's name and logo on the left, today's date and the time on the right.
/// `on_clock` is sent when the clock is tapped: staff open their screen with five taps on it,
/// something residents do not do by chance. Always at the standard sizes: it is not what a
/// resident reads to do their errand, and with larger text the screen needs the room.
pub fn header<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    municipality: &str,
    logo: Option<&Logo>,
    now: &ZonedDateTime,
    on_clock: M,
) -> Element<'a, M> {
    let mut brand = row![].spacing(24).align_y(Alignment::Center);
    if let Some(logo) = logo {
        brand = brand.push(logo.view(96.0));
    }
    brand = brand.push(
        text(municipality.to_owned())
            .size(size::BODY + 6.0)
            .font(theme::BOLD),
    );

    // Only the time answers taps: the date is also a label elsewhere (the booking's days).
    let time = text(format!("{:02}:{:02}", now.hour(), now.minute()))
        .size(size::CLOCK)
        .font(theme::BOLD);
    let clock = iced::widget::column![
        iced::widget::mouse_area(time).on_press(on_clock),
        text(long_date(ctx, now.date())).size(size::HINT),
    ]
    .align_x(Alignment::End);

    container(row![brand, space::horizontal(), clock].align_y(Alignment::Center))
        .padding([20, 40])
        .width(Length::Fill)
        .style(theme::card)
        .into()
}

/// "zaterdag 28 november", "samedi 28 novembre", "Samstag, 28. November".
pub fn long_date(ctx: &Context<'_>, date: jiff::civil::Date) -> String {
    let mut weekday = FluentArgs::new();
    weekday.set("day", date.weekday().to_monday_one_offset());
    let mut month = FluentArgs::new();
    month.set("month", date.month());
    let mut args = FluentArgs::new();
    args.set("weekday", ctx.tr_args("weekday", &weekday));
    args.set("day", date.day());
    args.set("month", ctx.tr_args("month", &month));
    ctx.tr_args("date-long", &args)
}

/// One button per offered language, each named in its own language, the current one filled.
/// At the standard size whatever the session's: four names must share one row.
pub fn language_bar<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    offered: &[Language],
    on_choose: impl Fn(Language) -> M,
) -> Element<'a, M> {
    let buttons = offered.iter().map(|&language| {
        let name = ctx.i18n.text(language, "language-name");
        let focused = ctx.is_focused(FocusId::Language(language));
        let style = ctx.palette.language(language == ctx.language, focused);
        button(buttons::centred(
            text(name).size(size::HINT).font(theme::BOLD),
        ))
        .on_press(on_choose(language))
        .padding([20, 12])
        .width(Length::Fill)
        .height(theme::target_height(gap::MIN_TARGET, size::HINT, 20.0))
        .style(style)
        .into()
    });
    row(buttons)
        .spacing(gap::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}

/// Back on the left, Start again on the right; both absent on the start screen, where
/// "Larger text" (`large_text`: its message and whether it is on) takes Back's place and the
/// right stays empty. "Read aloud" between them on every screen (`speech`: its message and
/// whether speech is on). A switch that is on is drawn filled. At the standard sizes whatever
/// the session's: three buttons must share one row in every language.
pub fn nav_bar<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    back: Option<M>,
    large_text: Option<(M, bool)>,
    speech: Option<(M, bool)>,
    start_again: Option<M>,
) -> Element<'a, M> {
    let bar_height = theme::target_height(gap::MIN_TARGET + 8.0, size::BODY, 20.0);
    let nav_button =
        |icon: &'static [u8], label: String, focus: FocusId, message: M| -> Element<'a, M> {
            let label = row![
                picture::icon(icon, 40.0),
                text(label).size(size::BODY).font(theme::BOLD)
            ]
            .spacing(16)
            .align_y(Alignment::Center);
            button(label)
                .on_press(message)
                .padding([20, 48])
                .height(bar_height)
                .style(ctx.palette.secondary(ctx.is_focused(focus)))
                .into()
        };
    let switch = |label: String, focus: FocusId, message: M, on: bool| -> Element<'a, M> {
        button(container(text(label).size(size::BODY).font(theme::BOLD)).center_y(Length::Fill))
            .on_press(message)
            .padding([20, 32])
            .height(bar_height)
            .style(ctx.palette.language(on, ctx.is_focused(focus)))
            .into()
    };
    let left: Element<'a, M> = match (back, large_text) {
        (Some(message), _) => nav_button(picture::BACK, ctx.tr("nav-back"), FocusId::Back, message),
        (None, Some((message, on))) => {
            switch(ctx.tr("large-text-button"), FocusId::LargeText, message, on)
        }
        (None, None) => space::horizontal().width(Length::Shrink).into(),
    };
    let right: Element<'a, M> = match start_again {
        Some(message) => nav_button(
            picture::HOME,
            ctx.tr("nav-home"),
            FocusId::StartAgain,
            message,
        ),
        None => space::horizontal().width(Length::Shrink).into(),
    };
    let middle: Element<'a, M> = match speech {
        Some((message, on)) => switch(ctx.tr("speech-button"), FocusId::Speech, message, on),
        None => space::horizontal().width(Length::Shrink).into(),
    };
    container(
        row![
            left,
            space::horizontal(),
            middle,
            space::horizontal(),
            right
        ]
        .align_y(Alignment::Center),
    )
    .height(bar_height)
    .width(Length::Fill)
    .into()
}

/// A small line under the language bar when something does not work, saying what still does.
/// An icon and words, never colour alone.
pub fn status_line<'a, M: 'a>(ctx: &Context<'_>, message: String) -> Element<'a, M> {
    container(
        row![
            picture::icon(picture::WARNING, 44.0),
            text(message).size(ctx.size.hint)
        ]
        .spacing(16)
        .align_y(Alignment::Center),
    )
    .padding([16, 24])
    .width(Length::Fill)
    .style(theme::warning)
    .into()
}
