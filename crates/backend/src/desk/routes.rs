//! The desk console's handlers: pick the desk, the console and its live panel, and the actions
//! (signing in and out is `login.rs`, form keys `form_key.rs`).
//!
//! Exactly once for forms: every action button carries a fresh form key (a UUID made when the
//! button was rendered), used as the action's Idempotency-Key (scope `desk:<staff id>`) and
//! committed in the action's own transaction (`SqliteStore::change`), like the kiosk API's keys.
//! A double-submitted "Call next" (double click, a resent form after a timeout) arrives with the
//! same key: the second finds the key answered, or loses the race at the key's primary key and
//! rolls back, and calls nobody. A form key is not made idempotent by the transition itself,
//! because "Call next" pressed twice on purpose must call two residents; the key tells a repeat
//! from a new press. The CSRF token is separate: it proves the form came from this session.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::auth::{self, Clerk, PREFS_COOKIE, csrf_refused};
use super::form::{FormData, cookie, set_cookie};
use super::form_key::{FormKey, form_key, redirect_answer};
use super::{pages, sse};
use crate::http::AppState;
use crate::problem::ApiError;
use crate::queue::live::QueueNews;
use crate::queue::{Action, DeskRef, Outcome};
use crate::store::StoreError;

/// How long a browser remembers its desk (400 days, browsers' limit).
const PREFS_MAX_AGE: i64 = 400 * 24 * 3600;

