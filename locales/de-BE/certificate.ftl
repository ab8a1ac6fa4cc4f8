# Deutsch. Eine Bescheinigung mit der eID beantragen und drucken.

## Jeder Schritt
# $n ist die Nummer dieses Schritts, $total die Zahl der Schritte
certificate-continue = Weiter
certificate-try-again = Noch einmal versuchen
certificate-go-to-desk = Zum Schalter
certificate-finish = Fertig

## Welche Bescheinigung
certificate-choose-title = Welche Bescheinigung brauchen Sie?
certificate-page-previous = Zurück
certificate-page-next = Mehr
certificate-about-residence = Wo Sie jetzt wohnen
certificate-about-residence-history = Wo Sie früher wohnten, mit Daten
certificate-about-household = Wer an Ihrer Adresse wohnt
certificate-about-nationality = Zeigt, dass Sie Belgier sind
certificate-about-life = Zeigt, dass Sie am Leben sind
certificate-about-legal-cohabitation = Zeigt, dass Sie gesetzlich zusammenwohnen
certificate-about-residence-marriage = Ihre Adresse, um zu heiraten
certificate-about-elector = Zeigt, dass Sie wählen dürfen
certificate-about-register-extract = Was das Register über Sie weiß
certificate-about-criminal-record-595 = Für die meisten Berufe
certificate-about-criminal-record-596-1 = Für einen reglementierten Beruf
certificate-about-criminal-record-596-2 = Für Arbeit mit Kindern

## Wofür
certificate-purpose-title = Wofür brauchen Sie sie?
certificate-purpose-hint = Zum Beispiel: „eine Stelle als Lehrer". Das wird auf die Bescheinigung gedruckt.
certificate-purpose-missing = Bitte tippen Sie, wofür Sie die Bescheinigung brauchen.

## Die Karte
certificate-insert-title = Stecken Sie Ihre eID-Karte ein
certificate-insert-hint = Schieben Sie Ihren belgischen Personalausweis in das Lesegerät, mit dem Chip voran und nach oben.
certificate-privacy-title = Was wir von Ihrer Karte lesen, und warum
certificate-privacy-name = Ihren Namen: um Sie zu begrüßen und für die Bescheinigung.
certificate-privacy-number = Ihre Nationalregisternummer: um Sie im Register zu finden.
certificate-privacy-pin = Ihre PIN: nur Ihre Karte prüft sie. Der Kiosk speichert sie nicht.
certificate-privacy-not = Wir lesen Ihr Foto nicht. Wenn Sie Ihre Karte herausnehmen, vergisst der Kiosk alles.
certificate-privacy-agree = Einverstanden, weiter
certificate-privacy-more = Weiterlesen
certificate-reading = Einen Moment, wir lesen Ihre Karte…

## Die PIN
# $name ist der Vorname des Karteninhabers
certificate-hello = Guten Tag { $name }
certificate-pin-title = Tippen Sie Ihre PIN
certificate-pin-hint = Der Geheimcode Ihrer eID-Karte. Sie sehen einen Punkt pro Ziffer, niemand sieht die Ziffern.
certificate-pin-reader = Tippen Sie Ihre PIN am Kartenlesegerät und drücken Sie dort OK.
# $tries ist die Zahl der Versuche, bevor die PIN gesperrt wird
certificate-pin-wrong = { $tries ->
    [one] Falsche PIN. Sie können es noch einmal versuchen.
   *[other] Falsche PIN. Sie können es noch { $tries } Mal versuchen.
}
certificate-pin-erase = Löschen
certificate-pin-ok = OK
certificate-checking-pin = Einen Moment, Ihre Karte prüft Ihre PIN…

## Die Bescheinigung
certificate-requesting = Einen Moment, wir bereiten Ihre Bescheinigung vor…
# $number ist die eindeutige Nummer des Dokuments
certificate-document-number = Dokumentnummer: { $number }
certificate-check = Prüfen Sie, ob alles stimmt, und drucken Sie dann.
certificate-print = Drucken
certificate-printing = Ihre Bescheinigung wird auf dem großen Drucker gedruckt…
certificate-print-failed = Der Drucker funktioniert nicht. Gehen Sie zum Schalter: dort kann man Ihre Bescheinigung drucken.
certificate-pending-title = Ihr Antrag ist eingegangen.
certificate-pending-how = Für diese Bescheinigung ist erst eine Prüfung durch die Polizei nötig. Sie müssen dafür nicht wiederkommen.

