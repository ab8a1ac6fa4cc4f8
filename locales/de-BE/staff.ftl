# The staff screen (five taps on the clock, then the staff code).

staff-title = Personal
staff-pin = Geben Sie den Personalcode ein.
staff-pin-wrong = Falscher Code. Noch { $left } { $left ->
        [one] Versuch
       *[other] Versuche
    }.
staff-locked = Zu viele falsche Codes. Versuchen Sie es nach { $time } erneut.
staff-kiosk = Terminal
staff-printer = Ticketdrucker
staff-card-reader = eID-Kartenleser
staff-card-none = Keiner: Bescheinigungen werden nicht angeboten
staff-card-demo = Demokarte (kein echter Leser)
staff-card-missing = Nicht gefunden: Kabel und pcscd prüfen
staff-card-ready = Bereit
staff-card-ready-pin-pad = Bereit, mit eigener PIN-Tastatur
staff-link = Verbindung
staff-link-none = Seit dem Start nicht verbunden
staff-link-starting = Verbindung wird aufgebaut
staff-link-online = Verbunden
staff-link-offline = Keine Verbindung seit { $time }
staff-link-unauthorized = Vom Server abgelehnt seit { $time }: Terminal neu anmelden
staff-outbox = Warteschlange zum Server
staff-outbox-value = { $waiting } wartend, { $refused } abgelehnt
staff-speech = Vorlesen
staff-speech-ready = ✓ bereit
staff-speech-starting = wird gestartet
staff-speech-off = in kiosk.toml ausgeschaltet
staff-speech-unavailable = ⚠ nicht verfügbar ({ $reason }); der Kiosk arbeitet ohne Sprache weiter
staff-test-print = Testticket drucken
staff-test-printed = Das Testticket ist gedruckt.
staff-test-failed = Das Testticket wurde nicht gedruckt. Prüfen Sie den Drucker.
staff-reprint = Letztes Ticket erneut drucken
staff-reprint-queue = Letztes Ticket: Wartenummer von { $time }
staff-reprint-booking = Letztes Ticket: Terminticket von { $time }
staff-reprint-none = Noch keine Wartenummer und kein Terminticket gedruckt.
staff-reprinted = Das Ticket ist erneut gedruckt.
staff-reprint-nothing = Es gibt kein Ticket zum erneuten Drucken.
staff-reprint-failed = Das Ticket wurde nicht gedruckt. Prüfen Sie den Drucker.
staff-restart = Terminal neu starten
staff-restart-by-hand = Das Terminal schließt sich und startet nicht von selbst neu: Starten Sie es danach selbst.
staff-close = Terminalprogramm schließen
