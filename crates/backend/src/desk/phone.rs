//! Phone bookings from the desk: most appointments are still made by phone. The clerk searches the
//! same free slots as the kiosk, books at once (confirmed, no hold: the caller is on the line), reads
//! out the code, and finds, moves or cancels bookings by code or by name and day. Every change is
//! exactly once through its form key, like the desk's actions.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use jiff::civil::Date;
use kiosk_api::{Booking, Customer};
use uuid::Uuid;

use super::auth::{Clerk, csrf_refused};
use super::form::FormData;
use super::form_key::{FormKey, answered, form_key};
use super::phone_pages::{self as pages, Asked};
use super::routes::{catalogue, see_other};
use crate::http::AppState;
use crate::http::bookings::{free_slots, prepare, slot_for_move};
use crate::problem::ApiError;
use crate::queue::DeskRef;
use crate::store::{BookingQuery, DeskBooking, StoreError, StoredAnswer};

fn problem_page(e: &ApiError) -> Response {
    let text = match &e.detail {
        Some(d) => format!("{} ({d})", e.title),
        None => e.title.to_owned(),
    };
    super::pages::message_page(e.status, "Not done", &text)
}

fn refused(status: StatusCode, text: &str) -> Response {
    super::pages::message_page(status, "Not done", text)
}

fn booking_answer(booking: &Booking) -> crate::store::StoreResult<StoredAnswer> {
    crate::idempotency::json(StatusCode::CREATED, booking)
}

fn stored_booking(stored: &StoredAnswer) -> Option<Booking> {
    serde_json::from_slice(&stored.body).ok()
}

fn parse_day(text: &str) -> Option<Date> {
    text.parse().ok()
}

pub async fn page(
    State(state): State<AppState>,
    clerk: Clerk,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(desk) = clerk.desk() else {
        return see_other("/desk/setup");
    };
    let query = FormData::parse(query.unwrap_or_default().as_bytes());
    let today = state.clock.now().to_zoned_datetime(state.tz.clone()).date();
    let asked = Asked {
        product: query.get("product").unwrap_or("").to_owned(),
        persons: query
            .get("persons")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1),
        day: query
            .get("day")
            .map_or_else(|| today.to_string(), str::to_owned),
        code: query.get("code").unwrap_or("").to_owned(),
        name: query.get("name").unwrap_or("").to_owned(),
        find_day: query
            .get("find_day")
            .map_or_else(|| today.to_string(), str::to_owned),
    };
    let catalogue = match catalogue(&state).await {
        Ok(c) => c,
        Err(e) => return problem_page(&e),
    };
    let mut error = None;
    let slots = match (query.get("product"), parse_day(&asked.day)) {
        (Some(product), Some(day)) => {
            match free_slots(&state, &desk.location_id, product, asked.persons, day, day).await {
                Ok(slots) => Some(slots),
                Err(e) => {
                    error = Some(
                        e.detail
                            .clone()
                            .map_or_else(|| e.title.to_owned(), |d| format!("{}: {d}", e.title)),
                    );
                    None
                }
            }
        }
        (Some(_), None) => {
            error = Some("Pick a day.".to_owned());
            None
        }
        _ => None,
    };
    let search = if let Some(code) = query.get("code") {
        match crate::codes::parse_code(code) {
            Some(lookup) => Some(BookingQuery::Code(lookup)),
            None => {
                error =
                    Some("That is not a booking code (8 or more letters and digits).".to_owned());
                None
            }
        }
    } else if let Some(name) = query.get("name") {
        match parse_day(&asked.find_day) {
            Some(day) => Some(BookingQuery::NameOnDay(name.to_owned(), day)),
            None => {
                error = Some("Give the day of the booking.".to_owned());
                None
            }
        }
    } else {
        None
    };
    let found = match search {
        Some(search) => match find(&state, &desk, search).await {
            Ok(found) => Some(found),
            Err(e) => return problem_page(&e),
        },
        None => None,
    };
    let products: Vec<_> = catalogue
        .products
        .iter()
        .filter(|p| p.location_ids.contains(&desk.location_id))
        .collect();
    pages::bookings_page(
        &clerk.session.csrf,
        &products,
        &asked,
        slots.as_deref(),
        found.as_deref(),
        &catalogue,
        &state.tz,
        error.as_deref(),
    )
    .into_response()
}

