//! The root: routes messages to the current screen, keeps the session, the idle clock and the
//! keyboard focus, and turns what screens ask for into tasks. `update` does no I/O.

mod certificate;
mod router;
mod speech;

use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::widget::{column, container, stack};
use iced::{Element, Length, Subscription, Task, event, keyboard, time};
use jiff::ZonedDateTime;

use kiosk_core::clock::Clock;
use kiosk_core::config::Config;
use kiosk_core::devices::headset::JackEvent;
use kiosk_core::devices::hub::DevicesHub;
use kiosk_core::i18n::{I18n, Language};
use kiosk_core::idle::{IdlePhase, IdlePolicy};

use kiosk_core::print::PrinterStatus;
use kiosk_core::staff_pin::PinGuardFile;

use kiosk_core::sync::{ConnectionState, Link};

use crate::backend_link::BackendLink;
use crate::card_reader::{CardReader, ReaderState};
use crate::context::Context;
use crate::effects::Runner;
use crate::focus::{self, FocusId, KeyIntent};
use crate::headset_watch::HeadsetWatch;
use crate::printer_watch::{self, PrinterWatch};
use crate::scanner_watch::ScannerWatch;
use crate::screen::{self, Screen, Service, booking, checkin, fault, home, staff};

use crate::screen::flow::{Flow, Surroundings};
use crate::speech_mode::{SpeechKey, SpeechMode};
use crate::theme::{self, Palette, TextSizes, space};
use crate::widget::chrome;
use crate::widget::hidden_cursor::hidden_cursor;
use crate::widget::idle_overlay::idle_overlay;
use crate::widget::picture::Logo;
pub use certificate::DemoCardMove;
use kiosk_core::devices::scanner::ScanEvent;
use router::{Routed, on_screen};

/// A second tap of a double tap lands on whatever the next screen shows in the same place;
/// taps on a screen younger than this are taken as that and ignored.
pub const GHOST_TAP_GUARD: Duration = Duration::from_millis(400);

#[derive(Debug, Clone)]
pub enum Message {
    /// A finger or a key on the screen: dropped when the screen has only just changed.
    Tap(Tap),
    /// Comes without a finger (an answer, the scanner, the card reader): never dropped.
    Reply(Reply),
    /// The card reader changed: a reader, a card in or out.
    CardReader(ReaderState),
    /// The clock in the header was tapped (five quick taps open the staff screen).
    ClockTapped,
    /// Something from the serial barcode scanner, whatever screen is showing.
    Scan(ScanEvent),
    /// The catalogue as cached by the sync, read again after it changed.
    CatalogueLoaded(Option<Arc<kiosk_api::Catalogue>>),
    Language(Language),
    MoreTime,
    /// The clock ticked: time to check the idle warning and redraw the time.
    Tick,
    /// A touch, click or key press anywhere.
    Activity,
    Key(keyboard::Key, keyboard::Modifiers),
    /// A digit of the keypad's number block: typed into the code, PIN or phone pad on screen.
    Typed(char),
    /// A key of the tactile keypad that works the speech, or the "Read aloud" button.
    Speech(SpeechKey),
    /// "Larger text" on the start screen: text about 1.5 times larger, or back to standard.
    LargeText,
    /// A headset was plugged into the headphone jack or pulled out.
    Headset(JackEvent),
    /// The ticket printer's status changed.
    PrinterStatus(PrinterStatus),
    /// The link to the backend changed (online, offline, outbox depth).
    Connection(ConnectionState),
    /// The window's size as iced reports it (in the kiosk's scaled units): the whole kiosk is
    /// scaled to fill the screen (see [`crate::screen_fit`]).
    WindowResized(iced::Size),
    /// Nothing to do (the fault screen has no actions).
    None,
}

/// What a finger does: held back by the ghost-tap guard on a screen younger than
/// [`GHOST_TAP_GUARD`].
#[derive(Debug, Clone)]
pub enum Tap {
    Home(home::Message),
    Booking(booking::Message),
    CheckIn(checkin::Message),
    Certificate(screen::certificate::Message),
    Staff(staff::Message),
    Unavailable(screen::unavailable::Message),
    /// The demo card's buttons.
    DemoCard(DemoCardMove),
    Back,
    StartAgain,
}

/// What comes back to a screen without a finger.
#[derive(Debug, Clone)]
pub enum Reply {
    Booking(booking::Reply),
    CheckIn(checkin::Reply),
    Certificate(screen::certificate::Reply),
    Staff(staff::Reply),
}

pub enum App {
    Kiosk(Box<Kiosk>),
    Fault {
        i18n: Arc<I18n>,
        state: fault::State,
        scale: f32,
    },
}

