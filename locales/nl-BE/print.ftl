# Tickets and documents printed by the kiosk (crate kiosk-print). Reference locale.

## Weekdays, Monday = 1
print-weekday-1 = maandag
print-weekday-2 = dinsdag
print-weekday-3 = woensdag
print-weekday-4 = donderdag
print-weekday-5 = vrijdag
print-weekday-6 = zaterdag
print-weekday-7 = zondag

## Booking ticket
print-booking-heading = Uw afspraak
print-label-product = Product
print-label-when = Wanneer
print-label-location = Locatie
print-label-booking-code = Afspraakcode
print-label-bring = Breng mee:
print-booking-scan = Scan deze code bij aankomst aan de zuil in het onthaal.

## Queue ticket
print-queue-heading = Uw volgnummer
print-label-appointment = Afspraak om
print-people-ahead =
    { $count ->
        [0] Er is niemand voor u.
        [one] Er is 1 persoon voor u.
       *[other] Er zijn { $count } personen voor u.
    }
print-estimated-wait = Geschatte wachttijd: { $minutes } min.
print-queue-instruction = Volg het scherm in de wachtzaal.
print-printed-at = Afgedrukt op { $time }

## Test ticket
print-test-heading = Testafdruk
print-label-printer = Printer
print-test-body = Als u hieronder de accenten, de QR-code en de streepjescode ziet, werkt de printer.

## Printer status, for staff
print-status-ready = De printer is klaar.
print-status-paper-near-end = Het papier is bijna op.
print-status-paper-out = Het papier is op.
print-status-cover-open = Het deksel van de printer staat open.
print-status-offline = De printer is offline.
print-status-unreachable = De printer is niet bereikbaar.
print-status-not-reported = De printer meldt geen status.

## Certificates
# The title comes from the backend's catalogue; the statement is chosen by type code.
print-cert-statement-residence = Het gemeentebestuur van { $municipality } verklaart dat de hieronder vermelde persoon volgens het bevolkingsregister zijn of haar hoofdverblijf heeft op het vermelde adres.
print-cert-statement-residence-history = Het gemeentebestuur van { $municipality } verklaart dat de hieronder vermelde persoon volgens het bevolkingsregister zijn of haar hoofdverblijf heeft op het vermelde adres en daar ingeschreven is sinds de vermelde datum.
print-cert-statement-household = Het gemeentebestuur van { $municipality } verklaart dat het gezin van de hieronder vermelde referentiepersoon volgens het bevolkingsregister als volgt is samengesteld.
print-cert-statement-nationality = Het gemeentebestuur van { $municipality } verklaart dat de hieronder vermelde persoon volgens het bevolkingsregister de Belgische nationaliteit heeft.
print-cert-statement-life = Het gemeentebestuur van { $municipality } verklaart dat de hieronder vermelde persoon op de datum van uitreiking in leven is.
print-cert-statement-legal-cohabitation = Het gemeentebestuur van { $municipality } verklaart dat in het bevolkingsregister voor de hieronder vermelde persoon een verklaring van wettelijke samenwoning is opgenomen.
print-cert-statement-residence-marriage = Het gemeentebestuur van { $municipality } verklaart dat de hieronder vermelde persoon volgens het bevolkingsregister zijn of haar hoofdverblijf heeft op het vermelde adres. Dit bewijs wordt afgegeven met het oog op een huwelijk.
print-cert-statement-elector = Het gemeentebestuur van { $municipality } verklaart dat de hieronder vermelde persoon volgens het bevolkingsregister in de gemeente als kiezer is ingeschreven.
print-cert-statement-register-extract = Het gemeentebestuur van { $municipality } verklaart dat de hieronder vermelde gegevens overeenstemmen met het bevolkingsregister.
# Models 595, 596.1 and 596.2: the model is in the title.
print-cert-statement-criminal-record = Dit uittreksel uit het Centraal Strafregister, afgegeven door het gemeentebestuur van { $municipality }, betreft de hieronder vermelde persoon.
# A type this kiosk does not know yet.
print-cert-statement-generic = Dit document wordt afgegeven door het gemeentebestuur van { $municipality } en betreft de hieronder vermelde persoon.
print-label-surname = Naam
print-label-first-names = Voornamen
print-label-born = Geboren te
print-label-national-number = Rijksregisternummer
print-label-nationality = Nationaliteit
print-label-address = Adres
print-label-address-since = Op dit adres sinds
print-label-household = Leden van het gezin:
print-label-purpose = Doel
print-cert-issued = Uitgereikt door het gemeentebestuur van { $municipality } op { $time }.

## Booking confirmation
print-confirmation-title = Bevestiging van uw afspraak
print-confirmation-intro = Beste { $name }, uw afspraak is bevestigd.

## Every document
print-doc-number = Documentnummer: { $number }
print-doc-verify = Controleer dit document op { $url } met de code { $code }, of scan de QR-code.
print-page = Pagina { $page } van { $pages }
