"""English translations for attachments: document checks, virus scan, downloads, file picker."""

ATTACHMENTS: dict[str, str] = {
    # attachments.py
    "(Par défaut)": "(Default)",
    "({size} Ko)": "({size} KB)",
    "Pièce jointe introuvable (elle a peut-être été supprimée).": (
        "Attachment not found (it may have been deleted)."
    ),
    "Seuls les CV et les lettres de motivation ont un document par défaut.": (
        "Only CVs and cover letters have a default document."
    ),
    "Type de pièce jointe inconnu : {kind}": "Unknown attachment kind: {kind}",
    "Vous avez déjà 5 CV : supprimez-en un d'abord.": ("You already have 5 CVs: delete one first."),
    "Vous avez déjà 5 lettres de motivation : supprimez-en une d'abord.": (
        "You already have 5 cover letters: delete one first."
    ),
    "Vous avez déjà 3 autres documents : supprimez-en un d'abord.": (
        "You already have 3 other documents: delete one first."
    ),
    "l'extension doit rester .{type} (le contenu du document)": (
        "the extension must stay .{type} (the document's content)"
    ),
    "ce fichier existe déjà ; choisissez un autre nom": (
        "this file already exists; choose another name"
    ),
    "virus détecté ({signature}) : document refusé": "virus found ({signature}): document refused",
    "{path} : pièce jointe mal enregistrée (ligne illisible)": (
        "{path}: attachment stored wrongly (unreadable row)"
    ),
    # documents.py
    "{name} : {reason}": "{name}: {reason}",
    "document sans nom": "unnamed document",
    "le nom ne doit contenir ni dossier ni chemin (pas de / ni de \\)": (
        "the name must not contain a folder or a path (no / or \\)"
    ),
    "nom de fichier vide": "empty file name",
    "nom trop long (plus de {count} caractères)": "name too long (more than {count} characters)",
    "type de fichier refusé (formats acceptés : {types})": (
        "file type refused (accepted formats: {types})"
    ),
    "trop volumineux ({size} Ko, au plus {max} Ko)": "too large ({size} KB, at most {max} KB)",
    "le contenu n'est pas un {what}": "the content is not a {what}",
    "le contenu n'est pas un {what} (contenu : {actual})": (
        "the content is not a {what} (content: {actual})"
    ),
    "document Word 97-2003 (.doc)": "Word 97-2003 document (.doc)",
    "document Word (.docx)": "Word document (.docx)",
    "document RTF": "RTF document",
    "PDF": "PDF",
    "document texte OpenDocument (.odt)": "OpenDocument text document (.odt)",
    "document avec macros refusé (enregistrez-le sans macros)": (
        "document with macros refused (save it without macros)"
    ),
    "document Word (.doc) illisible ou endommagé": "Word document (.doc) unreadable or damaged",
    "PDF illisible ou endommagé": "PDF unreadable or damaged",
    "PDF avec contenu actif refusé : {what} (enregistrez-le de nouveau en PDF simple)": (
        "PDF with active content refused: {what} (save it again as a plain PDF)"
    ),
    "PDF protégé par un mot de passe (enregistrez-le sans mot de passe)": (
        "password-protected PDF (save it without a password)"
    ),
    "document avec un objet incorporé refusé (enregistrez-le sans objet)": (
        "document with an embedded object refused (save it without the object)"
    ),
    "document Word (.docx) illisible ou endommagé": "Word document (.docx) unreadable or damaged",
    "archive endommagée ou illisible": "damaged or unreadable archive",
    "archive suspecte (bombe de décompression) refusée": (
        "suspicious archive (decompression bomb) refused"
    ),
    # scan.py
    "analyse antivirus impossible ({reason})": "virus scan impossible ({reason})",
    "clamd injoignable : {error}": "clamd unreachable: {error}",
    "réponse de clamd : {reply}": "clamd answered: {reply}",
    "pas de réponse": "no answer",
    # remote.py
    "adresse invalide": "invalid address",
    "certificat du serveur refusé": "the server's certificate was refused",
    "seules les adresses http:// et https:// sont acceptées": (
        "only http:// and https:// addresses are accepted"
    ),
    "document trop volumineux (plus de {max} Ko)": "document too large (more than {max} KB)",
    "téléchargement trop long (plus de {seconds} s)": "download too long (more than {seconds} s)",
    "{name} : adresse refusée sur ce poste ({address} : réseau local ou réservé)": (
        "{name}: address refused on this computer ({address}: local or reserved network)"
    ),
    # browse.py
    "L'import de fichiers n'est pas disponible sur ce poste.": (
        "Importing files is not available on this computer."
    ),
    "chemin illisible (boucle de liens)": "unreadable path (a loop of links)",
    "en dehors des dossiers autorisés sur ce poste": "outside the folders allowed on this computer",
    "c'est un dossier, pas un document": "this is a folder, not a document",
}
