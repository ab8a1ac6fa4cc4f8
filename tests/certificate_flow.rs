//! Requesting a certificate as a resident meets it: the certificate screens driven as the root
//! drives them, the card reader's, backend's and printer's results fed back as messages, every
//! screen looked at in portrait and landscape. All names and numbers are synthetic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::flow::{Harness, LANDSCAPE, PORTRAIT};

use std::collections::{BTreeMap, BTreeSet};

use kiosk::context::Context;
use kiosk::screen::certificate::pin_pad::PinKey;
use kiosk::screen::certificate::{
    Action, CardFailure, CardHolder, CertificatePreview, Delivery, DocumentHandle, Failure,
    Message, PinFailure, PrintFailure, Problem, Reply, State, Step,
};
use kiosk::screen::flow::Flow as _;
use kiosk_api::{CertificateType, LocalizedText};
use kiosk_core::i18n::{I18n, Language};

const FIRST_NAME: &str = "Noor";
const SURNAME: &str = "Testpersoon";
const ADDRESS: &str = "Marktplein 1, 9999 Demodorp";
const NUMBER: &str = "CERT-2026-000123";

fn text(nl: &str, fr: &str, de: &str, en: &str) -> LocalizedText {
    LocalizedText {
        nl: nl.into(),
        fr: fr.into(),
        de: de.into(),
        en: en.into(),
    }
}

fn kind(code: &str, name: LocalizedText, deferred: bool, needs_purpose: bool) -> CertificateType {
    CertificateType {
        code: code.into(),
        name,
        delivery: if deferred {
            kiosk_api::Delivery::Deferred
        } else {
            kiosk_api::Delivery::Immediate
        },
        needs_purpose,
    }
}

/// As the demo backend's catalogue: five types, so that the list has two pages.
fn types() -> Vec<CertificateType> {
    vec![
        kind(
            "residence",
            text(
                "Bewijs van woonst",
                "Certificat de résidence",
                "Wohnsitzbescheinigung",
                "Proof of residence",
            ),
            false,
            false,
        ),
        kind(
            "household",
            text(
                "Samenstelling van het gezin",
                "Composition de ménage",
                "Haushaltszusammensetzung",
                "Household composition",
            ),
            false,
            false,
        ),
        kind(
            "legal-cohabitation",
            text(
                "Attest wettelijke samenwoning",
                "Certificat de cohabitation légale",
                "Bescheinigung des gesetzlichen Zusammenwohnens",
                "Legal cohabitation",
            ),
            false,
            false,
        ),
        kind(
            "criminal-record-595",
            text(
                "Uittreksel strafregister (model 595)",
                "Extrait de casier judiciaire (modèle 595)",
                "Strafregisterauszug (Muster 595)",
                "Criminal record extract (model 595)",
            ),
            false,
            true,
        ),
        kind(
            "criminal-record-596-2",
            text(
                "Uittreksel strafregister (model 596.2, minderjarigen)",
                "Extrait de casier judiciaire (modèle 596.2, mineurs)",
                "Strafregisterauszug (Muster 596.2, Minderjährige)",
                "Criminal record extract (model 596.2, minors)",
            ),
            true,
            true,
        ),
    ]
}

fn holder() -> CardHolder {
    CardHolder {
        first_name: FIRST_NAME.into(),
        surname: SURNAME.into(),
    }
}

fn preview(delivery: Delivery) -> CertificatePreview {
    CertificatePreview {
        title: "Criminal record extract (model 595)".into(),
        lines: vec![
            ("Name".into(), format!("{FIRST_NAME} {SURNAME}")),
            ("Born".into(), "Demodorp, 1 January 1980".into()),
            ("Address".into(), ADDRESS.into()),
            ("Purpose".into(), "job".into()),
        ],
        document: DocumentHandle::numbered(NUMBER),
        delivery,
    }
}

/// The certificate screens as the root drives them.
type Flow = Harness<State>;

impl Harness<State> {
    fn new() -> Self {
        Self::with_reader(false)
    }

    /// `pin_pad`: the card reader has its own PIN pad. Tuesday 1 December 2026, 10:20 in
    /// Brussels, in English.
    fn with_reader(pin_pad: bool) -> Self {
        Self::at(
            State::new(types(), pin_pad, Language::English),
            Language::English,
            "2026-12-01T10:20:00+01:00[Europe/Brussels]",
        )
    }

    fn set_language(&mut self, language: Language) {
        self.language = language;
        self.state.set_language(language);
    }

    /// Types `pin` on the on-screen keypad, a tap a digit.
    fn type_pin(&mut self, pin: &str) {
        for c in pin.chars() {
            self.click(&c.to_string());
        }
    }

    /// Chooses the type without a purpose, inserts the card and agrees: the card is read.
    /// Messages only, so that it works in every language.
    fn reach_reading(&mut self) {
        self.send(Message::ChooseType("residence".into()));
        self.answer(Reply::CardInserted);
        assert_eq!(self.send(Message::Continue), Action::ReadCard);
    }

    /// On to the PIN keypad with the card read.
    fn reach_pin(&mut self) {
        self.reach_reading();
        assert_eq!(self.answer(Reply::CardRead(Ok(holder()))), Action::None);
        assert_eq!(self.state.step(), Step::Pin);
    }

    /// On to the preview of a certificate that can be printed now.
    fn reach_preview(&mut self) {
        self.reach_pin();
        self.type_pin("1234");
        self.click("OK");
        self.answer(Reply::PinResult(Ok(())));
        self.answer(Reply::Answer(Ok(preview(Delivery::Ready))));
        assert_eq!(self.state.step(), Step::Preview);
    }
}

fn verified_pin(action: &Action) -> Option<Vec<u8>> {
    match action {
        Action::VerifyPin { pin } => Some(pin.ascii_digits().to_vec()),
        _ => None,
    }
}

