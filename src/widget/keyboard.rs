//! The on-screen keyboard for names and e-mail addresses: Belgian AZERTY with large keys, digits
//! always at hand, a page of accented letters and a page of symbols (`/ : . , - _` for staff's
//! port paths and addresses) one tap away (no long-press: residents do not discover it). Shift
//! and the other pages last for one character, as on a phone, so that "Loïc" is Shift, L, o,
//! àéè…, ï, c without switching back by hand.
//!
//! It draws itself for the space it gets: six rows (digits on top, Done below) where they fit
//! (portrait), else four wide rows with the digits as a block on the right and Done beside the
//! space bar, the keys as high as the space allows (landscape leaves 540 px under the chrome).
//! Either way a key keeps its focus number, so the keyboard focus does not depend on the layout.
//!
//! The keys are also the grid that [`crate::widget::keypad`] draws its pads with, so every key
//! on the kiosk looks and behaves the same.

use iced::widget::{Column, Row, button, responsive, text};
use iced::{Element, Length, Size, Theme};

use crate::context::Context;
use crate::focus::FocusId;
use crate::theme::{self, space};

/// Between two keys: the minimum gap, so that ten keys fit a portrait screen.
pub const KEY_GAP: f32 = 16.0;
/// The narrowest key the reading and touch rules allow.
const MIN_KEY: f32 = 80.0;
/// The narrowest the keyboard may be drawn: ten keys of 80 px and their gaps. A portrait
/// screen of 1080 px leaves 1000 px inside the page margins.
pub const MIN_WIDTH: f32 = 10.0 * MIN_KEY + 9.0 * KEY_GAP;
const _: () = assert!(KEY_GAP >= 16.0 && MIN_WIDTH <= 1080.0 - 2.0 * space::PAGE);
/// The height of the six-row keyboard with keys of full height; below it, the four wide rows.
pub const TALL_HEIGHT: f32 = 6.0 * space::MIN_TARGET + 5.0 * KEY_GAP;
/// The least height of the four wide rows: keys no lower than they may be narrow.
pub const WIDE_MIN_HEIGHT: f32 = 4.0 * MIN_KEY + 3.0 * KEY_GAP;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Letters,
    Accents,
    /// `/ : . , - _` and other signs: port paths, addresses, names of devices.
    Symbols,
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
/// What paths (`/dev/ttyUSB0`), addresses (`https://`, `host:9100`) and device names use.
const SYMBOLS: [&str; 3] = ["/:.,-_@#&%", "()+=?!;*~$", "[]<>{}"];

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

    /// The keys for the space they get; focus targets are numbered from `first_focus` in the
    /// order of the six-row layout, whichever layout is drawn.
    pub fn view<'a>(&self, ctx: &Context<'a>, first_focus: u8) -> Element<'a, KeyboardMessage> {
        let ctx = *ctx;
        let keyboard = *self;
        responsive(move |available| {
            let (rows, key_height) = keyboard.layout(&ctx, available);
            grid_sized(&ctx, rows, first_focus, key_height)
        })
        .into()
    }

    /// Every key's focus target and message, in the order [`Keyboard::view`] numbers them.
    pub fn focus_targets(
        &self,
        ctx: &Context<'_>,
        first_focus: u8,
    ) -> Vec<(FocusId, KeyboardMessage)> {
        targets(&self.rows(ctx).tall(), first_focus)
    }

    /// The rows and the key height for `available`: six rows where they fit, else four wide
    /// ones with keys as high as the height allows (never lower than [`MIN_KEY`]).
    fn layout(&self, ctx: &Context<'_>, available: Size) -> (Vec<Vec<Key<KeyboardMessage>>>, f32) {
        let rows = self.rows(ctx);
        if available.height >= TALL_HEIGHT {
            (rows.tall(), space::MIN_TARGET)
        } else {
            let height =
                ((available.height - 3.0 * KEY_GAP) / 4.0).clamp(MIN_KEY, space::MIN_TARGET);
            (rows.wide(), height)
        }
    }

    fn rows(&self, ctx: &Context<'_>) -> Rows {
        let [first, second, third] = match self.page {
            Page::Letters => LETTERS,
            Page::Accents => ACCENTS,
            Page::Symbols => SYMBOLS,
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
        // The two pages not shown, each one tap away.
        let page_key = |page: Page| {
            let label = match page {
                Page::Letters => "input-key-letters",
                Page::Accents => "input-key-accents",
                Page::Symbols => "input-key-symbols",
            };
            Key::function(ctx.tr(label), KeyboardMessage::Page(page), 2)
        };
        let (one, other) = match self.page {
            Page::Letters => (Page::Accents, Page::Symbols),
            Page::Accents => (Page::Letters, Page::Symbols),
            Page::Symbols => (Page::Letters, Page::Accents),
        };
        let mut third_row = vec![shift];
        third_row.extend(chars(third));
        third_row.push(backspace);
        let bottom = vec![
            page_key(one),
            page_key(other),
            self.char_key('\''),
            self.char_key('-'),
            Key::function(ctx.tr("input-key-space"), KeyboardMessage::Insert(' '), 2),
            self.char_key('@'),
            self.char_key('.'),
        ];
        let done = Key {
            style: KeyStyle::Done,
            ..Key::function(ctx.tr("input-key-done"), KeyboardMessage::Done, 2)
        };
        Rows {
            digits: chars(DIGITS),
            letters: [chars(first), chars(second), third_row],
            bottom,
            done,
        }
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

/// The keyboard's keys in groups, to be laid out tall or wide.
struct Rows {
    digits: Vec<Key<KeyboardMessage>>,
    /// The three rows of letters (accents, symbols), the last with Shift and Backspace.
    letters: [Vec<Key<KeyboardMessage>>; 3],
    /// The page keys, the space bar and the signs every page keeps.
    bottom: Vec<Key<KeyboardMessage>>,
    done: Key<KeyboardMessage>,
}

impl Rows {
    /// Digits on top, the letters, the bottom row, then Done as wide as the keyboard.
    fn tall(self) -> Vec<Vec<Key<KeyboardMessage>>> {
        let [first, second, third] = self.letters;
        vec![
            self.digits,
            first,
            second,
            third,
            self.bottom,
            vec![Key {
                portion: 1,
                ..self.done
            }],
        ]
    }

    /// Four rows: the letters with a block of digits on their right (7 8 9 on top, as on a
    /// keypad), Done beside 0. Every key keeps the focus number it has in [`Rows::tall`].
    fn wide(self) -> Vec<Vec<Key<KeyboardMessage>>> {
        let mut numbered = 0;
        let mut number = |keys: Vec<Key<KeyboardMessage>>| -> Vec<Key<KeyboardMessage>> {
            keys.into_iter()
                .map(|key| {
                    let order = numbered;
                    numbered += 1;
                    Key {
                        order: Some(order),
                        ..key
                    }
                })
                .collect()
        };
        let mut digits = number(self.digits).into_iter();
        let [first, second, third] = self.letters.map(&mut number);
        let mut bottom = number(self.bottom);
        let mut done = number(vec![self.done]);
        let mut block = |count: usize| -> Vec<Key<KeyboardMessage>> {
            let mut keys = vec![Key::gap(1)];
            keys.extend(digits.by_ref().take(count));
            keys
        };
        // DIGITS is 1..9 then 0: the block's rows are 7 8 9, 4 5 6, 1 2 3, then 0.
        let (low, middle, high) = (block(3), block(3), block(3));
        let zero = block(1);
        let rows = [(first, high), (second, middle), (third, low)];
        let mut wide: Vec<Vec<Key<KeyboardMessage>>> = rows
            .into_iter()
            .map(|(mut letters, digits)| {
                letters.extend(digits);
                letters
            })
            .collect();
        bottom.extend(zero);
        bottom.append(&mut done);
        wide.push(bottom);
        wide
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
    /// A character (large) or a word (hint size), at the session's text sizes.
    pub label_kind: LabelKind,
    /// Its focus number when the grid draws it out of reading order; `None`: its place.
    pub order: Option<usize>,
}

impl<M> Key<M> {
    /// A key that types what it shows.
    pub fn char(c: char, message: M) -> Self {
        Self {
            label: c.to_string(),
            message: Some(message),
            portion: 1,
            style: KeyStyle::Plain,
            label_kind: LabelKind::Character,
            order: None,
        }
    }

    /// An empty place as wide as `portion` keys.
    pub fn gap(portion: u16) -> Self {
        Self {
            label: String::new(),
            message: None,
            portion,
            style: KeyStyle::Plain,
            label_kind: LabelKind::Word,
            order: None,
        }
    }

    /// A key named by a word (Delete, Done, ...).
    pub fn function(label: String, message: M, portion: u16) -> Self {
        Self {
            label,
            message: Some(message),
            portion,
            style: KeyStyle::Plain,
            label_kind: LabelKind::Word,
            order: None,
        }
    }
}

/// What a key's label is, for its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    Character,
    Word,
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
    grid_sized(ctx, rows, first_focus, space::MIN_TARGET)
}

/// Rows of keys as buttons `key_height` high.
fn grid_sized<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    rows: Vec<Vec<Key<M>>>,
    first_focus: u8,
    key_height: f32,
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
            let focused = ctx.is_focused(focus_id(first_focus, key.order.unwrap_or(index)));
            index += 1;
            let style: KeyStyleFn = match key.style {
                KeyStyle::Plain => Box::new(ctx.palette.secondary(focused)),
                // `language(selected)` is the kiosk's filled "this one is on" look.
                KeyStyle::On => Box::new(ctx.palette.language(true, focused)),
                KeyStyle::Done => Box::new(ctx.palette.primary(focused)),
            };
            // A label as large as the session's text, or the next size down when that would
            // be taller than its key (landscape keys may be as low as MIN_KEY).
            let fits = |size: f32| size * theme::LINE_HEIGHT <= key_height - 8.0;
            let (wanted, smaller) = match key.label_kind {
                LabelKind::Character => (ctx.size.action, ctx.size.hint),
                LabelKind::Word => (ctx.size.hint, theme::size::HINT),
            };
            let label_size = if fits(wanted) { wanted } else { smaller };
            let label =
                crate::widget::buttons::centred(text(key.label).size(label_size).font(theme::BOLD));
            row = row.push(
                button(label)
                    .on_press(message)
                    .padding(4)
                    .width(Length::FillPortion(key.portion))
                    .height(key_height)
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
