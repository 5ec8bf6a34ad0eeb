"""Keys as people say them, in the interface language: "ctrl+q" → "Ctrl+Q", "escape" →
"Échap". The footer, the help screen and the command palette show keys through this."""

from __future__ import annotations

from pass_tui.i18n import _

__all__ = ["key_label"]

# French names a screen reader can say; translated with _().
_KEY_NAMES = {
    "escape": "Échap",
    "enter": "Entrée",
    "tab": "Tab",
    "space": "Espace",
    "up": "Haut",
    "down": "Bas",
    "left": "Gauche",
    "right": "Droite",
    "pageup": "Page préc.",
    "pagedown": "Page suiv.",
    "home": "Début",
    "end": "Fin",
    "slash": "/",
    "question_mark": "?",
    "delete": "Suppr",
    "backspace": "Retour arrière",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Maj", "alt": "Alt", "meta": "Méta"}


def key_label(key: str) -> str:
    """A key as people say it: "ctrl+q" → "Ctrl+Q", "escape" → "Échap", "f1" → "F1"."""
    *mods, name = key.split("+")
    if name in _KEY_NAMES:
        word = _(_KEY_NAMES[name])
    elif len(name) == 1:
        word = name.upper() if mods else name
    elif name.startswith("f") and name[1:].isdigit():
        word = name.upper()
    else:
        word = name.replace("_", " ")
    return "+".join([*(_(_MODIFIERS.get(m, m)) for m in mods), word])
