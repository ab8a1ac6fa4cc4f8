# English, for visitors. Plain words.

language-name = English
app-title = Town hall kiosk { $municipality }

## Home
home-welcome = Welcome
home-question = How can we help you?
home-certificate = Print a certificate
home-certificate-hint = With your Belgian identity card and PIN
home-book = Book an appointment
home-book-hint = For an identity card, passport, driving licence, …
home-checkin = I have an appointment
home-checkin-hint = Scan your booking and take a queue number
home-walk-in = Take a number
home-walk-in-hint = No appointment? Collecting a document, or a quick question
home-choose-language = Language

## Navigation, the same place on every screen
nav-back = Back
nav-home = Start again
# On the start screen: text about 1.5 times larger for this visit; the second is said when it is on.
large-text-button = Larger text
large-text-button-stop = Standard text size

## Services not yet on this kiosk
unavailable-title = Not on this kiosk yet
unavailable-body = This service is coming to this kiosk soon. The staff at the desk will gladly help you.
unavailable-desk = Go to the desk

## A small line on the start screen when something does not work
status-printer-paper-out = The ticket printer is out of paper. Please get your ticket at the desk.
status-printer-cover-open = The ticket printer is open. Please get your ticket at the desk.
status-printer-offline = The ticket printer is not working right now. Please get your ticket at the desk.
status-card-left = A card is still in the card reader. Is it yours? Please take it with you.
status-offline = No connection with the town hall. Booking an appointment is not possible right now; checking in is.

## The "are you still there?" warning
idle-title = Are you still there?
idle-body = If you do not touch the screen, the kiosk starts again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }. What you entered will then be erased.
idle-more-time = I need more time

## When the kiosk cannot start
fault-title = This kiosk is out of order for a moment
fault-resident = We are sorry. Please go to the desk, where we will help you.
fault-staff = For staff: the kiosk cannot start.
fault-fix = Fix the file and restart the kiosk. Check it first with: kiosk --check-config { $path }

## Dates and times as residents say them
weekday = { $day ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }
month = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
date-long = { $weekday } { $day } { $month }
# "Step n of N" above a question that is one of several.
page-step = Step { $n } of { $total }