/// Everything about the resident currently at the kiosk. Replaced as a whole at the end of a
/// session, so nothing they entered can survive it.
#[derive(Debug, Clone)]
pub struct Session {
    pub language: Language,
    pub screen: Screen,
    pub history: Vec<Screen>,
    pub focus: Option<usize>,
    /// Off until this resident asks for it.
    pub speech: SpeechMode,
    /// What speech mode said in this session, latest last (a few dozen at most): for Repeat
    /// and for the tests. Never logged.
    pub said: std::collections::VecDeque<kiosk_speech::Utterance>,
    /// Text about 1.5 times larger, asked for on the start screen; ends with the session.
    pub large_text: bool,
}

/// How many utterances a session keeps.
const SAID_KEPT: usize = 64;

impl Session {
    fn new(language: Language, speech_rate: i8) -> Self {
        Self {
            language,
            screen: Screen::Home(home::State::default()),
            history: Vec::new(),
            focus: None,
            speech: SpeechMode::new(speech_rate),
            said: std::collections::VecDeque::new(),
            large_text: false,
        }
    }

    /// Whether a certificate the backend issued is held (until it is printed, the card comes
    /// out or the session ends).
    pub fn holds_document(&self) -> bool {
        matches!(&self.screen, Screen::Certificate(flow) if flow.holds_document())
    }
}

/// What the kiosk talks to besides its screen, opened before the UI starts. Each is optional so
/// that the UI tests can run without them.
#[derive(Clone, Default)]
pub struct Services {
    pub printer: Option<PrinterWatch>,
    pub backend: Option<Arc<BackendLink>>,
    pub scanner: Option<ScannerWatch>,
    pub card: Option<CardReader>,
    /// What is known of the devices, for the heartbeat; the root reports to it.
    pub devices: Option<DevicesHub>,
    /// Wrong staff PINs, counted across restarts (in memory when `None`).
    pub staff_pin: Option<Arc<PinGuardFile>>,
    /// Hands what speech mode says to speech-dispatcher (`None`: speech is never offered).
    pub speech: Option<kiosk_speech::Speech>,
    /// The headphone jack that turns speech on and off (`None`: none reports itself).
    pub headset: Option<HeadsetWatch>,
}

pub struct Kiosk {
    config: Arc<Config>,
    services: Services,
    /// Carries out the screens' actions with the services.
    runner: Runner,
    printer_status: PrinterStatus,
    /// The card reader as last reported.
    card_state: ReaderState,
    /// `None` until the sync reports, and when the kiosk has no backend link at all.
    connection: Option<ConnectionState>,
    /// Products, locations, opening hours: what booking offers. Read from the local store.
    catalogue: Option<Arc<kiosk_api::Catalogue>>,
    catalogue_etag: Option<String>,
    /// Characters typed by a keyboard-wedge scanner, until its Enter.
    wedge: String,
    /// Recent taps on the clock, for the staff screen's gesture.
    clock_taps: Vec<Instant>,
    i18n: Arc<I18n>,
    clock: Arc<dyn Clock>,
    palette: Palette,
    logo: Option<Logo>,
    pub session: Session,
    idle: IdlePolicy,
    last_activity: Instant,
    screen_since: Instant,
    now: ZonedDateTime,
    /// Pinged from the UI loop: a frozen loop is restarted by the service manager.
    watchdog: crate::watchdog::Watchdog,
    /// The whole kiosk's scale, fitted to the screen.
    scale: f32,
    /// The screen is wider than tall: the configured window until the first size is reported.
    landscape: bool,
}

impl App {
    pub fn kiosk(
        config: Arc<Config>,
        i18n: Arc<I18n>,
        clock: Arc<dyn Clock>,
        logo: Option<Logo>,
        services: Services,
    ) -> Self {
        let start = clock.instant();
        let now = clock.now();
        let card_state = services
            .card
            .as_ref()
            .map(|card| *card.state().borrow())
            .unwrap_or_default();
        let runner = Runner::new(
            &services,
            Arc::clone(&config),
            Arc::clone(&i18n),
            Arc::clone(&clock),
        );
        let landscape = config.display.width > config.display.height;
        App::Kiosk(Box::new(Kiosk {
            runner,
            landscape,
            palette: Palette::new(config.kiosk.accent),
            idle: IdlePolicy {
                timeout: config.kiosk.idle_timeout,
                warning: config.kiosk.idle_warning,
            },
            session: Session::new(config.kiosk.default_language, config.speech.rate),
            config,
            services,
            printer_status: PrinterStatus::NotReported,
            card_state,
            connection: None,
            catalogue: None,
            catalogue_etag: None,
            wedge: String::new(),
            clock_taps: Vec::new(),
            i18n,
            clock,
            logo,
            last_activity: start,
            // The first screen accepts taps at once.
            screen_since: start.checked_sub(GHOST_TAP_GUARD).unwrap_or(start),
            now,
            watchdog: crate::watchdog::Watchdog::from_env(),
            scale: 1.0,
        }))
    }

