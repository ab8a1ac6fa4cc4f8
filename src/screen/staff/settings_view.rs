//! How the settings pages look: the list of settings with their values, a page at a time,
//! and the refusal with its reason; the editor of one setting is `settings_editor`. Also the
//! focus targets of both, in the order they are drawn.

use iced::widget::{Column, Row, button, column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use kiosk_core::config::edit::{EDITABLE, Kind};
use kiosk_core::i18n::{FluentArgs, Language};

use super::settings::{self, Input, PAGE_SIZE, Refusal, Settings};
use super::{Message, State, settings_words};
use crate::context::Context;
use crate::focus::FocusId;
use crate::theme::{self, size, space};
use crate::widget::keyboard::KEY_GAP;
use crate::widget::{buttons, keypad, page};

/// Focus numbers of the list's buttons after its settings (0 to [`PAGE_SIZE`] - 1).
const PREVIOUS: u8 = 10;
const MORE: u8 = 11;
const SAVE: u8 = 12;
const DISMISS: u8 = 13;
/// The languages editor's Done, after the four languages.
pub(super) const LANGUAGES_DONE: u8 = 10;

pub(super) fn focus(n: usize) -> FocusId {
    FocusId::Content(u8::try_from(n).unwrap_or(u8::MAX))
}

impl State {
    /// The targets of the settings pages, in the order they are drawn.
    pub(super) fn settings_targets(&self, ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
        let settings = &self.settings;
        let input = Message::Settings;
        if let Some(editor) = &settings.editor {
            return match editor.setting().kind {
                Kind::Text => editor
                    .keyboard
                    .focus_targets(ctx, 0)
                    .into_iter()
                    .map(|(id, key)| (id, input(Input::Typed(key))))
                    .collect(),
                Kind::Number => keypad::number_targets(ctx, 0)
                    .into_iter()
                    .map(|(id, key)| (id, input(Input::Digit(key))))
                    .collect(),
                Kind::Choice(choices) => choices
                    .iter()
                    .enumerate()
                    .map(|(i, choice)| (focus(i), input(Input::Choose(choice))))
                    .collect(),
                Kind::Languages => Language::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, language)| (focus(i), input(Input::ToggleLanguage(language.tag()))))
                    .chain([(
                        FocusId::Content(LANGUAGES_DONE),
                        input(Input::LanguagesDone),
                    )])
                    .collect(),
            };
        }
        if settings.saving {
            return Vec::new();
        }
        if settings.refusal.is_some() {
            return vec![(FocusId::Content(DISMISS), input(Input::DismissRefusal))];
        }
        if settings.opened.is_none() {
            return Vec::new();
        }
        let mut targets: Vec<(FocusId, Message)> = page_range(settings.page)
            .enumerate()
            .map(|(j, i)| (focus(j), input(Input::Open(i))))
            .collect();
        if settings.page > 0 {
            targets.push((
                FocusId::Content(PREVIOUS),
                input(Input::Page(settings.page - 1)),
            ));
        }
        if settings.page + 1 < Settings::pages() {
            targets.push((
                FocusId::Content(MORE),
                input(Input::Page(settings.page + 1)),
            ));
        }
        targets.push((FocusId::Content(SAVE), Message::SaveSettings));
        targets
    }

    /// The list, the editor, the refusal, or "one moment" while the file is read or written.
    pub(super) fn draw_settings<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let ctx = *ctx;
        let settings = &self.settings;
        if let Some(editor) = &settings.editor {
            return super::settings_editor::view(ctx, editor);
        }
        let title = text(ctx.tr("staff-settings-title"))
            .size(size::ACTION)
            .font(theme::BOLD)
            .width(Length::Fill);
        if settings.saving || settings.opened.is_none() && settings.refusal.is_none() {
            let id = if settings.saving {
                "staff-settings-saving"
            } else {
                "staff-settings-reading"
            };
            return column![title, page::one_moment(&ctx, id)]
                .spacing(space::BETWEEN_TARGETS)
                .into();
        }
        if let Some(refusal) = &settings.refusal {
            // Nothing to change when the file could not be read: Back leaves the settings.
            let button: Element<'a, Message> = if settings.opened.is_some() {
                buttons::secondary(
                    &ctx,
                    ctx.tr("staff-settings-change"),
                    Some(Message::Settings(Input::DismissRefusal)),
                    ctx.is_focused(FocusId::Content(DISMISS)),
                )
            } else {
                iced::widget::Space::new().into()
            };
            return column![title, refusal_view(ctx, refusal), button]
                .spacing(space::BETWEEN_TARGETS)
                .into();
        }
        list_view(ctx, settings)
    }
}

