//! The staff screen's "Settings": what a desk clerk may change in kiosk.toml
//! ([`kiosk_core::config::edit::EDITABLE`]), one setting at a time in the editor its kind needs
//! (a choice list, the number pad, the on-screen keyboard), then "Save and restart". The file
//! is read and written by the effects runner; this is only the state between.

use std::sync::Arc;

use kiosk_core::config::Reason;
use kiosk_core::config::edit::{EDITABLE, EditError, Editable, Kind, SettingsEdit};

use crate::widget::keyboard::{Keyboard, KeyboardMessage, Outcome};
use crate::widget::keypad::{self, KeypadMessage};

/// Settings shown on one page of the list: three rows of two in landscape, six in portrait.
pub const PAGE_SIZE: usize = 6;

/// The longest value typed for a setting: paths, addresses and names are short.
const LONGEST_VALUE: usize = 120;
/// The most digits of a number setting (seconds, a port).
const LONGEST_NUMBER: usize = 6;

/// kiosk.toml as opened for changes. Its `Debug` names only the file: the text holds the
/// staff PIN.
#[derive(Clone)]
pub struct OpenedSettings(pub Arc<SettingsEdit>);

impl std::fmt::Debug for OpenedSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OpenedSettings({})", self.0.path().display())
    }
}

impl PartialEq for OpenedSettings {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for OpenedSettings {}

/// Why settings were not taken: a sentence in the staff member's language (a message id) and
/// a line for each thing wrong, worded on screen by [`super::settings_words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub sentence: &'static str,
    pub detail: Vec<Detail>,
}

/// One thing wrong: the setting it is about (empty for the whole file) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub key: String,
    pub reason: Reason,
}

impl Detail {
    /// IT's words, about no one setting (a file that cannot be written, this build).
    fn words(words: impl Into<String>) -> Self {
        Self {
            key: String::new(),
            reason: Reason::Other(words.into()),
        }
    }
}

impl Refusal {
    pub fn from_error(error: &EditError) -> Self {
        match error {
            EditError::NotEditable(_) => Self {
                sentence: "staff-settings-bad-value",
                detail: vec![Detail::words(error.to_string())],
            },
            EditError::BadValue { key, reason } => Self {
                sentence: "staff-settings-bad-value",
                detail: vec![Detail {
                    key: key.clone(),
                    reason: reason.clone(),
                }],
            },
            EditError::Refused(refused) => Self {
                sentence: "staff-settings-refused",
                detail: refused
                    .problems
                    .iter()
                    .map(|problem| match problem.reason {
                        // IT's problem, with the file and line IT needs to find it.
                        Reason::Other(_) => Detail::words(problem.to_string()),
                        _ => Detail {
                            key: problem.key.clone(),
                            reason: problem.reason.clone(),
                        },
                    })
                    .collect(),
            },
            EditError::Io(_) => Self {
                sentence: "staff-settings-not-written",
                detail: vec![Detail::words(error.to_string())],
            },
        }
    }

    /// What this build cannot do (the embedded demo in a production kiosk).
    pub fn not_in_this_build(reasons: &[&str]) -> Self {
        Self {
            sentence: "staff-settings-not-in-this-build",
            detail: reasons
                .iter()
                .map(|reason| Detail::words(*reason))
                .collect(),
        }
    }

    pub fn not_read(detail: String) -> Self {
        Self {
            sentence: "staff-settings-not-read",
            detail: vec![Detail::words(detail)],
        }
    }
}

/// One setting being changed.
#[derive(Debug, Clone)]
pub struct Editor {
    pub index: usize,
    /// What was typed or chosen, as the file would show it.
    pub value: String,
    pub keyboard: Keyboard,
    /// Why the value was not taken.
    pub problem: Option<Refusal>,
}

impl Editor {
    pub fn setting(&self) -> Editable {
        EDITABLE[self.index % EDITABLE.len()]
    }

    /// The languages chosen, in the order of the language bar.
    pub fn languages(&self) -> Vec<&str> {
        self.value
            .split(',')
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
            .collect()
    }
}

/// What staff do on the settings pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Open(usize),
    Page(usize),
    Typed(KeyboardMessage),
    Digit(KeypadMessage),
    Choose(&'static str),
    ToggleLanguage(&'static str),
    LanguagesDone,
    DismissRefusal,
}

/// The settings pages' state: `None` while the file is being read.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub opened: Option<OpenedSettings>,
    pub page: usize,
    pub editor: Option<Editor>,
    /// Why the file could not be read or the changes were not saved.
    pub refusal: Option<Refusal>,
    pub saving: bool,
}

impl Settings {
    pub fn pages() -> usize {
        EDITABLE.len().div_ceil(PAGE_SIZE)
    }

    /// The value the file holds (with the changes made so far), `None` when it leaves it out.
    pub fn current(&self, key: &str) -> Option<String> {
        self.opened.as_ref()?.0.current(key)
    }

