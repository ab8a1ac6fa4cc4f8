# Nederlands (België). Een afspraak maken: één vraag per scherm. De bewoner wordt met "u"
# aangesproken.

## Elke stap
booking-minutes = { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    }
booking-page-previous = Vorige
booking-page-next = Meer
booking-working = Even geduld…

## Dienst, personen, dag, uur
booking-product-title = Waarvoor wilt u een afspraak?
booking-persons-title = Met hoeveel personen komt u?
booking-persons-count = { $persons ->
        [one] { $persons } persoon
       *[other] { $persons } personen
    }
booking-day-title = Welke dag past u?
booking-day-closed = Gesloten
booking-day-full = Volzet
booking-time-title = Hoe laat op { $date }?
booking-time-taken = Dit uur is net door iemand anders gekozen. Kies een ander uur.
booking-time-none = Er is geen vrij uur op deze dag. Kies een andere dag.
booking-another-day = Kies een andere dag

## Uw gegevens
booking-name-title = Wat is uw naam?
booking-name-empty = Vul uw naam in.
booking-phone-title = Wat is uw telefoonnummer?
booking-email-title = Wat is uw e-mailadres?
booking-contact-title = Hoe kunnen we u bereiken?
booking-contact-phone = Via telefoon
booking-contact-email = Via e-mail

## Overzicht terwijl het uur voor u vrijgehouden wordt
booking-summary-title = Kijk uw afspraak na
booking-summary-product = Voor
booking-summary-bring = Breng mee
booking-summary-persons = Personen
booking-summary-when = Wanneer
booking-summary-name = Naam
booking-summary-phone = Telefoon
booking-summary-email = E-mail
booking-date-at = { $date } om { $time }
booking-holding = Even geduld, we houden dit uur voor u vrij…
# $time is minuten en seconden, bv. 9:41
booking-hold-left = We houden dit uur nog { $time } voor u vrij.
booking-hold-expired = We konden dit uur niet langer voor u vrijhouden.
booking-another-time = Kies een ander uur
booking-confirm = Afspraak vastleggen
booking-confirming = Even geduld, we leggen uw afspraak vast…

## Afspraak gemaakt
booking-done-title = Uw afspraak is gemaakt
booking-printing = Uw ticket wordt afgedrukt. Neem het uit de printer.
booking-print-failed = Het ticket kon niet worden afgedrukt. Schrijf deze code op of maak er een foto van:
booking-print-failed-hint = Met deze code meldt u zich aan bij de zuil of aan de balie.
booking-finish = Klaar

## Als afspraken maken niet lukt
booking-unavailable-title = Afspraken maken lukt nu niet
booking-unavailable-body = Probeer het later opnieuw, of ga naar de balie: we helpen u graag.
booking-rate-limited-body = Deze kiosk maakte in korte tijd veel afspraken. Probeer het over enkele minuten opnieuw, of ga naar de balie: we helpen u graag.
booking-unavailable-home = Terug naar het begin
