//! The storage interface. The HTTP layer sees only [`Store`]; all SQL lives in [`sqlite`]. A PostgreSQL
//! store would implement the same trait. Methods are blocking: callers run them on tokio's blocking pool.

mod catalogue_cache;
mod keyed;
mod sqlite;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use kiosk_api::{Arrivals, Booking, Catalogue, KioskSummary, Ticket, TicketBlock};
use uuid::Uuid;

pub use keyed::{KeyRecord, Keyed, StoredAnswer, StoredKey};
pub use sqlite::{SimulationBatch, SqliteStore};

use crate::codes::CodeLookup;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("corrupt data: {0}")]
    Corrupt(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("enrolment code is not valid")]
    EnrolmentCodeInvalid,
    /// Not used within its time ([`crate::ENROLMENT_CODE_VALID`] by default).
    #[error("enrolment code has expired")]
    EnrolmentCodeExpired,
    #[error("enrolment code was already used")]
    EnrolmentCodeUsed,
    #[error("the slot is no longer free")]
    SlotTaken,
    #[error("the hold expired")]
    HoldExpired,
    #[error("the booking was cancelled")]
    BookingCancelled,
    #[error("the booking is not confirmed")]
    BookingNotConfirmed,
    #[error("the booking is for another location")]
    WrongLocation,
    #[error("too early")]
    TooEarly {
        window_start: ZonedDateTime,
        window_end: ZonedDateTime,
    },
    #[error("too late")]
    TooLate {
        window_start: ZonedDateTime,
        window_end: ZonedDateTime,
    },
    #[error("invalid: {0}")]
    Invalid(String),
    /// The service gives no walk-in numbers now (or not here); `opens_at`: when it does again.
    #[error("no walk-in numbers now")]
    WalkInClosed { opens_at: Option<ZonedDateTime> },
    /// Today's walk-in numbers are all given; `opens_at`: the next opening of another day.
    #[error("no walk-in numbers left today")]
    WalkInFull { opens_at: Option<ZonedDateTime> },
    /// Another request with the same Idempotency-Key committed first (its answer is stored).
    #[error("the idempotency key was answered by another request")]
    KeyAnswered,
    /// The answer to keep for a replay could not be written out.
    #[error("answer: {0}")]
    Answer(String),
    /// Call next with nobody waiting for the desk's services.
    #[error("nobody is waiting")]
    QueueEmpty,
    /// The ticket's status does not allow the action (e.g. Done on a waiting ticket).
    #[error("{number} is {status}: cannot do {action}")]
    TransitionRefused {
        action: &'static str,
        status: &'static str,
        number: String,
    },
    /// The desk still has a ticket called or at the desk.
    #[error("this desk still has {0}")]
    DeskBusy(String),
    /// A queue service (or ticket) of another location than the desk's.
    #[error("queue service {0} is not served at this location")]
    ServiceElsewhere(String),
    /// The ticket is called or served at another desk.
    #[error("{0} is at another desk")]
    NotAtThisDesk(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// How long personal data is kept, in days (see the README's retention policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// A booking's name, phone and e-mail, after the appointment's end.
    pub contact_days: i64,
    /// The payloads of kiosk events, after they arrived.
    pub event_days: i64,
    /// The link from an issued certificate to the person, after it was issued.
    pub issuance_days: i64,
    /// The kiosks' heartbeat history (availability figures), after the heartbeat. Not personal
    /// data: trimmed only to bound its growth.
    pub heartbeat_days: i64,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        Self {
            contact_days: 7,
            event_days: 30,
            issuance_days: 30,
            heartbeat_days: 400,
        }
    }
}

/// What one purge removed: counts, never names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeCounts {
    pub contacts: usize,
    pub events: usize,
    pub issuances: usize,
    pub heartbeats: usize,
}

/// Who is calling, resolved from a bearer token's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskIdentity {
    pub kiosk_id: Uuid,
    pub location_id: String,
}

