"""English translations for accounts: sign-up, login, codes, passwords, credentials.

The form labels below ("Identifiant", "Mot de passe", …) are the ones the account
screens show: screens use these keys rather than adding their own.
"""

ACCOUNTS: dict[str, str] = {
    # form labels and field messages
    "Identifiant": "Login (e-mail address)",
    "Confirmer l'identifiant": "Confirm the login",
    "Mot de passe": "Password",
    "Confirmer le mot de passe": "Confirm the password",
    "Mot de passe actuel": "Current password",
    "Nouveau mot de passe": "New password",
    "Confirmer le nouveau mot de passe": "Confirm the new password",
    "Nouvel identifiant": "New login (e-mail address)",
    "Confirmer le nouvel identifiant": "Confirm the new login",
    "{label} : {problem}": "{label}: {problem}",
    "champ obligatoire.": "required.",
    "adresse e-mail invalide (exemple : prenom.nom@exemple.fr).": (
        "not a valid e-mail address (example: first.last@example.com)."
    ),
    "les deux adresses diffèrent.": "the two addresses differ.",
    "les deux mots de passe diffèrent.": "the two passwords differ.",
    "c'est déjà votre adresse.": "this is already your address.",
    "incorrect.": "incorrect.",
    "identique à l'actuel.": "the same as the current one.",
    # password rules
    "{min} caractères au moins, sans autre règle : une phrase de plusieurs mots est "
    "idéale. Les mots de passe courants et votre adresse e-mail sont refusés.": (
        "At least {min} characters, no other rule: a phrase of several words is ideal. "
        "Common passwords and your e-mail address are refused."
    ),
    "{min} caractères au moins.": "at least {min} characters.",
    "{max} caractères au plus.": "at most {max} characters.",
    "ne reprenez pas votre adresse e-mail.": "do not reuse your e-mail address.",
    "trop courant ou trop facile à deviner ; essayez une phrase de plusieurs mots.": (
        "too common or too easy to guess; try a phrase of several words."
    ),
    # errors
    "Identifiant ou mot de passe incorrect.": "Wrong login or password.",
    "Trop d'essais. Réessayez dans {minutes} min.": "Too many tries. Try again in {minutes} min.",
    "Code incorrect ou expiré.": "Wrong or expired code.",
    "Trop de codes demandés pour cette adresse. Réessayez dans {minutes} min.": (
        "Too many codes asked for this address. Try again in {minutes} min."
    ),
    "Trop d'essais : demandez un nouveau code.": "Too many tries: ask for a new code.",
    "Votre session a pris fin : reconnectez-vous.": "Your session has ended: log in again.",
    "Votre adresse e-mail est déjà confirmée.": "Your e-mail address is already confirmed.",
    "« Rester connecté » n'est pas possible sur une borne.": (
        '"Stay logged in" is not available on a kiosk.'
    ),
    "Cette adresse ne peut pas être choisie : choisissez-en une autre.": (
        "This address cannot be chosen: choose another one."
    ),
    "compte introuvable": "account not found",
    "{path} : suppression incomplète": "{path}: deletion incomplete",
    # mails
    "PASS : votre code de confirmation": "PASS: your confirmation code",
    "PASS : votre code pour changer de mot de passe": "PASS: your code to change your password",
    "PASS : votre code pour confirmer votre nouvelle adresse": (
        "PASS: your code to confirm your new address"
    ),
    "PASS : tentative de création de compte": "PASS: attempt to create an account",
    "PASS : votre adresse a été proposée pour un autre compte": (
        "PASS: your address was proposed for another account"
    ),
    "PASS : votre mot de passe a changé": "PASS: your password has changed",
    "PASS : votre identifiant a changé": "PASS: your login has changed",
    "Bonjour,\n\nVotre code PASS : {code}\n\nIl est valable 15 minutes et ne sert "
    "qu'une fois. Ne le communiquez à personne : PASS ne vous le demandera jamais "
    "par téléphone ni par courriel.\n\nSi vous n'êtes pas à l'origine de cette "
    "demande, ignorez ce message.\n": (
        "Hello,\n\nYour PASS code: {code}\n\nIt is valid for 15 minutes and can be used "
        "once. Do not give it to anyone: PASS will never ask you for it by phone or by "
        "e-mail.\n\nIf you did not ask for it, ignore this message.\n"
    ),
    "Bonjour,\n\nQuelqu'un vient d'essayer de créer un espace candidat "
    "PASS avec votre adresse, qui en a déjà un. Rien n'a changé dans votre "
    "compte.\n\nSi c'était vous : connectez-vous, ou choisissez « Mot de "
    "passe perdu » si vous l'avez oublié. Sinon, ignorez ce message.\n": (
        "Hello,\n\nSomeone just tried to create a PASS candidate space with your address, "
        "which already has one. Nothing changed in your account.\n\nIf it was you: log in, "
        'or choose "Lost password" if you forgot it. Otherwise, ignore this message.\n'
    ),
    "Bonjour,\n\nQuelqu'un vient d'essayer de donner votre adresse à un "
    "autre espace candidat PASS. Votre adresse reste celle de votre compte : "
    "rien n'a changé.\n": (
        "Hello,\n\nSomeone just tried to give your address to another PASS candidate "
        "space. Your address stays your account's: nothing changed.\n"
    ),
    "Bonjour,\n\nLe mot de passe de votre espace candidat PASS vient d'être "
    "changé. Si ce n'est pas vous, choisissez tout de suite « Mot de passe "
    "perdu » sur l'écran de connexion pour en choisir un autre.\n": (
        "Hello,\n\nThe password of your PASS candidate space has just been changed. If it "
        'was not you, choose "Lost password" on the login screen right away to choose '
        "another one.\n"
    ),
    "Bonjour,\n\nL'identifiant de votre espace candidat PASS est désormais "
    "{new}. Cette adresse-ci ne permet plus de vous connecter.\n\nSi vous n'êtes "
    "pas à l'origine de ce changement, contactez sans attendre le support de PASS "
    "(voir les conditions générales d'utilisation).\n": (
        "Hello,\n\nThe login of your PASS candidate space is now {new}. This address can "
        "no longer be used to log in.\n\nIf you did not make this change, contact PASS "
        "support at once (see the terms of use).\n"
    ),
}
