//! The on-screen keyboard for names and e-mail addresses: Belgian AZERTY with large keys, digits
//! always on top, and a page of accented letters one tap away (no long-press: residents do not
//! discover it). Shift and the accent page last for one letter, as on a phone, so that "Loïc"
//! is Shift, L, o, àéè…, ï, c without switching back by hand.
//!
//! The keys are also the grid that [`crate::widget::keypad`] draws its pads with, so every key
//! on the kiosk looks and behaves the same.

use iced::widget::{Column, Row, button, text};
use iced::{Element, Length, Theme};

use crate::context::Context;
use crate::focus::FocusId;
use crate::theme::{self, size, space};

/// Between two keys: the minimum gap, so that ten keys fit a portrait screen.
pub const KEY_GAP: f32 = 16.0;
/// The narrowest key the reading and touch rules allow.
const MIN_KEY: f32 = 80.0;
/// The narrowest the keyboard may be drawn: ten keys of 80 px and their gaps. A portrait
/// screen of 1080 px leaves 1000 px inside the page margins.
pub const MIN_WIDTH: f32 = 10.0 * MIN_KEY + 9.0 * KEY_GAP;
const _: () = assert!(KEY_GAP >= 16.0 && MIN_WIDTH <= 1080.0 - 2.0 * space::PAGE);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Letters,
    Accents,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyboardMessage {
    /// The character as the key shows it (already upper case when Shift was on).
    Insert(char),
    Backspace,
    Shift,
    Page(Page),
    Done,
}

/// What the screen should do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Editing,
    Done,
}

/// The keyboard's own state: which page, and whether the next letter is a capital.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Keyboard {
    page: Page,
    shift: bool,
}

/// Applies a key to the text only: the characters, and Backspace removing the last one.
pub fn apply(text: &mut String, message: KeyboardMessage) {
    match message {
        KeyboardMessage::Insert(c) => text.push(c),
        KeyboardMessage::Backspace => {
            text.pop();
        }
        KeyboardMessage::Shift | KeyboardMessage::Page(_) | KeyboardMessage::Done => {}
    }
}

const DIGITS: &str = "1234567890";
const LETTERS: [&str; 3] = ["azertyuiop", "qsdfghjklm", "wxcvbn"];
/// French, Dutch, German, Polish, Turkish and Hungarian names of residents; capitals via
/// Shift.
const ACCENTS: [&str; 3] = ["éèêëàâäçôö", "ûüùïîñłşğő", "áíóúøå"];

impl Keyboard {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn page(&self) -> Page {
        self.page
    }

    pub fn shift(&self) -> bool {
        self.shift
    }

    /// Applies a key to the text and to the keyboard's page and Shift.
    pub fn update(&mut self, text: &mut String, message: KeyboardMessage) -> Outcome {
        apply(text, message);
        match message {
            KeyboardMessage::Insert(_) => {
                self.shift = false;
                self.page = Page::Letters;
            }
            KeyboardMessage::Shift => self.shift = !self.shift,
            KeyboardMessage::Page(page) => self.page = page,
            KeyboardMessage::Backspace => {}
            KeyboardMessage::Done => return Outcome::Done,
        }
        Outcome::Editing
    }

    /// The keys, row by row; focus targets are numbered from `first_focus` in reading order.
    pub fn view<'a>(&self, ctx: &Context<'_>, first_focus: u8) -> Element<'a, KeyboardMessage> {
        grid(ctx, self.rows(ctx), first_focus)
    }

    /// Every key's focus target and message, in the order [`Keyboard::view`] numbers them.
    pub fn focus_targets(
        &self,
        ctx: &Context<'_>,
        first_focus: u8,
    ) -> Vec<(FocusId, KeyboardMessage)> {
        targets(&self.rows(ctx), first_focus)
    }

    fn rows(&self, ctx: &Context<'_>) -> Vec<Vec<Key<KeyboardMessage>>> {
        let [first, second, third] = match self.page {
            Page::Letters => LETTERS,
            Page::Accents => ACCENTS,
        };
        let chars = |s: &str| -> Vec<Key<KeyboardMessage>> {
            s.chars().map(|c| self.char_key(c)).collect()
        };
        let shift = Key {
            style: if self.shift {
                KeyStyle::On
            } else {
                KeyStyle::Plain
            },
            ..Key::function(ctx.tr("input-key-shift"), KeyboardMessage::Shift, 2)
        };
        let backspace = Key::function(ctx.tr("input-key-backspace"), KeyboardMessage::Backspace, 2);
        let (page_label, other_page) = match self.page {
            Page::Letters => ("input-key-accents", Page::Accents),
            Page::Accents => ("input-key-letters", Page::Letters),
        };
        let mut third_row = vec![shift];
        third_row.extend(chars(third));
        third_row.push(backspace);
        let bottom = vec![
            Key::function(ctx.tr(page_label), KeyboardMessage::Page(other_page), 2),
            self.char_key('\''),
            self.char_key('-'),
            Key::function(ctx.tr("input-key-space"), KeyboardMessage::Insert(' '), 4),
            self.char_key('@'),
            self.char_key('.'),
        ];
        let done = Key {
            style: KeyStyle::Done,
            ..Key::function(ctx.tr("input-key-done"), KeyboardMessage::Done, 1)
        };
        vec![
            chars(DIGITS),
            chars(first),
            chars(second),
            third_row,
            bottom,
            vec![done],
        ]
    }

    fn char_key(&self, c: char) -> Key<KeyboardMessage> {
        let c = if self.shift { upper(c) } else { c };
        Key::char(c, KeyboardMessage::Insert(c))
    }
}

