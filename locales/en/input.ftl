# English. The on-screen keyboard and keypads, and what to do when a number, e-mail address or
# booking code is not right.

## Keys of the on-screen keyboard and keypads
input-key-done = Done
input-key-backspace = Delete
input-key-space = space
# Shows capitals for the next letter.
input-key-shift = Aa
# Opens the page with accented letters.
input-key-accents = àéè…
# Back from the accented letters to the usual keys.
input-key-letters = abc
input-key-symbols = /:_#

## National register number
input-nn-empty = Enter your national register number. It is on the back of your identity card.
input-nn-character = A national register number has only digits.
input-nn-length = A national register number has 11 digits. Check that none is missing.
input-nn-date = The first six digits are your date of birth. Please check them.
input-nn-check = This number is not right. Check the digits on your identity card.

## Phone number
input-phone-empty = Enter your phone number.
input-phone-character = A phone number has only digits, perhaps with a + at the start.
input-phone-prefix = Start with 0 for a Belgian number, or with + and the country code for a number abroad.
input-phone-too-short = This number is too short. Check that no digit is missing.
input-phone-too-long = This number is too long. Check that there is no extra digit.
input-phone-belgian = This is not a Belgian phone number. A mobile number looks like this: 0470 12 34 56.

## E-mail address
input-email-empty = Enter your e-mail address.
input-email-space = An e-mail address has no spaces.
input-email-at-missing = An e-mail address has an @, for example name@example.be.
input-email-at-multiple = An e-mail address has only one @.
input-email-local = Check the part before the @.
input-email-domain = Check the part after the @, for example example.be.
input-email-domain-dot = After the @ comes a name with a dot, for example example.be.
input-email-too-long = This e-mail address is too long.

## Booking code
input-code-empty = Enter the code of your appointment.
input-code-ambiguous = An appointment code never has the letters O, I or L, or the digits 0 or 1. Please check the code.
input-code-character = An appointment code has only letters and digits.
input-code-too-short = An appointment code has 10 characters. Some are missing.
input-code-too-long = An appointment code has 10 characters. There are too many.
input-code-qr = We do not know this QR code. Scan the QR code on your appointment confirmation, or type the code.
