"""What the JSON, XML and CSV parsers say, in the interface language.

Python's parsers explain a malformed source in English ("Expecting ',' delimiter"). An
import error quotes that explanation, so it is rewritten here in French words (the
catalogue keys), which ``_()`` turns back into English for an English interface. A message
not listed here is quoted as the parser wrote it.
"""

from __future__ import annotations

import csv
import json
import re
from xml.parsers import expat

from pass_tui.i18n import _

__all__ = ["csv_problem", "json_problem", "xml_problem"]

_JSON = {
    "Expecting value": "valeur attendue",
    "Expecting property name enclosed in double quotes": (
        "nom de propriété entre guillemets droits attendu"
    ),
    "Expecting ':' delimiter": "« : » attendu",
    "Expecting ',' delimiter": "« , » attendu",
    "Unterminated string starting at": "chaîne de caractères non terminée",
    "Invalid control character at": "caractère de contrôle interdit",
    "Invalid \\escape": "séquence d'échappement invalide",
    "Invalid \\uXXXX escape": "séquence \\uXXXX invalide",
    "Extra data": "données en trop après la fin du document",
    "Illegal trailing comma before end of object": "virgule en trop avant la fin de l'objet",
    "Illegal trailing comma before end of array": "virgule en trop avant la fin de la liste",
}

_XML = {
    expat.errors.XML_ERROR_SYNTAX: "erreur de syntaxe",
    expat.errors.XML_ERROR_NO_ELEMENTS: "aucun élément (document vide ou tronqué)",
    expat.errors.XML_ERROR_INVALID_TOKEN: "caractère ou balise inattendu",
    expat.errors.XML_ERROR_UNCLOSED_TOKEN: "balise non terminée",
    expat.errors.XML_ERROR_PARTIAL_CHAR: "caractère incomplet",
    expat.errors.XML_ERROR_TAG_MISMATCH: "balise fermante qui ne correspond pas à l'ouvrante",
    expat.errors.XML_ERROR_DUPLICATE_ATTRIBUTE: "attribut en double",
    expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: "contenu après l'élément racine",
    expat.errors.XML_ERROR_UNDEFINED_ENTITY: "entité non définie",
    expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION: "section CDATA non terminée",
    expat.errors.XML_ERROR_XML_DECL: "déclaration XML mal formée",
    expat.errors.XML_ERROR_UNKNOWN_ENCODING: "encodage inconnu",
    expat.errors.XML_ERROR_INCORRECT_ENCODING: "encodage de la déclaration XML incorrect",
    expat.errors.XML_ERROR_BAD_CHAR_REF: "référence à un caractère invalide",
    expat.errors.XML_ERROR_UNBOUND_PREFIX: "préfixe d'espace de noms non déclaré",
}

_CSV_EXPECTED = re.compile(r"'(.)' expected after '(.)'")
_CSV_LIMIT = re.compile(r"field larger than field limit \((\d+)\)")


def json_problem(exc: ValueError) -> str:
    """Why ``json.loads`` refused a document, and where: "« , » attendu, colonne 12"."""
    if isinstance(exc, json.JSONDecodeError):
        problem = _(_JSON[exc.msg]) if exc.msg in _JSON else exc.msg
        return _("{problem}, colonne {column}", problem=problem, column=str(exc.colno))
    if isinstance(exc, UnicodeDecodeError):
        return _("encodage illisible (UTF-8 attendu)")
    return str(exc)


def xml_problem(exc: expat.ExpatError) -> str:
    """Why expat refused a document: "balise fermante qui ne correspond pas à l'ouvrante"."""
    message = expat.ErrorString(exc.code)
    return _(_XML[message]) if message in _XML else message


def csv_problem(exc: csv.Error) -> str:
    """Why the CSV reader refused a line: "« ; » attendu après « " »"."""
    message = str(exc)
    if message == "line contains NUL":
        return _("la ligne contient un caractère nul")
    if message == "unexpected end of data":
        return _("fin de fichier inattendue")
    if message.startswith("new-line character seen in unquoted field"):
        return _("saut de ligne dans un champ sans guillemets")
    if found := _CSV_EXPECTED.fullmatch(message):
        return _(
            "« {expected} » attendu après « {after} »",
            expected=found.group(1),
            after=found.group(2),
        )
    if found := _CSV_LIMIT.fullmatch(message):
        return _("champ trop long (plus de {limit} caractères)", limit=found.group(1))
    return message
