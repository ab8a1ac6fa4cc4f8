//! The Belgian input rules with golden examples: national numbers (domain.md), phone numbers,
//! e-mail addresses, booking codes (as the backend makes them), and every error's message in
//! every language.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jiff::civil::date;
use kiosk_core::domain::booking_code::{self, ALPHABET, AMBIGUOUS, CODE_LEN};
use kiosk_core::domain::{
    BookingCode, BookingCodeError, BookingInput, EmailAddress, EmailError, NationalNumber,
    NationalNumberError, NumberKind, PhoneError, PhoneNumber, Sex,
};
use kiosk_core::i18n::{I18n, Language};

// ---------------------------------------------------------------- national register numbers

#[test]
fn national_number_1985_matches_the_old_rule() {
    let number = NationalNumber::parse("85073003328").unwrap();
    assert_eq!(number.birth_date(), Some(date(1985, 7, 30)));
    assert_eq!(number.sex(), Some(Sex::Male));
    assert_eq!(number.kind(), NumberKind::Register);
    assert_eq!(number.to_string(), "85.07.30-033.28");
    assert_eq!(number.digits(), "85073003328");
}

#[test]
fn national_number_2017_matches_the_new_rule() {
    let number = NationalNumber::parse("17073003384").unwrap();
    assert_eq!(number.birth_date(), Some(date(2017, 7, 30)));
    assert_eq!(number.birth_year(), 2017);
    assert_eq!(number.to_string(), "17.07.30-033.84");
}

#[test]
fn national_number_may_be_typed_with_dots_dashes_and_spaces() {
    for typed in [
        "85.07.30-033.28",
        " 850730 033 28 ",
        "850730-033-28",
        "85 07 30 033 28",
    ] {
        assert_eq!(
            NationalNumber::parse(typed).unwrap().digits(),
            "85073003328",
            "{typed}"
        );
    }
}

#[test]
fn national_number_with_wrong_check_digits_is_refused() {
    for wrong in ["85073003329", "85073003327", "17073003385", "85073003428"] {
        assert_eq!(
            NationalNumber::parse(wrong),
            Err(NationalNumberError::WrongCheckDigits),
            "{wrong}"
        );
    }
}

#[test]
fn national_number_length_and_characters_are_explained() {
    assert_eq!(NationalNumber::parse(""), Err(NationalNumberError::Empty));
    assert_eq!(
        NationalNumber::parse("   "),
        Err(NationalNumberError::Empty)
    );
    assert_eq!(
        NationalNumber::parse("8507300332"),
        Err(NationalNumberError::WrongLength { digits: 10 })
    );
    assert_eq!(
        NationalNumber::parse("850730033288"),
        Err(NationalNumberError::WrongLength { digits: 12 })
    );
    assert_eq!(
        NationalNumber::parse("85O73003328"),
        Err(NationalNumberError::InvalidCharacter)
    );
}

#[test]
fn national_number_female_counter_is_even() {
    // 85.12.30-002: counter 2.
    let number = NationalNumber::parse("85123000294").unwrap();
    assert_eq!(number.sex(), Some(Sex::Female));
    assert_eq!(number.birth_date(), Some(date(1985, 12, 30)));
}

#[test]
fn bis_number_with_sex_known_adds_40_to_the_month() {
    let number = NationalNumber::parse("85.47.30-034.16").unwrap();
    assert_eq!(number.kind(), NumberKind::Bis);
    assert_eq!(number.birth_date(), Some(date(1985, 7, 30)));
    assert_eq!(number.sex(), Some(Sex::Female));
}

#[test]
fn bis_number_with_sex_unknown_adds_20_to_the_month() {
    let number = NationalNumber::parse("85273003371").unwrap();
    assert_eq!(number.kind(), NumberKind::Bis);
    assert_eq!(number.birth_date(), Some(date(1985, 7, 30)));
    assert_eq!(number.sex(), None);
}

