//! The root: routes messages to the current screen, keeps the session, the idle clock and the
//! keyboard focus, and turns what screens ask for into tasks. `update` does no I/O.

use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::widget::{column, container, stack};
use iced::{Element, Length, Subscription, Task, event, keyboard, time};
use jiff::ZonedDateTime;

use kiosk_core::clock::Clock;
use kiosk_core::config::Config;
use kiosk_core::i18n::{I18n, Language};
use kiosk_core::idle::{IdlePhase, IdlePolicy};

use kiosk_core::print::PrinterStatus;

use kiosk_core::sync::{ConnectionState, Link};

use crate::backend_link::BackendLink;
use crate::context::Context;
use crate::focus::{self, FocusId, KeyIntent};
use crate::printer_watch::{self, PrinterWatch};
use crate::screen::{self, Screen, Service, fault, home};
use crate::theme::{self, Palette, space};
use crate::widget::chrome;
use crate::widget::hidden_cursor::hidden_cursor;
use crate::widget::idle_overlay::idle_overlay;
use crate::widget::picture::Logo;

/// A second tap of a double tap lands on whatever the next screen shows in the same place;
/// taps on a screen younger than this are taken as that and ignored.
pub const GHOST_TAP_GUARD: Duration = Duration::from_millis(400);

#[derive(Debug, Clone)]
pub enum Message {
    Home(home::Message),
    Unavailable(screen::unavailable::Message),
    Language(Language),
    Back,
    StartAgain,
    MoreTime,
    /// The clock ticked: time to check the idle warning and redraw the time.
    Tick,
    /// A touch, click or key press anywhere.
    Activity,
    Key(keyboard::Key, keyboard::Modifiers),
    /// The ticket printer's status changed.
    PrinterStatus(PrinterStatus),
    /// The link to the backend changed (online, offline, outbox depth).
    Connection(ConnectionState),
    /// Nothing to do (the fault screen has no actions).
    None,
}

pub enum App {
    Kiosk(Box<Kiosk>),
    Fault {
        i18n: Arc<I18n>,
        state: fault::State,
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
}

impl Session {
    fn new(language: Language) -> Self {
        Self {
            language,
            screen: Screen::Home(home::State),
            history: Vec::new(),
            focus: None,
        }
    }
}

/// What the kiosk talks to besides its screen, opened before the UI starts. Each is optional so
/// that the UI tests can run without them.
#[derive(Clone, Default)]
pub struct Services {
    pub printer: Option<PrinterWatch>,
    pub backend: Option<Arc<BackendLink>>,
}

pub struct Kiosk {
    config: Arc<Config>,
    services: Services,
    printer_status: PrinterStatus,
    /// `None` until the sync reports, and when the kiosk has no backend link at all.
    connection: Option<ConnectionState>,
    i18n: Arc<I18n>,
    clock: Arc<dyn Clock>,
    palette: Palette,
    logo: Option<Logo>,
    pub session: Session,
    idle: IdlePolicy,
    last_activity: Instant,
    screen_since: Instant,
    now: ZonedDateTime,
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
        App::Kiosk(Box::new(Kiosk {
            palette: Palette::new(config.kiosk.accent),
            idle: IdlePolicy {
                timeout: config.kiosk.idle_timeout,
                warning: config.kiosk.idle_warning,
            },
            session: Session::new(config.kiosk.default_language),
            config,
            services,
            printer_status: PrinterStatus::NotReported,
            connection: None,
            i18n,
            clock,
            logo,
            last_activity: start,
            // The first screen accepts taps at once.
            screen_since: start.checked_sub(GHOST_TAP_GUARD).unwrap_or(start),
            now,
        }))
    }

