# French (Belgium). The on-screen keyboard and keypads, and what to do when a number, e-mail
# address or booking code is not right. The resident addressed as "vous".

## Keys of the on-screen keyboard and keypads
input-key-done = Terminé
input-key-backspace = Effacer
input-key-space = espace
# Shows capitals for the next letter.
input-key-shift = Aa
# Opens the page with accented letters.
input-key-accents = àéè…
# Back from the accented letters to the usual keys.
input-key-letters = abc
input-key-symbols = /:_#

## National register number
input-nn-empty = Indiquez votre numéro de registre national. Il figure au dos de votre carte d'identité.
input-nn-character = Un numéro de registre national ne contient que des chiffres.
input-nn-length = Un numéro de registre national compte 11 chiffres. Vérifiez qu'il n'en manque pas.
input-nn-date = Les six premiers chiffres sont votre date de naissance. Vérifiez-les.
input-nn-check = Ce numéro n'est pas correct. Vérifiez les chiffres sur votre carte d'identité.

## Phone number
input-phone-empty = Indiquez votre numéro de téléphone.
input-phone-character = Un numéro de téléphone ne contient que des chiffres, éventuellement avec un + au début.
input-phone-prefix = Commencez par 0 pour un numéro belge, ou par + et l'indicatif du pays pour un numéro étranger.
input-phone-too-short = Ce numéro est trop court. Vérifiez qu'il ne manque pas de chiffre.
input-phone-too-long = Ce numéro est trop long. Vérifiez qu'il n'y a pas un chiffre en trop.
input-phone-belgian = Ce n'est pas un numéro de téléphone belge. Un numéro de GSM s'écrit ainsi : 0470 12 34 56.

## E-mail address
input-email-empty = Indiquez votre adresse e-mail.
input-email-space = Une adresse e-mail ne contient pas d'espace.
input-email-at-missing = Une adresse e-mail contient un @, par exemple nom@exemple.be.
input-email-at-multiple = Une adresse e-mail ne contient qu'un seul @.
input-email-local = Vérifiez la partie avant le @.
input-email-domain = Vérifiez la partie après le @, par exemple exemple.be.
input-email-domain-dot = Après le @ vient un nom avec un point, par exemple exemple.be.
input-email-too-long = Cette adresse e-mail est trop longue.

## Booking code
input-code-empty = Indiquez le code de votre rendez-vous.
input-code-ambiguous = Un code de rendez-vous ne contient jamais les lettres O, I ou L, ni les chiffres 0 ou 1. Vérifiez le code.
input-code-character = Un code de rendez-vous ne contient que des lettres et des chiffres.
input-code-too-short = Un code de rendez-vous compte 10 caractères. Il en manque.
input-code-too-long = Un code de rendez-vous compte 10 caractères. Il y en a trop.
input-code-qr = Nous ne connaissons pas ce code QR. Scannez le code QR de votre confirmation de rendez-vous, ou tapez le code.
