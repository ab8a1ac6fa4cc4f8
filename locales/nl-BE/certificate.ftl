# Nederlands. Een attest aanvragen met de eID en het afdrukken.

## Elke stap
# $n is het nummer van deze stap, $total het aantal stappen
certificate-continue = Verder
certificate-try-again = Opnieuw proberen
certificate-go-to-desk = Naar de balie
certificate-finish = Klaar

## Welk attest
certificate-choose-title = Welk attest heeft u nodig?
certificate-page-previous = Vorige
certificate-page-next = Meer
certificate-about-residence = Waar u nu woont
certificate-about-residence-history = Waar u vroeger woonde, met data
certificate-about-household = Wie er op uw adres woont
certificate-about-nationality = Toont dat u Belg bent
certificate-about-life = Toont dat u in leven bent
certificate-about-legal-cohabitation = Toont dat u wettelijk samenwoont
certificate-about-residence-marriage = Uw adres, om te trouwen
certificate-about-elector = Toont dat u mag stemmen
certificate-about-register-extract = Wat het register over u weet
certificate-about-criminal-record-595 = Voor de meeste jobs
certificate-about-criminal-record-596-1 = Voor een gereglementeerde job
certificate-about-criminal-record-596-2 = Voor werk met kinderen

## Waarvoor
certificate-purpose-title = Waarvoor heeft u het nodig?
certificate-purpose-hint = Bijvoorbeeld: "een job als leerkracht". Dit komt op het attest.
certificate-purpose-missing = Typ waarvoor u het attest nodig heeft.

## De kaart
certificate-insert-title = Steek uw eID-kaart in de lezer
certificate-insert-hint = Duw uw Belgische identiteitskaart in de kaartlezer, met de chip eerst en naar boven.
certificate-privacy-title = Wat we van uw kaart lezen, en waarom
certificate-privacy-name = Uw naam: om u te begroeten en voor het attest.
certificate-privacy-number = Uw rijksregisternummer: om u te vinden in het register.
certificate-privacy-pin = Uw pincode: alleen uw kaart controleert die. De kiosk bewaart ze niet.
certificate-privacy-not = We lezen uw foto niet. Als u uw kaart uitneemt, vergeet de kiosk alles.
certificate-privacy-agree = Akkoord, verder
certificate-privacy-more = Verder lezen
certificate-reading = Even geduld, we lezen uw kaart…

## De pincode
# $name is de voornaam van de kaarthouder
certificate-hello = Dag { $name }
certificate-pin-title = Typ uw pincode
certificate-pin-hint = De geheime code van uw eID. U ziet een bolletje per cijfer, niemand ziet de cijfers.
certificate-pin-reader = Typ uw pincode op de kaartlezer en druk daarna op OK op de lezer.
# $tries is hoeveel pogingen er nog zijn voor de pincode geblokkeerd wordt
certificate-pin-wrong = { $tries ->
    [one] Verkeerde pincode. U kunt nog één keer proberen.
   *[other] Verkeerde pincode. U kunt nog { $tries } keer proberen.
}
certificate-pin-erase = Wissen
certificate-pin-ok = OK
certificate-checking-pin = Even geduld, uw kaart controleert uw pincode…

## Het attest
certificate-requesting = Even geduld, we maken uw attest klaar…
# $number is het unieke nummer van het document
certificate-document-number = Documentnummer: { $number }
certificate-check = Kijk of alles juist is en druk dan af.
certificate-print = Afdrukken
certificate-printing = Uw attest wordt afgedrukt op de grote printer…
certificate-print-failed = De printer werkt niet. Ga naar de balie: daar kunnen ze uw attest afdrukken.
certificate-pending-title = Uw aanvraag is ontvangen.
certificate-pending-how = Voor dit attest is eerst een controle door de politie nodig. U hoeft er niet voor terug te komen.

## Het einde
certificate-take-card-title = Neem uw kaart
certificate-take-card-hint = Trek uw eID-kaart uit de kaartlezer.
certificate-take-document = Neem uw attest uit de printer.
certificate-ended-title = Uw kaart is uitgenomen.
certificate-ended-body = Voor uw privacy is de kiosk alles over uw bezoek vergeten.
certificate-thanks = Bedankt voor uw bezoek.
certificate-start-again = Terug naar het begin

## Problemen
certificate-no-card = We vinden geen kaart in de lezer. Duw uw eID-kaart er helemaal in, met de chip eerst en naar boven.
certificate-unreadable = We kunnen uw kaart niet lezen. Kijk of de chip naar boven wijst en eerst ingaat, en probeer opnieuw.
certificate-expired = Uw identiteitskaart is vervallen. Neem uw kaart en ga naar de balie: daar helpen ze u.
certificate-foreign = Dit is geen Belgische eID-kaart. Neem uw kaart en ga naar de balie: daar helpen ze u.
certificate-pin-blocked = Uw pincode is geblokkeerd na te veel foute pogingen. Neem uw kaart en ga naar de balie: daar kunnen ze ze deblokkeren.
certificate-offline = We kunnen het systeem van het gemeentehuis nu niet bereiken. Probeer zo dadelijk opnieuw, of ga naar de balie.
certificate-not-registered = U staat niet in het bevolkingsregister van deze gemeente. De balie kan u helpen.
certificate-other = Er ging iets mis. Probeer opnieuw, of ga naar de balie.

## What the backend answered
certificate-card-rejected = We kunnen niet bevestigen dat deze kaart echt is. Neem uw kaart en ga naar de balie: daar helpen ze u.
certificate-too-many = U vroeg met deze kaart veel attesten in korte tijd. Ga naar de balie, of kom over een uur terug.
certificate-kiosk-busy = Deze kiosk kreeg in korte tijd veel aanvragen. Probeer het over enkele minuten opnieuw, of ga naar de balie.
certificate-revoked = Deze kaart is geannuleerd (ingetrokken), bijvoorbeeld na verlies of diefstal. Neem uw kaart en ga naar de balie: daar helpen ze u.
certificate-status-unknown = We kunnen nu niet nagaan of deze kaart nog geldig is. Ga naar de balie: daar helpen ze u.
certificate-pending-when = U krijgt het met de post op uw adres, meestal binnen 10 werkdagen.
certificate-preview-name = Naam
certificate-preview-born = Geboren
certificate-preview-national-number = Rijksregisternummer
certificate-preview-nationality = Nationaliteit
certificate-preview-address = Adres
certificate-preview-household = Woont bij u
certificate-preview-purpose = Doel
certificate-preview-document-number = Documentnummer

## The demo card (a kiosk set up for trying out)
# $pin is the demo card's PIN: it is shown because the card belongs to an invented resident
certificate-demo-label = DEMO: testkaart van een verzonnen inwoner. Pincode { $pin }
certificate-demo-insert = Steek de demokaart in
certificate-demo-remove = Neem de demokaart uit
