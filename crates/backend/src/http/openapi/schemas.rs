//! Schemas of the kiosk-api types for the OpenAPI document.
//!
//! kiosk-api stays free of utoipa (it depends on little more than serde, jiff and uuid), so its types
//! are described here. The test `openapi_describes_real_responses` validates real responses against
//! these schemas, so a field added to kiosk-api and forgotten here fails the build's tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(ToSchema)]
#[schema(description = "A text in the four kiosk languages.")]
pub struct LocalizedText {
    nl: String,
    fr: String,
    de: String,
    en: String,
}

#[derive(ToSchema)]
pub struct Address {
    street: String,
    postal_code: String,
    municipality: String,
}

#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[derive(ToSchema)]
#[schema(description = "Local wall-clock times in the location's zone.")]
pub struct OpeningPeriod {
    weekday: Weekday,
    #[schema(format = "time", example = "08:30:00")]
    opens: String,
    #[schema(format = "time", example = "12:00:00")]
    closes: String,
}

#[derive(ToSchema)]
pub struct Closure {
    #[schema(format = Date)]
    date: String,
    reason: LocalizedText,
}

#[derive(ToSchema)]
pub struct Location {
    id: String,
    name: LocalizedText,
    address: Address,
    #[schema(example = "Europe/Brussels")]
    timezone: String,
    desks: u32,
    opening_hours: Vec<OpeningPeriod>,
    closures: Vec<Closure>,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum CustomerField {
    Name,
    Phone,
    Email,
    PhoneOrEmail,
}

#[derive(ToSchema)]
pub struct ArrivalWindow {
    before_min: u32,
    after_min: u32,
}

#[derive(ToSchema)]
pub struct Product {
    id: String,
    name: LocalizedText,
    duration_min: u32,
    extra_duration_per_person_min: u32,
    max_persons: u32,
    required_customer_fields: Vec<CustomerField>,
    queue_service_id: String,
    arrival_window: ArrivalWindow,
    location_ids: Vec<String>,
    bring: Vec<LocalizedText>,
}

#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum Delivery {
    Immediate,
    Deferred,
}

#[derive(ToSchema)]
pub struct CertificateType {
    code: String,
    name: LocalizedText,
    delivery: Delivery,
    needs_purpose: bool,
}

#[derive(ToSchema)]
pub struct QueueService {
    id: String,
    #[schema(example = "B")]
    prefix: String,
    name: LocalizedText,
}

#[derive(ToSchema)]
pub struct Catalogue {
    locations: Vec<Location>,
    products: Vec<Product>,
    certificate_types: Vec<CertificateType>,
    queue_services: Vec<QueueService>,
}

