//! The typed HTTP client of the backend API (`api.md`), one async method per kiosk endpoint.
//! Cheap to clone (one connection pool). It never retries by itself: the caller decides, and
//! passes the same [`IdempotencyKey`] again when it retries a state-changing call.

use std::sync::Arc;
use std::time::Duration;

use jiff::civil::Date;
use kiosk_api::{
    Arrivals, Booking, Catalogue, CertificateRequestResult, CreateBooking,
    CreateCertificateRequest, CreateTicket, EidChallenge, EnrolRequest, EnrolResponse, EventBatch,
    EventResults, Health, IDEMPOTENCY_KEY, KioskEvent, KioskStatus, PROBLEM_JSON, Problem, Slot,
    SlotsQuery, StatusResponse, Ticket, TicketBlock, TicketBlockRequest,
};
use reqwest::header::{CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use reqwest::{Method, RequestBuilder, Response, StatusCode, Url};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{IdempotencyKey, SyncError};
use crate::config::BackendSettings;

/// A cacheable read: the new body with its ETag, or "what you have is current".
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched<T> {
    Modified { value: T, etag: Option<String> },
    NotModified,
}

/// The answer to a check-in: `created` is false when the booking already had this ticket.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedIn {
    pub ticket: Ticket,
    pub created: bool,
}

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    /// Without a trailing slash; paths start with `/v1`.
    base: Arc<str>,
    token: Option<Arc<str>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.base)
            .field("token", &self.token.as_ref().map(|_| "<hidden>"))
            .finish()
    }
}

impl Client {
    /// A client without a token (enough for enrolment and health), with the timeouts of
    /// `settings`. `base_url` is e.g. `https://kiosk.example.be` or an embedded backend's URL.
    pub fn new(base_url: &str, settings: &BackendSettings) -> Result<Client, SyncError> {
        Client::with_timeouts(base_url, settings.connect_timeout, settings.request_timeout)
    }