#[test]
fn the_whole_path_with_a_purpose_prints_the_certificate() {
    let mut flow = Flow::new();
    flow.assert_shows("Which certificate do you need?");
    flow.assert_shows("Step 1 of 5");
    flow.assert_shows("Proof of residence");
    flow.assert_shows("Where you live now");
    flow.click("More");
    flow.assert_shows("Criminal record extract (model 596.2, minors)");
    flow.click("Previous");
    flow.click("Criminal record extract (model 595)");
    assert_eq!(flow.state.step(), Step::Purpose);
    flow.assert_shows("What do you need it for?");
    flow.assert_shows("Step 2 of 5");
    for key in ["j", "o", "b"] {
        flow.click(key);
    }
    flow.assert_shows("job");
    flow.click("Done");
    assert_eq!(flow.state.step(), Step::InsertCard);
    flow.assert_shows("Insert your eID card");
    flow.assert_shows("Step 3 of 5");
    flow.answer(Reply::CardInserted);
    flow.assert_shows("What we read from your card, and why");
    flow.assert_shows("• Your national register number: to find you in the register.");
    assert_eq!(flow.click("I agree, continue"), Action::ReadCard);
    flow.assert_shows("One moment, we are reading your card…");
    flow.answer(Reply::CardRead(Ok(holder())));
    flow.assert_shows("Hello Noor");
    flow.assert_shows("Type your PIN code");
    flow.assert_shows("Step 4 of 5");
    flow.type_pin("2580");
    flow.assert_shows("● ● ● ●");
    let action = flow.click("OK");
    assert_eq!(verified_pin(&action).as_deref(), Some(&b"2580"[..]));
    flow.assert_shows("One moment, your card is checking your PIN…");
    assert_eq!(
        flow.answer(Reply::PinResult(Ok(()))),
        Action::Request {
            type_code: "criminal-record-595".into(),
            purpose: Some("job".into()),
            language: Language::English,
        }
    );
    flow.assert_shows("One moment, we are preparing your certificate…");
    flow.answer(Reply::Answer(Ok(preview(Delivery::Ready))));
    flow.assert_shows("Criminal record extract (model 595)");
    flow.assert_shows("Step 5 of 5");
    flow.assert_shows("Noor Testpersoon");
    flow.assert_shows(ADDRESS);
    flow.assert_shows("Document number: CERT-2026-000123");
    let name = flow.ui(PORTRAIT).find(ADDRESS).unwrap().bounds().height;
    assert!(name >= 46.0, "the preview is in large text: {name}");
    assert_eq!(
        flow.click("Print"),
        Action::PrintDocument {
            document: DocumentHandle::numbered(NUMBER)
        }
    );
    flow.assert_shows("Your certificate is printing on the large printer…");
    flow.assert_hides("Print");
    flow.answer(Reply::Printed(Ok(())));
    flow.assert_shows("Take your card");
    flow.assert_shows("Take your certificate from the printer.");
    flow.answer(Reply::CardRemoved);
    assert_eq!(flow.state.step(), Step::Ended);
    assert!(!flow.state.holds_personal_data());
    flow.assert_shows("Your card is out.");
    flow.assert_shows("Thank you for your visit.");
    assert_eq!(flow.click("Back to the start"), Action::Done);
}

#[test]
fn a_type_without_purpose_skips_that_step() {
    let mut flow = Flow::new();
    flow.click("Proof of residence");
    assert_eq!(flow.state.step(), Step::InsertCard);
    flow.assert_shows("Step 2 of 4");
    // A card put in early goes straight to what will be read.
    assert_eq!(flow.state.back(), Some(Action::None));
    assert_eq!(flow.state.step(), Step::ChooseType);
    flow.answer(Reply::CardInserted);
    assert_eq!(flow.state.step(), Step::ChooseType);
    flow.click("Household composition");
    assert_eq!(flow.state.step(), Step::Privacy);
    flow.click("I agree, continue");
    flow.answer(Reply::CardRead(Ok(holder())));
    flow.type_pin("1234");
    flow.click("OK");
    assert_eq!(
        flow.answer(Reply::PinResult(Ok(()))),
        Action::Request {
            type_code: "household".into(),
            purpose: None,
            language: Language::English,
        }
    );
}

#[test]
fn back_keeps_what_was_entered() {
    let mut flow = Flow::new();
    flow.click("More");
    flow.click("Criminal record extract (model 596.2, minors)");
    for key in ["j", "o", "b"] {
        flow.click(key);
    }
    flow.click_in("Done", LANDSCAPE);
    assert_eq!(flow.state.step(), Step::InsertCard);
    flow.state.back();
    assert_eq!(flow.state.step(), Step::Purpose);
    flow.assert_shows("job");
    flow.state.back();
    assert_eq!(flow.state.step(), Step::ChooseType);
    flow.send(Message::ChooseType("criminal-record-596-2".into()));
    flow.assert_shows("job");
    // Nothing typed: Continue says what is missing.
    let mut empty = Flow::new();
    empty.send(Message::ChooseType("criminal-record-595".into()));
    empty.click("Done");
    assert_eq!(empty.state.step(), Step::Purpose);
    empty.assert_shows("Please type what you need the certificate for.");
    // The PIN is never kept by Back.
    let mut pin = Flow::new();
    pin.reach_pin();
    pin.type_pin("12");
    assert_eq!(pin.state.back(), Some(Action::None));
    assert_eq!(pin.state.step(), Step::Privacy);
    pin.click("I agree, continue");
    pin.answer(Reply::CardRead(Ok(holder())));
    pin.assert_hides("●");
}

