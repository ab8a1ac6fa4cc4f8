//! `POST /v1/kiosks/me/events`: the kiosk's outbox, each event accepted, duplicate or rejected.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use kiosk_api::{
    EventBatch, EventResult, EventResults, EventStatus, MAX_EVENTS_PER_BATCH, Problem,
    problem_type as pt,
};
use uuid::Uuid;

use super::AppState;
use super::extract::JsonBody;
use crate::idempotency::{self, Claim};
use crate::problem::ApiError;
use crate::store::{EventOutcome, KioskIdentity};

#[utoipa::path(post, path = "/v1/kiosks/me/events", operation_id = "postEvents", tag = "events", security(("bearer" = [])), request_body = kiosk_api::EventBatch,
    params(("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 200, description = "One result per event", body = kiosk_api::EventResults),
              (status = 422, description = "too-many-events (more than 100)", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn post(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    claim: Claim,
    JsonBody(batch): JsonBody<EventBatch>,
) -> Result<Json<EventResults>, ApiError> {
    if batch.events.len() > MAX_EVENTS_PER_BATCH {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            pt::TOO_MANY_EVENTS,
            "Too many events in one batch",
        )
        .ext("max_events", MAX_EVENTS_PER_BATCH));
    }
    let now = state.clock.now();
    let ids: Vec<Uuid> = batch.events.iter().map(|e| e.id).collect();
    let answered = ids.clone();
    let keyed = claim.answer(move |outcomes: &Vec<EventOutcome>| {
        idempotency::json(StatusCode::OK, &results(&answered, outcomes))
    });
    let location = kiosk.location_id.clone();
    let offline: Vec<bool> = batch
        .events
        .iter()
        .map(|e| e.kind == "ticket.offline_checkin")
        .collect();
    let outcomes = state
        .run(move |store| store.record_events(&kiosk, &batch.events, now, &keyed))
        .await?;
    // Offline check-ins joined the queue: desks and displays reload it.
    let joined = offline
        .iter()
        .zip(&outcomes)
        .any(|(offline, outcome)| *offline && *outcome == EventOutcome::Accepted);
    if joined {
        state.live.publish(
            &location,
            crate::queue::live::QueueNews::quiet("checked_in", ""),
        );
    }
    Ok(Json(results(&ids, &outcomes)))
}

/// One result per event, in the batch's order.
fn results(ids: &[Uuid], outcomes: &[EventOutcome]) -> EventResults {
    let results = ids
        .iter()
        .zip(outcomes)
        .map(|(id, outcome)| {
            let (status, problem) = match outcome {
                EventOutcome::Accepted => (EventStatus::Accepted, None),
                EventOutcome::Duplicate => (EventStatus::Duplicate, None),
                EventOutcome::Rejected { kind, detail } => (
                    EventStatus::Rejected,
                    Some(Problem {
                        kind: (*kind).into(),
                        title: "Event rejected".into(),
                        status: 422,
                        detail: Some(detail.clone()),
                        extensions: Default::default(),
                    }),
                ),
            };
            EventResult {
                id: *id,
                status,
                problem,
            }
        })
        .collect();
    EventResults { results }
}
