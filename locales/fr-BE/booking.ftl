# Français (Belgique). Prendre rendez-vous : une question par écran. Le résident est vouvoyé.

## Chaque étape
booking-minutes = { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
booking-page-previous = Précédent
booking-page-next = Plus
booking-working = Un instant, s'il vous plaît…

## Service, personnes, jour, heure
booking-product-title = Pour quoi souhaitez-vous un rendez-vous ?
booking-persons-title = Combien de personnes viendront ?
booking-persons-count = { $persons ->
        [one] { $persons } personne
       *[other] { $persons } personnes
    }
booking-day-title = Quel jour vous convient ?
booking-day-closed = Fermé
booking-day-full = Complet
booking-time-title = À quelle heure le { $date } ?
booking-time-taken = Cette heure vient d'être prise. Choisissez une autre heure.
booking-time-none = Il n'y a plus d'heure libre ce jour-là. Choisissez un autre jour.
booking-another-day = Choisir un autre jour

## Vos coordonnées
booking-name-title = Quel est votre nom ?
booking-name-empty = Indiquez votre nom.
booking-phone-title = Quel est votre numéro de téléphone ?
booking-email-title = Quelle est votre adresse e-mail ?
booking-contact-title = Comment pouvons-nous vous joindre ?
booking-contact-phone = Par téléphone
booking-contact-email = Par e-mail

## Récapitulatif pendant que l'heure vous est réservée
booking-summary-title = Vérifiez votre rendez-vous
booking-summary-product = Pour
booking-summary-bring = À apporter
booking-summary-persons = Personnes
booking-summary-when = Quand
booking-summary-name = Nom
booking-summary-phone = Téléphone
booking-summary-email = E-mail
booking-date-at = { $date } à { $time }
booking-holding = Un instant, nous réservons cette heure pour vous…
# $time : minutes et secondes, p. ex. 9:41
booking-hold-left = Nous gardons cette heure pour vous encore { $time }.
booking-hold-expired = Nous n'avons pas pu garder cette heure plus longtemps.
booking-another-time = Choisir une autre heure
booking-confirm = Confirmer le rendez-vous
booking-confirming = Un instant, nous enregistrons votre rendez-vous…

## Rendez-vous pris
booking-done-title = Votre rendez-vous est pris
booking-printing = Votre ticket s'imprime. Prenez-le dans l'imprimante.
booking-print-failed = Le ticket n'a pas pu être imprimé. Notez ce code ou prenez-le en photo :
booking-print-failed-hint = Avec ce code, vous vous présentez à la borne ou au guichet.
booking-finish = Terminé

## Quand la prise de rendez-vous n'est pas possible
booking-unavailable-title = Impossible de prendre rendez-vous pour le moment
booking-unavailable-body = Veuillez réessayer plus tard ou vous adresser au guichet : nous vous aiderons volontiers.
booking-rate-limited-body = Cette borne a pris beaucoup de rendez-vous en peu de temps. Réessayez dans quelques minutes ou adressez-vous au guichet : nous vous aiderons volontiers.
booking-unavailable-home = Retour au début
