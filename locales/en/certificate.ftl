# English. Requesting a certificate with the eID card and printing it.

## Every step
# $n is this step's number, $total the number of steps
certificate-continue = Continue
certificate-try-again = Try again
certificate-go-to-desk = Go to the desk
certificate-finish = Finished

## Which certificate
certificate-choose-title = Which certificate do you need?
certificate-page-previous = Previous
certificate-page-next = More
certificate-about-residence = Where you live now
certificate-about-residence-history = Where you lived before, with dates
certificate-about-household = Who lives at your address
certificate-about-nationality = Shows that you are Belgian
certificate-about-life = Shows that you are alive
certificate-about-legal-cohabitation = Shows that you live together legally
certificate-about-residence-marriage = Your address, to get married
certificate-about-elector = Shows that you may vote
certificate-about-register-extract = What the register says about you
certificate-about-criminal-record-595 = For most jobs
certificate-about-criminal-record-596-1 = For a regulated job
certificate-about-criminal-record-596-2 = For work with children

## What for
certificate-purpose-title = What do you need it for?
certificate-purpose-hint = For example: "a job as a teacher". It is printed on the certificate.
certificate-purpose-missing = Please type what you need the certificate for.

## The card
certificate-insert-title = Insert your eID card
certificate-insert-hint = Push your Belgian identity card into the card reader, chip first and facing up.
certificate-privacy-title = What we read from your card, and why
certificate-privacy-name = Your name: to greet you and for the certificate.
certificate-privacy-number = Your national register number: to find you in the register.
certificate-privacy-pin = Your PIN: only your card checks it. The kiosk does not keep it.
certificate-privacy-not = We do not read your photo. When you take out your card, the kiosk forgets everything.
certificate-privacy-agree = I agree, continue
certificate-privacy-more = Read on
certificate-reading = One moment, we are reading your card…

## The PIN
# $name is the card holder's first name
certificate-hello = Hello { $name }
certificate-pin-title = Type your PIN code
certificate-pin-hint = The secret code of your eID card. You see a dot for each digit, nobody sees the digits.
certificate-pin-reader = Type your PIN on the card reader, then press OK on the reader.
# $tries is how many more tries are left before the PIN is blocked
certificate-pin-wrong = { $tries ->
    [one] Wrong PIN. You can try one more time.
   *[other] Wrong PIN. You can try { $tries } more times.
}
certificate-pin-erase = Erase
certificate-pin-ok = OK
certificate-checking-pin = One moment, your card is checking your PIN…

## The certificate
certificate-requesting = One moment, we are preparing your certificate…
# $number is the document's unique number
certificate-document-number = Document number: { $number }
certificate-check = Check that everything is right, then print.
certificate-print = Print
certificate-printing = Your certificate is printing on the large printer…
certificate-print-failed = The printer is not working. Go to the desk: they can print your certificate.
certificate-pending-title = Your request has been received.
certificate-pending-how = This certificate needs a police check first. You do not need to come back for it.

## The end
certificate-take-card-title = Take your card
certificate-take-card-hint = Pull your eID card out of the card reader.
certificate-take-document = Take your certificate from the printer.
certificate-ended-title = Your card is out.
certificate-ended-body = For your privacy, the kiosk has forgotten everything about your visit.
certificate-thanks = Thank you for your visit.
certificate-start-again = Back to the start

## Problems
certificate-no-card = We find no card in the reader. Push your eID card in fully, chip first and facing up.
certificate-unreadable = We cannot read your card. Check that the chip faces up and goes in first, then try again.
certificate-expired = Your identity card has expired. Take your card and go to the desk: they can help you.
certificate-foreign = This is not a Belgian eID card. Take your card and go to the desk: they can help you.
certificate-pin-blocked = Your PIN is blocked after too many wrong tries. Take your card and go to the desk: they can unblock it.
certificate-offline = We cannot reach the town hall's system right now. Try again in a moment, or go to the desk.
certificate-not-registered = You are not in the population register of this municipality. The desk can help you.
certificate-other = Something went wrong. Try again, or go to the desk.

## What the backend answered
certificate-card-rejected = We cannot confirm that this card is genuine. Take your card and go to the desk: they can help you.
certificate-too-many = You have asked for many certificates with this card in a short time. Go to the desk, or come back in an hour.
certificate-kiosk-busy = This kiosk has had many requests in a short time. Try again in a few minutes, or go to the desk.
certificate-revoked = This card has been cancelled (revoked), for example after it was lost or stolen. Take your card and go to the desk: they can help you.
certificate-status-unknown = We cannot check right now whether this card is still valid. Go to the desk: they can help you.
certificate-pending-when = You will receive it by post at your home address, usually within 10 working days.
certificate-preview-name = Name
certificate-preview-born = Born
certificate-preview-national-number = National register number
certificate-preview-nationality = Nationality
certificate-preview-address = Address
certificate-preview-household = Living with you
certificate-preview-purpose = Purpose
certificate-preview-document-number = Document number

## The demo card (a kiosk set up for trying out)
# $pin is the demo card's PIN: it is shown because the card belongs to an invented resident
certificate-demo-label = DEMO: test card of an invented resident. PIN { $pin }
certificate-demo-insert = Insert the demo card
certificate-demo-remove = Take out the demo card
