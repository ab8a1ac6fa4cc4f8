//! `GET /v1/slots` and the bookings: hold, confirm, look up, cancel.

use std::collections::HashSet;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use kiosk_api::{
    Booking, CreateBooking, CustomerField, Location, MAX_SLOT_DAYS, Product, Slot, SlotsQuery,
    problem_type as pt,
};
use serde::Deserialize;
use uuid::Uuid;

use super::AppState;
use super::extract::{JsonBody, PathId, QueryParams};
use crate::codes::{self, CodeLookup};
use crate::idempotency::Claim;
use crate::problem::ApiError;
use crate::slots;
use crate::store::{KioskIdentity, NewBooking};

struct Offer {
    location: Location,
    product: Product,
    tz: TimeZone,
    closed: HashSet<Date>,
}

async fn offer(
    state: &AppState,
    location_id: &str,
    product_id: &str,
    persons: u32,
) -> Result<Offer, ApiError> {
    let today = state.clock.now().to_zoned_datetime(state.tz.clone()).date();
    // Every hold asks for this: the catalogue read a moment ago serves, without the blocking pool.
    let catalogue = match state.store.cached_catalogue(today) {
        Some(cached) => cached,
        None => Arc::new(state.run(move |store| store.catalogue(today)).await?),
    };
    let location = catalogue
        .locations
        .iter()
        .find(|l| l.id == location_id)
        .cloned()
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                pt::UNKNOWN_LOCATION,
                "Unknown location",
            )
        })?;
    let product = catalogue
        .products
        .iter()
        .find(|p| p.id == product_id && p.location_ids.iter().any(|l| l == location_id))
        .cloned()
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                pt::UNKNOWN_PRODUCT,
                "This product is not offered here",
            )
        })?;
    if persons == 0 || persons > product.max_persons {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            pt::TOO_MANY_PERSONS,
            "Number of persons not allowed",
        )
        .detail(format!("between 1 and {}", product.max_persons))
        .ext("max_persons", product.max_persons));
    }
    let tz = TimeZone::get(&location.timezone).unwrap_or_else(|_| state.tz.clone());
    // The catalogue lists the closures from today on: earlier days offer no slot anyway.
    let closed = location.closures.iter().map(|c| c.date).collect();
    Ok(Offer {
        location,
        product,
        tz,
        closed,
    })
}

fn to_slot(tz: &TimeZone, (start, end): (Timestamp, Timestamp)) -> Slot {
    Slot {
        start: start.to_zoned_datetime(tz.clone()),
        end: end.to_zoned_datetime(tz.clone()),
    }
}

#[utoipa::path(get, path = "/v1/slots", operation_id = "listSlots", tag = "bookings", security(("bearer" = [])), params(kiosk_api::SlotsQuery),
    responses((status = 200, description = "Free slots, RFC 3339 with offset", body = Vec<kiosk_api::Slot>),
              (status = 400, description = "Missing or malformed parameter", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "range-too-long, unknown-location, unknown-product, too-many-persons", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn slots(
    State(state): State<AppState>,
    QueryParams(query): QueryParams<SlotsQuery>,
) -> Result<Json<Vec<Slot>>, ApiError> {
    if query.to < query.from {
        return Err(ApiError::bad_request("`to` is before `from`"));
    }
    let days = query
        .from
        .until(query.to)
        .map(|s| s.get_days())
        .unwrap_or(i32::MAX)
        + 1;
    if days > MAX_SLOT_DAYS {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            pt::RANGE_TOO_LONG,
            "At most 31 days at a time",
        )
        .ext("max_days", MAX_SLOT_DAYS));
    }
    free_slots(
        &state,
        &query.location,
        &query.product,
        query.persons,
        query.from,
        query.to,
    )
    .await
    .map(Json)
}

