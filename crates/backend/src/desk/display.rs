//! The waiting-room display: `/display/{location}` (a full-screen page for a TV, no login), and
//! the JSON and Server-Sent Events it reads: `GET /v1/display/{location}` and
//! `GET /v1/display/{location}/events`. Numbers and desks only, never a name.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, PreEscaped, html};

use super::sse;
use crate::http::AppState;
use crate::problem::ApiError;
use crate::queue::DisplayView;
use crate::queue::problem_type as qt;

const CSS: &str = include_str!("display.css");
const JS: &str = include_str!("display.js");

fn unknown() -> ApiError {
    ApiError::not_found(qt::UNKNOWN_LOCATION, "Unknown location")
}

async fn view(state: &AppState, location: String) -> Result<DisplayView, ApiError> {
    let now = state.clock.now();
    state
        .run(move |s| s.display_view(&location, now))
        .await?
        .ok_or_else(unknown)
}

/// The page: its script loads the state, then follows the events.
pub async fn page(State(state): State<AppState>, Path(location): Path<String>) -> Response {
    match view(&state, location).await {
        Ok(v) => html! {
            (DOCTYPE)
            html lang="nl" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (v.location_name.nl) }
                    style { (PreEscaped(CSS)) }
                }
                body data-location=(v.location_id) {
                    header {
                        div.names {
                            div #municipality { (v.municipality) }
                            div #location-name { (v.location_name.nl) }
                        }
                        div #clock {}
                    }
                    main {
                        h1 #title-now { "Nu aan de beurt" }
                        ol #calling {}
                        h2 #title-recent { "Vorige oproepen" }
                        ol #recent {}
                    }
                    footer { span #hint { "Houd dit scherm in het oog: uw nummer verschijnt hier." } span #reconnecting hidden { "⟳" } }
                    script { (PreEscaped(JS)) }
                }
            }
        }
        .into_response(),
        Err(e) if e.status == StatusCode::NOT_FOUND => (
            StatusCode::NOT_FOUND,
            html! {
                (DOCTYPE)
                html lang="en" {
                    head { meta charset="utf-8"; title { "Unknown location" } style { (PreEscaped(CSS)) } }
                    body { main { h1 { "Unknown location" } p.hint { "This display address names no location of this backend. Check the address." } } }
                }
            },
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

#[utoipa::path(get, path = "/v1/display/{location}", operation_id = "getDisplay", tag = "desk",
    params(("location" = String, Path, description = "A location id")),
    responses((status = 200, description = "What the waiting-room display shows: numbers and desks, never names", body = crate::queue::DisplayView),
              (status = 404, description = "unknown-location", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn state(
    State(state): State<AppState>,
    Path(location): Path<String>,
) -> Result<Json<DisplayView>, ApiError> {
    view(&state, location).await.map(Json)
}

#[utoipa::path(get, path = "/v1/display/{location}/events", operation_id = "displayEvents", tag = "desk",
    params(("location" = String, Path, description = "A location id")),
    responses((status = 200, description = "Server-Sent Events: `hello` first, then `queue` with a QueueNews JSON on every change of the location's queue, after it committed", body = crate::queue::live::QueueNews, content_type = "text/event-stream"),
              (status = 404, description = "unknown-location", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn events(
    State(state): State<AppState>,
    Path(location): Path<String>,
) -> Result<Response, ApiError> {
    let known = view(&state, location.clone()).await?;
    Ok(sse::stream(&state.live, &known.location_id).into_response())
}
