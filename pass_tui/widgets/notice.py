"""A status line that stays on screen and can take focus, so a screen reader reads it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

__all__ = ["Notice"]


class Notice(Static, can_focus=True):
    """Persistent feedback ("Offre envoyée à …", "Erreur : …") at a fixed place.

    `announce` shows the text and moves the focus (hence the terminal cursor) onto it:
    ACCESSIBILITY.md point 4. The text is always literal, never markup.
    """

    DEFAULT_CSS = """
    Notice {
        height: auto;
        width: 1fr;
        padding: 0 1;
        display: none;
        &.-shown { display: block; }
        &.-error { color: $text-error; text-style: bold; }
        &:focus { background-tint: $foreground 10%; }
    }
    """

    def announce(self, text: str, *, error: bool = False, focus: bool = True) -> None:
        """Show ``text``, marked as an error when ``error`` (the text itself should say
        "Erreur : …" too: colour alone carries no meaning)."""
        self.update(Content(text))
        self.set_class(True, "-shown")
        self.set_class(error, "-error")
        if focus:
            self.focus()

    def clear(self) -> None:
        """Hide the notice."""
        self.update("")
        self.set_class(False, "-shown")

    @property
    def text(self) -> str:
        """The message shown."""
        return str(self.content) if self.has_class("-shown") else ""
