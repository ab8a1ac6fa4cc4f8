//! One module per screen, each with the same face: `State`, `Message`,
//! `update(&mut self, Message) -> Action`, `view(&self, &Context) -> Element<Message>` and the
//! focus targets it offers the keyboard.

pub mod booking;
pub mod certificate;
pub mod checkin;
pub mod fault;
pub mod flow;
pub mod home;
pub mod staff;
pub mod unavailable;

/// Why a ticket or document did not come out, for every flow that prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintFailure {
    /// The printer reported a fault before the job (paper out, cover open, offline): nothing
    /// was printed.
    NotReady,
    Failed,
}

/// The things a resident comes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Certificate,
    Booking,
    CheckIn,
    /// A queue number without an appointment.
    WalkIn,
}

impl Service {
    /// The message id of the service's name, as on the start screen.
    pub fn title_id(self) -> &'static str {
        match self {
            Service::Certificate => "home-certificate",
            Service::Booking => "home-book",
            Service::CheckIn => "home-checkin",
            Service::WalkIn => "home-walk-in",
        }
    }
}

/// The screen a resident is on. Everything a screen holds belongs to the session and is
/// dropped with it.
#[derive(Debug, Clone)]
pub enum Screen {
    Home(home::State),
    Booking(Box<booking::State>),
    CheckIn(Box<checkin::State>),
    Certificate(Box<certificate::State>),
    Staff(staff::State),
    Unavailable(unavailable::State),
}
