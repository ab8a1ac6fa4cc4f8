//! The demo municipality's reference data: two offices, their hours, products, queues, certificates.

use jiff::civil::{Time, time};
use kiosk_api::{
    Address, ArrivalWindow, CertificateType, CustomerField, Delivery, LocalizedText, Location,
    OpeningPeriod, Product, QueueService, WalkIn, Weekday,
};

pub const MUNICIPALITY: &str = "Heidebeek";
pub const POSTAL_CODE: &str = "3599";
pub const TIMEZONE: &str = "Europe/Brussels";

pub fn text(nl: &str, fr: &str, de: &str, en: &str) -> LocalizedText {
    LocalizedText {
        nl: nl.into(),
        fr: fr.into(),
        de: de.into(),
        en: en.into(),
    }
}

fn period(weekday: Weekday, opens: Time, closes: Time) -> OpeningPeriod {
    OpeningPeriod {
        weekday,
        opens,
        closes,
    }
}

fn town_hall_hours() -> Vec<OpeningPeriod> {
    use Weekday::*;
    let mut town_hall = Vec::new();
    for day in [Monday, Tuesday, Wednesday, Thursday, Friday] {
        town_hall.push(period(day, time(8, 30, 0, 0), time(12, 0, 0, 0)));
    }
    for day in [Monday, Tuesday, Wednesday, Friday] {
        town_hall.push(period(day, time(13, 30, 0, 0), time(16, 0, 0, 0)));
    }
    // Late evening for people who work during the day, and a Saturday morning.
    town_hall.push(period(Thursday, time(13, 30, 0, 0), time(19, 30, 0, 0)));
    town_hall.push(period(Saturday, time(9, 0, 0, 0), time(12, 0, 0, 0)));
    town_hall
}

pub fn locations() -> Vec<Location> {
    use Weekday::*;
    let town_hall = town_hall_hours();
    let branch = vec![
        period(Tuesday, time(9, 0, 0, 0), time(12, 0, 0, 0)),
        period(Wednesday, time(14, 0, 0, 0), time(18, 0, 0, 0)),
        period(Thursday, time(9, 0, 0, 0), time(12, 0, 0, 0)),
        period(Saturday, time(9, 30, 0, 0), time(11, 30, 0, 0)),
    ];
    vec![
        Location {
            id: "town-hall".into(),
            name: text(
                "Gemeentehuis Heidebeek",
                "Maison communale de Heidebeek",
                "Gemeindehaus Heidebeek",
                "Heidebeek Town Hall",
            ),
            address: Address {
                street: "Marktplein 1".into(),
                postal_code: POSTAL_CODE.into(),
                municipality: MUNICIPALITY.into(),
            },
            timezone: TIMEZONE.into(),
            desks: 3,
            opening_hours: town_hall,
            closures: Vec::new(),
        },
        Location {
            id: "branch-kiezel".into(),
            name: text(
                "Dienstencentrum Kiezel",
                "Centre de services Kiezel",
                "Dienstleistungszentrum Kiezel",
                "Kiezel Service Centre",
            ),
            address: Address {
                street: "Kerkstraat 12".into(),
                postal_code: "3598".into(),
                municipality: MUNICIPALITY.into(),
            },
            timezone: TIMEZONE.into(),
            desks: 1,
            opening_hours: branch,
            closures: Vec::new(),
        },
    ]
}

pub fn queue_services() -> Vec<QueueService> {
    vec![
        QueueService {
            id: "identity".into(),
            prefix: "A".into(),
            name: text(
                "Identiteitskaarten",
                "Cartes d'identité",
                "Personalausweise",
                "Identity cards",
            ),
            walk_in: None,
        },
        QueueService {
            id: "travel".into(),
            prefix: "B".into(),
            name: text(
                "Reispassen en rijbewijzen",
                "Passeports et permis",
                "Reisepässe und Führerscheine",
                "Passports and driving licences",
            ),
            walk_in: None,
        },
        QueueService {
            id: "population".into(),
            prefix: "C".into(),
            name: text(
                "Bevolking en burgerlijke stand",
                "Population et état civil",
                "Bevölkerung und Standesamt",
                "Population and civil status",
            ),
            walk_in: None,
        },
        QueueService {
            id: "planning".into(),
            prefix: "D".into(),
            name: text(
                "Grondgebiedzaken",
                "Urbanisme",
                "Städtebau",
                "Planning and building",
            ),
            walk_in: None,
        },
        // Without an appointment, at the town hall only.
        QueueService {
            id: "collect".into(),
            prefix: "E".into(),
            name: text(
                "Afhalen identiteitskaart of reispas",
                "Retrait carte d'identité ou passeport",
                "Abholung Personalausweis oder Reisepass",
                "Collect an identity card or passport",
            ),
            walk_in: Some(WalkIn {
                location_ids: vec!["town-hall".into()],
                hours: town_hall_hours(),
                daily_limit: Some(80),
            }),
        },
        QueueService {
            id: "information".into(),
            prefix: "F".into(),
            name: text(
                "Een korte vraag",
                "Une question rapide",
                "Eine kurze Frage",
                "A quick question",
            ),
            walk_in: Some(WalkIn {
                location_ids: vec!["town-hall".into()],
                hours: mornings(),
                daily_limit: None,
            }),
        },
    ]
}

