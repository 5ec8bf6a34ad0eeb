"""The terminal cursor of an option list: on the list's heading when focus arrives, then
on the highlighted row (shared by the criteria lists and the lines lists)."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Offset
from textual.widget import Widget

__all__ = ["HeadingFirst"]


class HeadingFirst:
    """Mixin for an `OptionList` subclass (listed before it) that is named by a heading.

    When focus arrives the subclass sets :attr:`_on_heading` (its ``_on_focus``), so the
    terminal cursor sits on :attr:`heading` and a screen reader names the list; the first
    arrow key then moves the cursor onto the highlighted row without moving the highlight.
    Any other key or a click leaves the heading and does its usual work.
    """

    heading: Widget | None = None
    """The label naming this list; the cursor visits it when focus arrives."""
    _on_heading: bool = False

    # From OptionList and ReaderWidget (declared only: the mixin comes first in the MRO,
    # so it must not define them).
    highlighted: int | None
    content_region: Any
    scroll_offset: Any
    _index_to_line: dict[int, int]
    reader_cursor_moved: Any

    def leave_heading(self) -> bool:
        """Move the reader cursor from the heading to the highlighted row; True if it was
        on the heading (the key that did it moves nothing else)."""
        if not self._on_heading:
            return False
        self._on_heading = False
        self.reader_cursor_moved()
        return True

    def action_cursor_up(self) -> None:
        if not self.leave_heading():
            super().action_cursor_up()  # type: ignore[misc]

    def action_cursor_down(self) -> None:
        if not self.leave_heading():
            super().action_cursor_down()  # type: ignore[misc]

    def action_first(self) -> None:
        self._on_heading = False
        super().action_first()  # type: ignore[misc]

    def action_last(self) -> None:
        self._on_heading = False
        super().action_last()  # type: ignore[misc]

    def action_page_up(self) -> None:
        self._on_heading = False
        super().action_page_up()  # type: ignore[misc]

    def action_page_down(self) -> None:
        self._on_heading = False
        super().action_page_down()  # type: ignore[misc]

    def action_select(self) -> None:
        self._on_heading = False
        super().action_select()  # type: ignore[misc]

    def _on_click(self, event: events.Click) -> None:
        # Textual runs every class's own handler, most derived first: OptionList's
        # `_on_click` (highlight and select) follows this one. Calling it here too selected
        # twice: a clicked criterion was ticked and unticked at once.
        self._on_heading = False

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)  # type: ignore[misc]
        self.reader_cursor_moved()

    def reader_cursor(self) -> Offset | None:
        """Where the terminal cursor goes for a screen reader: the heading right after
        focus arrives, then the highlighted row (the list's top when it is out of view)."""
        if self._on_heading and self.heading is not None and self.heading.display:
            return self.heading.content_region.offset
        region = self.content_region
        if self.highlighted is None:
            return region.offset
        try:
            line = self._index_to_line[self.highlighted]
        except KeyError:
            return region.offset
        y = line - self.scroll_offset.y
        if not 0 <= y < region.height:
            return region.offset
        return Offset(region.x, region.y + y)
