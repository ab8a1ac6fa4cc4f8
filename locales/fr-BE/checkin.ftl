# Français (Belgique). S'enregistrer pour un rendez-vous et prendre un numéro d'appel. Le
# résident est vouvoyé.

## Scanner ou taper le code
checkin-ask-title = Tenez le code QR de votre rendez-vous sous le scanner
checkin-ask-hint = Le code QR se trouve sur le papier ou dans l'e-mail de votre rendez-vous. Pas de code QR ? Tapez le code.
checkin-type-code = Taper mon code
checkin-type-title = Tapez le code de votre rendez-vous

## Un instant
checkin-looking-up = Un instant, nous cherchons votre rendez-vous…
checkin-checking-in = Un instant, nous vous enregistrons…
checkin-cancelling = Un instant, nous annulons votre rendez-vous…

## Votre rendez-vous
checkin-appointment-title = Votre rendez-vous
# $date p. ex. « mardi 3 décembre », $time p. ex. « 10:30 »
checkin-when = { $date } à { $time }
checkin-take-number = Prendre mon numéro
checkin-cancel = Annuler ce rendez-vous
# $when est le jour et l'heure du rendez-vous
checkin-cancel-question = Voulez-vous annuler votre rendez-vous du { $when } ?
checkin-cancel-yes = Oui, annuler
checkin-cancel-no = Non, le garder
checkin-cancelled-title = Votre rendez-vous est annulé
checkin-cancelled-body = Vous n'avez plus rien à faire. Vous pouvez prendre un nouveau rendez-vous à tout moment.
checkin-finish = Terminé

## Votre numéro
checkin-ticket-title = Votre numéro
checkin-people-ahead = { $people ->
        [0] Vous êtes le prochain.
        [one] { $people } personne attend avant vous.
       *[other] { $people } personnes attendent avant vous.
    }
checkin-wait = { $minutes ->
        [one] Attente prévue : environ { $minutes } minute.
       *[other] Attente prévue : environ { $minutes } minutes.
    }
checkin-watch-screen = Regardez l'écran de la salle d'attente : votre numéro y apparaîtra.
checkin-printing = Votre ticket s'imprime…
checkin-take-ticket = Prenez votre ticket dans l'imprimante.
checkin-print-failed = Notez ce numéro : l'imprimante ne fonctionne pas.

## Quand cela ne marche pas
checkin-printer-down = L'imprimante à tickets ne fonctionne pas. Veuillez vous rendre au guichet.
checkin-not-found = Nous ne reconnaissons pas ce code. Vérifiez le code, ou rendez-vous au guichet.
checkin-booking-cancelled = Ce rendez-vous a été annulé. Veuillez vous rendre au guichet.
checkin-too-early = Vous êtes en avance. Vous pouvez vous enregistrer à partir de { $time }.
checkin-too-early-day = Vous êtes en avance. Vous pouvez vous enregistrer le { $date } à partir de { $time }.
checkin-too-late = L'heure de votre rendez-vous est passée. Veuillez vous rendre au guichet.
checkin-rate-limited = Trop de codes ont été essayés ici. Veuillez vous rendre au guichet.
checkin-offline = Nous ne pouvons pas vous enregistrer pour le moment. Réessayez, ou rendez-vous au guichet.
checkin-other = Un problème est survenu. Réessayez, ou rendez-vous au guichet.
checkin-try-again = Réessayer
checkin-go-to-desk = Aller au guichet
checkin-start-again = Recommencer
# A booking scanned again: the number it already has, printed only when asked.
checkin-already-title = Vous avez déjà un numéro
checkin-already-body = Vous vous êtes déjà présenté pour ce rendez-vous. Gardez votre premier ticket, ou imprimez-le à nouveau.
checkin-print-again = Réimprimer mon ticket

## Sans rendez-vous : un numéro pour un service
walkin-choose-title = Pour quoi venez-vous ?
walkin-choose-hint = Choisissez, et votre numéro est imprimé.
walkin-taking = Un instant, nous prenons votre numéro…
walkin-closed = Ce service ne donne pas de numéro maintenant. Adressez-vous au guichet.
walkin-closed-time = Ce service ne donne pas de numéro maintenant. Revenez à partir de { $time }.
walkin-closed-day = Ce service ne donne pas de numéro maintenant. Revenez le { $date } à partir de { $time }.
walkin-full = Tous les numéros d'aujourd'hui pour ce service ont été donnés. Adressez-vous au guichet.
walkin-full-time = Tous les numéros d'aujourd'hui pour ce service ont été donnés. Revenez à partir de { $time }.
walkin-full-day = Tous les numéros d'aujourd'hui pour ce service ont été donnés. Revenez le { $date } à partir de { $time }.
walkin-busy = Cette borne a donné beaucoup de numéros en peu de temps. Réessayez dans quelques minutes, ou allez au guichet.
