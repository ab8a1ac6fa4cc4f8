//! The editor of one setting, in the form its kind needs: a row of choices (languages, paper
//! width, reader mode...), the number pad for times and ports, the on-screen keyboard (with its
//! symbols page) for paths, addresses and names.

use iced::widget::{Row, button, column, container, responsive, row, text};
use iced::{Element, Length};

use kiosk_core::config::edit::Kind;
use kiosk_core::i18n::Language;

use super::Message;
use super::settings::{self, Editor, Input};
use super::settings_view::{LANGUAGES_DONE, focus};
use super::settings_words;
use crate::context::Context;
use crate::focus::FocusId;
use crate::theme::{self, size, space};
use crate::widget::{buttons, keypad, page};

/// One setting in the editor its kind needs.
pub(super) fn view<'a>(ctx: Context<'a>, editor: &'a Editor) -> Element<'a, Message> {
    let setting = editor.setting();
    let label = ctx.tr(&settings::label_id(setting.key));
    let problem = problem_line(ctx, editor);
    match setting.kind {
        Kind::Text => responsive(move |available| {
            let typed = page::typed_field(&ctx, &editor.value);
            let keys = editor
                .keyboard
                .view(&ctx, 0)
                .map(|key| Message::Settings(Input::Typed(key)));
            let problem = problem_line(ctx, editor);
            if page::landscape(available) {
                page::typing_landscape(
                    &ctx,
                    text(label.clone())
                        .size(size::BODY)
                        .font(theme::BOLD)
                        .width(Length::FillPortion(2))
                        .into(),
                    vec![container(typed).width(Length::FillPortion(3)).into()],
                    problem,
                    keys,
                )
            } else {
                column![page::title(&ctx, label.clone()), typed]
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
                page::typed_field(&ctx, &editor.value)
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
                        settings_words::value_words(&ctx, editor.setting().key, choice),
                        editor.value == *choice,
                        i,
                        Input::Choose(choice),
                    )
                })
                .collect();
            chooser(&ctx, label, options, problem, None)
        }
        Kind::Languages => {
            let chosen = editor.languages();
            let options = Language::ALL
                .iter()
                .enumerate()
                .map(|(i, language)| {
                    option(
                        ctx,
                        ctx.i18n.text(*language, "language-name"),
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
            chooser(&ctx, label, options, problem, Some(done))
        }
    }
}

/// The reason a value was not taken, on one line under what was typed.
fn problem_line<'a>(ctx: Context<'a>, editor: &Editor) -> Option<Element<'a, Message>> {
    editor.problem.as_ref().map(|refusal| {
        let mut sentence = ctx.tr(refusal.sentence);
        for detail in &refusal.detail {
            sentence.push(' ');
            sentence.push_str(&settings_words::detail_text(&ctx, detail));
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
    ctx: &Context<'_>,
    label: String,
    options: Vec<Element<'a, Message>>,
    problem: Option<Element<'a, Message>>,
    done: Option<Element<'a, Message>>,
) -> Element<'a, Message> {
    column![page::title(ctx, label)]
        .push(Row::with_children(options).spacing(space::BETWEEN_TARGETS))
        .push(problem)
        .push(done)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}