    pub fn input(&mut self, input: Input) {
        match input {
            Input::Open(index) if index < EDITABLE.len() && self.opened.is_some() => {
                let value = self.current(EDITABLE[index].key).unwrap_or_default();
                self.editor = Some(Editor {
                    index,
                    value,
                    keyboard: Keyboard::new(),
                    problem: None,
                });
            }
            Input::Page(page) if page < Self::pages() => self.page = page,
            Input::DismissRefusal => self.refusal = None,
            Input::Typed(key) => {
                let Some(editor) = self.editor.as_mut() else {
                    return;
                };
                if matches!(key, KeyboardMessage::Insert(_))
                    && editor.value.chars().count() >= LONGEST_VALUE
                {
                    return;
                }
                if editor.keyboard.update(&mut editor.value, key) == Outcome::Done {
                    self.apply();
                }
            }
            Input::Digit(key) => {
                let Some(editor) = self.editor.as_mut() else {
                    return;
                };
                if keypad::apply_number(&mut editor.value, key, LONGEST_NUMBER) == Outcome::Done {
                    self.apply();
                }
            }
            Input::Choose(choice) => {
                if let Some(editor) = self.editor.as_mut() {
                    editor.value = choice.to_owned();
                    self.apply();
                }
            }
            Input::ToggleLanguage(tag) => {
                if let Some(editor) = self.editor.as_mut() {
                    let mut tags: Vec<String> =
                        editor.languages().into_iter().map(str::to_owned).collect();
                    if tags.iter().any(|t| t == tag) {
                        tags.retain(|t| t != tag);
                    } else {
                        tags.push(tag.to_owned());
                    }
                    editor.value = tags.join(", ");
                }
            }
            Input::LanguagesDone => self.apply(),
            _ => {}
        }
    }

    /// Puts the editor's value into the file's text (nothing reaches the disk before "Save
    /// and restart"); a value of the wrong kind stays in the editor with the reason.
    fn apply(&mut self) {
        let (Some(editor), Some(opened)) = (self.editor.as_mut(), self.opened.as_mut()) else {
            return;
        };
        let key = editor.setting().key;
        let mut edit = (*opened.0).clone();
        match edit.set(key, &editor.value) {
            Ok(()) => {
                opened.0 = Arc::new(edit);
                self.editor = None;
            }
            Err(error) => editor.problem = Some(Refusal::from_error(&error)),
        }
    }

    /// Back within the settings: out of the editor, keeping the file as it was.
    pub fn back(&mut self) -> bool {
        if self.refusal.is_some() && self.opened.is_some() {
            self.refusal = None;
            return true;
        }
        self.editor.take().is_some()
    }
}

/// The message id naming a setting: `kiosk.idle_timeout_s` is `staff-setting-kiosk-idle-timeout-s`.
pub fn label_id(key: &str) -> String {
    format!("staff-setting-{}", key.replace(['.', '_'], "-"))
}

/// Whether the setting is typed on the keyboard, the number pad, or chosen.
pub fn kind(index: usize) -> Kind {
    EDITABLE[index % EDITABLE.len()].kind
}

/// What a settings button says aloud (speech mode): the setting's name, the key, the choice,
/// as the button shows it.
pub fn input_label(
    ctx: &crate::context::Context<'_>,
    settings: &Settings,
    input: &Input,
) -> String {
    match input {
        Input::Open(i) => EDITABLE
            .get(*i)
            .map(|setting| ctx.tr(&label_id(setting.key)))
            .unwrap_or_default(),
        Input::Page(page) if *page < settings.page => ctx.tr("staff-settings-previous"),
        Input::Page(_) => ctx.tr("staff-settings-more"),
        Input::ToggleLanguage(tag) => tag
            .parse::<kiosk_core::i18n::Language>()
            .map(|language| ctx.i18n.text(language, "language-name"))
            .unwrap_or_else(|_| (*tag).to_owned()),
        Input::Typed(key) => crate::widget::key_names::keyboard(ctx, key),
        Input::Digit(key) => crate::widget::key_names::keypad(ctx, key),
        Input::Choose(value) => settings
            .editor
            .as_ref()
            .map(|editor| super::settings_words::value_words(ctx, editor.setting().key, value))
            .unwrap_or_else(|| (*value).to_owned()),
        Input::LanguagesDone => ctx.tr("input-key-done"),
        Input::DismissRefusal => ctx.tr("staff-settings-change"),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use kiosk_core::config::{ConfigError, ConfigProblem, Unit};

    use super::*;

    /// A refusal keeps what a clerk caused as a kind to be worded in the clerk's language, and
    /// what only IT can mend in IT's words with the file and line that find it.
    #[test]
    fn a_refusal_keeps_the_clerks_reasons_as_kinds_and_its_own_with_the_files_place() {
        let problem = |line, key: &str, reason| ConfigProblem {
            file: PathBuf::from("/etc/kiosk/kiosk.toml"),
            line: Some(line),
            key: key.to_owned(),
            reason,
        };
        let out_of_range = Reason::OutOfRange {
            value: 0,
            low: 15,
            high: 3600,
            unit: Unit::Seconds,
        };
        let refusal = Refusal::from_error(&EditError::Refused(ConfigError {
            problems: vec![
                problem(9, "kiosk.idle_timeout_s", out_of_range.clone()),
                problem(4, "kiosk.timezone", Reason::Other("not a time zone".into())),
            ],
        }));
        assert_eq!(refusal.sentence, "staff-settings-refused");
        assert_eq!(
            refusal.detail,
            vec![
                Detail {
                    key: "kiosk.idle_timeout_s".into(),
                    reason: out_of_range,
                },
                Detail {
                    key: String::new(),
                    reason: Reason::Other(
                        "/etc/kiosk/kiosk.toml:4: kiosk.timezone: not a time zone".into()
                    ),
                },
            ]
        );
    }
}