    pub fn fault(i18n: Arc<I18n>, state: fault::State) -> Self {
        App::Fault { i18n, state }
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
        match self {
            App::Kiosk(kiosk) => kiosk.update(message),
            App::Fault { .. } => Task::none(),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        match self {
            App::Kiosk(kiosk) => kiosk.view(),
            App::Fault { i18n, state } => state.view(i18n).map(|()| Message::None),
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
                    .and_then(|backend| backend.state())
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
                time::every(Duration::from_secs(1)).map(|_| Message::Tick),
                event::listen_with(|event, _status, _window| {
                    is_activity(&event).then_some(Message::Activity)
                }),
                keyboard::listen().filter_map(|event| match event {
                    keyboard::Event::KeyPressed { key, modifiers, .. } => {
                        Some(Message::Key(key, modifiers))
                    }
                    _ => None,
                }),
            ]),
            App::Fault { .. } => Subscription::none(),
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
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let now = self.clock.instant();
        match message {
            Message::Tick => {
                self.now = self.clock.now();
                if self.idle_phase() == IdlePhase::Expired {
                    self.end_session();
                }
            }
            Message::Activity => self.last_activity = now,
            Message::MoreTime => self.last_activity = now,
            Message::Language(language) => {
                self.last_activity = now;
                // The screen and what was entered stay; only the words change.
                self.session.language = language;
            }
            Message::Key(key, modifiers) => return self.on_key(&key, modifiers),
            Message::PrinterStatus(status) => {
                if status != self.printer_status {
                    tracing::info!(%status, "ticket printer status");
                }
                if let Some(backend) = &self.services.backend {
                    backend.printer_changed(&status);
                }
                self.printer_status = status;
            }
            Message::Connection(state) => {
                if self.connection.as_ref().map(|c| c.is_online()) != Some(state.is_online()) {
                    tracing::info!(
                        online = state.is_online(),
                        outbox = state.outbox_depth,
                        "backend link"
                    );
                }
                self.connection = Some(state);
            }
            Message::None => {}
            message if self.is_ghost_tap(now) => {
                tracing::debug!(?message, "tap ignored: the screen has just changed");
            }
            Message::Back => self.back(),
            Message::StartAgain => self.end_session(),
            Message::Home(message) => {
                if let Screen::Home(home) = &mut self.session.screen {
                    match home.update(message) {
                        home::Action::Open(service) => self.open(service),
                    }
                }
            }
            Message::Unavailable(never) => match never {},
        }
        Task::none()
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
            (Some(backend), None) => backend.state().is_none(),
        }
    }

    fn is_ghost_tap(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.screen_since) < GHOST_TAP_GUARD
    }

    fn open(&mut self, service: Service) {
        tracing::info!(?service, "screen opened");
        let next = Screen::open(service);
        let previous = std::mem::replace(&mut self.session.screen, next);
        self.session.history.push(previous);
        self.screen_changed();
    }

    fn back(&mut self) {
        match self.session.history.pop() {
            Some(previous) => {
                self.session.screen = previous;
                self.screen_changed();
            }
            None => self.end_session(),
        }
    }

    /// Home, the default language, and every piece of session data dropped.
    fn end_session(&mut self) {
        self.session = Session::new(self.config.kiosk.default_language);
        self.screen_changed();
    }

    fn screen_changed(&mut self) {
        self.session.focus = None;
        self.screen_since = self.clock.instant();
    }

    fn on_key(&mut self, key: &keyboard::Key, modifiers: keyboard::Modifiers) -> Task<Message> {
        let Some(intent) = focus::intent(key, modifiers) else {
            return Task::none();
        };
        self.last_activity = self.clock.instant();
        let targets = self.focus_targets();
        match intent {
            KeyIntent::Back if self.is_idle_warning() => Task::none(),
            KeyIntent::Back if matches!(self.session.screen, Screen::Home(_)) => Task::none(),
            KeyIntent::Back => self.update(Message::Back),
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

    fn is_idle_warning(&self) -> bool {
        matches!(self.idle_phase(), IdlePhase::Warning { .. })
    }

    /// Every target of the current screen in reading order: content, languages, then navigation.
    pub fn focus_targets(&self) -> Vec<(FocusId, Message)> {
        if self.is_idle_warning() {
            return vec![(FocusId::MoreTime, Message::MoreTime)];
        }
        let mut targets: Vec<(FocusId, Message)> = match &self.session.screen {
            Screen::Home(home) => home
                .focus_targets()
                .into_iter()
                .map(|(id, m)| (id, Message::Home(m)))
                .collect(),
            Screen::Unavailable(state) => state
                .focus_targets()
                .into_iter()
                .map(|(id, m)| (id, Message::Unavailable(m)))
                .collect(),
        };
        targets.extend(
            self.config
                .kiosk
                .languages
                .iter()
                .map(|&l| (FocusId::Language(l), Message::Language(l))),
        );
        if !matches!(self.session.screen, Screen::Home(_)) {
            targets.push((FocusId::Back, Message::Back));
            targets.push((FocusId::StartAgain, Message::StartAgain));
        }
        targets
    }

    pub fn view(&self) -> Element<'_, Message> {
        let targets = self.focus_targets();
        let ctx = Context {
            i18n: &self.i18n,
            language: self.session.language,
            palette: self.palette,
            focused: self
                .session
                .focus
                .and_then(|i| targets.get(i))
                .map(|(id, _)| *id),
        };
        let on_home = matches!(self.session.screen, Screen::Home(_));
        let content: Element<'_, Message> = match &self.session.screen {
            Screen::Home(home) => home.view(&ctx).map(Message::Home),
            Screen::Unavailable(state) => state.view(&ctx).map(Message::Unavailable),
        };
        let offline = self.is_offline();
        let degraded = [
            printer_watch::degraded_message_id(&self.printer_status),
            offline.then_some("status-offline"),
        ];
        let degraded = column(
            degraded
                .into_iter()
                .flatten()
                .filter(|_| on_home)
                .map(|id| chrome::status_line(ctx.tr(id))),
        )
        .spacing(space::BETWEEN_TARGETS);
        let page = column![
            chrome::header(
                &ctx,
                &self.config.kiosk.municipality,
                self.logo.as_ref(),
                &self.now
            ),
            chrome::language_bar(&ctx, &self.config.kiosk.languages, Message::Language),
        ]
        .push(degraded)
        .push(container(content).height(Length::Fill).width(Length::Fill))
        .push(chrome::nav_bar(
            &ctx,
            (!on_home).then_some(Message::Back),
            (!on_home).then_some(Message::StartAgain),
        ))
        .spacing(space::PAGE)
        .padding(space::PAGE);
        let mut layers = stack![
            container(page)
                .style(theme::page)
                .width(Length::Fill)
                .height(Length::Fill)
        ];
        if let IdlePhase::Warning { remaining } = self.idle_phase() {
            layers = layers.push(idle_overlay(&ctx, remaining, Message::MoreTime));
        }
        if self.config.display.hide_cursor {
            hidden_cursor(layers)
        } else {
            layers.into()
        }
    }
}
