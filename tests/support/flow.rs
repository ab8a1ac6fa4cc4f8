//! One harness for every flow's screens, driven as the root drives them: a clock, a language,
//! taps delivered with `send`, answers with `answer`, every action kept, and the page drawn in
//! the space the root leaves it, in portrait and landscape.

use std::fmt::Debug;
use std::sync::Arc;

use iced::widget::container;
use iced::{Element, Length, Size};
use iced_test::Simulator;
use jiff::{SignedDuration, ZonedDateTime};

use kiosk::context::Context;
use kiosk::screen::flow::{Flow, Surroundings};
use kiosk::theme::{self, Palette, TextSizes};
use kiosk_core::i18n::{I18n, Language};
use kiosk_core::print::PrinterStatus;

/// The space the root leaves a screen between the header, the language bar and Back / Start
/// again (see `app.rs`): 1080 x 1920 and 1920 x 1080 minus chrome, margins and gaps.
pub const PORTRAIT: Size = Size::new(1000.0, 1380.0);
pub const LANDSCAPE: Size = Size::new(1840.0, 540.0);
/// Portrait with a reach band (`display.reach_top_percent = 25`): nothing to touch in the top
/// quarter, so the header takes it and the screen keeps what is left under the language bar.
pub const REACH: Size = Size::new(1000.0, 1120.0);

pub struct Harness<F: Flow> {
    pub state: F,
    pub i18n: Arc<I18n>,
    pub palette: Palette,
    pub language: Language,
    pub now: ZonedDateTime,
    pub printer: PrinterStatus,
    /// Every action the screens asked for, in order.
    pub actions: Vec<F::Action>,
}

