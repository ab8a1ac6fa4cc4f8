//! The resident's details the product requires, one field a screen: the name always, then a
//! phone number, an e-mail address, or either of the two. Checked with `kiosk_core::domain`
//! before going on; the message says what to fix.

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length};

use kiosk_api::{Customer, CustomerField, Product};
use kiosk_core::domain::{EmailAddress, PhoneNumber};

use crate::context::Context;
use crate::screen::flow::Flow as _;
use crate::theme::{self, space};

use crate::widget::keyboard::{Keyboard, KeyboardMessage, Outcome};
use crate::widget::keypad::{self, KeypadMessage};
use crate::widget::page;

use super::layout::landscape;
use super::{Message, State};

/// Longer than any real name or address, short enough to keep the field on screen.
const NAME_MAX: usize = 80;
const PHONE_MAX: usize = 24;
const EMAIL_MAX: usize = 254;

/// Which keys a field is typed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Name,
    Email,
    Phone,
}

/// One screen of details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Phone,
    Email,
    /// One of the two, the resident chooses which.
    PhoneOrEmail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContactMode {
    #[default]
    Phone,
    Email,
}

/// What was typed, kept as typed so that Back shows it again. Personal data: never logged
/// (no `Debug` of the contents outside this session).
#[derive(Clone, Default)]
pub struct Form {
    name: String,
    phone: String,
    email: String,
    contact: ContactMode,
    /// The on-screen keyboard's page and Shift.
    keyboard: Keyboard,
    /// The message id of what to fix, from the last Done.
    error: Option<&'static str>,
}

impl std::fmt::Debug for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Form")
            .field("contact", &self.contact)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

/// The name first, then each contact field the product asks for, once.
pub fn fields(product: Option<&Product>) -> Vec<Field> {
    let mut fields = vec![Field::Name];
    for field in product.map_or(&[][..], |p| &p.required_customer_fields) {
        let field = match field {
            CustomerField::Name => continue,
            CustomerField::Phone => Field::Phone,
            CustomerField::Email => Field::Email,
            CustomerField::PhoneOrEmail => Field::PhoneOrEmail,
        };
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    fields
}

impl Form {
    /// Which text a field edits, with its length limit.
    fn text_mut(&mut self, field: Field) -> (&mut String, usize) {
        match self.kind(field) {
            Layout::Name => (&mut self.name, NAME_MAX),
            Layout::Phone => (&mut self.phone, PHONE_MAX),
            Layout::Email => (&mut self.email, EMAIL_MAX),
        }
    }

    fn text(&self, field: Field) -> &str {
        match self.kind(field) {
            Layout::Name => &self.name,
            Layout::Phone => &self.phone,
            Layout::Email => &self.email,
        }
    }

    fn kind(&self, field: Field) -> Layout {
        match (field, self.contact) {
            (Field::Name, _) => Layout::Name,
            (Field::Phone, _) | (Field::PhoneOrEmail, ContactMode::Phone) => Layout::Phone,
            (Field::Email, _) | (Field::PhoneOrEmail, ContactMode::Email) => Layout::Email,
        }
    }

    /// Applies a key; `true` when Done found the field valid.
    pub fn update(&mut self, field: Field, message: Message) -> bool {
        let kind = self.kind(field);
        let outcome = match message {
            Message::Contact(mode) if field == Field::PhoneOrEmail => {
                self.contact = mode;
                self.error = None;
                return false;
            }
            Message::Keyboard(key) if kind != Layout::Phone => {
                let mut keyboard = self.keyboard;
                let (text, max) = self.text_mut(field);
                if matches!(key, KeyboardMessage::Insert(_)) && text.chars().count() >= max {
                    return false;
                }
                let outcome = keyboard.update(text, key);
                self.keyboard = keyboard;
                outcome
            }
            Message::Keypad(key) if kind == Layout::Phone => {
                let (text, max) = self.text_mut(field);
                if matches!(key, KeypadMessage::Insert(_)) && text.chars().count() >= max {
                    return false;
                }
                keypad::apply(text, key)
            }
            _ => return false,
        };
        if outcome == Outcome::Editing {
            self.error = None;
            return false;
        }
        self.error = self.check(field).err();
        if self.error.is_none() {
            // The next field starts on the letters, without Shift.
            self.keyboard = Keyboard::new();
        }
        self.error.is_none()
    }

    /// `Err` is the message id telling what to fix.
    fn check(&self, field: Field) -> Result<(), &'static str> {
        match self.kind(field) {
            Layout::Name if self.name.trim().is_empty() => Err("booking-name-empty"),
            Layout::Name => Ok(()),
            Layout::Phone => PhoneNumber::parse(&self.phone)
                .map(drop)
                .map_err(|e| e.message_id()),
            Layout::Email => EmailAddress::parse(&self.email)
                .map(drop)
                .map_err(|e| e.message_id()),
        }
    }

    /// The customer for the backend, with the phone in E.164; `None` if a field is not valid.
    pub fn to_customer(&self, fields: &[Field]) -> Option<Customer> {
        let mut customer = Customer {
            name: self.name.trim().to_owned(),
            phone: None,
            email: None,
        };
        for &field in fields {
            self.check(field).ok()?;
            match self.kind(field) {
                Layout::Name => {}
                Layout::Phone => {
                    customer.phone = Some(PhoneNumber::parse(&self.phone).ok()?.e164().to_owned());
                }
                Layout::Email => {
                    customer.email =
                        Some(EmailAddress::parse(&self.email).ok()?.as_str().to_owned());
                }
            }
        }
        Some(customer)
    }

    /// Name, phone and e-mail as entered, for the summary.
    pub fn shown(&self, fields: &[Field]) -> Vec<(&'static str, String)> {
        let mut shown = Vec::new();
        for &field in fields {
            let (label, value) = match self.kind(field) {
                Layout::Name => ("booking-summary-name", self.name.trim()),
                Layout::Phone => ("booking-summary-phone", self.phone.trim()),
                Layout::Email => ("booking-summary-email", self.email.trim()),
            };
            shown.push((label, value.to_owned()));
        }
        shown
    }
}

