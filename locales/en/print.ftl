# Tickets and documents printed by the kiosk (crate kiosk-print).

## Weekdays, Monday = 1
print-weekday-1 = Monday
print-weekday-2 = Tuesday
print-weekday-3 = Wednesday
print-weekday-4 = Thursday
print-weekday-5 = Friday
print-weekday-6 = Saturday
print-weekday-7 = Sunday

## Booking ticket
print-booking-heading = Your appointment
print-label-product = Service
print-label-when = When
print-label-location = Location
print-label-booking-code = Booking code
print-label-bring = Please bring:
print-booking-scan = Scan this code at the kiosk in the entrance hall when you arrive.

## Queue ticket
print-queue-heading = Your number
print-label-appointment = Appointment at
print-people-ahead =
    { $count ->
        [0] Nobody is ahead of you.
        [one] 1 person is ahead of you.
       *[other] { $count } people are ahead of you.
    }
print-estimated-wait = Estimated wait: { $minutes } min.
print-queue-instruction = Watch the screen in the waiting room.
print-printed-at = Printed on { $time }

## Test ticket
print-test-heading = Test print
print-label-printer = Printer
print-test-body = If you can see the accents, the QR code and the barcode below, the printer works.

## Printer status, for staff
print-status-ready = The printer is ready.
print-status-paper-near-end = The paper is nearly used up.
print-status-paper-out = The printer is out of paper.
print-status-cover-open = The printer cover is open.
print-status-offline = The printer is offline.
print-status-unreachable = The printer cannot be reached.
print-status-not-reported = The printer does not report its status.

## Certificates
# The title comes from the backend's catalogue; the statement is chosen by type code.
print-cert-statement-residence = The municipal administration of { $municipality } certifies that, according to the population register, the person named below has their main residence at the address given.
print-cert-statement-residence-history = The municipal administration of { $municipality } certifies that, according to the population register, the person named below has their main residence at the address given and has been registered there since the date given.
print-cert-statement-household = The municipal administration of { $municipality } certifies that, according to the population register, the household of the reference person named below is composed as follows.
print-cert-statement-nationality = The municipal administration of { $municipality } certifies that, according to the population register, the person named below has Belgian nationality.
print-cert-statement-life = The municipal administration of { $municipality } certifies that the person named below is alive on the date of issue.
print-cert-statement-legal-cohabitation = The municipal administration of { $municipality } certifies that a declaration of legal cohabitation is recorded in the population register for the person named below.
print-cert-statement-residence-marriage = The municipal administration of { $municipality } certifies that, according to the population register, the person named below has their main residence at the address given. This certificate is issued with a view to a marriage.
print-cert-statement-elector = The municipal administration of { $municipality } certifies that, according to the population register, the person named below is registered as a voter in the municipality.
print-cert-statement-register-extract = The municipal administration of { $municipality } certifies that the details given below agree with the population register.
# Models 595, 596.1 and 596.2: the model is in the title.
print-cert-statement-criminal-record = This extract from the Central Criminal Record, issued by the municipal administration of { $municipality }, concerns the person named below.
# A type this kiosk does not know yet.
print-cert-statement-generic = This document is issued by the municipal administration of { $municipality } and concerns the person named below.
print-label-surname = Surname
print-label-first-names = First names
print-label-born = Born in
print-label-national-number = National register number
print-label-nationality = Nationality
print-label-address = Address
print-label-address-since = At this address since
print-label-household = Members of the household:
print-label-purpose = Purpose
print-cert-issued = Issued by the municipal administration of { $municipality } on { $time }.

## Booking confirmation
print-confirmation-title = Confirmation of your appointment
print-confirmation-intro = Dear { $name }, your appointment is confirmed.

## Every document
print-doc-number = Document number: { $number }
print-doc-verify = Check this document at { $url } with the code { $code }, or scan the QR code.
print-page = Page { $page } of { $pages }