#[derive(ToSchema)]
#[schema(
    description = "RFC 9457 problem details; extension members (e.g. window_start) may follow."
)]
pub struct Problem {
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

#[derive(ToSchema)]
pub struct EnrolRequest {
    enrolment_code: String,
    hardware_id: String,
}

#[derive(ToSchema)]
pub struct EnrolResponse {
    kiosk_id: Uuid,
    token: String,
    location_id: String,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum PrinterState {
    Ok,
    PaperLow,
    PaperOut,
    CoverOpen,
    Jam,
    Offline,
}

#[derive(ToSchema)]
pub struct PrinterStatus {
    state: PrinterState,
    detail: Option<String>,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum DeviceState {
    Ok,
    Absent,
    Fault,
}

#[derive(ToSchema)]
pub struct KioskStatus {
    app_version: String,
    printer: PrinterStatus,
    card_reader: DeviceState,
    scanner: DeviceState,
    outbox_depth: u32,
    #[schema(format = DateTime)]
    oldest_pending_at: Option<String>,
    #[schema(format = DateTime)]
    kiosk_time: String,
}

#[derive(ToSchema)]
pub struct StatusResponse {
    #[schema(format = DateTime)]
    server_time: String,
    catalogue_etag: String,
}

#[derive(ToSchema)]
pub struct KioskSummary {
    kiosk_id: Uuid,
    location_id: String,
    hardware_id: String,
    #[schema(format = DateTime)]
    enrolled_at: String,
    #[schema(format = DateTime)]
    last_seen_at: Option<String>,
    last_status: Option<KioskStatus>,
}

#[derive(ToSchema)]
pub struct KioskList {
    kiosks: Vec<KioskSummary>,
}

#[derive(ToSchema)]
pub struct Health {
    status: String,
    version: String,
    #[schema(format = DateTime)]
    server_time: String,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlotsQuery {
    location: String,
    product: String,
    /// Defaults to 1.
    persons: Option<u32>,
    /// First day (YYYY-MM-DD), included.
    from: String,
    /// Last day, included; at most 31 days from `from`.
    to: String,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CodeQuery {
    /// The typed short code or the scanned QR payload.
    code: String,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DayQuery {
    /// YYYY-MM-DD
    day: String,
}

#[derive(ToSchema)]
pub struct Slot {
    #[schema(format = DateTime, example = "2026-03-30T08:30:00+02:00")]
    start: String,
    #[schema(format = DateTime)]
    end: String,
}

#[derive(ToSchema)]
pub struct Customer {
    name: String,
    phone: Option<String>,
    email: Option<String>,
}

#[derive(ToSchema)]
pub struct CreateBooking {
    location_id: String,
    product_id: String,
    persons: u32,
    #[schema(format = DateTime)]
    start: String,
    customer: Customer,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum BookingStatus {
    Held,
    Confirmed,
    Cancelled,
    Expired,
}

#[derive(ToSchema)]
pub struct Booking {
    id: Uuid,
    code: String,
    qr_payload: String,
    status: BookingStatus,
    #[schema(format = DateTime)]
    hold_expires_at: Option<String>,
    location_id: String,
    product_id: String,
    persons: u32,
    #[schema(format = DateTime)]
    start: String,
    #[schema(format = DateTime)]
    end: String,
}

#[derive(ToSchema)]
pub struct CreateTicket {
    booking_code: String,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum TicketStatus {
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
    Cancelled,
}

#[derive(ToSchema)]
pub struct Ticket {
    id: Uuid,
    #[schema(example = "B007")]
    number: String,
    queue_service_id: String,
    #[schema(format = Date)]
    service_day: String,
    booking_id: Option<Uuid>,
    people_ahead: u32,
    estimated_wait_min: u32,
    status: TicketStatus,
    desk: Option<String>,
    #[schema(format = DateTime)]
    issued_at: String,
    #[schema(format = DateTime)]
    booked_start: Option<String>,
}

#[derive(ToSchema)]
pub struct Arrival {
    booking_id: Uuid,
    code_digest: String,
    product_id: String,
    queue_service_id: String,
    #[schema(format = DateTime)]
    start: String,
    #[schema(format = DateTime)]
    window_start: String,
    #[schema(format = DateTime)]
    window_end: String,
}

#[derive(ToSchema)]
#[schema(description = "code_digest = hex(SHA-256(salt + \":\" + normalised short code)).")]
pub struct Arrivals {
    #[schema(format = Date)]
    day: String,
    salt: String,
    arrivals: Vec<Arrival>,
}

#[derive(ToSchema)]
pub struct TicketBlockRequest {
    queue_service_id: String,
    #[schema(format = Date)]
    day: String,
    #[schema(minimum = 1, maximum = 100)]
    size: u32,
}

#[derive(ToSchema)]
pub struct TicketBlock {
    id: Uuid,
    queue_service_id: String,
    prefix: String,
    #[schema(format = Date)]
    day: String,
    first: u32,
    last: u32,
}

#[derive(ToSchema)]
pub struct KioskEvent {
    id: Uuid,
    #[schema(rename = "type", example = "ticket.printed")]
    kind: String,
    #[schema(format = DateTime)]
    occurred_at: String,
    payload: Option<BTreeMap<String, serde_json::Value>>,
}

#[derive(ToSchema)]
pub struct EventBatch {
    #[schema(max_items = 100)]
    events: Vec<KioskEvent>,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum EventStatus {
    Accepted,
    Duplicate,
    Rejected,
}

#[derive(ToSchema)]
pub struct EventResult {
    id: Uuid,
    status: EventStatus,
    problem: Option<Problem>,
}

#[derive(ToSchema)]
pub struct EventResults {
    results: Vec<EventResult>,
}

#[derive(ToSchema)]
#[schema(description = "Random bytes for the eID authentication key to sign; single use.")]
pub struct EidChallenge {
    /// base64 of 32 random bytes
    #[schema(format = Byte)]
    challenge: String,
    #[schema(format = DateTime)]
    expires_at: String,
}

#[derive(ToSchema)]
#[schema(
    description = "What the kiosk read from the eID card, base64: see the module docs of kiosk_backend::eid for the signature rules."
)]
pub struct EidEvidence {
    #[schema(format = Byte)]
    identity: String,
    #[schema(format = Byte)]
    identity_sig: String,
    #[schema(format = Byte)]
    address: String,
    #[schema(format = Byte)]
    address_sig: String,
    #[schema(format = Byte)]
    rrn_cert: String,
    #[schema(format = Byte)]
    auth_cert: String,
    #[schema(format = Byte)]
    challenge: String,
    #[schema(format = Byte)]
    challenge_sig: String,
    /// Intermediate CA certificates (DER, base64) from the card (file 503A, the Citizen CA); may be omitted when the trust anchor signs the card's certificates directly.
    ca_certs: Option<Vec<String>>,
}

#[derive(ToSchema)]
pub struct CreateCertificateRequest {
    /// A certificate type code from the catalogue.
    #[schema(rename = "type")]
    certificate_type: String,
    /// nl, fr, de or en
    language: String,
    purpose: Option<String>,
    eid: EidEvidence,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum CertificateRequestStatus {
    Ready,
    Pending,
    Rejected,
}

#[derive(ToSchema)]
pub struct DocumentMunicipality {
    name: String,
    address: Vec<String>,
    website: String,
}

#[derive(ToSchema)]
pub struct CertifiedPerson {
    surname: String,
    first_names: String,
    birth_place: String,
    #[schema(format = Date)]
    birth_date: String,
    /// Formatted, e.g. 85.07.30-033.28
    national_number: String,
    nationality: String,
    address: String,
    #[schema(format = Date)]
    address_since: Option<String>,
}

#[derive(ToSchema)]
pub struct DocumentVerification {
    url: String,
    code: String,
}

#[derive(ToSchema)]
pub struct CertificateDocument {
    #[schema(rename = "type")]
    certificate_type: String,
    language: String,
    title: String,
    municipality: DocumentMunicipality,
    person: CertifiedPerson,
    household: Vec<String>,
    purpose: Option<String>,
    document_number: String,
    #[schema(format = DateTime)]
    issued_at: String,
    verification: DocumentVerification,
}

#[derive(ToSchema)]
pub struct CertificateRequestResult {
    id: Uuid,
    status: CertificateRequestStatus,
    document: Option<CertificateDocument>,
}

#[derive(ToSchema)]
pub struct DocumentCheck {
    genuine: bool,
    #[schema(rename = "type")]
    certificate_type: Option<String>,
    document_number: Option<String>,
    #[schema(format = DateTime)]
    issued_at: Option<String>,
    /// e.g. J.P.D.S.
    initials: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerifyQuery {
    /// The verification code printed on the document.
    code: String,
}

#[derive(ToSchema)]
#[schema(description = "A number called to a desk, as the waiting room sees it.")]
pub struct DisplayCall {
    #[schema(example = "A007")]
    number: String,
    #[schema(example = "Loket 3")]
    desk: String,
    #[schema(format = DateTime)]
    at: String,
}

#[derive(ToSchema)]
#[schema(description = "What the waiting-room display shows: numbers and desks, never names.")]
pub struct DisplayView {
    location_id: String,
    municipality: String,
    location_name: LocalizedText,
    /// Called and not yet at the desk, newest first.
    calling: Vec<DisplayCall>,
    /// The last calls (at most 6), newest first.
    recent: Vec<DisplayCall>,
}

#[derive(ToSchema)]
#[schema(description = "One change of a location's queue (data of an SSE `queue` event).")]
pub struct QueueNews {
    #[schema(example = "called")]
    action: String,
    number: String,
    desk: Option<String>,
    /// Whether a display chimes and highlights it (called, called again).
    announce: bool,
}
