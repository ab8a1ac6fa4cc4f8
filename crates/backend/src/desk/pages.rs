//! The desk console's pages, rendered with maud (every value escaped). Large one-tap buttons,
//! plain CSS; the only script reloads the panel when the queue changes.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::tz::TimeZone;
use kiosk_api::{Catalogue, TicketStatus};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use uuid::Uuid;

use super::hm;
use crate::problem::ApiError;
use crate::queue::{AppointmentState, DeskRef, DeskView, QueueRow};

const CSS: &str = include_str!("desk.css");
const PANEL_JS: &str = include_str!("desk.js");

pub fn layout(title: &str, body: Markup) -> Markup {
    layout_refreshing(title, None, body)
}

/// [`layout`] that the browser reloads every `refresh` seconds (pages that only watch).
pub fn layout_refreshing(title: &str, refresh: Option<u32>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                @if let Some(seconds) = refresh {
                    meta http-equiv="refresh" content=(seconds);
                }
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body { (body) }
        }
    }
}

/// A page with one message (refusals, errors).
pub fn message_page(status: StatusCode, title: &str, message: &str) -> Response {
    let body = html! {
        main.narrow {
            h1 { (title) }
            p.message role="alert" { (message) }
            p { a.button href="/desk" { "Back to the desk console" } }
        }
    };
    (status, layout(title, body)).into_response()
}

/// An error from the store or a refusal, as a page with its status.
pub fn error_page(e: &ApiError) -> Response {
    let text = match &e.detail {
        Some(d) => format!("{}: {d}", e.title),
        None => e.title.to_owned(),
    };
    message_page(e.status, "Not done", &text)
}

pub fn login(csrf: &str, error: Option<&str>, login: &str) -> Markup {
    layout(
        "Desk console: sign in",
        html! {
            main.narrow {
                h1 { "Desk console" }
                @if let Some(error) = error {
                    p.message #login-error role="alert" { (error) }
                }
                form method="post" action="/desk/login" {
                    input type="hidden" name="csrf" value=(csrf);
                    label { "Login" input #login name="login" autocomplete="username" required value=(login); }
                    label { "Password" input #password type="password" name="password" autocomplete="current-password" required; }
                    button.primary #sign-in type="submit" { "Sign in" }
                }
            }
        },
    )
}

/// Pick the location, the desk's name and the queue services served today.
pub fn setup(
    csrf: &str,
    catalogue: &Catalogue,
    desks: &[crate::catalogue_file::Desk],
    remembered: Option<&(String, String, Vec<String>)>,
    error: Option<&str>,
) -> Markup {
    let (location, desk, services) = match remembered {
        Some((l, d, s)) => (l.as_str(), d.as_str(), s.clone()),
        None => ("", "", Vec::new()),
    };
    layout(
        "Desk console: your desk",
        html! {
            main.narrow {
                h1 { "Your desk today" }
                @if let Some(error) = error { p.message role="alert" { (error) } }
                form method="post" action="/desk/setup" {
                    input type="hidden" name="csrf" value=(csrf);
                    label { "Location"
                        select #location name="location" {
                            @for l in &catalogue.locations {
                                option value=(l.id) selected[l.id == location] { (l.name.nl) }
                            }
                        }
                    }
                    // The catalogue's desk names as suggestions; any other name is still accepted.
                    label { "Desk" input #desk name="desk" list="desk-names" placeholder="Loket 3" maxlength="40" required value=(desk); }
                    datalist #desk-names {
                        @for d in desks {
                            option value=(d.name) { (location_name(catalogue, &d.location_id)) }
                        }
                    }
                    fieldset {
                        legend { "Queues I serve" }
                        @for q in &catalogue.queue_services {
                            label.check {
                                input type="checkbox" name="services" value=(q.id) checked[services.contains(&q.id)];
                                " " (q.prefix) " · " (q.name.nl)
                            }
                        }
                    }
                    button.primary #start-desk type="submit" { "Start" }
                }
            }
        },
    )
}

fn location_name(catalogue: &Catalogue, id: &str) -> String {
    catalogue
        .locations
        .iter()
        .find(|l| l.id == id)
        .map_or_else(|| id.to_owned(), |l| l.name.nl.clone())
}

fn service_name(catalogue: &Catalogue, id: &str) -> String {
    catalogue
        .queue_services
        .iter()
        .find(|q| q.id == id)
        .map_or_else(|| id.to_owned(), |q| q.name.nl.clone())
}

/// One button that posts one action. Its form key is fresh on every render and doubles as the
/// action's idempotency key: the same rendered button pressed twice (a double click, a resent
/// form) is one action, while a press on the next render is a new one.
fn action(csrf: &str, name: &str, ticket: Option<Uuid>, label: &str, class: &str) -> Markup {
    html! {
        form.inline method="post" action="/desk/act" {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="form_key" value=(Uuid::new_v4());
            input type="hidden" name="action" value=(name);
            @if let Some(t) = ticket { input type="hidden" name="ticket" value=(t); }
            button class=(class) data-action=(name) type="submit" { (label) }
        }
    }
}

fn transfer(
    csrf: &str,
    ticket: Uuid,
    catalogue: &Catalogue,
    services: &[String],
    own: &str,
) -> Markup {
    html! {
        form.inline method="post" action="/desk/act" {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="form_key" value=(Uuid::new_v4());
            input type="hidden" name="action" value="transfer";
            input type="hidden" name="ticket" value=(ticket);
            select name="service" aria-label="Transfer to" {
                @for s in services.iter().filter(|s| s.as_str() != own) {
                    option value=(s) { (service_name(catalogue, s)) }
                }
            }
            button.secondary data-action="transfer" type="submit" { "Transfer" }
        }
    }
}

fn status_word(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::Waiting => "waiting",
        TicketStatus::Called => "called",
        TicketStatus::Serving => "at the desk",
        TicketStatus::Done => "done",
        TicketStatus::NoShow => "no show",
        TicketStatus::Cancelled => "cancelled",
    }
}

