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
staff-speech-unavailable = ⚠ unavailable (reason in the log)
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

# Settings: what a desk clerk may change in kiosk.toml, saved and applied by a restart.
staff-settings = Settings
staff-settings-title = Kiosk settings
staff-settings-page = Page { $n } of { $total }
staff-settings-reading = Reading the settings.
staff-settings-saving = Saving the settings.
staff-settings-unset = (not set)
staff-settings-previous = Previous
staff-settings-more = More
staff-settings-save = Save and restart
staff-settings-change = Change the settings
staff-settings-refused = Not saved: these settings are not valid.
staff-settings-bad-value = This value does not fit here.
staff-settings-not-written = Not saved: the file could not be written.
staff-settings-not-in-this-build = Not saved: this kiosk cannot do this.
staff-settings-not-read = The settings file could not be read.
staff-setting-kiosk-languages = Languages
staff-setting-kiosk-default-language = Default language
staff-setting-kiosk-idle-timeout-s = Idle time (seconds)
staff-setting-kiosk-idle-warning-s = Warning (seconds)
staff-setting-printer-ticket-transport = Printer: connection
staff-setting-printer-ticket-host = Printer: address
staff-setting-printer-ticket-port = Printer: port
staff-setting-printer-ticket-path = Printer: device
staff-setting-printer-ticket-baud = Printer: baud
staff-setting-printer-ticket-queue = Printer: CUPS queue
staff-setting-printer-ticket-paper-width-mm = Paper width (mm)
staff-setting-scanner-enabled = Scanner on
staff-setting-scanner-path = Scanner: port
staff-setting-card-reader-mode = Card reader
staff-setting-card-reader-reader = Card reader: name contains
