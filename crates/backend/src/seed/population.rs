//! A synthetic population register: households at addresses in the demo municipality, residents with
//! valid national numbers. Names are combined from common-name lists: no real person is described.

use std::collections::HashSet;

use jiff::SignedDuration;
use jiff::civil::{Date, date};

use super::municipality::{MUNICIPALITY, POSTAL_CODE};
use super::national_number;
use super::rng::Rng;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Household {
    pub id: i64,
    pub street: String,
    pub house_number: String,
    pub box_number: Option<String>,
    pub postal_code: String,
    pub municipality: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resident {
    pub id: i64,
    pub national_number: String,
    pub surname: String,
    pub first_names: String,
    /// `M` or `F`
    pub gender: String,
    pub birth_date: Date,
    pub birth_place: String,
    pub nationality: String,
    pub civil_status: String,
    pub household_id: i64,
    pub is_reference: bool,
    pub registered_since: Date,
}

const SURNAMES: &[&str] = &[
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Dupont",
    "Hermans",
    "Vermeulen",
    "Van den Broeck",
    "Aerts",
    "Smets",
    "Verhoeven",
    "Michiels",
    "Coppens",
    "Stevens",
    "Leclercq",
    "Vandenberghe",
    "Van Damme",
    "Segers",
    "Bogaerts",
    "Pauwels",
    "Moens",
    "Lemmens",
    "Cuypers",
    "Vos",
    "Geerts",
    "Thijs",
    "Wuyts",
    "Claessens",
    "Hendrickx",
    "Martens",
    "Yilmaz",
    "El Amrani",
    "Kowalski",
    "Rossi",
    "Nowak",
    "Schmitz",
    "Leroy",
];
const MALE: &[&str] = &[
    "Lucas", "Noah", "Louis", "Liam", "Arthur", "Jules", "Finn", "Mats", "Wout", "Jan", "Luc",
    "Marc", "Dirk", "Pieter", "Tom", "Bart", "Koen", "Jef", "Willy", "Jozef", "André", "Mehmet",
    "Youssef", "Tomasz", "Elias",
];
const FEMALE: &[&str] = &[
    "Emma",
    "Olivia",
    "Louise",
    "Mila",
    "Elena",
    "Noor",
    "Lotte",
    "Fien",
    "Marie",
    "Anna",
    "Els",
    "An",
    "Katrien",
    "Sofie",
    "Ilse",
    "Hilde",
    "Maria",
    "Godelieve",
    "Rita",
    "Chantal",
    "Ayse",
    "Fatima",
    "Zofia",
    "Léa",
    "Ines",
];
const STREETS: &[&str] = &[
    "Marktplein",
    "Kerkstraat",
    "Stationsstraat",
    "Heidestraat",
    "Molenweg",
    "Schoolstraat",
    "Dorpsstraat",
    "Beukenlaan",
    "Eikenlaan",
    "Kiezelweg",
    "Brugstraat",
    "Veldstraat",
    "Zandstraat",
    "Vijverstraat",
    "Lindenlaan",
    "Bosstraat",
    "Hoeveweg",
    "Kapelstraat",
    "Nieuwstraat",
    "Oude Baan",
];
const BIRTH_PLACES: &[&str] = &[
    "Hasselt",
    "Genk",
    "Leuven",
    "Antwerpen",
    "Gent",
    "Brussel",
    "Luik",
    "Mechelen",
    "Sint-Truiden",
    "Tongeren",
];

fn add_days(d: Date, days: i64) -> Date {
    d.checked_add(SignedDuration::from_hours(24 * days))
        .unwrap_or(d)
}

fn random_birth(rng: &mut Rng, from_year: i16, to_year: i16) -> Date {
    let start = date(from_year, 1, 1);
    let span = (i64::from(to_year) - i64::from(from_year) + 1) * 365;
    add_days(start, rng.range(0, span - 1))
}

struct Register {
    residents: Vec<Resident>,
    numbers: HashSet<String>,
}

impl Register {
    fn add(&mut self, rng: &mut Rng, mut person: Resident) {
        // Counters are odd for men and even for women; retry on the rare collision.
        for _ in 0..50 {
            let base = u16::try_from(rng.range(1, 498)).unwrap_or(1) * 2;
            let counter = if person.gender == "M" { base - 1 } else { base };
            let number = national_number::make(person.birth_date, counter);
            if self.numbers.insert(number.clone()) {
                person.national_number = number;
                person.id = i64::try_from(self.residents.len()).unwrap_or(0) + 1;
                self.residents.push(person);
                return;
            }
        }
    }
}

/// At least `min_residents` people in households (singles, couples, families with children born in
/// both centuries), all registered in the demo municipality.
pub fn generate(rng: &mut Rng, min_residents: usize) -> (Vec<Household>, Vec<Resident>) {
    let mut households = Vec::new();
    let mut register = Register {
        residents: Vec::new(),
        numbers: HashSet::new(),
    };
    let mut addresses = HashSet::new();
    while register.residents.len() < min_residents {
        let household_id = i64::try_from(households.len()).unwrap_or(0) + 1;
        let (street, number) = loop {
            let street = rng.pick(STREETS).copied().unwrap_or("Marktplein");
            let number = rng.range(1, 180);
            if addresses.insert((street, number)) {
                break (street, number);
            }
        };
        households.push(Household {
            id: household_id,
            street: street.into(),
            house_number: number.to_string(),
            box_number: rng.chance(15).then(|| rng.range(1, 12).to_string()),
            postal_code: POSTAL_CODE.into(),
            municipality: MUNICIPALITY.into(),
        });
        let surname = rng.pick(SURNAMES).copied().unwrap_or("Peeters").to_string();
        let since = random_birth(rng, 1985, 2025);
        let reference_male = rng.chance(50);
        let reference_birth = random_birth(rng, 1935, 2004);
        let kind = rng.below(100);
        let couple = kind >= 35;
        let reference = person(
            rng,
            &surname,
            reference_male,
            reference_birth,
            household_id,
            true,
            since,
            couple,
        );
        register.add(rng, reference);
        if couple {
            let partner_surname = rng.pick(SURNAMES).copied().unwrap_or("Maes").to_string();
            let partner_birth = add_days(reference_birth, rng.range(-1500, 1500));
            let partner = person(
                rng,
                &partner_surname,
                !reference_male,
                partner_birth,
                household_id,
                false,
                since,
                true,
            );
            register.add(rng, partner);
            if kind >= 55 && reference_birth.year() >= 1965 {
                for _ in 0..rng.range(1, 3) {
                    let earliest = (reference_birth.year() + 20).max(1990);
                    let birth = random_birth(rng, earliest, 2024);
                    let male = rng.chance(50);
                    let child = person(
                        rng,
                        &surname,
                        male,
                        birth,
                        household_id,
                        false,
                        since.max(birth),
                        false,
                    );
                    register.add(rng, child);
                }
            }
        }
    }
    (households, register.residents)
}

#[allow(clippy::too_many_arguments)]
fn person(
    rng: &mut Rng,
    surname: &str,
    male: bool,
    birth: Date,
    household_id: i64,
    is_reference: bool,
    since: Date,
    married: bool,
) -> Resident {
    let names = if male { MALE } else { FEMALE };
    let mut first_names = rng.pick(names).copied().unwrap_or("Jan").to_string();
    if rng.chance(40) {
        first_names.push(' ');
        first_names.push_str(rng.pick(names).copied().unwrap_or("Maria"));
    }
    let adult = birth.year() <= 2006;
    Resident {
        id: 0,
        national_number: String::new(),
        surname: surname.into(),
        first_names,
        gender: if male { "M" } else { "F" }.into(),
        birth_date: birth,
        birth_place: rng.pick(BIRTH_PLACES).copied().unwrap_or("Hasselt").into(),
        nationality: if rng.chance(92) {
            "Belg"
        } else {
            "Nederlander"
        }
        .into(),
        civil_status: if married && adult {
            "gehuwd"
        } else {
            "ongehuwd"
        }
        .into(),
        household_id,
        is_reference,
        registered_since: since,
    }
}
