"""What every pass-tui widget shares for keyboard and screen-reader users: key descriptions
in the interface language, and where the terminal cursor goes.

Terminal screen readers read the line the terminal cursor is on (ACCESSIBILITY.md). The
app keeps that cursor on the focused widget: a widget says where with
:meth:`ReaderWidget.reader_cursor` and tells the app it moved with
:meth:`ReaderWidget.reader_cursor_moved`. No widget needs a handler in the app.
"""

from __future__ import annotations

import dataclasses

from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.geometry import Offset
from textual.message import Message
from textual.widget import Widget

from pass_tui.i18n import _, get_language

__all__ = [
    "ReaderCursorMoved",
    "ReaderScroll",
    "ReaderWidget",
    "cursor_offset",
    "translate_bindings",
]


def translate_bindings(node: DOMNode) -> None:
    """Translate the descriptions of a node's key bindings into the interface language.

    Binding descriptions are written in French in each class's BINDINGS; this rewrites the
    node's own copy of its bindings, so the footer, the help screen and the command
    palette show the chosen language.
    """
    if get_language() == "fr":
        return
    bindings = node._bindings
    bindings.key_to_bindings = {
        key: [
            dataclasses.replace(
                binding,
                description=_(binding.description) if binding.description else "",
                tooltip=_(binding.tooltip) if binding.tooltip else "",
            )
            for binding in key_bindings
        ]
        for key, key_bindings in bindings.key_to_bindings.items()
    }


class ReaderCursorMoved(Message):
    """The terminal cursor should move: focus stayed, but the widget's reader cursor
    (a highlighted row) moved. The app places the cursor after the next refresh."""


class ReaderWidget:
    """Mixin for pass-tui's own widgets (listed first among the bases): translated
    bindings and a reader cursor.

    Subclasses override :meth:`reader_cursor` when the cursor belongs somewhere other than
    their first cell (a list's highlighted row), and call :meth:`reader_cursor_moved`
    whenever that place changes while they keep the focus.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        translate_bindings(self)  # type: ignore[arg-type]

    def reader_cursor(self) -> Offset | None:
        """Screen coordinates of the line a screen reader should read now."""
        return self.content_region.offset  # type: ignore[attr-defined]

    def reader_cursor_moved(self) -> None:
        """Ask the app to move the terminal cursor to :meth:`reader_cursor`."""
        self.post_message(ReaderCursorMoved())  # type: ignore[attr-defined]


def cursor_offset(widget: Widget) -> Offset | None:
    """Where the terminal cursor should sit for ``widget``: its reader cursor, a text
    field's own cursor, else its first cell."""
    if not widget.is_mounted or not widget.region:
        return None
    if isinstance(widget, ReaderWidget):
        return widget.reader_cursor()
    text_cursor = getattr(widget, "cursor_screen_offset", None)
    if isinstance(text_cursor, Offset):
        return text_cursor
    return widget.content_region.offset


class ReaderScroll(VerticalScroll):
    """A scrolling container after whose scrolls the terminal cursor lands again.

    A focus change scrolls the container after the cursor was placed, and a screen
    reader reads the lines a scroll brings in rather than the cursor's line when both
    come in one frame. So the cursor is held while the scroll is drawn and placed in a
    frame of its own: the reader says the rows that appeared, then the line the cursor
    is on (a cursor line interrupts the rest)."""

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            hold = getattr(self.app, "hold_cursor", None)
            if hold is not None:
                hold()
