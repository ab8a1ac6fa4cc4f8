# Dutch (Belgium): the reference. Speech mode, for residents who cannot see the screen: what the
# kiosk says aloud and the keys of the tactile keypad. Spoken words, short sentences.

## Speech on and off, and the keys
speech-on = Spraak staat aan.
speech-off = Spraak staat uit.
speech-help = Met de pijltjes gaat u naar een knop. Met OK kiest u die knop. Met de terugtoets gaat u een stap terug. De ster zet spraak aan of uit. De schuine streep herhaalt. Plus spreekt sneller, min spreekt trager. Bij een getal of code typt u de cijfers meteen in.
speech-faster = Sneller.
speech-slower = Trager.
# The button at the bottom of every screen that starts speech.
speech-button = Voorlezen
speech-button-stop = Stop voorlezen

## Keys said by name
speech-char-at = apenstaartje
speech-char-dot = punt
speech-char-dash = streepje
speech-char-underscore = laag streepje
speech-char-apostrophe = apostrof
speech-char-slash = schuine streep
speech-char-colon = dubbelpunt
speech-char-comma = komma
speech-char-plus = plus
speech-char-capital = hoofdletter { $letter }
speech-key-shift = hoofdletter
speech-key-letters = gewone letters
speech-key-accents = letters met accent
speech-key-symbols = leestekens
# A key of a PIN keypad: never which digit.
speech-pin-digit-key = cijfertoets
speech-pin-entered = { $entered ->
    [one] { $entered } cijfer ingevuld.
   *[other] { $entered } cijfers ingevuld.
}

## The ticket, said
speech-ticket-number = Uw nummer is { $number }.
speech-typed = Ingevuld: { $text }
speech-nothing-typed = Nog niets ingevuld.
