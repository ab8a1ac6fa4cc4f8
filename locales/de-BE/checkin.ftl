# Deutsch (Belgien). Für einen Termin einchecken und eine Wartenummer ziehen. Der Bürger wird
# gesiezt.

## Code scannen oder eingeben
checkin-ask-title = Halten Sie den QR-Code Ihres Termins unter den Scanner
checkin-ask-hint = Den QR-Code finden Sie auf dem Papier oder in der E-Mail zu Ihrem Termin. Kein QR-Code? Geben Sie den Code ein.
checkin-type-code = Meinen Code eingeben
checkin-type-title = Geben Sie den Code Ihres Termins ein

## Einen Moment
checkin-looking-up = Einen Moment, wir suchen Ihren Termin…
checkin-checking-in = Einen Moment, wir melden Sie an…
checkin-cancelling = Einen Moment, wir sagen Ihren Termin ab…

## Ihr Termin
checkin-appointment-title = Ihr Termin
# $date z. B. „Dienstag, 3. Dezember“, $time z. B. „10:30“
checkin-when = { $date }, { $time } Uhr
checkin-take-number = Meine Wartenummer ziehen
checkin-cancel = Diesen Termin absagen
# $when ist der Tag und die Uhrzeit des Termins
checkin-cancel-question = Möchten Sie Ihren Termin am { $when } absagen?
checkin-cancel-yes = Ja, absagen
checkin-cancel-no = Nein, behalten
checkin-cancelled-title = Ihr Termin ist abgesagt
checkin-cancelled-body = Sie müssen nichts weiter tun. Sie können jederzeit einen neuen Termin vereinbaren.
checkin-finish = Fertig

## Ihre Wartenummer
checkin-ticket-title = Ihre Wartenummer
checkin-people-ahead = { $people ->
        [0] Sie sind als Nächstes dran.
        [one] { $people } Person wartet vor Ihnen.
       *[other] { $people } Personen warten vor Ihnen.
    }
checkin-wait = { $minutes ->
        [one] Erwartete Wartezeit: etwa { $minutes } Minute.
       *[other] Erwartete Wartezeit: etwa { $minutes } Minuten.
    }
checkin-watch-screen = Achten Sie auf den Bildschirm im Wartesaal: Dort erscheint Ihre Nummer.
checkin-printing = Ihr Ticket wird gedruckt…
checkin-take-ticket = Nehmen Sie Ihr Ticket aus dem Drucker.
checkin-print-failed = Notieren Sie sich diese Nummer: Der Drucker funktioniert nicht.

## Wenn es nicht klappt
checkin-printer-down = Der Ticketdrucker funktioniert nicht. Bitte gehen Sie zum Schalter.
checkin-not-found = Wir erkennen diesen Code nicht. Prüfen Sie den Code, oder gehen Sie zum Schalter.
checkin-booking-cancelled = Dieser Termin wurde abgesagt. Bitte gehen Sie zum Schalter.
checkin-too-early = Sie sind zu früh. Sie können ab { $time } Uhr einchecken.
checkin-too-early-day = Sie sind zu früh. Sie können am { $date } ab { $time } Uhr einchecken.
checkin-too-late = Die Zeit Ihres Termins ist vorbei. Bitte gehen Sie zum Schalter.
checkin-rate-limited = Hier wurden zu viele Codes versucht. Bitte gehen Sie zum Schalter.
checkin-offline = Wir können Sie gerade nicht anmelden. Versuchen Sie es erneut, oder gehen Sie zum Schalter.
checkin-other = Etwas ist schiefgegangen. Versuchen Sie es erneut, oder gehen Sie zum Schalter.
checkin-try-again = Erneut versuchen
checkin-go-to-desk = Zum Schalter
checkin-start-again = Neu beginnen
# A booking scanned again: the number it already has, printed only when asked.
checkin-already-title = Sie haben schon eine Nummer
checkin-already-body = Sie haben sich für diesen Termin schon angemeldet. Behalten Sie Ihr erstes Ticket, oder drucken Sie es erneut.
checkin-print-again = Mein Ticket erneut drucken

## Ohne Termin: eine Wartenummer für einen Dienst
walkin-choose-title = Weshalb kommen Sie?
walkin-choose-hint = Wählen Sie, und Ihre Nummer wird gedruckt.
walkin-taking = Einen Moment, wir holen Ihre Nummer…
walkin-closed = Für diesen Dienst gibt es jetzt keine Nummern. Bitte fragen Sie am Schalter.
walkin-closed-time = Für diesen Dienst gibt es jetzt keine Nummern. Kommen Sie ab { $time } wieder.
walkin-closed-day = Für diesen Dienst gibt es jetzt keine Nummern. Kommen Sie am { $date } ab { $time } wieder.
walkin-full = Alle heutigen Nummern für diesen Dienst sind vergeben. Bitte fragen Sie am Schalter.
walkin-full-time = Alle heutigen Nummern für diesen Dienst sind vergeben. Kommen Sie ab { $time } wieder.
walkin-full-day = Alle heutigen Nummern für diesen Dienst sind vergeben. Kommen Sie am { $date } ab { $time } wieder.
walkin-busy = Dieses Terminal hat in kurzer Zeit viele Nummern vergeben. Versuchen Sie es in einigen Minuten erneut, oder gehen Sie zum Schalter.
