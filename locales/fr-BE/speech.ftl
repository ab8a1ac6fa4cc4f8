# French (Belgium). Speech mode, for residents who cannot see the screen: what the kiosk says
# aloud and the keys of the tactile keypad. Spoken words, short sentences; the resident as "vous".

## Speech on and off, and the keys
speech-on = La voix est activée.
speech-off = La voix est désactivée.
speech-help = Avec les flèches, vous allez vers un bouton. Avec OK, vous le choisissez. Avec la touche retour, vous revenez en arrière. L'étoile active ou coupe la voix. La barre oblique répète. Plus parle plus vite, moins parle plus lentement. Pour un nombre ou un code, tapez directement les chiffres.
speech-faster = Plus vite.
speech-slower = Plus lentement.
# The button at the bottom of every screen that starts speech.
speech-button = Lecture à voix haute
speech-button-stop = Arrêter la lecture

## Keys said by name
speech-char-at = arobase
speech-char-dot = point
speech-char-dash = tiret
speech-char-underscore = tiret bas
speech-char-apostrophe = apostrophe
speech-char-slash = barre oblique
speech-char-colon = deux-points
speech-char-comma = virgule
speech-char-plus = plus
speech-char-capital = { $letter } majuscule
speech-key-shift = majuscule
speech-key-letters = lettres simples
speech-key-accents = lettres accentuées
speech-key-symbols = symboles
# A key of a PIN keypad: never which digit.
speech-pin-digit-key = touche chiffre
speech-pin-entered = { $entered ->
    [one] { $entered } chiffre introduit.
   *[other] { $entered } chiffres introduits.
}

## The ticket, said
speech-ticket-number = Votre numéro est { $number }.
speech-typed = Introduit : { $text }
speech-nothing-typed = Rien n'est encore introduit.