/// The free slots of a product for `persons` at a location between two days (inclusive): the
/// kiosk's slot search, and the desk's for phone bookings.
pub(crate) async fn free_slots(
    state: &AppState,
    location_id: &str,
    product_id: &str,
    persons: u32,
    from: Date,
    to: Date,
) -> Result<Vec<Slot>, ApiError> {
    let offer = offer(state, location_id, product_id, persons).await?;
    let minutes = offer.product.duration_for(persons);
    let mut candidates = Vec::new();
    let mut day = from;
    while day <= to {
        candidates.extend(slots::candidates(
            &offer.tz,
            &offer.location.opening_hours,
            &offer.closed,
            day,
            minutes,
        ));
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    let now = state.clock.now();
    candidates.retain(|(start, _)| *start > now);
    let (Some(first), Some(last)) = (
        candidates.first().copied(),
        candidates.iter().map(|c| c.1).max(),
    ) else {
        return Ok(Vec::new());
    };
    let location_id = offer.location.id.clone();
    let taken = state
        .run(move |store| store.taken(&location_id, first.0, last, now))
        .await?;
    let desks = offer.location.desks;
    Ok(candidates
        .into_iter()
        .filter(|(start, end)| slots::free_desk(&taken, desks, *start, *end).is_some())
        .map(|c| to_slot(&offer.tz, c))
        .collect())
}

fn check_customer(product: &Product, customer: &kiosk_api::Customer) -> Result<(), ApiError> {
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let missing = |field: &str| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            pt::MISSING_CUSTOMER_FIELD,
            "A required customer field is missing",
        )
        .ext("field", field)
    };
    if customer.name.trim().is_empty() || customer.name.len() > 200 {
        return Err(missing("name"));
    }
    for field in &product.required_customer_fields {
        match field {
            CustomerField::Name => {}
            CustomerField::Phone if !filled(&customer.phone) => return Err(missing("phone")),
            CustomerField::Email if !filled(&customer.email) => return Err(missing("email")),
            CustomerField::PhoneOrEmail if !filled(&customer.phone) && !filled(&customer.email) => {
                return Err(missing("phone_or_email"));
            }
            _ => {}
        }
    }
    let too_long = |v: &Option<String>| v.as_deref().is_some_and(|s| s.len() > 200);
    if too_long(&customer.phone) || too_long(&customer.email) {
        return Err(ApiError::invalid(
            "phone and email are at most 200 characters",
        ));
    }
    Ok(())
}

