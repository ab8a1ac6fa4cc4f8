# The staff screen (five taps on the clock, then the staff code).

staff-title = Personeel
staff-pin = Typ de personeelscode.
staff-pin-wrong = Verkeerde code. Nog { $left } { $left ->
        [one] poging
       *[other] pogingen
    }.
staff-locked = Te veel verkeerde codes. Probeer opnieuw na { $time }.
staff-kiosk = Kiosk
staff-printer = Ticketprinter
staff-card-reader = eID-kaartlezer
staff-card-none = Geen: attesten worden niet aangeboden
staff-card-demo = Demokaart (geen echte lezer)
staff-card-missing = Niet gevonden: controleer de kabel en pcscd
staff-card-ready = Klaar
staff-card-ready-pin-pad = Klaar, met eigen pinklavier
staff-link = Verbinding
staff-link-none = Niet verbonden sinds de start
staff-link-starting = Bezig met verbinden
staff-link-online = Verbonden
staff-link-offline = Geen verbinding sinds { $time }
staff-link-unauthorized = Geweigerd door de server sinds { $time }: kiosk opnieuw inschrijven
staff-outbox = Wachtrij naar de server
staff-outbox-value = { $waiting } wachtend, { $refused } geweigerd
staff-speech = Voorlezen
staff-speech-ready = ✓ klaar
staff-speech-starting = wordt gestart
staff-speech-off = uitgeschakeld in kiosk.toml
staff-speech-unavailable = ⚠ niet beschikbaar (reden in het logboek)
staff-test-print = Testticket afdrukken
staff-test-printed = Het testticket is afgedrukt.
staff-test-failed = Het testticket is niet afgedrukt. Kijk de printer na.
staff-reprint = Laatste ticket opnieuw afdrukken
staff-reprint-queue = Laatste ticket: volgnummer van { $time }
staff-reprint-booking = Laatste ticket: afspraakticket van { $time }
staff-reprint-none = Nog geen volgnummer of afspraakticket afgedrukt.
staff-reprinted = Het ticket is opnieuw afgedrukt.
staff-reprint-nothing = Er is geen ticket om opnieuw af te drukken.
staff-reprint-failed = Het ticket is niet afgedrukt. Kijk de printer na.
staff-restart = Kiosk herstarten
staff-restart-by-hand = De kiosk sluit en start niet vanzelf opnieuw: start hem daarna zelf.
staff-close = Kioskprogramma sluiten

# Settings: what a desk clerk may change in kiosk.toml, saved and applied by a restart.
staff-settings = Instellingen
staff-settings-title = Instellingen van de kiosk
staff-settings-page = Pagina { $n } van { $total }
staff-settings-reading = De instellingen worden gelezen.
staff-settings-saving = De instellingen worden opgeslagen.
staff-settings-unset = (niet ingesteld)
staff-settings-previous = Vorige
staff-settings-more = Meer
staff-settings-save = Opslaan en herstarten
staff-settings-change = Instellingen aanpassen
staff-settings-refused = Niet opgeslagen: deze instellingen kloppen niet.
staff-settings-bad-value = Deze waarde past hier niet.
staff-settings-not-written = Niet opgeslagen: het bestand kon niet worden geschreven.
staff-settings-not-in-this-build = Niet opgeslagen: deze kiosk kan dit niet.
staff-settings-not-read = Het bestand met de instellingen kon niet worden gelezen.
staff-setting-kiosk-languages = Talen
staff-setting-kiosk-default-language = Standaardtaal
staff-setting-kiosk-idle-timeout-s = Wachttijd (seconden)
staff-setting-kiosk-idle-warning-s = Waarschuwing (seconden)
staff-setting-printer-ticket-transport = Ticketprinter: verbinding
staff-setting-printer-ticket-host = Ticketprinter: adres
staff-setting-printer-ticket-port = Ticketprinter: poort
staff-setting-printer-ticket-path = Ticketprinter: apparaat
staff-setting-printer-ticket-baud = Ticketprinter: baud
staff-setting-printer-ticket-queue = Ticketprinter: CUPS-wachtrij
staff-setting-printer-ticket-paper-width-mm = Papierbreedte (mm)
staff-setting-scanner-enabled = Scanner aan
staff-setting-scanner-path = Scanner: poort
staff-setting-card-reader-mode = Kaartlezer
staff-setting-card-reader-reader = Kaartlezer: naam bevat
