# The staff screen (five taps on the clock, then the staff code).

staff-title = Personnel
staff-pin = Tapez le code du personnel.
staff-pin-wrong = Code erroné. Encore { $left } { $left ->
        [one] essai
       *[other] essais
    }.
staff-locked = Trop de codes erronés. Réessayez après { $time }.
staff-kiosk = Borne
staff-printer = Imprimante de tickets
staff-card-reader = Lecteur de carte eID
staff-card-none = Aucun : les certificats ne sont pas proposés
staff-card-demo = Carte de démo (pas de vrai lecteur)
staff-card-missing = Introuvable : vérifiez le câble et pcscd
staff-card-ready = Prêt
staff-card-ready-pin-pad = Prêt, avec son propre clavier PIN
staff-link = Connexion
staff-link-none = Pas connectée depuis le démarrage
staff-link-starting = Connexion en cours
staff-link-online = Connectée
staff-link-offline = Pas de connexion depuis { $time }
staff-link-unauthorized = Refusée par le serveur depuis { $time } : réinscrire la borne
staff-outbox = File vers le serveur
staff-outbox-value = { $waiting } en attente, { $refused } refusés
staff-speech = Lecture à voix haute
staff-speech-ready = ✓ prête
staff-speech-starting = en démarrage
staff-speech-off = désactivée dans kiosk.toml
staff-speech-unavailable = ⚠ indisponible (raison dans le journal)
staff-test-print = Imprimer un ticket de test
staff-test-printed = Le ticket de test est imprimé.
staff-test-failed = Le ticket de test n'est pas imprimé. Vérifiez l'imprimante.
staff-reprint = Réimprimer le dernier ticket
staff-reprint-queue = Dernier ticket : numéro d'attente de { $time }
staff-reprint-booking = Dernier ticket : ticket de rendez-vous de { $time }
staff-reprint-none = Aucun numéro d'attente ni ticket de rendez-vous imprimé.
staff-reprinted = Le ticket est réimprimé.
staff-reprint-nothing = Il n'y a pas de ticket à réimprimer.
staff-reprint-failed = Le ticket n'est pas imprimé. Vérifiez l'imprimante.
staff-restart = Redémarrer la borne
staff-restart-by-hand = La borne se ferme et ne redémarre pas d'elle-même : relancez-la ensuite.
staff-close = Fermer le programme de la borne

# Settings: what a desk clerk may change in kiosk.toml, saved and applied by a restart.
staff-settings = Réglages
staff-settings-title = Réglages de la borne
staff-settings-page = Page { $n } sur { $total }
staff-settings-reading = Lecture des réglages.
staff-settings-saving = Enregistrement des réglages.
staff-settings-unset = (non défini)
staff-settings-previous = Précédent
staff-settings-more = Suite
staff-settings-save = Enregistrer et redémarrer
staff-settings-change = Modifier les réglages
staff-settings-refused = Pas enregistré : ces réglages ne sont pas valables.
staff-settings-bad-value = Cette valeur ne convient pas ici.
staff-settings-not-written = Pas enregistré : le fichier n'a pas pu être écrit.
staff-settings-not-in-this-build = Pas enregistré : cette borne ne peut pas faire cela.
staff-settings-not-read = Le fichier des réglages n'a pas pu être lu.
staff-setting-kiosk-languages = Langues
staff-setting-kiosk-default-language = Langue par défaut
staff-setting-kiosk-idle-timeout-s = Attente (secondes)
staff-setting-kiosk-idle-warning-s = Avertissement (secondes)
staff-setting-printer-ticket-transport = Imprimante : connexion
staff-setting-printer-ticket-host = Imprimante : adresse
staff-setting-printer-ticket-port = Imprimante : port
staff-setting-printer-ticket-path = Imprimante : appareil
staff-setting-printer-ticket-baud = Imprimante : bauds
staff-setting-printer-ticket-queue = Imprimante : file CUPS
staff-setting-printer-ticket-paper-width-mm = Largeur du papier (mm)
staff-setting-scanner-enabled = Scanner actif
staff-setting-scanner-path = Scanner : port
staff-setting-card-reader-mode = Lecteur de carte
staff-setting-card-reader-reader = Lecteur : nom contient