/// Weekday mornings, when the information desk answers walk-in questions.
fn mornings() -> Vec<OpeningPeriod> {
    use Weekday::*;
    [Monday, Tuesday, Wednesday, Thursday, Friday]
        .into_iter()
        .map(|day| period(day, time(8, 30, 0, 0), time(12, 0, 0, 0)))
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn product(
    id: &str,
    name: LocalizedText,
    duration_min: u32,
    extra: u32,
    max_persons: u32,
    queue: &str,
    window: (u32, u32),
    everywhere: bool,
) -> Product {
    let mut location_ids = vec!["town-hall".to_string()];
    if everywhere {
        location_ids.push("branch-kiezel".into());
    }
    Product {
        id: id.into(),
        name,
        duration_min,
        extra_duration_per_person_min: extra,
        max_persons,
        required_customer_fields: vec![CustomerField::Name, CustomerField::PhoneOrEmail],
        queue_service_id: queue.into(),
        arrival_window: ArrivalWindow {
            before_min: window.0,
            after_min: window.1,
        },
        location_ids,
        bring: bring(id),
    }
}

/// What residents are asked to bring, per product.
fn bring(product: &str) -> Vec<LocalizedText> {
    let current_card = text(
        "Uw huidige identiteitskaart",
        "Votre carte d'identité actuelle",
        "Ihr aktueller Personalausweis",
        "Your current identity card",
    );
    let photo = text(
        "Een recente pasfoto in kleur",
        "Une photo d'identité récente en couleur",
        "Ein aktuelles Passfoto in Farbe",
        "A recent colour passport photo",
    );
    let pin_letter = text(
        "De brief met uw pincode en pukcode",
        "La lettre avec vos codes PIN et PUK",
        "Der Brief mit Ihrer PIN und PUK",
        "The letter with your PIN and PUK codes",
    );
    let child_and_parent = text(
        "Uw kind en zijn of haar huidige Kids-ID",
        "Votre enfant et sa Kids-ID actuelle",
        "Ihr Kind und seine aktuelle Kids-ID",
        "Your child and their current Kids-ID",
    );
    let old_passport = text(
        "Uw vorige reispas",
        "Votre ancien passeport",
        "Ihr bisheriger Reisepass",
        "Your previous passport",
    );
    let licence = text(
        "Uw huidige rijbewijs of voorlopig rijbewijs",
        "Votre permis de conduire actuel ou provisoire",
        "Ihr aktueller oder vorläufiger Führerschein",
        "Your current or provisional driving licence",
    );
    match product {
        "eid-application" => vec![current_card, photo],
        "eid-pickup" => vec![current_card, pin_letter],
        "kids-id" => vec![child_and_parent, photo],
        "passport" => vec![current_card, old_passport, photo],
        "driving-licence" | "international-driving-licence" => vec![current_card, licence, photo],
        _ => vec![current_card],
    }
}

pub fn products() -> Vec<Product> {
    vec![
        product(
            "eid-application",
            text(
                "Identiteitskaart aanvragen",
                "Demande de carte d'identité",
                "Personalausweis beantragen",
                "Identity card application",
            ),
            15,
            10,
            5,
            "identity",
            (30, 10),
            true,
        ),
        product(
            "eid-pickup",
            text(
                "Identiteitskaart afhalen",
                "Retrait de carte d'identité",
                "Personalausweis abholen",
                "Identity card pick-up",
            ),
            5,
            5,
            5,
            "identity",
            (30, 10),
            true,
        ),
        product(
            "kids-id",
            text(
                "Kids-ID aanvragen",
                "Demande de Kids-ID",
                "Kids-ID beantragen",
                "Kids-ID application",
            ),
            10,
            5,
            5,
            "identity",
            (30, 10),
            true,
        ),
        product(
            "passport",
            text(
                "Reispas aanvragen",
                "Demande de passeport",
                "Reisepass beantragen",
                "Passport application",
            ),
            15,
            10,
            6,
            "travel",
            (30, 10),
            false,
        ),
        product(
            "driving-licence",
            text(
                "Rijbewijs",
                "Permis de conduire",
                "Führerschein",
                "Driving licence",
            ),
            10,
            10,
            3,
            "travel",
            (30, 10),
            true,
        ),
        product(
            "international-driving-licence",
            text(
                "Internationaal rijbewijs",
                "Permis de conduire international",
                "Internationaler Führerschein",
                "International driving licence",
            ),
            10,
            5,
            3,
            "travel",
            (30, 10),
            false,
        ),
        product(
            "change-of-address",
            text(
                "Adreswijziging",
                "Changement d'adresse",
                "Adressänderung",
                "Change of address",
            ),
            20,
            5,
            8,
            "population",
            (30, 15),
            false,
        ),
        product(
            "marriage-file",
            text(
                "Huwelijksdossier",
                "Dossier de mariage",
                "Eheschließungsakte",
                "Marriage file",
            ),
            30,
            0,
            2,
            "population",
            (20, 10),
            false,
        ),
        product(
            "building-permit-advice",
            text(
                "Advies bouwaanvraag",
                "Avis permis d'urbanisme",
                "Beratung Baugenehmigung",
                "Building permit advice",
            ),
            30,
            0,
            3,
            "planning",
            (20, 10),
            false,
        ),
    ]
}

pub fn certificate_types() -> Vec<CertificateType> {
    let cert = |code: &str, name: LocalizedText, delivery: Delivery, needs_purpose: bool| {
        CertificateType {
            code: code.into(),
            name,
            delivery,
            needs_purpose,
        }
    };
    use Delivery::*;
    vec![
        cert(
            "residence",
            text(
                "Bewijs van woonst",
                "Certificat de résidence",
                "Wohnsitzbescheinigung",
                "Proof of residence",
            ),
            Immediate,
            false,
        ),
        cert(
            "residence-history",
            text(
                "Bewijs van woonst met historiek",
                "Certificat de résidence avec historique",
                "Wohnsitzbescheinigung mit Verlauf",
                "Proof of residence with history",
            ),
            Immediate,
            false,
        ),
        cert(
            "household",
            text(
                "Samenstelling van het gezin",
                "Composition de ménage",
                "Haushaltszusammensetzung",
                "Household composition",
            ),
            Immediate,
            false,
        ),
        cert(
            "nationality",
            text(
                "Bewijs van Belgische nationaliteit",
                "Certificat de nationalité belge",
                "Bescheinigung der belgischen Staatsangehörigkeit",
                "Belgian nationality",
            ),
            Immediate,
            false,
        ),
        cert(
            "life",
            text(
                "Attest van leven",
                "Certificat de vie",
                "Lebensbescheinigung",
                "Certificate of life",
            ),
            Immediate,
            false,
        ),
        cert(
            "legal-cohabitation",
            text(
                "Attest wettelijke samenwoning",
                "Certificat de cohabitation légale",
                "Bescheinigung des gesetzlichen Zusammenwohnens",
                "Legal cohabitation",
            ),
            Immediate,
            false,
        ),
        cert(
            "residence-marriage",
            text(
                "Bewijs van woonst met het oog op huwelijk",
                "Certificat de résidence en vue d'un mariage",
                "Wohnsitzbescheinigung zur Eheschließung",
                "Residence for marriage",
            ),
            Immediate,
            false,
        ),
        cert(
            "elector",
            text(
                "Kiezersattest",
                "Certificat d'électeur",
                "Wählerbescheinigung",
                "Elector certificate",
            ),
            Immediate,
            false,
        ),
        cert(
            "register-extract",
            text(
                "Uittreksel uit de registers",
                "Extrait des registres",
                "Auszug aus den Registern",
                "Extract from the registers",
            ),
            Immediate,
            false,
        ),
        cert(
            "criminal-record-595",
            text(
                "Uittreksel strafregister (model 595)",
                "Extrait de casier judiciaire (modèle 595)",
                "Strafregisterauszug (Muster 595)",
                "Criminal record extract (model 595)",
            ),
            Immediate,
            true,
        ),
        cert(
            "criminal-record-596-1",
            text(
                "Uittreksel strafregister (model 596.1)",
                "Extrait de casier judiciaire (modèle 596.1)",
                "Strafregisterauszug (Muster 596.1)",
                "Criminal record extract (model 596.1)",
            ),
            Immediate,
            true,
        ),
        cert(
            "criminal-record-596-2",
            text(
                "Uittreksel strafregister (model 596.2, minderjarigen)",
                "Extrait de casier judiciaire (modèle 596.2, mineurs)",
                "Strafregisterauszug (Muster 596.2, Minderjährige)",
                "Criminal record extract (model 596.2, minors)",
            ),
            Deferred,
            true,
        ),
    ]
}
