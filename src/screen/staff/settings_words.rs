//! The settings in a desk clerk's words: a value as the clerk knows it ("Network (TCP)",
//! "Nederlands", "80 mm") instead of the word kiosk.toml keeps (`tcp`, `nl-BE`, `80`), and why a
//! value was refused in the clerk's language. What only IT can cause stays in IT's words.

use kiosk_core::config::{Need, Reason, SERIAL_SPEEDS};
use kiosk_core::i18n::{FluentArgs, Language};

use super::settings::{self, Detail};
use crate::context::Context;

/// A setting's value as the list, its choice buttons and speech mode say it.
pub fn value_words(ctx: &Context<'_>, key: &str, value: &str) -> String {
    match key {
        "kiosk.languages" => value
            .split(',')
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
            .map(|tag| language_name(ctx, tag))
            .collect::<Vec<_>>()
            .join(", "),
        "kiosk.default_language" => language_name(ctx, value),
        "printer.ticket.paper_width_mm" => format!("{value} mm"),
        "printer.ticket.transport" | "scanner.enabled" | "card_reader.mode" => {
            // `staff-setting-printer-ticket-transport-tcp`: the setting's name, then the value.
            let id = format!("{}-{value}", settings::label_id(key));
            // A value written by hand in the file that no message names is shown as written.
            if ctx.i18n.has_message(ctx.language, &id) {
                ctx.tr(&id)
            } else {
                value.to_owned()
            }
        }
        _ => value.to_owned(),
    }
}

/// A language by its own name, as the language bar shows it.
fn language_name(ctx: &Context<'_>, tag: &str) -> String {
    tag.parse::<Language>()
        .map(|language| ctx.i18n.text(language, "language-name"))
        .unwrap_or_else(|_| tag.to_owned())
}

/// One line under a refusal: the setting by its name on the screen, then why.
pub fn detail_text(ctx: &Context<'_>, detail: &Detail) -> String {
    let reason = reason_text(ctx, &detail.reason);
    if detail.key.is_empty() {
        return reason;
    }
    let label_id = settings::label_id(&detail.key);
    let label = if ctx.i18n.has_message(ctx.language, &label_id) {
        ctx.tr(&label_id)
    } else {
        detail.key.clone()
    };
    let mut args = FluentArgs::new();
    args.set("setting", label);
    args.set("reason", reason);
    ctx.tr_args("staff-reason-line", &args)
}

/// Why, in the clerk's language; IT's own words for what a clerk cannot cause.
fn reason_text(ctx: &Context<'_>, reason: &Reason) -> String {
    let mut args = FluentArgs::new();
    let id = match reason {
        Reason::Empty => "staff-reason-empty",
        Reason::OutOfRange {
            value, low, high, ..
        } => {
            args.set("value", *value);
            args.set("low", *low);
            args.set("high", *high);
            "staff-reason-out-of-range"
        }
        Reason::ListedTwice { tag } => {
            args.set("language", language_name(ctx, tag));
            "staff-reason-listed-twice"
        }
        Reason::NoLanguage => "staff-reason-no-language",
        Reason::DefaultNotOffered { tag } => {
            args.set("language", language_name(ctx, tag));
            "staff-reason-default-not-offered"
        }
        Reason::NotSerialSpeed { value } => {
            args.set("value", *value);
            args.set(
                "speeds",
                SERIAL_SPEEDS
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            "staff-reason-not-serial-speed"
        }
        Reason::Needs(need) => match need {
            Need::Host => "staff-reason-needs-host",
            Need::SerialDevice => "staff-reason-needs-serial-device",
            Need::UsbDevice => "staff-reason-needs-usb-device",
            Need::Folder => "staff-reason-needs-folder",
            Need::CupsQueue => "staff-reason-needs-queue",
        },
        Reason::ScannerPath => "staff-reason-scanner-path",
        Reason::NotANumber { input } => {
            args.set("input", input.clone());
            "staff-reason-not-a-number"
        }
        Reason::Other(words) => return words.clone(),
    };
    // No unit: the setting's name says it ("Idle time (seconds)").
    ctx.tr_args(id, &args)
}
