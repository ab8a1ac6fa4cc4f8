//! The HTTP layer: routes, shared state and the glue to the blocking store.

mod auth;
pub(crate) mod bookings;
mod card_limit;
mod catalogue;
mod certificates;
mod document;
mod eid;
mod etag;
mod events;
pub mod extract;
pub mod kiosk_limits;
mod kiosks;
pub mod limiter;
mod offline;
pub mod openapi;
mod tickets;
mod walk_ins;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::routing::{delete, get, post, put};
use jiff::SignedDuration;
use jiff::tz::TimeZone;
use kiosk_api::problem_type as pt;

use crate::clock::Clock;
use crate::desk::{display, login, phone, routes as desk};
use crate::problem::ApiError;
use crate::store::{Store, StoreResult};

/// Largest accepted request body (a full events batch fits several times over).
pub const BODY_LIMIT: usize = 256 * 1024;

/// How the certificate path judges eID cards.
#[derive(Debug, Default)]
pub struct EidSettings {
    /// The synthetic demo CA may be a trust anchor (`serve --demo`, the embedded backend).
    pub demo: bool,
    /// The revocation lists; `None`: revocation is not checked (a demo).
    pub crls: Option<crate::eid::revocation::CrlFolder>,
}

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub clock: Clock,
    pub tz: TimeZone,
    pub hold: SignedDuration,
    pub body_limit: usize,
    pub limiter: Arc<limiter::Limiter>,
    pub card_limiter: Arc<card_limit::CardLimiter>,
    /// Per-kiosk rate limits on holds, eID challenges, ticket blocks and walk-in numbers.
    pub kiosk_limits: Arc<kiosk_limits::KioskLimiters>,
    /// How eID cards are judged: demo anchors allowed, revocation lists.
    pub eid: Arc<EidSettings>,
    /// Idempotency-Keys of requests running in this process.
    pub in_flight: Arc<crate::idempotency::InFlight>,
    /// Queue news for desks and displays, published after each change committed.
    pub live: Arc<crate::queue::live::Live>,
    pub desk: crate::desk::DeskConfig,
    /// How long an unused enrolment code stays valid.
    pub enrolment_code_valid: SignedDuration,
    /// The fleet alerts' thresholds, shown on the fleet page.
    pub fleet: Arc<crate::fleet::FleetConfig>,
}

impl AppState {
    pub fn new(
        store: Arc<dyn Store>,
        clock: Clock,
        tz: TimeZone,
        hold: SignedDuration,
    ) -> AppState {
        AppState {
            store,
            clock,
            tz,
            hold,
            body_limit: BODY_LIMIT,
            limiter: Arc::default(),
            card_limiter: Arc::default(),
            kiosk_limits: Arc::default(),
            eid: Arc::default(),
            enrolment_code_valid: crate::ENROLMENT_CODE_VALID,
            in_flight: Arc::default(),
            live: Arc::default(),
            desk: crate::desk::DeskConfig::default(),
            fleet: Arc::default(),
        }
    }

    /// [`AppState::run`] keeping the store's error, for callers that tell its kinds apart.
    pub async fn run_raw<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn Store) -> StoreResult<T> + Send + 'static,
    ) -> StoreResult<T> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || f(store.as_ref()))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "store task failed");
                crate::store::StoreError::Corrupt("the store task failed".into())
            })?
    }

    /// Runs a blocking store call on tokio's blocking pool: rusqlite must never block the runtime.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn Store) -> StoreResult<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || f(store.as_ref()))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "store task failed");
                ApiError::internal()
            })?
            .map_err(ApiError::from)
    }
}

pub fn router(state: AppState) -> Router {
    let idempotent = Router::new()
        .route("/v1/bookings", post(bookings::create))
        .route("/v1/bookings/{id}/confirm", post(bookings::confirm))
        .route("/v1/tickets", post(tickets::create))
        .route("/v1/walk-in-tickets", post(walk_ins::create))
        .route("/v1/kiosks/me/ticket-blocks", post(offline::ticket_block))
        .route("/v1/kiosks/me/events", post(events::post))
        .route("/v1/eid-challenges", post(eid::challenge))
        .route("/v1/certificate-requests", post(certificates::create))
        .route_layer(from_fn_with_state(state.clone(), crate::idempotency::layer));
    let kiosk = Router::new()
        .route("/v1/catalogue", get(catalogue::get))
        .route("/v1/slots", get(bookings::slots))
        .route("/v1/bookings/lookup", get(bookings::lookup))
        .route("/v1/bookings/{id}", delete(bookings::cancel))
        .route("/v1/tickets/{id}", get(tickets::get))
        .route("/v1/kiosks/me/status", put(kiosks::status))
        .route("/v1/kiosks/me/arrivals", get(offline::arrivals))
        .merge(idempotent)
        .route_layer(from_fn_with_state(state.clone(), auth::require_kiosk));
    let admin = Router::new()
        .route("/v1/kiosks", get(kiosks::list))
        .route("/v1/admin/figures", get(crate::figures::routes::json))
        .route_layer(from_fn_with_state(state.clone(), auth::require_admin));
    let desk = Router::new()
        .route("/desk", get(desk::console))
        .route("/desk/login", get(login::login_page).post(login::login))
        .route("/desk/logout", post(login::logout))
        .route("/desk/setup", get(desk::setup_page).post(desk::setup))
        .route("/desk/panel", get(desk::panel_fragment))
        .route("/desk/events", get(desk::events))
        .route("/desk/act", post(desk::act))
        .route("/desk/check-in", post(desk::check_in))
        .route("/desk/bookings", get(phone::page).post(phone::create))
        .route(
            "/desk/bookings/move",
            get(phone::move_page).post(phone::move_booking),
        )
        .route("/desk/bookings/cancel", post(phone::cancel))
        .route("/desk/figures", get(crate::figures::routes::page))
        .route("/desk/figures.csv", get(crate::figures::routes::csv))
        .route("/admin/figures", get(crate::figures::routes::to_console))
        .route("/desk/fleet", get(crate::fleet::routes::page))
        .route("/admin/fleet", get(crate::fleet::routes::to_console))
        .route(
            "/admin/figures.csv",
            get(crate::figures::routes::to_console_csv),
        )
        .route_layer(axum::middleware::map_response(
            crate::desk::staff_only_headers,
        ))
        .route("/display/{location}", get(display::page))
        .route("/v1/display/{location}", get(display::state))
        .route("/v1/display/{location}/events", get(display::events));
    let open = Router::new()
        .merge(desk)
        .route("/v1/health", get(catalogue::health))
        .route("/v1/documents/verify", get(certificates::verify))
        .route("/v1/openapi.json", get(openapi::get))
        .route("/v1/kiosks/enrol", post(kiosks::enrol));
    Router::new()
        .merge(open)
        .merge(kiosk)
        .merge(admin)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
}

/// One line per request: method, route template (never the real path or query, which can carry a
/// booking code), status and duration. No personal data.
async fn log_request(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let ms = started.elapsed().as_millis();
    if status >= 500 {
        tracing::error!(%method, %route, status, ms, "request failed");
    } else {
        tracing::debug!(%method, %route, status, ms, "request");
    }
    response
}

async fn not_found() -> ApiError {
    ApiError::not_found(pt::NOT_FOUND, "No such resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        pt::METHOD_NOT_ALLOWED,
        "Method not allowed",
    )
}
