"""English translations for the fiche candidat (profile) and its checks.

The field labels below are the ones the fiche screen shows: it uses these keys rather
than adding its own. The terms of use are in pass_tui/data/candidates/terms.py.
"""

PROFILE: dict[str, str] = {
    "Civilité": "Title",
    "Nom": "Last name",
    "Prénom": "First name",
    "Téléphone": "Phone",
    "Adresse postale": "Postal address",
    "Domaine fonctionnel principal": "Main field",
    "Métiers": "Jobs",
    "Zones géographiques": "Areas",
    "Vous êtes": "You are looking for",
    "valeur inconnue.": "unknown value.",
    "métier inconnu : {job}.": "unknown job: {job}.",
    "région inconnue : {code}.": "unknown region: {code}.",
    "département inconnu : {code}.": "unknown department: {code}.",
    "numéro invalide (exemple : 06 12 34 56 78 ou +33 6 12 34 56 78).": (
        "not a valid number (example: 06 12 34 56 78 or +33 6 12 34 56 78)."
    ),
    "Conditions générales d'utilisation : cochez « J'accepte les conditions "
    "générales d'utilisation ».": ('Terms of use: tick "I accept the terms of use".'),
}
