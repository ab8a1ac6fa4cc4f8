//! The queue behind the kiosk's tickets: who is called next, what a desk may do to a ticket, and
//! the live news of it for desks and waiting-room displays.
//!
//! The store ([`crate::store`]) keeps the state and makes every transition in one SQLite write
//! transaction; this module holds the rules that need no SQL: the call order ([`order`]), the
//! allowed transitions ([`Action::allowed_from`]) and the broadcast of changes ([`live`]).

pub mod live;
pub mod order;

use jiff::SignedDuration;
use kiosk_api::TicketStatus;
use uuid::Uuid;

/// Problem types of the desk's refusals (RFC 9457 `type`).
pub mod problem_type {
    pub const QUEUE_EMPTY: &str = "queue-empty";
    pub const TRANSITION_REFUSED: &str = "transition-refused";
    pub const DESK_BUSY: &str = "desk-busy";
    pub const SERVICE_ELSEWHERE: &str = "service-elsewhere";
    pub const NOT_AT_THIS_DESK: &str = "not-at-this-desk";
    pub const UNKNOWN_LOCATION: &str = "unknown-location";
}

/// How a desk's call order mixes appointments and walk-ins: the municipality's choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CallOrder {
    /// Appointments due within the lead first, by booked time; walk-ins then by arrival; early
    /// appointments last (see [`order`]).
    #[default]
    AppointmentsFirst,
    /// Everyone by arrival, appointment or not (transfers still first).
    ByArrival,
}

/// Settings of the queue, from the server's configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueSettings {
    /// How appointments and walk-ins are mixed.
    pub call_order: CallOrder,
    /// An appointment checked in early is called before walk-ins from this long before its time.
    pub appointment_lead: SignedDuration,
    /// Service time assumed for a service without Start -> Done history.
    pub default_service: SignedDuration,
    /// Days of history (besides today) in the rolling median of service times.
    pub history_days: i64,
    /// A desk whose clerk did nothing for this long no longer counts as serving.
    pub desk_idle: SignedDuration,
}

impl Default for QueueSettings {
    fn default() -> QueueSettings {
        QueueSettings {
            call_order: CallOrder::default(),
            appointment_lead: SignedDuration::from_mins(5),
            default_service: SignedDuration::from_mins(10),
            history_days: 7,
            desk_idle: SignedDuration::from_mins(30),
        }
    }
}

/// Who acts: a signed-in clerk at a desk of a location, serving some queue services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskRef {
    pub staff_id: i64,
    pub location_id: String,
    /// As shown on the display, e.g. "Loket 3".
    pub desk: String,
    pub services: Vec<String>,
}

/// What a desk does to a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Call this ticket (`Some`) or the next one in call order for the desk's services (`None`).
    Call(Option<Uuid>),
    CallAgain(Uuid),
    Start(Uuid),
    Done(Uuid),
    NoShow(Uuid),
    BackToQueue(Uuid),
    /// To another queue service of the location: keeps its number, goes to the front.
    Transfer(Uuid, String),
    Cancel(Uuid),
}

impl Action {
    /// The name kept in `ticket_events.action`, and shown in refusals.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Call(_) => "called",
            Action::CallAgain(_) => "called_again",
            Action::Start(_) => "started",
            Action::Done(_) => "done",
            Action::NoShow(_) => "no_show",
            Action::BackToQueue(_) => "back_to_queue",
            Action::Transfer(..) => "transferred",
            Action::Cancel(_) => "cancelled",
        }
    }

    pub fn ticket(&self) -> Option<Uuid> {
        match self {
            Action::Call(t) => *t,
            Action::CallAgain(t)
            | Action::Start(t)
            | Action::Done(t)
            | Action::NoShow(t)
            | Action::BackToQueue(t)
            | Action::Transfer(t, _)
            | Action::Cancel(t) => Some(*t),
        }
    }

    /// Whether the action may be taken on a ticket in `status`. Forward only
    /// (waiting -> called -> serving -> done | no_show, or cancelled), except Back to queue.
    pub fn allowed_from(&self, status: TicketStatus) -> bool {
        use TicketStatus as S;
        match self {
            Action::Call(_) => status == S::Waiting,
            Action::CallAgain(_) | Action::Start(_) | Action::NoShow(_) => status == S::Called,
            Action::Done(_) => status == S::Serving,
            Action::BackToQueue(_) => matches!(status, S::Called | S::Serving),
            Action::Transfer(..) => matches!(status, S::Waiting | S::Called | S::Serving),
            Action::Cancel(_) => status == S::Waiting,
        }
    }

    /// Whether the action is only for the desk that holds the ticket (called or serving there).
    pub fn needs_own_desk(&self) -> bool {
        matches!(
            self,
            Action::CallAgain(_)
                | Action::Start(_)
                | Action::Done(_)
                | Action::NoShow(_)
                | Action::BackToQueue(_)
        )
    }

    /// Whether a waiting-room display announces it (highlight and chime).
    pub fn announces(&self) -> bool {
        matches!(self, Action::Call(_) | Action::CallAgain(_))
    }
}