fn page_range(page: usize) -> std::ops::Range<usize> {
    let first = page * PAGE_SIZE;
    first.min(EDITABLE.len())..(first + PAGE_SIZE).min(EDITABLE.len())
}

/// Why the settings were not taken: the sentence with a warning sign, the validator's words
/// below it as they are.
fn refusal_view<'a>(ctx: Context<'a>, refusal: &Refusal) -> Element<'a, Message> {
    let mut lines = Column::new().spacing(8).width(Length::Fill);
    lines = lines.push(page::warning(ctx.tr(refusal.sentence), size::BODY));
    for detail in &refusal.detail {
        lines = lines.push(
            text(settings_words::detail_text(&ctx, detail))
                .size(size::HINT)
                .width(Length::Fill),
        );
    }
    lines.into()
}

/// A page of settings, each a button with its name and value; paging and "Save and restart"
/// under them. Two columns in landscape, one in portrait.
fn list_view<'a>(ctx: Context<'a>, settings: &'a Settings) -> Element<'a, Message> {
    let page_number = settings.page;
    let mut args = FluentArgs::new();
    args.set("n", page_number + 1);
    args.set("total", Settings::pages());
    let page_line = ctx.tr_args("staff-settings-page", &args);
    let items: Vec<(usize, usize, String, String)> = page_range(page_number)
        .enumerate()
        .map(|(j, i)| {
            let setting = EDITABLE[i];
            let value = settings
                .current(setting.key)
                .filter(|value| !value.is_empty())
                .map(|value| settings_words::value_words(&ctx, setting.key, &value))
                .unwrap_or_else(|| ctx.tr("staff-settings-unset"));
            (j, i, ctx.tr(&settings::label_id(setting.key)), value)
        })
        .collect();
    let previous = (page_number > 0).then(|| Message::Settings(Input::Page(page_number - 1)));
    let more = (page_number + 1 < Settings::pages())
        .then(|| Message::Settings(Input::Page(page_number + 1)));
    responsive(move |available| {
        let item = |(j, i, label, value): &(usize, usize, String, String)| -> Element<'a, Message> {
            let focused = ctx.is_focused(focus(*j));
            button(
                container(
                    row![
                        text(label.clone())
                            .size(size::HINT)
                            .font(theme::BOLD)
                            .width(Length::FillPortion(1)),
                        text(value.clone())
                            .size(size::HINT)
                            .width(Length::FillPortion(1)),
                    ]
                    .spacing(KEY_GAP)
                    .align_y(Alignment::Center),
                )
                .center_y(Length::Fill),
            )
            .on_press(Message::Settings(Input::Open(*i)))
            .padding([4, 24])
            .width(Length::Fill)
            .height(space::MIN_TARGET)
            .style(ctx.palette.secondary(focused))
            .into()
        };
        let columns = if page::landscape(available) { 2 } else { 1 };
        let rows = items.chunks(columns).map(|pair| {
            let mut line = Row::new().spacing(space::BETWEEN_TARGETS);
            for entry in pair {
                line = line.push(item(entry));
            }
            if pair.len() < columns {
                line = line.push(iced::widget::Space::new().width(Length::Fill));
            }
            line.into()
        });
        let list = Column::with_children(rows).spacing(KEY_GAP);
        let bottom = row![
            buttons::secondary(
                &ctx,
                ctx.tr("staff-settings-previous"),
                previous.clone(),
                ctx.is_focused(FocusId::Content(PREVIOUS)),
            ),
            buttons::secondary(
                &ctx,
                ctx.tr("staff-settings-more"),
                more.clone(),
                ctx.is_focused(FocusId::Content(MORE)),
            ),
            buttons::paired(
                &ctx,
                ctx.tr("staff-settings-save"),
                Message::SaveSettings,
                true,
                ctx.is_focused(FocusId::Content(SAVE)),
            ),
        ]
        .spacing(space::BETWEEN_TARGETS)
        .align_y(Alignment::Center);
        let head = row![
            text(ctx.tr("staff-settings-title"))
                .size(size::ACTION)
                .font(theme::BOLD)
                .width(Length::Fill),
            text(page_line.clone()).size(size::HINT)
        ]
        .spacing(space::BETWEEN_TARGETS)
        .align_y(Alignment::Center);
        column![head, list, bottom]
            .spacing(KEY_GAP)
            .width(Length::Fill)
            .into()
    })
    .into()
}