#[test]
fn a_wrong_pin_shows_the_tries_left_then_the_right_pin_goes_on() {
    let mut flow = Flow::new();
    flow.reach_pin();
    flow.type_pin("1111");
    flow.click("OK");
    assert_eq!(
        flow.answer(Reply::PinResult(Err(PinFailure::Wrong { tries_left: 2 }))),
        Action::None
    );
    assert_eq!(flow.state.step(), Step::Pin);
    flow.assert_shows("Wrong PIN. You can try 2 more times.");
    flow.assert_hides("●");
    // Too short: OK waits for a fourth digit.
    flow.type_pin("123");
    assert_eq!(flow.click("OK"), Action::None);
    flow.click("Erase");
    flow.assert_shows("● ●");
    flow.type_pin("45");
    let action = flow.click("OK");
    assert_eq!(verified_pin(&action).as_deref(), Some(&b"1245"[..]));
    flow.answer(Reply::PinResult(Err(PinFailure::Wrong { tries_left: 1 })));
    flow.assert_shows("Wrong PIN. You can try one more time.");
    flow.type_pin("1234");
    flow.click("OK");
    assert!(matches!(
        flow.answer(Reply::PinResult(Ok(()))),
        Action::Request { .. }
    ));
    assert_eq!(flow.count(|a| verified_pin(a).is_some()), 3);
}

#[test]
fn a_blocked_pin_sends_to_the_desk() {
    let mut flow = Flow::new();
    flow.reach_pin();
    flow.type_pin("0000");
    flow.click("OK");
    flow.answer(Reply::PinResult(Err(PinFailure::Blocked)));
    assert_eq!(flow.state.problem(), Problem::PinBlocked);
    flow.assert_shows(
        "Your PIN is blocked after too many wrong tries. Take your card and go to the desk: they can unblock it.",
    );
    flow.assert_hides("Try again");
    assert_eq!(flow.click("Go to the desk"), Action::None);
    flow.assert_shows("Take your card");
    flow.answer(Reply::CardRemoved);
    flow.assert_shows("Your card is out.");
    flow.assert_hides("Thank you for your visit.");
}

#[test]
fn a_reader_with_its_own_pin_pad_asks_for_the_pin_there() {
    let mut flow = Flow::with_reader(true);
    flow.reach_reading();
    assert_eq!(
        flow.answer(Reply::CardRead(Ok(holder()))),
        Action::VerifyPinOnReader
    );
    flow.assert_shows("Type your PIN on the card reader, then press OK on the reader.");
    flow.assert_hides("5");
    flow.assert_hides("Try again");
    flow.answer(Reply::PinResult(Err(PinFailure::Wrong { tries_left: 2 })));
    flow.assert_shows("Wrong PIN. You can try 2 more times.");
    assert_eq!(flow.click("Try again"), Action::VerifyPinOnReader);
    assert!(matches!(
        flow.answer(Reply::PinResult(Ok(()))),
        Action::Request { .. }
    ));
}

#[test]
fn removing_the_card_at_the_pin_step_leaves_no_personal_data() {
    let mut flow = Flow::new();
    flow.send(Message::ChooseType("criminal-record-595".into()));
    for key in ["j", "o", "b"] {
        flow.click(key);
    }
    flow.click("Done");
    flow.answer(Reply::CardInserted);
    flow.click("I agree, continue");
    flow.answer(Reply::CardRead(Ok(holder())));
    flow.type_pin("97");
    assert!(flow.state.holds_personal_data());
    let debug = format!("{:?}", flow.state);
    for secret in [FIRST_NAME, SURNAME, "job", "97"] {
        assert!(!debug.contains(secret), "Debug shows {secret:?}: {debug}");
    }

    assert_eq!(flow.answer(Reply::CardRemoved), Action::None);
    assert_eq!(flow.state.step(), Step::Ended);
    assert!(!flow.state.holds_personal_data());
    let debug = format!("{:?}", flow.state);
    for secret in [FIRST_NAME, SURNAME, "job", "criminal-record"] {
        assert!(!debug.contains(secret), "Debug shows {secret:?}: {debug}");
    }
    flow.assert_shows("Your card is out.");
    flow.assert_shows("For your privacy, the kiosk has forgotten everything about your visit.");
    flow.assert_hides("Hello Noor");
    // Late answers change nothing; the screen returns home.
    assert_eq!(flow.answer(Reply::PinResult(Ok(()))), Action::None);
    assert_eq!(flow.answer(Reply::CardRead(Ok(holder()))), Action::None);
    assert!(!flow.state.holds_personal_data());
    assert_eq!(flow.state.back(), None);
    assert_eq!(flow.click("Back to the start"), Action::Done);

    // The same at the preview, where the certificate itself is on screen.
    let mut preview = Flow::new();
    preview.reach_preview();
    assert!(preview.state.holds_personal_data());
    preview.answer(Reply::CardRemoved);
    assert!(!preview.state.holds_personal_data());
    preview.assert_hides(ADDRESS);
    assert_eq!(preview.send(Message::Print), Action::None);
}

#[test]
fn a_deferred_type_says_when_and_how_it_comes() {
    let mut flow = Flow::new();
    flow.click("More");
    flow.click("Criminal record extract (model 596.2, minors)");
    for key in ["j", "o", "b"] {
        flow.click(key);
    }
    flow.click("Done");
    flow.answer(Reply::CardInserted);
    flow.click("I agree, continue");
    flow.answer(Reply::CardRead(Ok(holder())));
    flow.type_pin("1234");
    flow.click("OK");
    assert_eq!(
        flow.answer(Reply::PinResult(Ok(()))),
        Action::Request {
            type_code: "criminal-record-596-2".into(),
            purpose: Some("job".into()),
            language: Language::English,
        }
    );
    flow.answer(Reply::Answer(Ok(preview(Delivery::Pending {
        when_text: "By post within 10 working days.".into(),
    }))));
    flow.assert_shows("Your request has been received.");
    flow.assert_shows(
        "This certificate needs a police check first. You do not need to come back for it.",
    );
    flow.assert_shows("By post within 10 working days.");
    flow.assert_hides("Print");
    assert_eq!(flow.send(Message::Print), Action::None);
    flow.click("Finished");
    flow.assert_shows("Take your card");
    flow.assert_hides("Take your certificate from the printer.");
    flow.answer(Reply::CardRemoved);
    flow.assert_shows("Thank you for your visit.");
    assert_eq!(flow.count(|a| matches!(a, Action::PrintDocument { .. })), 0);
}