    pub fn fault(i18n: Arc<I18n>, state: fault::State) -> Self {
        App::Fault {
            i18n,
            state,
            scale: 1.0,
        }
    }

    /// The scale the whole kiosk is drawn at: the design fitted to the screen.
    pub fn scale_factor(&self) -> f32 {
        match self {
            App::Kiosk(kiosk) => kiosk.scale,
            App::Fault { scale, .. } => *scale,
        }
    }

    pub fn title(&self) -> String {
        match self {
            App::Kiosk(kiosk) => {
                let mut args = kiosk_core::i18n::FluentArgs::new();
                args.set("municipality", kiosk.config.kiosk.municipality.clone());
                kiosk.i18n.format(
                    kiosk.config.kiosk.default_language,
                    "app-title",
                    Some(&args),
                )
            }
            App::Fault { i18n, .. } => i18n.text(Language::Dutch, "fault-title"),
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        if let Message::WindowResized(reported) = message {
            let (scale, landscape) = match self {
                App::Kiosk(kiosk) => (&mut kiosk.scale, Some(&mut kiosk.landscape)),
                App::Fault { scale, .. } => (scale, None),
            };
            let screen = crate::screen_fit::screen_of(reported, *scale);
            if let Some(landscape) = landscape {
                *landscape = screen.width > screen.height;
            }
            let fitted = crate::screen_fit::scale_for(screen);
            if fitted != *scale {
                tracing::info!(
                    width = screen.width,
                    height = screen.height,
                    scale = fitted,
                    "the kiosk is scaled to fill the screen"
                );
                *scale = fitted;
            }
            return Task::none();
        }
        match self {
            App::Kiosk(kiosk) => kiosk.update(message),
            App::Fault { .. } => Task::none(),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        match self {
            App::Kiosk(kiosk) => kiosk.view(),
            App::Fault { i18n, state, .. } => state.view(i18n).map(|()| Message::None),
        }
    }

    pub fn theme(&self) -> iced::Theme {
        match self {
            App::Kiosk(kiosk) => kiosk.palette.iced_theme(),
            App::Fault { .. } => iced::Theme::Light,
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        match self {
            App::Kiosk(kiosk) => Subscription::batch([
                kiosk
                    .services
                    .backend
                    .as_ref()
                    .map(|backend| backend.state())
                    .map_or_else(Subscription::none, |state| {
                        crate::watch_stream::subscription("connection", state)
                            .map(Message::Connection)
                    }),
                kiosk
                    .services
                    .printer
                    .as_ref()
                    .map_or_else(Subscription::none, |printer| {
                        printer.subscription().map(Message::PrinterStatus)
                    }),
                kiosk
                    .services
                    .scanner
                    .as_ref()
                    .map_or_else(Subscription::none, |scanner| {
                        scanner.subscription().map(Message::Scan)
                    }),
                kiosk
                    .services
                    .headset
                    .as_ref()
                    .filter(|_| kiosk.config.speech.enabled)
                    .map_or_else(Subscription::none, |jack| {
                        jack.subscription().map(Message::Headset)
                    }),
                kiosk
                    .services
                    .card
                    .as_ref()
                    .map_or_else(Subscription::none, |card| {
                        crate::watch_stream::subscription("card-reader", card.state())
                            .map(Message::CardReader)
                    }),
                time::every(Duration::from_secs(1)).map(|_| Message::Tick),
                window_sizes(),
                event::listen_with(|event, _status, _window| {
                    is_activity(&event).then_some(Message::Activity)
                }),
                keyboard::listen().filter_map(|event| match event {
                    keyboard::Event::KeyPressed {
                        key,
                        modifiers,
                        location,
                        ..
                    } => Some(
                        if let Some(speech) = crate::speech_mode::speech_key(&key, location) {
                            Message::Speech(speech)
                        } else if let Some(digit) = focus::keypad_digit(&key, location) {
                            Message::Typed(digit)
                        } else {
                            Message::Key(key, modifiers)
                        },
                    ),
                    _ => None,
                }),
            ]),
            App::Fault { .. } => window_sizes(),
        }
    }

    /// The ticket printer's last known status.
    pub fn printer_status(&self) -> Option<&PrinterStatus> {
        self.as_kiosk().map(|kiosk| &kiosk.printer_status)
    }

    /// The link to the backend as last reported.
    pub fn connection(&self) -> Option<&ConnectionState> {
        self.as_kiosk().and_then(|kiosk| kiosk.connection.as_ref())
    }

    /// The running kiosk, for tests and the staff screen.
    pub fn as_kiosk(&self) -> Option<&Kiosk> {
        match self {
            App::Kiosk(kiosk) => Some(kiosk),
            App::Fault { .. } => None,
        }
    }
}

/// The window's size when it opens and whenever it changes (a compositor's full screen, a
/// rotated panel): what the kiosk's scale is fitted to.
fn window_sizes() -> Subscription<Message> {
    event::listen_with(|event, _status, _window| match event {
        iced::Event::Window(
            iced::window::Event::Opened { size, .. } | iced::window::Event::Resized(size),
        ) => Some(Message::WindowResized(size)),
        _ => None,
    })
}

/// Only deliberate input counts as presence: a pointer drifting over the screen does not.
fn is_activity(event: &iced::Event) -> bool {
    matches!(
        event,
        iced::Event::Mouse(iced::mouse::Event::ButtonPressed(_))
            | iced::Event::Touch(iced::touch::Event::FingerPressed { .. })
            | iced::Event::Keyboard(keyboard::Event::KeyPressed { .. })
    )
}

impl Kiosk {
    /// Handles `message`, then says what changed when speech mode is on.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let task = self.handle(message);
        self.announce();
        task
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        let now = self.clock.instant();
        match message {
            Message::Tick => {
                self.watchdog.tick();
                let day_before = self.now.date();
                self.now = self.clock.now();
                self.refresh_home();
                if self.session_at_rest() {
                    // Nobody's session: the idle clock starts with the next resident. Ending it
                    // again every second would ask an empty lobby "are you still there?" and
                    // hold back the next resident's first tap as a ghost of the "new" screen.
                    self.last_activity = now;
                } else if self.idle_phase() == IdlePhase::Expired {
                    return self.end_session();
                }
                if self.now.date() != day_before
                    && let Some(forget) = self.runner.forget_old_tickets(&self.now)
                {
                    return Task::perform(forget, |()| Message::None);
                }
            }
            Message::Activity => self.last_activity = now,
            Message::MoreTime => self.last_activity = now,
            Message::Language(language) => {
                self.last_activity = now;
                // The screen and what was entered stay; only the words change.
                self.session.language = language;
                if let Screen::Certificate(flow) = &mut self.session.screen {
                    // The certificate is asked in the language the resident reads.
                    flow.set_language(language);
                }
            }
            Message::Key(key, modifiers) => {
                if self.session.speech.is_on()
                    && let Some(speech) = &self.services.speech
                {
                    // Any key interrupts what is being said.
                    speech.stop();
                }
                return self.on_key(&key, modifiers);
            }
            Message::Typed(digit) => {
                if self.session.speech.is_on()
                    && let Some(speech) = &self.services.speech
                {
                    speech.stop();
                }
                self.last_activity = now;
                if let Some(tap) = self.typed_tap(digit) {
                    return self.update(tap);
                }
            }
            Message::Speech(key) => {
                self.last_activity = now;
                self.speech_key(key);
            }
            Message::Headset(jack) => {
                self.last_activity = now;
                self.headset(jack);
            }
            Message::LargeText => {
                self.last_activity = now;
                self.session.large_text = !self.session.large_text;
            }
            Message::PrinterStatus(status) => {
                if status != self.printer_status {
                    tracing::info!(%status, "ticket printer status");
                }
                if let Some(devices) = &self.services.devices {
                    devices.printer_changed(&status);
                }
                self.printer_status = status;
            }
            Message::Connection(state) => return self.connection_changed(state),
            Message::CatalogueLoaded(catalogue) => {
                if catalogue.is_some() {
                    self.catalogue = catalogue;
                    self.refresh_home();
                }
            }
            // Fitted by App::update before a screen sees it.
            Message::None | Message::WindowResized(_) => {}
            Message::Reply(reply) => return self.reply(reply),
            Message::CardReader(state) => return self.card_reader_changed(state),
            Message::Scan(event) => {
                self.last_activity = now;
                return self.scanned(event);
            }
            Message::ClockTapped => self.clock_tapped(now),
            Message::Tap(tap) if self.is_ghost_tap(now) => {
                tracing::debug!(?tap, "tap ignored: the screen has just changed");
            }
            Message::Tap(tap) => return self.tap(tap),
        }
        Task::none()
    }

    fn tap(&mut self, tap: Tap) -> Task<Message> {
        match tap {
            Tap::Back => self.back(),
            Tap::StartAgain => self.end_session(),
            Tap::Home(m) => self.route(|flow: &mut home::State, now| Flow::update(flow, m, now)),
            Tap::Booking(m) => {
                self.route(|flow: &mut booking::State, now| Flow::update(flow, m, now))
            }
            Tap::CheckIn(m) => {
                self.route(|flow: &mut checkin::State, now| Flow::update(flow, m, now))
            }
            Tap::Certificate(m) => {
                self.route(|flow: &mut screen::certificate::State, now| Flow::update(flow, m, now))
            }
            Tap::Staff(m) => self.route(|flow: &mut staff::State, now| Flow::update(flow, m, now)),
            Tap::Unavailable(never) => match never {},
            Tap::DemoCard(change) => self.demo_card(change),
        }
    }

    fn reply(&mut self, reply: Reply) -> Task<Message> {
        match reply {
            Reply::Booking(r) => {
                self.route(|flow: &mut booking::State, now| Flow::reply(flow, r, now))
            }
            Reply::CheckIn(r) => {
                self.route(|flow: &mut checkin::State, now| Flow::reply(flow, r, now))
            }
            Reply::Certificate(r) => {
                self.route(|flow: &mut screen::certificate::State, now| Flow::reply(flow, r, now))
            }
            Reply::Staff(r) => self.route(|flow: &mut staff::State, now| Flow::reply(flow, r, now)),
        }
    }

    fn connection_changed(&mut self, state: ConnectionState) -> Task<Message> {
        if self.connection.as_ref().map(ConnectionState::is_online) != Some(state.is_online()) {
            tracing::info!(
                online = state.is_online(),
                outbox = state.outbox_depth,
                "backend link"
            );
        }
        let reload = state.catalogue_etag.is_some() && state.catalogue_etag != self.catalogue_etag;
        self.catalogue_etag.clone_from(&state.catalogue_etag);
        self.connection = Some(state);
        match self
            .services
            .backend
            .as_ref()
            .and_then(|backend| backend.store())
        {
            Some(store) if reload => Task::perform(
                async move {
                    match store.catalogue().await {
                        Ok(cached) => cached.map(|cached| Arc::new(cached.catalogue)),
                        Err(error) => {
                            tracing::error!(%error, "cannot read the cached catalogue");
                            None
                        }
                    }
                },
                Message::CatalogueLoaded,
            ),
            _ => Task::none(),
        }
    }

    /// A scan works from any screen: on the check-in screen it is that flow's input; anywhere
    /// else it opens check-in with the code (the screen it came from stays one Back away).
    fn scanned(&mut self, event: ScanEvent) -> Task<Message> {
        match event {
            ScanEvent::Code(code) => {
                if matches!(self.session.screen, Screen::CheckIn(_)) {
                    return self.check_in_reply(checkin::Reply::Scanned(code));
                }
                tracing::info!(length = code.len(), "code scanned: check-in opened");
                let (flow, action) = checkin::State::scanned(code, self.printer_can_print());
                self.show(Screen::CheckIn(Box::new(self.with_catalogue(flow))));
                <checkin::State as Routed>::carry_out(self, action)
            }
            ScanEvent::Garbage(kind) => {
                tracing::info!(?kind, "unreadable scan");
                match self.session.screen {
                    Screen::CheckIn(_) => self.check_in_reply(checkin::Reply::ScanGarbage),
                    Screen::Home(_) => {
                        let flow = checkin::State::new(self.printer_can_print());
                        self.show(Screen::CheckIn(Box::new(self.with_catalogue(flow))));
                        self.check_in_reply(checkin::Reply::ScanGarbage)
                    }
                    // Not worth interrupting a resident in another flow for.
                    Screen::Booking(_)
                    | Screen::Certificate(_)
                    | Screen::Staff(_)
                    | Screen::Unavailable(_) => Task::none(),
                }
            }
            ScanEvent::Connected | ScanEvent::Disconnected => {
                tracing::info!(?event, "barcode scanner");
                if let Some(devices) = &self.services.devices {
                    devices.scanner_changed(event == ScanEvent::Connected);
                }
                Task::none()
            }
        }
    }

    fn check_in_reply(&mut self, reply: checkin::Reply) -> Task<Message> {
        self.reply(Reply::CheckIn(reply))
    }

    fn with_catalogue(&self, flow: checkin::State) -> checkin::State {
        match &self.catalogue {
            Some(catalogue) => flow.with_catalogue(Arc::clone(catalogue)),
            None => flow,
        }
    }

    /// A queue number is only handed out when it can be printed: a printer that reports a fault
    /// sends check-in residents to the desk before they start.
    fn printer_can_print(&self) -> bool {
        !self.printer_status.is_fault()
    }

    /// Five taps on the clock within three seconds open the staff screen.
    fn clock_tapped(&mut self, now: Instant) {
        const TAPS: usize = 5;
        const WITHIN: Duration = Duration::from_secs(3);
        self.clock_taps
            .retain(|tap| now.saturating_duration_since(*tap) < WITHIN);
        self.clock_taps.push(now);
        if self.clock_taps.len() >= TAPS && !matches!(self.session.screen, Screen::Staff(_)) {
            self.clock_taps.clear();
            let config = Arc::clone(&self.config);
            let door = staff::Door {
                pin_matches: Arc::new(move |pin| config.staff.pin_matches(pin)),
                allow_exit: self.config.staff.allow_exit,
                guard: self.runner.staff_pin_guard(),
            };
            self.show(Screen::Staff(staff::State::new(door, &self.now)));
        }
    }

    pub fn idle_phase(&self) -> IdlePhase {
        self.idle.phase(self.last_activity, self.clock.instant())
    }

    /// The backend cannot be reached (or was never reached since the start).
    pub fn is_offline(&self) -> bool {
        match (&self.services.backend, &self.connection) {
            // No backend link at all: nothing to be offline from (the UI tests).
            (None, None) => false,
            (_, Some(connection)) => {
                !matches!(connection.link, Link::Starting | Link::Online { .. })
            }
            (Some(backend), None) => !matches!(
                backend.state().borrow().link,
                Link::Starting | Link::Online { .. }
            ),
        }
    }

    fn is_ghost_tap(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.screen_since) < GHOST_TAP_GUARD
    }

    fn open(&mut self, service: Service) -> Task<Message> {
        tracing::info!(?service, "screen opened");
        let next = match service {
            Service::Booking => Screen::Booking(Box::new(self.new_booking())),
            Service::CheckIn => Screen::CheckIn(Box::new(
                self.with_catalogue(checkin::State::new(self.printer_can_print())),
            )),
            Service::Certificate => self.certificate_screen(),
            Service::WalkIn => Screen::CheckIn(Box::new(self.with_catalogue(
                checkin::State::walk_in(self.printer_can_print(), self.walk_ins_open()),
            ))),
        };
        self.show(next);
        Task::none()
    }

    /// The services that give a number without an appointment here, now (from the cached
    /// catalogue: the same offline).
    fn walk_ins_open(&self) -> Vec<kiosk_api::QueueService> {
        let location = self.services.backend.as_ref().and_then(|b| b.location_id());
        match (&self.catalogue, location) {
            (Some(catalogue), Some(location)) => {
                checkin::open_services(catalogue, &location, &self.now)
            }
            _ => Vec::new(),
        }
    }

    /// Shows or hides "Take a number" on the start screen (showing, or one Back away) as the
    /// clock and the catalogue say.
    fn refresh_home(&mut self) {
        let open = !self.walk_ins_open().is_empty();
        let session = &mut self.session;
        for screen in std::iter::once(&mut session.screen).chain(session.history.iter_mut()) {
            if let Screen::Home(home) = screen {
                home.walk_in_open = open;
            }
        }
    }

    /// Shows `next`, keeping the current screen one Back away.
    fn show(&mut self, next: Screen) {
        let previous = std::mem::replace(&mut self.session.screen, next);
        self.session.history.push(previous);
        self.screen_changed();
    }

    /// A booking flow for this kiosk's location, or one that says booking is not possible now
    /// (offline, or the catalogue not loaded yet).
    fn new_booking(&self) -> booking::State {
        let today = self.now.date();
        let location = self.services.backend.as_ref().and_then(|b| b.location_id());
        match (&self.catalogue, location) {
            (Some(catalogue), Some(location)) if !self.is_offline() => {
                booking::State::new(Arc::clone(catalogue), location, today)
                    .with_large_text(self.session.large_text)
            }
            (catalogue, location) => booking::State::unavailable(
                catalogue
                    .clone()
                    .unwrap_or_else(|| Arc::new(booking::empty_catalogue())),
                location.unwrap_or_default(),
                today,
            ),
        }
    }

    fn back(&mut self) -> Task<Message> {
        let within = on_screen!(&self.session.screen, flow => {
            let kind = router::kind_of(flow);
            self.back_within(kind)
        });
        if let Some(task) = within {
            return task;
        }
        let leaving = self.abandon_screen();
        match self.session.history.pop() {
            Some(previous) => {
                self.session.screen = previous;
                self.screen_changed();
                leaving
            }
            None => Task::batch([leaving, self.end_session()]),
        }
    }

    /// What must happen when the resident leaves the current screen for good (a hold released).
    fn abandon_screen(&mut self) -> Task<Message> {
        on_screen!(&self.session.screen, flow => {
            let kind = router::kind_of(flow);
            self.abandon(kind)
        })
    }

    /// Home, the default language, and every piece of session data dropped (the card session
    /// too: a verified PIN never serves the next resident).
    /// The start screen as a new session shows it: nothing entered, nothing to go back to, the
    /// default language.
    fn session_at_rest(&self) -> bool {
        matches!(self.session.screen, Screen::Home(_))
            && self.session.history.is_empty()
            && self.session.language == self.config.kiosk.default_language
            && !self.session.speech.is_on()
    }

    fn end_session(&mut self) -> Task<Message> {
        let leaving = self.abandon_screen();
        let card_ended = self.end_card_session();
        self.session = Session::new(self.config.kiosk.default_language, self.config.speech.rate);
        if let Some(speech) = &self.services.speech {
            speech.stop();
        }
        self.refresh_home();
        self.screen_changed();
        Task::batch([leaving, card_ended])
    }

    fn screen_changed(&mut self) {
        self.session.focus = None;
        self.wedge.clear();
        self.screen_since = self.clock.instant();
    }

    fn on_key(&mut self, key: &keyboard::Key, modifiers: keyboard::Modifiers) -> Task<Message> {
        if let Some(task) = self.wedge_key(key, modifiers) {
            return task;
        }
        let Some(intent) = focus::intent(key, modifiers) else {
            return Task::none();
        };
        self.last_activity = self.clock.instant();
        let targets = self.focus_targets();
        match intent {
            KeyIntent::Back if self.is_idle_warning() => Task::none(),
            KeyIntent::Back if matches!(self.session.screen, Screen::Home(_)) => Task::none(),
            KeyIntent::Back => self.update(Message::Tap(Tap::Back)),
            KeyIntent::Activate => match self.session.focus.and_then(|i| targets.get(i)) {
                Some((_, message)) => self.update(message.clone()),
                None => Task::none(),
            },
            KeyIntent::Next | KeyIntent::Previous => {
                self.session.focus = focus::step(self.session.focus, intent, targets.len());
                Task::none()
            }
        }
    }

    /// The tap a digit typed on the keypad stands for: the key of that digit on the screen's
    /// pad, when the screen offers it (a code pad has no 0 or 1; most screens have no pad).
    fn typed_tap(&self, digit: char) -> Option<Message> {
        if self.is_idle_warning() {
            return None;
        }
        let ctx = self.context(None);
        on_screen!(&self.session.screen, flow => {
            let targets = Flow::focus_targets(flow, &ctx);
            flow.typed(digit)
                .into_iter()
                .find(|message| targets.iter().any(|(_, target)| target == message))
                .map(tap_of(flow))
        })
    }

    /// A USB keyboard-wedge scanner "types" the code and presses Enter. On the start and check-in
    /// screens, typed characters are gathered and Enter hands them over as a scan; elsewhere keys
    /// keep their focus meaning.
    fn wedge_key(
        &mut self,
        key: &keyboard::Key,
        modifiers: keyboard::Modifiers,
    ) -> Option<Task<Message>> {
        /// A scanner's longest line; anything longer is not a code.
        const LONGEST: usize = 512;
        if !matches!(self.session.screen, Screen::Home(_) | Screen::CheckIn(_))
            || self.is_idle_warning()
        {
            return None;
        }
        match key {
            keyboard::Key::Character(typed) if !modifiers.control() && !modifiers.alt() => {
                self.last_activity = self.clock.instant();
                if self.wedge.len() + typed.len() <= LONGEST {
                    self.wedge.push_str(typed);
                }
                Some(Task::none())
            }
            keyboard::Key::Named(keyboard::key::Named::Enter) if !self.wedge.is_empty() => {
                self.last_activity = self.clock.instant();
                let code = std::mem::take(&mut self.wedge);
                Some(self.scanned(ScanEvent::Code(code)))
            }
            _ => None,
        }
    }

    fn is_idle_warning(&self) -> bool {
        matches!(self.idle_phase(), IdlePhase::Warning { .. })
    }

    /// Every target of the current screen in reading order: content, languages, then navigation.
    pub fn focus_targets(&self) -> Vec<(FocusId, Message)> {
        // Which targets exist does not depend on which one has the focus.
        let ctx = self.context(None);
        if self.is_idle_warning() {
            return vec![(FocusId::MoreTime, Message::MoreTime)];
        }
        let mut targets: Vec<(FocusId, Message)> =
            on_screen!(&self.session.screen, flow => router::targets(flow, &ctx));
        targets.extend(
            self.config
                .kiosk
                .languages
                .iter()
                .map(|&l| (FocusId::Language(l), Message::Language(l))),
        );
        let on_home = matches!(self.session.screen, Screen::Home(_));
        if !on_home {
            targets.push((FocusId::Back, Message::Tap(Tap::Back)));
        }
        if on_home {
            targets.push((FocusId::LargeText, Message::LargeText));
        }
        if self.config.speech.enabled {
            targets.push((FocusId::Speech, Message::Speech(SpeechKey::Toggle)));
        }
        if !on_home {
            targets.push((FocusId::StartAgain, Message::Tap(Tap::StartAgain)));
        }
        targets
    }

    /// What a screen may read about the kiosk around it, as the view and speech mode see it.
    fn surroundings(&self) -> Surroundings<'_> {
        Surroundings {
            now: &self.now,
            kiosk_name: &self.config.kiosk.name,
            printer: &self.printer_status,
            connection: self.connection.as_ref(),
            card_reader: self.card_reader_status_id(),
            supervised: staff::restart::supervised(),
            speech: self
                .services
                .speech
                .as_ref()
                .map(kiosk_speech::Speech::status),
        }
    }

