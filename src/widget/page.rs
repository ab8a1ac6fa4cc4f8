//! The face every flow's page shares, drawn once: the title with "Step n of N" beside it,
//! sentences, white cards, a row of equal buttons that draw their keyboard focus, the "one
//! moment" card, a warning notice, a picture beside or above the words, and the problem page.
//! Sizes from `theme`: body text 32 px and more, targets 96 px high, 24 px apart.

use iced::widget::{Column, Row, Space, column, container, row, text};
use iced::{Alignment, Element, Length, Size};

use kiosk_core::i18n::FluentArgs;

use crate::context::Context;
use crate::screen::flow::Flow;
use crate::theme::{self, space};
use crate::widget::{buttons, picture};

/// The title of a screen.
pub fn title<'a, M: 'a>(ctx: &Context<'_>, label: String) -> Element<'a, M> {
    text(label)
        .size(ctx.size.title)
        .font(theme::BOLD)
        .width(Length::Fill)
        .into()
}

/// A sentence in body size.
pub fn body<'a, M: 'a>(ctx: &Context<'_>, label: String) -> Element<'a, M> {
    text(label).size(ctx.size.body).width(Length::Fill).into()
}

/// A sentence that matters most on its screen: larger and bold.
pub fn strong<'a, M: 'a>(ctx: &Context<'_>, label: String) -> Element<'a, M> {
    text(label)
        .size(ctx.size.action)
        .font(theme::BOLD)
        .width(Length::Fill)
        .into()
}

/// "Step n of N", in the resident's language, when the screen is a step of several.
pub fn progress<F: Flow>(flow: &F, ctx: &Context<'_>) -> Option<String> {
    flow.progress().map(|(n, total)| {
        let mut args = FluentArgs::new();
        args.set("n", n);
        args.set("total", total);
        ctx.tr_args("page-step", &args)
    })
}

/// "Step n of N" as a line in hint size, when the screen is a step of several.
pub fn step_line<'a, F: Flow>(flow: &F, ctx: &Context<'_>) -> Option<Element<'a, F::Message>>
where
    F::Message: 'a,
{
    progress(flow, ctx).map(|step| text(step).size(ctx.size.hint).into())
}

/// The question, "Step n of N" on its right, and the screen's body below.
pub fn frame<'a, F: Flow>(
    flow: &F,
    ctx: &Context<'_>,
    title: String,
    title_size: f32,
    body: Element<'a, F::Message>,
) -> Element<'a, F::Message>
where
    F::Message: 'a,
{
    let mut head = row![
        text(title)
            .size(title_size)
            .font(theme::BOLD)
            .width(Length::Fill)
    ]
    .spacing(space::BETWEEN_TARGETS)
    .align_y(Alignment::Center);
    if let Some(step) = step_line(flow, ctx) {
        head = head.push(step);
    }
    column![head, body]
        .spacing(space::BETWEEN_TARGETS)
        .height(Length::Fill)
        .width(Length::Fill)
        .into()
}

/// The main "do it" button: white on the accent colour, as wide as it may be.
pub fn primary<'a, F: Flow>(
    flow: &F,
    ctx: &Context<'_>,
    label: String,
    message: F::Message,
) -> Element<'a, F::Message>
where
    F::Message: 'a,
{
    let focused = flow.is_focused(ctx, &message);
    buttons::primary(ctx, label, message, focused)
}

/// What is being typed, large on a card, with a bar where the next character goes.
pub fn typed_field<'a, M: 'a>(ctx: &Context<'_>, value: &str) -> Element<'a, M> {
    container(
        text(format!("{value}|"))
            .size(ctx.size.action)
            .font(theme::BOLD),
    )
    .padding([12, 24])
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

/// A typing page in landscape: `lead` (the question, or a switch that asks it) and the rest of
/// the `line` (what was typed) on one compact line, a note under it when there is one, and the
/// keyboard under them as wide as the page. The keyboard sizes its keys for the height left
/// (see [`crate::widget::keyboard`]), so its own Done stays on screen. With larger text there
/// is no room for a line more: the note takes the lead's place until the next key clears it
/// (the question was on the screen before, and is said again in speech mode).
pub fn typing_landscape<'a, M: 'a>(
    ctx: &Context<'_>,
    lead: Element<'a, M>,
    line: Vec<Element<'a, M>>,
    note: Option<Element<'a, M>>,
    keys: Element<'a, M>,
) -> Element<'a, M> {
    let (lead, note) = match note {
        Some(note) if ctx.size.is_large() => {
            (container(note).width(Length::FillPortion(4)).into(), None)
        }
        note => (lead, note),
    };
    column![
        Row::with_children(std::iter::once(lead).chain(line))
            .spacing(space::BETWEEN_TARGETS)
            .align_y(Alignment::Center)
            .width(Length::Fill),
    ]
    .push(note)
    .push(keys)
    .spacing(crate::widget::keyboard::KEY_GAP)
    .width(Length::Fill)
    .height(Length::Fill)
    .into()
}

/// A second choice: dark text on white with a border.
pub fn secondary<'a, F: Flow>(
    flow: &F,
    ctx: &Context<'_>,
    label: String,
    message: F::Message,
) -> Element<'a, F::Message>
where
    F::Message: 'a,
{
    let focused = flow.is_focused(ctx, &message);
    buttons::secondary(ctx, label, Some(message), focused)
}

