//! The certificate before it is printed, in large text so the resident can check it; then
//! printing, or what to do when the printer fails. A deferred type says when and how it comes.

use iced::widget::{Column, column, container, responsive, row, text};
use iced::{Element, Length};

use crate::context::Context;
use crate::theme::{self, space};

use super::super::layout::{self, landscape};
use super::super::{CertificatePreview, Delivery, Message, Printing, State, Step, words};

pub fn targets(state: &State) -> Vec<Message> {
    let Some(preview) = &state.preview else {
        return Vec::new();
    };
    match (&preview.delivery, state.printing) {
        (Delivery::Pending { .. }, _) => vec![Message::Finish],
        (Delivery::Ready, Printing::Failed(_)) => vec![Message::TryAgain, Message::Finish],
        (Delivery::Ready, _) => vec![Message::Print],
    }
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let Some(preview) = &state.preview else {
        return column![].into();
    };
    let ctx = *ctx;
    responsive(move |available| {
        let wide = landscape(available);
        // Under a reach band a portrait screen is short too: its lines as compact as landscape's.
        let compact = ctx.size.is_large() || !crate::widget::page::roomy_portrait(available);
        let document = document(preview, &ctx, compact);
        let side = side(state, &ctx, preview);
        let mut head = row![
            text(preview.title.clone())
                .size(if compact {
                    ctx.size.action
                } else {
                    ctx.size.title
                })
                .font(theme::BOLD)
                .width(Length::Fill)
        ]
        .spacing(space::BETWEEN_TARGETS);
        if let Some(step) = layout::step(state, &ctx) {
            head = head.push(step);
        }
        // With larger text the side's sentences need half the width.
        let (document_share, side_share) = if ctx.size.is_large() { (1, 1) } else { (3, 2) };
        let body: Element<'a, Message> = if wide {
            row![
                container(document).width(Length::FillPortion(document_share)),
                container(side).width(Length::FillPortion(side_share)),
            ]
            .spacing(space::PAGE)
            .into()
        } else {
            column![document, side].spacing(space::PAGE).into()
        };
        column![head, body]
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill)
            .into()
    })
    .into()
}

/// The lines of the certificate: label small, value large; side by side in landscape, where
/// height is short.
fn document<'a>(
    preview: &'a CertificatePreview,
    ctx: &Context<'_>,
    wide: bool,
) -> Element<'a, Message> {
    let mut lines: Vec<Element<'a, Message>> = Vec::new();
    if let Delivery::Pending { when_text } = &preview.delivery {
        lines.push(layout::strong(ctx, ctx.tr("certificate-pending-title")));
        lines.push(layout::body(ctx, ctx.tr("certificate-pending-how")));
        lines.push(layout::strong(ctx, when_text.clone()));
    }
    for (label, value) in &preview.lines {
        let label = text(label.clone()).size(ctx.size.hint);
        // Bold at body size with larger text: already as large as the hint grows to.
        let value_size = if ctx.size.is_large() {
            ctx.size.body
        } else {
            ctx.size.action
        };
        let value = text(value.clone()).size(value_size).font(theme::BOLD);
        lines.push(if wide {
            row![
                label.width(Length::FillPortion(1)),
                value.width(Length::FillPortion(2))
            ]
            .spacing(space::BETWEEN_TARGETS)
            .into()
        } else {
            column![label, value].spacing(4).into()
        });
    }
    container(
        Column::with_children(lines)
            .spacing(if wide { 12.0 } else { space::BETWEEN_TARGETS })
            .width(Length::Fill),
    )
    .padding(24)
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

/// What the preview says aloud: the document's title and the sentence beside the button, as
/// the side shows it.
pub fn spoken(state: &State, ctx: &Context<'_>) -> Vec<String> {
    let Some(preview) = &state.preview else {
        return Vec::new();
    };
    let sentence = match (&preview.delivery, state.step, state.printing) {
        (Delivery::Pending { .. }, _, _) => "certificate-pending-title",
        (Delivery::Ready, Step::Printing, _) => "certificate-printing",
        (Delivery::Ready, _, Printing::Failed(_)) => "certificate-print-failed",
        (Delivery::Ready, _, _) => "certificate-check",
    };
    vec![preview.title.clone(), ctx.tr(sentence)]
}

/// The document number, and printing: the button, "printing…", or what to do now.
fn side<'a>(
    state: &'a State,
    ctx: &Context<'_>,
    preview: &'a CertificatePreview,
) -> Element<'a, Message> {
    let mut lines: Vec<Element<'a, Message>> = vec![layout::body(
        ctx,
        words::with(
            ctx,
            "certificate-document-number",
            "number",
            preview.document.number(),
        ),
    )];
    match (&preview.delivery, state.step, state.printing) {
        (Delivery::Pending { .. }, _, _) => lines.push(layout::primary(
            state,
            ctx,
            ctx.tr("certificate-finish"),
            Message::Finish,
        )),
        (Delivery::Ready, Step::Printing, _) => {
            lines.push(layout::strong(ctx, ctx.tr("certificate-printing")));
        }
        (Delivery::Ready, _, Printing::Failed(_)) => {
            lines.push(layout::warning(
                ctx.tr("certificate-print-failed"),
                ctx.size.hint,
            ));
            lines.push(layout::buttons(vec![
                layout::primary(
                    state,
                    ctx,
                    ctx.tr("certificate-try-again"),
                    Message::TryAgain,
                ),
                layout::secondary(state, ctx, ctx.tr("certificate-finish"), Message::Finish),
            ]));
        }
        (Delivery::Ready, _, _) => {
            lines.push(layout::body(ctx, ctx.tr("certificate-check")));
            lines.push(layout::primary(
                state,
                ctx,
                ctx.tr("certificate-print"),
                Message::Print,
            ));
        }
    }
    Column::with_children(lines)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}
