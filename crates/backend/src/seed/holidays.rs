//! Days the town hall is closed: Belgian public holidays plus the Flemish Community's day (11 July)
//! and the municipal staff's customary closures (2 Nov, 15 Nov King's Feast, 26 Dec).

use jiff::SignedDuration;
use jiff::civil::{Date, date};
use kiosk_api::{Closure, LocalizedText};

fn text(nl: &str, fr: &str, de: &str, en: &str) -> LocalizedText {
    LocalizedText {
        nl: nl.into(),
        fr: fr.into(),
        de: de.into(),
        en: en.into(),
    }
}

/// Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(
        year,
        i8::try_from(month).unwrap_or(4),
        i8::try_from(day).unwrap_or(1),
    )
}

pub fn for_year(year: i16) -> Vec<Closure> {
    let easter = easter(year);
    let after_easter = |days: i64| {
        easter
            .checked_add(SignedDuration::from_hours(24 * days))
            .unwrap_or(easter)
    };
    let mut out = vec![
        Closure {
            date: date(year, 1, 1),
            reason: text("Nieuwjaar", "Nouvel An", "Neujahr", "New Year's Day"),
        },
        Closure {
            date: after_easter(1),
            reason: text(
                "Paasmaandag",
                "Lundi de Pâques",
                "Ostermontag",
                "Easter Monday",
            ),
        },
        Closure {
            date: date(year, 5, 1),
            reason: text(
                "Dag van de Arbeid",
                "Fête du Travail",
                "Tag der Arbeit",
                "Labour Day",
            ),
        },
        Closure {
            date: after_easter(39),
            reason: text(
                "O.L.H. Hemelvaart",
                "Ascension",
                "Christi Himmelfahrt",
                "Ascension Day",
            ),
        },
        Closure {
            date: after_easter(40),
            reason: text("Brugdag", "Jour de pont", "Brückentag", "Bridge day"),
        },
        Closure {
            date: after_easter(50),
            reason: text(
                "Pinkstermaandag",
                "Lundi de Pentecôte",
                "Pfingstmontag",
                "Whit Monday",
            ),
        },
        Closure {
            date: date(year, 7, 11),
            reason: text(
                "Feest van de Vlaamse Gemeenschap",
                "Fête de la Communauté flamande",
                "Feiertag der Flämischen Gemeinschaft",
                "Flemish Community Day",
            ),
        },
        Closure {
            date: date(year, 7, 21),
            reason: text(
                "Nationale feestdag",
                "Fête nationale",
                "Nationalfeiertag",
                "Belgian National Day",
            ),
        },
        Closure {
            date: date(year, 8, 15),
            reason: text(
                "O.L.V. Hemelvaart",
                "Assomption",
                "Mariä Himmelfahrt",
                "Assumption Day",
            ),
        },
        Closure {
            date: date(year, 11, 1),
            reason: text(
                "Allerheiligen",
                "Toussaint",
                "Allerheiligen",
                "All Saints' Day",
            ),
        },
        Closure {
            date: date(year, 11, 2),
            reason: text(
                "Allerzielen",
                "Jour des Morts",
                "Allerseelen",
                "All Souls' Day",
            ),
        },
        Closure {
            date: date(year, 11, 11),
            reason: text(
                "Wapenstilstand",
                "Armistice",
                "Waffenstillstand",
                "Armistice Day",
            ),
        },
        Closure {
            date: date(year, 11, 15),
            reason: text(
                "Koningsdag",
                "Fête du Roi",
                "Festtag des Königs",
                "King's Feast",
            ),
        },
        Closure {
            date: date(year, 12, 25),
            reason: text("Kerstmis", "Noël", "Weihnachten", "Christmas Day"),
        },
        Closure {
            date: date(year, 12, 26),
            reason: text(
                "Tweede kerstdag",
                "Lendemain de Noël",
                "Zweiter Weihnachtstag",
                "Boxing Day",
            ),
        },
    ];
    out.sort_by_key(|c| c.date);
    out.dedup_by_key(|c| c.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates_are_right() {
        assert_eq!(easter(2026), date(2026, 4, 5));
        assert_eq!(easter(2027), date(2027, 3, 28));
    }

    #[test]
    fn flemish_holidays_are_closed() {
        let days: Vec<Date> = for_year(2026).iter().map(|c| c.date).collect();
        for d in [
            date(2026, 7, 11),
            date(2026, 11, 15),
            date(2026, 12, 25),
            date(2026, 4, 6),
        ] {
            assert!(days.contains(&d), "{d}");
        }
    }
}
