"""English translations: French text (the key passed to ``_()``) → English text."""

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
    # the feed server (pass-tui feeds serve)
    "Flux servis sur {base}/flux/offres, {base}/flux/offres_stages et "
    "{base}/flux/recherche?… (Ctrl+C pour arrêter)": (
        "Feeds served at {base}/flux/offres, {base}/flux/offres_stages and "
        "{base}/flux/recherche?… (Ctrl+C to stop)"
    ),
    "Serveur de flux arrêté.": "Feed server stopped.",
    "pass-tui flux : {message}": "pass-tui feeds: {message}",
    "requête HTTP invalide reçue (400)": "invalid HTTP request received (400)",
    "trop de connexions ouvertes : requête refusée (503)": (
        "too many open connections: request refused (503)"
    ),
    "erreur interne : {error}": "internal error: {error}",
    "Erreur interne du serveur de flux.": "Internal error of the feed server.",
    "Méthode non autorisée : {method}. Ce serveur est en lecture seule (GET et HEAD uniquement).": (
        "Method not allowed: {method}. This server is read-only (GET and HEAD only)."
    ),
    "Une requête {method} ne porte pas de corps (au plus {limit} octets sont "
    "acceptés et ignorés).": (
        "A {method} request carries no body (at most {limit} bytes are accepted and ignored)."
    ),
    "Requête interrompue.": "Request interrupted.",
    "Adresse inconnue : {path}": "Unknown address: {path}",
    "Flux disponibles (RSS 2.0 ; ajouter .atom pour Atom 1.0) :": (
        "Available feeds (RSS 2.0; add .atom for Atom 1.0):"
    ),
    "offres d'apprentissage": "apprenticeship offers",
    "offres de stage": "internship offers",
    "une recherche": "a search",
    "Recherche invalide : {error}": "Invalid search: {error}",
    "Offre introuvable : {reference}": "Offer not found: {reference}",
    "adresse d'écoute vide : indiquez 127.0.0.1 (cette machine seulement) ou "
    "0.0.0.0 (toutes les interfaces)": (
        "empty listening address: give 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)"
    ),
    "port d'écoute invalide : {port} (de 0 à 65535)": (
        "invalid listening port: {port} (0 to 65535)"
    ),
    "la limite du nombre d'offres par flux doit être au moins 1": (
        "the number of offers per feed must be at least 1"
    ),
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
    "Service": "Unit",
    "Versant": "Branch of the civil service",
    "Catégorie": "Category",
    "Métier": "Occupation",
    "Région": "Region",
    "Département": "Department",
    "Ville": "City",
    "Durée": "Duration",
    "Date de début": "Start date",
    "Description du poste": "Job description",
    "Profil recherché": "Profile sought",
    "Contact": "Contact",
    "Candidature par e-mail": "Apply by e-mail",
    "Pour postuler": "How to apply",
    "Adresse de l'offre": "Offer's address",
    "oui": "yes",
    # printed offer (pass_tui.data.publishing.pdf)
    "Offre {reference}": "Offer {reference}",
    "page {n} / {count}": "page {n} / {count}",
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
    # added with the browsing-half rework
    "Aucune offre ne correspond à vos critères. Choisissez « Affiner ma recherche » pour les "
    "modifier.": "No offer matches your criteria. Choose “Refine my search” to change them.",
    "Erreur : {error}": "Error: {error}",
    "Erreur inattendue : {error}": "Unexpected error: {error}",
    "Erreur d'impression : {error}. L'offre est enregistrée dans {directory}.": (
        "Printing error: {error}. The offer is saved in {directory}."
    ),
    "L'e-mail n'est pas encore parti : le serveur de messagerie ne l'a pas accepté ({error}). "
    "Il sera renvoyé plus tard.": (
        "The e-mail has not gone yet: the mail server did not accept it ({error}). It will be "
        "sent again later."
    ),
    "Liste": "List",
    "Nouvelle": "New",
    "Offre déposée dans la boîte d'envoi pour {address}. Fichier : {path}": (
        "Offer for {address} left in the outbox. File: {path}"
    ),
    "Offre enregistrée pour impression. Fichiers : {text} et {pdf}": (
        "Offer saved for printing. Files: {text} and {pdf}"
    ),
    "Pièce jointe enregistrée. Fichier : {path}": "Attachment saved. File: {path}",
    "Pièce jointe non enregistrée. {error}": "Attachment not saved. {error}",
    "{count} offre correspond aux critères choisis.": "{count} offer matches the chosen criteria.",
    "{label} : {value}": "{label}: {value}",
    "{label} :": "{label}:",
    "{where} : {problem}": "{where}: {problem}",
    "ligne {line}": "line {line}",
    "pass-tui : {error}": "pass-tui: {error}",
    "Par exemple : {example}": "For example: {example}",
    # command line
    "--limit doit être au moins 1": "--limit must be at least 1",
    "--limit doit être positif ou nul": "--limit must be zero or more",
    "PASS, la Place de l'apprentissage et des stages, dans un terminal.": (
        "PASS, the French public service's apprenticeship and internship board, in a terminal."
    ),
    "adresse e-mail invalide : {address}": "invalid e-mail address: {address}",
    "adresse publique utilisée dans les liens": "public address used in links",
    "afficher une offre": "show an offer",
    "aucune source [[sources]] dans config.toml": "no [[sources]] in config.toml",
    "chemin ou URL http(s)": "path or http(s) URL",
    "commandes": "commands",
    "donnez une SOURCE (fichier ou URL) ou --all, pas les deux": (
        "give a SOURCE (file or URL) or --all, not both"
    ),
    "dossier de données (défaut : $PASS_TUI_HOME ou le dossier utilisateur)": (
        "data directory (default: $PASS_TUI_HOME or the user data directory)"
    ),
    "flux RSS / Atom": "RSS / Atom feeds",
    "importer des offres (fichier ou URL http(s))": "import offers (file or http(s) URL)",
    "importer toutes les sources de config.toml": "import every source of config.toml",
    "impossible d'écouter sur {host}:{port} ({error})": "cannot listen on {host}:{port} ({error})",
    "le paramètre {name}": "the parameter {name}",
    "mode borne (souris désactivée)": "kiosk mode (mouse off)",
    "mode lecteur d'écran (sans décor)": "screen-reader mode (no decoration)",
    "mots clés ou numéro d'offre": "keywords or offer number",
    "nombre maximal d'offres": "maximum number of offers",
    "offre introuvable : {reference}": "offer not found: {reference}",
    "paramètre inconnu : {name} ; paramètres possibles : {known}": (
        "unknown parameter: {name}; possible parameters: {known}"
    ),
    "paramètres de recherche illisibles : {error}": "unreadable search parameters: {error}",
    "pass-tui : import refusé, rien importé : {error}": (
        "pass-tui: import refused, nothing imported: {error}"
    ),
    "rechercher des offres": "search offers",
    "référence de l'offre (ex. 2019-181070)": "the offer's reference (e.g. 2019-181070)",
    "servir les flux en HTTP (lecture seule)": "serve the feeds over HTTP (read-only)",
    "thème (ex. ansi-dark, ansi-light)": "theme (e.g. ansi-dark, ansi-light)",
    "valeur inconnue pour {name} : {value} ; valeurs possibles : {valid}": (
        "unknown value for {name}: {value}; possible values: {valid}"
    ),
    "{size} Mo": "{size} MB",
    "nature de l'emploi (répétable), ex. Apprentissage, Stage": (
        "type of position (repeatable), as written in French, e.g. Apprentissage "
        "(apprenticeship), Stage (internship)"
    ),
    "domaine fonctionnel (répétable)": "functional area (repeatable)",
    "organisme de rattachement (répétable)": "parent organisation (repeatable)",
    "niveau d'études, de 3 à 8 (répétable)": "level of education, 3 to 8 (repeatable)",
    "région : code INSEE ou nom (répétable), ex. 53": "region: INSEE code or name (repeatable), e.g. 53",
    "département : code ou nom (répétable), ex. 35, 2A": (
        "department: code or name (repeatable), e.g. 35, 2A"
    ),
    # reference lists: natures, levels, functional areas
    "Emploi ouvert aux titulaires et/ou aux contractuels": (
        "Position open to civil servants and/or contract staff"
    ),
    "Emploi ouvert aux contractuels": "Position open to contract staff",
    "Apprentissage": "Apprenticeship",
    "Stage": "Internship",
    "Niveau {n} : {label}": "Level {n}: {label}",
    "CAP, BEP ou équivalent": "CAP, BEP or equivalent (vocational certificate)",
    "Baccalauréat": "Baccalauréat (end of secondary school)",
    "Bac+2 (BTS, DUT, DEUST)": "Two years of higher education (BTS, DUT, DEUST)",
    "Bac+3 ou 4 (Licence, BUT, Maîtrise)": (
        "Three or four years of higher education (Licence, BUT, Maîtrise)"
    ),
    "Bac+5 (Master, diplôme d'ingénieur)": (
        "Five years of higher education (Master's, engineering degree)"
    ),
    "Doctorat": "Doctorate",
    "Accueil, secrétariat, service aux usagers": "Reception, secretarial work, public services",
    "Achats": "Purchasing",
    "Architecture, urbanisme": "Architecture, town planning",
    "Culture et métiers d'art": "Culture and crafts",
    "BTP, immobilier": "Construction, real estate",
    "Big data et statistiques": "Big data and statistics",
    "Chimie, biologie, laboratoire, recherche": "Chemistry, biology, laboratory, research",
    "Commerce, vente": "Trade, sales",
    "Communication, multimédia": "Communication, multimedia",
    "Diplomatie et relations internationales": "Diplomacy and international relations",
    "Documentation, archives, bibliothèque": "Documentation, archives, libraries",
    "Droit, affaires juridiques, fiscalité": "Law, legal affairs, taxation",
    "Enseignement": "Teaching",
    "Économie, gestion, finances, comptabilité": "Economics, management, finance, accounting",
    "Environnement, espaces verts, énergie": "Environment, green spaces, energy",
    "Etudes, qualité, audit": "Studies, quality, audit",
    "Hygiène et sécurité, prévention des risques professionnels": (
        "Health and safety, occupational risk prevention"
    ),
    "Hôtellerie, restauration, tourisme": "Hospitality, catering, tourism",
    "Industrie, aéronautique": "Industry, aeronautics",
    "Logistique, maintenance, transport": "Logistics, maintenance, transport",
    "Médiation culturelle et valorisation des patrimoines": (
        "Cultural mediation and heritage promotion"
    ),
    "Métiers de l'image, spectacle, production culturelle": (
        "Imaging, performing arts, cultural production"
    ),
    "Numérique, digital": "Digital",
    "Petite enfance": "Early childhood",
    "Ressources humaines": "Human resources",
    "Santé, médico-social": "Health, social care",
    "Sécurité, défense": "Security, defence",
    "Sport, animation": "Sport, leisure activities",
    "Systèmes d'information, réseau, intelligence artificielle": (
        "Information systems, networks, artificial intelligence"
    ),
    # offers from sources: checks and import reports (pass_tui.data.models, .sources)
    "texte attendu": "text expected",
    "champ obligatoire absent": "required field missing",
    "vide": "empty",
    "trop long (maximum {limit} caractères)": "too long (at most {limit} characters)",
    "nombre entier attendu": "whole number expected",
    "vrai ou faux attendu (true/false)": "true or false expected",
    "date attendue (AAAA-MM-JJ)": "date expected (YYYY-MM-DD)",
    "liste attendue": "list expected",
    "objet attendu": "object expected",
    "valeur trop petite (minimum {limit})": "value too small (minimum {limit})",
    "valeur trop grande (maximum {limit})": "value too large (maximum {limit})",
    "caractères invisibles ou non imprimables": "invisible or unprintable characters",
    "nature inconnue : {value} (possibles : {known})": (
        "unknown type of position: {value} (possible: {known})"
    ),
    "date de publication impossible : {value} (attendu entre {low} et {high})": (
        "impossible publication date: {value} (expected between {low} and {high})"
    ),
    "XML refusé : déclaration de type de document (DTD) ou d'entités interdite": (
        "XML refused: document type (DTD) and entity declarations are not allowed"
    ),
    "XML mal formé ({error})": "malformed XML ({error})",
    "date illisible : {value}": "unreadable date: {value}",
    "ce n'est pas un flux RSS 2.0 (élément <rss><channel> absent)": (
        "not an RSS 2.0 feed (no <rss><channel> element)"
    ),
    "référence absente (dc:identifier et guid vides)": (
        "no reference (dc:identifier and guid are empty)"
    ),
    "date de publication absente (pubDate)": "no publication date (pubDate)",
    "élément {number} : champ {field} invalide ({problem})": (
        "item {number}: invalid field {field} ({problem})"
    ),
    "offre": "offer",
    "élément {number} : {problem}": "item {number}: {problem}",
    "élément {number} : référence {reference} en double (déjà élément {first})": (
        "item {number}: duplicate reference {reference} (already item {first})"
    ),
    "offre {number} : champ {field} invalide ({problem})": (
        "offer {number}: invalid field {field} ({problem})"
    ),
    "offre {number} : référence {reference} en double (déjà offre {first})": (
        "offer {number}: duplicate reference {reference} (already offer {first})"
    ),
    "fichier vide": "empty file",
    "CSV illisible ({error})": "unreadable CSV ({error})",
    "colonne obligatoire absente : {name} (est-ce bien un export CSV de la Place de l'emploi "
    "public, séparé par des points-virgules ?)": (
        "required column missing: {name} (is this a Place de l'emploi public CSV export, "
        "separated by semicolons?)"
    ),
    "CSV mal formé ({error})": "malformed CSV ({error})",
    "{count} champs au lieu de {expected}": "{count} fields instead of {expected}",
    "référence {reference} en double (déjà ligne {first})": (
        "duplicate reference {reference} (already line {first})"
    ),
    "date absente dans {column}": "no date in {column}",
    "date illisible dans {column} : {value} (attendu jj/mm/aaaa)": (
        "unreadable date in {column}: {value} (expected dd/mm/yyyy)"
    ),
    "référence absente ({column})": "no reference ({column})",
    "intitulé absent ({column})": "no title ({column})",
    "date de publication impossible dans {column}": "impossible publication date in {column}",
    "offre invalide ({field} : {problem})": "invalid offer ({field}: {problem})",
    "type de contrat inconnu dans {column} : {value}": "unknown contract type in {column}: {value}",
    "{source} : inchangé depuis le dernier import (HTTP 304), rien importé": (
        "{source}: unchanged since the last import (HTTP 304), nothing imported"
    ),
    "{source} : {read} offre(s) lue(s) ({fmt}), dont {closed} déjà clôturée(s) — "
    "{added} ajoutée(s), {updated} mise(s) à jour, {unchanged} inchangée(s)": (
        "{source}: {read} offer(s) read ({fmt}), {closed} of them already closed — "
        "{added} added, {updated} updated, {unchanged} unchanged"
    ),
    " ; {count} lien(s) ignoré(s) (ni http ni https)": (
        "; {count} link(s) ignored (neither http nor https)"
    ),
    # catalogue: closed offers, demo offers, feed links
    "L'offre {reference} est clôturée depuis le {date}.": (
        "Offer {reference} has been closed since {date}."
    ),
    "gérer le catalogue d'offres": "manage the offer catalogue",
    "retirer les offres de démonstration (celles qu'un import a remplacées restent)": (
        "remove the demo offers (those an import has replaced stay)"
    ),
    "{count} offre(s) de démonstration retirée(s) du catalogue.": (
        "{count} demo offer(s) removed from the catalogue."
    ),
    "{what} : adresse http(s) absolue attendue, pas {url}": (
        "{what}: an absolute http(s) address is expected, not {url}"
    ),
    "adresse de base des flux": "base address of the feeds",
    "lien du flux": "feed link",
    "adresse du flux": "feed address",
    # merged: errors
    "pass-tui : interrompu": "pass-tui: interrupted",
    "--port doit être compris entre 0 et {max} (reçu : {port})": "--port must be between 0 and {max} (got {port})",
    "--host ne peut pas être vide": "--host cannot be empty",
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
    "{path} : fichier de données illisible ou tronqué ({error})": "{path}: unreadable or truncated data file ({error})",
    "{path} : ce n'est pas une base TinyDB": "{path}: not a TinyDB database",
    "{path} : occupé par un autre processus pass-tui (plus de {seconds} s)": "{path}: busy in another pass-tui process (for more than {seconds} s)",
    "{path} : offre illisible dans le catalogue ({error})": "{path}: unreadable offer in the catalogue ({error})",
    "le dossier de données (--data-dir) ne peut pas être vide": "the data directory (--data-dir) cannot be empty",
    "{path} : ce n'est pas un dossier": "{path}: not a directory",
    "{path} : dossier de données illisible ({reason})": "{path}: unreadable data directory ({reason})",
    "impossible de créer le dossier de données {path} ({reason})": "cannot create the data directory {path} ({reason})",
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
    "contenu compressé illisible (Content-Encoding : {encoding})": "unreadable compressed content (Content-Encoding: {encoding})",
    "pas de réponse du serveur en {seconds} s": "no answer from the server within {seconds} s",
    "serveur injoignable ({error})": "server unreachable ({error})",
    "adresse invalide ({error})": "invalid address ({error})",
    "échec de la requête HTTP ({error})": "HTTP request failed ({error})",
    "téléchargement trop long (plus de {seconds} s au total)": "download too long (over {seconds} s in all)",
    "{error} ; abandon après {seconds} s au total": "{error}; gave up after {seconds} s in all",
    # months (dates in words) and result rows
    "janvier": "January",
    "février": "February",
    "mars": "March",
    "avril": "April",
    "mai": "May",
    "juin": "June",
    "juillet": "July",
    "août": "August",
    "septembre": "September",
    "octobre": "October",
    "novembre": "November",
    "décembre": "December",
    "Titulaire ou contractuel": "Civil servant or contract",
    "Contractuel": "Contract",
    "référence {reference}": "reference {reference}",
    "date limite le {date}": "apply by {date}",
    "jusqu'au {date}": "until {date}",
    "Offre {n} sur {count}": "Offer {n} of {count}",
    "Offre {n} sur {count} : {summary}.": "Offer {n} of {count}: {summary}.",
    " : coché": ": ticked",
    " : non coché": ": not ticked",
    "Offre envoyée à l'imprimante {printer}. Copie : {name}, dans le dossier {directory}.": (
        "Offer sent to the printer {printer}. Copy: {name}, in the folder {directory}."
    ),
    "Offre enregistrée pour impression : {pdf} et {text}, dans le dossier {directory}.": (
        "Offer saved for printing: {pdf} and {text}, in the folder {directory}."
    ),
    "Offre déposée dans la boîte d'envoi pour {address}, dans le dossier {directory}.": (
        "Offer for {address} left in the outbox, in the folder {directory}."
    ),
    "Pièce jointe enregistrée : {name}, dans le dossier {directory}.": (
        "Attachment saved: {name}, in the folder {directory}."
    ),
    "Mots clés ou numéro d'offre :": "Keywords or offer number:",
    # --lang en everywhere outside the TUI screens: command line, feeds, mail, imports
    "DOSSIER": "DIR",
    "THÈME": "THEME",
    "TEXTE": "TEXT",
    "RÉFÉRENCE": "REFERENCE",
    "ADRESSE": "ADDRESS",
    "NATURE": "NATURE",
    "DOMAINE": "DOMAIN",
    "ORGANISME": "ORGANISATION",
    "NIVEAU": "LEVEL",
    "RÉGION": "REGION",
    "DÉPARTEMENT": "DEPARTMENT",
    "langue (défaut : la locale si fr_* ou en_*, sinon config.toml, sinon fr)": (
        "language (default: the locale if fr_* or en_*, else config.toml, else fr)"
    ),
    "format de sortie (défaut : text)": "output format (default: text)",
    "format de la source (défaut : auto, reconnu d'après le contenu)": (
        "format of the source (default: auto, recognised from the content)"
    ),
    "adresse d'écoute (défaut : 127.0.0.1)": "address to listen on (default: 127.0.0.1)",
    "port d'écoute (défaut : 8080)": "port to listen on (default: 8080)",
    "offres par flux (défaut : 100)": "offers per feed (default: 100)",
    "nombre entier": "integer",
    "{percent} %": "{percent}%",
    "« {text} »": "“{text}”",
    " ; ": "; ",
    # feeds
    "PASS – recherche : {criteria}": "PASS – search: {criteria}",
    "toutes les offres": "all offers",
    "PASS – recherche": "PASS – search",
    "PASS – offres d'apprentissage": "PASS – apprenticeship offers",
    "PASS – offres de stage": "PASS – internship offers",
    "Offres d'apprentissage ouvertes, les plus récentes d'abord.": (
        "Open apprenticeship offers, newest first."
    ),
    "Offres de stage ouvertes, les plus récentes d'abord.": (
        "Open internship offers, newest first."
    ),
    # settings (config.toml)
    "une adresse http:// ou https:// est attendue": "an http:// or https:// address is expected",
    "{path} : fichier illisible ({error})": "{path}: unreadable file ({error})",
    "{path} : réglage {name} invalide ({problem})": "{path}: invalid setting {name} ({problem})",
    "nombre attendu": "number expected",
    "valeur inconnue (possibles : {expected})": "unknown value (possible: {expected})",
    "réglage inconnu": "unknown setting",
    # mail
    "aucun destinataire": "no recipient",
    "aucun serveur SMTP configuré : les messages restent en file d'attente": (
        "no SMTP server configured: the messages stay in the queue"
    ),
    "un envoi de la file d'attente est déjà en cours": "the queue is already being sent",
    "message en file d'attente sans destinataire valide": (
        "queued message without a valid recipient"
    ),
    "type de contenu invalide pour la pièce jointe : {type}": (
        "invalid content type for the attachment: {type}"
    ),
    "destinataire refusé par le serveur SMTP ({where}) : {reply}": (
        "recipient refused by the SMTP server ({where}): {reply}"
    ),
    "expéditeur refusé par le serveur SMTP ({where}) : {reply}": (
        "sender refused by the SMTP server ({where}): {reply}"
    ),
    "authentification refusée par le serveur SMTP ({where}) : {reply}": (
        "authentication refused by the SMTP server ({where}): {reply}"
    ),
    "message refusé par le serveur SMTP ({where}) : {reply}": (
        "message refused by the SMTP server ({where}): {reply}"
    ),
    "erreur du serveur SMTP ({where}) : {reply}": "SMTP server error ({where}): {reply}",
    "le serveur SMTP ({where}) ne propose pas STARTTLS": (
        "the SMTP server ({where}) does not offer STARTTLS"
    ),
    "le serveur SMTP ({where}) ne propose pas l'authentification": (
        "the SMTP server ({where}) does not offer authentication"
    ),
    "le serveur SMTP ({where}) ne prend pas en charge cette opération": (
        "the SMTP server ({where}) does not support this operation"
    ),
    "serveur SMTP injoignable ({where}) : pas de réponse en {seconds} s": (
        "SMTP server unreachable ({where}): no answer within {seconds} s"
    ),
    "échec TLS avec le serveur SMTP ({where}) : certificat refusé ({reason})": (
        "TLS failure with the SMTP server ({where}): certificate refused ({reason})"
    ),
    "échec TLS avec le serveur SMTP ({where}) : {reason}": (
        "TLS failure with the SMTP server ({where}): {reason}"
    ),
    "le serveur SMTP ({where}) a fermé la connexion": (
        "the SMTP server ({where}) closed the connection"
    ),
    "serveur SMTP injoignable ({where}) : connexion refusée": (
        "SMTP server unreachable ({where}): connection refused"
    ),
    "serveur SMTP introuvable ({where}) : nom d'hôte inconnu": (
        "SMTP server not found ({where}): unknown host name"
    ),
    "serveur SMTP injoignable ({where}) : {reason}": (
        "SMTP server unreachable ({where}): {reason}"
    ),
    "erreur SMTP ({where}) : {reason}": "SMTP error ({where}): {reason}",
    "échec de l'envoi ({where}) : erreur inattendue {error}": (
        "sending failed ({where}): unexpected error {error}"
    ),
    # printing
    "pièce jointe sans contenu (lien seulement)": "attachment without content (a link only)",
    "contenu de la pièce jointe illisible": "unreadable attachment content",
    "la commande lp est introuvable (CUPS n'est pas installé)": (
        "the lp command is missing (CUPS is not installed)"
    ),
    "l'imprimante {printer} ne répond pas": "the printer {printer} does not answer",
    "code {code}": "code {code}",
    "lp a refusé l'impression ({detail})": "lp refused to print ({detail})",
    # imports: formats and what the parsers say
    "format non reconnu : précisez --format pass-rss, pep-csv ou json": (
        "format not recognised: give --format pass-rss, pep-csv or json"
    ),
    "encodage illisible (ni UTF-8 ni Windows-1252)": (
        "unreadable encoding (neither UTF-8 nor Windows-1252)"
    ),
    "format inconnu : {fmt} (possibles : {known})": "unknown format: {fmt} (possible: {known})",
    "JSON mal formé ({error})": "malformed JSON ({error})",
    "JSON inattendu : il faut une liste d'offres ou {shape}": (
        "unexpected JSON: a list of offers or {shape} is needed"
    ),
    "{problem}, colonne {column}": "{problem}, column {column}",
    "encodage illisible (UTF-8 attendu)": "unreadable encoding (UTF-8 expected)",
    "valeur attendue": "value expected",
    "nom de propriété entre guillemets droits attendu": ("property name in double quotes expected"),
    "« : » attendu": "“:” expected",
    "« , » attendu": "“,” expected",
    "chaîne de caractères non terminée": "unterminated string",
    "caractère de contrôle interdit": "control character not allowed",
    "séquence d'échappement invalide": "invalid escape sequence",
    "séquence \\uXXXX invalide": "invalid \\uXXXX sequence",
    "données en trop après la fin du document": "extra data after the end of the document",
    "virgule en trop avant la fin de l'objet": "extra comma before the end of the object",
    "virgule en trop avant la fin de la liste": "extra comma before the end of the list",
    "erreur de syntaxe": "syntax error",
    "aucun élément (document vide ou tronqué)": "no element (empty or truncated document)",
    "caractère ou balise inattendu": "unexpected character or tag",
    "balise non terminée": "unterminated tag",
    "caractère incomplet": "incomplete character",
    "balise fermante qui ne correspond pas à l'ouvrante": (
        "closing tag that does not match the opening one"
    ),
    "attribut en double": "duplicate attribute",
    "contenu après l'élément racine": "content after the root element",
    "entité non définie": "undefined entity",
    "section CDATA non terminée": "unterminated CDATA section",
    "déclaration XML mal formée": "malformed XML declaration",
    "encodage inconnu": "unknown encoding",
    "encodage de la déclaration XML incorrect": "wrong encoding in the XML declaration",
    "référence à un caractère invalide": "reference to an invalid character",
    "préfixe d'espace de noms non déclaré": "undeclared namespace prefix",
    "la ligne contient un caractère nul": "the line contains a NUL character",
    "fin de fichier inattendue": "unexpected end of file",
    "saut de ligne dans un champ sans guillemets": "line break in an unquoted field",
    "« {expected} » attendu après « {after} »": "“{expected}” expected after “{after}”",
    "champ trop long (plus de {limit} caractères)": "field too long (over {limit} characters)",
    # the TUI in English everywhere (help lines, command palette, theme picker)
    "{keys} : {action}": "{keys}: {action}",
    "Rechercher une commande…": "Search for a command…",
    "Rechercher un thème…": "Search for a theme…",
    "Aucun résultat": "No matches found",
    "{prog} : erreur : {message} (aide : {help})": "{prog}: error: {message} (help: {help})",
}

# Each part of the candidate space keeps its translations in its own module (fewer merge
# conflicts while they are built in parallel); a key defined twice is a bug (a test checks).
from pass_tui.i18n.english_accounts import ACCOUNTS  # noqa: E402
from pass_tui.i18n.english_attachments import ATTACHMENTS  # noqa: E402
from pass_tui.i18n.english_forms import FORMS  # noqa: E402
from pass_tui.i18n.english_profile import PROFILE  # noqa: E402
from pass_tui.i18n.english_space import SPACE  # noqa: E402

for _part in (ACCOUNTS, ATTACHMENTS, PROFILE, SPACE, FORMS):
    _twice = ENGLISH.keys() & _part.keys()
    assert not _twice, f"translated twice: {sorted(_twice)}"
    ENGLISH.update(_part)
