"""Scrollbars drawn with coloured spaces only.

Textual draws the ends of a scrollbar thumb with block elements (▁▂▃…) for smoothness. A
screen reader reads every line whose characters change, so a thumb moving down the right
edge of a scrolling form is read as "▆▆" on each line. This renderer keeps the thumb
visible (by colour) and puts no character on screen.
"""

from __future__ import annotations

from typing import ClassVar

from textual.scrollbar import ScrollBar, ScrollBarRender

__all__ = ["QuietScrollBarRender", "use_quiet_scrollbars"]


class QuietScrollBarRender(ScrollBarRender):
    """A scrollbar renderer that draws spaces only (the thumb is a coloured block)."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


def use_quiet_scrollbars() -> None:
    """Draw every scrollbar of the process with :class:`QuietScrollBarRender`."""
    ScrollBar.renderer = QuietScrollBarRender