async fn find(
    state: &AppState,
    desk: &DeskRef,
    query: BookingQuery,
) -> Result<Vec<DeskBooking>, ApiError> {
    let now = state.clock.now();
    let location = desk.location_id.clone();
    state
        .run(move |s| s.desk_find_bookings(&location, &query, now))
        .await
}

async fn one(state: &AppState, desk: &DeskRef, id: Uuid) -> Result<DeskBooking, ApiError> {
    find(state, desk, BookingQuery::Id(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::from(StoreError::NotFound("booking")))
}

fn start_of(form: &FormData) -> Option<Timestamp> {
    form.get("start")
        .and_then(|s| kiosk_api::rfc3339::parse(s).ok())
        .map(|z| z.timestamp())
}

/// Shows a booking made, moved or answered before, with its code.
async fn show(state: &AppState, title: &str, booking: &Booking, status: StatusCode) -> Response {
    match catalogue(state).await {
        Ok(c) => (status, pages::booked(title, booking, &c)).into_response(),
        Err(e) => problem_page(&e),
    }
}

/// The answer kept for this form's key, after losing the race to write it.
async fn replay(state: &AppState, clerk: &Clerk, form: &FormData, title: &str) -> Response {
    // The key as it was stored: normalised the same way.
    let Some(key) = super::form_key::key_of(form) else {
        return see_other("/desk/bookings");
    };
    match answered(state, &super::form_key::scope_of(clerk), &key)
        .await
        .as_ref()
        .and_then(stored_booking)
    {
        Some(b) => show(state, title, &b, StatusCode::OK).await,
        None => see_other("/desk/bookings"),
    }
}

/// What every booking form of the desk checks first: the session's CSRF token, a desk chosen,
/// and its form key. A form sent again gets the page of the booking it made (`done`), never a
/// second booking. The form, the desk and the key to commit with; else the answer to give.
async fn booking_form(
    state: &AppState,
    clerk: &Clerk,
    body: &Bytes,
    path: &str,
    done: &str,
) -> Result<(FormData, DeskRef, crate::store::Keyed<Booking>), Response> {
    let form = FormData::parse(body);
    if !clerk.csrf_ok(&form) {
        return Err(csrf_refused());
    }
    let Some(desk) = clerk.desk() else {
        return Err(see_other("/desk/setup"));
    };
    match form_key(state, clerk, &form, path, body, booking_answer).await {
        Ok(FormKey::Fresh(keyed)) => Ok((form, desk, keyed)),
        Ok(FormKey::Answered(stored)) => Err(match stored_booking(&stored) {
            Some(b) => show(state, done, &b, StatusCode::OK).await,
            None => see_other("/desk/bookings"),
        }),
        Err(text) => Err(refused(StatusCode::BAD_REQUEST, &text)),
    }
}

pub async fn create(State(state): State<AppState>, clerk: Clerk, body: Bytes) -> Response {
    let (form, desk, keyed) =
        match booking_form(&state, &clerk, &body, "/desk/bookings", "Booked").await {
            Ok(checked) => checked,
            Err(response) => return response,
        };
    let Some(start) = start_of(&form) else {
        return refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Pick one of the free times.",
        );
    };
    let persons = form
        .get("persons")
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let customer = Customer {
        name: form.get("name").unwrap_or("").to_owned(),
        phone: form.get("phone").map(str::to_owned),
        email: form.get("email").map(str::to_owned),
    };
    let product = form.get("product").unwrap_or("");
    let booking = match prepare(
        &state,
        &desk.location_id,
        product,
        persons,
        start,
        customer,
        None,
    )
    .await
    {
        Ok(b) => b,
        Err(e) if e.kind == kiosk_api::problem_type::MISSING_CUSTOMER_FIELD => {
            return refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Give the caller's name and a phone number or an e-mail address.",
            );
        }
        Err(e) => return problem_page(&e),
    };
    let now = state.clock.now();
    match state
        .run_raw(move |s| s.create_booking(booking, now, &keyed))
        .await
    {
        Ok(b) => show(&state, "Booked", &b, StatusCode::CREATED).await,
        Err(StoreError::KeyAnswered) => replay(&state, &clerk, &form, "Booked").await,
        Err(e) => problem_page(&ApiError::from(e)),
    }
}

