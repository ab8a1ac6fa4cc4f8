# Deutsch (Belgien). Einen Termin vereinbaren: eine Frage pro Bildschirm. Anrede "Sie".

## Jeder Schritt
booking-minutes = { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    }
booking-page-previous = Vorherige
booking-page-next = Weitere
booking-working = Einen Moment, bitte…

## Anliegen, Personen, Tag, Uhrzeit
booking-product-title = Wofür möchten Sie einen Termin?
booking-persons-title = Mit wie vielen Personen kommen Sie?
booking-persons-count = { $persons ->
        [one] { $persons } Person
       *[other] { $persons } Personen
    }
booking-day-title = Welcher Tag passt Ihnen?
booking-day-closed = Geschlossen
booking-day-full = Ausgebucht
booking-time-title = Um wie viel Uhr am { $date }?
booking-time-taken = Diese Uhrzeit wurde gerade vergeben. Bitte wählen Sie eine andere Uhrzeit.
booking-time-none = An diesem Tag ist keine Uhrzeit mehr frei. Bitte wählen Sie einen anderen Tag.
booking-another-day = Anderen Tag wählen

## Ihre Angaben
booking-name-title = Wie ist Ihr Name?
booking-name-empty = Bitte geben Sie Ihren Namen ein.
booking-phone-title = Wie ist Ihre Telefonnummer?
booking-email-title = Wie ist Ihre E-Mail-Adresse?
booking-contact-title = Wie können wir Sie erreichen?
booking-contact-phone = Per Telefon
booking-contact-email = Per E-Mail

## Übersicht, während die Uhrzeit für Sie freigehalten wird
booking-summary-title = Prüfen Sie Ihren Termin
booking-summary-product = Wofür
booking-summary-bring = Mitbringen
booking-summary-persons = Personen
booking-summary-when = Wann
booking-summary-name = Name
booking-summary-phone = Telefon
booking-summary-email = E-Mail
booking-date-at = { $date } um { $time } Uhr
booking-holding = Einen Moment, wir halten diese Uhrzeit für Sie frei…
# $time: Minuten und Sekunden, z. B. 9:41
booking-hold-left = Wir halten diese Uhrzeit noch { $time } für Sie frei.
booking-hold-expired = Wir konnten diese Uhrzeit nicht länger für Sie freihalten.
booking-another-time = Andere Uhrzeit wählen
booking-confirm = Termin verbindlich buchen
booking-confirming = Einen Moment, wir buchen Ihren Termin…

## Gebucht
booking-done-title = Ihr Termin ist gebucht
booking-printing = Ihr Ticket wird gedruckt. Bitte nehmen Sie es aus dem Drucker.
booking-print-failed = Das Ticket konnte nicht gedruckt werden. Schreiben Sie diesen Code auf oder fotografieren Sie ihn:
booking-print-failed-hint = Mit diesem Code melden Sie sich am Terminal oder am Schalter an.
booking-finish = Fertig

## Wenn keine Buchung möglich ist
booking-unavailable-title = Terminbuchung ist gerade nicht möglich
booking-unavailable-body = Bitte versuchen Sie es später noch einmal oder gehen Sie zum Schalter: Wir helfen Ihnen gern.
booking-rate-limited-body = Dieses Terminal hat in kurzer Zeit viele Termine vergeben. Versuchen Sie es in einigen Minuten noch einmal oder gehen Sie zum Schalter: Wir helfen Ihnen gern.
booking-unavailable-home = Zurück zum Anfang
