//! The languages the kiosk speaks.

use std::fmt;
use std::str::FromStr;

/// A language offered at the kiosk. Dutch is the municipality's language and the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    #[default]
    Dutch,
    French,
    German,
    English,
}

impl Language {
    pub const ALL: [Language; 4] = [
        Language::Dutch,
        Language::French,
        Language::German,
        Language::English,
    ];

    /// The BCP 47 tag, which is also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Dutch => "nl-BE",
            Language::French => "fr-BE",
            Language::German => "de-BE",
            Language::English => "en",
        }
    }

    /// The two-letter code used for multilingual names on the wire (`{"nl": .., "fr": ..}`).
    pub fn short_code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::French => "fr",
            Language::German => "de",
            Language::English => "en",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The text was not one of the four language tags.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: use one of nl-BE, fr-BE, de-BE, en")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        Language::ALL
            .into_iter()
            .find(|language| language.tag().eq_ignore_ascii_case(tag))
            .ok_or_else(|| UnknownLanguage(tag.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_unknown_tags_are_refused() {
        for language in Language::ALL {
            assert_eq!(language.tag().parse::<Language>(), Ok(language));
        }
        assert_eq!("NL-be".parse::<Language>(), Ok(Language::Dutch));
        assert!("nl".parse::<Language>().is_err());
        assert!("es-ES".parse::<Language>().is_err());
    }
}
