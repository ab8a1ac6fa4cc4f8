//! Names and sentences in the resident's language. Every word comes from
//! `locales/*/certificate.ftl`; type names from the catalogue.

use kiosk_core::i18n::FluentArgs;

use crate::context::Context;

pub use kiosk_core::i18n::localized;

/// What a certificate type is for, when the locales know its code (a type the catalogue
/// adds later shows its name alone until its words are written).
pub fn about(ctx: &Context<'_>, code: &str) -> Option<String> {
    let id = format!("certificate-about-{code}");
    ctx.i18n.has_message(ctx.language, &id).then(|| ctx.tr(&id))
}

/// A message with one argument.
pub fn with(ctx: &Context<'_>, id: &str, name: &'static str, value: impl ToString) -> String {
    let mut args = FluentArgs::new();
    args.set(name, value.to_string());
    ctx.tr_args(id, &args)
}

/// A message with a count: Fluent picks the plural by number, so it is passed as one.
pub fn count(ctx: &Context<'_>, id: &str, name: &'static str, value: u8) -> String {
    let mut args = FluentArgs::new();
    args.set(name, value);
    ctx.tr_args(id, &args)
}