/// The live part of the console, reloaded on every queue change.
#[allow(clippy::too_many_arguments)]
pub fn panel(
    csrf: &str,
    tz: &TimeZone,
    now_s: i64,
    desk: &DeskRef,
    view: &DeskView,
    catalogue: &Catalogue,
    location_services: &[String],
    flash: Option<&str>,
) -> Markup {
    html! {
        @if let Some(text) = flash { p.message #flash role="alert" { (text) } }
        section.current aria-label="At my desk" {
            @for t in &view.mine {
                div.ticket {
                    span.number #current-number { (t.number) }
                    span.meta { (service_name(catalogue, &t.service_id)) " · " (status_word(t.status)) }
                    div.actions {
                        @if t.status == TicketStatus::Called {
                            (action(csrf, "start", Some(t.ticket_id), "Start", "primary"))
                            (action(csrf, "call_again", Some(t.ticket_id), "Call again", "secondary"))
                            (action(csrf, "no_show", Some(t.ticket_id), "No show", "secondary"))
                        }
                        @if t.status == TicketStatus::Serving {
                            (action(csrf, "done", Some(t.ticket_id), "Done", "primary"))
                        }
                        (action(csrf, "back_to_queue", Some(t.ticket_id), "Back to queue", "secondary"))
                        (transfer(csrf, t.ticket_id, catalogue, location_services, &t.service_id))
                    }
                }
            }
            @if view.mine.is_empty() {
                (action(csrf, "call_next", None, "Call next", "primary big"))
                span.meta #waiting-count { (view.waiting.len()) " waiting" }
            }
        }
        section aria-label="Queue" {
            h2 { "Queue for " (desk.desk) }
            @if view.waiting.is_empty() { p.meta #queue-empty { "Nobody is waiting." } }
            @else {
                table #queue {
                    thead { tr { th { "Number" } th { "Service" } th { "Booked" } th { "Checked in" } th { "Waiting" } th {} } }
                    tbody {
                        @for t in &view.waiting { (queue_row(csrf, tz, now_s, t, catalogue)) }
                    }
                }
            }
        }
        section aria-label="Appointments today" {
            h2 { "Appointments today" }
            @if view.appointments.is_empty() { p.meta { "No appointments today for your services." } }
            @else {
                table #appointments {
                    thead { tr { th { "Time" } th { "Product" } th { "Name" } th { "State" } th {} } }
                    tbody {
                        @for a in &view.appointments {
                            tr {
                                td { (hm(tz, a.start_s)) }
                                td { (a.product_name) }
                                td { (a.customer_name) }
                                td { (appointment_state(a.state)) @if let Some(n) = &a.number { " · " (n) } }
                                td {
                                    @if matches!(a.state, AppointmentState::Booked | AppointmentState::Late) {
                                        form.inline method="post" action="/desk/check-in" {
                                            input type="hidden" name="csrf" value=(csrf);
                                            input type="hidden" name="form_key" value=(Uuid::new_v4());
                                            input type="hidden" name="booking" value=(a.booking_id);
                                            button.secondary type="submit" { "Check in" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn queue_row(csrf: &str, tz: &TimeZone, now_s: i64, t: &QueueRow, catalogue: &Catalogue) -> Markup {
    let waited = (now_s - t.issued_s).max(0) / 60;
    html! {
        tr {
            td.number-cell { (t.number) @if t.transferred_s.is_some() { " ↪" } }
            td { (service_name(catalogue, &t.service_id)) }
            td { @if let Some(b) = t.booked_s { (hm(tz, b)) } @else { "walk-in" } }
            td { (hm(tz, t.issued_s)) }
            td { (waited) " min" }
            td { (action(csrf, "call", Some(t.ticket_id), "Call", "secondary")) }
        }
    }
}

fn appointment_state(state: AppointmentState) -> &'static str {
    match state {
        AppointmentState::Booked => "booked",
        AppointmentState::Late => "late",
        AppointmentState::CheckedIn => "checked in",
        AppointmentState::Called => "called",
        AppointmentState::Serving => "at a desk",
        AppointmentState::Done => "done",
        AppointmentState::NoShow => "no show",
    }
}

/// The whole console: header, the panel, and the script that keeps the panel live.
pub fn console(login: &str, csrf: &str, desk: &DeskRef, panel: Markup) -> Markup {
    layout(
        &format!("{} · desk console", desk.desk),
        html! {
            header.bar {
                strong #desk-name { (desk.desk) }
                span.meta { (desk.location_id) " · " (login) }
                span #live-mark.mark hidden { "reconnecting…" }
                a.button.secondary #phone-bookings href="/desk/bookings" { "Phone bookings" }
                a.button.secondary href="/desk/setup" { "Change desk" }
                form.inline method="post" action="/desk/logout" {
                    input type="hidden" name="csrf" value=(csrf);
                    button.secondary type="submit" { "Sign out" }
                }
            }
            main #panel { (panel) }
            script { (PreEscaped(PANEL_JS)) }
        },
    )
}
