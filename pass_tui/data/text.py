"""Text helpers: accent folding, tokenising, and cleaning untrusted strings."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

__all__ = ["STOP_WORDS", "clean", "clean_multiline", "fold", "tokens", "web_url"]

# C0/C1 control characters and DEL, except newline and tab (kept in multi-line text).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_ALL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Invisible characters that change how text is shown or compared: bidirectional controls
# (an offer title can be made to read backwards: U+202A-U+202E, U+2066-U+2069, U+200E,
# U+200F, U+061C), zero-width characters (U+200B-U+200D, U+2060, U+FEFF, and the Mongolian
# vowel separator U+180E, a zero-width space in older Unicode), invisible operators
# (U+2061-U+2064) and the deprecated format controls U+206A-U+206F. Removed, not replaced:
# "Pi\u200bège" must read and search as "Piège".
_INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\u206a-\u206f\ufeff]")
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
    """A one-line untrusted string: control characters dropped (line breaks and tabs become
    spaces), invisible bidirectional and zero-width characters removed, whitespace collapsed."""
    if value is None:
        return ""
    text = _INVISIBLE.sub("", str(value))
    return " ".join(_CONTROL_ALL.sub(" ", text).split())


def clean_multiline(value: object) -> str:
    """A multi-line untrusted string: control, bidirectional and zero-width characters
    dropped, line breaks kept."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
    lines = [" ".join(line.replace("\t", " ").split()) for line in text.split("\n")]
    # collapse runs of blank lines to one paragraph break
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def web_url(value: object) -> str | None:
    """An absolute http(s) URL with a host, cleaned; None for anything else.

    Links from sources end up in the TUI, in printed offers and in the RSS/Atom feeds we
    publish, where a ``javascript:``, ``data:`` or ``file:`` link would run or read
    something on the reader's side. Relative links are refused too: they would resolve
    against our own feed's address, not the source's.
    """
    if not isinstance(value, str):
        return None
    url = clean(value)
    if not url or " " in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
