//! The answers an operation can give by the shape of its request alone, added to the document
//! where its annotation does not name them: the extractors and the Idempotency-Key layer give them
//! to every route alike, so one place says so. Found by schemathesis (`tests/schemathesis.rs`),
//! which reads an answer the document does not list as a broken promise.

use utoipa::Modify;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{ContentBuilder, Ref, Required, ResponseBuilder};

pub struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                complete(operation);
            }
        }
    }
}

fn complete(operation: &mut Operation) {
    let parameters = operation.parameters.get_or_insert_with(Vec::new);
    let mut keyed = false;
    for parameter in parameters.iter_mut() {
        if parameter.parameter_in == ParameterIn::Header
            && parameter
                .name
                .eq_ignore_ascii_case(kiosk_api::IDEMPOTENCY_KEY)
        {
            keyed = true;
            parameter.required = Required::True;
            parameter.schema = Some(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
                    .into(),
            );
        }
    }
    let has = |place: ParameterIn| parameters.iter().any(|p| p.parameter_in == place);
    let (query, path) = (has(ParameterIn::Query), has(ParameterIn::Path));
    let body = operation.request_body.is_some();
    let bearer = operation.security.is_some();

    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| problem(description).into());
    };
    if keyed {
        add(
            "400",
            "Idempotency-Key missing (idempotency-key-missing) or not a UUID",
        );
        add(
            "409",
            "A request with this Idempotency-Key is still running (idempotency-key-in-progress)",
        );
        add(
            "422",
            "This Idempotency-Key was used for another request (idempotency-key-reused)",
        );
    }
    if body {
        add("400", "The body is not valid JSON (malformed-json)");
        add("413", "The body is over the size limit (payload-too-large)");
        add("415", "The body is not application/json");
        add("422", "JSON of the wrong shape (invalid-body)");
    }
    if query {
        add("400", "A query parameter is missing or malformed");
    }
    if path {
        add("404", "Nothing has this id");
    }
    if bearer {
        add("401", "No or wrong bearer token");
    }
}

fn problem(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}
