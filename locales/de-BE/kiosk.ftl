# German (Belgium). The resident is addressed as "Sie".

language-name = Deutsch
app-title = Empfangsterminal { $municipality }

## Home
home-welcome = Willkommen
home-question = Wie können wir Ihnen helfen?
home-certificate = Bescheinigung ausdrucken
home-certificate-hint = Mit Ihrem Personalausweis und Ihrer PIN
home-book = Termin vereinbaren
home-book-hint = Für Personalausweis, Reisepass, Führerschein, …
home-checkin = Ich habe einen Termin
home-checkin-hint = Scannen Sie Ihre Terminbestätigung und ziehen Sie eine Nummer
home-walk-in = Nummer ziehen
home-walk-in-hint = Ohne Termin? Ein Dokument abholen oder eine kurze Frage
home-choose-language = Sprache

## Navigation, the same place on every screen
nav-back = Zurück
nav-home = Neu beginnen
# On the start screen: text about 1.5 times larger for this visit; the second is said when it is on.
large-text-button = Größere Schrift
large-text-button-stop = Normale Schriftgröße

## Services not yet on this kiosk
unavailable-title = Noch nicht an diesem Terminal
unavailable-body = Dieser Dienst kommt bald an dieses Terminal. Am Schalter helfen wir Ihnen gerne weiter.
unavailable-desk = Gehen Sie zum Schalter

## A small line on the start screen when something does not work
status-printer-paper-out = Der Ticketdrucker hat kein Papier mehr. Ihr Ticket erhalten Sie am Schalter.
status-printer-cover-open = Der Ticketdrucker ist offen. Ihr Ticket erhalten Sie am Schalter.
status-printer-offline = Der Ticketdrucker funktioniert gerade nicht. Ihr Ticket erhalten Sie am Schalter.
status-card-left = Im Kartenleser steckt noch eine Karte. Ist es Ihre? Bitte nehmen Sie sie mit.
status-offline = Keine Verbindung zur Gemeindeverwaltung. Termine vereinbaren ist gerade nicht möglich; einchecken schon.

## The "are you still there?" warning
idle-title = Sind Sie noch da?
idle-body = Wenn Sie nichts berühren, beginnt das Terminal in { $seconds ->
        [one] { $seconds } Sekunde
       *[other] { $seconds } Sekunden
    } von vorne. Ihre Eingaben werden dann gelöscht.
idle-more-time = Ich brauche mehr Zeit

## When the kiosk cannot start
fault-title = Dieses Terminal ist vorübergehend außer Betrieb
fault-resident = Bitte entschuldigen Sie. Gehen Sie zum Schalter, dort hilft man Ihnen weiter.
fault-staff = Für das Personal: Das Terminal kann nicht starten.
fault-fix = Korrigieren Sie die Datei und starten Sie das Terminal neu. Prüfen Sie zuerst mit: kiosk --check-config { $path }

## Dates and times as residents say them
weekday = { $day ->
        [1] Montag
        [2] Dienstag
        [3] Mittwoch
        [4] Donnerstag
        [5] Freitag
        [6] Samstag
       *[7] Sonntag
    }
month = { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    }
date-long = { $weekday }, { $day }. { $month }
# "Step n of N" above a question that is one of several.
page-step = Schritt { $n } von { $total }
