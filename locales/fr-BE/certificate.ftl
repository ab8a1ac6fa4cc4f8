# Français. Demander un certificat avec la carte eID et l'imprimer.

## Chaque étape
# $n est le numéro de cette étape, $total le nombre d'étapes
certificate-continue = Continuer
certificate-try-again = Réessayer
certificate-go-to-desk = Aller au guichet
certificate-finish = Terminé

## Quel certificat
certificate-choose-title = De quel certificat avez-vous besoin ?
certificate-page-previous = Précédent
certificate-page-next = Plus
certificate-about-residence = Où vous habitez maintenant
certificate-about-residence-history = Où vous avez habité, avec les dates
certificate-about-household = Qui habite à votre adresse
certificate-about-nationality = Montre que vous êtes Belge
certificate-about-life = Montre que vous êtes en vie
certificate-about-legal-cohabitation = Montre que vous cohabitez légalement
certificate-about-residence-marriage = Votre adresse, pour vous marier
certificate-about-elector = Montre que vous pouvez voter
certificate-about-register-extract = Ce que le registre dit de vous
certificate-about-criminal-record-595 = Pour la plupart des emplois
certificate-about-criminal-record-596-1 = Pour un métier réglementé
certificate-about-criminal-record-596-2 = Pour travailler avec des enfants

## Pour quoi faire
certificate-purpose-title = Pour quoi en avez-vous besoin ?
certificate-purpose-hint = Par exemple : « un emploi d'enseignant ». C'est imprimé sur le certificat.
certificate-purpose-missing = Tapez pour quoi vous avez besoin du certificat.

## La carte
certificate-insert-title = Introduisez votre carte eID
certificate-insert-hint = Poussez votre carte d'identité belge dans le lecteur, la puce d'abord et vers le haut.
certificate-privacy-title = Ce que nous lisons sur votre carte, et pourquoi
certificate-privacy-name = Votre nom : pour vous saluer et pour le certificat.
certificate-privacy-number = Votre numéro de registre national : pour vous trouver dans le registre.
certificate-privacy-pin = Votre code PIN : seule votre carte le vérifie. La borne ne le garde pas.
certificate-privacy-not = Nous ne lisons pas votre photo. Quand vous retirez votre carte, la borne oublie tout.
certificate-privacy-agree = D'accord, continuer
certificate-privacy-more = Lire la suite
certificate-reading = Un instant, nous lisons votre carte…

## Le code PIN
# $name est le prénom du titulaire de la carte
certificate-hello = Bonjour { $name }
certificate-pin-title = Tapez votre code PIN
certificate-pin-hint = Le code secret de votre carte eID. Vous voyez un point par chiffre, personne ne voit les chiffres.
certificate-pin-reader = Tapez votre code PIN sur le lecteur de carte, puis appuyez sur OK sur le lecteur.
# $tries est le nombre d'essais restants avant le blocage du code PIN
certificate-pin-wrong = { $tries ->
    [one] Code PIN erroné. Vous pouvez encore essayer une fois.
   *[other] Code PIN erroné. Vous pouvez encore essayer { $tries } fois.
}
certificate-pin-erase = Effacer
certificate-pin-ok = OK
certificate-checking-pin = Un instant, votre carte vérifie votre code PIN…

## Le certificat
certificate-requesting = Un instant, nous préparons votre certificat…
# $number est le numéro unique du document
certificate-document-number = Numéro du document : { $number }
certificate-check = Vérifiez que tout est correct, puis imprimez.
certificate-print = Imprimer
certificate-printing = Votre certificat s'imprime sur la grande imprimante…
certificate-print-failed = L'imprimante ne fonctionne pas. Allez au guichet : on peut y imprimer votre certificat.
certificate-pending-title = Votre demande a été reçue.
certificate-pending-how = Ce certificat demande d'abord un contrôle par la police. Vous ne devez pas revenir pour l'obtenir.

## La fin
certificate-take-card-title = Reprenez votre carte
certificate-take-card-hint = Retirez votre carte eID du lecteur de carte.
certificate-take-document = Prenez votre certificat dans l'imprimante.
certificate-ended-title = Votre carte est retirée.
certificate-ended-body = Pour votre vie privée, la borne a oublié tout ce qui concerne votre visite.
certificate-thanks = Merci de votre visite.
certificate-start-again = Retour au début

## Problèmes
certificate-no-card = Nous ne trouvons pas de carte dans le lecteur. Poussez votre carte eID à fond, la puce d'abord et vers le haut.
certificate-unreadable = Nous ne pouvons pas lire votre carte. Vérifiez que la puce est vers le haut et entre en premier, puis réessayez.
certificate-expired = Votre carte d'identité est périmée. Reprenez votre carte et allez au guichet : on vous y aidera.
certificate-foreign = Ce n'est pas une carte eID belge. Reprenez votre carte et allez au guichet : on vous y aidera.
certificate-pin-blocked = Votre code PIN est bloqué après trop d'essais erronés. Reprenez votre carte et allez au guichet : on peut le débloquer.
certificate-offline = Nous ne pouvons pas joindre le système de la maison communale pour le moment. Réessayez dans un instant, ou allez au guichet.
certificate-not-registered = Vous n'êtes pas inscrit au registre de la population de cette commune. Le guichet peut vous aider.
certificate-other = Un problème est survenu. Réessayez, ou allez au guichet.

## What the backend answered
certificate-card-rejected = Nous ne pouvons pas confirmer que cette carte est authentique. Reprenez votre carte et allez au guichet : on vous y aidera.
certificate-too-many = Vous avez demandé beaucoup de certificats avec cette carte en peu de temps. Allez au guichet, ou revenez dans une heure.
certificate-kiosk-busy = Cette borne a reçu beaucoup de demandes en peu de temps. Réessayez dans quelques minutes ou allez au guichet.
certificate-revoked = Cette carte a été annulée (révoquée), par exemple après une perte ou un vol. Reprenez votre carte et allez au guichet : on vous y aidera.
certificate-status-unknown = Nous ne pouvons pas vérifier maintenant si cette carte est encore valable. Allez au guichet : on vous y aidera.
certificate-pending-when = Vous le recevrez par la poste à votre adresse, en général dans les 10 jours ouvrables.
certificate-preview-name = Nom
certificate-preview-born = Né(e)
certificate-preview-national-number = Numéro de registre national
certificate-preview-nationality = Nationalité
certificate-preview-address = Adresse
certificate-preview-household = Vit avec vous
certificate-preview-purpose = Finalité
certificate-preview-document-number = Numéro du document

## The demo card (a kiosk set up for trying out)
# $pin is the demo card's PIN: it is shown because the card belongs to an invented resident
certificate-demo-label = DÉMO : carte de test d'un habitant inventé. Code PIN { $pin }
certificate-demo-insert = Insérer la carte de démo
certificate-demo-remove = Retirer la carte de démo