#[test]
fn unknown_birth_date_is_valid_but_gives_no_date() {
    let number = NationalNumber::parse("85000003306").unwrap();
    assert_eq!(number.birth_date(), None);
    assert_eq!(number.birth_year(), 1985);
    let bis = NationalNumber::parse("85400001216").unwrap();
    assert_eq!(bis.kind(), NumberKind::Bis);
    assert_eq!(bis.birth_date(), None);
}

#[test]
fn national_number_birth_date_must_exist() {
    // 29 February 2004 existed, 29 February 2005 did not (both with correct check digits).
    assert_eq!(
        NationalNumber::parse("04022900231").unwrap().birth_date(),
        Some(date(2004, 2, 29))
    );
    assert_eq!(
        NationalNumber::parse("05022900252"),
        Err(NationalNumberError::InvalidBirthDate)
    );
    // Month 13 is neither a month nor a BIS month.
    assert_eq!(
        NationalNumber::parse(&with_check("851330033", false)),
        Err(NationalNumberError::InvalidBirthDate)
    );
}

#[test]
fn national_number_counter_000_is_refused() {
    assert_eq!(
        NationalNumber::parse(&with_check("850730000", false)),
        Err(NationalNumberError::InvalidCounter)
    );
}

#[test]
fn national_number_counter_999_is_refused() {
    assert_eq!(
        NationalNumber::parse(&with_check("850730999", false)),
        Err(NationalNumberError::InvalidCounter)
    );
}

/// December and the 31st are the last month and day; a month past 12 is refused even when the
/// day is unknown (00), and a day past 31 when the month is unknown.
#[test]
fn national_number_month_and_day_limits_hold_when_the_other_is_unknown() {
    let december = NationalNumber::parse("85123000294").unwrap();
    assert_eq!(december.kind(), NumberKind::Register);
    assert_eq!(december.birth_date(), Some(date(1985, 12, 30)));
    let december_day_unknown = NationalNumber::parse(&with_check("851200033", false)).unwrap();
    assert_eq!(december_day_unknown.kind(), NumberKind::Register);
    assert_eq!(december_day_unknown.birth_date(), None);
    assert_eq!(
        NationalNumber::parse(&with_check("851300033", false)),
        Err(NationalNumberError::InvalidBirthDate)
    );
    assert_eq!(
        NationalNumber::parse(&with_check("850032033", false)),
        Err(NationalNumberError::InvalidBirthDate)
    );
    let thirty_first = NationalNumber::parse(&with_check("850131033", false)).unwrap();
    assert_eq!(thirty_first.birth_date(), Some(date(1985, 1, 31)));
    assert!(NationalNumber::parse(&with_check("850031033", false)).is_ok());
}

#[test]
fn national_number_debug_does_not_show_the_number() {
    let number = NationalNumber::parse("85073003328").unwrap();
    assert!(!format!("{number:?}").contains("850730"));
}

/// The 11 digits with correct check digits for the old (1900s) or new (2000s) rule.
fn with_check(first_nine: &str, new_rule: bool) -> String {
    let n: u64 = first_nine.parse().unwrap();
    let base = if new_rule { 2_000_000_000 + n } else { n };
    format!("{first_nine}{:02}", 97 - base % 97)
}

// ---------------------------------------------------------------- phone numbers