/// The capital of a letter when it is one character (all keys here), else the letter itself.
fn upper(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// How a key is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyStyle {
    Plain,
    /// A toggle that is on (Shift): filled, so it is seen without relying on colour.
    On,
    /// The key that finishes: the accent colour, like every "do it" button.
    Done,
}

/// One key of a grid.
pub(crate) struct Key<M> {
    pub label: String,
    /// `None` for an empty place that keeps the keys of a short row in their columns.
    pub message: Option<M>,
    /// Width relative to the other keys of its row.
    pub portion: u16,
    pub style: KeyStyle,
    pub label_size: f32,
}

impl<M> Key<M> {
    /// A key that types what it shows.
    pub fn char(c: char, message: M) -> Self {
        Self {
            label: c.to_string(),
            message: Some(message),
            portion: 1,
            style: KeyStyle::Plain,
            label_size: size::ACTION,
        }
    }

    /// An empty place as wide as `portion` keys.
    pub fn gap(portion: u16) -> Self {
        Self {
            label: String::new(),
            message: None,
            portion,
            style: KeyStyle::Plain,
            label_size: size::HINT,
        }
    }

    /// A key named by a word (Delete, Done, ...).
    pub fn function(label: String, message: M, portion: u16) -> Self {
        Self {
            label,
            message: Some(message),
            portion,
            style: KeyStyle::Plain,
            label_size: size::HINT,
        }
    }
}

fn focus_id(first_focus: u8, index: usize) -> FocusId {
    FocusId::Content(first_focus.saturating_add(u8::try_from(index).unwrap_or(u8::MAX)))
}

/// The three key looks come from different palette functions, each its own closure type.
type KeyStyleFn = Box<dyn Fn(&Theme, button::Status) -> button::Style>;

/// Rows of keys as buttons, every key at least [`space::MIN_TARGET`] high.
pub(crate) fn grid<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    rows: Vec<Vec<Key<M>>>,
    first_focus: u8,
) -> Element<'a, M> {
    let mut index = 0;
    let mut column = Column::new().spacing(KEY_GAP).width(Length::Fill);
    for keys in rows {
        let mut row = Row::new().spacing(KEY_GAP).width(Length::Fill);
        for key in keys {
            let Some(message) = key.message else {
                row = row.push(
                    iced::widget::space::horizontal().width(Length::FillPortion(key.portion)),
                );
                continue;
            };
            let focused = ctx.is_focused(focus_id(first_focus, index));
            index += 1;
            let style: KeyStyleFn = match key.style {
                KeyStyle::Plain => Box::new(ctx.palette.secondary(focused)),
                // `language(selected)` is the kiosk's filled "this one is on" look.
                KeyStyle::On => Box::new(ctx.palette.language(true, focused)),
                KeyStyle::Done => Box::new(ctx.palette.primary(focused)),
            };
            let label = text(key.label)
                .size(key.label_size)
                .font(theme::BOLD)
                .center()
                .width(Length::Fill);
            row = row.push(
                button(label)
                    .on_press(message)
                    .padding(4)
                    .width(Length::FillPortion(key.portion))
                    .height(space::MIN_TARGET)
                    .style(style),
            );
        }
        column = column.push(row);
    }
    column.into()
}

/// The focus targets of `rows`, numbered as [`grid`] numbers them.
pub(crate) fn targets<M: Clone>(rows: &[Vec<Key<M>>], first_focus: u8) -> Vec<(FocusId, M)> {
    rows.iter()
        .flatten()
        .filter_map(|key| key.message.clone())
        .enumerate()
        .map(|(i, message)| (focus_id(first_focus, i), message))
        .collect()
}
