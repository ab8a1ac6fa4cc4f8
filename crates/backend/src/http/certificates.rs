//! `POST /v1/certificate-requests` and the public `GET /v1/documents/verify`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use jiff::Timestamp;
use kiosk_api::{
    Catalogue, CertificateRequestResult, CertificateRequestStatus, CertificateType,
    CreateCertificateRequest, Delivery, DocumentCheck, problem_type as pt,
};
use serde::Deserialize;
use uuid::Uuid;

use super::AppState;
use super::document::{self, Issue};
use super::extract::{JsonBody, QueryParams};
use crate::eid::{self, EidError, Evidence};
use crate::idempotency::{self, Claim, withheld};
use crate::problem::ApiError;
use crate::store::{ChallengeState, KioskIdentity, NewIssuance};

const LANGUAGES: [&str; 4] = ["nl", "fr", "de", "en"];
/// 16 letters of 31: ~79 bits, so verification codes cannot be enumerated.
const VERIFICATION_CODE_LEN: usize = 16;
const MAX_PURPOSE_LEN: usize = 200;

fn unprocessable(kind: &'static str, title: &'static str) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, kind, title)
}

impl From<EidError> for ApiError {
    fn from(e: EidError) -> ApiError {
        let detail = e.to_string();
        match e {
            EidError::CardData(_) | EidError::TooLarge => {
                unprocessable(pt::CARD_DATA_INVALID, "The card data cannot be read")
            }
            EidError::Revoked => unprocessable(
                pt::CERTIFICATE_REVOKED,
                "The card's authentication certificate is revoked",
            ),
            EidError::RevocationUnknown => unprocessable(
                pt::REVOCATION_UNKNOWN,
                "Whether the card is revoked cannot be checked now",
            ),
            EidError::Untrusted | EidError::UnsupportedKey | EidError::NotTheRegister => {
                unprocessable(
                    pt::CERTIFICATE_UNTRUSTED,
                    "The card's certificates are not trusted",
                )
            }
            EidError::Signature(_) => unprocessable(
                pt::SIGNATURE_INVALID,
                "A signature on the card data is not valid",
            ),
            EidError::CardMismatch => unprocessable(
                pt::CARD_MISMATCH,
                "The card's authentication certificate is for another person",
            ),
            EidError::NationalNumber => unprocessable(
                pt::NATIONAL_NUMBER_INVALID,
                "The national number's check digits are wrong",
            ),
        }
        .detail(detail)
    }
}

fn challenge_problem(state: ChallengeState) -> Option<ApiError> {
    match state {
        ChallengeState::Fresh => None,
        ChallengeState::Unknown => Some(unprocessable(
            pt::CHALLENGE_UNKNOWN,
            "This challenge was not issued to this kiosk",
        )),
        ChallengeState::Expired => Some(unprocessable(
            pt::CHALLENGE_EXPIRED,
            "The challenge expired: ask for a new one",
        )),
        ChallengeState::Used => Some(ApiError::new(
            StatusCode::CONFLICT,
            pt::CHALLENGE_USED,
            "The challenge was already used: ask for a new one",
        )),
    }
}

fn verification_code() -> String {
    let mut pool = crate::codes::random_bytes(64);
    let mut code = String::new();
    while code.len() < VERIFICATION_CODE_LEN {
        code.push_str(&crate::codes::short_code_from(|| {
            if pool.is_empty() {
                pool = crate::codes::random_bytes(64);
            }
            pool.pop().unwrap_or(0)
        }));
    }
    code.truncate(VERIFICATION_CODE_LEN);
    code
}

