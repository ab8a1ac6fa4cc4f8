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
staff-speech-unavailable = ⚠ nicht verfügbar (Grund im Protokoll)
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

# Settings: what a desk clerk may change in kiosk.toml, saved and applied by a restart.
staff-settings = Einstellungen
staff-settings-title = Einstellungen des Kiosks
staff-settings-page = Seite { $n } von { $total }
staff-settings-reading = Die Einstellungen werden gelesen.
staff-settings-saving = Die Einstellungen werden gespeichert.
staff-settings-unset = (nicht gesetzt)
staff-settings-previous = Vorherige
staff-settings-more = Weitere
staff-settings-save = Speichern und neu starten
staff-settings-change = Einstellungen ändern
staff-settings-refused = Nicht gespeichert: Diese Einstellungen sind nicht gültig.
staff-settings-bad-value = Dieser Wert passt hier nicht.
staff-settings-not-written = Nicht gespeichert: Die Datei konnte nicht geschrieben werden.
staff-settings-not-in-this-build = Nicht gespeichert: Dieser Kiosk kann das nicht.
staff-settings-not-read = Die Datei mit den Einstellungen konnte nicht gelesen werden.
staff-setting-kiosk-languages = Sprachen
staff-setting-kiosk-default-language = Standardsprache
staff-setting-kiosk-idle-timeout-s = Wartezeit (Sekunden)
staff-setting-kiosk-idle-warning-s = Warnung (Sekunden)
staff-setting-printer-ticket-transport = Drucker: Verbindung
staff-setting-printer-ticket-host = Drucker: Adresse
staff-setting-printer-ticket-port = Drucker: Port
staff-setting-printer-ticket-path = Drucker: Gerät
staff-setting-printer-ticket-baud = Drucker: Baud
staff-setting-printer-ticket-queue = Drucker: CUPS-Warteschlange
staff-setting-printer-ticket-paper-width-mm = Papierbreite (mm)
staff-setting-scanner-enabled = Scanner an
staff-setting-scanner-path = Scanner: Port
staff-setting-card-reader-mode = Kartenleser
staff-setting-card-reader-reader = Kartenleser: Name enthält