pub fn with_cookie(mut response: Response, cookie: Option<header::HeaderValue>) -> Response {
    if let Some(value) = cookie {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

// ---- the desk ----

/// Checks and stores the desk's choice; the refusal as a sentence for the clerk.
pub async fn apply_desk(
    state: &AppState,
    token_hash: &str,
    location: &str,
    desk: &str,
    services: &[String],
) -> Result<(), String> {
    let l = location.to_owned();
    let offered = state
        .run(move |s| s.location_services(&l))
        .await
        .map_err(|e| e.title.to_owned())?;
    if offered.is_empty() {
        return Err("Unknown location.".into());
    }
    if services.is_empty() {
        return Err("Pick at least one queue you serve.".into());
    }
    if let Some(other) = services.iter().find(|s| !offered.contains(s)) {
        return Err(format!("The queue {other} is not served at this location."));
    }
    let desk = desk.trim();
    if desk.is_empty() || desk.chars().count() > 40 {
        return Err("Give your desk a name of 1 to 40 characters, e.g. Loket 3.".into());
    }
    let (h, l, d, s) = (
        token_hash.to_owned(),
        location.to_owned(),
        desk.to_owned(),
        services.to_vec(),
    );
    state
        .run(move |store| store.set_session_desk(&h, &l, &d, &s))
        .await
        .map_err(|e| e.title.to_owned())
}

pub async fn catalogue(state: &AppState) -> Result<kiosk_api::Catalogue, ApiError> {
    let today = state.clock.now().to_zoned_datetime(state.tz.clone()).date();
    state.run(move |s| s.catalogue(today)).await
}

/// What the setup page offers: the catalogue, and the desks its file names.
async fn setup_choices(
    state: &AppState,
) -> Result<(kiosk_api::Catalogue, Vec<crate::catalogue_file::Desk>), ApiError> {
    let catalogue = catalogue(state).await?;
    let desks = state.run(|s| s.desks()).await?;
    Ok((catalogue, desks))
}

pub async fn setup_page(
    State(state): State<AppState>,
    clerk: Clerk,
    headers: HeaderMap,
) -> Response {
    let (catalogue, desks) = match setup_choices(&state).await {
        Ok(c) => c,
        Err(e) => return pages::error_page(&e),
    };
    let s = &clerk.session;
    let remembered = match (&s.location_id, &s.desk) {
        (Some(l), Some(d)) => Some((l.clone(), d.clone(), s.services.clone())),
        _ => cookie(&headers, PREFS_COOKIE).and_then(|v| auth::decode_prefs(&v)),
    };
    pages::setup(&s.csrf, &catalogue, &desks, remembered.as_ref(), None).into_response()
}

pub async fn setup(State(state): State<AppState>, clerk: Clerk, body: Bytes) -> Response {
    let form = FormData::parse(&body);
    if !clerk.csrf_ok(&form) {
        return csrf_refused();
    }
    let location = form.get("location").unwrap_or("").to_owned();
    let desk = form.get("desk").unwrap_or("").to_owned();
    let services = form.all("services");
    match apply_desk(&state, &clerk.token_hash, &location, &desk, &services).await {
        Ok(()) => with_cookie(
            see_other("/desk"),
            set_cookie(
                PREFS_COOKIE,
                &auth::encode_prefs(&location, desk.trim(), &services),
                "/desk",
                Some(PREFS_MAX_AGE),
                state.desk.secure_cookies,
            ),
        ),
        Err(message) => match setup_choices(&state).await {
            Ok((c, desks)) => {
                let picked = (location, desk, services);
                let page = pages::setup(
                    &clerk.session.csrf,
                    &c,
                    &desks,
                    Some(&picked),
                    Some(&message),
                );
                (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
            }
            Err(e) => pages::error_page(&e),
        },
    }
}

/// The panel for `desk`, with an optional message on top.
async fn panel(
    state: &AppState,
    clerk: &Clerk,
    desk: &DeskRef,
    flash: Option<&str>,
) -> Result<maud::Markup, ApiError> {
    let now = state.clock.now();
    let d = desk.clone();
    let view = state.run(move |s| s.desk_view(&d, now)).await?;
    let catalogue = catalogue(state).await?;
    let l = desk.location_id.clone();
    let offered = state.run(move |s| s.location_services(&l)).await?;
    Ok(pages::panel(
        &clerk.session.csrf,
        &state.tz,
        now.as_second(),
        desk,
        &view,
        &catalogue,
        &offered,
        flash,
    ))
}

pub async fn console_response(
    state: &AppState,
    clerk: &Clerk,
    desk: &DeskRef,
    status: StatusCode,
    flash: Option<&str>,
) -> Response {
    match panel(state, clerk, desk, flash).await {
        Ok(panel) => (
            status,
            pages::console(&clerk.session.login, &clerk.session.csrf, desk, panel),
        )
            .into_response(),
        Err(e) => pages::error_page(&e),
    }
}

pub async fn console(State(state): State<AppState>, clerk: Clerk) -> Response {
    let Some(desk) = clerk.desk() else {
        return see_other("/desk/setup");
    };
    console_response(&state, &clerk, &desk, StatusCode::OK, None).await
}

pub async fn panel_fragment(State(state): State<AppState>, clerk: Clerk) -> Response {
    let Some(desk) = clerk.desk() else {
        return see_other("/desk/setup");
    };
    match panel(&state, &clerk, &desk, None).await {
        Ok(markup) => markup.into_response(),
        Err(e) => pages::error_page(&e),
    }
}

pub async fn events(State(state): State<AppState>, clerk: Clerk) -> Response {
    let Some(desk) = clerk.desk() else {
        return see_other("/desk/setup");
    };
    sse::stream(&state.live, &desk.location_id).into_response()
}

// ---- actions ----

fn parse_action(form: &FormData) -> Result<Action, String> {
    let ticket = || -> Result<Uuid, String> {
        form.get("ticket")
            .and_then(|t| Uuid::parse_str(t).ok())
            .ok_or_else(|| "This action needs a ticket.".to_owned())
    };
    Ok(match form.get("action").unwrap_or("") {
        "call_next" => Action::Call(None),
        "call" => Action::Call(Some(ticket()?)),
        "call_again" => Action::CallAgain(ticket()?),
        "start" => Action::Start(ticket()?),
        "done" => Action::Done(ticket()?),
        "no_show" => Action::NoShow(ticket()?),
        "back_to_queue" => Action::BackToQueue(ticket()?),
        "cancel" => Action::Cancel(ticket()?),
        "transfer" => Action::Transfer(
            ticket()?,
            form.get("service")
                .ok_or_else(|| "Pick the queue to transfer to.".to_owned())?
                .to_owned(),
        ),
        other => return Err(format!("Unknown action {other:?}.")),
    })
}

pub async fn act(State(state): State<AppState>, clerk: Clerk, body: Bytes) -> Response {
    let form = FormData::parse(&body);
    if !clerk.csrf_ok(&form) {
        return csrf_refused();
    }
    let Some(desk) = clerk.desk() else {
        return see_other("/desk/setup");
    };
    let action = match parse_action(&form) {
        Ok(a) => a,
        Err(text) => {
            return console_response(&state, &clerk, &desk, StatusCode::BAD_REQUEST, Some(&text))
                .await;
        }
    };
    let keyed =
        match form_key::<Outcome>(&state, &clerk, &form, "/desk/act", &body, redirect_answer).await
        {
            Ok(FormKey::Fresh(k)) => k,
            // Sent before: done then, nothing to do now.
            Ok(FormKey::Answered(_)) => return see_other("/desk"),
            Err(text) => {
                return console_response(
                    &state,
                    &clerk,
                    &desk,
                    StatusCode::BAD_REQUEST,
                    Some(&text),
                )
                .await;
            }
        };
    let now = state.clock.now();
    let (d, a) = (desk.clone(), action.clone());
    match state
        .run_raw(move |s| s.queue_act(&d, &a, now, &keyed))
        .await
    {
        Ok(outcome) => {
            state.live.publish(
                &desk.location_id,
                QueueNews {
                    action: outcome.action.clone(),
                    number: outcome.number.clone(),
                    desk: outcome.desk.clone(),
                    announce: action.announces(),
                },
            );
            see_other("/desk")
        }
        Err(StoreError::KeyAnswered) => see_other("/desk"),
        Err(e) => refused(&state, &clerk, &desk, e).await,
    }
}

pub async fn refused(state: &AppState, clerk: &Clerk, desk: &DeskRef, e: StoreError) -> Response {
    let e = ApiError::from(e);
    let text = match &e.detail {
        Some(d) => format!("{} ({d})", e.title),
        None => e.title.to_owned(),
    };
    console_response(state, clerk, desk, e.status, Some(&text)).await
}

pub async fn check_in(State(state): State<AppState>, clerk: Clerk, body: Bytes) -> Response {
    let form = FormData::parse(&body);
    if !clerk.csrf_ok(&form) {
        return csrf_refused();
    }
    let Some(desk) = clerk.desk() else {
        return see_other("/desk/setup");
    };
    let Some(booking) = form.get("booking").and_then(|b| Uuid::parse_str(b).ok()) else {
        let text = "Which booking? Reload the page and try again.";
        return console_response(&state, &clerk, &desk, StatusCode::BAD_REQUEST, Some(text)).await;
    };
    let keyed = match form_key(
        &state,
        &clerk,
        &form,
        "/desk/check-in",
        &body,
        redirect_answer,
    )
    .await
    {
        Ok(FormKey::Fresh(k)) => k,
        Ok(FormKey::Answered(_)) => return see_other("/desk"),
        Err(text) => {
            return console_response(&state, &clerk, &desk, StatusCode::BAD_REQUEST, Some(&text))
                .await;
        }
    };
    let now = state.clock.now();
    let d = desk.clone();
    match state
        .run_raw(move |s| s.hand_check_in(booking, &d, now, &keyed))
        .await
    {
        Ok(checked_in) => {
            if checked_in.created {
                state.live.publish(
                    &desk.location_id,
                    QueueNews::quiet("checked_in", checked_in.ticket.number.clone()),
                );
            }
            see_other("/desk")
        }
        Err(StoreError::KeyAnswered) => see_other("/desk"),
        Err(e) => refused(&state, &clerk, &desk, e).await,
    }
}
