//! Words on paper come from the kiosk's Fluent bundles; this crate only asks for them by id, so it
//! does not depend on fluent (one i18n stack, owned by the kiosk).

/// Looks up a message in the resident's language.
///
/// Implementations should pass arguments that parse as integers as Fluent numbers, so that plural
/// selectors (`[one]`, `*[other]`) work, and must disable Unicode isolation marks
/// (`set_use_isolating(false)`): printers print U+2068/U+2069 as garbage.
pub trait Labels {
    fn text(&self, id: &str, args: &[(&str, String)]) -> String;

    /// A message without arguments.
    fn get(&self, id: &str) -> String {
        self.text(id, &[])
    }
}