    pub fn with_timeouts(
        base_url: &str,
        connect_timeout: Duration,
        request_timeout: Duration,
    ) -> Result<Client, SyncError> {
        let base = base_url.trim_end_matches('/');
        Url::parse(base).map_err(|e| SyncError::Setup(format!("backend URL {base:?}: {e}")))?;
        let http = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .timeout(request_timeout)
            .user_agent(concat!("kiosk-core/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Setup(e.without_url().to_string()))?;
        Ok(Client {
            http,
            base: base.into(),
            token: None,
        })
    }

    /// The same client (and connection pool) sending `token` as its bearer token.
    pub fn with_token(&self, token: &str) -> Client {
        Client {
            token: Some(token.into()),
            ..self.clone()
        }
    }

    /// The backend's address, as given (the demo kiosk's tests find its embedded backend so).
    pub fn base_url(&self) -> &str {
        &self.base
    }

    fn url(&self, path: &str, query: &[(&str, &str)]) -> Result<Url, SyncError> {
        let mut url = Url::parse(&format!("{}{path}", self.base))
            .map_err(|e| SyncError::Setup(format!("URL for {path}: {e}")))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    fn request(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<RequestBuilder, SyncError> {
        let builder = self.http.request(method, self.url(path, query)?);
        Ok(match &self.token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        })
    }

    fn post(&self, path: &str, key: IdempotencyKey) -> Result<RequestBuilder, SyncError> {
        Ok(self
            .request(Method::POST, path, &[])?
            .header(IDEMPOTENCY_KEY, key.to_string()))
    }

    // ---- kiosks ----

    /// `POST /v1/kiosks/enrol`
    pub async fn enrol(
        &self,
        request: &EnrolRequest,
        key: IdempotencyKey,
    ) -> Result<EnrolResponse, SyncError> {
        json(send(self.post("/v1/kiosks/enrol", key)?.json(request)).await?).await
    }

    /// `PUT /v1/kiosks/me/status`: the heartbeat.
    pub async fn heartbeat(&self, status: &KioskStatus) -> Result<StatusResponse, SyncError> {
        let request = self.request(Method::PUT, "/v1/kiosks/me/status", &[])?;
        json(send(request.json(status)).await?).await
    }

    /// `GET /v1/health` (no token needed).
    pub async fn health(&self) -> Result<Health, SyncError> {
        json(send(self.request(Method::GET, "/v1/health", &[])?).await?).await
    }

    // ---- catalogue, slots, bookings ----

    /// `GET /v1/catalogue`, with `If-None-Match: etag` when the kiosk has a copy.
    /// `GET /v1/catalogue`, its numbers bounded ([`super::bounds`]) before anything uses them.
    pub async fn catalogue(&self, etag: Option<&str>) -> Result<Fetched<Catalogue>, SyncError> {
        let request = self.request(Method::GET, "/v1/catalogue", &[])?;
        Ok(match cacheable(request, etag).await? {
            Fetched::Modified { value, etag } => Fetched::Modified {
                value: super::bounds::bounded(value),
                etag,
            },
            Fetched::NotModified => Fetched::NotModified,
        })
    }

    /// `GET /v1/slots`: free appointments, at most 31 days.
    pub async fn slots(&self, query: &SlotsQuery) -> Result<Vec<Slot>, SyncError> {
        let (persons, from, to) = (
            query.persons.to_string(),
            query.from.to_string(),
            query.to.to_string(),
        );
        let request = self.request(
            Method::GET,
            "/v1/slots",
            &[
                ("location", &query.location),
                ("product", &query.product),
                ("persons", &persons),
                ("from", &from),
                ("to", &to),
            ],
        )?;
        json(send(request).await?).await
    }

    /// `POST /v1/bookings`: holds the slot; `slot-taken` when it is no longer free.
    pub async fn create_booking(
        &self,
        booking: &CreateBooking,
        key: IdempotencyKey,
    ) -> Result<Booking, SyncError> {
        json(send(self.post("/v1/bookings", key)?.json(booking)).await?).await
    }

    /// `POST /v1/bookings/{id}/confirm`; `hold-expired` when the hold lapsed.
    pub async fn confirm_booking(
        &self,
        id: Uuid,
        key: IdempotencyKey,
    ) -> Result<Booking, SyncError> {
        let request = self.post(&format!("/v1/bookings/{id}/confirm"), key)?;
        json(send(request.json(&serde_json::json!({}))).await?).await
    }

    /// `GET /v1/bookings/lookup?code=`: typed code or scanned QR payload.
    pub async fn lookup_booking(&self, code: &str) -> Result<Booking, SyncError> {
        let request = self.request(Method::GET, "/v1/bookings/lookup", &[("code", code)])?;
        json(send(request).await?).await
    }

    /// `DELETE /v1/bookings/{id}?code=`: the code proves the right to cancel.
    pub async fn cancel_booking(&self, id: Uuid, code: &str) -> Result<Booking, SyncError> {
        let request = self.request(
            Method::DELETE,
            &format!("/v1/bookings/{id}"),
            &[("code", code)],
        )?;
        json(send(request).await?).await
    }

    // ---- tickets ----

    /// `POST /v1/tickets`: check-in; `too-early`/`too-late` carry `window_start`/`window_end`.
    pub async fn check_in(
        &self,
        booking_code: &str,
        key: IdempotencyKey,
    ) -> Result<CheckedIn, SyncError> {
        let body = CreateTicket {
            booking_code: booking_code.to_owned(),
        };
        let response = send(self.post("/v1/tickets", key)?.json(&body)).await?;
        let created = response.status() == StatusCode::CREATED;
        Ok(CheckedIn {
            ticket: json(response).await?,
            created,
        })
    }

    /// `POST /v1/walk-in-tickets`: a number without an appointment; `walk-in-closed` and
    /// `walk-in-full` carry `opens_at` when the service opens again.
    pub async fn walk_in(
        &self,
        queue_service_id: &str,
        key: IdempotencyKey,
    ) -> Result<Ticket, SyncError> {
        let body = kiosk_api::CreateWalkInTicket {
            queue_service_id: queue_service_id.to_owned(),
        };
        json(send(self.post("/v1/walk-in-tickets", key)?.json(&body)).await?).await
    }

    /// `GET /v1/tickets/{id}`
    pub async fn ticket(&self, id: Uuid) -> Result<Ticket, SyncError> {
        let request = self.request(Method::GET, &format!("/v1/tickets/{id}"), &[])?;
        json(send(request).await?).await
    }

    // ---- certificates ----

    /// `POST /v1/eid-challenges`: bytes for the card's authentication key to sign, once, soon.
    pub async fn eid_challenge(&self, key: IdempotencyKey) -> Result<EidChallenge, SyncError> {
        let request = self.post("/v1/eid-challenges", key)?;
        json(send(request.json(&serde_json::json!({}))).await?).await
    }

    /// `POST /v1/certificate-requests`: the signed card files and the challenge's signature
    /// prove who asks; the answer holds the document to print, or says it comes later.
    pub async fn request_certificate(
        &self,
        request: &CreateCertificateRequest,
        key: IdempotencyKey,
    ) -> Result<CertificateRequestResult, SyncError> {
        json(send(self.post("/v1/certificate-requests", key)?.json(request)).await?).await
    }

    // ---- offline support and the outbox ----

    /// `GET /v1/kiosks/me/arrivals?day=`, with `If-None-Match` when the kiosk has the day.
    pub async fn arrivals(
        &self,
        day: Date,
        etag: Option<&str>,
    ) -> Result<Fetched<Arrivals>, SyncError> {
        let day = day.to_string();
        let request = self.request(Method::GET, "/v1/kiosks/me/arrivals", &[("day", &day)])?;
        cacheable(request, etag).await
    }

    /// `POST /v1/kiosks/me/ticket-blocks`
    pub async fn ticket_block(
        &self,
        request: &TicketBlockRequest,
        key: IdempotencyKey,
    ) -> Result<TicketBlock, SyncError> {
        json(send(self.post("/v1/kiosks/me/ticket-blocks", key)?.json(request)).await?).await
    }

    /// `POST /v1/kiosks/me/events`: at most [`kiosk_api::MAX_EVENTS_PER_BATCH`] events.
    pub async fn post_events(
        &self,
        events: &[KioskEvent],
        key: IdempotencyKey,
    ) -> Result<EventResults, SyncError> {
        let batch = EventBatch {
            events: events.to_vec(),
        };
        json(send(self.post("/v1/kiosks/me/events", key)?.json(&batch)).await?).await
    }
}

/// Sends, and turns every answer that is not a success (or 304) into a [`SyncError`].
async fn send(request: RequestBuilder) -> Result<Response, SyncError> {
    let response = request.send().await?;
    let status = response.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        return Ok(response);
    }
    let is_problem = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    let body = capped_body(response).await?;
    if status == StatusCode::UNAUTHORIZED {
        return Err(SyncError::Unauthorized);
    }
    if is_problem && let Ok(problem) = serde_json::from_slice::<Problem>(&body) {
        return Err(SyncError::Problem(Box::new(problem)));
    }
    if matches!(
        status,
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
    ) {
        return Err(SyncError::Unavailable {
            status: status.as_u16(),
        });
    }
    Err(SyncError::Unexpected {
        status: status.as_u16(),
        detail: "no problem document in the answer".into(),
    })
}

/// The most the kiosk reads of one answer. The largest real one, a busy day's arrivals, is a
/// few hundred kilobytes; a backend (or something posing as one) sending more is refused
/// before the kiosk's memory is spent on it.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// The body, read chunk by chunk and refused as soon as it passes [`MAX_BODY_BYTES`].
async fn capped_body(mut response: Response) -> Result<Vec<u8>, SyncError> {
    let status = response.status().as_u16();
    let too_large = || SyncError::Unexpected {
        status,
        detail: format!("an answer larger than {MAX_BODY_BYTES} bytes"),
    };
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, SyncError> {
    let status = response.status().as_u16();
    // A body cut off half-way is a lost connection (offline), not a protocol error.
    let body = capped_body(response).await?;
    serde_json::from_slice(&body).map_err(|e| SyncError::Unexpected {
        status,
        detail: format!("unreadable JSON: {e}"),
    })
}

async fn cacheable<T: DeserializeOwned>(
    request: RequestBuilder,
    etag: Option<&str>,
) -> Result<Fetched<T>, SyncError> {
    let request = match etag {
        Some(tag) => request.header(IF_NONE_MATCH, tag),
        None => request,
    };
    let response = send(request).await?;
    if response.status() == StatusCode::NOT_MODIFIED {
        return Ok(Fetched::NotModified);
    }
    let etag = response
        .headers()
        .get(ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok(Fetched::Modified {
        value: json(response).await?,
        etag,
    })
}