pub async fn move_page(
    State(state): State<AppState>,
    clerk: Clerk,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(desk) = clerk.desk() else {
        return see_other("/desk/setup");
    };
    let query = FormData::parse(query.unwrap_or_default().as_bytes());
    let Some(id) = query.get("id").and_then(|i| Uuid::parse_str(i).ok()) else {
        return refused(StatusCode::BAD_REQUEST, "Which booking? Find it again.");
    };
    let found = match one(&state, &desk, id).await {
        Ok(f) => f,
        Err(e) => return problem_page(&e),
    };
    let day_text = query.get("day").unwrap_or("").to_owned();
    let day = parse_day(&day_text).unwrap_or_else(|| found.booking.start.date());
    let b = &found.booking;
    let slots = match free_slots(
        &state,
        &desk.location_id,
        &b.product_id,
        b.persons,
        day,
        day,
    )
    .await
    {
        Ok(s) => s,
        Err(e) => return problem_page(&e),
    };
    match catalogue(&state).await {
        Ok(c) => pages::move_page(&clerk.session.csrf, &found, &day.to_string(), &slots, &c)
            .into_response(),
        Err(e) => problem_page(&e),
    }
}

pub async fn move_booking(State(state): State<AppState>, clerk: Clerk, body: Bytes) -> Response {
    let (form, desk, keyed) =
        match booking_form(&state, &clerk, &body, "/desk/bookings/move", "Moved").await {
            Ok(checked) => checked,
            Err(response) => return response,
        };
    let (Some(id), Some(start)) = (
        form.get("id").and_then(|i| Uuid::parse_str(i).ok()),
        start_of(&form),
    ) else {
        return refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Pick one of the free times.",
        );
    };
    let found = match one(&state, &desk, id).await {
        Ok(f) => f,
        Err(e) => return problem_page(&e),
    };
    let b = &found.booking;
    let (start, end, desks) =
        match slot_for_move(&state, &desk.location_id, &b.product_id, b.persons, start).await {
            Ok(slot) => slot,
            Err(e) => return problem_page(&e),
        };
    let now = state.clock.now();
    let location = desk.location_id.clone();
    match state
        .run_raw(move |s| s.desk_move_booking(id, &location, start, end, desks, now, &keyed))
        .await
    {
        Ok(b) => show(&state, "Moved", &b, StatusCode::OK).await,
        Err(StoreError::KeyAnswered) => replay(&state, &clerk, &form, "Moved").await,
        Err(e) => problem_page(&ApiError::from(e)),
    }
}

pub async fn cancel(State(state): State<AppState>, clerk: Clerk, body: Bytes) -> Response {
    let form = FormData::parse(&body);
    if !clerk.csrf_ok(&form) {
        return csrf_refused();
    }
    let Some(desk) = clerk.desk() else {
        return see_other("/desk/setup");
    };
    let keyed = match form_key(
        &state,
        &clerk,
        &form,
        "/desk/bookings/cancel",
        &body,
        booking_answer,
    )
    .await
    {
        Ok(FormKey::Fresh(k)) => k,
        Ok(FormKey::Answered(stored)) => {
            return match stored_booking(&stored) {
                Some(b) => pages::cancelled(&b).into_response(),
                None => see_other("/desk/bookings"),
            };
        }
        Err(text) => return refused(StatusCode::BAD_REQUEST, &text),
    };
    let Some(id) = form.get("id").and_then(|i| Uuid::parse_str(i).ok()) else {
        return refused(StatusCode::BAD_REQUEST, "Which booking? Find it again.");
    };
    let now = state.clock.now();
    let location = desk.location_id.clone();
    match state
        .run_raw(move |s| s.desk_cancel_booking(id, &location, now, &keyed))
        .await
    {
        Ok(b) => {
            // A waiting ticket of it was cancelled too: desks and displays reload.
            state.live.publish(
                &desk.location_id,
                crate::queue::live::QueueNews::quiet("cancelled", ""),
            );
            pages::cancelled(&b).into_response()
        }
        Err(StoreError::KeyAnswered) => see_other("/desk/bookings"),
        Err(e) => problem_page(&ApiError::from(e)),
    }
}
