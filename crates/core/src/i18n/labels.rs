//! The kiosk's Fluent messages offered to `kiosk-print`, which asks for words by id only.

use fluent_bundle::{FluentArgs, FluentValue};

use super::{I18n, Language};

/// The words of one language, for one print job.
pub struct PrintLabels<'a> {
    pub i18n: &'a I18n,
    pub language: Language,
}

impl kiosk_print::Labels for PrintLabels<'_> {
    fn text(&self, id: &str, args: &[(&str, String)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            // Numbers go in as numbers, so that plural selectors ([one], *[other]) work.
            match value.parse::<i64>() {
                Ok(number) => fluent.set(*name, FluentValue::from(number)),
                Err(_) => fluent.set(*name, FluentValue::from(value.clone())),
            }
        }
        self.i18n.format(self.language, id, Some(&fluent))
    }
}