#[test]
fn expired_and_foreign_cards_send_to_the_desk() {
    for (failure, sentence) in [
        (
            CardFailure::Expired,
            "Your identity card has expired. Take your card and go to the desk: they can help you.",
        ),
        (
            CardFailure::Foreign,
            "This is not a Belgian eID card. Take your card and go to the desk: they can help you.",
        ),
    ] {
        let mut flow = Flow::new();
        flow.reach_reading();
        flow.answer(Reply::CardRead(Err(failure)));
        assert_eq!(flow.state.problem(), Problem::Card(failure));
        flow.assert_shows(sentence);
        flow.assert_hides("Try again");
        assert!(!flow.state.holds_personal_data());
        flow.click("Go to the desk");
        flow.assert_shows("Take your card");
    }
}

#[test]
fn an_unreadable_card_or_none_can_be_tried_again() {
    let mut flow = Flow::new();
    flow.reach_reading();
    flow.answer(Reply::CardRead(Err(CardFailure::Unreadable)));
    flow.assert_shows(
        "We cannot read your card. Check that the chip faces up and goes in first, then try again.",
    );
    assert_eq!(flow.click("Try again"), Action::ReadCard);
    flow.answer(Reply::CardRead(Err(CardFailure::NoCard)));
    flow.assert_shows(
        "We find no card in the reader. Push your eID card in fully, chip first and facing up.",
    );
    assert_eq!(flow.click("Try again"), Action::None);
    assert_eq!(flow.state.step(), Step::InsertCard);
    flow.answer(Reply::CardInserted);
    assert_eq!(flow.click("I agree, continue"), Action::ReadCard);
}

#[test]
fn backend_and_printer_problems_say_what_to_do() {
    let mut flow = Flow::new();
    flow.reach_pin();
    flow.type_pin("1234");
    flow.click("OK");
    flow.answer(Reply::PinResult(Ok(())));
    flow.answer(Reply::Answer(Err(Failure::Offline)));
    flow.assert_shows(
        "We cannot reach the town hall's system right now. Try again in a moment, or go to the desk.",
    );
    assert!(matches!(flow.click("Try again"), Action::Request { .. }));
    flow.answer(Reply::Answer(Err(Failure::NotRegistered)));
    flow.assert_shows(
        "You are not in the population register of this municipality. The desk can help you.",
    );
    flow.assert_hides("Try again");

    let mut print = Flow::new();
    print.reach_preview();
    print.click("Print");
    print.answer(Reply::Printed(Err(PrintFailure::NotReady)));
    print.assert_shows(
        "The printer is not working. Go to the desk: they can print your certificate.",
    );
    print.assert_shows(ADDRESS);
    assert!(matches!(
        print.click("Try again"),
        Action::PrintDocument { .. }
    ));
    print.answer(Reply::Printed(Err(PrintFailure::Failed)));
    print.click("Finished");
    print.assert_shows("Take your card");
}

#[test]
fn a_revoked_card_or_one_whose_status_is_unknown_is_sent_to_the_desk() {
    for (failure, sentence) in [
        (
            Failure::CardRevoked,
            "This card has been cancelled (revoked), for example after it was lost or stolen. Take your card and go to the desk: they can help you.",
        ),
        (
            Failure::CardStatusUnknown,
            "We cannot check right now whether this card is still valid. Go to the desk: they can help you.",
        ),
    ] {
        let mut flow = Flow::new();
        flow.reach_pin();
        flow.type_pin("1234");
        flow.click("OK");
        flow.answer(Reply::PinResult(Ok(())));
        flow.answer(Reply::Answer(Err(failure)));
        flow.assert_shows(sentence);
        // Trying again would ask the same of the same card: the desk helps.
        flow.assert_hides("Try again");
        flow.assert_shows("Go to the desk");
    }
}

#[test]
fn the_pin_never_appears_as_text() {
    let mut flow = Flow::new();
    flow.reach_pin();
    flow.type_pin("1973");
    flow.assert_shows("● ● ● ●");
    for shown in ["1973", "1 9 7 3", "197", "973"] {
        flow.assert_hides(shown);
    }
    let debug = format!("{:?} {:?}", flow.state, flow.actions);
    assert!(!debug.contains("1973"), "{debug}");
    let ok = flow.click_messages("OK", PORTRAIT);
    let action = flow.send(ok[0].clone());
    assert_eq!(format!("{action:?}"), "VerifyPin { pin: Pin(..) }");
    let digit = format!("{:?}", Message::Pin(PinKey::Digit(7)));
    assert!(!digit.contains('7'), "{digit}");
    flow.assert_hides("1973");
}

#[test]
fn a_double_tap_never_verifies_requests_or_prints_twice() {
    let mut flow = Flow::new();
    flow.reach_pin();
    flow.type_pin("1234");
    let ok = flow.click_messages("OK", PORTRAIT);
    flow.send(ok[0].clone());
    flow.send(ok[0].clone());
    assert_eq!(flow.count(|a| verified_pin(a).is_some()), 1);
    flow.answer(Reply::PinResult(Ok(())));
    flow.answer(Reply::PinResult(Ok(())));
    assert_eq!(flow.count(|a| matches!(a, Action::Request { .. })), 1);
    flow.answer(Reply::Answer(Ok(preview(Delivery::Ready))));
    let print = flow.click_messages("Print", PORTRAIT);
    flow.send(print[0].clone());
    flow.send(print[0].clone());
    flow.answer(Reply::Printed(Ok(())));
    flow.answer(Reply::Printed(Ok(())));
    flow.send(print[0].clone());
    assert_eq!(flow.count(|a| matches!(a, Action::PrintDocument { .. })), 1);
    assert_eq!(flow.state.step(), Step::TakeCard);
}

