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
staff-speech-unavailable = ⚠ indisponible ({ $reason }) ; la borne fonctionne sans la voix
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
