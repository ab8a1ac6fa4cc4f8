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
staff-speech-unavailable = ⚠ niet beschikbaar ({ $reason }); de kiosk werkt verder zonder spraak
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