#[utoipa::path(post, path = "/v1/certificate-requests", operation_id = "requestCertificate", tag = "certificates", security(("bearer" = [])), request_body = kiosk_api::CreateCertificateRequest,
    params(("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 201, description = "ready with the document, or pending (delivered later, no document)", body = kiosk_api::CertificateRequestResult),
              (status = 404, description = "person-not-found", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 409, description = "challenge-used; or replay-withheld: a retry with the same Idempotency-Key of a request that was answered with a document. The request was carried out, but its answer holds personal data and is not kept: ask again with a new challenge and a new key", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "challenge-unknown, challenge-expired, signature-invalid, certificate-untrusted, certificate-revoked, revocation-unknown, card-mismatch, card-data-invalid, national-number-invalid, purpose-required, unknown-certificate-type, unsupported-language", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "too-many-attempts: at most 5 requests per card per hour", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    claim: Claim,
    JsonBody(request): JsonBody<CreateCertificateRequest>,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let today = now.to_zoned_datetime(state.tz.clone()).date();
    let language = request.language.as_str();
    if !LANGUAGES.contains(&language) {
        return Err(
            unprocessable(pt::UNSUPPORTED_LANGUAGE, "Unsupported language")
                .detail("language is one of nl, fr, de, en"),
        );
    }
    let catalogue = state.run(move |store| store.catalogue(today)).await?;
    let kind = catalogue
        .certificate_types
        .iter()
        .find(|c| c.code == request.certificate_type)
        .ok_or_else(|| unprocessable(pt::UNKNOWN_CERTIFICATE_TYPE, "Unknown certificate type"))?;
    let purpose = request
        .purpose
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned);
    if kind.needs_purpose && purpose.is_none() {
        return Err(unprocessable(
            pt::PURPOSE_REQUIRED,
            "This certificate needs a stated purpose",
        ));
    }
    if purpose
        .as_ref()
        .is_some_and(|p| p.chars().count() > MAX_PURPOSE_LEN)
    {
        return Err(ApiError::invalid(format!(
            "purpose is at most {MAX_PURPOSE_LEN} characters"
        )));
    }
    let evidence = Evidence::decode(&request.eid)?;
    let (kiosk_id, challenge) = (kiosk.kiosk_id, evidence.challenge.clone());
    let presented = state
        .run(move |store| store.challenge_state(kiosk_id, &challenge, now))
        .await?;
    if let Some(problem) = challenge_problem(presented) {
        return Err(problem);
    }
    let asked = Asked {
        kiosk: &kiosk,
        catalogue: &catalogue,
        kind,
        language,
        purpose,
        now,
    };
    let outcome = match examine(&state, &evidence, asked).await {
        // Nothing decided (the register could not be read): the challenge stays unspent.
        Err(e) if e.status.is_server_error() => return Err(e),
        outcome => outcome,
    };
    // The challenge is spent whatever the card turned out to be, so a failed attempt cannot be
    // retried with it; spending it, recording the issuance and keeping the answer are one
    // transaction. A document names the person, their national number, address and household:
    // its answer is kept as `replay-withheld`. A pending answer holds only ids, so it is kept.
    let stored = match &outcome {
        Ok((_, result)) if result.document.is_some() => idempotency::problem(&withheld())?,
        Ok((_, result)) => idempotency::json(StatusCode::CREATED, result)?,
        Err(problem) => idempotency::problem(problem)?,
    };
    let (issuance, answer) = match outcome {
        Ok((issuance, result)) => (Some(issuance), Ok(result)),
        Err(problem) => (None, Err(problem)),
    };
    let keyed = claim.answer(
        move |spent: &ChallengeState| match challenge_problem(*spent) {
            None => Ok(stored.clone()),
            Some(problem) => idempotency::problem(&problem),
        },
    );
    let challenge = evidence.challenge.clone();
    let spent = state
        .run(move |store| {
            store.spend_challenge(kiosk_id, &challenge, issuance.as_ref(), now, &keyed)
        })
        .await?;
    // Spent by another request since it was looked at: this one did nothing.
    if let Some(problem) = challenge_problem(spent) {
        return Err(problem);
    }
    let result = answer?;
    // Ids and the type only: never who it was for.
    tracing::info!(id = %result.id, kiosk = %kiosk.kiosk_id, certificate_type = %kind.code, status = ?result.status, "certificate request");
    Ok((StatusCode::CREATED, Json(result)).into_response())
}

/// A certificate request whose form is right, to be checked against the card and the register.
struct Asked<'a> {
    kiosk: &'a KioskIdentity,
    catalogue: &'a Catalogue,
    kind: &'a CertificateType,
    language: &'a str,
    purpose: Option<String>,
    now: Timestamp,
}

