"""A status line at a fixed place that says what just happened, in words."""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

__all__ = ["Notice"]

SHOW_DELAY_S = 0.1
"""A message is drawn this long after it is announced, and not while the terminal cursor
is held (PassApp.cursor_held): after the frames in which a new screen or dialog settles
and the cursor lands, which a screen reader reads with priority (a cursor line interrupts
what is queued). Said after, it is heard."""


class Notice(Static):
    """Persistent feedback ("Offre envoyée à …", "Erreur : …") on a row reserved for it.

    The row is always there (empty when there is nothing to say), so a message never
    shifts the layout. A screen reader reads a line whose text changes: a new message is
    read as it appears, a moment after it is announced; the same message announced again
    (the last offer, twice) is cleared first, so it is read again. The text is always
    literal, never markup; errors say "Erreur : …" in words, the colour only adds to it.
    """

    DEFAULT_CSS = """
    Notice {
        height: auto;
        min-height: 1;
        width: 1fr;
        padding: 0 1;
        &.-error { color: $text-error; text-style: bold; }
        &.-collapsible.-empty { display: none; }
    }
    """

    def __init__(self, *, reserve: bool = True, id: str | None = None) -> None:
        """A notice row.

        Args:
            reserve: Keep the row on screen when empty (a screen with frequent messages:
                nothing moves when one appears); else the row takes room only while it
                shows a message (a screen where only errors appear).
            id: The widget's id.
        """
        super().__init__("", id=id, markup=False)
        self._text = ""
        self._pending: Timer | None = None
        self.set_class(not reserve, "-collapsible")
        self.set_class(True, "-empty")

    def announce(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` (read aloud by a screen reader, even if it was already shown)."""
        self._text = text
        if self._pending is not None:
            self._pending.stop()
        if str(self.content) == text:
            self.update("")  # the same message again: a change a reader will notice
        self._pending = self.set_timer(SHOW_DELAY_S, lambda: self._show(text, error))

    def _show(self, text: str, error: bool) -> None:
        if getattr(self.app, "cursor_held", False):
            # A screen is still settling: its cursor line would interrupt the message.
            self._pending = self.set_timer(SHOW_DELAY_S, lambda: self._show(text, error))
            return
        self._pending = None
        self.set_class(error, "-error")
        self.set_class(False, "-empty")
        self.update(Content(text))

    def clear(self) -> None:
        """Empty the row."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        self._text = ""
        self.update("")
        self.set_class(False, "-error")
        self.set_class(True, "-empty")

    @property
    def text(self) -> str:
        """The message shown."""
        return self._text
