# Dutch (Belgium): the municipality's language and the reference for every other locale.
# Plain words (B1), the resident addressed as "u".

language-name = Nederlands
app-title = Onthaalkiosk { $municipality }

## Home
home-welcome = Welkom
home-question = Waarmee kunnen we u helpen?
home-certificate = Attest afdrukken
home-certificate-hint = Met uw identiteitskaart en pincode
home-book = Afspraak maken
home-book-hint = Voor een identiteitskaart, paspoort, rijbewijs, …
home-checkin = Ik heb een afspraak
home-checkin-hint = Scan uw afspraakbewijs en neem een volgnummer
home-walk-in = Volgnummer nemen
home-walk-in-hint = Geen afspraak? Een document afhalen of een korte vraag
home-choose-language = Taal

## Navigation, the same place on every screen
nav-back = Terug
nav-home = Opnieuw beginnen
# On the start screen: text about 1.5 times larger for this visit; the second is said when it is on.
large-text-button = Grotere tekst
large-text-button-stop = Gewone tekstgrootte

## Services not yet on this kiosk
unavailable-title = Nog niet op deze kiosk
unavailable-body = Deze dienst komt binnenkort op deze kiosk. Aan de balie helpen we u graag verder.
unavailable-desk = Ga naar de balie

## A small line on the start screen when something does not work
status-printer-paper-out = De ticketprinter heeft geen papier meer. Uw ticket krijgt u aan de balie.
status-printer-cover-open = De ticketprinter staat open. Uw ticket krijgt u aan de balie.
status-printer-offline = De ticketprinter werkt even niet. Uw ticket krijgt u aan de balie.
status-card-left = Er zit nog een kaart in de kaartlezer. Is ze van u? Neem ze mee.
status-offline = Geen verbinding met het gemeentehuis. Een afspraak maken kan nu niet; inchecken wel.

## The "are you still there?" warning
idle-title = Bent u er nog?
idle-body = Als u niets aanraakt, begint de kiosk opnieuw over { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } seconden
    }. Wat u hebt ingevuld, wordt dan gewist.
idle-more-time = Ik heb meer tijd nodig

## When the kiosk cannot start
fault-title = Deze kiosk is even buiten gebruik
fault-resident = Onze excuses. Ga naar de balie, daar helpen we u verder.
fault-staff = Voor het personeel: de kiosk kan niet starten.
fault-fix = Pas het bestand aan en herstart de kiosk. Controleer eerst met: kiosk --check-config { $path }

## Dates and times as residents say them
weekday = { $day ->
        [1] maandag
        [2] dinsdag
        [3] woensdag
        [4] donderdag
        [5] vrijdag
        [6] zaterdag
       *[7] zondag
    }
month = { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
       *[12] december
    }
date-long = { $weekday } { $day } { $month }
# "Step n of N" above a question that is one of several.
page-step = Stap { $n } van { $total }
