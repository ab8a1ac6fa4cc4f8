//! The figures' handlers: the admin page and its CSV exports (staff session, role admin; at
//! `/desk/figures`, where `/admin/figures` sends) and
//! `GET /v1/admin/figures` (admin bearer token, as `GET /v1/kiosks`).

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use kiosk_api::Figures;

use super::csv_export::to_csv;
use super::pages;
use super::tables::{TABLE_IDS, tables};
use super::{Period, PeriodError};
use crate::desk::auth::Clerk;
use crate::desk::form::FormData;
use crate::desk::pages::{error_page, message_page};
use crate::http::AppState;
use crate::problem::ApiError;

/// `/admin/figures`, the address admins are given: the page lives in the desk console's path
/// ([`pages::PAGE`]), where the staff session cookie is sent; the period is kept.
pub async fn to_console(RawQuery(query): RawQuery) -> Response {
    see_other(pages::PAGE, query)
}

pub async fn to_console_csv(RawQuery(query): RawQuery) -> Response {
    see_other(pages::CSV, query)
}

fn see_other(path: &str, query: Option<String>) -> Response {
    let to = match query.filter(|q| !q.is_empty()) {
        Some(q) => format!("{path}?{q}"),
        None => path.to_owned(),
    };
    axum::response::Redirect::to(&to).into_response()
}

/// Only admins see the municipality's figures; a clerk is told so (403).
fn refused_unless_admin(clerk: &Clerk) -> Option<Response> {
    (clerk.session.role != "admin").then(|| {
        message_page(
            StatusCode::FORBIDDEN,
            "Geen toegang",
            "Alleen beheerders zien de cijfers van de gemeente.",
        )
    })
}

/// The period the query asks for; without `from` and `to`, the last 30 days.
fn asked(state: &AppState, query: &FormData) -> Result<Period, PeriodError> {
    match (query.get("from"), query.get("to")) {
        (None, None) => {
            let today = state.clock.now().to_zoned_datetime(state.tz.clone()).date();
            let mut period = Period::last_30_days(today);
            period.location_id = super::location_of(query.get("location"));
            Ok(period)
        }
        (from, to) => Period::parse(from.unwrap_or(""), to.unwrap_or(""), query.get("location")),
    }
}

async fn compute(state: &AppState, period: &Period) -> Result<Figures, ApiError> {
    let now = state.clock.now();
    let p = period.clone();
    state.run(move |store| store.figures(&p, now)).await
}

#[utoipa::path(get, path = "/v1/admin/figures", operation_id = "getFigures", tag = "admin", security(("bearer" = [])),
    params(("from" = String, Query, description = "First day, YYYY-MM-DD (Europe/Brussels)"),
           ("to" = String, Query, description = "Last day, inclusive"),
           ("location" = Option<String>, Query, description = "A location id; absent or `all`: every location")),
    responses((status = 200, description = "The municipality's figures of the period (admin token)", body = kiosk_api::Figures),
              (status = 422, description = "A missing or wrong date, or a period over 731 days", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn json(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<Figures>, ApiError> {
    let query = FormData::parse(query.unwrap_or_default().as_bytes());
    let period = Period::parse(
        query.get("from").unwrap_or(""),
        query.get("to").unwrap_or(""),
        query.get("location"),
    )
    .map_err(|e| ApiError::invalid(e.english()))?;
    Ok(Json(compute(&state, &period).await?))
}

pub async fn page(
    State(state): State<AppState>,
    clerk: Clerk,
    RawQuery(query): RawQuery,
) -> Response {
    if let Some(refused) = refused_unless_admin(&clerk) {
        return refused;
    }
    let query = FormData::parse(query.unwrap_or_default().as_bytes());
    let today = state.clock.now().to_zoned_datetime(state.tz.clone()).date();
    let catalogue = match state.run(move |s| s.catalogue(today)).await {
        Ok(c) => c,
        Err(e) => return error_page(&e),
    };
    let typed = (
        query.get("from").unwrap_or("").to_owned(),
        query.get("to").unwrap_or("").to_owned(),
    );
    match asked(&state, &query) {
        Ok(period) => {
            let figures = match compute(&state, &period).await {
                Ok(f) => f,
                Err(e) => return error_page(&e),
            };
            let (from, to) = (period.from.to_string(), period.to.to_string());
            pages::page(
                &period,
                (&from, &to),
                &catalogue.locations,
                Some(&figures),
                None,
            )
            .into_response()
        }
        Err(reason) => {
            let shown = Period::last_30_days(today);
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                pages::page(
                    &shown,
                    (&typed.0, &typed.1),
                    &catalogue.locations,
                    None,
                    Some(&format!("Deze periode kan niet: {}.", reason.dutch())),
                ),
            )
                .into_response()
        }
    }
}

pub async fn csv(
    State(state): State<AppState>,
    clerk: Clerk,
    RawQuery(query): RawQuery,
) -> Response {
    if let Some(refused) = refused_unless_admin(&clerk) {
        return refused;
    }
    let query = FormData::parse(query.unwrap_or_default().as_bytes());
    let refused = |text: String| (StatusCode::UNPROCESSABLE_ENTITY, text).into_response();
    let Some(id) = query.get("table").filter(|t| TABLE_IDS.contains(t)) else {
        return refused(format!("table must be one of {}", TABLE_IDS.join(", ")));
    };
    let period = match asked(&state, &query) {
        Ok(p) => p,
        Err(reason) => return refused(reason.english()),
    };
    let figures = match compute(&state, &period).await {
        Ok(f) => f,
        Err(e) => return e.into_response(),
    };
    let Some(table) = tables(&figures).into_iter().find(|t| t.id == id) else {
        return refused(format!("no table {id}"));
    };
    let body = match to_csv(&table) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "csv not written");
            return ApiError::internal().into_response();
        }
    };
    let location = period.location_id.as_deref().unwrap_or("all");
    let filename = format!("cijfers-{id}-{}-{}-{location}.csv", period.from, period.to).replace(
        |c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'),
        "_",
    );
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}
