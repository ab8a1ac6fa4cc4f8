# German (Belgium). The on-screen keyboard and keypads, and what to do when a number, e-mail
# address or booking code is not right. The resident addressed as "Sie".

## Keys of the on-screen keyboard and keypads
input-key-done = Fertig
input-key-backspace = Löschen
input-key-space = Leertaste
# Shows capitals for the next letter.
input-key-shift = Aa
# Opens the page with accented letters.
input-key-accents = àéè…
# Back from the accented letters to the usual keys.
input-key-letters = abc
input-key-symbols = /:_#

## National register number
input-nn-empty = Geben Sie Ihre Nationalregisternummer ein. Sie steht auf der Rückseite Ihres Personalausweises.
input-nn-character = Eine Nationalregisternummer besteht nur aus Ziffern.
input-nn-length = Eine Nationalregisternummer hat 11 Ziffern. Prüfen Sie, ob eine fehlt.
input-nn-date = Die ersten sechs Ziffern sind Ihr Geburtsdatum. Prüfen Sie sie.
input-nn-check = Diese Nummer stimmt nicht. Prüfen Sie die Ziffern auf Ihrem Personalausweis.

## Phone number
input-phone-empty = Geben Sie Ihre Telefonnummer ein.
input-phone-character = Eine Telefonnummer besteht nur aus Ziffern, eventuell mit einem + am Anfang.
input-phone-prefix = Beginnen Sie mit 0 für eine belgische Nummer oder mit + und der Landesvorwahl für eine ausländische Nummer.
input-phone-too-short = Diese Nummer ist zu kurz. Prüfen Sie, ob eine Ziffer fehlt.
input-phone-too-long = Diese Nummer ist zu lang. Prüfen Sie, ob eine Ziffer zu viel ist.
input-phone-belgian = Das ist keine belgische Telefonnummer. Eine Handynummer sieht so aus: 0470 12 34 56.

## E-mail address
input-email-empty = Geben Sie Ihre E-Mail-Adresse ein.
input-email-space = Eine E-Mail-Adresse enthält keine Leerzeichen.
input-email-at-missing = Eine E-Mail-Adresse enthält ein @, zum Beispiel name@beispiel.be.
input-email-at-multiple = Eine E-Mail-Adresse enthält nur ein @.
input-email-local = Prüfen Sie den Teil vor dem @.
input-email-domain = Prüfen Sie den Teil nach dem @, zum Beispiel beispiel.be.
input-email-domain-dot = Nach dem @ kommt ein Name mit einem Punkt, zum Beispiel beispiel.be.
input-email-too-long = Diese E-Mail-Adresse ist zu lang.

## Booking code
input-code-empty = Geben Sie den Code Ihres Termins ein.
input-code-ambiguous = Ein Termincode enthält nie die Buchstaben O, I oder L und nie die Ziffern 0 oder 1. Prüfen Sie den Code.
input-code-character = Ein Termincode enthält nur Buchstaben und Ziffern.
input-code-too-short = Ein Termincode hat 10 Zeichen. Es fehlen welche.
input-code-too-long = Ein Termincode hat 10 Zeichen. Es sind zu viele.
input-code-qr = Diesen QR-Code kennen wir nicht. Scannen Sie den QR-Code auf Ihrer Terminbestätigung oder tippen Sie den Code ein.