#[test]
fn belgian_mobile_numbers_in_every_common_notation() {
    for typed in [
        "0470 12 34 56",
        "0470123456",
        "0470/12.34.56",
        "+32 470 12 34 56",
        "+32 (0)470 12 34 56",
        "+32 0470 12 34 56",
        "0032 470 12 34 56",
        "0032470123456",
    ] {
        let phone = PhoneNumber::parse(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
        assert_eq!(phone.e164(), "+32470123456", "{typed}");
        assert!(phone.is_mobile() && phone.is_belgian());
        assert_eq!(phone.to_string(), "0470 12 34 56");
    }
}

#[test]
fn belgian_landlines_with_one_and_two_digit_zones() {
    let hasselt = PhoneNumber::parse("011 12 34 56").unwrap();
    assert_eq!(hasselt.e164(), "+3211123456");
    assert_eq!(hasselt.to_string(), "011 12 34 56");
    assert!(!hasselt.is_mobile());
    let brussels = PhoneNumber::parse("02 123 45 67").unwrap();
    assert_eq!(brussels.e164(), "+3221234567");
    assert_eq!(brussels.to_string(), "02 123 45 67");
    let liege = PhoneNumber::parse("+32 4 221 23 45").unwrap();
    assert_eq!(liege.to_string(), "04 221 23 45");
    assert!(
        !liege.is_mobile(),
        "a landline in zone 04 gets no text message"
    );
}

#[test]
fn international_numbers_follow_e164_lengths() {
    let paris = PhoneNumber::parse("+33 1 23 45 67 89").unwrap();
    assert_eq!(paris.e164(), "+33123456789");
    assert_eq!(paris.to_string(), "+33123456789");
    assert!(!paris.is_belgian());
    assert_eq!(
        PhoneNumber::parse("0031 6 12345678").unwrap().e164(),
        "+31612345678"
    );
    assert_eq!(
        PhoneNumber::parse("+1234567890123456"),
        Err(PhoneError::TooLong)
    );
    assert_eq!(PhoneNumber::parse("+44 12"), Err(PhoneError::TooShort));
    // E.164: 7 to 15 digits with the country code.
    assert_eq!(PhoneNumber::parse("+352 1234").unwrap().e164(), "+3521234");
    assert_eq!(PhoneNumber::parse("+352 123"), Err(PhoneError::TooShort));
    assert_eq!(
        PhoneNumber::parse("+123 456 789 012 345").unwrap().e164(),
        "+123456789012345"
    );
}

#[test]
fn phone_mistakes_are_explained() {
    assert_eq!(PhoneNumber::parse(" "), Err(PhoneError::Empty));
    assert_eq!(
        PhoneNumber::parse("0470 12 34 5a"),
        Err(PhoneError::InvalidCharacter)
    );
    assert_eq!(
        PhoneNumber::parse("04 70+12"),
        Err(PhoneError::InvalidCharacter)
    );
    assert_eq!(
        PhoneNumber::parse("470 12 34 56"),
        Err(PhoneError::MissingPrefix)
    );
    assert_eq!(PhoneNumber::parse("0470 12 34"), Err(PhoneError::TooShort));
    // 045-049 are mobile only: 8 digits there is a mobile number with a digit missing.
    assert_eq!(
        PhoneNumber::parse("0470 12 34 5"),
        Err(PhoneError::TooShort)
    );
    assert_eq!(
        PhoneNumber::parse("0470 12 34 567"),
        Err(PhoneError::TooLong)
    );
    assert_eq!(
        PhoneNumber::parse("011 12 34 567"),
        Err(PhoneError::NotBelgian)
    );
    assert_eq!(
        PhoneNumber::parse("02 123 45 678"),
        Err(PhoneError::NotBelgian)
    );
    // A second 0 after +32 0: no Belgian zone starts with 0.
    assert_eq!(
        PhoneNumber::parse("+32 0 01 23 45 67"),
        Err(PhoneError::NotBelgian)
    );
}

// ---------------------------------------------------------------- e-mail addresses

#[test]
fn email_addresses_are_trimmed_and_the_domain_lower_cased() {
    let email = EmailAddress::parse("  An.Peeters+kiosk@Voorbeeld.BE ").unwrap();
    assert_eq!(email.as_str(), "An.Peeters+kiosk@voorbeeld.be");
    assert!(EmailAddress::parse("loïc.dupré@exemple.be").is_ok());
    assert!(EmailAddress::parse("a@b-c.example.co.uk").is_ok());
}

#[test]
fn email_mistakes_are_explained() {
    let cases = [
        ("", EmailError::Empty),
        ("an peeters@voorbeeld.be", EmailError::ContainsSpace),
        ("an.peeters.voorbeeld.be", EmailError::MissingAt),
        ("an@peeters@voorbeeld.be", EmailError::MultipleAt),
        ("@voorbeeld.be", EmailError::EmptyLocalPart),
        (".an@voorbeeld.be", EmailError::InvalidLocalPart),
        ("an..p@voorbeeld.be", EmailError::InvalidLocalPart),
        ("an<p>@voorbeeld.be", EmailError::InvalidLocalPart),
        ("an@", EmailError::EmptyDomain),
        ("an@voorbeeld", EmailError::DomainWithoutDot),
        ("an@voorbeeld.", EmailError::InvalidDomain),
        ("an@voorbeeld..be", EmailError::InvalidDomain),
        ("an@-voorbeeld.be", EmailError::InvalidDomain),
        ("an@voorbeeld.b", EmailError::InvalidDomain),
        ("an@voor_beeld.be", EmailError::InvalidDomain),
        ("an@10.0.0.1", EmailError::InvalidDomain),
        ("an@voorbeeld.12", EmailError::InvalidDomain),
    ];
    for (typed, expected) in cases {
        assert_eq!(EmailAddress::parse(typed), Err(expected), "{typed:?}");
    }
}

#[test]
fn email_length_limits() {
    let local = "a".repeat(65);
    assert_eq!(
        EmailAddress::parse(&format!("{local}@voorbeeld.be")),
        Err(EmailError::TooLong)
    );
    let label = "b".repeat(63);
    let long = format!("an@{label}.{label}.{label}.{label}.be");
    assert_eq!(EmailAddress::parse(&long), Err(EmailError::TooLong));
    let fits = format!("an@{label}.{label}.{label}.be");
    assert!(EmailAddress::parse(&fits).is_ok());
}

/// Each limit of RFC 5321 is taken exactly, and one character more is refused: 64 before the @,
/// 63 in a label, 254 in all.
#[test]
fn an_address_at_each_length_limit_is_taken_and_one_more_is_refused() {
    let label = "b".repeat(63);
    let local = "a".repeat(64);
    assert!(EmailAddress::parse(&format!("{local}@voorbeeld.be")).is_ok());
    assert_eq!(
        EmailAddress::parse(&format!("a{local}@voorbeeld.be")),
        Err(EmailError::TooLong)
    );

    assert!(EmailAddress::parse(&format!("an@{label}.be")).is_ok());
    assert_eq!(
        EmailAddress::parse(&format!("an@b{label}.be")),
        Err(EmailError::InvalidDomain)
    );

    // 64 + 1 + 63 + 1 + 63 + 1 + 58 + 3 = 254 characters.
    let longest = format!("{local}@{label}.{label}.{}.be", "c".repeat(58));
    assert_eq!(longest.chars().count(), 254);
    assert_eq!(
        EmailAddress::parse(&longest).map(|e| e.to_string()),
        Ok(longest.clone())
    );
    let one_more = format!("{local}@{label}.{label}.{}.be", "c".repeat(59));
    assert_eq!(EmailAddress::parse(&one_more), Err(EmailError::TooLong));
}

// ---------------------------------------------------------------- booking codes

#[test]
fn code_alphabet_and_length_match_the_backend() {
    assert_eq!(ALPHABET.as_bytes(), kiosk_backend::codes::ALPHABET);
    assert_eq!(CODE_LEN, kiosk_backend::codes::SHORT_CODE_LEN);
    for c in AMBIGUOUS.chars() {
        assert!(!booking_code::is_code_char(c));
    }
}

#[test]
fn typed_codes_are_normalised_like_the_backend_does() {
    let code = kiosk_backend::codes::short_code();
    let typed = format!(" {}-{} ", code[..5].to_lowercase(), &code[5..]);
    let parsed = BookingInput::parse(&typed).unwrap();
    assert_eq!(
        parsed,
        BookingInput::Typed(BookingCode::parse(&code).unwrap())
    );
    assert_eq!(parsed.code().as_str(), code);
    assert_eq!(parsed.to_backend(), code);
    assert_eq!(
        kiosk_backend::codes::parse_code(&parsed.to_backend()),
        Some(kiosk_backend::codes::CodeLookup::Short(code.clone()))
    );
    assert_eq!(
        BookingCode::parse("abcde.23456").unwrap().to_string(),
        "ABCDE 23456"
    );
}

#[test]
fn scanned_qr_payloads_are_told_apart_from_typed_codes() {
    let code = kiosk_backend::codes::short_code();
    let secret = kiosk_backend::codes::qr_secret();
    let payload = kiosk_backend::codes::qr_payload(&code, &secret);
    let parsed = BookingInput::parse(&payload).unwrap();
    assert!(matches!(parsed, BookingInput::Scanned { .. }));
    assert_eq!(parsed.code().as_str(), code);
    assert_eq!(parsed.to_backend(), payload);
    assert_eq!(
        kiosk_backend::codes::parse_code(&parsed.to_backend()),
        Some(kiosk_backend::codes::CodeLookup::Qr {
            short: code,
            secret
        })
    );
    assert!(!format!("{parsed:?}").contains(&payload[4..]));
}

#[test]
fn ambiguous_characters_are_refused_with_a_reason_not_guessed() {
    for typed in [
        "ABCDE2345O",
        "ABCDE23450",
        "abcde2345o",
        "ABCDE2345I",
        "ABCDE23451",
        "ABCDE2345L",
        "abcde2345l",
    ] {
        assert_eq!(
            BookingCode::parse(typed),
            Err(BookingCodeError::Ambiguous),
            "{typed}"
        );
    }
}

#[test]
fn code_mistakes_are_explained() {
    assert_eq!(BookingInput::parse("  "), Err(BookingCodeError::Empty));
    assert_eq!(BookingInput::parse(" - - "), Err(BookingCodeError::Empty));
    assert_eq!(
        BookingInput::parse("ABCDE2345"),
        Err(BookingCodeError::TooShort)
    );
    assert_eq!(
        BookingInput::parse("ABCDE234567"),
        Err(BookingCodeError::TooLong)
    );
    assert_eq!(
        BookingInput::parse("ABCDE2345É"),
        Err(BookingCodeError::InvalidCharacter)
    );
    assert_eq!(
        BookingInput::parse("ABCDE2345_"),
        Err(BookingCodeError::InvalidCharacter)
    );
    for qr in [
        "KB1-ABC-xyz",
        "KB1-ABCDE23456",
        "KB1-ABCDE23456-0123",
        "KB1-ABCDE2345O-0123456789abcdef0123456789abcdef",
        "KB1-ABCDE23456-0123456789abcdef0123456789abcdeg",
    ] {
        assert_eq!(
            BookingInput::parse(qr),
            Err(BookingCodeError::InvalidQr),
            "{qr}"
        );
    }
}

// ---------------------------------------------------------------- messages

#[test]
fn every_error_has_its_message_in_every_language() {
    let i18n = I18n::embedded().unwrap();
    let ids = [
        NationalNumberError::Empty.message_id(),
        NationalNumberError::InvalidCharacter.message_id(),
        NationalNumberError::WrongLength { digits: 3 }.message_id(),
        NationalNumberError::InvalidBirthDate.message_id(),
        NationalNumberError::InvalidCounter.message_id(),
        NationalNumberError::WrongCheckDigits.message_id(),
        PhoneError::Empty.message_id(),
        PhoneError::InvalidCharacter.message_id(),
        PhoneError::MissingPrefix.message_id(),
        PhoneError::TooShort.message_id(),
        PhoneError::TooLong.message_id(),
        PhoneError::NotBelgian.message_id(),
        EmailError::Empty.message_id(),
        EmailError::ContainsSpace.message_id(),
        EmailError::MissingAt.message_id(),
        EmailError::MultipleAt.message_id(),
        EmailError::EmptyLocalPart.message_id(),
        EmailError::InvalidLocalPart.message_id(),
        EmailError::EmptyDomain.message_id(),
        EmailError::DomainWithoutDot.message_id(),
        EmailError::InvalidDomain.message_id(),
        EmailError::TooLong.message_id(),
        BookingCodeError::Empty.message_id(),
        BookingCodeError::Ambiguous.message_id(),
        BookingCodeError::InvalidCharacter.message_id(),
        BookingCodeError::TooShort.message_id(),
        BookingCodeError::TooLong.message_id(),
        BookingCodeError::InvalidQr.message_id(),
    ];
    for language in Language::ALL {
        for id in ids {
            assert!(i18n.has_message(language, id), "{language}: {id} missing");
        }
    }
}