/// A paging button (Previous, More) in the look of [`secondary`]; when there is nothing to
/// page to, an empty place of its size, so that the other button does not move.
pub fn pager_button<'a, F: Flow>(
    flow: &F,
    ctx: &Context<'_>,
    label: String,
    message: F::Message,
    enabled: bool,
) -> Element<'a, F::Message>
where
    F::Message: 'a,
{
    if enabled {
        secondary(flow, ctx, label, message)
    } else {
        Space::new()
            .width(Length::Fill)
            .height(space::MIN_TARGET)
            .into()
    }
}

/// Buttons side by side, equally wide.
pub fn side_by_side<'a, M: 'a>(buttons: Vec<Element<'a, M>>) -> Element<'a, M> {
    Row::with_children(buttons)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}

/// A white card holding `children`.
pub fn card<'a, M: 'a>(children: Vec<Element<'a, M>>) -> Element<'a, M> {
    container(
        Column::with_children(children)
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill),
    )
    .padding(32)
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

/// "One moment, please" (message `id`): shown while the card, the backend or the printer
/// works, so the screen never looks frozen; "Step n of N" above it when there is one.
pub fn working<'a, F: Flow>(flow: &F, ctx: &Context<'_>, id: &str) -> Element<'a, F::Message>
where
    F::Message: 'a,
{
    let mut content = column![]
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill);
    if let Some(step) = step_line(flow, ctx) {
        content = content.push(step);
    }
    content.push(one_moment(ctx, id)).into()
}

/// The "one moment" card alone, for a page whose frame already says which step it is.
pub fn one_moment<'a, M: 'a>(ctx: &Context<'_>, id: &str) -> Element<'a, M> {
    card(vec![strong(ctx, ctx.tr(id))])
}

/// A notice that something does not work: pale amber with a border and a warning sign, so that
/// colour is never the only signal.
pub fn warning<'a, M: 'a>(label: String, text_size: f32) -> Element<'a, M> {
    container(
        row![
            picture::icon(picture::WARNING, 72.0),
            text(label)
                .size(text_size)
                .font(theme::BOLD)
                .width(Length::Fill)
        ]
        .spacing(space::BETWEEN_TARGETS)
        .align_y(Alignment::Center),
    )
    .padding(24)
    .width(Length::Fill)
    .style(theme::warning)
    .into()
}

/// What went wrong and what to do now, with a warning sign, and the next steps as buttons
/// (Try again, Go to the desk, Start again) below.
pub fn problem<'a, M: 'a>(
    ctx: &Context<'_>,
    sentence: String,
    next_steps: Vec<Element<'a, M>>,
) -> Element<'a, M> {
    column![
        card(vec![
            row![
                picture::icon(picture::WARNING, 96.0),
                text(sentence)
                    .size(ctx.size.action)
                    .font(theme::BOLD)
                    .width(Length::Fill)
            ]
            .spacing(space::BETWEEN_TARGETS)
            .align_y(Alignment::Center)
            .into()
        ]),
        side_by_side(next_steps),
    ]
    .spacing(space::PAGE)
    .width(Length::Fill)
    .into()
}

/// A picture beside (landscape) or above (portrait) the words; in portrait it takes
/// `portrait_share` of the height. With larger text in landscape, the words alone: they need
/// the picture's room.
pub fn with_picture<'a, M: 'a>(
    ctx: &Context<'_>,
    picture_bytes: &'static [u8],
    words: Element<'a, M>,
    available: Size,
    portrait_share: f32,
) -> Element<'a, M> {
    if landscape(available) && ctx.size.is_large() {
        words
    } else if landscape(available) {
        let side = (available.height - 40.0).clamp(160.0, 440.0);
        row![
            container(picture::icon(picture_bytes, side))
                .center_x(Length::Fill)
                .width(Length::FillPortion(2)),
            container(words).width(Length::FillPortion(3)),
        ]
        .spacing(space::PAGE)
        .align_y(Alignment::Center)
        .into()
    } else {
        let side = (available.height * portrait_share).clamp(160.0, 560.0);
        column![
            container(picture::icon(picture_bytes, side)).center_x(Length::Fill),
            words
        ]
        .spacing(space::PAGE)
        .into()
    }
}

/// Whether the space is wider than tall: a landscape screen.
pub fn landscape(size: Size) -> bool {
    size.width > size.height
}

/// Whether a portrait screen has its full height: under a reach band
/// (`display.reach_top_percent`) it has about 1100 px instead of 1380, and a screen leaves out
/// its hint, as it does in landscape, so that its keys keep their room.
pub fn roomy_portrait(size: Size) -> bool {
    !landscape(size) && size.height >= 1300.0
}
