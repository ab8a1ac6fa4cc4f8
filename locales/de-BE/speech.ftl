# German (Belgium). Speech mode, for residents who cannot see the screen: what the kiosk says
# aloud and the keys of the tactile keypad. Spoken words, short sentences; the resident as "Sie".

## Speech on and off, and the keys
speech-on = Die Sprachausgabe ist an.
speech-off = Die Sprachausgabe ist aus.
speech-help = Mit den Pfeiltasten gehen Sie zu einer Schaltfläche. Mit OK wählen Sie sie. Mit der Zurück-Taste gehen Sie einen Schritt zurück. Der Stern schaltet die Sprachausgabe an oder aus. Der Schrägstrich wiederholt. Plus spricht schneller, Minus langsamer. Bei einem Zahlenfeld tippen Sie die Ziffern direkt ein.
speech-faster = Schneller.
speech-slower = Langsamer.
# The button at the bottom of every screen that starts speech.
speech-button = Vorlesen
speech-button-stop = Vorlesen beenden

## Keys said by name
speech-char-at = at-Zeichen
speech-char-dot = Punkt
speech-char-dash = Bindestrich
speech-char-underscore = Unterstrich
speech-char-apostrophe = Apostroph
speech-char-slash = Schrägstrich
speech-char-colon = Doppelpunkt
speech-char-comma = Komma
speech-char-plus = plus
speech-char-capital = großes { $letter }
speech-key-shift = Großbuchstabe
speech-key-letters = einfache Buchstaben
speech-key-accents = Buchstaben mit Akzent
speech-key-symbols = Sonderzeichen
# A key of a PIN keypad: never which digit.
speech-pin-digit-key = Zifferntaste
speech-pin-entered = { $entered ->
    [one] { $entered } Ziffer eingegeben.
   *[other] { $entered } Ziffern eingegeben.
}

## The ticket, said
speech-ticket-number = Ihre Nummer ist { $number }.
speech-typed = Eingegeben: { $text }
speech-nothing-typed = Noch nichts eingegeben.
