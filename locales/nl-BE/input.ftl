# Dutch (Belgium): the reference. The on-screen keyboard and keypads, and what to do when a
# number, e-mail address or booking code is not right. Plain words (B1), the resident as "u".

## Keys of the on-screen keyboard and keypads
input-key-done = Klaar
input-key-backspace = Wissen
input-key-space = spatie
# Shows capitals for the next letter.
input-key-shift = Aa
# Opens the page with accented letters.
input-key-accents = àéè…
# Back from the accented letters to the usual keys.
input-key-letters = abc
input-key-symbols = /:_#

## National register number
input-nn-empty = Vul uw rijksregisternummer in. U vindt het op de achterkant van uw identiteitskaart.
input-nn-character = Een rijksregisternummer bestaat alleen uit cijfers.
input-nn-length = Een rijksregisternummer heeft 11 cijfers. Kijk na of u er geen vergeten bent.
input-nn-date = De eerste zes cijfers zijn uw geboortedatum. Kijk ze na.
input-nn-check = Dit nummer klopt niet. Kijk de cijfers na op uw identiteitskaart.

## Phone number
input-phone-empty = Vul uw telefoonnummer in.
input-phone-character = Een telefoonnummer bestaat alleen uit cijfers, eventueel met een + vooraan.
input-phone-prefix = Begin met 0 voor een Belgisch nummer, of met + en de landcode voor een buitenlands nummer.
input-phone-too-short = Dit nummer is te kort. Kijk na of u geen cijfer vergeten bent.
input-phone-too-long = Dit nummer is te lang. Kijk na of u geen cijfer te veel hebt.
input-phone-belgian = Dit is geen Belgisch telefoonnummer. Een gsm-nummer is zo: 0470 12 34 56.

## E-mail address
input-email-empty = Vul uw e-mailadres in.
input-email-space = Een e-mailadres heeft geen spaties.
input-email-at-missing = Een e-mailadres heeft een @, bijvoorbeeld naam@voorbeeld.be.
input-email-at-multiple = Een e-mailadres heeft maar één @.
input-email-local = Kijk het deel vóór de @ na.
input-email-domain = Kijk het deel na de @ na, bijvoorbeeld voorbeeld.be.
input-email-domain-dot = Na de @ komt een naam met een punt, bijvoorbeeld voorbeeld.be.
input-email-too-long = Dit e-mailadres is te lang.

## Booking code
input-code-empty = Vul de code van uw afspraak in.
input-code-ambiguous = Een afspraakcode heeft nooit de letters O, I of L, of de cijfers 0 of 1. Kijk de code na.
input-code-character = Een afspraakcode heeft alleen letters en cijfers.
input-code-too-short = Een afspraakcode heeft 10 tekens. U hebt er te weinig ingevuld.
input-code-too-long = Een afspraakcode heeft 10 tekens. U hebt er te veel ingevuld.
input-code-qr = Deze QR-code kennen we niet. Scan de QR-code op uw afspraakbevestiging, of typ de code.
