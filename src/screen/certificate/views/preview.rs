//! The certificate before it is printed, in large text so the resident can check it; then
//! printing, or what to do when the printer fails. A deferred type says when and how it comes.
//!
//! With larger text in landscape the document's lines are taller than the screen: they are
//! shown a few at a time (Previous / More, Back returns a part), the document number as the
//! document's last line; a failed print shows what to do without the document.

use std::ops::Range;

use iced::widget::{Column, column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use crate::context::Context;
use crate::theme::{self, space};

use super::super::layout::{self, landscape};
use super::super::{CertificatePreview, Delivery, Message, Printing, State, Step, words};

/// A part's height in rows of larger text: the landscape screen's 540 px less the title and
/// the card's margins hold five rows of 66 px with the gaps between lines.
const PART_ROWS: usize = 5;
/// The width of a character, a little over what is measured on the screens: a label's at
/// 48 px (about 21.6 px) and a bold value's at 51 px (about 26.4 px).
const LABEL_CHAR_PX: f32 = 22.0;
const VALUE_CHAR_PX: f32 = 27.0;
/// The document's card inside its margins: three fifths of the landscape screen's 1840 px (the
/// side has the rest), less its padding.
const CARD_INNER: f32 = (1840.0 - space::PAGE) * 3.0 / 5.0 - 48.0;
/// The longest word of the document number's label in the four languages ("Documentnummer").
const NUMBER_LABEL_WORD: usize = 14;
/// Labels wider than this many characters would leave the values too little room.
const LABEL_MOST: usize = 24;
/// The document number's line: its label may take two rows ("Numéro du / document").
const NUMBER_ROWS: usize = 2;

/// The label column's width in characters and pixels, and the characters a value's row
/// holds: the label column as wide as the labels' longest word (a word is never broken, so a
/// narrower column would draw it over its value), the values the rest of the card.
fn columns(preview: &CertificatePreview) -> (usize, f32, usize) {
    let longest = preview
        .lines
        .iter()
        .flat_map(|(label, _)| label.split_whitespace())
        .map(|word| word.chars().count())
        .fold(NUMBER_LABEL_WORD, usize::max)
        .min(LABEL_MOST);
    let label_px = longest as f32 * LABEL_CHAR_PX + 8.0;
    let value_px = CARD_INNER - space::BETWEEN_TARGETS - label_px;
    (longest, label_px, (value_px / VALUE_CHAR_PX) as usize)
}

/// Whether the document is shown in parts: landscape with larger text.
fn in_parts(ctx: &Context<'_>) -> bool {
    ctx.landscape && ctx.size.is_large()
}

/// The rows `words` take when wrapped at `width` characters a row, word by word; a word longer
/// than a row takes the rows it needs.
fn rows(words: &str, width: usize) -> usize {
    let width = width.max(1);
    words
        .lines()
        .map(|line| {
            let (mut rows, mut used) = (1, 0);
            for word in line.split_whitespace() {
                let len = word.chars().count();
                let needed = if used == 0 { len } else { used + 1 + len };
                if needed <= width {
                    used = needed;
                    continue;
                }
                if used > 0 {
                    rows += 1;
                }
                rows += (len - 1) / width;
                used = (len - 1) % width + 1;
            }
            rows
        })
        .sum::<usize>()
        .max(1)
}

/// The document's lines in parts of at most [`PART_ROWS`] rows (a line taller than that alone
/// in its part), the document number's line counted in the last; one part for a deferred type.
pub fn document_parts(preview: &CertificatePreview) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let (label_chars, _, value_chars) = columns(preview);
    let heights = preview
        .lines
        .iter()
        .map(|(label, value)| rows(label, label_chars).max(rows(value, value_chars)))
        .chain(std::iter::once(NUMBER_ROWS));
    for (i, height) in heights.enumerate() {
        if used > 0 && used + height > PART_ROWS {
            parts.push(start..i);
            start = i;
            used = 0;
        }
        used += height;
    }
    parts.push(start..preview.lines.len() + 1);
    if matches!(preview.delivery, Delivery::Pending { .. }) {
        parts.truncate(1);
    }
    parts
}

/// The part on screen and how many there are; one when the document is not shown in parts.
fn part(state: &State, ctx: &Context<'_>, preview: &CertificatePreview) -> (usize, usize) {
    if !in_parts(ctx) || preview.delivery != Delivery::Ready {
        return (0, 1);
    }
    let parts = document_parts(preview).len();
    (shown_part(state, parts), parts)
}

/// The part asked for, within the `parts` there are.
fn shown_part(state: &State, parts: usize) -> usize {
    state.preview_part.min(parts.saturating_sub(1))
}