fn title_id(form: &Form, field: Field) -> &'static str {
    match (field, form.kind(field)) {
        (Field::Name, _) => "booking-name-title",
        (Field::PhoneOrEmail, _) => "booking-contact-title",
        (_, Layout::Phone) => "booking-phone-title",
        _ => "booking-email-title",
    }
}

fn field_at(state: &State, i: usize) -> Field {
    state.fields().get(i).copied().unwrap_or(Field::Name)
}

/// The toggle (for "phone or e-mail") first, then the keys; the keys number their focus on
/// from the toggle.
pub fn targets(state: &State, ctx: &Context<'_>, i: usize) -> Vec<Message> {
    let field = field_at(state, i);
    let mut targets = Vec::new();
    if field == Field::PhoneOrEmail {
        targets.push(Message::Contact(ContactMode::Phone));
        targets.push(Message::Contact(ContactMode::Email));
    }
    let first = first_key(field);
    match state.customer.kind(field) {
        Layout::Phone => targets.extend(
            keypad::phone_targets(ctx, first)
                .into_iter()
                .map(|(_, key)| Message::Keypad(key)),
        ),
        Layout::Name | Layout::Email => targets.extend(
            state
                .customer
                .keyboard
                .focus_targets(ctx, first)
                .into_iter()
                .map(|(_, key)| Message::Keyboard(key)),
        ),
    }
    targets
}