#[derive(Debug, Clone)]
pub struct NewBooking {
    pub id: Uuid,
    pub kiosk_id: Option<Uuid>,
    /// How it was made (for the figures).
    pub channel: kiosk_api::Channel,
    pub location_id: String,
    pub product_id: String,
    pub persons: u32,
    pub start: Timestamp,
    pub end: Timestamp,
    pub desks: u32,
    pub code: String,
    pub qr_secret: String,
    pub customer: kiosk_api::Customer,
    pub hold_expires: Option<Timestamp>,
}

/// A ticket and whether this call created it (201) or found it (200).
#[derive(Debug, Clone)]
pub struct CheckIn {
    pub ticket: Ticket,
    pub created: bool,
}

/// One result of storing an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventOutcome {
    Accepted,
    Duplicate,
    Rejected { kind: &'static str, detail: String },
}

/// A resident as a certificate shows them (personal data: no Debug).
pub struct RegisterEntry {
    pub resident_id: i64,
    pub national_number: String,
    pub surname: String,
    pub first_names: String,
    pub birth_date: Date,
    pub birth_place: String,
    pub nationality: String,
    /// One line: street, number, box, postal code and municipality.
    pub address: String,
    pub address_since: Date,
    /// The household's other members, reference person first.
    pub members: Vec<RegisterMember>,
}

pub struct RegisterMember {
    pub first_names: String,
    pub surname: String,
    pub birth_date: Date,
}

/// The audit record of one certificate request: a link to the register row, no copy of its data.
pub struct NewIssuance {
    pub id: Uuid,
    /// The kiosk it was requested at (channel `kiosk`).
    pub kiosk_id: Option<Uuid>,
    pub channel: kiosk_api::Channel,
    /// The kiosk's or the desk's location; none for the web.
    pub location_id: Option<String>,
    pub certificate_type: String,
    /// `ready`, `pending` or `rejected`
    pub status: &'static str,
    pub resident_id: Option<i64>,
    pub document_number: Option<String>,
    /// SHA-256 of the verification code.
    pub code_hash: Option<String>,
    pub initials: Option<String>,
    pub language: String,
    pub issued: Timestamp,
}

/// What the public check may say about an issued document.
pub struct IssuedDocument {
    pub certificate_type: String,
    pub document_number: String,
    pub initials: String,
    pub issued_s: i64,
}

/// What a presented eID challenge turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChallengeState {
    /// Issued to this kiosk, unexpired and unused (until spent).
    Fresh,
    Unknown,
    Expired,
    Used,
}

/// How a clerk finds a caller's booking.
pub enum BookingQuery {
    Id(Uuid),
    Code(CodeLookup),
    /// Part of the name (any case) and the booked day.
    NameOnDay(String, Date),
}

/// A booking as the desk sees it, with the contact data the clerk checks the caller against
/// (personal data: no Debug, never logged).
pub struct DeskBooking {
    pub booking: Booking,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub checked_in: bool,
}

/// A staff account as stored (the hash is an argon2id PHC string).
pub struct StaffAccount {
    pub id: i64,
    pub login: String,
    pub password_hash: String,
    /// `clerk` or `admin`
    pub role: String,
    pub disabled: bool,
    pub failed_logins: i64,
    pub locked_until_s: Option<i64>,
}

/// A signed-in clerk, with what they picked on this browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffSession {
    pub staff_id: i64,
    pub login: String,
    pub role: String,
    /// The synchronizer token every state-changing form of this session carries.
    pub csrf: String,
    pub location_id: Option<String>,
    pub desk: Option<String>,
    pub services: Vec<String>,
}

/// What a login attempt with a wrong password did to the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginFailure {
    /// Counted; more tries allowed.
    Counted,
    /// Locked until this instant (UTC seconds).
    LockedUntil(i64),
}

