# French (Belgium). The resident is addressed as "vous".

language-name = Français
app-title = Borne d'accueil { $municipality }

## Home
home-welcome = Bienvenue
home-question = Que souhaitez-vous faire ?
home-certificate = Imprimer un certificat
home-certificate-hint = Avec votre carte d'identité et votre code PIN
home-book = Prendre rendez-vous
home-book-hint = Pour une carte d'identité, un passeport, un permis de conduire, …
home-checkin = J'ai un rendez-vous
home-checkin-hint = Scannez votre confirmation et prenez un numéro
home-walk-in = Prendre un numéro
home-walk-in-hint = Sans rendez-vous ? Retirer un document ou une question rapide
home-choose-language = Langue

## Navigation, the same place on every screen
nav-back = Retour
nav-home = Recommencer
# On the start screen: text about 1.5 times larger for this visit; the second is said when it is on.
large-text-button = Texte plus grand
large-text-button-stop = Taille de texte normale

## Services not yet on this kiosk
unavailable-title = Pas encore sur cette borne
unavailable-body = Ce service arrivera bientôt sur cette borne. Au guichet, nous vous aidons volontiers.
unavailable-desk = Allez au guichet

## A small line on the start screen when something does not work
status-printer-paper-out = L'imprimante de tickets n'a plus de papier. Votre ticket vous sera remis au guichet.
status-printer-cover-open = L'imprimante de tickets est ouverte. Votre ticket vous sera remis au guichet.
status-printer-offline = L'imprimante de tickets ne fonctionne pas pour le moment. Votre ticket vous sera remis au guichet.
status-card-left = Une carte est restée dans le lecteur. Est-ce la vôtre ? Reprenez-la.
status-offline = Pas de connexion avec l'administration communale. Prendre rendez-vous n'est pas possible pour le moment ; vous pouvez vous enregistrer.

## The "are you still there?" warning
idle-title = Êtes-vous toujours là ?
idle-body = Sans action de votre part, la borne recommence dans { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    }. Ce que vous avez saisi sera effacé.
idle-more-time = J'ai besoin de plus de temps

## When the kiosk cannot start
fault-title = Cette borne est momentanément hors service
fault-resident = Veuillez nous excuser. Allez au guichet, nous vous y aiderons.
fault-staff = Pour le personnel : la borne ne peut pas démarrer.
fault-fix = Corrigez le fichier et redémarrez la borne. Vérifiez d'abord avec : kiosk --check-config { $path }

## Dates and times as residents say them
weekday = { $day ->
        [1] lundi
        [2] mardi
        [3] mercredi
        [4] jeudi
        [5] vendredi
        [6] samedi
       *[7] dimanche
    }
month = { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    }
date-long = { $weekday } { $day } { $month }
# "Step n of N" above a question that is one of several.
page-step = Étape { $n } sur { $total }