#[test]
fn french_and_german_labels() {
    let mut flow = Flow::new();
    flow.set_language(Language::French);
    flow.assert_shows("De quel certificat avez-vous besoin ?");
    flow.assert_shows("Certificat de résidence");
    flow.assert_shows("Où vous habitez maintenant");
    flow.assert_shows("Étape 1 sur 5");
    flow.set_language(Language::German);
    flow.assert_shows("Welche Bescheinigung brauchen Sie?");
    flow.assert_shows("Wohnsitzbescheinigung");
    flow.reach_reading();
    flow.answer(Reply::CardRead(Ok(holder())));
    flow.assert_shows("Guten Tag Noor");
    flow.assert_shows("Tippen Sie Ihre PIN");
    flow.assert_shows("Löschen");
    flow.type_pin("1234");
    flow.click("OK");
    assert_eq!(
        flow.answer(Reply::PinResult(Ok(()))),
        Action::Request {
            type_code: "residence".into(),
            purpose: None,
            language: Language::German,
        }
    );
    flow.set_language(Language::French);
    flow.answer(Reply::Answer(Ok(preview(Delivery::Ready))));
    flow.assert_shows("Imprimer");
    flow.assert_shows("Numéro du document : CERT-2026-000123");
    flow.click("Imprimer");
    flow.answer(Reply::Printed(Ok(())));
    flow.assert_shows("Reprenez votre carte");
    flow.set_language(Language::German);
    flow.assert_shows("Nehmen Sie Ihre Karte");
    flow.answer(Reply::CardRemoved);
    flow.assert_shows("Zurück zum Anfang");
}

#[test]
fn every_screen_fits_both_orientations() {
    use kiosk::widget::keyboard::KeyboardMessage;
    // `shows` checks portrait and landscape and that the text lies inside the screen.
    for language in Language::ALL {
        let mut flow = Flow::new();
        flow.set_language(language);
        let i18n = support::i18n();
        let words = |id: &str| i18n.text(language, id);
        flow.assert_shows(&words("certificate-choose-title"));
        flow.assert_shows(&words("certificate-page-next"));
        flow.send(Message::NextPage);
        flow.assert_shows(&words("certificate-page-previous"));
        flow.send(Message::ChooseType("criminal-record-596-2".into()));
        flow.assert_shows(&words("input-key-done"));
        flow.send(Message::Continue);
        flow.assert_shows(&words("certificate-purpose-missing"));
        // The keyboard's three pages fit under the question in landscape too.
        for page in support::keyboard::PAGES {
            flow.send(Message::Keyboard(KeyboardMessage::Page(page)));
            flow.assert_shows(&words("certificate-purpose-title"));
            for key in support::keyboard::keys_every_page_shows(&words) {
                flow.assert_shows(&key);
            }
        }
        flow.send(Message::Keyboard(
            kiosk::widget::keyboard::KeyboardMessage::Insert('x'),
        ));
        flow.send(Message::Continue);
        flow.assert_shows(&words("certificate-insert-hint"));
        flow.answer(Reply::CardInserted);
        flow.assert_shows(&format!("• {}", words("certificate-privacy-not")));
        flow.assert_shows(&words("certificate-privacy-agree"));
        // The notice's second part, shown in landscape with larger text.
        flow.send(Message::NextPage);
        flow.assert_large_text_fits();
        flow.send(Message::Continue);
        flow.assert_shows(&words("certificate-reading"));
        flow.answer(Reply::CardRead(Ok(holder())));
        flow.assert_shows(&words("certificate-pin-title"));
        flow.assert_shows(&words("certificate-pin-ok"));
        flow.assert_shows(&words("certificate-pin-erase"));
        flow.assert_shows("0");
        for d in [1, 2, 3, 4] {
            flow.send(Message::Pin(PinKey::Digit(d)));
        }
        flow.send(Message::Pin(PinKey::Ok));
        flow.assert_shows(&words("certificate-checking-pin"));
        flow.answer(Reply::PinResult(Err(PinFailure::Wrong { tries_left: 2 })));
        flow.assert_shows(&words("certificate-pin-erase"));
        for d in [1, 2, 3, 4] {
            flow.send(Message::Pin(PinKey::Digit(d)));
        }
        flow.send(Message::Pin(PinKey::Ok));
        flow.answer(Reply::PinResult(Ok(())));
        flow.assert_shows(&words("certificate-requesting"));
        flow.answer(Reply::Answer(Ok(preview(Delivery::Ready))));
        flow.assert_shows(ADDRESS);
        // The document's last part, shown in landscape with larger text.
        flow.send(Message::NextPage);
        flow.assert_large_text_fits();
        flow.send(Message::PreviousPage);
        flow.assert_shows(&words("certificate-print"));
        flow.send(Message::Print);
        flow.assert_shows(&words("certificate-printing"));
        flow.answer(Reply::Printed(Err(PrintFailure::Failed)));
        flow.assert_shows(&words("certificate-print-failed"));
        flow.assert_shows(&words("certificate-finish"));
        flow.send(Message::TryAgain);
        flow.answer(Reply::Printed(Ok(())));
        flow.assert_shows(&words("certificate-take-document"));
        flow.answer(Reply::CardRemoved);
        flow.assert_shows(&words("certificate-ended-body"));
        flow.assert_shows(&words("certificate-start-again"));

        let mut pending = Flow::new();
        pending.set_language(language);
        pending.reach_preview_pending();
        pending.assert_shows(&words("certificate-pending-how"));
        pending.assert_shows(&words("certificate-finish"));

        let mut reader = Flow::with_reader(true);
        reader.set_language(language);
        reader.reach_reading();
        reader.answer(Reply::CardRead(Ok(holder())));
        reader.answer(Reply::PinResult(Err(PinFailure::Wrong { tries_left: 1 })));
        reader.assert_shows(&words("certificate-pin-reader"));
        reader.assert_shows(&words("certificate-try-again"));

        for (problem, id) in [
            (
                Reply::CardRead(Err(CardFailure::NoCard)),
                "certificate-no-card",
            ),
            (
                Reply::CardRead(Err(CardFailure::Unreadable)),
                "certificate-unreadable",
            ),
            (
                Reply::CardRead(Err(CardFailure::Expired)),
                "certificate-expired",
            ),
            (
                Reply::CardRead(Err(CardFailure::Foreign)),
                "certificate-foreign",
            ),
        ] {
            let mut flow = Flow::new();
            flow.set_language(language);
            flow.reach_reading();
            flow.answer(problem);
            flow.assert_shows(&words(id));
            flow.assert_shows(&words("certificate-go-to-desk"));
        }
        for (failure, id) in [
            (Failure::Offline, "certificate-offline"),
            (Failure::NotRegistered, "certificate-not-registered"),
            (Failure::Other, "certificate-other"),
        ] {
            let mut flow = Flow::new();
            flow.set_language(language);
            flow.reach_pin();
            flow.send(Message::Pin(PinKey::Digit(1)));
            for _ in 0..3 {
                flow.send(Message::Pin(PinKey::Digit(2)));
            }
            flow.send(Message::Pin(PinKey::Ok));
            flow.answer(Reply::PinResult(Ok(())));
            flow.answer(Reply::Answer(Err(failure)));
            flow.assert_shows(&words(id));
        }
        let mut blocked = Flow::new();
        blocked.set_language(language);
        blocked.reach_pin();
        for d in [1, 2, 3, 4] {
            blocked.send(Message::Pin(PinKey::Digit(d)));
        }
        blocked.send(Message::Pin(PinKey::Ok));
        blocked.answer(Reply::PinResult(Err(PinFailure::Blocked)));
        blocked.assert_shows(&words("certificate-pin-blocked"));
    }
}

