//! What every view needs besides its own state: the words, the look and the focus.

use kiosk_core::i18n::{FluentArgs, I18n, Language};

use crate::focus::FocusId;
use crate::theme::{Palette, TextSizes};

#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub i18n: &'a I18n,
    pub language: Language,
    pub palette: Palette,
    /// What the keyboard or keypad has focused, drawn with a thick outline.
    pub focused: Option<FocusId>,
    /// The session's text sizes: standard, or large when the resident asked for it.
    pub size: TextSizes,
    /// The screen is wider than tall. A view measures its own space; this is for what must
    /// agree with the view without drawing it: a screen whose words take two parts in
    /// landscape with larger text has one more target (More) and one more tap.
    pub landscape: bool,
}

impl Context<'_> {
    /// The message `id` in the resident's language.
    pub fn tr(&self, id: &str) -> String {
        self.i18n.text(self.language, id)
    }

    pub fn tr_args(&self, id: &str, args: &FluentArgs) -> String {
        self.i18n.format(self.language, id, Some(args))
    }

    pub fn is_focused(&self, id: FocusId) -> bool {
        self.focused == Some(id)
    }
}
