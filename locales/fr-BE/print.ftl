# Tickets et documents imprimés par la borne (crate kiosk-print).

## Weekdays, Monday = 1
print-weekday-1 = lundi
print-weekday-2 = mardi
print-weekday-3 = mercredi
print-weekday-4 = jeudi
print-weekday-5 = vendredi
print-weekday-6 = samedi
print-weekday-7 = dimanche

## Booking ticket
print-booking-heading = Votre rendez-vous
print-label-product = Service demandé
print-label-when = Quand
print-label-location = Lieu
print-label-booking-code = Code de réservation
print-label-bring = À apporter :
print-booking-scan = Scannez ce code à la borne de l'accueil à votre arrivée.

## Queue ticket
print-queue-heading = Votre numéro
print-label-appointment = Rendez-vous à
print-people-ahead =
    { $count ->
        [0] Personne n'attend avant vous.
        [one] 1 personne attend avant vous.
       *[other] { $count } personnes attendent avant vous.
    }
print-estimated-wait = Attente estimée : { $minutes } min.
print-queue-instruction = Suivez l'écran dans la salle d'attente.
print-printed-at = Imprimé le { $time }

## Test ticket
print-test-heading = Impression de test
print-label-printer = Imprimante
print-test-body = Si vous voyez ci-dessous les accents, le code QR et le code-barres, l'imprimante fonctionne.

## Printer status, for staff
print-status-ready = L'imprimante est prête.
print-status-paper-near-end = Le papier est presque épuisé.
print-status-paper-out = Il n'y a plus de papier.
print-status-cover-open = Le capot de l'imprimante est ouvert.
print-status-offline = L'imprimante est hors ligne.
print-status-unreachable = L'imprimante est injoignable.
print-status-not-reported = L'imprimante n'indique pas son état.

## Certificates
# The title comes from the backend's catalogue; the statement is chosen by type code.
print-cert-statement-residence = L'administration communale de { $municipality } certifie que, selon le registre de la population, la personne mentionnée ci-dessous a sa résidence principale à l'adresse indiquée.
print-cert-statement-residence-history = L'administration communale de { $municipality } certifie que, selon le registre de la population, la personne mentionnée ci-dessous a sa résidence principale à l'adresse indiquée, où elle est inscrite depuis la date indiquée.
print-cert-statement-household = L'administration communale de { $municipality } certifie que, selon le registre de la population, le ménage de la personne de référence mentionnée ci-dessous est composé comme suit.
print-cert-statement-nationality = L'administration communale de { $municipality } certifie que, selon le registre de la population, la personne mentionnée ci-dessous possède la nationalité belge.
print-cert-statement-life = L'administration communale de { $municipality } certifie que la personne mentionnée ci-dessous est en vie à la date de délivrance.
print-cert-statement-legal-cohabitation = L'administration communale de { $municipality } certifie qu'une déclaration de cohabitation légale est inscrite au registre de la population pour la personne mentionnée ci-dessous.
print-cert-statement-residence-marriage = L'administration communale de { $municipality } certifie que, selon le registre de la population, la personne mentionnée ci-dessous a sa résidence principale à l'adresse indiquée. Ce certificat est délivré en vue d'un mariage.
print-cert-statement-elector = L'administration communale de { $municipality } certifie que, selon le registre de la population, la personne mentionnée ci-dessous est inscrite en qualité d'électeur dans la commune.
print-cert-statement-register-extract = L'administration communale de { $municipality } certifie que les données mentionnées ci-dessous sont conformes au registre de la population.
# Models 595, 596.1 and 596.2: the model is in the title.
print-cert-statement-criminal-record = Le présent extrait du Casier judiciaire central, délivré par l'administration communale de { $municipality }, concerne la personne mentionnée ci-dessous.
# A type this kiosk does not know yet.
print-cert-statement-generic = Le présent document est délivré par l'administration communale de { $municipality } et concerne la personne mentionnée ci-dessous.
print-label-surname = Nom
print-label-first-names = Prénoms
print-label-born = Né(e) à
print-label-national-number = Numéro de registre national
print-label-nationality = Nationalité
print-label-address = Adresse
print-label-address-since = À cette adresse depuis
print-label-household = Membres du ménage :
print-label-purpose = Finalité
print-cert-issued = Délivré par l'administration communale de { $municipality } le { $time }.

## Booking confirmation
print-confirmation-title = Confirmation de votre rendez-vous
print-confirmation-intro = Bonjour { $name }, votre rendez-vous est confirmé.

## Every document
print-doc-number = Numéro du document : { $number }
print-doc-verify = Vérifiez ce document sur { $url } avec le code { $code }, ou scannez le code QR.
print-page = Page { $page } sur { $pages }