impl Flow {
    /// On to the preview of a deferred certificate, with messages only (any language).
    fn reach_preview_pending(&mut self) {
        self.send(Message::ChooseType("criminal-record-596-2".into()));
        self.send(Message::Keyboard(
            kiosk::widget::keyboard::KeyboardMessage::Insert('x'),
        ));
        self.send(Message::Continue);
        self.answer(Reply::CardInserted);
        self.send(Message::Continue);
        self.answer(Reply::CardRead(Ok(holder())));
        for d in [1, 2, 3, 4] {
            self.send(Message::Pin(PinKey::Digit(d)));
        }
        self.send(Message::Pin(PinKey::Ok));
        self.answer(Reply::PinResult(Ok(())));
        self.answer(Reply::Answer(Ok(preview(Delivery::Pending {
            when_text: "By post within 10 working days.".into(),
        }))));
        assert_eq!(self.state.step(), Step::Preview);
    }
}

/// With larger text, four sentences are taller than a landscape screen: the notice takes two
/// parts there, what is read and then what is not kept with I agree. More and Back move
/// between them; the keypad and speech follow the part on screen. Standard text and portrait
/// keep one part.
#[test]
fn with_larger_text_in_landscape_the_privacy_notice_takes_two_parts() {
    let mut flow = Flow::new();
    flow.send(Message::ChooseType("residence".into()));
    flow.answer(Reply::CardInserted);
    let i18n = support::i18n();
    let words = |id: &str| i18n.text(Language::English, id);
    let bullet = |id: &str| format!("• {}", words(id));
    let first = [
        bullet("certificate-privacy-name"),
        bullet("certificate-privacy-number"),
    ];
    let second = [
        bullet("certificate-privacy-pin"),
        bullet("certificate-privacy-not"),
    ];
    // The first part: what is read, and More.
    for line in &first {
        assert!(flow.shows_large_landscape(line), "{line}");
    }
    for line in &second {
        assert!(
            !flow.shows_large_landscape(line),
            "{line} is for the second part"
        );
    }
    assert!(flow.shows_large_landscape("Read on"));
    assert!(flow.shows_large_landscape("1 / 2"));
    assert!(!flow.shows_large_landscape(&words("certificate-privacy-agree")));
    assert_eq!(flow.focus_targets_large_landscape(), [Message::NextPage]);
    let spoken = flow.spoken_large_landscape();
    assert!(
        spoken.contains(&words("certificate-privacy-name")),
        "{spoken:?}"
    );
    assert!(
        !spoken.contains(&words("certificate-privacy-pin")),
        "{spoken:?}"
    );
    // Standard text and portrait: one part with all four and I agree (`shows` checks every
    // orientation, with larger text in portrait too).
    for line in first.iter().chain(&second) {
        flow.assert_shows(line);
    }
    assert_eq!(flow.focus_targets().len(), 1);
    // The second part: what is not kept, and I agree.
    assert_eq!(flow.send(Message::NextPage), Action::None);
    assert_eq!(flow.state.step(), Step::Privacy);
    for line in &second {
        assert!(flow.shows_large_landscape(line), "{line}");
    }
    assert!(!flow.shows_large_landscape(&first[0]));
    assert!(flow.shows_large_landscape(&words("certificate-privacy-agree")));
    assert!(flow.shows_large_landscape("2 / 2"));
    assert_eq!(flow.focus_targets_large_landscape(), [Message::Continue]);
    assert!(
        flow.spoken_large_landscape()
            .contains(&words("certificate-privacy-not"))
    );
    flow.assert_large_text_fits();
    // Back returns to the first part, not to the type.
    assert_eq!(flow.state.back(), Some(Action::None));
    assert_eq!(flow.state.step(), Step::Privacy);
    assert!(flow.shows_large_landscape(&first[0]));
    // On again, and I agree reads the card.
    flow.send(Message::NextPage);
    assert_eq!(flow.send(Message::Continue), Action::ReadCard);
    // Back to the type from the second part, and chosen again: the notice starts over.
    let mut again = Flow::new();
    again.send(Message::ChooseType("residence".into()));
    again.answer(Reply::CardInserted);
    again.send(Message::NextPage);
    again.state.back();
    assert_eq!(again.state.back(), Some(Action::None));
    assert_eq!(again.state.step(), Step::ChooseType);
    again.send(Message::ChooseType("residence".into()));
    assert_eq!(again.state.step(), Step::Privacy);
    assert!(again.shows_large_landscape(&first[0]));
}

