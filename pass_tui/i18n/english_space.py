"""English translations for the candidate-space dashboard, identifiants, app wiring."""

SPACE: dict[str, str] = {
    # widgets
    "Cocher ou décocher": "Tick or untick",
    "{count} erreur : {first}": "{count} error: {first}",
    "{count} erreurs : {first}": "{count} errors: {first}",
    # app wiring: the session, the palette, idle logout
    "Mon espace candidat": "My candidate space",
    "Mon espace": "My space",
    "Ma fiche, mes pièces jointes, mes identifiants": "My profile, my attachments, my login details",
    "Déconnexion": "Log out",
    "Me déconnecter": "Log me out",
    "Me déconnecter de mon espace candidat": "Log out of my candidate space",
    "Vous êtes déconnecté.": "You are logged out.",
    "Vous avez été déconnecté après {minutes} min sans activité.": (
        "You were logged out after {minutes} min without activity."
    ),
    "Vous allez être déconnecté dans {seconds} s, faute d'activité.": (
        "You will be logged out in {seconds} s for lack of activity."
    ),
    "Rester connecté": "Stay logged in",
    # login
    "Se connecter à mon espace candidat": "Log in to my candidate space",
    "Identifiant (adresse e-mail) :": "Login (e-mail address):",
    "Mot de passe :": "Password:",
    "Rester connecté (30 jours)": "Stay logged in (30 days)",
    "Se connecter": "Log in",
    "Mot de passe perdu": "Lost password",
    "Je me crée un espace candidat": "Create my candidate space",
    "Créer un espace": "Create a space",
    "Connectez-vous avec votre identifiant et votre mot de passe.": (
        "Log in with your login and your password."
    ),
    "Mot de passe modifié : connectez-vous.": "Password changed: log in.",
    # sign-up
    "Confirmer l'identifiant :": "Confirm the login:",
    "Confirmer le mot de passe :": "Confirm the password:",
    "Créer mon espace": "Create my space",
    # the code
    "Code de confirmation": "Confirmation code",
    "Un code à 6 chiffres a été envoyé à {address}. Il est valable 15 minutes.": (
        "A 6-digit code was sent to {address}. It is valid for 15 minutes."
    ),
    "Regardez aussi dans les indésirables (spam).": "Look in your spam folder too.",
    "Code reçu :": "Code received:",
    "Valider": "Confirm",
    "Renvoyer un code": "Send another code",
    "Renvoyer": "Resend",
    "Plus tard": "Later",
    "Erreur : le code a 6 chiffres.": "Error: the code has 6 digits.",
    "Un nouveau code a été envoyé à {address}.": "A new code was sent to {address}.",
    "Confirmer mon adresse e-mail": "Confirm my e-mail address",
    # lost password
    "Indiquez votre identifiant : si un compte existe, un code vous sera envoyé pour "
    "choisir un nouveau mot de passe.": (
        "Give your login: if an account exists, a code will be sent to you to choose a new "
        "password."
    ),
    "Recevoir un code": "Get a code",
    "Nouveau mot de passe :": "New password:",
    "Confirmer le nouveau mot de passe :": "Confirm the new password:",
    "Changer mon mot de passe": "Change my password",
    # dashboard
    "Ma fiche candidat": "My candidate profile",
    "Mes pièces jointes": "My attachments",
    "Mes identifiants": "My login details",
    "Vos coordonnées et vos souhaits.": "Your details and wishes.",
    "Vos CV, lettres et autres documents.": "Your CVs, letters and other documents.",
    "Adresse e-mail et mot de passe.": "E-mail address and password.",
    "Identifiant : {address}": "Login: {address}",
    "Identifiant : {address} (adresse confirmée)": "Login: {address} (address confirmed)",
    "Identifiant : {address} (adresse non confirmée)": ("Login: {address} (address not confirmed)"),
    "Confirmer mon adresse": "Confirm my address",
    "Votre adresse est confirmée.": "Your address is confirmed.",
    "Fiche": "Profile",
    "Pièces": "Files",
    "Identifiants": "Login details",
    # identifiants
    "Adresse actuelle : {address}": "Current address: {address}",
    "Changer d'adresse e-mail": "Change the e-mail address",
    "Nouvelle adresse e-mail :": "New e-mail address:",
    "Confirmer la nouvelle adresse :": "Confirm the new address:",
    "Mot de passe actuel :": "Current password:",
    "Changer d'adresse": "Change the address",
    "Changer de mot de passe": "Change the password",
    "Retour à mon espace": "Back to my space",
    "Confirmer ma nouvelle adresse": "Confirm my new address",
    "Adresse inchangée.": "Address unchanged.",
    "Adresse modifiée : votre identifiant est maintenant {address}.": (
        "Address changed: your login is now {address}."
    ),
    "Mot de passe modifié. Vos autres sessions sont fermées.": (
        "Password changed. Your other sessions are closed."
    ),
}
