# English. Booking an appointment: one question a screen.

## Every step
booking-minutes = { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
booking-page-previous = Previous
booking-page-next = More
booking-working = One moment, please…

## Product, persons, day, time
booking-product-title = What is your appointment for?
booking-persons-title = How many persons are coming?
booking-persons-count = { $persons ->
        [one] { $persons } person
       *[other] { $persons } persons
    }
booking-day-title = Which day suits you?
booking-day-closed = Closed
booking-day-full = Fully booked
booking-time-title = What time on { $date }?
booking-time-taken = This time was just taken. Choose another time.
booking-time-none = There is no free time on this day. Choose another day.
booking-another-day = Choose another day

## Your details
booking-name-title = What is your name?
booking-name-empty = Enter your name.
booking-phone-title = What is your phone number?
booking-email-title = What is your e-mail address?
booking-contact-title = How can we reach you?
booking-contact-phone = By phone
booking-contact-email = By e-mail

## Summary while the time is kept for you
booking-summary-title = Check your appointment
booking-summary-product = For
booking-summary-bring = Bring
booking-summary-persons = Persons
booking-summary-when = When
booking-summary-name = Name
booking-summary-phone = Phone
booking-summary-email = E-mail
booking-date-at = { $date } at { $time }
booking-holding = One moment, we are keeping this time for you…
# $time is minutes and seconds, e.g. 9:41
booking-hold-left = We keep this time for you for another { $time }.
booking-hold-expired = We could not keep this time for you any longer.
booking-another-time = Choose another time
booking-confirm = Book this appointment
booking-confirming = One moment, we are booking your appointment…

## Booked
booking-done-title = Your appointment is booked
booking-printing = Your ticket is printing. Take it from the printer.
booking-print-failed = The ticket could not be printed. Write down this code or take a photo of it:
booking-print-failed-hint = With this code you can check in at the kiosk or at the desk.
booking-finish = Finished

## When booking is not possible
booking-unavailable-title = Booking is not available right now
booking-unavailable-body = Please try again later, or go to the desk: we will gladly help you.
booking-rate-limited-body = This kiosk has made many bookings in a short time. Please try again in a few minutes, or go to the desk: we will gladly help you.
booking-unavailable-home = Back to the start
