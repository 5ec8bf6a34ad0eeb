"""A status line at a fixed place that says what just happened, in words."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

__all__ = ["Notice"]

REPEAT_DELAY_S = 0.06
"""The same message said again is first cleared, then shown after this delay."""


class Notice(Static):
    """Persistent feedback ("Offre envoyée à …", "Erreur : …") on a row reserved for it.

    The row is always there (empty when there is nothing to say), so a message never
    shifts the layout. A screen reader reads a line whose text changes: a new message is
    read as it appears; the same message announced again (the last offer, twice) is
    cleared and shown again a moment later, so it is read again. The text is always
    literal, never markup; errors say "Erreur : …" in words, the colour only adds to it.
    """

    DEFAULT_CSS = """
    Notice {
        height: auto;
        min-height: 1;
        width: 1fr;
        padding: 0 1;
        &.-error { color: $text-error; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._text = ""

    def announce(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` (read aloud by a screen reader, even if it was already shown)."""
        self.set_class(error, "-error")
        if text == self._text:
            self.update("")
            self.set_timer(REPEAT_DELAY_S, lambda: self.update(Content(text)))
        else:
            self.update(Content(text))
        self._text = text

    def clear(self) -> None:
        """Empty the row."""
        self._text = ""
        self.update("")
        self.set_class(False, "-error")

    @property
    def text(self) -> str:
        """The message shown."""
        return self._text
