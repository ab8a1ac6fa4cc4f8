# English. Checking in for an appointment and taking a queue number.

## Scan or type the code
checkin-ask-title = Hold the QR code of your appointment under the scanner
checkin-ask-hint = You find the QR code on the paper or in the e-mail about your appointment. No QR code? Type the code instead.
checkin-type-code = Type my code
checkin-type-title = Type the code of your appointment

## One moment
checkin-looking-up = One moment, we are looking up your appointment…
checkin-checking-in = One moment, we are checking you in…
checkin-cancelling = One moment, we are cancelling your appointment…

## Your appointment
checkin-appointment-title = Your appointment
# $date is e.g. "Tuesday 3 December", $time e.g. "10:30"
checkin-when = { $date }, { $time }
checkin-take-number = Take my queue number
checkin-cancel = Cancel this appointment
# $when is the day and time of the appointment
checkin-cancel-question = Do you want to cancel your appointment of { $when }?
checkin-cancel-yes = Yes, cancel
checkin-cancel-no = No, keep it
checkin-cancelled-title = Your appointment is cancelled
checkin-cancelled-body = You do not need to do anything else. You can make a new appointment at any time.
checkin-finish = Finished

## Your queue number
checkin-ticket-title = Your queue number
checkin-people-ahead = { $people ->
        [0] You are next.
        [one] { $people } person is waiting before you.
       *[other] { $people } people are waiting before you.
    }
checkin-wait = { $minutes ->
        [one] Expected wait: about { $minutes } minute.
       *[other] Expected wait: about { $minutes } minutes.
    }
checkin-watch-screen = Watch the screen in the waiting room: your number will appear there.
checkin-printing = Your ticket is printing…
checkin-take-ticket = Take your ticket from the printer.
checkin-print-failed = Note this number: the printer is not working.

## When it does not work
checkin-printer-down = The ticket printer is not working. Please go to the desk.
checkin-not-found = We do not recognise this code. Check the code, or go to the desk.
checkin-booking-cancelled = This appointment was cancelled. Please go to the desk.
checkin-too-early = You are early. You can check in from { $time }.
checkin-too-early-day = You are early. You can check in on { $date } from { $time }.
checkin-too-late = Your appointment time has passed. Please go to the desk.
checkin-rate-limited = Too many codes were tried here. Please go to the desk.
checkin-offline = We cannot check you in right now. Try again, or go to the desk.
checkin-other = Something went wrong. Try again, or go to the desk.
checkin-try-again = Try again
checkin-go-to-desk = Go to the desk
checkin-start-again = Start again
# A booking scanned again: the number it already has, printed only when asked.
checkin-already-title = You already have a number
checkin-already-body = You checked in earlier with this appointment. Keep your first ticket, or print it again.
checkin-print-again = Print my ticket again

## Without an appointment: a queue number for a service
walkin-choose-title = What is your visit for?
walkin-choose-hint = Choose, and your number is printed.
walkin-taking = One moment, we are getting your number…
walkin-closed = There are no numbers for this service now. Please ask at the desk.
walkin-closed-time = There are no numbers for this service now. Come back from { $time }.
walkin-closed-day = There are no numbers for this service now. Come back on { $date } from { $time }.
walkin-full = All of today's numbers for this service have been given. Please ask at the desk.
walkin-full-time = All of today's numbers for this service have been given. Come back from { $time }.
walkin-full-day = All of today's numbers for this service have been given. Come back on { $date } from { $time }.
walkin-busy = This kiosk has given many numbers in a short time. Please try again in a few minutes, or go to the desk.