pub trait Store: Send + Sync + 'static {
    fn ping(&self) -> StoreResult<()>;

    // Kiosks and tokens (only hashes cross this boundary).
    fn add_enrolment_code(
        &self,
        location_id: &str,
        code_hash: &str,
        now: Timestamp,
    ) -> StoreResult<()>;
    fn add_admin_token(&self, token_hash: &str, now: Timestamp) -> StoreResult<()>;
    /// Removes the personal data `policy` no longer allows to keep at `now`.
    fn purge(&self, now: Timestamp, policy: &RetentionPolicy) -> StoreResult<PurgeCounts>;
    /// Ends a kiosk's token at once; `false` when no kiosk has that id.
    fn revoke_kiosk(&self, kiosk_id: Uuid) -> StoreResult<bool>;
    /// Ends an admin token at once; `false` when no admin token has that hash.
    fn revoke_admin_token(&self, token_hash: &str) -> StoreResult<bool>;
    /// `valid`: how long an unused code enrols.
    fn enrol(
        &self,
        code_hash: &str,
        hardware_id: &str,
        token_hash: &str,
        now: Timestamp,
        valid: SignedDuration,
    ) -> StoreResult<KioskIdentity>;
    fn kiosk_by_token(&self, token_hash: &str) -> StoreResult<Option<KioskIdentity>>;
    fn is_admin_token(&self, token_hash: &str) -> StoreResult<bool>;
    fn record_status(&self, kiosk_id: Uuid, status_json: &str, now: Timestamp) -> StoreResult<()>;
    fn kiosks(&self) -> StoreResult<Vec<KioskSummary>>;

    /// Every kiosk with its last heartbeat, since when its printer is out of paper, and the fleet
    /// alerts (open, and the last resolved): what the alert rules and the fleet page read.
    fn fleet(&self) -> StoreResult<crate::fleet::Fleet>;
    /// Stores a new alert; `None` when one of this kind is already open for the kiosk.
    fn raise_fleet_alert(
        &self,
        kiosk_id: Uuid,
        kind: crate::fleet::AlertKind,
        since: Timestamp,
        now: Timestamp,
    ) -> StoreResult<Option<crate::fleet::FleetAlert>>;
    /// Ends an open alert; `None` when it was not open.
    fn resolve_fleet_alert(
        &self,
        id: i64,
        now: Timestamp,
    ) -> StoreResult<Option<crate::fleet::FleetAlert>>;

    /// The municipality's figures of `period` as of `now` (issue 14).
    fn figures(
        &self,
        period: &crate::figures::Period,
        now: Timestamp,
    ) -> StoreResult<kiosk_api::Figures>;

    // Catalogue and slots.
    fn catalogue(&self, today: Date) -> StoreResult<Catalogue>;
    /// The catalogue of `today` if the store holds it in memory, read a moment ago. It never
    /// touches the database, so an async handler may call it without the blocking pool.
    fn cached_catalogue(&self, today: Date) -> Option<std::sync::Arc<Catalogue>> {
        let _ = today;
        None
    }
    /// The desks the catalogue file names, by location: the desk console offers their names.
    fn desks(&self) -> StoreResult<Vec<crate::catalogue_file::Desk>>;
    /// Units taken per desk between `from` and `to` by confirmed bookings and live holds.
    fn taken(
        &self,
        location_id: &str,
        from: Timestamp,
        to: Timestamp,
        now: Timestamp,
    ) -> StoreResult<crate::slots::Taken>;
    /// Every closure of the location (whole days).
    fn closures(&self, location_id: &str) -> StoreResult<Vec<Date>>;

    // Bookings.
    // Every state change a client asks for with an Idempotency-Key takes a [`Keyed`]: its effect
    // and the key's answer commit in one transaction.
    fn create_booking(
        &self,
        booking: NewBooking,
        now: Timestamp,
        keyed: &Keyed<Booking>,
    ) -> StoreResult<Booking>;
    fn confirm_booking(
        &self,
        id: Uuid,
        kiosk_id: Uuid,
        now: Timestamp,
        keyed: &Keyed<Booking>,
    ) -> StoreResult<Booking>;
    fn find_booking(&self, code: &CodeLookup, now: Timestamp) -> StoreResult<Option<Booking>>;
    /// No key: a DELETE, one transaction, and cancelling a cancelled booking answers the same.
    fn cancel_booking(&self, id: Uuid, code: &CodeLookup, now: Timestamp) -> StoreResult<Booking>;

    // Tickets and offline support.
    fn check_in(
        &self,
        code: &CodeLookup,
        kiosk: &KioskIdentity,
        now: Timestamp,
        keyed: &Keyed<CheckIn>,
    ) -> StoreResult<CheckIn>;
    /// A walk-in number for `service_id` at the kiosk's location (inside its hours, under its
    /// daily limit).
    fn walk_in(
        &self,
        service_id: &str,
        kiosk: &KioskIdentity,
        now: Timestamp,
        keyed: &Keyed<CheckIn>,
    ) -> StoreResult<CheckIn>;
    fn ticket(&self, id: Uuid, now: Timestamp) -> StoreResult<Option<Ticket>>;
    /// `day`'s arrivals; only today and tomorrow (as of `now`) are given.
    fn arrivals(&self, location_id: &str, day: Date, now: Timestamp) -> StoreResult<Arrivals>;
    fn reserve_ticket_block(
        &self,
        kiosk: &KioskIdentity,
        queue_service_id: &str,
        day: Date,
        size: u32,
        now: Timestamp,
        keyed: &Keyed<TicketBlock>,
    ) -> StoreResult<TicketBlock>;
    /// One outcome per event, in order; a rejected event leaves no row behind.
    fn record_events(
        &self,
        kiosk: &KioskIdentity,
        events: &[kiosk_api::KioskEvent],
        now: Timestamp,
        keyed: &Keyed<Vec<EventOutcome>>,
    ) -> StoreResult<Vec<EventOutcome>>;

    // Idempotency keys, scoped per caller, kept 48 hours.
    /// The answered key `(scope, key)`, unless unknown or older than 48 hours at `now`.
    fn idempotency_lookup(
        &self,
        scope: &str,
        key: &str,
        now: Timestamp,
    ) -> StoreResult<Option<StoredKey>>;
    /// Keeps the answer of a request that changed nothing (a refusal), unless the key has one.
    fn idempotency_record(&self, record: &KeyRecord, answer: &StoredAnswer) -> StoreResult<()>;

    // eID: trust anchors (DER certificates) and single-use challenges.
    fn trust_anchors(&self) -> StoreResult<Vec<Vec<u8>>>;
    /// The trust anchors with their labels, for the start-up check of the demo CA.
    fn labelled_trust_anchors(&self) -> StoreResult<Vec<(String, Vec<u8>)>>;
    fn set_trust_anchor(&self, label: &str, der: &[u8], now: Timestamp) -> StoreResult<()>;
    fn add_challenge(
        &self,
        kiosk_id: Uuid,
        challenge: &[u8],
        expires: Timestamp,
        now: Timestamp,
        keyed: &Keyed<()>,
    ) -> StoreResult<()>;
    /// What the challenge is for this kiosk now, without spending it.
    fn challenge_state(
        &self,
        kiosk_id: Uuid,
        challenge: &[u8],
        now: Timestamp,
    ) -> StoreResult<ChallengeState>;
    /// Spends the challenge if it is fresh and then records `issuance` (if any), with the key's
    /// answer, in one transaction. Returns what the challenge was.
    fn spend_challenge(
        &self,
        kiosk_id: Uuid,
        challenge: &[u8],
        issuance: Option<&NewIssuance>,
        now: Timestamp,
        keyed: &Keyed<ChallengeState>,
    ) -> StoreResult<ChallengeState>;

    // Certificates.
    fn register_entry(&self, national_number: &str) -> StoreResult<Option<RegisterEntry>>;
    /// A ready document by the SHA-256 of its verification code.
    fn issued_document(&self, code_hash: &str) -> StoreResult<Option<IssuedDocument>>;

    // The desk and the waiting room (issue 11). Desk forms carry a one-time form key that is kept
    // as the Idempotency-Key of the action (scope `desk:<staff id>`), in the action's transaction.
    /// Makes a desk action (Call next is `Action::Call(None)`), or refuses it changing nothing.
    fn queue_act(
        &self,
        desk: &crate::queue::DeskRef,
        action: &crate::queue::Action,
        now: Timestamp,
        keyed: &Keyed<crate::queue::Outcome>,
    ) -> StoreResult<crate::queue::Outcome>;
    /// A clerk checks in a booking of today by hand.
    fn hand_check_in(
        &self,
        booking_id: Uuid,
        desk: &crate::queue::DeskRef,
        now: Timestamp,
        keyed: &Keyed<CheckIn>,
    ) -> StoreResult<CheckIn>;
    fn desk_view(
        &self,
        desk: &crate::queue::DeskRef,
        now: Timestamp,
    ) -> StoreResult<crate::queue::DeskView>;
    /// `None` for an unknown location.
    fn display_view(
        &self,
        location_id: &str,
        now: Timestamp,
    ) -> StoreResult<Option<crate::queue::DisplayView>>;
    /// The queue services offered at a location (empty for an unknown one).
    fn location_services(&self, location_id: &str) -> StoreResult<Vec<String>>;

    // Phone bookings at the desk, within the desk's location.
    fn desk_find_bookings(
        &self,
        location_id: &str,
        query: &BookingQuery,
        now: Timestamp,
    ) -> StoreResult<Vec<DeskBooking>>;
    #[allow(clippy::too_many_arguments)]
    fn desk_move_booking(
        &self,
        id: Uuid,
        location_id: &str,
        start: Timestamp,
        end: Timestamp,
        desks: u32,
        now: Timestamp,
        keyed: &Keyed<Booking>,
    ) -> StoreResult<Booking>;
    fn desk_cancel_booking(
        &self,
        id: Uuid,
        location_id: &str,
        now: Timestamp,
        keyed: &Keyed<Booking>,
    ) -> StoreResult<Booking>;

    // Staff accounts and sessions (hashes only).
    fn add_staff(
        &self,
        login: &str,
        password_hash: &str,
        role: &str,
        now: Timestamp,
    ) -> StoreResult<()>;
    fn staff(&self) -> StoreResult<Vec<StaffAccount>>;
    fn staff_by_login(&self, login: &str) -> StoreResult<Option<StaffAccount>>;
    fn disable_staff(&self, login: &str) -> StoreResult<()>;
    fn login_failed(&self, staff_id: i64, now: Timestamp) -> StoreResult<LoginFailure>;
    /// Resets the failure count and opens a session.
    fn login_succeeded(
        &self,
        staff_id: i64,
        token_hash: &str,
        csrf: &str,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// The live session, its inactivity clock restarted; `None` if unknown or idle too long.
    fn staff_session(
        &self,
        token_hash: &str,
        now: Timestamp,
        idle: jiff::SignedDuration,
    ) -> StoreResult<Option<StaffSession>>;
    fn set_session_desk(
        &self,
        token_hash: &str,
        location_id: &str,
        desk: &str,
        services: &[String],
    ) -> StoreResult<()>;
    fn end_session(&self, token_hash: &str) -> StoreResult<()>;

    /// Replaces the reference data and register with a generated municipality (`seed --demo`).
    fn load_reference_data(&self, data: &crate::seed::DemoData, now: Timestamp) -> StoreResult<()>;
}
