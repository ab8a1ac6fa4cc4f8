//! The phone-booking pages of the desk console: find a free time and book for a caller, look a
//! booking up by code or by name and day, move or cancel it.

use jiff::tz::TimeZone;
use kiosk_api::{Booking, BookingStatus, Catalogue, Product, Slot};
use maud::{Markup, html};
use uuid::Uuid;

use super::pages::layout;
use crate::store::DeskBooking;

/// What the booking page was asked.
#[derive(Default)]
pub struct Asked {
    pub product: String,
    pub persons: u32,
    pub day: String,
    pub code: String,
    pub name: String,
    pub find_day: String,
}

pub fn product_name(catalogue: &Catalogue, id: &str) -> String {
    catalogue
        .products
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| p.name.nl.clone())
}

fn hm(slot: &Slot) -> String {
    slot.start.strftime("%H:%M").to_string()
}

fn slot_choices(slots: &[Slot]) -> Markup {
    html! {
        fieldset.slots {
            legend { "Free times" }
            @for (i, slot) in slots.iter().enumerate() {
                label.check {
                    input type="radio" name="start" value=(kiosk_api::rfc3339::format(&slot.start)) checked[i == 0] required;
                    " " (hm(slot))
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub fn bookings_page(
    csrf: &str,
    products: &[&Product],
    asked: &Asked,
    slots: Option<&[Slot]>,
    found: Option<&[DeskBooking]>,
    catalogue: &Catalogue,
    tz: &TimeZone,
    error: Option<&str>,
) -> Markup {
    layout(
        "Phone bookings",
        html! {
            header.bar { strong { "Phone bookings" } a.button.secondary href="/desk" { "Back to the desk" } }
            main {
                @if let Some(e) = error { p.message role="alert" { (e) } }
                section aria-label="New booking" {
                    h2 { "New booking" }
                    form method="get" action="/desk/bookings" {
                        label { "Product"
                            select #product name="product" {
                                @for p in products {
                                    option value=(p.id) selected[p.id == asked.product] { (p.name.nl) " (" (p.duration_min) " min)" }
                                }
                            }
                        }
                        label { "Persons" input #persons type="number" name="persons" min="1" max="10" value=(asked.persons.max(1)); }
                        label { "Day" input #day type="date" name="day" value=(asked.day) required; }
                        button.primary #find-times type="submit" { "Find free times" }
                    }
                    @if let Some(slots) = slots {
                        @if slots.is_empty() { p.meta #no-times { "No free time that day." } }
                        @else {
                            form method="post" action="/desk/bookings" {
                                input type="hidden" name="csrf" value=(csrf);
                                input type="hidden" name="form_key" value=(Uuid::new_v4());
                                input type="hidden" name="product" value=(asked.product);
                                input type="hidden" name="persons" value=(asked.persons.max(1));
                                (slot_choices(slots))
                                label { "Name" input #name name="name" required maxlength="200"; }
                                label { "Phone" input #phone name="phone" type="tel" maxlength="200"; }
                                label { "E-mail" input #email name="email" type="email" maxlength="200"; }
                                button.primary #book type="submit" { "Book" }
                            }
                        }
                    }
                }
                section aria-label="Find a booking" {
                    h2 { "Find a booking" }
                    form method="get" action="/desk/bookings" {
                        label { "Booking code" input #find-code name="code" value=(asked.code); }
                        p.meta { "or" }
                        label { "Name (or part of it)" input #find-name name="name" value=(asked.name); }
                        label { "Day" input #find-day type="date" name="find_day" value=(asked.find_day); }
                        button.secondary #find type="submit" { "Find" }
                    }
                    @if let Some(found) = found {
                        @if found.is_empty() { p.meta #none-found { "No booking found." } }
                        @else {
                            table #found {
                                thead { tr { th { "Day and time" } th { "Product" } th { "Name" } th { "Contact" } th { "State" } th {} } }
                                tbody {
                                    @for b in found { (found_row(csrf, b, catalogue, tz)) }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

fn found_row(csrf: &str, b: &DeskBooking, catalogue: &Catalogue, tz: &TimeZone) -> Markup {
    let booking = &b.booking;
    let when = booking
        .start
        .with_time_zone(tz.clone())
        .strftime("%d/%m/%Y %H:%M")
        .to_string();
    let live = booking.status == BookingStatus::Confirmed;
    html! {
        tr {
            td { (when) }
            td { (product_name(catalogue, &booking.product_id)) " · " (booking.persons) }
            td { (b.name) }
            td { (b.phone.as_deref().unwrap_or("")) " " (b.email.as_deref().unwrap_or("")) }
            td { @if !live { "cancelled" } @else if b.checked_in { "checked in" } @else { "booked" } }
            td {
                @if live && !b.checked_in {
                    a.button.secondary href=(format!("/desk/bookings/move?id={}&day={}", booking.id, booking.start.date())) { "Move" }
                    form.inline method="post" action="/desk/bookings/cancel" {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="form_key" value=(Uuid::new_v4());
                        input type="hidden" name="id" value=(booking.id);
                        button.secondary data-action="cancel-booking" type="submit" { "Cancel" }
                    }
                }
            }
        }
    }
}

pub fn move_page(
    csrf: &str,
    found: &DeskBooking,
    day: &str,
    slots: &[Slot],
    catalogue: &Catalogue,
) -> Markup {
    let b = &found.booking;
    layout(
        "Move a booking",
        html! {
            header.bar { strong { "Move a booking" } a.button.secondary href="/desk/bookings" { "Back" } }
            main.narrow {
                p { (product_name(catalogue, &b.product_id)) " for " (found.name) ", now "
                    (b.start.strftime("%d/%m/%Y %H:%M")) }
                form method="get" action="/desk/bookings/move" {
                    input type="hidden" name="id" value=(b.id);
                    label { "Day" input type="date" name="day" value=(day) required; }
                    button.secondary type="submit" { "Find free times" }
                }
                @if slots.is_empty() { p.meta { "No free time that day." } }
                @else {
                    form method="post" action="/desk/bookings/move" {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="form_key" value=(Uuid::new_v4());
                        input type="hidden" name="id" value=(b.id);
                        (slot_choices(slots))
                        button.primary #move type="submit" { "Move to this time" }
                    }
                }
            }
        },
    )
}

/// The booking as it now stands, with its code to read out.
pub fn booked(title: &str, booking: &Booking, catalogue: &Catalogue) -> Markup {
    layout(
        title,
        html! {
            main.narrow {
                h1 { (title) }
                p { "Read the booking code out to the caller:" }
                p.number #booking-code { (booking.code) }
                p { (product_name(catalogue, &booking.product_id)) ", " (booking.persons) " person(s), "
                    (booking.start.strftime("%d/%m/%Y %H:%M")) }
                p { a.button.primary href="/desk/bookings" { "Next caller" } " " a.button.secondary href="/desk" { "Back to the desk" } }
            }
        },
    )
}

pub fn cancelled(booking: &Booking) -> Markup {
    layout(
        "Booking cancelled",
        html! {
            main.narrow {
                h1 #cancelled { "Booking cancelled" }
                p { "The booking " (booking.code) " of " (booking.start.strftime("%d/%m/%Y %H:%M")) " is cancelled; its time is free again." }
                p { a.button.primary href="/desk/bookings" { "Phone bookings" } " " a.button.secondary href="/desk" { "Back to the desk" } }
            }
        },
    )
}
