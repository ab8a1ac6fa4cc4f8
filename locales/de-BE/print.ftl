# Von der Säule gedruckte Tickets und Dokumente (crate kiosk-print).

## Weekdays, Monday = 1
print-weekday-1 = Montag
print-weekday-2 = Dienstag
print-weekday-3 = Mittwoch
print-weekday-4 = Donnerstag
print-weekday-5 = Freitag
print-weekday-6 = Samstag
print-weekday-7 = Sonntag

## Booking ticket
print-booking-heading = Ihr Termin
print-label-product = Dienstleistung
print-label-when = Wann
print-label-location = Ort
print-label-booking-code = Terminnummer
print-label-bring = Bitte mitbringen:
print-booking-scan = Scannen Sie diesen Code bei Ihrer Ankunft an der Säule im Empfang.

## Queue ticket
print-queue-heading = Ihre Wartenummer
print-label-appointment = Termin um
print-people-ahead =
    { $count ->
        [0] Niemand wartet vor Ihnen.
        [one] 1 Person wartet vor Ihnen.
       *[other] { $count } Personen warten vor Ihnen.
    }
print-estimated-wait = Geschätzte Wartezeit: { $minutes } Min.
print-queue-instruction = Achten Sie auf den Bildschirm im Wartesaal.
print-printed-at = Gedruckt am { $time }

## Test ticket
print-test-heading = Testdruck
print-label-printer = Drucker
print-test-body = Wenn Sie unten die Akzente, den QR-Code und den Strichcode sehen, funktioniert der Drucker.

## Printer status, for staff
print-status-ready = Der Drucker ist bereit.
print-status-paper-near-end = Das Papier ist fast aufgebraucht.
print-status-paper-out = Das Papier ist aufgebraucht.
print-status-cover-open = Die Druckerabdeckung ist offen.
print-status-offline = Der Drucker ist offline.
print-status-unreachable = Der Drucker ist nicht erreichbar.
print-status-not-reported = Der Drucker meldet keinen Status.

## Certificates
# The title comes from the backend's catalogue; the statement is chosen by type code.
print-cert-statement-residence = Die Gemeindeverwaltung { $municipality } bescheinigt, dass die unten genannte Person laut Bevölkerungsregister ihren Hauptwohnort an der angegebenen Adresse hat.
print-cert-statement-residence-history = Die Gemeindeverwaltung { $municipality } bescheinigt, dass die unten genannte Person laut Bevölkerungsregister ihren Hauptwohnort an der angegebenen Adresse hat und dort seit dem angegebenen Datum eingetragen ist.
print-cert-statement-household = Die Gemeindeverwaltung { $municipality } bescheinigt, dass der Haushalt der unten genannten Bezugsperson laut Bevölkerungsregister wie folgt zusammengesetzt ist.
print-cert-statement-nationality = Die Gemeindeverwaltung { $municipality } bescheinigt, dass die unten genannte Person laut Bevölkerungsregister die belgische Staatsangehörigkeit besitzt.
print-cert-statement-life = Die Gemeindeverwaltung { $municipality } bescheinigt, dass die unten genannte Person am Ausstellungsdatum am Leben ist.
print-cert-statement-legal-cohabitation = Die Gemeindeverwaltung { $municipality } bescheinigt, dass für die unten genannte Person eine Erklärung des gesetzlichen Zusammenwohnens im Bevölkerungsregister eingetragen ist.
print-cert-statement-residence-marriage = Die Gemeindeverwaltung { $municipality } bescheinigt, dass die unten genannte Person laut Bevölkerungsregister ihren Hauptwohnort an der angegebenen Adresse hat. Diese Bescheinigung wird im Hinblick auf eine Eheschließung ausgestellt.
print-cert-statement-elector = Die Gemeindeverwaltung { $municipality } bescheinigt, dass die unten genannte Person laut Bevölkerungsregister in der Gemeinde als Wähler eingetragen ist.
print-cert-statement-register-extract = Die Gemeindeverwaltung { $municipality } bescheinigt, dass die unten genannten Angaben mit dem Bevölkerungsregister übereinstimmen.
# Models 595, 596.1 and 596.2: the model is in the title.
print-cert-statement-criminal-record = Dieser Auszug aus dem Zentralen Strafregister, ausgestellt von der Gemeindeverwaltung { $municipality }, betrifft die unten genannte Person.
# A type this kiosk does not know yet.
print-cert-statement-generic = Dieses Dokument wird von der Gemeindeverwaltung { $municipality } ausgestellt und betrifft die unten genannte Person.
print-label-surname = Name
print-label-first-names = Vornamen
print-label-born = Geboren in
print-label-national-number = Nationalregisternummer
print-label-nationality = Staatsangehörigkeit
print-label-address = Adresse
print-label-address-since = An dieser Adresse seit
print-label-household = Mitglieder des Haushalts:
print-label-purpose = Zweck
print-cert-issued = Ausgestellt von der Gemeindeverwaltung { $municipality } am { $time }.

## Booking confirmation
print-confirmation-title = Bestätigung Ihres Termins
print-confirmation-intro = Guten Tag { $name }, Ihr Termin ist bestätigt.

## Every document
print-doc-number = Dokumentnummer: { $number }
print-doc-verify = Prüfen Sie dieses Dokument auf { $url } mit dem Code { $code } oder scannen Sie den QR-Code.
print-page = Seite { $page } von { $pages }
