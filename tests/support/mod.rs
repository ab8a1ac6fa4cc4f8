//! Builds the kiosk UI for simulator tests: the shipped kiosk.toml, the embedded fonts and a
//! clock that moves only when a test says so.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod backend;
pub mod display;
pub mod driver;
pub mod e2e;
pub mod flow;
pub mod keyboard;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use iced::{Settings, Size};
use iced_test::Simulator;

use kiosk::app::{App, Message, Services};
use kiosk::widget::picture::Logo;
use kiosk::{fonts, theme};
use kiosk_core::clock::ManualClock;
use kiosk_core::config::{self, Config};
use kiosk_core::i18n::I18n;

pub const PORTRAIT: Size = Size::new(1080.0, 1920.0);
pub const LANDSCAPE: Size = Size::new(1920.0, 1080.0);

pub struct Kiosk {
    pub app: App,
    pub clock: ManualClock,
    pub config: Arc<Config>,
}

pub fn shipped_config() -> Config {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk.toml");
    config::load(&path).unwrap().config
}

/// The kiosk as `cargo run` starts it, on Saturday 28 November 2026 at 10:30 in Brussels.
pub fn kiosk() -> Kiosk {
    kiosk_with(shipped_config())
}

pub fn kiosk_with(config: Config) -> Kiosk {
    let start: jiff::ZonedDateTime = "2026-11-28T10:30:00+01:00[Europe/Brussels]"
        .parse()
        .unwrap();
    let clock = ManualClock::new(start);
    let config = Arc::new(config);
    let logo = config.kiosk.logo.as_deref().and_then(Logo::load);
    let app = App::kiosk(
        Arc::clone(&config),
        i18n(),
        Arc::new(clock.clone()),
        logo,
        Services::default(),
    );
    Kiosk { app, clock, config }
}

/// The runtime the driver runs a kiosk's tasks on (tasks that block, such as card calls, need
/// more than one thread); the test keeps it alive as long as the kiosk.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

pub fn i18n() -> Arc<I18n> {
    Arc::new(I18n::embedded().unwrap())
}

pub fn settings() -> Settings {
    Settings {
        fonts: fonts::ALL.iter().map(|font| (*font).into()).collect(),
        default_font: theme::REGULAR,
        ..Settings::default()
    }
}

impl Kiosk {
    pub fn ui(&self) -> Simulator<'_, Message> {
        self.ui_sized(PORTRAIT)
    }

    pub fn ui_sized(&self, size: Size) -> Simulator<'_, Message> {
        Simulator::with_size(settings(), size, self.app.view())
    }

    /// Clicks the widget showing exactly `label` and delivers what it produced.
    pub fn click(&mut self, label: &str) {
        let messages: Vec<Message> = {
            let mut ui = self.ui();
            ui.click(label)
                .unwrap_or_else(|e| panic!("cannot click {label:?}: {e}"));
            ui.into_messages().collect()
        };
        assert!(!messages.is_empty(), "clicking {label:?} produced nothing");
        self.deliver(messages);
    }

    pub fn deliver(&mut self, messages: impl IntoIterator<Item = Message>) {
        for message in messages {
            let _task = self.app.update(message);
        }
    }

    pub fn send(&mut self, message: Message) {
        self.deliver([message]);
    }

    /// Lets time pass, then lets the kiosk's one-second tick see it.
    pub fn wait(&mut self, duration: Duration) {
        self.clock.advance(duration);
        self.send(Message::Tick);
    }

    pub fn clock_now(&self) -> jiff::ZonedDateTime {
        use kiosk_core::clock::Clock;
        self.clock.now()
    }

    pub fn shows(&self, text: &str) -> bool {
        self.ui().find(text).is_ok()
    }

    pub fn session(&self) -> &kiosk::app::Session {
        &self.app.as_kiosk().expect("a running kiosk").session
    }
}

/// Every text of the kiosk's screen in `size`, with where it is drawn.
pub fn texts(kiosk: &Kiosk, size: Size) -> Vec<(String, iced::Rectangle)> {
    texts_in(kiosk.ui_sized(size))
}

/// Every text `ui` draws, with where it is drawn.
pub fn texts_in<M>(mut ui: Simulator<'_, M>) -> Vec<(String, iced::Rectangle)> {
    let found = std::sync::Mutex::new(Vec::new());
    // A selector that never matches visits every widget: each text is noted on the way.
    let _ = ui.find(|candidate: iced_test::selector::Candidate<'_>| {
        if let iced_test::selector::Candidate::Text {
            content, bounds, ..
        } = candidate
        {
            found.lock().unwrap().push((content.to_owned(), bounds));
        }
        None::<()>
    });
    found.into_inner().unwrap()
}

/// Whether a text `height` px tall is a whole number of lines of one of `sizes`: iced lays a
/// text out at its lines' height, and a text its box squeezes (a button drawn for smaller
/// words, a full column) at the box's, which is cut off on screen. Heuristic: a squeezed
/// height may by chance be a whole number of lines of another size (about 1 in 25).
pub fn whole_lines(height: f32, sizes: &[f32]) -> bool {
    sizes.iter().any(|size| {
        let line = size * kiosk::theme::LINE_HEIGHT;
        let lines = (height / line).round();
        lines >= 1.0 && (height - lines * line).abs() <= 0.75
    })
}

/// Every text size the kiosk draws a resident's screen with, standard and larger.
pub fn text_sizes() -> Vec<f32> {
    use kiosk::theme::TextSizes;
    let of = |t: TextSizes| [t.title, t.action, t.body, t.hint, t.clock, t.countdown];
    of(TextSizes::STANDARD)
        .into_iter()
        .chain(of(TextSizes::LARGE))
        // The municipality's name in the header.
        .chain([theme::size::BODY + 6.0])
        .collect()
}

/// Where a test leaves screenshots for a person to look at: `target/screens/<name>/`.
pub fn screens_dir(name: &str) -> std::path::PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("screens").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether `text` is on screen, and wholly inside it, in each of `sizes`: a flow's words must fit
/// portrait and landscape alike. A text found outside the screen fails the test at once.
pub fn shows_inside<'a, M: 'a, const N: usize>(
    text: &str,
    sizes: [Size; N],
    ui: impl Fn(Size) -> Simulator<'a, M>,
) -> bool {
    sizes.into_iter().all(|size| {
        let Ok(found) = ui(size).find(text) else {
            return false;
        };
        let b = found.bounds();
        // A text squeezed to no height by a full column is laid out but not seen.
        assert!(
            b.height >= 1.0 && b.width >= 1.0,
            "{text:?} is squeezed to nothing on the {size:?} screen: {b:?}"
        );
        let inside = b.x >= 0.0
            && b.y >= 0.0
            && b.x + b.width <= size.width + 0.5
            && b.y + b.height <= size.height + 0.5;
        assert!(inside, "{text:?} lies outside the {size:?} screen: {b:?}");
        true
    })
}
