//! The OpenAPI schemas that cannot be derived from a type's fields (feature `openapi`).
//!
//! [`Problem`]'s extension members (`window_start`, `field`, ...) live in a flattened map, so a
//! derive would only say "any object": its schema names them, as RFC 9457 clients need them.

use std::borrow::Cow;

use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::Problem;

/// The wire shape of [`Problem`], with the extension members the backend sends. Only its schema
/// is used: a problem is read and written as [`Problem`].
#[derive(ToSchema)]
#[schema(
    description = "RFC 9457 problem details; extension members (e.g. window_start) may follow."
)]
#[allow(dead_code)]
struct ProblemWire {
    #[schema(rename = "type", example = "slot-taken")]
    kind: String,
    title: String,
    status: u16,
    detail: Option<String>,
    #[schema(format = DateTime)]
    window_start: Option<String>,
    #[schema(format = DateTime)]
    window_end: Option<String>,
    field: Option<String>,
}

impl PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        ProblemWire::schema()
    }
}

impl ToSchema for Problem {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Problem")
    }
}
