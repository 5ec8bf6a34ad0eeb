"""A small message catalogue: French by default, English on request."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.dom import DOMNode

__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "_",
    "get_language",
    "number",
    "set_language",
    "translate_bindings",
]

LANGUAGES = ("fr", "en")
_language = "fr"


def set_language(language: str) -> None:
    """Choose the interface language for the whole process.

    Args:
        language: "fr" or "en".

    Raises:
        ValueError: When the language is not one of LANGUAGES.
    """
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"langue inconnue : {language!r}")
    _language = language


def get_language() -> str:
    """The interface language in use ("fr" or "en")."""
    return _language


def _(message: str, /, **values: object) -> str:
    """Translate a French message into the current language, then fill ``{placeholders}``.

    Args:
        message: The French text, which is also the catalogue key.
        **values: Values for the ``{name}`` placeholders of the message.

    Returns:
        The message in the current language (French when no translation is known).
    """
    text = ENGLISH.get(message, message) if _language == "en" else message
    if not values:
        return text
    shown = {k: number(v) if type(v) is int else v for k, v in values.items()}
    return text.format(**shown)


def number(value: int) -> str:
    """A count as the language writes it: "100 000" (no-break space) or "100,000"."""
    grouped = f"{value:,}"
    return grouped if _language == "en" else grouped.replace(",", "\u00a0")


def translate_bindings(node: DOMNode) -> None:
    """Translate the descriptions of a node's key bindings into the current language.

    Binding descriptions are written in French in the class's BINDINGS; this rewrites the
    node's own copy of the bindings map, so the footer, the help screen and the command
    palette show the chosen language.
    """
    if _language == "fr":
        return
    bindings = node._bindings
    bindings.key_to_bindings = {
        key: [
            dataclasses.replace(
                binding,
                description=_(binding.description) if binding.description else "",
                tooltip=_(binding.tooltip) if binding.tooltip else "",
            )
            for binding in key_bindings
        ]
        for key, key_bindings in bindings.key_to_bindings.items()
    }


# French text -> English text. Keys are the exact French strings passed to `_()`, plus the
# labels the data layer gives in French (offer fields, criteria) and the key names.
ENGLISH: dict[str, str] = {
    # application, palette, global keys
    "PASS": "PASS",
    "Place de l'apprentissage et des stages": "Apprenticeship and internship board",
    "Aide": "Help",
    "Quitter": "Quit",
    "Commandes": "Commands",
    "Aller aux mots clés": "Go to the keywords field",
    "Comment quitter": "How to quit",
    "Pour quitter, appuyez sur Ctrl+Q.": "To quit, press Ctrl+Q.",
    "Nouvelle recherche": "New search",
    "Flux RSS": "RSS feed",
    "Flux RSS de cette recherche": "RSS feed of this search",
    "Adresse du flux RSS :": "RSS feed address:",
    "Adresse du flux Atom :": "Atom feed address:",
    "Commande équivalente :": "Equivalent command:",
    "Ces adresses répondent quand « pass-tui feeds serve » est lancé.": (
        "These addresses answer while “pass-tui feeds serve” is running."
    ),
    "Fermer": "Close",
    "Revenir au formulaire de recherche": "Back to the search form",
    "Les touches de l'écran courant": "The keys of the current screen",
    "Thème": "Theme",
    "Changer les couleurs de l'application": "Change the application's colours",
    "Quitter l'application": "Quit the application",
    # key names
    "Échap": "Esc",
    "Entrée": "Enter",
    "Tab": "Tab",
    "Espace": "Space",
    "Haut": "Up",
    "Bas": "Down",
    "Gauche": "Left",
    "Droite": "Right",
    "Page préc.": "Page Up",
    "Page suiv.": "Page Down",
    "Début": "Home",
    "Fin": "End",
    "Suppr": "Del",
    "Retour arrière": "Backspace",
    "Ctrl": "Ctrl",
    "Maj": "Shift",
    "Alt": "Alt",
    "Méta": "Meta",
    # search form
    "Rechercher une offre": "Search for an offer",
    "Lancer ma recherche": "Search",
    "Rechercher": "Search",
    "Voir toutes les offres": "See all offers",
    "Toutes les offres": "All offers",
    "Effacer les critères": "Clear the criteria",
    "Effacer": "Clear",
    "Mots clés ou numéro d'offre": "Keywords or offer number",
    "Chargement des critères…": "Loading the criteria…",
    "{count} offres correspondent aux critères choisis.": "{count} offers match the chosen criteria.",
    "1 offre correspond aux critères choisis.": "1 offer matches the chosen criteria.",
    "Choisissez d'abord une ou plusieurs régions.": "First choose one or more regions.",
    "Nature de l'emploi": "Type of position",
    "Domaine fonctionnel": "Functional area",
    "Organisme de rattachement": "Parent organisation",
    "Niveau d'études": "Level of education",
    "Localisation du poste": "Location",
    "Localisation du poste : région": "Location: region",
    "Localisation du poste : département": "Location: department",
    "Mots clés": "Keywords",
    "Valeur précédente": "Previous value",
    "Valeur suivante": "Next value",
    "Cocher ou décocher la valeur": "Tick or untick the value",
    # results
    "Résultats de la recherche": "Search results",
    "Nombre de résultats : {count} offres": "Number of results: {count} offers",
    "Nombre de résultats : {count} offre": "Number of results: {count} offer",
    "Critères sélectionnés : aucun (toutes les offres)": "Selected criteria: none (all offers)",
    "Critères sélectionnés :": "Selected criteria:",
    "Affiner ma recherche": "Refine my search",
    "Affiner": "Refine",
    "Retour à la recherche": "Back to the search",
    "Retour": "Back",
    "Aucune offre ne correspond à vos critères. Choisissez « Affiner ma recherche » pour les "
    "modifier, ou appuyez sur Échap pour revenir à la recherche.": (
        "No offer matches your criteria. Choose “Refine my search” to change them, or press "
        "Esc to go back to the search."
    ),
    "Recherche en cours…": "Searching…",
    "Offre précédente dans la liste": "Previous offer in the list",
    "Offre suivante dans la liste": "Next offer in the list",
    "Page précédente de la liste": "Previous page of the list",
    "Page suivante de la liste": "Next page of the list",
    "Première offre de la liste": "First offer of the list",
    "Dernière offre de la liste": "Last offer of the list",
    "Ouvrir l'offre": "Open the offer",
    "Ouvrir": "Open",
    "Réf. {reference}": "Ref. {reference}",
    "publiée le {date}": "published {date}",
    "Aucune offre.": "No offers.",
    # offer
    "Détail de l'offre": "Offer details",
    "Offre {n} / {count}": "Offer {n} / {count}",
    "(première offre)": "(first offer)",
    "(dernière offre)": "(last offer)",
    "Offre suivante": "Next offer",
    "Suivante": "Next",
    "Offre précédente": "Previous offer",
    "Précédente": "Previous",
    "Imprimer l'offre": "Print the offer",
    "Imprimer": "Print",
    "Envoyer l'offre par e-mail": "E-mail the offer",
    "E-mail": "E-mail",
    "Envoyer par e-mail": "Send by e-mail",
    "Retour à la liste": "Back to the list",
    "Vous êtes sur la dernière offre.": "This is the last offer.",
    "Vous êtes sur la première offre.": "This is the first offer.",
    "Comment postuler": "How to apply",
    "Candidature par e-mail à : {address}": "Apply by e-mail to: {address}",
    "Contact : {address}": "Contact: {address}",
    "Téléphone : {phone}": "Phone: {phone}",
    "Pièces jointes": "Attachments",
    "Enregistrer": "Save",
    "Enregistrer « {name} »": "Save “{name}”",
    "lien : {url}": "link: {url}",
    "Pièce jointe enregistrée : {path}": "Attachment saved: {path}",
    "Erreur : pièce jointe non enregistrée ({error}).": "Error: attachment not saved ({error}).",
    "Imprimer cette offre sur l'imprimante « {printer} » ?": (
        "Print this offer on the printer “{printer}”?"
    ),
    "Offre envoyée à l'imprimante {printer}. Copie : {path}": (
        "Offer sent to the printer {printer}. Copy: {path}"
    ),
    "Offre enregistrée pour impression : {text} et {pdf}": (
        "Offer saved for printing: {text} and {pdf}"
    ),
    "Erreur d'impression : {error}. Le fichier est dans {directory}.": (
        "Printing error: {error}. The file is in {directory}."
    ),
    "Erreur : impossible d'écrire le fichier ({error}).": (
        "Error: the file could not be written ({error})."
    ),
    "Envoyer l'offre {reference} par e-mail.": "Send offer {reference} by e-mail.",
    "Offre PASS {reference} : {title}": "PASS offer {reference}: {title}",
    "Voici une offre de la Place de l'apprentissage et des stages (PASS).": (
        "Here is an offer from PASS, the French public service's apprenticeship and "
        "internship board."
    ),
    "Envoi en cours…": "Sending…",
    "Offre envoyée par e-mail à {address}.": "Offer e-mailed to {address}.",
    "Offre déposée dans la boîte d'envoi pour {address} : {path}": (
        "Offer for {address} left in the outbox: {path}"
    ),
    "Erreur : l'e-mail n'a pas pu être envoyé ({error}).": (
        "Error: the e-mail could not be sent ({error})."
    ),
    "Le serveur de messagerie n'a pas accepté l'e-mail ({error}) ; il sera renvoyé plus tard.": (
        "The mail server did not accept the e-mail ({error}); it will be sent again later."
    ),
    # offer fields (labels from pass_tui.data.publishing.render)
    "Référence": "Reference",
    "Intitulé du poste": "Job title",
    "Date de publication": "Publication date",
    "Date limite de candidature": "Application deadline",
    "Employeur": "Employer",
    "Service": "Department",
    "Versant": "Branch of the civil service",
    "Catégorie": "Category",
    "Métier": "Occupation",
    "Région": "Region",
    "Département": "Département",
    "Ville": "City",
    "Durée": "Duration",
    "Date de début": "Start date",
    "Description du poste": "Job description",
    "Profil recherché": "Profile sought",
    "Contact": "Contact",
    "Candidature par e-mail": "Apply by e-mail",
    "Pour postuler": "How to apply",
    "Adresse de l'offre": "Offer's address",
    # dialogs
    "Adresse e-mail du destinataire :": "Recipient's e-mail address:",
    "nom@exemple.fr": "name@example.com",
    "Envoyer": "Send",
    "Annuler": "Cancel",
    "Confirmer": "Confirm",
    "Erreur : indiquez une adresse e-mail valide, par exemple nom@exemple.fr.": (
        "Error: enter a valid e-mail address, for example name@example.com."
    ),
    "Erreur : l'adresse e-mail est obligatoire.": "Error: the e-mail address is required.",
    # help
    "Aide : les touches de cet écran": "Help: the keys of this screen",
    "Fermer l'aide": "Close the help",
    "Sur cet écran": "On this screen",
    "Dans la liste des offres": "In the list of offers",
    "Dans les listes de critères": "In the lists of criteria",
    "Partout": "Everywhere",
    "Se déplacer": "Moving around",
    "Tab : élément suivant": "Tab: next item",
    "Maj+Tab : élément précédent": "Shift+Tab: previous item",
    "Entrée : activer le bouton ou ouvrir l'élément choisi": (
        "Enter: press the button or open the chosen item"
    ),
    "Haut, Bas, Page préc., Page suiv. : faire défiler le texte": (
        "Up, Down, Page Up, Page Down: scroll the text"
    ),
    "indisponible ici": "not available here",
    "ou": "or",
    # errors (pass_tui.data.errors and the CLI's one-line messages)
    "pass-tui : {error}": "pass-tui: {error}",
    "pass-tui : interrompu": "pass-tui: interrupted",
    "pass-tui : import refusé, rien importé : {error}": (
        "pass-tui: import refused, nothing imported: {error}"
    ),
    "{where} : {problem}": "{where}: {problem}",
    "ligne {line}": "line {line}",
    "offre introuvable : {reference}": "offer not found: {reference}",
    "--port doit être compris entre 0 et {max} (reçu : {port})": (
        "--port must be between 0 and {max} (got {port})"
    ),
    "--host ne peut pas être vide": "--host cannot be empty",
    "--limit doit être au moins 1": "--limit must be at least 1",
    "impossible d'écouter sur {host}:{port} ({error})": "cannot listen on {host}:{port} ({error})",
    # errors: the data directory and its files
    "disque plein": "disk full",
    "quota disque dépassé": "disk quota exceeded",
    "système de fichiers en lecture seule": "read-only file system",
    "permission refusée": "permission denied",
    "introuvable": "not found",
    "un élément du chemin n'est pas un dossier": "a part of the path is not a directory",
    "c'est un dossier": "it is a directory",
    "erreur d'entrée-sortie du disque": "disk input/output error",
    "nom trop long": "name too long",
    "trop de liens symboliques": "too many symbolic links",
    "{path} : écriture impossible ({reason})": "{path}: cannot write ({reason})",
    "{path} : lecture impossible ({reason})": "{path}: cannot read ({reason})",
    "{path} : fichier de données illisible ou tronqué ({error})": (
        "{path}: unreadable or truncated data file ({error})"
    ),
    "{path} : ce n'est pas une base TinyDB": "{path}: not a TinyDB database",
    "{path} : occupé par un autre processus pass-tui (plus de {seconds} s)": (
        "{path}: busy in another pass-tui process (for more than {seconds} s)"
    ),
    "{path} : offre illisible dans le catalogue ({error})": (
        "{path}: unreadable offer in the catalogue ({error})"
    ),
    "le dossier de données (--data-dir) ne peut pas être vide": (
        "the data directory (--data-dir) cannot be empty"
    ),
    "{path} : ce n'est pas un dossier": "{path}: not a directory",
    "{path} : dossier de données illisible ({reason})": (
        "{path}: unreadable data directory ({reason})"
    ),
    "impossible de créer le dossier de données {path} ({reason})": (
        "cannot create the data directory {path} ({reason})"
    ),
    # errors: import sources
    "fichier introuvable": "file not found",
    "c'est un dossier, pas un fichier": "this is a directory, not a file",
    "c'est un tube nommé (FIFO), pas un fichier": "this is a named pipe (FIFO), not a file",
    "c'est un périphérique, pas un fichier": "this is a device, not a file",
    "c'est une socket, pas un fichier": "this is a socket, not a file",
    "ce n'est pas un fichier ordinaire": "this is not a regular file",
    "lecture impossible ({reason})": "cannot read ({reason})",
    "JSON trop imbriqué": "JSON nested too deeply",
    "source trop volumineuse (plus de {size} Mo)": "source too large (over {size} MB)",
    "{error} (après {attempts} tentatives)": "{error} (after {attempts} attempts)",
    "le serveur a répondu {status} {reason}": "the server answered {status} {reason}",
    "trop de redirections (plus de {count})": "too many redirects (more than {count})",
    "contenu compressé illisible (Content-Encoding : {encoding})": (
        "unreadable compressed content (Content-Encoding: {encoding})"
    ),
    "pas de réponse du serveur en {seconds} s": "no answer from the server within {seconds} s",
    "serveur injoignable ({error})": "server unreachable ({error})",
    "adresse invalide ({error})": "invalid address ({error})",
    "échec de la requête HTTP ({error})": "HTTP request failed ({error})",
    "téléchargement trop long (plus de {seconds} s au total)": (
        "download too long (over {seconds} s in all)"
    ),
    "{error} ; abandon après {seconds} s au total": "{error}; gave up after {seconds} s in all",
}