/// With larger text in landscape the document's lines are shown a part at a time beside Check
/// and Print: More shows the rest, the document number as the last line; Previous and Back
/// return. Print is there in every part; a failed print shows what to do and the number.
#[test]
fn with_larger_text_in_landscape_the_preview_shows_the_document_in_parts() {
    let mut flow = Flow::new();
    flow.reach_preview();
    // The first part: name, birth, address (two rows), purpose: five rows, a part's most.
    for value in ["Noor Testpersoon", ADDRESS, "job"] {
        assert!(flow.shows_large_landscape(value), "{value}");
    }
    assert!(
        !flow.shows_large_landscape(NUMBER),
        "the number is in the next part"
    );
    assert!(flow.shows_large_landscape("More"));
    assert!(!flow.shows_large_landscape("Previous"));
    assert_eq!(
        flow.focus_targets_large_landscape(),
        [Message::NextPage, Message::Print]
    );
    // The second and last part: the document number as a line.
    assert_eq!(flow.send(Message::NextPage), Action::None);
    assert!(flow.shows_large_landscape("Document number"));
    assert!(!flow.shows_large_landscape("job"));
    assert!(flow.shows_large_landscape(NUMBER));
    assert!(!flow.shows_large_landscape(ADDRESS));
    assert!(!flow.shows_large_landscape("More"));
    assert_eq!(
        flow.focus_targets_large_landscape(),
        [Message::PreviousPage, Message::Print]
    );
    flow.assert_large_text_fits();
    // More on the last part stays there; Back returns a part, then leaves as before.
    flow.send(Message::NextPage);
    assert!(flow.shows_large_landscape(NUMBER));
    assert_eq!(flow.state.back(), Some(Action::None));
    assert!(flow.shows_large_landscape(ADDRESS));
    flow.send(Message::NextPage);
    flow.send(Message::PreviousPage);
    assert!(flow.shows_large_landscape(ADDRESS));
    // Standard text keeps the whole document on one screen with the number beside it.
    flow.assert_shows("job");
    flow.assert_shows("Document number: CERT-2026-000123");
    assert_eq!(flow.focus_targets().len(), 1);
    // Print from the first part; printing, then failing: what to do, and the number.
    assert!(matches!(
        flow.send(Message::Print),
        Action::PrintDocument { .. }
    ));
    assert!(flow.shows_large_landscape("Your certificate is printing on the large printer…"));
    flow.assert_large_text_fits();
    flow.answer(Reply::Printed(Err(PrintFailure::NotReady)));
    assert!(flow.shows_large_landscape(
        "The printer is not working. Go to the desk: they can print your certificate."
    ));
    assert!(flow.shows_large_landscape("Document number: CERT-2026-000123"));
    assert!(flow.shows_large_landscape("Try again"));
    assert!(!flow.shows_large_landscape(ADDRESS));
    assert_eq!(
        flow.focus_targets_large_landscape(),
        [Message::TryAgain, Message::Finish]
    );
    flow.assert_large_text_fits();
}

#[test]
fn the_keyboard_reaches_what_touch_reaches() {
    use kiosk::focus::FocusId;
    let mut flow = Flow::new();
    let i18n = support::i18n();
    let ctx = Context {
        i18n: &i18n,
        language: Language::English,
        palette: flow.palette,
        focused: None,
        size: kiosk::theme::TextSizes::STANDARD,
        landscape: false,
    };
    let targets = flow.state.focus_targets(&ctx);
    assert_eq!(
        targets.first(),
        Some(&(FocusId::Content(0), Message::ChooseType("residence".into())))
    );
    assert_eq!(targets.last().map(|t| &t.1), Some(&Message::NextPage));
    flow.reach_pin();
    let keys: Vec<Message> = flow
        .state
        .focus_targets(&ctx)
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    assert_eq!(keys.len(), 12);
    assert_eq!(keys.last(), Some(&Message::Pin(PinKey::Ok)));
    flow.type_pin("1234");
    flow.click("OK");
    flow.answer(Reply::PinResult(Ok(())));
    flow.answer(Reply::Answer(Ok(preview(Delivery::Ready))));
    assert_eq!(
        flow.state.focus_targets(&ctx),
        vec![(FocusId::Content(0), Message::Print)]
    );
}

/// Message ids and the variables each uses, from a `.ftl` file.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') && !line.starts_with('}') {
            current = line.split_once(" = ").map(|(id, _)| id.trim().to_owned());
            if let Some(id) = &current {
                messages.entry(id.clone()).or_default();
            }
        }
        if let Some(id) = &current {
            let vars = messages.entry(id.clone()).or_default();
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                vars.insert(name);
            }
        }
    }
    messages
}