## Das Ende
certificate-take-card-title = Nehmen Sie Ihre Karte
certificate-take-card-hint = Ziehen Sie Ihre eID-Karte aus dem Kartenlesegerät.
certificate-take-document = Nehmen Sie Ihre Bescheinigung aus dem Drucker.
certificate-ended-title = Ihre Karte ist herausgenommen.
certificate-ended-body = Zum Schutz Ihrer Daten hat der Kiosk alles über Ihren Besuch vergessen.
certificate-thanks = Danke für Ihren Besuch.
certificate-start-again = Zurück zum Anfang

## Probleme
certificate-no-card = Wir finden keine Karte im Lesegerät. Schieben Sie Ihre eID-Karte ganz hinein, mit dem Chip voran und nach oben.
certificate-unreadable = Wir können Ihre Karte nicht lesen. Prüfen Sie, ob der Chip nach oben zeigt und zuerst hineingeht, und versuchen Sie es noch einmal.
certificate-expired = Ihr Personalausweis ist abgelaufen. Nehmen Sie Ihre Karte und gehen Sie zum Schalter: dort hilft man Ihnen.
certificate-foreign = Dies ist keine belgische eID-Karte. Nehmen Sie Ihre Karte und gehen Sie zum Schalter: dort hilft man Ihnen.
certificate-pin-blocked = Ihre PIN ist nach zu vielen falschen Versuchen gesperrt. Nehmen Sie Ihre Karte und gehen Sie zum Schalter: dort kann man sie entsperren.
certificate-offline = Wir erreichen das System des Gemeindehauses gerade nicht. Versuchen Sie es gleich noch einmal oder gehen Sie zum Schalter.
certificate-not-registered = Sie stehen nicht im Bevölkerungsregister dieser Gemeinde. Der Schalter kann Ihnen helfen.
certificate-other = Etwas ist schiefgegangen. Versuchen Sie es noch einmal oder gehen Sie zum Schalter.

## What the backend answered
certificate-card-rejected = Wir können nicht bestätigen, dass diese Karte echt ist. Nehmen Sie Ihre Karte und gehen Sie zum Schalter: Dort hilft man Ihnen.
certificate-too-many = Sie haben mit dieser Karte in kurzer Zeit viele Bescheinigungen beantragt. Gehen Sie zum Schalter oder kommen Sie in einer Stunde wieder.
certificate-kiosk-busy = Dieses Terminal hat in kurzer Zeit viele Anfragen erhalten. Versuchen Sie es in einigen Minuten noch einmal oder gehen Sie zum Schalter.
certificate-revoked = Diese Karte wurde gesperrt, zum Beispiel nach Verlust oder Diebstahl. Nehmen Sie Ihre Karte und gehen Sie zum Schalter: Dort hilft man Ihnen.
certificate-status-unknown = Wir können jetzt nicht prüfen, ob diese Karte noch gültig ist. Gehen Sie zum Schalter: Dort hilft man Ihnen.
certificate-pending-when = Sie erhalten sie per Post an Ihre Adresse, meist innerhalb von 10 Werktagen.
certificate-preview-name = Name
certificate-preview-born = Geboren
certificate-preview-national-number = Nationalregisternummer
certificate-preview-nationality = Staatsangehörigkeit
certificate-preview-address = Adresse
certificate-preview-household = Wohnt bei Ihnen
certificate-preview-purpose = Zweck
certificate-preview-document-number = Dokumentnummer

## The demo card (a kiosk set up for trying out)
# $pin is the demo card's PIN: it is shown because the card belongs to an invented resident
certificate-demo-label = DEMO: Testkarte eines erfundenen Einwohners. PIN { $pin }
certificate-demo-insert = Demokarte einstecken
certificate-demo-remove = Demokarte herausnehmen
