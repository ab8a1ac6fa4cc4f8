# English. Speech mode, for residents who cannot see the screen: what the kiosk says aloud and
# the keys of the tactile keypad. Spoken words, short sentences.

## Speech on and off, and the keys
speech-on = Speech is on.
speech-off = Speech is off.
speech-help = Use the arrows to move to a button. Press OK to choose it. The back key goes one step back. The star turns speech on or off. The slash repeats. Plus speaks faster, minus slower. Where a number is asked, type its digits directly.
speech-faster = Faster.
speech-slower = Slower.
# The button at the bottom of every screen that starts speech.
speech-button = Read aloud
speech-button-stop = Stop reading aloud

## Keys said by name
speech-char-at = at sign
speech-char-dot = dot
speech-char-dash = dash
speech-char-underscore = underscore
speech-char-apostrophe = apostrophe
speech-char-slash = slash
speech-char-colon = colon
speech-char-comma = comma
speech-char-plus = plus
speech-char-capital = capital { $letter }
speech-key-shift = capitals
speech-key-letters = plain letters
speech-key-accents = accented letters
speech-key-symbols = symbols
# A key of a PIN keypad: never which digit.
speech-pin-digit-key = digit key
speech-pin-entered = { $entered ->
    [one] { $entered } digit entered.
   *[other] { $entered } digits entered.
}

## The ticket, said
speech-ticket-number = Your number is { $number }.
speech-typed = Entered: { $text }
speech-nothing-typed = Nothing entered yet.