impl<F> Harness<F>
where
    F: Flow,
    F::Action: Clone,
    F::Step: Debug,
    F::Message: 'static,
{
    /// `state` at `now` (RFC 9557, with the zone), in `language`, with the shipped accent colour.
    pub fn at(state: F, language: Language, now: &str) -> Self {
        let config = super::shipped_config();
        Self {
            state,
            i18n: super::i18n(),
            palette: Palette::new(config.kiosk.accent),
            language,
            now: now.parse().unwrap(),
            printer: PrinterStatus::Ready,
            actions: Vec::new(),
        }
    }

    pub fn ctx(&self) -> Context<'_> {
        self.ctx_with(TextSizes::STANDARD)
    }

    fn ctx_with(&self, size: TextSizes) -> Context<'_> {
        self.ctx_for(size, false)
    }

    /// The context of a screen of `space` (landscape when wider than tall) at `size`.
    fn ctx_for(&self, size: TextSizes, landscape: bool) -> Context<'_> {
        Context {
            i18n: &self.i18n,
            language: self.language,
            palette: self.palette,
            focused: None,
            size,
            landscape,
        }
    }

    fn around(&self) -> Surroundings<'_> {
        Surroundings {
            now: &self.now,
            kiosk_name: "test",
            printer: &self.printer,
            connection: None,
            card_reader: "staff-card-none",
            supervised: false,
            speech: None,
        }
    }

    /// The page in `size`, on the page background as the root draws it.
    pub fn ui(&self, size: Size) -> Simulator<'_, F::Message> {
        self.ui_with(size, TextSizes::STANDARD)
    }

    /// The page in `size` with the text at `text` sizes.
    pub fn ui_with(&self, size: Size, text: TextSizes) -> Simulator<'_, F::Message> {
        let view: Element<'_, F::Message> = container(self.state.view(
            &self.ctx_for(text, size.width > size.height),
            &self.around(),
        ))
        .width(Length::Fill)
        .height(Length::Fill)
        .style(theme::page)
        .into();
        Simulator::with_size(super::settings(), size, view)
    }

    /// The screen's targets for the keyboard and keypad, in reading order.
    pub fn focus_targets(&self) -> Vec<(kiosk::focus::FocusId, F::Message)> {
        self.state.focus_targets(&self.ctx())
    }

    /// The targets of the screen in landscape with larger text, where some screens take two
    /// parts and offer More.
    pub fn focus_targets_large_landscape(&self) -> Vec<F::Message> {
        self.state
            .focus_targets(&self.ctx_for(TextSizes::LARGE, true))
            .into_iter()
            .map(|(_, message)| message)
            .collect()
    }

    /// What the screen says aloud in landscape with larger text.
    pub fn spoken_large_landscape(&self) -> Vec<String> {
        self.state
            .spoken(&self.ctx_for(TextSizes::LARGE, true), &self.around())
            .lines
    }

    /// Whether `text` is on the landscape screen with larger text, wholly inside it.
    pub fn shows_large_landscape(&self, text: &str) -> bool {
        super::shows_inside(text, [LANDSCAPE], |size| {
            self.ui_with(size, TextSizes::LARGE)
        })
    }

    /// What each of the screen's targets says when it takes the focus (speech mode).
    pub fn focus_labels(&self) -> Vec<String> {
        let ctx = self.ctx();
        self.state
            .focus_targets(&ctx)
            .iter()
            .map(|(_, message)| self.state.focus_label(&ctx, message))
            .collect()
    }

    /// What the screen says aloud now (speech mode).
    pub fn spoken(&self) -> Vec<String> {
        self.state.spoken(&self.ctx(), &self.around()).lines
    }

    /// Delivers a tap.
    pub fn send(&mut self, message: F::Message) -> F::Action {
        let action = self.state.update(message, &self.now);
        self.actions.push(action.clone());
        action
    }

    /// Delivers an answer (backend, printer, card reader or scanner).
    pub fn answer(&mut self, reply: F::Reply) -> F::Action {
        let action = self.state.reply(reply, &self.now);
        self.actions.push(action.clone());
        action
    }

    /// What a click on `label` in `size` produces, without delivering it (nothing, for a
    /// button that cannot be pressed).
    pub fn click_messages(&self, label: &str, size: Size) -> Vec<F::Message> {
        let mut ui = self.ui(size);
        ui.click(label)
            .unwrap_or_else(|e| panic!("cannot click {label:?}: {e}"));
        ui.into_messages().collect()
    }

    /// Clicks `label` in `size` and delivers what it produced; returns the last action.
    pub fn click_in(&mut self, label: &str, size: Size) -> F::Action {
        let messages = self.click_messages(label, size);
        assert!(!messages.is_empty(), "clicking {label:?} produced nothing");
        let mut actions: Vec<F::Action> = messages
            .into_iter()
            .map(|message| self.send(message))
            .collect();
        actions.pop().unwrap()
    }

    /// Clicks `label` in portrait and delivers what it produced; returns the last action.
    pub fn click(&mut self, label: &str) -> F::Action {
        self.click_in(label, PORTRAIT)
    }

    /// Whether `text` is on screen, wholly inside it, in both portrait and landscape and under a
    /// reach band; and then the same screen with larger text must fit in both orientations
    /// (see [`Self::assert_large_text_fits`]). With larger text a page holds fewer choices, so
    /// `text` itself may be on the next page there.
    pub fn shows(&self, text: &str) -> bool {
        let shown = super::shows_inside(text, [PORTRAIT, LANDSCAPE, REACH], |size| self.ui(size));
        if shown {
            self.assert_large_text_fits();
        }
        shown
    }

    /// Whether `text` is on screen with larger text, wholly inside it, in both orientations.
    pub fn shows_large(&self, text: &str) -> bool {
        super::shows_inside(text, [PORTRAIT, LANDSCAPE], |size| {
            self.ui_with(size, TextSizes::LARGE)
        })
    }

    /// With larger text, in both orientations, every text of the screen lies wholly on it and
    /// is laid out at whole lines (see [`super::whole_lines`]): not cut off by its box.
    pub fn assert_large_text_fits(&self) {
        let sizes = super::text_sizes();
        // With larger text the header, the language bar and the navigation keep their sizes:
        // the screen has the same space as with standard text.
        for size in [PORTRAIT, LANDSCAPE] {
            let texts = super::texts_in(self.ui_with(size, TextSizes::LARGE));
            for (content, b) in texts {
                // The queue number is drawn at the size that fills its box, not at one of the
                // sizes: its fit is the ticket view's own (`checkin::ticket::number_size`).
                if is_queue_number(&content) && b.height >= 1.0 {
                    continue;
                }
                let inside = b.x >= -0.5
                    && b.y >= -0.5
                    && b.x + b.width <= size.width + 0.5
                    && b.y + b.height <= size.height + 0.5;
                assert!(
                    inside && super::whole_lines(b.height, &sizes),
                    "{:?} with larger text in {size:?}: {content:?} is cut off at {b:?}",
                    self.state.step()
                );
            }
        }
    }

    pub fn assert_shows(&self, text: &str) {
        assert!(
            self.shows(text),
            "{:?} does not show {text:?}",
            self.state.step()
        );
    }

    pub fn assert_hides(&self, text: &str) {
        for size in [PORTRAIT, LANDSCAPE] {
            assert!(
                self.ui(size).find(text).is_err(),
                "{:?} shows {text:?} in {size:?}",
                self.state.step()
            );
        }
    }

    /// Leaves the screen in both orientations, under a reach band and with larger text in `dir`
    /// as `<name>-<orientation>-tiny-skia.png` for a person to look at. Not a picture comparison: what it checks is that the picture
    /// was written, has the space's shape and is not blank, and that the screen shows what
    /// it says aloud (everything after the flow's name), wholly inside both orientations.
    pub fn dump(&self, dir: &std::path::Path, name: &str) {
        for (size, text, orientation) in [
            (PORTRAIT, TextSizes::STANDARD, "portrait"),
            (LANDSCAPE, TextSizes::STANDARD, "landscape"),
            (REACH, TextSizes::STANDARD, "reach"),
            (PORTRAIT, TextSizes::LARGE, "large-portrait"),
            (LANDSCAPE, TextSizes::LARGE, "large-landscape"),
        ] {
            let snapshot = self
                .ui_with(size, text)
                .snapshot(&self.palette.iced_theme())
                .unwrap();
            // iced names the file after its renderer and keeps an existing one: remove it.
            let written = dir.join(format!("{name}-{orientation}-tiny-skia.png"));
            let _ = std::fs::remove_file(&written);
            snapshot
                .matches_image(dir.join(format!("{name}-{orientation}.png")))
                .unwrap();
            let picture = image::open(&written)
                .unwrap_or_else(|e| panic!("{} not written: {e}", written.display()))
                .to_rgba8();
            // Drawn at the tests' scale factor: the space times that factor.
            let scale = picture.width() as f32 / size.width;
            assert!(
                scale >= 1.0 && (picture.height() as f32 - size.height * scale).abs() < 1.0,
                "{name} {orientation}: {}x{} for {size:?}",
                picture.width(),
                picture.height()
            );
            let colours: std::collections::HashSet<[u8; 4]> =
                picture.pixels().step_by(7).map(|p| p.0).collect();
            assert!(colours.len() > 8, "{name} {orientation} is blank");
        }
        // What the screen asks is said as it is shown; the rest may be worded for the ear
        // (a number spelled, what was typed).
        if let Some(question) = self.spoken().get(1) {
            self.assert_shows(question);
        }
    }

    /// Moves the clock on.
    pub fn advance(&mut self, seconds: i64) {
        self.now = self
            .now
            .checked_add(SignedDuration::from_secs(seconds))
            .unwrap();
    }

    /// How many of the kept actions match.
    pub fn count(&self, matches: impl Fn(&F::Action) -> bool) -> usize {
        self.actions.iter().filter(|a| matches(a)).count()
    }
}

/// "B007": a service letter and three digits.
fn is_queue_number(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.clone().count() == 3
        && chars.all(|c| c.is_ascii_digit())
}
