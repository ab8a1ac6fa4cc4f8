//! How the settings pages look: the list of settings with their values, a page at a time;
//! the editor of one setting (choices, the number pad or the keyboard); the refusal with its
//! reason.

use iced::widget::{Column, Row, button, column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use kiosk_core::config::edit::{EDITABLE, Kind};
use kiosk_core::i18n::{FluentArgs, Language};

use super::settings::{self, Editor, Input, PAGE_SIZE, Refusal, Settings};
use super::{Message, State, Step};
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
const LANGUAGES_DONE: u8 = 10;

fn focus(n: usize) -> FocusId {
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
        if let (Step::Edit, Some(editor)) = (self.step, &settings.editor) {
            return editor_view(ctx, editor);
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
        lines = lines.push(text(detail.clone()).size(size::HINT).width(Length::Fill));
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

/// One setting in the editor its kind needs.
fn editor_view<'a>(ctx: Context<'a>, editor: &'a Editor) -> Element<'a, Message> {
    let setting = editor.setting();
    let label = ctx.tr(&settings::label_id(setting.key));
    let problem = problem_line(ctx, editor);
    match setting.kind {
        Kind::Text => responsive(move |available| {
            let typed = typed_box(&editor.value);
            let keys = editor
                .keyboard
                .view(&ctx, 0)
                .map(|key| Message::Settings(Input::Typed(key)));
            let problem = problem_line(ctx, editor);
            if page::landscape(available) {
                page::typing_landscape(
                    vec![
                        text(label.clone())
                            .size(size::BODY)
                            .font(theme::BOLD)
                            .width(Length::FillPortion(2))
                            .into(),
                        container(typed).width(Length::FillPortion(3)).into(),
                    ],
                    problem,
                    keys,
                )
            } else {
                column![page::title(label.clone()), typed]
                    .push(problem)
                    .push(keys)
                    .spacing(space::BETWEEN_TARGETS)
                    .into()
            }
        })
        .into(),
        Kind::Number => responsive(move |available| {
            let pad = container(
                container(keypad::number(&ctx, 0).map(|key| Message::Settings(Input::Digit(key))))
                    .max_width(640),
            )
            .center_x(Length::Fill);
            let words = column![
                text(label.clone()).size(size::ACTION).font(theme::BOLD),
                typed_box(&editor.value)
            ]
            .push(problem_line(ctx, editor))
            .spacing(space::BETWEEN_TARGETS);
            if page::landscape(available) {
                row![
                    words.width(Length::FillPortion(9)),
                    container(pad).width(Length::FillPortion(11))
                ]
                .spacing(space::PAGE)
                .into()
            } else {
                column![words, pad].spacing(space::BETWEEN_TARGETS).into()
            }
        })
        .into(),
        Kind::Choice(choices) => {
            let options = choices
                .iter()
                .enumerate()
                .map(|(i, choice)| {
                    option(
                        ctx,
                        (*choice).to_owned(),
                        editor.value == *choice,
                        i,
                        Input::Choose(choice),
                    )
                })
                .collect();
            chooser(label, options, problem, None)
        }
        Kind::Languages => {
            let chosen = editor.languages();
            let options = Language::ALL
                .iter()
                .enumerate()
                .map(|(i, language)| {
                    option(
                        ctx,
                        language.tag().to_owned(),
                        chosen.contains(&language.tag()),
                        i,
                        Input::ToggleLanguage(language.tag()),
                    )
                })
                .collect();
            let done = buttons::primary(
                &ctx,
                ctx.tr("input-key-done"),
                Message::Settings(Input::LanguagesDone),
                ctx.is_focused(FocusId::Content(LANGUAGES_DONE)),
            );
            chooser(label, options, problem, Some(done))
        }
    }
}

/// What was typed, with a bar where the next character goes.
fn typed_box<'a>(value: &str) -> Element<'a, Message> {
    container(
        text(format!("{value}|"))
            .size(size::ACTION)
            .font(theme::BOLD),
    )
    .padding([12, 24])
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

/// The reason a value was not taken, on one line under what was typed.
fn problem_line<'a>(ctx: Context<'a>, editor: &Editor) -> Option<Element<'a, Message>> {
    editor.problem.as_ref().map(|refusal| {
        let mut sentence = ctx.tr(refusal.sentence);
        for detail in &refusal.detail {
            sentence.push(' ');
            sentence.push_str(detail);
        }
        text(sentence)
            .size(size::HINT)
            .font(theme::BOLD)
            .width(Length::Fill)
            .into()
    })
}

/// A choice: filled when it is the value, like the language bar, so that it is seen without
/// relying on colour.
fn option<'a>(
    ctx: Context<'a>,
    label: String,
    selected: bool,
    index: usize,
    input: Input,
) -> Element<'a, Message> {
    button(
        text(label)
            .size(size::BODY)
            .font(theme::BOLD)
            .center()
            .width(Length::Fill),
    )
    .on_press(Message::Settings(input))
    .padding([16, 24])
    .width(Length::Fill)
    .height(space::MIN_TARGET)
    .style(ctx.palette.language(selected, ctx.is_focused(focus(index))))
    .into()
}

/// The setting's name, its choices side by side (five at most: they fit either orientation),
/// the reason a value was refused, and a Done when several may be chosen.
fn chooser<'a>(
    label: String,
    options: Vec<Element<'a, Message>>,
    problem: Option<Element<'a, Message>>,
    done: Option<Element<'a, Message>>,
) -> Element<'a, Message> {
    column![page::title(label)]
        .push(Row::with_children(options).spacing(space::BETWEEN_TARGETS))
        .push(problem)
        .push(done)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}
