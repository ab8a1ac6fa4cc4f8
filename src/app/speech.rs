//! Speech mode at the root: the keys that work it, and saying what changed after every message
//! (the screen when it appears, then only its new lines, or the button the focus moved to).

use kiosk_core::devices::headset::JackEvent;

use super::router::on_screen;
use super::{Kiosk, SAID_KEPT};
use crate::focus::FocusId;
use crate::screen::flow::{Flow, Spoken};
use crate::speech_mode::{SpeechKey, voice_language};

impl Kiosk {
    /// A speech key of the keypad, or the "Read aloud" button.
    pub(super) fn speech_key(&mut self, key: SpeechKey) {
        if !self.config.speech.enabled {
            return;
        }
        let speech = &mut self.session.speech;
        match key {
            SpeechKey::Toggle => {
                if speech.toggle() {
                    let rate = speech.rate();
                    if let Some(service) = &self.services.speech {
                        service.set_rate(rate);
                    }
                    let screen = self.spoken_now();
                    let focus = self.focused_label();
                    let said = self.session.speech.next(&screen, focus).unwrap_or_default();
                    self.say(format!("{} {said}", self.tr("speech-on")));
                } else {
                    // Said once more, as speech goes off.
                    self.say(self.tr("speech-off"));
                }
            }
            _ if !speech.is_on() => {}
            SpeechKey::Repeat => speech.forget(),
            SpeechKey::Faster | SpeechKey::Slower => {
                let rate = speech.change_rate(key == SpeechKey::Faster);
                if let Some(service) = &self.services.speech {
                    service.set_rate(rate);
                }
                let id = if key == SpeechKey::Faster {
                    "speech-faster"
                } else {
                    "speech-slower"
                };
                self.say(self.tr(id));
            }
            SpeechKey::Help => self.say(self.tr("speech-help")),
        }
    }

    /// The headphone jack: a headset plugged in turns speech on, as the speech key would, and
    /// pulled out turns it off.
    pub(super) fn headset(&mut self, jack: JackEvent) {
        if self.session.speech.is_on() != (jack == JackEvent::Plugged) {
            self.speech_key(SpeechKey::Toggle);
        }
    }

    /// Says what changed since the last message, when speech mode is on.
    pub(super) fn announce(&mut self) {
        if !self.session.speech.is_on() {
            return;
        }
        let screen = self.spoken_now();
        let focus = self.focused_label();
        if let Some(text) = self.session.speech.next(&screen, focus) {
            self.say(text);
        }
    }

    fn say(&mut self, text: String) {
        let utterance = kiosk_speech::Utterance::new(voice_language(self.session.language), text);
        if let Some(service) = &self.services.speech {
            service.say(utterance.clone());
        }
        if self.session.said.len() == SAID_KEPT {
            self.session.said.pop_front();
        }
        self.session.said.push_back(utterance);
    }

    fn tr(&self, id: &str) -> String {
        self.i18n.text(self.session.language, id)
    }

    /// What the screen says now: the idle question over anything else; the start screen's
    /// notices (printer, offline) after its own words.
    pub fn spoken_now(&self) -> Spoken {
        if self.is_idle_warning() {
            return Spoken::new([self.tr("idle-title"), self.tr("idle-more-time")]);
        }
        let ctx = self.context(None);
        let around = self.surroundings();
        let mut spoken = on_screen!(&self.session.screen, flow => flow.spoken(&ctx, &around));
        spoken
            .lines
            .extend(self.degraded_ids().into_iter().map(|id| self.tr(id)));
        spoken
    }

    /// What the focused button says, if a button has the focus.
    pub fn focused_label(&self) -> Option<String> {
        let targets = self.focus_targets();
        let (id, _) = self.session.focus.and_then(|i| targets.get(i))?;
        let ctx = self.context(Some(*id));
        Some(match *id {
            FocusId::Language(language) => self.i18n.text(language, "language-name"),
            FocusId::Back => self.tr("nav-back"),
            FocusId::StartAgain => self.tr("nav-home"),
            FocusId::MoreTime => self.tr("idle-more-time"),
            FocusId::Speech if self.session.speech.is_on() => self.tr("speech-button-stop"),
            FocusId::Speech => self.tr("speech-button"),
            FocusId::LargeText if self.session.large_text => self.tr("large-text-button-stop"),
            FocusId::LargeText => self.tr("large-text-button"),
            FocusId::Content(_) => on_screen!(&self.session.screen, flow => {
                Flow::focus_targets(flow, &ctx)
                    .into_iter()
                    .find(|(target, _)| target == id)
                    .map(|(_, message)| flow.focus_label(&ctx, &message))
                    .unwrap_or_default()
            }),
        })
    }
}