pub fn targets(state: &State, ctx: &Context<'_>) -> Vec<Message> {
    let Some(preview) = &state.preview else {
        return Vec::new();
    };
    match (&preview.delivery, state.printing) {
        (Delivery::Pending { .. }, _) => vec![Message::Finish],
        (Delivery::Ready, Printing::Failed(_)) => vec![Message::TryAgain, Message::Finish],
        (Delivery::Ready, _) => {
            let (part, parts) = part(state, ctx, preview);
            let mut targets = Vec::new();
            if part > 0 {
                targets.push(Message::PreviousPage);
            }
            if part + 1 < parts {
                targets.push(Message::NextPage);
            }
            targets.push(Message::Print);
            targets
        }
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
        // From the context, as the keypad's targets and Back decide it, not from the space:
        // the parts shown and the parts paged through must be the same.
        let large_landscape = in_parts(&ctx);
        let pending = matches!(preview.delivery, Delivery::Pending { .. });
        // A deferred type in landscape with larger text: the head says the request was
        // received (the body's first line elsewhere), for the room its other sentences need;
        // the document's title is still said aloud.
        let title = if large_landscape && pending {
            ctx.tr("certificate-pending-title")
        } else {
            preview.title.clone()
        };
        let mut head = row![
            text(title)
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
        let body = if large_landscape {
            in_landscape_large(state, &ctx, preview)
        } else {
            let document = document(preview, &ctx, compact, 0..preview.lines.len(), false);
            let side = side(state, &ctx, preview, true);
            if wide {
                row![
                    container(document).width(Length::FillPortion(3)),
                    container(side).width(Length::FillPortion(2)),
                ]
                .spacing(space::PAGE)
                .into()
            } else {
                column![document, side].spacing(space::PAGE).into()
            }
        };
        column![head, body]
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill)
            .into()
    })
    .into()
}

/// Landscape with larger text: the document's part beside Check, Previous / More and Print
/// (or the printing); a deferred type's how and when above the document number and Finished;
/// a failed print what to do, across the screen.
fn in_landscape_large<'a>(
    state: &'a State,
    ctx: &Context<'_>,
    preview: &'a CertificatePreview,
) -> Element<'a, Message> {
    if let Delivery::Pending { when_text } = &preview.delivery {
        return column![
            column![
                layout::body(ctx, ctx.tr("certificate-pending-how")),
                layout::strong(ctx, when_text.clone()),
            ]
            .spacing(12),
            row![
                container(number(ctx, preview)).width(Length::FillPortion(1)),
                container(layout::primary(
                    state,
                    ctx,
                    ctx.tr("certificate-finish"),
                    Message::Finish,
                ))
                .width(Length::FillPortion(1)),
            ]
            .spacing(space::PAGE)
            .align_y(Alignment::Center),
        ]
        .spacing(space::BETWEEN_TARGETS)
        .into();
    }
    if matches!(state.printing, Printing::Failed(_)) && state.step == Step::Preview {
        // The document was checked before printing; now what to do, and the number the desk
        // finds it by.
        return side(state, ctx, preview, true);
    }
    let parts = document_parts(preview);
    let part = shown_part(state, parts.len());
    let range = parts
        .get(part)
        .cloned()
        .unwrap_or(0..preview.lines.len() + 1);
    let parts = parts.len();
    let side = if state.step == Step::Preview {
        // Check, the other parts, Print.
        let mut side = column![layout::body(ctx, ctx.tr("certificate-check"))]
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill);
        if parts > 1 {
            side = side.push(pager(state, ctx, part, parts));
        }
        side.push(layout::primary(
            state,
            ctx,
            ctx.tr("certificate-print"),
            Message::Print,
        ))
        .into()
    } else {
        side(state, ctx, preview, false)
    };
    row![
        container(document(preview, ctx, true, range, true)).width(Length::FillPortion(3)),
        container(side).width(Length::FillPortion(2)),
    ]
    .spacing(space::PAGE)
    .into()
}

/// Previous and More side by side; an empty place where there is nothing to page to, so
/// that the other button does not move. Where the part is among the parts goes unwritten (no
/// room beside the two buttons): the last part has no More.
fn pager<'a>(
    state: &'a State,
    ctx: &Context<'_>,
    part: usize,
    parts: usize,
) -> Element<'a, Message> {
    let button = |label: &str, message: Message, enabled: bool| {
        crate::widget::page::pager_button(state, ctx, ctx.tr(label), message, enabled)
    };
    row![
        container(button(
            "certificate-page-previous",
            Message::PreviousPage,
            part > 0
        ))
        .width(Length::Fill),
        container(button(
            "certificate-page-next",
            Message::NextPage,
            part + 1 < parts
        ))
        .width(Length::Fill),
    ]
    .spacing(space::BETWEEN_TARGETS)
    .into()
}

/// "Document number: …", as the side shows it.
fn number<'a>(ctx: &Context<'_>, preview: &CertificatePreview) -> Element<'a, Message> {
    layout::body(
        ctx,
        words::with(
            ctx,
            "certificate-document-number",
            "number",
            preview.document.number(),
        ),
    )
}