    /// The notices the start screen shows under the language bar, as message ids.
    fn degraded_ids(&self) -> Vec<&'static str> {
        if !matches!(self.session.screen, Screen::Home(_)) {
            return Vec::new();
        }
        [
            // An eID card left behind by the last resident: the next one is asked to take it
            // (or hand it in), rather than it staying unnoticed in a public hall.
            self.card_state.card.then_some("status-card-left"),
            printer_watch::degraded_message_id(&self.printer_status),
            self.is_offline().then_some("status-offline"),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The context with the keypad's focus on the target it points at.
    fn focused_context(&self) -> Context<'_> {
        let targets = self.focus_targets();
        self.context(
            self.session
                .focus
                .and_then(|i| targets.get(i))
                .map(|(id, _)| *id),
        )
    }

    fn context(&self, focused: Option<FocusId>) -> Context<'_> {
        Context {
            i18n: &self.i18n,
            language: self.session.language,
            palette: self.palette,
            focused,
            // Staff read their own screen at its own sizes, drawn for the panel's facts.
            size: if self.session.large_text && !matches!(self.session.screen, Screen::Staff(_)) {
                TextSizes::LARGE
            } else {
                TextSizes::STANDARD
            },
            landscape: self.landscape,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let reach = self.config.display.reach_top_percent;
        let page: Element<'_, Message> = if reach == 0 {
            self.page(None)
        } else {
            // The band's height follows the window's, which only the layout knows.
            iced::widget::responsive(move |window| self.page(reach_band(window, reach))).into()
        };
        let mut layers = stack![
            container(page)
                .style(theme::page)
                .width(Length::Fill)
                .height(Length::Fill)
        ];
        if let IdlePhase::Warning { remaining } = self.idle_phase() {
            layers = layers.push(idle_overlay(
                &self.focused_context(),
                remaining,
                Message::MoreTime,
            ));
        }
        if self.config.display.hide_cursor {
            hidden_cursor(layers)
        } else {
            layers.into()
        }
    }

    /// The page: the header, then (below the reach band, when there is one, `band` high) the
    /// language bar, the notices, the screen and the navigation.
    fn page(&self, band: Option<f32>) -> Element<'_, Message> {
        let ctx = self.focused_context();
        let on_home = matches!(self.session.screen, Screen::Home(_));
        let around = self.surroundings();
        let content: Element<'_, Message> = on_screen!(&self.session.screen, flow => {
            Flow::view(flow, &ctx, &around).map(tap_of(flow))
        });
        let lines = self.degraded_ids();
        // No empty element when all is well: the column's spacing would still show.
        let degraded = (!lines.is_empty()).then(|| {
            column(
                lines
                    .into_iter()
                    .map(|id| chrome::status_line(&ctx, ctx.tr(id))),
            )
            .spacing(space::BETWEEN_TARGETS)
        });
        let header = chrome::header(
            &ctx,
            &self.config.kiosk.municipality,
            self.logo.as_ref(),
            &self.now,
            Message::ClockTapped,
        );
        let header: Element<'_, Message> = match band {
            Some(height) => container(header).height(Length::Fixed(height)).into(),
            None => header,
        };
        column![
            header,
            chrome::language_bar(&ctx, &self.config.kiosk.languages, Message::Language),
        ]
        .push(degraded)
        .push(self.demo_card_bar(&ctx))
        .push(container(content).height(Length::Fill).width(Length::Fill))
        .push(chrome::nav_bar(
            &ctx,
            (!on_home).then_some(Message::Tap(Tap::Back)),
            on_home.then_some((Message::LargeText, self.session.large_text)),
            self.config.speech.enabled.then_some((
                Message::Speech(SpeechKey::Toggle),
                self.session.speech.is_on(),
            )),
            (!on_home).then_some(Message::Tap(Tap::StartAgain)),
        ))
        .spacing(space::PAGE)
        .padding(space::PAGE)
        .into()
    }
}

/// The header's height that keeps the top `percent` of a portrait `window` free of anything to
/// touch: the language bar starts right under it, past the page's margin and the gap. None in
/// landscape, whose screens are not tall enough to have a band out of reach.
fn reach_band(window: iced::Size, percent: u8) -> Option<f32> {
    let top = window.height * f32::from(percent) / 100.0;
    (window.height > window.width).then(|| (top - 2.0 * space::PAGE).max(0.0))
}

/// The function that wraps a screen's taps as root messages, for its view.
fn tap_of<F: Routed>(_flow: &F) -> fn(F::Message) -> Message {
    |message| Message::Tap(F::wrap_tap(message))
}
