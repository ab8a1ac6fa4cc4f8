# The staff screen (five taps on the clock, then the staff code).

staff-title = Staff
staff-pin = Type the staff code.
staff-pin-wrong = Wrong code. { $left } { $left ->
        [one] try
       *[other] tries
    } left.
staff-locked = Too many wrong codes. Try again after { $time }.
staff-kiosk = Kiosk
staff-printer = Ticket printer
staff-card-reader = eID card reader
staff-card-none = None: certificates are not offered
staff-card-demo = Demo card (no real reader)
staff-card-missing = Not found: check the cable and pcscd
staff-card-ready = Ready
staff-card-ready-pin-pad = Ready, with its own PIN pad
staff-link = Connection
staff-link-none = Not connected since the start
staff-link-starting = Connecting
staff-link-online = Connected
staff-link-offline = No connection since { $time }
staff-link-unauthorized = Refused by the server since { $time }: enrol the kiosk again
staff-outbox = Queue to the server
staff-outbox-value = { $waiting } waiting, { $refused } refused
staff-speech = Read aloud
staff-speech-ready = ✓ ready
staff-speech-starting = starting
staff-speech-off = switched off in kiosk.toml
staff-speech-unavailable = ⚠ unavailable ({ $reason }); the kiosk works on without speech
staff-test-print = Print a test ticket
staff-test-printed = The test ticket is printed.
staff-test-failed = The test ticket was not printed. Check the printer.
staff-reprint = Reprint the last ticket
staff-reprint-queue = Last ticket: queue number of { $time }
staff-reprint-booking = Last ticket: appointment ticket of { $time }
staff-reprint-none = No queue number or appointment ticket printed yet.
staff-reprinted = The ticket is printed again.
staff-reprint-nothing = There is no ticket to reprint.
staff-reprint-failed = The ticket was not printed. Check the printer.
staff-restart = Restart the kiosk
staff-restart-by-hand = The kiosk will close and not start again by itself: start it again by hand.
staff-close = Close the kiosk program