/// The lines of the certificate in `range` (the whole document, or a part of it): label
/// small, value large; side by side in landscape, where height is short. Index `lines.len()`
/// is the document number's line, drawn when `number_line` (the side says it otherwise).
fn document<'a>(
    preview: &'a CertificatePreview,
    ctx: &Context<'_>,
    wide: bool,
    range: Range<usize>,
    number_line: bool,
) -> Element<'a, Message> {
    let mut lines: Vec<Element<'a, Message>> = Vec::new();
    if let Delivery::Pending { when_text } = &preview.delivery {
        lines.push(layout::strong(ctx, ctx.tr("certificate-pending-title")));
        lines.push(layout::body(ctx, ctx.tr("certificate-pending-how")));
        lines.push(layout::strong(ctx, when_text.clone()));
    }
    let number = (
        ctx.tr("certificate-preview-document-number"),
        preview.document.number().to_owned(),
    );
    let shown = preview
        .lines
        .iter()
        .cloned()
        .chain(number_line.then_some(number))
        .enumerate()
        .filter(|(i, _)| range.contains(i))
        .map(|(_, line)| line);
    for (label, value) in shown {
        let label = text(label).size(ctx.size.hint);
        // Bold at body size with larger text: already as large as the hint grows to.
        let value_size = if ctx.size.is_large() {
            ctx.size.body
        } else {
            ctx.size.action
        };
        let value = text(value).size(value_size).font(theme::BOLD);
        // In parts, the label column as wide as the labels' longest word (see `columns`).
        let label_width = if number_line {
            Length::Fixed(columns(preview).1)
        } else {
            Length::FillPortion(1)
        };
        lines.push(if wide {
            row![
                label.width(label_width),
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

/// The document number (unless the document shows it as its last line), and printing: the
/// button, "printing…", or what to do now.
fn side<'a>(
    state: &'a State,
    ctx: &Context<'_>,
    preview: &'a CertificatePreview,
    with_number: bool,
) -> Element<'a, Message> {
    let mut lines: Vec<Element<'a, Message>> = Vec::new();
    if with_number {
        lines.push(number(ctx, preview));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screen::certificate::DocumentHandle;

    fn preview(lines: &[(&str, &str)]) -> CertificatePreview {
        CertificatePreview {
            title: "Proof of residence".into(),
            lines: lines
                .iter()
                .map(|(l, v)| ((*l).to_owned(), (*v).to_owned()))
                .collect(),
            document: DocumentHandle::numbered("CERT-1"),
            delivery: Delivery::Ready,
        }
    }

    #[test]
    fn rows_wrap_word_by_word() {
        assert_eq!(rows("", 10), 1);
        assert_eq!(rows("Noor", 10), 1);
        assert_eq!(rows("Noor Testperso", 10), 2);
        // Exactly full, then one character more.
        assert_eq!(rows("abcd efghi", 10), 1);
        assert_eq!(rows("abcd efghij", 10), 2);
        // A word longer than a row takes the rows it needs.
        assert_eq!(rows("Nationalregisternummer", 10), 3);
        assert_eq!(rows("a Nationalregisternummer", 10), 4);
        // Every line of a household on its own rows.
        assert_eq!(rows("An\nBo\nCe", 10), 3);
    }

    #[test]
    fn the_label_column_holds_the_longest_label_word() {
        // "Documentnummer" at least: 14 characters, the values the rest (25 characters).
        assert_eq!(columns(&preview(&[("Name", "Noor")])), (14, 316.0, 25));
        // German's one-word label widens it; the values wrap sooner.
        let german = preview(&[("Nationalregisternummer", "••.••.••-•••.12")]);
        assert_eq!(columns(&german), (22, 492.0, 19));
        // A label is never given more than its share.
        let long = preview(&[("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "x")]);
        assert_eq!(columns(&long).0, LABEL_MOST);
    }

    #[test]
    fn the_parts_hold_whole_lines_within_their_rows() {
        // Two one-row lines and the number's two rows: one part.
        let short = preview(&[("Name", "Noor"), ("Born", "Demodorp")]);
        assert_eq!(document_parts(&short), vec![0..3]);
        // Five rows a part: five one-row lines, then the sixth and the number.
        let six: Vec<(&str, &str)> = (0..6).map(|_| ("Name", "Noor")).collect();
        assert_eq!(document_parts(&preview(&six)), vec![0..5, 5..7]);
        // A line that wraps counts its rows: the address's value over two, the number's label
        // over three ("National / register / number"): five rows, the name in the next part.
        let wrapped = preview(&[
            ("Address", "Marktplein 1, 9999 Demodorp-Oost"),
            ("National register number", "••••••-•••.12"),
            ("Name", "Noor"),
        ]);
        assert_eq!(document_parts(&wrapped), vec![0..2, 2..4]);
        // A line taller than a part has a part of its own.
        let tall = preview(&[
            ("Name", "Noor"),
            ("Note", "a\nb\nc\nd\ne\nf"),
            ("Born", "D"),
        ]);
        assert_eq!(document_parts(&tall), vec![0..1, 1..2, 2..4]);
        assert_eq!(document_parts(&preview(&[])), vec![0..1]);
        let mut deferred = short.clone();
        deferred.delivery = Delivery::Pending {
            when_text: "By post".into(),
        };
        assert_eq!(document_parts(&deferred).len(), 1);
    }
}
