# Nederlands (België). Inchecken voor een afspraak en een volgnummer nemen. De bewoner wordt
# met "u" aangesproken.

## De code scannen of typen
checkin-ask-title = Houd de QR-code van uw afspraak onder de scanner
checkin-ask-hint = U vindt de QR-code op het papier of in de e-mail over uw afspraak. Geen QR-code? Typ dan de code.
checkin-type-code = Mijn code typen
checkin-type-title = Typ de code van uw afspraak

## Even geduld
checkin-looking-up = Even geduld, we zoeken uw afspraak op…
checkin-checking-in = Even geduld, we melden u aan…
checkin-cancelling = Even geduld, we annuleren uw afspraak…

## Uw afspraak
checkin-appointment-title = Uw afspraak
# $date is bv. "dinsdag 3 december", $time bv. "10:30"
checkin-when = { $date }, { $time }
checkin-take-number = Mijn volgnummer nemen
checkin-cancel = Deze afspraak annuleren
# $when is de dag en het uur van de afspraak
checkin-cancel-question = Wilt u uw afspraak van { $when } annuleren?
checkin-cancel-yes = Ja, annuleren
checkin-cancel-no = Nee, behouden
checkin-cancelled-title = Uw afspraak is geannuleerd
checkin-cancelled-body = U hoeft niets meer te doen. U kunt altijd een nieuwe afspraak maken.
checkin-finish = Klaar

## Uw volgnummer
checkin-ticket-title = Uw volgnummer
checkin-people-ahead = { $people ->
        [0] U bent de volgende.
        [one] Er wacht { $people } persoon voor u.
       *[other] Er wachten { $people } personen voor u.
    }
checkin-wait = { $minutes ->
        [one] Verwachte wachttijd: ongeveer { $minutes } minuut.
       *[other] Verwachte wachttijd: ongeveer { $minutes } minuten.
    }
checkin-watch-screen = Kijk naar het scherm in de wachtzaal: daar verschijnt uw nummer.
checkin-printing = Uw ticket wordt afgedrukt…
checkin-take-ticket = Neem uw ticket uit de printer.
checkin-print-failed = Noteer dit nummer: de printer werkt niet.

## Als het niet lukt
checkin-printer-down = De ticketprinter werkt niet. Ga naar de balie.
checkin-not-found = We herkennen deze code niet. Kijk de code na, of ga naar de balie.
checkin-booking-cancelled = Deze afspraak is geannuleerd. Ga naar de balie.
checkin-too-early = U bent te vroeg. U kunt inchecken vanaf { $time }.
checkin-too-early-day = U bent te vroeg. U kunt inchecken op { $date } vanaf { $time }.
checkin-too-late = Het uur van uw afspraak is voorbij. Ga naar de balie.
checkin-rate-limited = Hier zijn te veel codes geprobeerd. Ga naar de balie.
checkin-offline = We kunnen u nu niet aanmelden. Probeer opnieuw, of ga naar de balie.
checkin-other = Er ging iets mis. Probeer opnieuw, of ga naar de balie.
checkin-try-again = Opnieuw proberen
checkin-go-to-desk = Naar de balie
checkin-start-again = Opnieuw beginnen
# A booking scanned again: the number it already has, printed only when asked.
checkin-already-title = U hebt al een volgnummer
checkin-already-body = U hebt zich voor deze afspraak al aangemeld. Bewaar uw eerste ticket, of druk het opnieuw af.
checkin-print-again = Mijn ticket opnieuw afdrukken

## Zonder afspraak: een volgnummer voor een dienst
walkin-choose-title = Waarvoor komt u?
walkin-choose-hint = Kies, en uw volgnummer wordt afgedrukt.
walkin-taking = Even geduld, we halen uw volgnummer op…
walkin-closed = Voor deze dienst zijn er nu geen volgnummers. Vraag het aan de balie.
walkin-closed-time = Voor deze dienst zijn er nu geen volgnummers. Kom terug vanaf { $time }.
walkin-closed-day = Voor deze dienst zijn er nu geen volgnummers. Kom terug op { $date } vanaf { $time }.
walkin-full = Alle volgnummers van vandaag voor deze dienst zijn uitgedeeld. Vraag het aan de balie.
walkin-full-time = Alle volgnummers van vandaag voor deze dienst zijn uitgedeeld. Kom terug vanaf { $time }.
walkin-full-day = Alle volgnummers van vandaag voor deze dienst zijn uitgedeeld. Kom terug op { $date } vanaf { $time }.
walkin-busy = Deze kiosk heeft op korte tijd veel volgnummers gegeven. Probeer het over enkele minuten opnieuw, of ga naar de balie.
