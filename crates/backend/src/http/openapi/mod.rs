//! `GET /v1/openapi.json`: the OpenAPI 3.1 document, generated from the handlers' annotations and
//! the kiosk-api types' own schemas (its feature `openapi`).

mod common_responses;

use common_responses::CommonResponses;

use std::sync::OnceLock;

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Town-hall kiosk API",
        description = "Kiosk <-> municipality backend. Errors are RFC 9457 application/problem+json; \
                       state-changing POSTs need an Idempotency-Key (UUID); times are RFC 3339 with offset.",
    ),
    paths(
        super::catalogue::health,
        super::catalogue::get,
        super::kiosks::enrol,
        super::kiosks::status,
        super::kiosks::list,
        crate::figures::routes::json,
        super::bookings::slots,
        super::bookings::create,
        super::bookings::confirm,
        super::bookings::lookup,
        super::bookings::cancel,
        super::tickets::create,
        super::tickets::get,
        super::walk_ins::create,
        super::offline::arrivals,
        super::offline::ticket_block,
        super::events::post,
        super::eid::challenge,
        super::certificates::create,
        super::certificates::verify,
        crate::desk::display::state,
        crate::desk::display::events,
        get,
    ),
    modifiers(&BearerAuth, &CommonResponses)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The document, built once.
pub fn document() -> &'static serde_json::Value {
    static DOC: OnceLock<serde_json::Value> = OnceLock::new();
    DOC.get_or_init(|| serde_json::to_value(ApiDoc::openapi()).unwrap_or_default())
}

#[utoipa::path(get, path = "/v1/openapi.json", operation_id = "getOpenApi", tag = "health",
    responses((status = 200, description = "This document", content_type = "application/json")))]
pub async fn get() -> Json<&'static serde_json::Value> {
    Json(document())
}
