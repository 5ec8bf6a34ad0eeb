"""The interface language: French by default, English on request.

Messages are written in French in the code, and the French text is the catalogue key:
``_("Offre {n} / {count}", n=2, count=11)``. English translations live in
:mod:`pass_tui.i18n.english`. This module never imports Textual (the data layer uses it).
"""

from __future__ import annotations

__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "_",
    "_n",
    "get_language",
    "number",
    "set_language",
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


def _n(one: str, many: str, count: int, /, **values: object) -> str:
    """The singular or plural message for ``count``, as the language chooses between them:
    French says "0 offre", "1 offre", "2 offres"; English "0 offers", "1 offer", "2 offers".

    Args:
        one: The French singular text (a catalogue key).
        many: The French plural text (a catalogue key).
        count: The number that decides.
        **values: Values for the ``{name}`` placeholders (pass ``count`` too if shown).
    """
    singular = count == 1 if _language == "en" else abs(count) < 2
    return _(one if singular else many, **values)


def number(value: int) -> str:
    """A count as the language writes it: "100 000" (no-break space) or "100,000"."""
    grouped = f"{value:,}"
    return grouped if _language == "en" else grouped.replace(",", "\u00a0")


from pass_tui.i18n.english import ENGLISH  # noqa: E402