/// What an action did: the ticket as it is now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Outcome {
    pub ticket_id: Uuid,
    pub number: String,
    pub action: String,
    pub desk: Option<String>,
    pub status: String,
}

/// One ticket as a desk sees it in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueRow {
    pub ticket_id: Uuid,
    pub number: String,
    pub service_id: String,
    pub status: TicketStatus,
    /// Booked start (UTC seconds) for an appointment.
    pub booked_s: Option<i64>,
    /// Checked in (arrival), UTC seconds.
    pub issued_s: i64,
    pub transferred_s: Option<i64>,
    pub desk: Option<String>,
    pub called_s: Option<i64>,
    pub calls: i64,
}

/// Where an appointment of today stands, for the desk's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppointmentState {
    /// Booked, not checked in, its arrival window still open or to come.
    Booked,
    /// Booked, not checked in, and past its window.
    Late,
    CheckedIn,
    Called,
    Serving,
    Done,
    NoShow,
}

/// One of today's appointments for the desk's services. The name is for the clerk only: it is
/// never logged, and never reaches the display.
#[derive(Clone, PartialEq, Eq)]
pub struct AppointmentRow {
    pub booking_id: Uuid,
    pub start_s: i64,
    pub product_name: String,
    pub service_id: String,
    pub customer_name: String,
    pub number: Option<String>,
    pub issued_s: Option<i64>,
    pub state: AppointmentState,
}

/// Everything the desk console shows.
#[derive(Clone, PartialEq, Eq)]
pub struct DeskView {
    /// The tickets called or being served at this desk.
    pub mine: Vec<QueueRow>,
    /// Waiting for the desk's services, in call order.
    pub waiting: Vec<QueueRow>,
    pub appointments: Vec<AppointmentRow>,
}

/// One call as the waiting room sees it: a number and a desk, never a name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct DisplayCall {
    #[schema(example = "A007")]
    pub number: String,
    #[schema(example = "Loket 3")]
    pub desk: String,
    /// When it was called (RFC 3339 with offset).
    #[schema(format = DateTime)]
    pub at: String,
}

/// What a waiting-room display shows: numbers and desks, never names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct DisplayView {
    pub location_id: String,
    pub municipality: String,
    pub location_name: kiosk_api::LocalizedText,
    /// Called and not yet at the desk, newest first.
    pub calling: Vec<DisplayCall>,
    /// The last calls, newest first (at most 6).
    pub recent: Vec<DisplayCall>,
}

/// `A007`: the prefix of the ticket's own service and its sequence.
pub fn number(prefix: &str, sequence: i64) -> String {
    format!("{prefix}{sequence:03}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_only_go_forward_except_back_to_queue() {
        use TicketStatus as S;
        let t = Uuid::nil();
        assert!(Action::Call(None).allowed_from(S::Waiting));
        assert!(!Action::Call(None).allowed_from(S::Called));
        assert!(!Action::Done(t).allowed_from(S::Waiting));
        assert!(Action::Done(t).allowed_from(S::Serving));
        assert!(!Action::Start(t).allowed_from(S::Done));
        assert!(Action::BackToQueue(t).allowed_from(S::Serving));
        assert!(!Action::BackToQueue(t).allowed_from(S::Done));
        assert!(!Action::NoShow(t).allowed_from(S::Serving));
    }
}