#[utoipa::path(post, path = "/v1/bookings", operation_id = "createBooking", tag = "bookings", security(("bearer" = [])), request_body = kiosk_api::CreateBooking,
    params(("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 201, description = "Held for 10 minutes", body = kiosk_api::Booking),
              (status = 409, description = "slot-taken", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "not-a-slot, missing-customer-field, too-many-persons, idempotency-key-reused", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "too-many-attempts: this kiosk held too many bookings; Retry-After", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    claim: Claim,
    JsonBody(request): JsonBody<CreateBooking>,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    state
        .kiosk_limits
        .admit(super::kiosk_limits::Limited::Holds, &kiosk, now)?;
    let booking = prepare(
        &state,
        &request.location_id,
        &request.product_id,
        request.persons,
        request.start.timestamp(),
        request.customer,
        Some(kiosk.kiosk_id),
    )
    .await?;
    let created = state
        .run(move |store| store.create_booking(booking, now, &claim.json(StatusCode::CREATED)))
        .await?;
    let location = format!("/v1/bookings/{}", created.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(created),
    )
        .into_response())
}

#[utoipa::path(post, path = "/v1/bookings/{id}/confirm", operation_id = "confirmBooking", tag = "bookings", security(("bearer" = [])),
    params(("id" = Uuid, Path), ("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 200, description = "Confirmed", body = kiosk_api::Booking),
              (status = 404, description = "No such booking held by this kiosk", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 409, description = "hold-expired or booking-cancelled", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn confirm(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    claim: Claim,
    PathId(id): PathId,
) -> Result<Json<Booking>, ApiError> {
    let now = state.clock.now();
    let keyed = claim.json(StatusCode::OK);
    Ok(Json(
        state
            .run(move |store| store.confirm_booking(id, kiosk.kiosk_id, now, &keyed))
            .await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CodeQuery {
    /// The typed short code or the scanned QR payload.
    code: String,
}

/// A new booking of an offered, future slot for a customer with the product's required fields:
/// held for the kiosk (`kiosk_id`), or confirmed at once when a clerk books by phone (`None`). The
/// slot's freedom is decided by the store, in the booking's own transaction.
pub(crate) async fn prepare(
    state: &AppState,
    location_id: &str,
    product_id: &str,
    persons: u32,
    start: Timestamp,
    customer: kiosk_api::Customer,
    kiosk_id: Option<Uuid>,
) -> Result<NewBooking, ApiError> {
    let offer = offer(state, location_id, product_id, persons).await?;
    check_customer(&offer.product, &customer)?;
    let (start, end) = offered_slot(state, &offer, persons, start)?;
    let now = state.clock.now();
    Ok(NewBooking {
        id: Uuid::now_v7(),
        kiosk_id,
        // Only kiosks and the desk console book through here so far.
        channel: if kiosk_id.is_some() {
            kiosk_api::Channel::Kiosk
        } else {
            kiosk_api::Channel::Desk
        },
        location_id: offer.location.id.clone(),
        product_id: offer.product.id.clone(),
        persons,
        start,
        end,
        desks: offer.location.desks,
        code: codes::short_code(),
        qr_secret: codes::qr_secret(),
        customer,
        hold_expires: kiosk_id.map(|_| now.checked_add(state.hold).unwrap_or(now)),
    })
}

/// The slot starting at `start`, if it is one the product offers and still to come.
fn offered_slot(
    state: &AppState,
    offer: &Offer,
    persons: u32,
    start: Timestamp,
) -> Result<(Timestamp, Timestamp), ApiError> {
    let minutes = offer.product.duration_for(persons);
    let day = start.to_zoned_datetime(offer.tz.clone()).date();
    let now = state.clock.now();
    slots::candidates(
        &offer.tz,
        &offer.location.opening_hours,
        &offer.closed,
        day,
        minutes,
    )
    .into_iter()
    .find(|(s, _)| *s == start && *s > now)
    .ok_or_else(|| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            pt::NOT_A_SLOT,
            "This time is not an offered slot",
        )
    })
}

/// A booking's new slot, for a clerk moving it: the same product and persons, another time.
pub(crate) async fn slot_for_move(
    state: &AppState,
    location_id: &str,
    product_id: &str,
    persons: u32,
    start: Timestamp,
) -> Result<(Timestamp, Timestamp, u32), ApiError> {
    let offer = offer(state, location_id, product_id, persons).await?;
    let (start, end) = offered_slot(state, &offer, persons, start)?;
    Ok((start, end, offer.location.desks))
}

/// Parses a typed code or QR payload, counting failures per kiosk (too many -> 429).
pub async fn parse_code(
    state: &AppState,
    kiosk: &KioskIdentity,
    input: &str,
) -> Result<CodeLookup, ApiError> {
    let now = state.clock.now();
    if let Some(seconds) = state.limiter.wait(kiosk.kiosk_id, now) {
        tracing::warn!(kiosk = %kiosk.kiosk_id, "too many wrong booking codes");
        return Err(ApiError::too_many(
            "Too many wrong codes; try again later",
            seconds,
        ));
    }
    codes::parse_code(input).ok_or_else(|| {
        state.limiter.failed(kiosk.kiosk_id, now);
        ApiError::not_found(pt::BOOKING_NOT_FOUND, "No booking with this code")
    })
}

pub fn note_failure(state: &AppState, kiosk: &KioskIdentity, error: &ApiError) {
    if error.status == StatusCode::NOT_FOUND {
        state.limiter.failed(kiosk.kiosk_id, state.clock.now());
    }
}

#[utoipa::path(get, path = "/v1/bookings/lookup", operation_id = "lookupBooking", tag = "bookings", security(("bearer" = [])), params(CodeQuery),
    responses((status = 200, description = "The booking, without customer data", body = kiosk_api::Booking),
              (status = 404, description = "booking-not-found", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 429, description = "too-many-attempts", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn lookup(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    QueryParams(query): QueryParams<CodeQuery>,
) -> Result<Json<Booking>, ApiError> {
    let code = parse_code(&state, &kiosk, &query.code).await?;
    let now = state.clock.now();
    let found = state
        .run(move |store| store.find_booking(&code, now))
        .await?;
    found.map(without_secret).map(Json).ok_or_else(|| {
        let error = ApiError::not_found(pt::BOOKING_NOT_FOUND, "No booking with this code");
        note_failure(&state, &kiosk, &error);
        error
    })
}

#[utoipa::path(delete, path = "/v1/bookings/{id}", operation_id = "cancelBooking", tag = "bookings", security(("bearer" = [])),
    params(("id" = Uuid, Path), CodeQuery),
    responses((status = 200, description = "Cancelled", body = kiosk_api::Booking),
              (status = 404, description = "booking-not-found (also for a wrong code)", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 429, description = "too-many-attempts", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn cancel(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    PathId(id): PathId,
    QueryParams(query): QueryParams<CodeQuery>,
) -> Result<Json<Booking>, ApiError> {
    let code = parse_code(&state, &kiosk, &query.code).await?;
    let now = state.clock.now();
    let result = state
        .run(move |store| store.cancel_booking(id, &code, now))
        .await;
    match &result {
        // A waiting ticket of it was cancelled too: desks and displays reload, as when the desk
        // cancels.
        Ok(_) => state.live.publish(
            &kiosk.location_id,
            crate::queue::live::QueueNews::quiet("cancelled", ""),
        ),
        Err(e) => note_failure(&state, &kiosk, e),
    }
    Ok(Json(without_secret(result?)))
}

/// A booking found by its code, as lookup and cancel answer: without the QR payload, whose
/// secret part proves the paper ticket. Whoever knows (or guessed) a code learns nothing more;
/// only the answers to creating and confirming, which go to the resident's own kiosk, carry it.
fn without_secret(booking: Booking) -> Booking {
    Booking {
        qr_payload: String::new(),
        ..booking
    }
}
