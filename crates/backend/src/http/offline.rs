//! Offline support: the day's arrivals (digests only) and blocks of ticket numbers.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use jiff::civil::Date;
use kiosk_api::{Arrivals, TicketBlock, TicketBlockRequest};
use serde::Deserialize;

use super::AppState;
use super::extract::{JsonBody, QueryParams};
use crate::problem::ApiError;
use crate::store::KioskIdentity;

#[derive(Debug, Deserialize)]
pub struct DayQuery {
    day: Date,
}

pub async fn arrivals(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    QueryParams(query): QueryParams<DayQuery>,
) -> Result<Json<Arrivals>, ApiError> {
    Ok(Json(
        state
            .run(move |store| store.arrivals(&kiosk.location_id, query.day))
            .await?,
    ))
}

pub async fn ticket_block(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    JsonBody(request): JsonBody<TicketBlockRequest>,
) -> Result<(StatusCode, Json<TicketBlock>), ApiError> {
    let now = state.clock.now();
    let block = state
        .run(move |store| {
            store.reserve_ticket_block(
                &kiosk,
                &request.queue_service_id,
                request.day,
                request.size,
                now,
            )
        })
        .await?;
    Ok((StatusCode::CREATED, Json(block)))
}
