//! The issued certificate's printable data, in the requested language, from a register entry.

use jiff::ZonedDateTime;
use kiosk_api::{
    CertificateDocument, CertificateType, CertifiedPerson, DocumentMunicipality,
    DocumentVerification, Location,
};

use crate::store::RegisterEntry;

/// `85073003328` -> `85.07.30-033.28`.
pub fn format_national_number(n: &str) -> String {
    match (
        n.get(0..2),
        n.get(2..4),
        n.get(4..6),
        n.get(6..9),
        n.get(9..11),
    ) {
        (Some(a), Some(b), Some(c), Some(d), Some(e)) => format!("{a}.{b}.{c}-{d}.{e}"),
        _ => n.to_owned(),
    }
}

/// `Jan Pieter` `De Smet` -> `J.P.D.S.`: enough for a receiving party to match, not to identify.
pub fn initials(first_names: &str, surname: &str) -> String {
    first_names
        .split_whitespace()
        .chain(surname.split_whitespace())
        .filter_map(|w| w.chars().next())
        .flat_map(|c| c.to_uppercase().chain(std::iter::once('.')))
        .collect()
}

pub fn localized(text: &kiosk_api::LocalizedText, language: &str) -> String {
    match language {
        "fr" => text.fr.clone(),
        "de" => text.de.clone(),
        "en" => text.en.clone(),
        _ => text.nl.clone(),
    }
}

pub fn municipality(location: &Location) -> DocumentMunicipality {
    let town = &location.address.municipality;
    let slug: String = town
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    DocumentMunicipality {
        name: town.clone(),
        address: vec![
            location.address.street.clone(),
            format!("{} {}", location.address.postal_code, town),
        ],
        website: format!("https://www.{slug}.be"),
    }
}

pub struct Issue<'a> {
    pub kind: &'a CertificateType,
    pub language: &'a str,
    pub purpose: Option<String>,
    pub location: &'a Location,
    pub document_number: String,
    pub code: String,
    pub issued_at: ZonedDateTime,
}

pub fn build(entry: &RegisterEntry, issue: Issue<'_>) -> CertificateDocument {
    let municipality = municipality(issue.location);
    let household = if issue.kind.code == "household" {
        entry
            .members
            .iter()
            .map(|m| {
                format!(
                    "{} {} ({})",
                    m.first_names,
                    m.surname,
                    m.birth_date.strftime("%d.%m.%Y")
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let url = format!("{}/verify?code={}", municipality.website, issue.code);
    CertificateDocument {
        certificate_type: issue.kind.code.clone(),
        language: issue.language.to_owned(),
        title: localized(&issue.kind.name, issue.language),
        municipality,
        person: CertifiedPerson {
            surname: entry.surname.clone(),
            first_names: entry.first_names.clone(),
            birth_place: entry.birth_place.clone(),
            birth_date: entry.birth_date,
            national_number: format_national_number(&entry.national_number),
            nationality: entry.nationality.clone(),
            address: entry.address.clone(),
            address_since: Some(entry.address_since),
        },
        household,
        purpose: issue.purpose,
        document_number: issue.document_number,
        issued_at: issue.issued_at,
        verification: DocumentVerification {
            url,
            code: issue.code,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_and_initials() {
        assert_eq!(format_national_number("85073003328"), "85.07.30-033.28");
        assert_eq!(initials("Jan Pieter", "De Smet"), "J.P.D.S.");
        assert_eq!(initials("Zoë", "Élan"), "Z.É.");
    }
}