/// Checks the card and looks the person up: the issuance to record and the answer, or why not.
/// Changes nothing: the caller spends the challenge with the outcome, in one transaction.
async fn examine(
    state: &AppState,
    evidence: &Evidence,
    asked: Asked<'_>,
) -> Result<(NewIssuance, CertificateRequestResult), ApiError> {
    let Asked {
        kiosk,
        catalogue,
        kind,
        language,
        purpose,
        now,
    } = asked;
    let mut anchors = state.run(|store| store.trust_anchors()).await?;
    if !state.eid.demo {
        // Refused at the start too; this keeps one added while running from counting.
        anchors.retain(|anchor| !eid::demo_anchor::is_synthetic(anchor));
    }
    let card = check_card(state, evidence, anchors, now).await?;
    // Keyed on who the card proved to be: a card number is only what the files say, and one
    // person's second card must not double their allowance.
    if !state.card_limiter.admit(&card.national_number, now) {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            pt::TOO_MANY_ATTEMPTS,
            "Too many certificate requests with this card",
        )
        .detail("at most 5 per hour"));
    }
    let national_number = card.national_number.clone();
    let entry = state
        .run(move |store| store.register_entry(&national_number))
        .await?
        .ok_or_else(|| {
            ApiError::not_found(
                pt::PERSON_NOT_FOUND,
                "This person is not in the municipality's register",
            )
        })?;
    let id = Uuid::now_v7();
    let mut issuance = NewIssuance {
        id,
        kiosk_id: Some(kiosk.kiosk_id),
        channel: kiosk_api::Channel::Kiosk,
        location_id: Some(kiosk.location_id.clone()),
        certificate_type: kind.code.clone(),
        status: "pending",
        resident_id: Some(entry.resident_id),
        document_number: None,
        code_hash: None,
        initials: None,
        language: language.to_owned(),
        issued: now,
    };
    if kind.delivery == Delivery::Deferred {
        let pending = CertificateRequestResult {
            id,
            status: CertificateRequestStatus::Pending,
            document: None,
        };
        return Ok((issuance, pending));
    }
    let location = catalogue
        .locations
        .iter()
        .find(|l| l.id == kiosk.location_id)
        .or_else(|| catalogue.locations.first())
        .ok_or_else(ApiError::internal)?;
    let code = verification_code();
    let year = now.to_zoned_datetime(state.tz.clone()).year();
    let document_number = format!("{year}-{}", crate::codes::short_code());
    issuance.status = "ready";
    issuance.document_number = Some(document_number.clone());
    issuance.code_hash = Some(crate::codes::sha256_hex(code.as_bytes()));
    issuance.initials = Some(document::initials(&entry.first_names, &entry.surname));
    let doc = document::build(
        &entry,
        Issue {
            kind,
            language,
            purpose,
            location,
            document_number,
            code,
            issued_at: now.to_zoned_datetime(state.tz.clone()),
        },
    );
    let ready = CertificateRequestResult {
        id,
        status: CertificateRequestStatus::Ready,
        document: Some(doc),
    };
    Ok((issuance, ready))
}

/// The card's checks ([`eid::verify`], then revocation), on the blocking pool: signature checks
/// and revocation lists are CPU work the async workers must not wait for.
async fn check_card(
    state: &AppState,
    evidence: &Evidence,
    anchors: Vec<Vec<u8>>,
    now: Timestamp,
) -> Result<eid::VerifiedCard, ApiError> {
    let evidence = evidence.clone();
    let settings = std::sync::Arc::clone(&state.eid);
    tokio::task::spawn_blocking(move || {
        let card = eid::verify(&evidence, &anchors, now.as_second())?;
        if let Some(crls) = &settings.crls {
            let auth = eid::x509::parse(&evidence.auth_cert)?;
            eid::revocation::check(crls, &auth, &evidence.ca_certs, &anchors, now.as_second())?;
        }
        Ok::<_, EidError>(card)
    })
    .await
    .map_err(|_| ApiError::internal())?
    .map_err(ApiError::from)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerifyQuery {
    /// The verification code printed on the document.
    code: String,
}

#[utoipa::path(get, path = "/v1/documents/verify", operation_id = "verifyDocument", tag = "certificates", params(VerifyQuery),
    responses((status = 200, description = "Whether a document with this verification code was issued, and if so what, when and for whom (initials)", body = kiosk_api::DocumentCheck)))]
pub async fn verify(
    State(state): State<AppState>,
    QueryParams(query): QueryParams<VerifyQuery>,
) -> Result<Json<DocumentCheck>, ApiError> {
    let code = query.code.trim().to_uppercase();
    let hash = crate::codes::sha256_hex(code.as_bytes());
    let found = state.run(move |store| store.issued_document(&hash)).await?;
    let tz = state.tz.clone();
    Ok(Json(match found {
        Some(d) => DocumentCheck {
            genuine: true,
            certificate_type: Some(d.certificate_type),
            document_number: Some(d.document_number),
            issued_at: jiff::Timestamp::from_second(d.issued_s)
                .ok()
                .map(|t| t.to_zoned_datetime(tz)),
            initials: Some(d.initials),
        },
        None => DocumentCheck {
            genuine: false,
            certificate_type: None,
            document_number: None,
            issued_at: None,
            initials: None,
        },
    }))
}
