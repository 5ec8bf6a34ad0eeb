"""Text helpers: accent folding, tokenising, and cleaning untrusted strings."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["STOP_WORDS", "clean", "clean_multiline", "fold", "tokens"]

# C0/C1 control characters and DEL, except newline and tab (kept in multi-line text).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_ALL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[a-z0-9]+")
_COMBINING = re.compile("[\u0300-\u036f]")
_LIGATURES = (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE"), ("ß", "ss"))

# Query words too common to narrow a search; ignored in keyword queries.
STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "un",
        "une",
        "ou",
        "par",
        "pour",
        "sur",
    ]
)


def fold(text: str) -> str:
    """Lower-case without accents: 'Cybersécurité' → 'cybersecurite', 'Œuvre' → 'oeuvre'."""
    if text.isascii():
        return text.lower()
    for ligature, letters in _LIGATURES:
        if ligature in text:
            text = text.replace(ligature, letters)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def tokens(text: str) -> list[str]:
    """The searchable words of a text, folded."""
    return _WORD.findall(fold(text))


def clean(value: object) -> str:
    """A one-line untrusted string: control characters dropped, whitespace collapsed."""
    if value is None:
        return ""
    return " ".join(_CONTROL_ALL.sub(" ", str(value)).split())


def clean_multiline(value: object) -> str:
    """A multi-line untrusted string: control characters dropped, line breaks kept."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [" ".join(line.replace("\t", " ").split()) for line in text.split("\n")]
    # collapse runs of blank lines to one paragraph break
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