fn first_key(field: Field) -> u8 {
    if field == Field::PhoneOrEmail { 2 } else { 0 }
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>, i: usize) -> Element<'a, Message> {
    let ctx = *ctx;
    let field = field_at(state, i);
    let form = &state.customer;
    let kind = form.kind(field);
    iced::widget::responsive(move |available| {
        let title = text(ctx.tr(title_id(form, field)))
            .size(ctx.size.title)
            .font(theme::BOLD);
        let step = page::step_line(state, &ctx);
        let typed = page::typed_field(&ctx, form.text(field));
        let error = form.error.map(|id| {
            text(ctx.tr(id))
                .size(ctx.size.body)
                .font(theme::BOLD)
                .style(|theme: &iced::Theme| text::Style {
                    color: Some(theme.palette().danger),
                })
        });
        let mut toggle = None;
        if field == Field::PhoneOrEmail {
            // Both stay pressable; the one in use is filled, like the language bar, so it
            // is seen without relying on colour.
            let option = |mode, id: &str| -> Element<'a, Message> {
                let message = Message::Contact(mode);
                let focused = state.is_focused(&ctx, &message);
                button(crate::widget::buttons::centred(
                    text(ctx.tr(id)).size(ctx.size.body).font(theme::BOLD),
                ))
                .on_press(message)
                .padding([16, 24])
                .width(Length::Fill)
                .height(theme::target_height(space::MIN_TARGET, ctx.size.body, 16.0))
                .style(ctx.palette.language(form.contact == mode, focused))
                .into()
            };
            toggle = Some(
                row![
                    option(ContactMode::Phone, "booking-contact-phone"),
                    option(ContactMode::Email, "booking-contact-email"),
                ]
                .spacing(space::BETWEEN_TARGETS),
            );
        }
        let first = first_key(field);
        let keys: Element<'a, Message> = match kind {
            // A phone pad as wide as a phone, not as the screen.
            Layout::Phone => {
                container(container(keypad::phone(&ctx, first).map(Message::Keypad)).max_width(640))
                    .center_x(Length::Fill)
                    .into()
            }
            Layout::Name | Layout::Email => form.keyboard.view(&ctx, first).map(Message::Keyboard),
        };
        if landscape(available) && kind == Layout::Phone {
            // Side by side: the phone pad is narrow, the words go beside it.
            let mut left = column![].spacing(space::BETWEEN_TARGETS);
            if let Some(step) = step {
                left = left.push(step);
            }
            // With larger text the switch ("By phone", "By e-mail") asks the question itself:
            // the question's line would push a refusal off the screen.
            let question = (!ctx.size.is_large()).then(|| title.size(ctx.size.action));
            left = left.push(question).push(toggle).push(typed).push(error);
            row![
                left.width(Length::FillPortion(9)),
                container(keys).width(Length::FillPortion(11))
            ]
            .spacing(space::PAGE)
            .align_y(Alignment::Start)
            .into()
        } else if landscape(available) {
            // The keyboard as wide as the page under one compact line: the question a size
            // smaller, the phone-or-e-mail switch and what was typed beside it.
            // With larger text the switch ("By phone", "By e-mail") asks the question itself:
            // the question's words would take two lines from the keys.
            let question = title
                .size(ctx.size.body)
                .width(Length::FillPortion(2))
                .into();
            let mut line: Vec<Element<'a, Message>> = Vec::new();
            let lead = match toggle {
                Some(toggle) if ctx.size.is_large() => toggle.width(Length::FillPortion(5)).into(),
                toggle => {
                    if let Some(toggle) = toggle {
                        line.push(toggle.width(Length::FillPortion(3)).into());
                    }
                    question
                }
            };
            line.push(container(typed).width(Length::FillPortion(3)).into());
            if let Some(step) = step {
                line.push(step);
            }
            page::typing_landscape(&ctx, lead, line, error.map(Element::from), keys)
        } else {
            let mut head = row![title.width(Length::Fill)]
                .spacing(space::BETWEEN_TARGETS)
                .align_y(Alignment::Center);
            if let Some(step) = step {
                head = head.push(step);
            }
            column![head]
                .push(toggle)
                .push(typed)
                .push(error)
                .push(keys)
                .spacing(space::BETWEEN_TARGETS)
                .into()
        }
    })
    .into()
}

/// What the details screen says besides its question: what is typed so far (the resident's own
/// words, said only into their headset and never logged) and what to fix.
pub fn spoken_lines(state: &State, ctx: &Context<'_>, i: usize) -> Vec<String> {
    let form = &state.customer;
    let typed = crate::widget::key_names::typed(ctx, form.text(field_at(state, i)));
    std::iter::once(typed)
        .chain(form.error.map(|id| ctx.tr(id)))
        .collect()
}