#[test]
fn every_certificate_message_exists_in_every_language() {
    let files = [
        (
            Language::Dutch,
            include_str!("../locales/nl-BE/certificate.ftl"),
        ),
        (
            Language::French,
            include_str!("../locales/fr-BE/certificate.ftl"),
        ),
        (
            Language::German,
            include_str!("../locales/de-BE/certificate.ftl"),
        ),
        (
            Language::English,
            include_str!("../locales/en/certificate.ftl"),
        ),
    ];
    let dutch = messages(files[0].1);
    assert!(dutch.len() > 60, "{}", dutch.len());
    assert!(dutch.keys().all(|id| id.starts_with("certificate-")));
    let i18n = I18n::embedded().unwrap();
    for (language, source) in files {
        assert_eq!(
            messages(source),
            dutch,
            "{language}: not the same ids and variables as nl-BE"
        );
        for id in dutch.keys() {
            assert!(i18n.has_message(language, id), "{language}: {id} missing");
        }
    }
    // Every type of the demo catalogue says what it is for.
    for kind in [
        "residence",
        "residence-history",
        "life",
        "elector",
        "criminal-record-596-1",
    ] {
        assert!(dutch.contains_key(&format!("certificate-about-{kind}")));
    }
}

/// Leaves the main screens in both orientations in target/screens/certificate/ for a person to
/// look at (the checks above assert what is on them).
#[test]
fn every_screen_is_left_for_a_person_to_look_at() {
    let dir = support::screens_dir("certificate");
    let dump = |flow: &Flow, name: &str| flow.dump(&dir, name);
    let mut flow = Flow::new();
    dump(&flow, "1-choose");
    flow.send(Message::ChooseType("criminal-record-595".into()));
    flow.send(Message::Keyboard(
        kiosk::widget::keyboard::KeyboardMessage::Insert('x'),
    ));
    dump(&flow, "2-purpose");
    flow.send(Message::Continue);
    dump(&flow, "3-insert-card");
    flow.answer(Reply::CardInserted);
    dump(&flow, "4-privacy");
    // The notice's second part (its own screen in landscape with larger text).
    flow.send(Message::NextPage);
    dump(&flow, "4b-privacy-second-part");
    flow.send(Message::Continue);
    flow.answer(Reply::CardRead(Ok(holder())));
    flow.send(Message::Pin(PinKey::Digit(1)));
    flow.send(Message::Pin(PinKey::Digit(2)));
    dump(&flow, "5-pin");
    let mut preview = Flow::new();
    preview.reach_preview();
    dump(&preview, "6-preview");
    // The document's last part, then printing, then a failed print.
    preview.send(Message::NextPage);
    dump(&preview, "6b-preview-last-part");
    preview.send(Message::Print);
    dump(&preview, "6c-printing");
    preview.answer(Reply::Printed(Err(PrintFailure::NotReady)));
    dump(&preview, "6d-print-failed");
    preview.send(Message::TryAgain);
    preview.answer(Reply::Printed(Ok(())));
    dump(&preview, "7-take-card");
    preview.answer(Reply::CardRemoved);
    dump(&preview, "8-ended");
    let mut pending = Flow::new();
    pending.reach_preview_pending();
    dump(&pending, "9-pending");
}

/// A 429 of the backend's per-kiosk limit (on eID challenges) is the kiosk's doing, not the
/// card's: it is not worded as "many certificates with this card".
#[test]
fn the_kiosks_rate_limit_is_told_apart_from_the_cards() {
    let mut flow = Flow::new();
    flow.reach_pin();
    flow.type_pin("1234");
    flow.click("OK");
    flow.answer(Reply::PinResult(Ok(())));
    flow.answer(Reply::Answer(Err(Failure::KioskBusy)));
    flow.assert_shows(
        "This kiosk has had many requests in a short time. Try again in a few minutes, or go to the desk.",
    );
    flow.assert_hides("Try again");

    use kiosk_core::sync::SyncError;
    let refused = |limit: Option<&str>| {
        let mut extensions = serde_json::Map::new();
        if let Some(limit) = limit {
            extensions.insert(kiosk_api::problem::KIOSK_LIMIT.into(), limit.into());
        }
        SyncError::Problem(Box::new(kiosk_api::Problem {
            kind: kiosk_api::problem_type::TOO_MANY_ATTEMPTS.into(),
            title: "Too many".into(),
            status: 429,
            detail: None,
            extensions,
        }))
    };
    assert_eq!(
        Failure::from_sync(&refused(Some("eid-challenges"))),
        Failure::KioskBusy
    );
    assert_eq!(Failure::from_sync(&refused(None)), Failure::TooManyRequests);
}

/// Speech mode never says a PIN: in every language, while the PIN is typed, the screen says how
/// many digits are in and the keypad's keys say "digit key", never which digit.
#[test]
fn speech_says_how_many_pin_digits_are_in_and_never_which() {
    for language in Language::ALL {
        let mut flow = Flow::new();
        flow.set_language(language);
        flow.reach_pin();
        let labels = flow.focus_labels();
        assert!(labels.iter().all(|l| !l.trim().is_empty()), "{labels:?}");
        for (typed, digit) in [9u8, 8, 7, 6].into_iter().enumerate() {
            flow.send(Message::Pin(PinKey::Digit(digit)));
            let spoken = flow.spoken();
            let entered = spoken.last().unwrap();
            assert!(
                entered.contains(&(typed + 1).to_string()),
                "{language:?}: the count of digits in {spoken:?}"
            );
            for said in spoken.iter().chain(&flow.focus_labels()) {
                assert!(
                    !said.contains(['9', '8', '7', '6']),
                    "{language:?}: a PIN digit said: {said:?}"
                );
            }
        }
    }
}
